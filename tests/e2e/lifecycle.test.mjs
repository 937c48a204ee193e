/**
 * End to end: the extension's life while a Salesforce tab stays open all day — an update, a
 * removal and a new install, a disable and a re-enable, a background stopped mid-batch — in
 * headless Chromium and Firefox, with the extension users install. Numbers the tab renders
 * afterwards are rewritten by the version running then, links already rewritten keep working
 * or are refreshed, and the page's console shows no error of ours.
 *
 * Firefox: WebDriver BiDi can install and uninstall a temporary add-on, but neither disable it
 * nor stop its event page, so those two tests run in Chromium only. Firefox injects an add-on's
 * content scripts into open tabs itself on install and update; these tests show it does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { countLinks, waitForLinks } from '../support/page-links.mjs';
import { configure } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';

const CALLER_ID = '+18880001111';
const FIRST = `callto://+14155551212/${CALLER_ID}`;

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

/** Appends `count` phone links to the page's body, as Salesforce renders a list; returns their ids. */
function renderNumbers(page, prefix, count = 1) {
  return page.evaluate(
    (idPrefix, total) => {
      const ids = [];
      for (let index = 0; index < total; index += 1) {
        const link = document.createElement('a');
        link.id = `${idPrefix}-${index}`;
        link.setAttribute('href', `tel:303555${String(1000 + index)}`);
        link.textContent = `(303) 555-${1000 + index}`;
        document.body.append(link);
        ids.push(link.id);
      }
      return ids;
    },
    prefix,
    count,
  );
}

/** Resolves once every link of `ids` shows a dialer link; fails after `timeout` ms. */
function rewritten(page, ids, { timeout = 15_000 } = {}) {
  return page.waitForFunction(
    (all) => all.every((id) => document.getElementById(id)?.getAttribute('href')?.startsWith('callto:')),
    { timeout, polling: 50 },
    ids,
  );
}

/** The page's console errors and uncaught exceptions, from now on. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Opens a record page whose first number shows the configured caller ID. */
async function openRecord(session) {
  const page = await session.newPage();
  const errors = watchErrors(page);
  await page.goto(server.recordUrl());
  await waitForLinks(page, (found) => found[0]?.href === FIRST);
  return { page, errors };
}

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
      await configure(session, { country: 'US', callerId: CALLER_ID });
    });
    after(() => session?.close());

    it('after an update, rewrites numbers the open tab renders, and keeps the links it had', async () => {
      const { page, errors } = await openRecord(session);
      const started = performance.now();
      await session.browser.installExtension(DIST[browserName]); // the same id: an update
      const ids = await renderNumbers(page, 'after-update');
      await rewritten(page, ids);
      console.log(`${browserName}: update to a newly rendered number rewritten: ${Math.round(performance.now() - started)} ms`);
      await waitForLinks(page, (found) => found[0]?.href === FIRST, { timeout: 2_000 });
      assert.equal((await countLinks(page)).tel, 1, 'only the value that is not a number is left as tel:');
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('after a removal, puts the links back; a new install takes the open tab over', async () => {
      const { page, errors } = await openRecord(session);
      await session.browser.uninstallExtension(session.extensionId);
      if (browserName === 'chromium') {
        // The next number the page renders makes the old script notice that it is gone.
        await renderNumbers(page, 'after-removal');
        await page.waitForFunction(() => !document.querySelector('a[href^="callto:"]'), { polling: 50 });
        const links = await waitForLinks(page, (found) => found[0]?.href === 'tel:4155551212', { timeout: 2_000 });
        assert.equal(links[0].title, null, 'our title is gone');
      }
      // Firefox removes the old script without a word to it: its links keep dialing as they
      // did, until the next page load.
      const started = performance.now();
      await session.browser.installExtension(DIST[browserName]);
      const ids = await renderNumbers(page, 'after-install');
      await rewritten(page, ids);
      console.log(`${browserName}: install to a newly rendered number rewritten: ${Math.round(performance.now() - started)} ms`);
      assert.deepEqual(errors, []);
      await page.close();
    });

    // Firefox: WebDriver BiDi can neither disable an add-on nor stop its event page.
    if (browserName !== 'chromium') return;

    it('after a disable, puts the links back; a re-enable takes the open tab over', async () => {
      await configure(session, { country: 'US', callerId: CALLER_ID }); // the removal forgot them
      const { page, errors } = await openRecord(session);
      const extensions = await session.newPage();
      await extensions.goto('chrome://extensions');
      const setEnabled = (enabled) =>
        extensions.evaluate((id, on) => globalThis.chrome.management.setEnabled(id, on), session.extensionId, enabled);
      await setEnabled(false);
      await page.bringToFront(); // the tab shown again: the old script notices
      await page.waitForFunction(() => !document.querySelector('a[href^="callto:"]'), { polling: 50 });
      await setEnabled(true);
      const ids = await renderNumbers(page, 'after-enable');
      await rewritten(page, ids);
      await waitForLinks(page, (found) => found[0]?.href === FIRST, { timeout: 2_000 });
      assert.deepEqual(errors, []);
      await extensions.close();
      await page.close();
    });

    it('sends again what a background stopped mid-batch never answered', async () => {
      const { page, errors } = await openRecord(session);
      // The service worker is kept busy, so the batch of the numbers rendered next reaches it
      // and waits; then it is stopped with the batch unanswered.
      const worker = await session.browser.waitForTarget(
        (target) => target.type() === 'service_worker' && target.url().startsWith(session.extensionOrigin),
      );
      const workerSession = await worker.createCDPSession();
      workerSession
        .send('Runtime.evaluate', { expression: 'for (const end = Date.now() + 30000; Date.now() < end;);' })
        .catch(() => {}); // ends with the worker
      const ids = await renderNumbers(page, 'mid-batch', 200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await workerSession.detach();
      const client = await page.createCDPSession();
      await client.send('ServiceWorker.enable');
      await client.send('ServiceWorker.stopAllWorkers');
      await rewritten(page, ids, { timeout: 30_000 });
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
