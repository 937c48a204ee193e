/**
 * The content scripts in a DOM in Node (jsdom), loaded as the manifest lists them, with a fake
 * background and core: phone links rewritten in place and put back, framework re-renders, bare
 * text fields, shadow roots, record fields, and a failed batch asked again.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DEFAULTS } from './fake-core.mjs';
import { contentWorld, until } from './content-world.mjs';

const SETTINGS = { ...DEFAULTS, defaultCallerId: '+18880001111' };
const TITLE = 'Call +1 415-555-1212 with 8x8 from +1 888-000-1111 — default caller ID';

let world;
afterEach(() => world?.close());

/** A page with `body`, the content scripts at work on it, under `settings` (changeable). */
function open(body, options = {}) {
  const current = { settings: options.settings ?? SETTINGS };
  world = contentWorld(`<!doctype html><body>${body}</body>`, { settings: () => current.settings, ...options });
  return { ...world, current };
}

/** Tells the content script its settings changed, as the background does. */
async function changeSettings(page, settings) {
  page.current.settings = settings;
  await page.ext.tell({ type: 'settingsChanged' });
}

describe('phone links', () => {
  it('rewrites a tel: link in place, with a title and the same accessible name', async () => {
    const page = open('<a id="phone" href="tel:4155551212">(415) 555-1212</a>');
    const link = page.document.getElementById('phone');
    await until(() => link.getAttribute('href').startsWith('callto:'));
    assert.equal(page.document.querySelectorAll('a').length, 1, 'no element added');
    assert.equal(link.getAttribute('href'), 'callto://+14155551212/+18880001111');
    assert.equal(link.textContent, '(415) 555-1212', 'the text Salesforce rendered');
    assert.equal(link.getAttribute('title'), TITLE);
    assert.equal(link.getAttribute('aria-label'), TITLE);
  });

  it('leaves a value that is not a number as rendered, and reports why', async () => {
    const page = open('<a id="good" href="tel:4155551212">(415) 555-1212</a><a id="bad" href="tel:555-12">555-12</a>');
    await until(() => page.document.getElementById('good').getAttribute('href').startsWith('callto:'));
    const bad = page.document.getElementById('bad');
    assert.equal(bad.getAttribute('href'), 'tel:555-12');
    assert.equal(bad.getAttribute('title'), null);
    const report = await page.ext.tell({ type: 'report' });
    assert.deepEqual(report.skipped, [{ value: '555-12', reason: '555-12 is not a phone number.' }]);
    assert.equal(report.rewritten, 1);
  });

  it('puts every link back as rendered when switched off, and rewrites it again when on', async () => {
    const page = open('<a id="phone" href="tel:4155551212" title="Salesforce title">(415) 555-1212</a>');
    const link = page.document.getElementById('phone');
    await until(() => link.getAttribute('href').startsWith('callto:'));
    await changeSettings(page, { ...SETTINGS, enabled: false });
    await until(() => link.getAttribute('href') === 'tel:4155551212');
    assert.equal(link.getAttribute('title'), 'Salesforce title', 'the original title is back');
    assert.equal(link.getAttribute('aria-label'), null, 'no accessible name of ours is left');
    await changeSettings(page, SETTINGS);
    await until(() => link.getAttribute('href') === 'callto://+14155551212/+18880001111');
  });

  it('puts every link of a long list back when switched off, also those not asked again yet', async () => {
    // The numbers are asked again in slices after a change; "switched off" answers the first
    // slice before the last is asked, and must still put back all of them.
    const count = 2000;
    const rows = Array.from({ length: count }, (_, i) => `<a href="tel:415555${String(i).padStart(4, '0')}">${i}</a>`);
    const page = open(rows.join(''));
    const links = [...page.document.querySelectorAll('a')];
    await until(() => links.every((link) => link.getAttribute('href').startsWith('callto:')), { timeout: 10_000 });
    await changeSettings(page, { ...SETTINGS, enabled: false });
    await until(() => links.every((link) => link.getAttribute('href').startsWith('tel:')), { timeout: 10_000 });
    assert.equal((await page.ext.tell({ type: 'report' })).rewritten, 0);
    await changeSettings(page, SETTINGS);
    await until(() => links.every((link) => link.getAttribute('href').startsWith('callto:')), { timeout: 10_000 });
  });

  it('reads a link again when the framework renders a new value into it', async () => {
    const page = open('<a id="phone" href="tel:4155551212">(415) 555-1212</a>');
    const link = page.document.getElementById('phone');
    await until(() => link.getAttribute('href').startsWith('callto:'));
    link.setAttribute('href', 'tel:6505550123');
    link.textContent = '(650) 555-0123';
    await until(() => link.getAttribute('href') === 'callto://+16505550123/+18880001111');
    assert.match(link.getAttribute('title'), /^Call \+1 650-555-0123 /);
  });

  it('finds links added later, and in a shadow root attached after its host appeared', async () => {
    const page = open('<div id="list"></div>');
    const list = page.document.getElementById('list');
    list.insertAdjacentElement('beforeend', page.document.createElement('x-row'));
    const added = page.document.createElement('a');
    added.setAttribute('href', 'tel:2125550199');
    list.append(added);
    await until(() => added.getAttribute('href') === 'callto://+12125550199/+18880001111');
    // A component attaching its root late produces no mutation the page's observer sees.
    const root = list.querySelector('x-row').attachShadow({ mode: 'open' });
    const inside = page.document.createElement('a');
    inside.setAttribute('href', 'tel:3035550147');
    root.append(inside);
    await until(() => inside.getAttribute('href') === 'callto://+13035550147/+18880001111');
  });

  it('asks again for values whose batch failed, and reports the failure meanwhile', async () => {
    let failing = true;
    const asked = [];
    const page = open('<div id="list"><a id="first" href="tel:4155551212">(415) 555-1212</a></div>', {
      dial: (items) => {
        asked.push(items.map((item) => item.raw));
        if (failing) throw new Error('the background is restarting');
        return { enabled: true, results: items.map(() => ({ ...okResult })) };
      },
    });
    const okResult = { ok: true, href: 'callto://+14155551212/+18880001111', numberDisplay: '+1 415-555-1212', callerId: null, reason: 'none' };
    await until(() => asked.length === 1);
    await until(async () => (await page.ext.tell({ type: 'report' })).failure);
    assert.equal((await page.ext.tell({ type: 'report' })).failure, 'the background is restarting');
    assert.equal(page.document.getElementById('first').getAttribute('href'), 'tel:4155551212');
    failing = false;
    const again = page.document.createElement('a');
    again.setAttribute('href', 'tel:4155551212');
    page.document.getElementById('list').append(again);
    await until(() => again.getAttribute('href').startsWith('callto:'));
    assert.deepEqual(asked, [['4155551212'], ['4155551212']], 'asked again, not answered from a cached failure');
    assert.equal((await page.ext.tell({ type: 'report' })).failure, null);
  });
});

