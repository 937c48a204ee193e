'use strict';
/**
 * DOM walks over the page as it is rendered, crossing shadow roots: LWC may render in native
 * shadow roots, where `closest` and `textContent` stop at each root, and where a component's
 * slotted content stays in the light DOM of its host, shown at the component's `<slot>`.
 */

/* eslint-disable no-unused-vars -- globals shared by the content scripts listed after this one */

/** The parent of `node` as rendered: the slot it is shown in, else its parent, else a root's host. */
function composedParent(node) {
  if (node instanceof ShadowRoot) return node.host;
  return node.assignedSlot ?? node.parentNode;
}

/** The nearest ancestor of `node` (itself included) matching `test`, crossing shadow roots. */
function composedClosest(node, test) {
  for (let current = node; current; current = composedParent(current)) {
    if (current.nodeType === Node.ELEMENT_NODE && test(current)) return current;
  }
  return null;
}

/**
 * The text of `element` as rendered, through its shadow roots and slots, leaving out the
 * elements for which `skip` is true.
 */
function composedText(element, skip = () => false) {
  let text = '';
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.data;
    if (node.nodeType !== Node.ELEMENT_NODE || skip(node)) return;
    // A host shows its shadow root, in which its children appear at their slots. A slot
    // outside a shadow root (LWC's synthetic shadow) holds its content as children.
    const slotted = node.localName === 'slot' ? node.assignedNodes({ flatten: true }) : [];
    const shown = node.shadowRoot?.childNodes ?? (slotted.length > 0 ? slotted : node.childNodes);
    for (const child of shown) visit(child);
  };
  visit(element);
  return text.trim();
}
