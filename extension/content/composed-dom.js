'use strict';
/**
 * DOM walks over the page as it is rendered, crossing shadow roots: LWC may render in native
 * shadow roots, where `closest` and `textContent` stop at each root, and where a component's
 * slotted content stays in the light DOM of its host, shown at the component's `<slot>`.
 */

/* exported composedClosest, composedText, composedFind */
const { composedClosest, composedText, composedFind } = (() => {
  /**
   * The nearest ancestor of `node` (itself included) matching `test`, crossing shadow roots:
   * from a node to the slot it is shown in, else its parent, and from a shadow root to its host.
   * @param {Node} node
   * @param {(element: Element) => boolean} test
   * @returns {Element | null}
   */
  function composedClosest(node, test) {
    // `any`: an element, a shadow root (whose parent is its host) or a document.
    for (
      let current = /** @type {any} */ (node);
      current;
      current = current instanceof ShadowRoot ? current.host : (current.assignedSlot ?? current.parentNode)
    ) {
      if (current.nodeType === Node.ELEMENT_NODE && test(current)) return current;
    }
    return null;
  }

  /**
   * The nodes shown as `node`'s children: a host shows its shadow root, in which its children
   * appear at their slots; a slot outside a shadow root (LWC's synthetic shadow) holds its
   * content as children.
   * @param {any} node
   * @returns {Iterable<Node>}
   */
  function composedChildren(node) {
    const slotted = node.localName === 'slot' ? node.assignedNodes({ flatten: true }) : [];
    return node.shadowRoot?.childNodes ?? (slotted.length > 0 ? slotted : node.childNodes);
  }

  /**
   * The text of `element` as rendered, through its shadow roots and slots, leaving out the
   * elements for which `skip` is true.
   * @param {Element} element
   * @param {(element: Element) => boolean} [skip]
   */
  function composedText(element, skip = () => false) {
    let text = '';
    /** @param {any} node */
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) text += node.data;
      if (node.nodeType !== Node.ELEMENT_NODE || skip(node)) return;
      for (const child of composedChildren(node)) visit(child);
    };
    visit(element);
    return text.trim();
  }

  /**
   * The first element under `element` (itself included), as rendered, through its shadow
   * roots and slots, for which `test` is true; null when none is.
   * @param {Element} element
   * @param {(element: Element) => boolean} test
   * @returns {Element | null}
   */
  function composedFind(element, test) {
    if (test(element)) return element;
    for (const child of composedChildren(element)) {
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const found = composedFind(/** @type {Element} */ (child), test);
      if (found) return found;
    }
    return null;
  }

  return { composedClosest, composedText, composedFind };
})();
