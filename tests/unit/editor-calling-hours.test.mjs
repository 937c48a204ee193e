/**
 * The editor's Calling hours section, in Node with the fake core: windows and holidays saved
 * only when the core accepts them, each refusal shown with the core's reason under the form
 * and nothing saved, the US preset merged in with its sources, the modes and the field, a
 * policy lock, and "Try a number" saying whether a click now is inside calling hours.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { openEditor } from './editor-page.mjs';

let page;
before(async () => {
  page = await openEditor({ sync: { defaultCallerId: '+18880001111' }, managed: { doNotCall: 'block' } });
});

const rows = (listId) => [...page.$(listId).children].map((row) => row.querySelector('.entry-text').textContent);
const stored = async (key) => (await page.ext.storage.sync.get())[key];

/** Chooses `value` in the select with id `id`, as the agent does. */
function choose(id, value) {
  page.$(id).value = value;
  page.$(id).dispatchEvent(new page.window.Event('change', { bubbles: true }));
}

/** Ticks exactly `days` in the new window's days. */
function tickDays(days) {
  for (const box of page.$('window-days').querySelectorAll('input')) box.checked = days.includes(box.value);
}

describe('calling windows', () => {
  it('shows the default: everywhere, every day, 08:00 to 21:00', () => {
    assert.deepEqual(rows('window-list'), ['Everywhere (*) every day, 08:00–21:00']);
    assert.equal(page.$('callingHours').value, 'warn');
  });

  it('asks for a region, and saves nothing', async () => {
    const writes = page.ext.storage.sync.writes.length;
    choose('window-region', '');
    page.type('window-from', '09:00');
    page.type('window-to', '17:00');
    await page.submit('window-add');
    assert.equal(page.$('window-message').textContent, 'Choose where these hours apply: everywhere, a country, a state or province, or a number prefix.');
    assert.equal(page.$('window-region').getAttribute('aria-invalid'), 'true');
    assert.equal(page.ext.storage.sync.writes.length, writes);
  });

  it('shows the core\'s reason for a bad time, an end not after the start, and no day, saving nothing', async () => {
    const writes = page.ext.storage.sync.writes.length;
    choose('window-region', 'US-FL');
    page.type('window-from', '9');
    assert.equal(page.$('window-message').textContent, '“9” is not a time', 'as the agent types');
    assert.equal(page.$('window-from').getAttribute('aria-invalid'), 'true');
    page.type('window-from', '21:00');
    page.type('window-to', '08:00');
    await page.submit('window-add');
    assert.equal(page.$('window-message').textContent, '“08:00” is not after from (“21:00”)');
    assert.equal(page.$('window-to').getAttribute('aria-invalid'), 'true');
    page.type('window-from', '08:00');
    page.type('window-to', '20:00');
    tickDays([]);
    await page.submit('window-add');
    assert.equal(page.$('window-message').textContent, 'no day is listed');
    assert.equal(page.$('window-days').getAttribute('aria-invalid'), 'true');
    assert.equal(page.ext.storage.sync.writes.length, writes);
  });

  it('saves a window for a state on the days ticked, named for people', async () => {
    choose('window-region', 'US-CA');
    tickDays(['mon', 'fri']);
    page.type('window-from', '09:00');
    page.type('window-to', '18:00');
    await page.submit('window-add');
    assert.equal(page.$('window-message').textContent, 'Added calling hours for California (US-CA).');
    assert.deepEqual((await stored('callingWindows')).at(-1), { region: 'US-CA', days: ['mon', 'fri'], from: '09:00', to: '18:00' });
    assert.deepEqual(rows('window-list').at(-1), 'California (US-CA) Mon, Fri, 09:00–18:00');
    assert.equal(page.$('window-from').value, '', 'the form is emptied for the next one');
  });

  it('a prefix is typed beside the picker', async () => {
    choose('window-region', 'prefix');
    assert.equal(page.$('window-prefix-cell').hidden, false);
    page.type('window-prefix', '+1305');
    tickDays(['sat']);
    page.type('window-from', '10:00');
    page.type('window-to', '12:00');
    await page.submit('window-add');
    assert.deepEqual((await stored('callingWindows')).at(-1), { region: '+1305', days: ['sat'], from: '10:00', to: '12:00' });
    assert.equal(rows('window-list').at(-1), 'numbers starting +1305 Sat, 10:00–12:00');
  });

  it('loads the US preset over the US windows, keeping the others, each row with its source', async () => {
    assert.match(page.$('preset-button').textContent, /^Use US federal and state hours \(as published 2025-11\)$/);
    assert.deepEqual(
      [...page.$('preset-sources').children].map((item) => item.textContent),
      ['47 CFR 64.1200(c)(1)', 'flsenate.gov (Florida SB 1120, 2021)'],
    );
    page.$('preset-button').click();
    await page.settled();
    assert.equal(page.$('preset-message').textContent, 'Loaded 2 windows of US federal and state hours (as published 2025-11).');
    assert.deepEqual(
      (await stored('callingWindows')).map((window) => window.region),
      ['*', 'US-CA', '+1305', 'US', 'US-FL'],
    );
    assert.equal(rows('window-list').at(-1), 'Florida (US-FL) every day, 08:00–20:00 — Fla. Stat. 501.616(6)(a)');
  });

  it('removes a window with its Remove button, named for people', async () => {
    const remove = page.$('window-list').children[1].querySelector('button.remove');
    assert.equal(remove.getAttribute('aria-label'), 'Remove the calling hours 09:00–18:00 of California (US-CA)');
    remove.click();
    await page.settled();
    assert.deepEqual(
      (await stored('callingWindows')).map((window) => window.region),
      ['*', '+1305', 'US', 'US-FL'],
    );
  });
});

