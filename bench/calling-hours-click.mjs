#!/usr/bin/env node
/**
 * What calling hours add to a click: the time a click on an answered phone link spends in the
 * page's event dispatch (every listener, ours included), with calling hours and Do Not Call
 * checked (warn; the callee inside the window, the record not Do Not Call: the click keeps
 * its native navigation) against the same with both off, in one run of headless Chromium on
 * the record home page fixture (dist/chrome, unmodified).
 *
 * Each sample is ROUNDS_CLICKS clicks dispatched in the page's world on the link, each
 * prevented by a page listener that runs after ours (so nothing dials); the two settings
 * alternate sample by sample. Prints the medians and their ratio.
 *
 * Then the wait of a held click: HELD times, the background service worker stopped, a phone
 * link added and clicked in one task, timed from the click to the `callto:` navigation CDP
 * reports (Page.frameRequestedNavigation). Prints the median.
 *
 *   node bench/calling-hours-click.mjs      (run under flock /tmp/caller-id-e2e.lock)
 */
/* global window, document, MouseEvent */
import { DIST, launch } from '../tests/support/browsers.mjs';
import { windowsAround } from '../tests/support/calling-hours.mjs';
import { waitForLinks } from '../tests/support/page-links.mjs';
import { configure, importSettings, openPopup } from '../tests/support/popup.mjs';
import { startServer } from '../tests/support/server.mjs';
import { stopServiceWorker } from '../tests/support/service-worker.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 200);
const HELD = Number(process.env.BENCH_HELD ?? 5);
const BOSTON = 'callto://+16175550134/+18880001111';

const SETTINGS = {
  off: { recordCallerIdField: '', callingHours: 'off', doNotCall: 'off' },
  on: { recordCallerIdField: '', callingHours: 'warn', doNotCall: 'warn', callingWindows: windowsAround('*', 'America/New_York', -120, 120) },
};

const server = await startServer();
const session = await launch('chromium', { extensionDir: DIST.chromium });
try {
  await configure(session, { country: 'US', callerId: '+18880001111' });
  const page = await session.newPage();
  await page.goto(`${server.origin()}/lightning/r/Contact/003000000000102AAA/view?layout=standard`);
  await page.evaluate(() => {
    // After every other listener (ours is registered at document_idle, before this one).
    window.addEventListener('click', (event) => event.preventDefault());
  });
  const samples = { off: [], on: [] };
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    for (const mode of ['off', 'on']) {
      const popup = await openPopup(session);
      await importSettings(popup, JSON.stringify(SETTINGS[mode]));
      await popup.close();
      await waitForLinks(page, (links) => links.some((link) => link.href === BOSTON && !link.title.startsWith('Outside')));
      // Settings reach the page through storage.onChanged: let its answers arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const perClick = await page.evaluate(
        (href, clicks) => {
          const find = (root) => {
            for (const element of root.querySelectorAll('*')) {
              if (element.localName === 'a' && element.getAttribute('href') === href) return element;
              const inner = element.shadowRoot && find(element.shadowRoot);
              if (inner) return inner;
            }
            return null;
          };
          const link = find(document);
          const start = performance.now();
          for (let i = 0; i < clicks; i += 1) {
            link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
          }
          return (performance.now() - start) / clicks;
        },
        BOSTON,
        CLICKS,
      );
      samples[mode].push(perClick * 1000);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const off = median(samples.off);
  const on = median(samples.on);
  console.log(`Click on an answered link, time in the page's dispatch, median of ${SAMPLES} samples of ${CLICKS} clicks:`);
  console.log(`  calling hours and Do Not Call off: ${off.toFixed(1)} µs`);
  console.log(`  on (warn, inside the window):      ${on.toFixed(1)} µs (${(on / off).toFixed(2)} ×, +${(on - off).toFixed(1)} µs)`);

  const popup = await openPopup(session);
  await importSettings(popup, JSON.stringify(SETTINGS.off)); // no dialog, whatever the hour
  await popup.close();
  const held = [];
  const cdp = await page.createCDPSession();
  let dialed = null;
  cdp.on('Page.frameRequestedNavigation', ({ url }) => url.startsWith('callto:') && dialed?.(performance.now()));
  await cdp.send('Page.enable');
  for (let sample = 0; sample < HELD; sample += 1) {
    await stopServiceWorker(session, page);
    const navigated = new Promise((resolve) => {
      dialed = resolve;
    });
    const clickedAt = performance.now();
    await page.evaluate((value) => {
      const link = document.createElement('a');
      link.setAttribute('href', `tel:${value}`);
      document.body.append(link);
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
    }, `(650) 555-01${String(sample).padStart(2, '0')}`);
    held.push((await navigated) - clickedAt);
  }
  console.log(`Held click, background stopped, click to callto: navigation, median of ${HELD}: ${median(held).toFixed(0)} ms`);
} finally {
  await session.close();
  await server.close();
}
