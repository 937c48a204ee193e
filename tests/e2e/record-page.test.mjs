/**
 * End to end: the extension users install (dist/chrome, dist/firefox, unmodified) in
 * headless Chromium and Firefox ESR, on a Contact record page rendered by genuine Lightning
 * base components at https://acme.lightning.force.com, in synthetic and native shadow,
 * under Lightning's CSP and a strict one. Configured through its own popup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { hrefsAre, phoneLinks, settledCount, waitForLinks } from '../support/page-links.mjs';
import { chooseCountry, configure, openPopup, setEnabled, typeCallerId } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';
import { stopServiceWorker, workerOf } from '../support/service-worker.mjs';
import { withSalesforceTab } from '../support/tabs.mjs';

const CALLER_ID = '+18880001111';

/** The record page's phone links in document order: the text Salesforce rendered, and the href we expect. */
const RECORD_LINKS = [
  ['(415) 555-1212', `callto://+14155551212/${CALLER_ID}`],
  ['+44 20 7946 0958', `callto://+442079460958/${CALLER_ID}`],
  ['415.555.1212 x23', `callto://+14155551212/${CALLER_ID}`],
  ['+49 151 20484846', `callto://+4915120484846/${CALLER_ID}`],
  ['555-12', 'tel:555-12'], // not a phone number: left exactly as rendered
  ['(650) 555-0143', `callto://+16505550143/${CALLER_ID}`],
  ['+44 20 7946 0321', `callto://+442079460321/${CALLER_ID}`],
  ['+49 89 12345678', `callto://+498912345678/${CALLER_ID}`],
  ['(212) 555-0199', `callto://+12125550199/${CALLER_ID}`],
];


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
      const message = await configure(session, { country: 'US', callerId: CALLER_ID });
      // 8x8's example is not an assigned number: accepted, with a warning.
      assert.match(message, /^Saved\. .*not .*assigned/i);
    });
    after(() => session?.close());

    /** Opens a record page and records every error the page reports. */
    async function openRecord(options) {
      const page = await session.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(server.recordUrl(options));
      await page.waitForFunction(() => window.fixture?.ready.then(() => true));
      return { page, errors };
    }

    for (const shadow of ['synthetic', 'native']) {
      for (const csp of ['lightning', 'strict']) {
        it(`rewrites a record page in place (${shadow} shadow, ${csp} CSP)`, async () => {
          const { page, errors } = await openRecord({ shadow, csp });
          const links = await waitForLinks(page, hrefsAre(RECORD_LINKS.map(([, href]) => href)));
          assert.deepEqual(
            links.map((link) => [link.text, link.href]),
            RECORD_LINKS,
            'text unchanged, valid numbers rewritten, the invalid one left alone',
          );
          // The callee's local time ends the title: Pacific time for a 415 number.
          const localTime = '\\d{1,2}:\\d{2}\\s?[AP]M local';
          assert.match(links[0].title, new RegExp(`^Call \\+1 415-555-1212 with 8x8 from \\+1 888-000-1111 — default caller ID · ${localTime}$`));
          assert.match(links[2].title, /^Call \+1 415-555-1212, then extension 23 with 8x8 from \+1 888-000-1111 — default caller ID/);
          assert.ok(links.every((link) => link.ariaLabel === link.title), 'the accessible name says the same');
          assert.equal(links[4].title, null, 'the invalid value keeps no title of ours');

          // The component renders a new value into the same element: followed.
          await page.evaluate(() => window.fixture.setPhone('(650) 555-0123'));
          await waitForLinks(page, (found) => found[0].href === `callto://+16505550123/${CALLER_ID}`);

          // Rows added later, one of them not a phone number.
          await page.evaluate(() => window.fixture.addRows(5));
          const withRows = await waitForLinks(page, (found) => found.length === RECORD_LINKS.length + 5 && found.slice(-5, -1).every((link) => link.href.startsWith('callto:')));
          assert.deepEqual(
            withRows.slice(-5).map((link) => link.href),
            [2001, 2002, 2003, 2004].map((n) => `callto://+1415555${n}/${CALLER_ID}`).concat('tel:55-5'),
          );

          // In-app navigation to another record: new elements, rewritten too.
          await page.evaluate(() => window.fixture.replaceRecord('003000000000002AAA'));
          // Its FromCallerID__c (+493012345678) is presented for its own numbers.
          const other = await waitForLinks(page, (found) => found[0]?.href === 'callto://+4930901820/+493012345678');
          assert.equal(other[0].text, '+49 30 901820');

          // The toolbar button counts the rewritten numbers of this tab (reported a moment
          // later), once all of the new record's are.
          const rewritten = String(await settledCount(page));
          const badge = await withSalesforceTab(session, (extensionPage, tabId) =>
            extensionPage.evaluate(async (tab, expected) => {
              const api = globalThis.browser ?? globalThis.chrome;
              const deadline = Date.now() + 5000;
              let text = await api.action.getBadgeText({ tabId: tab });
              while (text !== expected && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 50));
                text = await api.action.getBadgeText({ tabId: tab });
              }
              return text;
            }, tabId, rewritten),
          );
          assert.equal(badge, rewritten);

          assert.deepEqual(errors, [], 'no page errors');
          await page.close();
        });
      }
    }

    it('follows popup changes on an open page without a reload', async () => {
      const { page, errors } = await openRecord({ shadow: 'native', csp: 'strict' });
      await waitForLinks(page, (found) => found[0]?.href === `callto://+14155551212/${CALLER_ID}`);
      const popup = await openPopup(session);

      assert.equal(await typeCallerId(popup, '+14155550100'), 'Saved.');
      await waitForLinks(page, (found) => found[0].href === 'callto://+14155551212/+14155550100' && found[1].href === 'callto://+442079460958/+14155550100');

      // Another default country reads national numbers differently: (415) is not a UK number.
      await chooseCountry(popup, 'GB');
      await waitForLinks(page, (found) => found[0].href === 'tel:4155551212' && found[1].href === 'callto://+442079460958/+14155550100');

      // Switched off: every link is back as Salesforce rendered it; on again: rewritten again.
      await setEnabled(popup, false);
      const off = await waitForLinks(page, (found) => found.every((link) => link.href.startsWith('tel:')));
      assert.ok(off.every((link) => link.title === null));
      await setEnabled(popup, true);
      await popup.close();
      await configure(session, { country: 'US', callerId: CALLER_ID });
      await waitForLinks(page, hrefsAre(RECORD_LINKS.map(([, href]) => href)));

      assert.deepEqual(errors, []);
      await page.close();
    });

    it('rejects an invalid caller ID with a reason and saves nothing', async () => {
      const { page } = await openRecord({ shadow: 'synthetic', csp: 'lightning' });
      await waitForLinks(page, (found) => found[0]?.href === `callto://+14155551212/${CALLER_ID}`);
      const popup = await openPopup(session);
      const message = await typeCallerId(popup, '(888) 000-1111');
      assert.match(message, /E\.164/);
      assert.match(message, /\+18880001111/, 'suggests the E.164 form');
      assert.equal(await popup.$eval('#defaultCallerId', (input) => input.getAttribute('aria-invalid')), 'true');
      await popup.close();

      // Nothing was saved: a fresh popup shows the previous caller ID, and the page keeps it.
      const fresh = await openPopup(session);
      assert.equal(await fresh.$eval('#defaultCallerId', (input) => input.value), CALLER_ID);
      await fresh.close();
      assert.equal((await phoneLinks(page))[0].href, `callto://+14155551212/${CALLER_ID}`);
      await page.close();
    });

    if (browserName === 'chromium') {
      it('keeps working after the browser stops the background service worker', async (t) => {
        const { page } = await openRecord({ shadow: 'synthetic', csp: 'strict' });
        await waitForLinks(page, (found) => found[0]?.href === `callto://+14155551212/${CALLER_ID}`);
        await stopServiceWorker(session, page);

        const started = Date.now();
        await page.evaluate(() => window.fixture.setPhone('(650) 555-0177'));
        await waitForLinks(page, (found) => found[0].href === `callto://+16505550177/${CALLER_ID}`);
        t.diagnostic(`first link after a cold background start: ${Date.now() - started} ms`);
        // The link was rewritten by a new worker; puppeteer may hear of its target only after.
        await session.browser.waitForTarget(workerOf(session), { timeout: 5_000 });
        await page.close();
      });
    }
  });
}
