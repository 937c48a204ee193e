/**
 * End to end: a click on a phone link before the extension answered is held and goes to the
 * dialer link once the answer comes (issue 11, "A click never dials the wrong way"), in the
 * extension users install (dist/chrome, dist/firefox), on the Contact record page fixture.
 *
 * The link is rendered and clicked in one task, so its value is still in flight; in Chromium
 * the background service worker is stopped first, so the answer needs a cold start. Dials are
 * the `callto:` navigations the page's frame started: over CDP (`Page.frameRequestedNavigation`)
 * in Chromium, over WebDriver BiDi (`browsingContext.navigationStarted`) in Firefox. A
 * page-side listener records whether each click was prevented (held) or left to the browser.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { listenToClicks, pageClicks } from '../support/calling-hours.mjs';
import { waitForLinks } from '../support/page-links.mjs';
import { configure, importSettings, openPopup } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';
import { stopServiceWorker } from '../support/service-worker.mjs';

const CALLER_ID = '+18880001111';
const FIRST = `callto://+14155551212/${CALLER_ID}`;
const NEW_NUMBER = `callto://+16505550177/${CALLER_ID}`;

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

/** Every `callto:` navigation `page`'s frames start, in either browser. */
async function watchNavigations(session, page) {
  const dials = [];
  if (session.name === 'chromium') {
    const cdp = await page.createCDPSession();
    cdp.on('Page.frameRequestedNavigation', ({ url }) => url.startsWith('callto:') && dials.push(url));
    await cdp.send('Page.enable');
  } else {
    session.browser.connection.on('browsingContext.navigationStarted', ({ url }) => url.startsWith('callto:') && dials.push(url));
  }
  return dials;
}

/** Adds a phone link with `href` to the page and clicks it at once (with `init`'s keys); returns when. */
const renderAndClick = (page, href, init = {}) =>
  page.evaluate(
    (wanted, keys) => {
      const link = document.createElement('a');
      link.setAttribute('href', wanted);
      link.textContent = wanted.slice(4);
      link.id = `added-${document.querySelectorAll('a').length}`;
      document.getElementById('app').append(link);
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, ...keys }));
      return Date.now();
    },
    href,
    init,
  );

/** The dials seen once there are `count` (or after 5 s), and a moment more for any extra. */
async function dialsAfter(dials, count) {
  const deadline = Date.now() + 5000;
  while (dials.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 500));
  return [...dials];
}

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
      await configure(session, { country: 'US', callerId: CALLER_ID });
      // Calling hours are judged at the click (calling-hours.test.mjs): off here, whatever the hour of the run.
      const popup = await openPopup(session);
      assert.match(await importSettings(popup, JSON.stringify({ callingHours: 'off' })), /^Imported/);
      await popup.close();
    });
    after(() => session?.close());

    /** The record page, rewritten, the background stopped (Chromium), clicks and dials watched. */
    async function openAsleep() {
      const page = await session.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(server.recordUrl({ shadow: 'synthetic' }));
      await page.waitForFunction(() => window.fixture?.ready.then(() => true));
      await waitForLinks(page, (found) => found[0]?.href === FIRST);
      if (browserName === 'chromium') await stopServiceWorker(session, page);
      await listenToClicks(page);
      return { page, errors, dials: await watchNavigations(session, page) };
    }

    it('a link clicked before the answer is held, then goes to its callto: link once', async (t) => {
      const { page, errors, dials } = await openAsleep();
      const clicked = await renderAndClick(page, 'tel:(650) 555-0177');
      const seen = await dialsAfter(dials, 1);
      t.diagnostic(`held click waited about ${Date.now() - clicked - 500} ms (${browserName}${browserName === 'chromium' ? ', cold worker' : ''})`);
      assert.deepEqual(seen, [NEW_NUMBER], 'the dialer link, never the tel: value');
      assert.deepEqual(await pageClicks(page), [{ href: 'tel:(650) 555-0177', prevented: true }], 'held, not followed as tel:');
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('a modified click keeps the page\'s own behaviour, and dials nothing', async () => {
      const { page, dials } = await openAsleep();
      // The page's own handler, after ours: notes whether we prevented the click, then keeps
      // the browser from opening the tel: link.
      await page.evaluate(() => {
        window.preventedBeforePage = [];
        window.addEventListener('click', (event) => {
          window.preventedBeforePage.push(event.defaultPrevented);
          event.preventDefault();
        });
      });
      await renderAndClick(page, 'tel:(650) 555-0178', { ctrlKey: true });
      await renderAndClick(page, 'tel:(650) 555-0179', { shiftKey: true });
      await waitForLinks(page, (found) => found.filter((link) => link.href.startsWith('callto://+1650555017')).length === 2);
      assert.deepEqual(await dialsAfter(dials, 1), []);
      assert.deepEqual(await page.evaluate(() => window.preventedBeforePage), [false, false], 'left to the page');
      await page.close();
    });

    it('Enter on a focused link dials its callto: link', async () => {
      const { page, dials } = await openAsleep();
      await page.evaluate(() => {
        const link = document.createElement('a');
        link.setAttribute('href', 'tel:(650) 555-0177');
        link.textContent = '(650) 555-0177';
        document.getElementById('app').append(link);
        link.focus();
      });
      await page.keyboard.press('Enter');
      assert.deepEqual(await dialsAfter(dials, 1), [NEW_NUMBER]);
      await page.close();
    });
  });
}
