/**
 * End to end: the caller ID each call presents — pool, rules, local presence, the record's
 * own FromCallerID__c, a per-call choice — edited in the popup and explained on every link,
 * in headless Chromium and Firefox, with the extension users install.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { hrefsAre, phoneLinks, waitForLinks } from '../support/page-links.mjs';
import {
  addCallerId,
  addRule,
  configure,
  exportSettings,
  importSettings,
  openPopup,
  removeCallerId,
  removeRule,
  tryNumber,
} from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';
import { withSalesforceTab } from '../support/tabs.mjs';


const DEFAULT = '+18880001111';
const SAN_FRANCISCO = '+14155550100';
const NEW_YORK = '+12125550100';
const LONDON = '+442071234567';
const RECORD_FROM = '+493012345678'; // FromCallerID__c of the second fixture record

/** Record 1's links in order: the callee, the caller ID, and the reason in the title. */
const EXPECTED = [
  ['+14155551212', SAN_FRANCISCO, /\(San Francisco\) — same area code 415/],
  ['+442079460958', LONDON, /\(London\) — same country/],
  ['+14155551212', SAN_FRANCISCO, /same area code 415/],
  ['+4915120484846', LONDON, /rule DE/],
  null, // 555-12: not a phone number
  ['+16505550143', SAN_FRANCISCO, /same state/],
  ['+442079460321', LONDON, /same country/],
  ['+498912345678', LONDON, /rule DE/],
  ['+12125550199', NEW_YORK, /same area code 212/],
];
const expectedHrefs = EXPECTED.map((entry) => (entry ? `callto://${entry[0]}/${entry[1]}` : 'tel:555-12'));

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
      await configure(session, { country: 'US', callerId: DEFAULT });
      const popup = await openPopup(session);
      await addCallerId(popup, SAN_FRANCISCO, 'San Francisco');
      await addCallerId(popup, NEW_YORK, 'New York');
      await addCallerId(popup, LONDON, 'London');
      await addRule(popup, 'DE', LONDON);
      await popup.close();
    });
    after(() => session?.close());

    it('chooses the caller ID per callee and explains it on every link', async () => {
      const page = await session.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(server.recordUrl({ shadow: 'native', csp: 'strict' }));
      const links = await waitForLinks(page, hrefsAre(expectedHrefs));
      EXPECTED.forEach((entry, i) => {
        if (!entry) return;
        assert.match(links[i].title, entry[2], `link ${i}: ${links[i].title}`);
      });
      assert.match(links[0].title, /^Call \+1 415-555-1212 with 8x8 from \+1 415-555-0100 \(San Francisco\) — same area code 415/);

      // On a record with FromCallerID__c, that value wins for the record's own numbers only.
      await page.evaluate(() => window.fixture.replaceRecord('003000000000002AAA'));
      const other = await waitForLinks(page, (found) => found[0]?.href === `callto://+4930901820/${RECORD_FROM}`);
      assert.match(other[0].title, /record field FromCallerID__c/);
      const related = other.find((link) => link.href.startsWith('callto://+13125550178/'));
      assert.equal(related?.href, `callto://+13125550178/${DEFAULT}`, 'a related contact is not this record');
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('follows pool and rule edits on an open page, and shows them in "try a number"', async () => {
      const page = await session.newPage();
      await page.goto(server.recordUrl({ shadow: 'synthetic', csp: 'lightning' }));
      await waitForLinks(page, hrefsAre(expectedHrefs));

      const popup = await openPopup(session);
      const tried = await tryNumber(popup, '(415) 555-1212');
      assert.equal(tried.href, `callto://+14155551212/${SAN_FRANCISCO}`);
      assert.match(tried.reason, /same area code 415/);

      await removeCallerId(popup, SAN_FRANCISCO);
      // Without a 415 or California number, the US default applies (no country step for a US callee).
      await waitForLinks(page, (found) => found[0].href === `callto://+14155551212/${DEFAULT}`);
      assert.match((await phoneLinks(page))[0].title, /default/);

      await addRule(popup, '+1415', NEW_YORK);
      await waitForLinks(page, (found) => found[0].href === `callto://+14155551212/${NEW_YORK}`);
      assert.match((await tryNumber(popup, '4155551212')).reason, /rule \+1415/);

      // Back to the starting settings for the other tests.
      await removeRule(popup, '+1415');
      await addCallerId(popup, SAN_FRANCISCO, 'San Francisco');
      await waitForLinks(page, hrefsAre(expectedHrefs));
      await popup.close();
      await page.close();
    });

    it('refuses a bad settings file with every reason and keeps the settings', async () => {
      const popup = await openPopup(session);
      const before = await exportSettings(popup);
      const message = await importSettings(
        popup,
        JSON.stringify({ rules: [{ region: 'US-XX', callerId: '+1' }], linkTemplate: 'javascript:alert({number})' }),
      );
      assert.match(message, /rules\[0\]\.region/);
      assert.match(message, /linkTemplate/);
      assert.deepEqual(await exportSettings(popup), before, 'nothing changed');
      await popup.close();
    });

    it('dials once from another caller ID chosen in the context menu', async () => {
      const page = await session.newPage();
      await page.goto(server.recordUrl({ shadow: 'native', csp: 'lightning' }));
      await waitForLinks(page, hrefsAre(expectedHrefs));
      const link = await page.evaluateHandle(() => {
        const find = (root) => {
          for (const element of root.querySelectorAll('*')) {
            if (element.localName === 'a' && element.getAttribute('href')?.startsWith('callto:')) return element;
            const inner = element.shadowRoot && find(element.shadowRoot);
            if (inner) return inner;
          }
          return null;
        };
        return find(document);
      });
      // The menu lists the pool: updating an item the background did not create fails.
      const menuHas = await session.openExtensionPage('popup/popup.html');
      for (const number of [SAN_FRANCISCO, NEW_YORK, LONDON]) {
        await menuHas.evaluate((id) => (globalThis.browser ?? globalThis.chrome).contextMenus.update(id, {}), `call-from:${number}`);
      }
      await assert.rejects(
        menuHas.evaluate(() => (globalThis.browser ?? globalThis.chrome).contextMenus.update('call-from:+15555550000', {})),
      );
      await menuHas.close();

      await link.click({ button: 'right' });
      await page.keyboard.press('Escape');

      // What the background does when the agent picks "Call from… › New York".
      const answer = await callFromMenu(session, NEW_YORK);
      assert.deepEqual(answer, { dialed: true, href: `callto://+14155551212/${NEW_YORK}` });
      assert.equal((await phoneLinks(page))[0].href, expectedHrefs[0], 'the link itself keeps its caller ID');
      await page.close();
    });
  });
}

/** Sends the content script the message the "Call from…" menu item sends for its tab. */
function callFromMenu(session, callerId) {
  return withSalesforceTab(session, (page, tabId) =>
    page.evaluate(
      (tab, chosen) =>
        (globalThis.browser ?? globalThis.chrome).tabs.sendMessage(tab, { type: 'callFrom', callerId: chosen }, { frameId: 0 }),
      tabId,
      callerId,
    ),
  );
}
