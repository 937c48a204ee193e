'use strict';
/**
 * DOM walks that cross shadow boundaries: LWC may render in native shadow roots, where
 * `closest` and `textContent` stop at each root.
 */

/* exported composedClosest, composedText */

/**
 * The nearest ancestor of `node` (itself included) matching `test`, crossing shadow roots.
 * @param {Node} node
 * @param {(element: Element) => boolean} test
 * @returns {Element | null}
 */
function composedClosest(node, test) {
  // `any`: an element, a shadow root (whose parent is its host) or a document.
  for (let current = /** @type {any} */ (node); current; current = current.parentNode ?? current.host) {
    if (current.nodeType === Node.ELEMENT_NODE && test(current)) return current;
  }
  return null;
}

/**
 * The text of `element` as rendered, including what its shadow roots render.
 * @param {Element} element
 */
function composedText(element) {
  let text = '';
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.data;
    if (node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(element);
  return text.trim();
}
