'use strict';
/**
 * The record fields on the page, so a phone number of a record can be dialed with the
 * caller ID stored on that record (the field named by `recordCallerIdField`, by default
 * 8x8's `FromCallerID__c`).
 */

/* exported RecordFields */

class RecordFields {
  /** "Object.Field" -> Set of field elements on the page. */
  #fields = new Map();

  /**
   * Takes an element found on the page; keeps it if it is a record field. Returns the
   * field's API name, or null when it is not a record field.
   */
  add(element) {
    const name = recordFieldName(element);
    if (!name) return null;
    const key = `${name.object}.${name.field}`;
    if (!this.#fields.has(key)) this.#fields.set(key, new Set());
    this.#fields.get(key).add(element);
    return name.field;
  }

  /**
   * The raw value of the caller-ID field of the record `node` belongs to, or null when the
   * node is not a field of a record shown with such a field (e.g. a related list). In the
   * Service Console, several records of the same object are open at once, in workspace tabs
   * and subtabs that stay in the DOM when hidden: only the field in the node's own tab (the
   * nearest `section.oneConsoleTab`) counts.
   */
  callerIdFor(node, callerIdField) {
    const phoneField = composedClosest(node, (element) => recordFieldName(element) !== null);
    if (!phoneField) return null;
    const { object } = /** @type {{ object: string }} */ (recordFieldName(phoneField));
    const candidates = this.#fields.get(`${object}.${callerIdField}`);
    if (!candidates) return null;
    const tab = composedClosest(phoneField, isConsoleTab);
    for (const field of candidates) {
      if (!field.isConnected) {
        candidates.delete(field);
        continue;
      }
      if (composedClosest(field, isConsoleTab) !== tab) continue;
      const value = field.querySelector(RECORD_FIELD_VALUE) ?? field;
      return composedText(value);
    }
    return null;
  }
}
