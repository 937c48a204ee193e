/**
 * The popup as a browser shows it, at most 600 px high, in headless Chromium and Firefox:
 * at rest it fits without scrolling — what an agent needs at a glance open (this tab, on/off,
 * country, caller ID, try a number), the configuration by region folded under its headings —
 * even with lists filled; a section the agent opens is open again in the next popup, and
 * closed once closed. The options page shows the whole editor, nothing folded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { configure, importSettings, openOptions, openPopup } from '../support/popup.mjs';

/** The tallest popup a browser shows (Chromium and Firefox alike), at the popup's own width. */
const POPUP_VIEWPORT = { width: 420, height: 600 };
const FOLDED = ['pool-section', 'choice-section', 'calling-section', 'dialer-section', 'transfer-section'];

/** Lists with entries, so that folding is what keeps the popup short. */
const FILLED = {
  callerIds: [
    { number: '+14155550100', label: 'San Francisco' },
    { number: '+12125550100', label: 'New York' },
    { number: '+442071234567', label: 'London' },
  ],
  rules: [{ region: 'DE', callerId: '+442071234567' }],
};

async function openSized(session) {
  const popup = await openPopup(session);
  await popup.setViewport(POPUP_VIEWPORT);
  return popup;
}

/** The ids of the popup's folded sections that are open. */
const openSections = (popup) => popup.$$eval('.editor .group > details', (all) => all.filter((details) => details.open).map((details) => details.id));

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
      await configure(session, { country: 'US', callerId: '+18880001111' });
      const popup = await openPopup(session);
      const message = await importSettings(popup, JSON.stringify(FILLED));
      assert.match(message, /^Imported/);
      await popup.close();
    });
    after(() => session?.close());

    it('popup at rest: the glance open, the rest folded, no scrolling at 600 px', async () => {
      const popup = await openSized(session);
      assert.deepEqual(await popup.$$eval('.editor .group > details', (all) => all.map((details) => details.id)), FOLDED);
      assert.deepEqual(await openSections(popup), [], 'every folded section starts closed');
      for (const id of ['enabled', 'defaultCountry', 'defaultCallerId', 'try-number', 'open-tab']) {
        assert.ok(await popup.$eval(`#${id}`, (control) => control.checkVisibility()), `${id} is at hand`);
      }
      assert.equal(await popup.$eval('#pool-number', (control) => control.checkVisibility()), false, 'the pool is folded');
      const height = await popup.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height <= POPUP_VIEWPORT.height, `the popup is ${height} px high at rest`);
      await popup.close();
    });

    it('popup: a section opened stays open in the next popup, until closed', async () => {
      const popup = await openSized(session);
      await popup.click('#pool-section > summary');
      assert.equal(await popup.$eval('#pool-number', (control) => control.checkVisibility()), true, 'its heading opens it');
      await popup.close();

      const next = await openSized(session);
      assert.deepEqual(await openSections(next), ['pool-section']);
      await next.click('#pool-section > summary');
      await next.close();

      const last = await openSized(session);
      assert.deepEqual(await openSections(last), []);
      await last.close();
    });

    it('options page: the whole editor, nothing folded', async () => {
      const options = await openOptions(session);
      assert.equal(await options.$$eval('.editor .group > details', (all) => all.length), 0);
      for (const id of ['pool-number', 'rule-region', 'callingHours', 'linkPreset', 'try-number', 'export-button']) {
        assert.ok(await options.$eval(`#${id}`, (control) => control.checkVisibility()), `${id} is shown`);
      }
      await options.close();
    });
  });
}
