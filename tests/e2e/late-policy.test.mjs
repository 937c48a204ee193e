/**
 * End to end (Chromium): an administrator's first policy, loaded by the browser after the
 * extension started, reaches the open editor and the open Salesforce page without a reload.
 * Here Chromium reports this load with `storage.onChanged`; the case where it does not (pixiebrix
 * issue 7618) is played in tests/unit/lifecycle.test.mjs, where the policy's recheck alone
 * brings it. Firefox reads policies.json once, at browser start (the README says so), so nothing
 * arrives late there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { waitForLinks } from '../support/page-links.mjs';
import { installPolicy, reloadChromiumPolicies } from '../support/policy.mjs';
import { configure, isLocked, openPopup } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';

const USER_CALLER_ID = '+18880001111';
const POLICY_CALLER_ID = '+12125550100';

// Firefox reads policies at start only: nothing to test there.
for (const browserName of BROWSERS.filter((name) => name === 'chromium')) {
  describe(browserName, () => {
    let server;
    let session;
    let policy;
    before(async () => {
      server = await startServer();
      session = await launch('chromium', { extensionDir: DIST.chromium });
    });
    after(async () => {
      await session?.close();
      policy?.remove();
      server?.close();
    });

    it('shows a first policy loaded after start in the open editor and on the open page', async () => {
      await configure(session, { country: 'US', callerId: USER_CALLER_ID });
      const page = await session.newPage();
      await page.goto(server.recordUrl());
      await waitForLinks(page, (found) => found[0]?.href === `callto://+14155551212/${USER_CALLER_ID}`);
      const options = await openPopup(session);
      assert.equal(await isLocked(options, 'defaultCallerId'), false, 'no policy yet');

      policy = installPolicy('chromium', { defaultCallerId: POLICY_CALLER_ID }, { extensionDir: DIST.chromium });
      await reloadChromiumPolicies(session);
      await page.bringToFront();
      await waitForLinks(page, (found) => found[0]?.href === `callto://+14155551212/${POLICY_CALLER_ID}`);
      await options.waitForFunction(
        (expected) => document.querySelector('#defaultCallerId').value === expected,
        { polling: 100 },
        POLICY_CALLER_ID,
      );
      assert.equal(await isLocked(options, 'defaultCallerId'), true);
      await options.close();
      await page.close();
    });
  });
}
