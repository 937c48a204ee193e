'use strict';
/**
 * Finds phone links and record fields in a document and in every open shadow root below
 * it, and follows the page as it changes: added nodes, shadow roots met later, and `href`
 * set again by the framework. One observer serves the document and every shadow root,
 * because a document observer does not see inside native shadow roots.
 */

/* eslint-disable no-unused-vars -- a global used by main.js */

class LinkFinder {
  #onPhoneLink;
  #onRecordField;
  #observer;
  #observedRoots = new WeakSet();

  /**
   * `onPhoneLink(anchor)` and `onRecordField(element)` are called for each one found,
   * possibly again for the same one.
   */
  constructor({ onPhoneLink, onRecordField }) {
    this.#onPhoneLink = onPhoneLink;
    this.#onRecordField = onRecordField;
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
  }

  /** Scans `root` (a document or shadow root) and keeps watching it; safe to call again. */
  watch(root) {
    if (!this.#observedRoots.has(root)) {
      this.#observedRoots.add(root);
      this.#observer.observe(root, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['href'],
      });
    }
    this.#scan(root);
  }

  stop() {
    this.#observer.disconnect();
  }

  /** One pass over the elements under `root`: phone links, and shadow roots to descend into. */
  #scan(root) {
    if (root.nodeType === Node.ELEMENT_NODE) this.#visit(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    while (walker.nextNode()) this.#visit(walker.currentNode);
  }

  #visit(element) {
    try {
      if (isPhoneLink(element)) this.#onPhoneLink(element);
      if (recordFieldName(element)) this.#onRecordField(element);
      if (element.shadowRoot) this.watch(element.shadowRoot);
    } catch (error) {
      // One odd element must not stop the others.
      console.debug('Caller ID Dialer: skipped an element', error);
    }
  }

  #onMutations(records) {
    // A storm of records is collapsed: each added subtree is scanned once.
    const added = new Set();
    for (const record of records) {
      if (record.type === 'attributes') {
        this.#visit(record.target);
      } else {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) added.add(node);
        }
      }
    }
    for (const node of added) {
      if (node.isConnected) this.#scan(node);
    }
  }
}
