/**
 * Calling hours and Do Not Call in the content scripts (jsdom, fake background and core):
 * the record's Do Not Call box read from a record page's checkbox and from a list row's
 * column and sent with each number, the title saying what a click does, and a verdict asked
 * again when it expires.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { contentWorld, until } from './content-world.mjs';
import { DEFAULTS, dialOne, judgeCalls } from './fake-core.mjs';

const SETTINGS = { ...DEFAULTS, defaultCallerId: '+18880001111', callingHours: 'off' };

let world;
afterEach(() => world?.close());

/**
 * A page with `body` under `settings`; the background dials with the fake core and judges
 * with `verdictOf(item)` (default: the fake core's judge, with the local time 12:00).
 */
function open(body, { settings = SETTINGS, until: verdictUntil = () => null } = {}) {
  const asked = [];
  world = contentWorld(`<!doctype html><body>${body}</body>`, {
    settings: () => settings,
    dial: (items) => {
      asked.push(...items);
      const results = items.map((item) => {
        const result = dialOne(item, settings);
        if (!result.ok) return result;
        const zones = result.timeZones.map((zone) => ({ zone, date: '2026-03-10', time: '12:00' }));
        const [verdict] = judgeCalls([{ number: result.number, zones, doNotCall: item.doNotCall }], settings);
        return { ...result, verdict, verdictUntil: verdictUntil(item) };
      });
      return { enabled: true, results };
    },
  });
  return { ...world, asked };
}

/** A record page's Do Not Call field as Salesforce renders it (tests/fixtures/MARKUP.md). */
const doNotCallField = (checked) => `
  <div data-target-selection-name="sfdc:RecordField.Contact.DoNotCall">
    <span class="test-id__field-label">Do Not Call</span>
    <records-record-layout-checkbox><lightning-input ${checked ? 'checked' : ''}>
      <div class="slds-form-element__control"><span class="slds-checkbox">
        <input type="checkbox" disabled ${checked ? 'checked' : ''}><label class="slds-checkbox__label"><span class="slds-form-element__label">Do Not Call</span></label>
      </span></div>
    </lightning-input></records-record-layout-checkbox>
  </div>`;
const phoneField = (number) => `
  <div data-target-selection-name="sfdc:RecordField.Contact.Phone">
    <span class="test-id__field-label">Phone</span>
    <span class="test-id__field-value"><a id="phone" href="tel:${number}">${number}</a></span>
  </div>`;
/** A lightning-datatable row with its phone and Do Not Call cells. */
const row = (id, number, doNotCall) => `
  <tr data-row-key-value="${id}">
    <td data-label="Phone" data-col-key-value="Phone-phone-1"><a id="row-${id}" href="tel:${number}">${number}</a></td>
    <td data-label="Do Not Call" data-col-key-value="DoNotCall-boolean-2" data-cell-value="${doNotCall}"></td>
  </tr>`;

const titleOf = (page, id) => page.document.getElementById(id).getAttribute('title') ?? '';
const answered = (page, id) => until(() => page.document.getElementById(id).getAttribute('href').startsWith('callto:'));

describe('Do Not Call', () => {
  it('is read from the record page\'s checkbox and said in the title before any click', async () => {
    const page = open(`<records-record-layout-event-broker>${phoneField('3125550100')}${doNotCallField(true)}</records-record-layout-event-broker>`);
    await answered(page, 'phone');
    await until(() => titleOf(page, 'phone').startsWith('Do Not Call: a click asks first — Call +1 312-555-0100'));
    assert.ok(page.asked.some((item) => item.raw === '3125550100' && item.doNotCall === true));
    assert.equal(page.document.getElementById('phone').textContent, '3125550100', 'the link keeps its text');
  });

  it('is not read into a record whose box is unchecked, nor when the check is off', async () => {
    const unchecked = open(`${phoneField('3125550100')}${doNotCallField(false)}`);
    await answered(unchecked, 'phone');
    assert.ok(unchecked.asked.every((item) => item.doNotCall === false));
    assert.doesNotMatch(titleOf(unchecked, 'phone'), /Do Not Call/);
    world.close();
    const off = open(`${phoneField('3125550100')}${doNotCallField(true)}`, { settings: { ...SETTINGS, doNotCall: 'off' } });
    await answered(off, 'phone');
    assert.ok(off.asked.every((item) => item.doNotCall === false));
    assert.doesNotMatch(titleOf(off, 'phone'), /Do Not Call/);
  });

  it('is read from a list row\'s column, for that row\'s number only, not from the page\'s record', async () => {
    const page = open(`
      ${phoneField('3125550100')}${doNotCallField(false)}
      <table><tbody>${row('003A', '3125550145', true)}${row('003B', '7735550162', false)}</tbody></table>`);
    await answered(page, 'row-003A');
    await answered(page, 'row-003B');
    await until(() => titleOf(page, 'row-003A').startsWith('Do Not Call: a click asks first'));
    assert.doesNotMatch(titleOf(page, 'row-003B'), /Do Not Call/);
    assert.doesNotMatch(titleOf(page, 'phone'), /Do Not Call/);
  });

  it('follows the field the settings name, in a list column of that field', async () => {
    const custom = { ...SETTINGS, doNotCall: 'block', doNotCallField: 'Do_Not_Call__c' };
    const page = open(
      `<table><tbody><tr data-row-key-value="003C">
        <td data-label="Phone"><a id="row-003C" href="tel:3125550199">3125550199</a></td>
        <td data-label="No llamar" data-col-key-value="Do_Not_Call__c-boolean-3" data-cell-value="true"></td>
      </tr></tbody></table>`,
      { settings: custom },
    );
    await answered(page, 'row-003C');
    await until(() => titleOf(page, 'row-003C').startsWith('Do Not Call: calling is blocked now'));
  });
});

describe('verdicts that expire', () => {
  it('asks again when the verdict of a number expires, so its title says what a click does then', async () => {
    const first = Date.now() + 150;
    const page = open('<a id="phone" href="tel:3125550100">3125550100</a>', {
      settings: { ...SETTINGS, callingHours: 'warn' },
      until: () => (Date.now() < first ? first : null),
    });
    await answered(page, 'phone');
    const before = page.asked.length;
    await until(() => page.asked.length > before, { timeout: 3000 });
    assert.equal(page.asked.at(-1).raw, '3125550100');
  });

  it('does not ask again while verdicts hold', async () => {
    const page = open('<a id="phone" href="tel:3125550100">3125550100</a>', {
      settings: { ...SETTINGS, callingHours: 'warn' },
      until: () => Date.now() + 60_000,
    });
    await answered(page, 'phone');
    const asked = page.asked.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(page.asked.length, asked);
  });
});
