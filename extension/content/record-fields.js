'use strict';
/**
 * The record fields on the page, so a phone number of a record can be dialed with the
 * caller ID stored on that record (the field named by `recordCallerIdField`, by default
 * 8x8's `FromCallerID__c`), and judged by its Do Not Call box (`doNotCallField`, by default
 * Salesforce's `DoNotCall`).
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
   * node is not a field of a record shown with such a field (e.g. a related list).
   */
  callerIdFor(node, callerIdField) {
    const field = this.#fieldFor(node, callerIdField);
    return field && recordFieldValue(field);
  }

  /**
   * Whether the record of the number `node` shows is Do Not Call: in a list view or related
   * list, the row's Do Not Call column; on a record page, the record's checkbox field
   * `doNotCallField`. False when neither is shown.
   */
  doNotCallFor(node, doNotCallField) {
    const row = composedClosest(node, isListRow);
    if (row) return listRowChecked(row, doNotCallField);
    const field = this.#fieldFor(node, doNotCallField);
    return field !== null && recordFieldChecked(field);
  }

  /**
   * The field `fieldName` of the record `node` belongs to, or null when the node is not a
   * field of a record shown with such a field (e.g. a related list).
   *
   * A number in one of the record's fields names the record's object. A number in the
   * highlights panel names no field: it belongs to the record whose page shows the panel,
   * and takes that page's field when the page shows one object's only.
   *
   * Only a field on the number's own record page counts (`records-record-layout-event-broker`,
   * when there is one), and in the Service Console, where several records of the same object
   * are open at once in workspace tabs and subtabs that stay in the DOM when hidden, only a
   * field in the number's own tab (the nearest `section.oneConsoleTab`).
   * @returns {Element | null}
   */
  #fieldFor(node, fieldName) {
    const phoneField = composedClosest(node, (element) => recordFieldName(element) !== null);
    if (!phoneField && !composedClosest(node, isHighlightsPanel)) return null;
    const object = phoneField && /** @type {{ object: string }} */ (recordFieldName(phoneField)).object;
    const place = phoneField ?? node;
    const tab = composedClosest(place, isConsoleTab);
    const page = composedClosest(place, isRecordPage);
    let found = null;
    for (const [key, fields] of this.#fields) {
      const [fieldObject, field] = key.split('.');
      if (field !== fieldName || (object && fieldObject !== object)) continue;
      for (const element of fields) {
        if (!element.isConnected) {
          fields.delete(element);
          continue;
        }
        if (composedClosest(element, isConsoleTab) !== tab) continue;
        if (page && !composedClosest(element, (ancestor) => ancestor === page)) continue;
        if (found && found.object !== fieldObject) return null; // several records' fields: none is the page's
        found ??= { object: fieldObject, element };
      }
    }
    return found && found.element;
  }
}