describe('holidays', () => {
  it('shows the core\'s reason for a bad date, saving nothing, then saves a good one', async () => {
    const writes = page.ext.storage.sync.writes.length;
    choose('holiday-region', 'US');
    page.type('holiday-date', '12/25/2026');
    await page.submit('holiday-add');
    assert.equal(page.$('holiday-message').textContent, '“12/25/2026” is not a date');
    assert.equal(page.$('holiday-date').getAttribute('aria-invalid'), 'true');
    assert.equal(page.ext.storage.sync.writes.length, writes);
    page.type('holiday-date', '2026-12-25');
    await page.submit('holiday-add');
    assert.equal(page.$('holiday-message').textContent, 'Added 2026-12-25 as a holiday for United States (US).');
    assert.deepEqual(await stored('callingHolidays'), [{ region: 'US', date: '2026-12-25' }]);
    assert.deepEqual(rows('holiday-list'), ['United States (US) 2026-12-25']);
  });
});

describe('modes and the Do Not Call field', () => {
  it('saves the calling-hours mode; the Do Not Call mode the policy sets is locked', async () => {
    choose('callingHours', 'block');
    await page.settled();
    assert.equal(await stored('callingHours'), 'block');
    assert.equal(page.$('doNotCall').value, 'block');
    assert.equal(page.$('doNotCall').disabled, true);
    assert.equal(page.$('doNotCall-locked').hidden, false);
  });

  it('saves the Do Not Call field on Enter', async () => {
    page.type('doNotCallField', 'Do_Not_Call__c');
    await page.press('doNotCallField', 'Enter');
    assert.equal(await stored('doNotCallField'), 'Do_Not_Call__c');
    assert.equal(page.$('doNotCallField-message').textContent, 'Saved.');
  });
});

describe('try a number', () => {
  it('says whether a click now is inside calling hours', async () => {
    choose('callingHours', 'warn');
    await page.settled();
    page.type('try-number', '+4930123456');
    assert.match(page.$('try-calling').textContent, /^a click now asks first\. The callee’s local time is unknown/);
    choose('callingHours', 'off');
    await page.settled();
    page.type('try-number', '+4930123456');
    assert.equal(page.$('try-calling').textContent, 'not checked (turned off)');
  });
});
