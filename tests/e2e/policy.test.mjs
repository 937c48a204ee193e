/**
 * End to end: an administrator's policy (storage.managed) overrides the user's settings,
 * locks those controls in the popup, and — in Chromium, which can reload policy while
 * running — reaches an open page without a reload. Policy files are written where each
 * browser reads them and removed afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { waitForLinks } from '../support/page-links.mjs';
import { installPolicy, reloadChromiumPolicies } from '../support/policy.mjs';
import { chooseCountry, isLocked, openPopup } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';


const POLICY = {
  defaultCallerId: '+12125550100',
  rules: [{ region: 'GB', callerId: '+442071234567' }],
};

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    let policy;
    before(async () => {
      policy = installPolicy(browserName, POLICY, { extensionDir: DIST[browserName] });
      // A browser of its own: Firefox reads the policy only when it starts.
      session = await launch(browserName, { extensionDir: DIST[browserName], ownBrowser: true });
      if (browserName === 'chromium') await reloadChromiumPolicies(session);
    });
    after(async () => {
      await session?.close();
      policy?.remove();
    });

    it("overrides the user's settings and locks those controls", async () => {
      // A caller ID the user saved before the policy came loses to the administrator's.
      const popup = await openPopup(session);
      await popup.evaluate(() => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ defaultCallerId: '+18880001111' }));
      await chooseCountry(popup, 'US');
      await popup.close();
      const page = await session.newPage();
      await page.goto(server.recordUrl({ shadow: 'native', csp: 'strict' }));
      const links = await waitForLinks(
        page,
        (found) =>
          found[0]?.href === 'callto://+14155551212/+12125550100' &&
          found[1]?.href === 'callto://+442079460958/+442071234567',
      );
      assert.match(links[1].title, /rule GB/);

      const reopened = await openPopup(session);
      assert.equal(await isLocked(reopened, 'defaultCallerId'), true);
      assert.equal(await isLocked(reopened, 'rules'), true);
      assert.equal(await isLocked(reopened, 'defaultCountry'), false, 'what the policy leaves out stays with the user');
      assert.equal(await reopened.$eval('#defaultCallerId', (input) => input.value), '+12125550100');
      await reopened.close();

      if (browserName === 'chromium') {
        // A policy change reaches the open page without a reload.
        policy.update({ ...POLICY, defaultCallerId: '+13035550100' });
        await reloadChromiumPolicies(session);
        await waitForLinks(page, (found) => found[0]?.href === 'callto://+14155551212/+13035550100');
      }
      await page.close();
    });
  });
}
