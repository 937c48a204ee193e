/**
 * End to end: on install, and only then, the extension opens its first-run page by itself
 * (background.js, `runtime.onInstalled` with reason "install"), in headless Chromium and
 * Firefox. The page says what the agent needs and that nothing leaves the browser, and its
 * button opens the caller-ID settings (the options page).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';

const WELCOME = 'welcome/welcome.html';
const OPTIONS = 'options/options.html';
const FIND_TIMEOUT_MS = 15_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a page is, asked of the page itself (over BiDi, Firefox's page.url() lags behind). */
async function locationOf(page) {
  const asked = page.evaluate(() => (document.readyState === 'complete' ? location.href : null)).catch(() => null);
  return Promise.race([asked, sleep(1_000).then(() => null)]);
}

/** The open tabs showing the extension's page `path`, once loaded. */
async function pagesAt(session, path) {
  const url = session.extensionUrl(path);
  const found = [];
  for (const page of await session.browser.pages()) {
    if (!page.isClosed() && (await locationOf(page)) === url) found.push(page);
  }
  return found;
}

/** Waits for a tab the extension opened itself at `path`; fails after a while. */
async function waitForPage(session, path) {
  const deadline = Date.now() + FIND_TIMEOUT_MS;
  for (;;) {
    const [page] = await pagesAt(session, path);
    if (page) return page;
    if (Date.now() > deadline) {
      const open = await Promise.all((await session.browser.pages()).map(locationOf));
      throw new Error(`no tab at ${session.extensionUrl(path)} after ${FIND_TIMEOUT_MS} ms (open: ${open.join(', ')})`);
    }
    await sleep(200);
  }
}

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
    });
    after(() => session?.close());

    it('opens the first-run page by itself after install, once', async () => {
      const welcome = await waitForPage(session, WELCOME);
      await welcome.waitForFunction(() => document.querySelector('#open-settings')?.textContent !== '');
      const text = await welcome.evaluate(() => document.body.innerText);
      assert.match(text, /Welcome to Caller ID Dialer/);
      assert.match(text, /8x8 Work for Desktop 7\.13 or later, set as the app that opens callto: links/);
      assert.match(text, /Caller IDs shared with you in 8x8 Admin Console/);
      assert.match(text, /sends nothing anywhere/);
      assert.equal(await welcome.title(), 'Welcome to Caller ID Dialer');
      assert.equal(await welcome.evaluate(() => document.documentElement.lang), 'en');
      // Not one per background start: a second look finds the same single tab.
      await sleep(1_000);
      assert.equal((await pagesAt(session, WELCOME)).length, 1, 'one first-run tab');
    });

    it("its button opens the caller-ID settings", async () => {
      const [welcome] = await pagesAt(session, WELCOME);
      assert.ok(welcome, 'the first-run tab is still open');
      assert.equal((await pagesAt(session, OPTIONS)).length, 0, 'no options page before the click');
      await welcome.click('#open-settings');
      const options = await waitForPage(session, OPTIONS);
      await options.waitForFunction(
        () => document.querySelector('#defaultCountry')?.options.length > 100 && !document.querySelector('#editor[aria-busy]'),
      );
      assert.equal(await options.title(), 'Caller ID Dialer settings');
      assert.ok(await options.$('#pool-number'), 'the caller-ID pool editor is there');
      assert.ok(await options.$('#rule-region'), 'the rules editor is there');
    });
  });
}
