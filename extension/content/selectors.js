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

/**
 * A field of the record a page shows (record detail, highlights, Dynamic Forms) carries
 * `data-target-selection-name="sfdc:RecordField.<Object>.<Field>"`; related lists do not.
 */
const RECORD_FIELD_ATTRIBUTE = 'data-target-selection-name';
const RECORD_FIELD_PREFIX = 'sfdc:RecordField.';

/** `{ object, field }` when `element` is a record field, else null. */
function recordFieldName(element) {
  const name = element.getAttribute(RECORD_FIELD_ATTRIBUTE);
  if (!name?.startsWith(RECORD_FIELD_PREFIX)) return null;
  const [object, field] = name.slice(RECORD_FIELD_PREFIX.length).split('.');
  return object && field ? { object, field } : null;
}

/** Inside a record field, the element holding its value (not its label). */
const RECORD_FIELD_VALUE = '.test-id__field-value';
