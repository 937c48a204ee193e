/**
 * End to end, on the Contact record page in Chromium and Firefox: answers remembered by the
 * page and by the background never outlive a settings change. (That a navigation wakes the
 * background is tested in tests/unit/navigation-wake.test.mjs: in Chromium, its tabs.onUpdated
 * listener already starts a stopped worker on pushState, so a worker starting proves nothing.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { waitForLinks } from '../support/page-links.mjs';
import { configure, openPopup, typeCallerId } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';

const CALLER_ID = '+18880001111';

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
      await configure(session, { country: 'US', callerId: CALLER_ID });
    });
    after(() => session?.close());

    async function openRecord() {
      const page = await session.newPage();
      await page.goto(server.recordUrl({ shadow: 'synthetic', csp: 'lightning' }));
      await page.waitForFunction(() => window.fixture?.ready.then(() => true));
      await waitForLinks(page, (found) => found[0]?.href === `callto://+14155551212/${CALLER_ID}`);
      return page;
    }

    it('gives a number answered before the new caller ID at once after a settings change', async () => {
      const page = await openRecord();
      // Answered under the first settings, and remembered by the page and the background.
      await waitForLinks(page, (found) => found.some((link) => link.href === `callto://+12125550199/${CALLER_ID}`));
      const popup = await openPopup(session);
      assert.equal(await typeCallerId(popup, '+14155550100'), 'Saved.');
      await popup.close();
      // The same value rendered again, as a new record shows it: the new caller ID.
      await page.evaluate(() => window.fixture.setPhone('(212) 555-0199'));
      await waitForLinks(page, (found) => found[0].href === 'callto://+12125550199/+14155550100');
      await configure(session, { country: 'US', callerId: CALLER_ID });
      await page.close();
    });
  });
}
