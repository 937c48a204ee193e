/**
 * The settings editor's general section and "try a number", in Node: a bad caller ID is
 * refused with the core's message and nothing is saved; a good one is saved alone.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { E164_MESSAGE } from './fake-core.mjs';
import { openEditor } from './editor-page.mjs';

let page;
before(async () => {
  page = await openEditor({ sync: { defaultCallerId: '+18880001111' } });
});

describe('the default caller ID', () => {
  it('shows what is stored, and the editor is ready', () => {
    assert.equal(page.$('defaultCallerId').value, '+18880001111');
    assert.equal(page.$('editor').getAttribute('aria-busy'), null);
    const countries = [...page.$('defaultCountry').options];
    assert.deepEqual(countries.map((option) => option.text), ['Germany (DE)', 'United Kingdom (GB)', 'United States (US)']);
    assert.equal(page.$('defaultCountry').value, 'US');
  });

  it("refuses a bad caller ID with the core's message, suggests the E.164 form, and saves nothing", async () => {
    page.type('defaultCallerId', '(888) 000-2222');
    await page.press('defaultCallerId', 'Enter');
    const message = page.$('defaultCallerId-message');
    assert.equal(message.textContent, `${E164_MESSAGE} Did you mean +18880002222?`);
    assert.ok(message.classList.contains('error'));
    assert.equal(page.$('defaultCallerId').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(page.ext.storage.sync.writes, [], 'nothing saved');
    assert.deepEqual(await page.ext.storage.sync.get(), { defaultCallerId: '+18880001111' });
  });

  it('Escape puts back the saved value', async () => {
    await page.press('defaultCallerId', 'Escape');
    assert.equal(page.$('defaultCallerId').value, '+18880001111');
    assert.equal(page.$('defaultCallerId').getAttribute('aria-invalid'), null);
  });

  it('saves a valid caller ID, and only that key', async () => {
    page.type('defaultCallerId', '+14155550100');
    await page.press('defaultCallerId', 'Enter');
    assert.deepEqual(page.ext.storage.sync.writes, [{ defaultCallerId: '+14155550100' }]);
    assert.equal(page.$('defaultCallerId-message').textContent, 'Saved.');
    assert.ok(page.$('defaultCallerId-message').classList.contains('saved'));
  });

  it('switches off with the switch, saving only that key', async () => {
    page.$('enabled').checked = false;
    page.$('enabled').dispatchEvent(new page.window.Event('change', { bubbles: true }));
    await page.settled();
    assert.deepEqual(page.ext.storage.sync.writes.at(-1), { enabled: false });
  });

  it('shows a change stored elsewhere (another window, a sync)', async () => {
    page.$('defaultCallerId').blur();
    page.ext.storage.sync.replace({ defaultCallerId: '+442071234567' });
    await page.settled();
    assert.equal(page.$('defaultCallerId').value, '+442071234567');
    assert.equal(page.$('enabled').checked, true);
  });
});

describe('the dialer', () => {
  it("refuses a link template the core refuses, with the core's message, and saves nothing", async () => {
    const writes = page.ext.storage.sync.writes.length;
    page.$('linkPreset').value = 'custom';
    page.$('linkPreset').dispatchEvent(new page.window.Event('change'));
    assert.equal(page.$('linkTemplate-custom').hidden, false);
    page.type('linkTemplate', 'javascript:alert({number})');
    await page.press('linkTemplate', 'Enter');
    assert.equal(page.$('linkTemplate-message').textContent, 'a web or script scheme is not allowed');
    assert.equal(page.$('linkTemplate').getAttribute('aria-invalid'), 'true');
    assert.equal(page.ext.storage.sync.writes.length, writes);
  });

  it('saves a preset chosen from the list', async () => {
    page.$('linkPreset').value = 'tel';
    page.$('linkPreset').dispatchEvent(new page.window.Event('change'));
    await page.settled();
    assert.deepEqual(page.ext.storage.sync.writes.at(-1), { linkTemplate: 'tel:{number}' });
    assert.equal(page.$('linkPreset-template').textContent, 'tel:{number}');
  });
});

describe('try a number', () => {
  it('shows what the number dials, from which caller ID and why, in the link tooltip words', () => {
    page.type('try-number', '(415) 555-1212');
    assert.equal(page.$('try-details').hidden, false);
    assert.equal(page.$('try-href').textContent, 'tel:+14155551212', 'under the settings in effect');
    assert.equal(page.$('try-dialed').textContent, '+1 415-555-1212');
    assert.equal(page.$('try-reason').textContent, 'default caller ID');
  });

  it("says why a value is not dialed, with the core's message", () => {
    page.type('try-number', '555-12');
    assert.equal(page.$('try-details').hidden, true);
    assert.equal(page.$('try-message').textContent, '555-12 is not a phone number.');
  });
});
