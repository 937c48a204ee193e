/* global document, MutationObserver, Node */
/**
 * The peer extension's content script, as a plain MV3 extension would write it: finds
 * `a[href^="tel:"]` in the document, now and as the page changes, and rewrites each valid
 * number's link in place (href, title, aria-label). Like the extension under test it reads
 * each distinct value once per page. Bundled with libphonenumber-js by bench/run.mjs.
 */
import { dialOne } from './dial.js';

const PHONE_LINKS = 'a[href^="tel:" i]';
const results = new Map();

function rewrite(anchor) {
  const href = anchor.getAttribute('href');
  if (!href || !/^tel:/i.test(href)) return;
  const raw = href.slice('tel:'.length);
  let result = results.get(raw);
  if (!result) {
    result = dialOne(raw);
    results.set(raw, result);
  }
  if (!result.ok) return;
  anchor.setAttribute('href', result.href);
  anchor.setAttribute('title', result.title);
  anchor.setAttribute('aria-label', result.title);
}

function scan(root) {
  if (root.matches?.(PHONE_LINKS)) rewrite(root);
  for (const anchor of root.querySelectorAll(PHONE_LINKS)) rewrite(anchor);
}

scan(document);
new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === 'attributes') {
      if (record.target.localName === 'a') rewrite(record.target);
    } else {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && node.isConnected) scan(node);
      }
    }
  }
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
