'use strict';
/**
 * Every selector and attribute test that depends on Salesforce's markup lives here, so a
 * markup change is fixed in one place. Each is covered by a fixture in tests/.
 */

/*
 * Shared: the tests the other content scripts use, and the selectors themselves, which
 * tests/e2e/surfaces.test.mjs counts on the fixtures (running this file as shipped).
 */
/* exported isPhoneLink, phoneLinkValue, recordFieldName, recordFieldValue, isHighlightsPanel, isRecordPage,
  isConsoleTab, isTextPhoneField, textPhoneNode, recordFieldChecked, isListRow, listRowChecked,
  LIST_ROW, DO_NOT_CALL_COLUMN,
  RECORD_FIELD_VALUE, CONSOLE_TAB, AURA_OUTPUT_PHONE,
  CLASSIC_DETAIL_VALUE, CLASSIC_DETAIL_LABEL, CLASSIC_INLINE_EDIT_VALUE,
  CLASSIC_LIST, CLASSIC_LIST_CELL, CLASSIC_LIST_HEADER_ROW, CLASSIC_GRID, CLASSIC_GRID_CELL */
const {
  isPhoneLink, phoneLinkValue, recordFieldName, recordFieldValue, isHighlightsPanel, isRecordPage,
  isConsoleTab, isTextPhoneField, textPhoneNode, recordFieldChecked, isListRow, listRowChecked,
  LIST_ROW, DO_NOT_CALL_COLUMN,
  RECORD_FIELD_VALUE, CONSOLE_TAB, AURA_OUTPUT_PHONE,
  CLASSIC_DETAIL_VALUE, CLASSIC_DETAIL_LABEL, CLASSIC_INLINE_EDIT_VALUE,
  CLASSIC_LIST, CLASSIC_LIST_CELL, CLASSIC_LIST_HEADER_ROW, CLASSIC_GRID, CLASSIC_GRID_CELL,
} = (() => {
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
   * A field of the record a page shows carries `data-target-selection-name=
   * "sfdc:RecordField.<Object>.<Field>"`: in the page layout (inside `records-record-layout-item`)
   * and in Dynamic Forms (inside `record_flexipage-record-field`, its value slotted in). Related
   * lists and the highlights panel do not (tests/fixtures/MARKUP.md).
   */
  const RECORD_FIELD_ATTRIBUTE = 'data-target-selection-name';
  const RECORD_FIELD_PREFIX = 'sfdc:RecordField.';

  /**
   * `{ object, field }` when `element` is a record field, else null.
   * @param {Element} element
   * @returns {{ object: string, field: string } | null}
   */
  function recordFieldName(element) {
    const name = element.getAttribute(RECORD_FIELD_ATTRIBUTE);
    if (!name?.startsWith(RECORD_FIELD_PREFIX)) return null;
    const [object, field] = name.slice(RECORD_FIELD_PREFIX.length).split('.');
    return object && field ? { object, field } : null;
  }

  /**
   * Inside a record field, where its value is, in order of preference: Salesforce's test hook
   * `.test-id__field-value`, else the SLDS form element's control; else the field is read
   * without its label (the SLDS label or Salesforce's label test hook).
   */
  const RECORD_FIELD_VALUE = '.test-id__field-value';
  const RECORD_FIELD_CONTROL = '.slds-form-element__control';
  const RECORD_FIELD_LABEL = '.slds-form-element__label, .test-id__field-label-container, .test-id__field-label';

  /** The text of record field `field`'s value, never its label. */
  function recordFieldValue(field) {
    const value = field.querySelector(RECORD_FIELD_VALUE) ?? field.querySelector(RECORD_FIELD_CONTROL);
    return value ? composedText(value) : composedText(field, (element) => element.matches(RECORD_FIELD_LABEL));
  }

  /**
   * A checkbox field of a record page (Do Not Call) renders `lightning-input` with a checkbox
   * in its shadow, in the page layout and (slotted) in Dynamic Forms; it is checked when the
   * input is (the `checked` property), which `lightning-input` also reflects as a `checked`
   * attribute on itself (tests/fixtures/MARKUP.md).
   */
  const CHECKBOX_INPUT = 'input[type="checkbox"]';
  const CHECKBOX_COMPONENT = 'lightning-input';

  /** Whether the checkbox of record field `field` is checked; false when it shows none. */
  function recordFieldChecked(field) {
    const found = composedFind(field, (element) => element.matches(`${CHECKBOX_INPUT}, ${CHECKBOX_COMPONENT}`));
    if (!found) return false;
    if (found.localName === CHECKBOX_COMPONENT) {
      const input = composedFind(found, (element) => element.matches(CHECKBOX_INPUT));
      return input ? /** @type {HTMLInputElement} */ (input).checked : found.hasAttribute('checked');
    }
    return /** @type {HTMLInputElement} */ (found).checked;
  }

  /**
   * `lightning-datatable` (list views, related lists): a record's row is a
   * `tr[data-row-key-value]` (its Id); each cell a `td` naming its column in
   * `data-col-key-value` (`<fieldName>-<type>-<index>`, e.g. `DoNotCall-boolean-2`) and its
   * label in `data-label`, with its value in `data-cell-value` (`"true"` for a checked box).
   * The Do Not Call column is the one of the field the settings name, or labelled as
   * Salesforce labels its standard field.
   */
  // lightning-datatable keys its header row too, as "HEADER".
  const LIST_ROW = 'tr[data-row-key-value]:not([data-row-key-value="HEADER"])';
  const DO_NOT_CALL_COLUMN = 'td[data-label="Do Not Call"]';

  /** Whether `element` is the row of one record in a list. */
  function isListRow(element) {
    return element.localName === 'tr' && element.matches(LIST_ROW);
  }

  /** Whether the row's column of checkbox field `fieldName` (or its Do Not Call column) is checked. */
  function listRowChecked(row, fieldName) {
    const column = `td[data-col-key-value^="${CSS.escape(`${fieldName}-boolean-`)}"]`;
    const cell = row.querySelector(`:scope > ${column}`) ?? row.querySelector(`:scope > ${DO_NOT_CALL_COLUMN}`);
    return cell?.getAttribute('data-cell-value') === 'true';
  }

  /**
   * The highlights panel at the top of a record page shows fields of the page's record, with
   * no API names; `records-record-layout-event-broker` holds the whole page of one record.
   */
  const HIGHLIGHTS_PANEL = 'records-highlights2';
  const RECORD_PAGE = 'records-record-layout-event-broker';

  function isHighlightsPanel(element) {
    return element.localName === HIGHLIGHTS_PANEL;
  }

  function isRecordPage(element) {
    return element.localName === RECORD_PAGE;
  }

  /**
   * Service Console: each workspace tab and subtab is a `section.tabContent.oneConsoleTab`;
   * hidden tabs stay in the DOM. A record's caller-ID field applies to its own tab only.
   */
  const CONSOLE_TAB = 'section.oneConsoleTab';

  /** Whether `element` is a Service Console workspace tab or subtab. */
  function isConsoleTab(element) {
    return element.localName === 'section' && element.matches(CONSOLE_TAB);
  }

  /*
   * Phone fields shown as bare text, with no link to reuse. Only these elements are ever read
   * as text: the number is wrapped in a link of ours in place, and nothing else on the page is.
   *
   * - Aura list grids and related lists: `span.forceOutputPhone` holds the value as text.
   * - `lightning-click-to-dial` (the highlights panel's phone numbers) when no softphone is
   *   connected through Open CTI: an "end call" icon `span.slds-icon-utility-end_call`, then
   *   the number as text in the next `span`, no link. (With Open CTI it is a link of its own,
   *   left to the softphone.)
   * - Classic detail pages: a row of `td.labelCol` (the label) then `td.dataCol` (the value,
   *   inside `div#<field>_ileinner` when the field is inline-editable, `<field>_ilecell` on the
   *   cell). A cell is a phone field when its field id is one of the standard phone fields
   *   below, or when its label is one of the phone labels below (custom fields: `00N…` ids).
   * - Classic enhanced list views (an ExtJS grid): `div.x-grid3-cell-inner.x-grid3-col-<COLUMN>`
   *   in `td.x-grid3-td-<COLUMN>`, headed by `div.x-grid3-hd-inner.x-grid3-hd-<COLUMN>`; a
   *   phone column has an id ending in `PHONE` or `PHONE<n>`, or a phone label.
   * - Classic related lists and basic list views: `table.list`, a `tr.headerRow` of labels,
   *   then `tr.dataRow` rows of `td.dataCell` cells.
   * Classic's markup and field ids come from public test code that drives Classic pages; the
   * list view column ids are an assumption. None was seen on a live org: the fixtures
   * (tests/fixtures/page/classic-*.html) imitate them, and say so.
   */
  const AURA_OUTPUT_PHONE = 'span.forceOutputPhone';
  const CLICK_TO_DIAL = 'lightning-click-to-dial';
  const CLICK_TO_DIAL_DISABLED_ICON = 'span.slds-icon-utility-end_call';
  const CLASSIC_DETAIL_VALUE = 'td.dataCol';
  const CLASSIC_DETAIL_LABEL = 'td.labelCol';
  const CLASSIC_INLINE_EDIT_VALUE = 'div[id$="_ileinner"]';
  const CLASSIC_GRID = 'div.x-grid3';
  const CLASSIC_GRID_CELL = 'div.x-grid3-cell-inner';
  const CLASSIC_LIST = 'table.list';
  const CLASSIC_LIST_CELL = `${CLASSIC_LIST} td.dataCell`;
  const CLASSIC_LIST_HEADER_ROW = 'tr.headerRow';

  /**
   * Classic's ids of the standard phone fields on detail pages (the `con10` of `con10_ileinner`):
   * Contact Phone, Fax, Mobile, Home Phone, Other Phone; Account Phone, Fax; Lead Phone, Mobile,
   * Fax. Lightning renders the same fields as `tel:` links.
   */
  const CLASSIC_PHONE_FIELD_IDS = new Set(['con10', 'con11', 'con12', 'con13', 'con14', 'acc10', 'acc11', 'lea8', 'lea9', 'lea10']);

  /** Column ids of Classic enhanced list views for phone fields: `PHONE1`, `ACCOUNT_PHONE1`, … */
  const CLASSIC_PHONE_COLUMN = /(?:^|_)PHONE\d*$/;

  /**
   * Labels of the standard phone fields in English, lower case, for Classic cells identified by
   * their label (custom phone fields, list columns). Other languages rely on the field ids.
   */
  const PHONE_LABELS = new Set([
    'phone',
    'business phone',
    'mobile',
    'mobile phone',
    'home phone',
    'other phone',
    'asst. phone',
    'assistant phone',
    'fax',
  ]);

  function isPhoneLabel(text) {
    return PHONE_LABELS.has(text.replace(/\s+/g, ' ').trim().toLowerCase());
  }

  /** The label's own text: the text nodes directly inside it (not its help bubble). */
  function ownText(element) {
    let text = '';
    for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.data;
    return text;
  }

  /** Whether `element` shows the value of a phone field as bare text (see above). */
  function isTextPhoneField(element) {
    // Called for every element of the page: its name first, selectors only for likely ones.
    switch (element.localName) {
      case 'span':
        return element.matches(AURA_OUTPUT_PHONE) || isDisabledClickToDialNumber(element);
      case 'td':
        if (element.matches(CLASSIC_DETAIL_VALUE)) return isClassicDetailPhone(element);
        return element.matches(CLASSIC_LIST_CELL) && isClassicListPhone(element);
      case 'div':
        return element.matches(CLASSIC_GRID_CELL) && isClassicGridPhone(element);
      default:
        return false;
    }
  }

  function isDisabledClickToDialNumber(span) {
    if (!span.previousElementSibling?.matches(CLICK_TO_DIAL_DISABLED_ICON)) return false;
    const parent = span.parentNode;
    // Its own shadow root in native shadow; the component itself in LWC's synthetic shadow.
    return (parent instanceof ShadowRoot ? parent.host : parent)?.localName === CLICK_TO_DIAL;
  }

  function isClassicDetailPhone(cell) {
    const inner = cell.querySelector(CLASSIC_INLINE_EDIT_VALUE);
    const fieldId = (inner?.id ?? cell.id).replace(/_(?:ileinner|ilecell)$/, '');
    if (CLASSIC_PHONE_FIELD_IDS.has(fieldId)) return true;
    const label = cell.previousElementSibling;
    return Boolean(label?.matches(CLASSIC_DETAIL_LABEL) && isPhoneLabel(ownText(label)));
  }

  function isClassicGridPhone(cell) {
    const column = [...cell.classList].find((name) => name.startsWith('x-grid3-col-'))?.slice('x-grid3-col-'.length);
    if (!column) return false;
    if (CLASSIC_PHONE_COLUMN.test(column)) return true;
    const header = cell.closest(CLASSIC_GRID)?.querySelector(`.x-grid3-hd-inner.x-grid3-hd-${CSS.escape(column)}`);
    return Boolean(header && isPhoneLabel(header.textContent));
  }

  function isClassicListPhone(cell) {
    const table = cell.closest(CLASSIC_LIST);
    if (!table) return false;
    const header = table.querySelector(CLASSIC_LIST_HEADER_ROW)?.cells[cell.cellIndex];
    return Boolean(header && isPhoneLabel(header.textContent));
  }

  /** Elements in a field that mean its text is not a plain value to wrap: it is already interactive. */
  const NOT_PLAIN_VALUE = 'a, button, input, textarea, select, script, style, [contenteditable]';

  /**
   * The one text node showing the value of text phone field `field`, or null when there is no
   * single plain value (empty, several pieces, or interactive content such as a click-to-dial
   * link or an inline-edit input).
   * @returns {Text | null}
   */
  function textPhoneNode(field) {
    if (field.isContentEditable || field.querySelector(NOT_PLAIN_VALUE)) return null;
    let found = null;
    const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = /** @type {Text} */ (walker.currentNode);
      if (text.data.trim() === '') continue;
      if (found) return null;
      found = text;
    }
    return found;
  }

  return {
    isPhoneLink, phoneLinkValue, recordFieldName, recordFieldValue, isHighlightsPanel, isRecordPage,
    isConsoleTab, isTextPhoneField, textPhoneNode, recordFieldChecked, isListRow, listRowChecked,
    LIST_ROW, DO_NOT_CALL_COLUMN,
    RECORD_FIELD_VALUE, CONSOLE_TAB, AURA_OUTPUT_PHONE,
    CLASSIC_DETAIL_VALUE, CLASSIC_DETAIL_LABEL, CLASSIC_INLINE_EDIT_VALUE,
    CLASSIC_LIST, CLASSIC_LIST_CELL, CLASSIC_LIST_HEADER_ROW, CLASSIC_GRID, CLASSIC_GRID_CELL,
  };
})();