describe('text phone fields', () => {
  it('wraps the text of a bare phone field in a link of ours, and unwraps it when switched off', async () => {
    const page = open('<span class="forceOutputPhone" id="field">(415) 555-1212</span>');
    const field = page.document.getElementById('field');
    const text = field.firstChild;
    await until(() => field.querySelector('a'));
    const wrapper = field.querySelector('a');
    assert.equal(wrapper.getAttribute('href'), 'callto://+14155551212/+18880001111');
    assert.equal(wrapper.firstChild, text, 'the same text node, moved into the link');
    assert.equal(wrapper.getAttribute('title'), TITLE);
    await changeSettings(page, { ...SETTINGS, enabled: false });
    await until(() => !field.querySelector('a'));
    assert.deepEqual([...field.childNodes], [text], 'the text node is back where it was, alone');
  });

  it('reads a field again when the page changes its text, giving back the old one', async () => {
    const page = open('<span class="forceOutputPhone" id="field">(415) 555-1212</span>');
    const field = page.document.getElementById('field');
    await until(() => field.querySelector('a'));
    field.replaceChildren('(212) 555-0199');
    await until(() => field.querySelector('a')?.getAttribute('href') === 'callto://+12125550199/+18880001111');
    assert.equal(field.textContent, '(212) 555-0199');
    assert.equal(field.querySelectorAll('a').length, 1);
  });
});

describe('record fields', () => {
  const record = (callerId) => `
    <div data-target-selection-name="sfdc:RecordField.Contact.Phone">
      <span class="test-id__field-value"><a id="phone" href="tel:4155551212">(415) 555-1212</a></span>
    </div>
    ${callerId === null ? '' : `<div data-target-selection-name="sfdc:RecordField.Contact.FromCallerID__c">
      <span class="test-id__field-label">From Caller ID</span><span class="test-id__field-value">${callerId}</span>
    </div>`}`;

  it("dials a record's numbers with the caller ID stored on the record", async () => {
    const page = open(record('+493012345678'));
    const link = page.document.getElementById('phone');
    // The field may come after the number in the page: the number is then asked again.
    await until(() => link.getAttribute('href') === 'callto://+14155551212/+493012345678');
    assert.match(link.getAttribute('title'), /record field FromCallerID__c/);
  });

  it('asks again when the caller-ID field appears after the numbers were dialed', async () => {
    const page = open(record(null));
    const link = page.document.getElementById('phone');
    await until(() => link.getAttribute('href') === 'callto://+14155551212/+18880001111');
    const field = page.document.createElement('div');
    field.setAttribute('data-target-selection-name', 'sfdc:RecordField.Contact.FromCallerID__c');
    const value = page.document.createElement('span');
    value.className = 'test-id__field-value';
    value.textContent = '+493012345678';
    field.append(value);
    page.document.body.append(field);
    await until(() => link.getAttribute('href') === 'callto://+14155551212/+493012345678');
  });
});

describe('what the content scripts share', () => {
  it('declares as globals only the names its scripts export', () => {
    const page = open('');
    const declared = page.run('Object.keys(globalThis)');
    // Lexical declarations are not properties of the global object: ask for each exported one.
    const exported = page.run(`[
      ext, describeResult, answerMessages,
      askBackground, isPhoneLink, phoneLinkValue, recordFieldName, RECORD_FIELD_VALUE, isConsoleTab,
      isTextPhoneField, textPhoneNode, composedClosest, composedText, runSliced, forEachSliced,
      LinkFinder, RecordFields, LinkRewriter,
    ].every((value) => value !== undefined)`);
    assert.equal(exported, true);
    for (const name of ['timeFormat', 'MARKERS', 'SLICE_MS', 'nextTask', 'itemKey', 'setIfChanged', 'LATE_ROOT_CHECKS_MS', 'PHONE_LABELS']) {
      assert.equal(page.run(`typeof ${name}`), 'undefined', `${name} stays inside its script`);
    }
    assert.ok(!declared.includes('message'), 'describe.js keeps its message reader');
  });
});
