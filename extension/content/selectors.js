'use strict';
/**
 * Every selector and attribute test that depends on Salesforce's markup lives here, so a
 * markup change is fixed in one place. Each is covered by a fixture in tests/.
 */

/* eslint-disable no-unused-vars -- globals shared by the content scripts listed after this one */

/** `lightning-formatted-phone` and the datatable fast path render `<a href="tel:…">`. */
const PHONE_LINK_SCHEME = /^tel:/i;

/** Whether `element` is a phone link Salesforce rendered. */
function isPhoneLink(element) {
  return element.localName === 'a' && PHONE_LINK_SCHEME.test(element.getAttribute('href') ?? '');
}

/** The raw stored field value a phone link dials: the href after `tel:`, as written. */
function phoneLinkValue(href) {
  return href.slice('tel:'.length);
}
