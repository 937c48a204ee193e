/**
 * End to end: calling hours and Do Not Call decided at the click (README, Configure), in the
 * extension users install (dist/chrome, dist/firefox, unmodified), in headless Chromium and
 * Firefox ESR, on the record home page fixture (genuine Lightning base components; record
 * 102 is not Do Not Call, record 101 is, and so is one contact of its related list).
 *
 * Calling windows are set around the current time of each callee's zone, so that the Boston
 * number (+1 617, America/New_York) is inside and the Berlin mobile (+49 170, Europe/Berlin)
 * outside whatever the hour of the run. Settings are imported through the editor, as a user
 * or administrator file would be.
 *
 * What the browser did with a click: a page-side listener records whether each click on a
 * link was prevented (the browser follows a link only when not), in both browsers; in
 * Chromium, CDP also shows every `callto:` navigation the page started (a prevented click, or
 * one never followed, shows none). The dialog's closed shadow root is reached in Chromium
 * through its accessibility tree and DevTools' DOM (axe runs on a copy of its markup); in
 * Firefox, whose WebDriver BiDi gives tests no way into a closed root, through the keyboard
 * and the host element only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { dialogInTree, exposeDialogRoot, listenToClicks, pageClicks, watchDials, windowsAround } from '../support/calling-hours.mjs';
import { phoneLinks, waitForLinks } from '../support/page-links.mjs';
import { installPolicy, reloadChromiumPolicies } from '../support/policy.mjs';
import { configure, importSettings, isLocked, openPopup } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';

/* global axe -- defined in the page by axe.min.js */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AXE_SOURCE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

const CALLER_ID = '+18880001111';
const BOSTON = `callto://+16175550134/${CALLER_ID}`;
const BERLIN = `callto://+491707654321/${CALLER_ID}`;
const DNC_RECORD_PHONE = `callto://+13125550123/+13125550100`; // record 101's own Phone, its caller ID
const DNC_ROW = `callto://+442079460412/${CALLER_ID}`; // Tomas Lindqvist: Do Not Call
const CALLABLE_ROW = `callto://+13125550145/${CALLER_ID}`; // Ruth Okafor

/**
 * Boston inside (from an hour ago to an hour from now), Berlin outside (opening in an hour).
 * Record 102 has its own caller ID field: not read, so that every link presents CALLER_ID.
 */
const hours = (mode) => ({
  recordCallerIdField: '',
  callingHours: mode,
  callingWindows: [...windowsAround('US', 'America/New_York', -60, 60), ...windowsAround('DE', 'Europe/Berlin', 60, 120)],
  doNotCall: 'warn',
});

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

/** Imports `settings` through the editor, as a settings file. */
async function importThrough(session, settings) {
  const popup = await openPopup(session);
  const message = await importSettings(popup, JSON.stringify(settings));
  await popup.close();
  assert.match(message, /^Imported/, message);
}

/** Opens a record home page, waits for its links, and starts watching clicks and dials. */
async function openRecord(session, recordId, ready) {
  const page = await session.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  const dials = session.name === 'chromium' ? await watchDials(page) : null;
  await page.goto(`${server.origin()}/lightning/r/Contact/${recordId}/view?layout=standard`);
  await page.waitForFunction(() => window.fixture?.ready.then(() => true));
  await waitForLinks(page, ready);
  await listenToClicks(page);
  return { page, errors, dials };
}

/** The link with `href`, found through open shadow roots. */
function linkWith(page, href) {
  return page.evaluateHandle((wanted) => {
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'a' && element.getAttribute('href') === wanted) return element;
        const inside = element.shadowRoot && visit(element.shadowRoot);
        if (inside) return inside;
      }
      return null;
    };
    return visit(document);
  }, href);
}

const titleOf = async (page, href) => (await phoneLinks(page)).find((link) => link.href === href)?.title ?? '';

/** Whether our dialog is in the page, and has the focus. */
const dialogShown = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('caller-id-dialer-dialog');
    return host ? { focused: document.activeElement === host } : null;
  });

async function waitForDialog(page) {
  await page.waitForFunction(() => document.activeElement?.localName === 'caller-id-dialer-dialog');
}

async function waitForNoDialog(page) {
  await page.waitForFunction(() => !document.querySelector('caller-id-dialer-dialog'));
}

/** Waits for the page-side listener to have seen `count` clicks; returns them. */
async function clicksSeen(page, count) {
  await page.waitForFunction((n) => window.seenClicks.length >= n, {}, count);
  return pageClicks(page);
}

/** A settle time after a click, for a dial that should not come: long enough for one that would. */
const noDialWindow = () => new Promise((resolve) => setTimeout(resolve, 500));

/** The dials seen once there are `count` of them (or after 3 s), and a moment more for any extra. */
async function dialsAfter({ dials }, count) {
  const deadline = Date.now() + 3000;
  while (dials.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await noDialWindow();
  return [...dials];
}

/** The href of the element that has the focus, through shadow roots. */
const focusedHref = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('href') ?? null;
  });

for (const browserName of BROWSERS) {
  describe(browserName, () => {
    let session;
    before(async () => {
      session = await launch(browserName, { extensionDir: DIST[browserName] });
      await configure(session, { country: 'US', callerId: CALLER_ID });
    });
    after(() => session?.close());

    const chromium = browserName === 'chromium';
    const bothLinks = (found) => found.some((link) => link.href === BOSTON) && found.some((link) => link.href === BERLIN);

    it('says in the title why a click would ask, before any click; the link keeps its text and place', async () => {
      await importThrough(session, hours('warn'));
      const { page, errors } = await openRecord(session, '003000000000102AAA', bothLinks);
      const links = await waitForLinks(page, (found) => found.some((link) => link.href === BERLIN && link.title.startsWith('Outside calling hours')));
      const berlin = links.find((link) => link.href === BERLIN);
      assert.match(berlin.title, /^Outside calling hours: a click asks first — Call \+49 170 7654321 with 8x8 from \+1 888-000-1111/);
      assert.equal(berlin.ariaLabel, berlin.title);
      assert.equal(berlin.text, '+49 170 7654321');
      assert.match(await titleOf(page, BOSTON), /^Call \+1 617-555-0134 /);
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('inside the window, a click dials at once and shows nothing', async () => {
      const { page, dials } = await openRecord(session, '003000000000102AAA', bothLinks);
      await (await linkWith(page, BOSTON)).click();
      assert.deepEqual(await clicksSeen(page, 1), [{ href: BOSTON, prevented: false }]);
      assert.equal(await dialogShown(page), null);
      if (chromium) assert.deepEqual(await dialsAfter(dials, 1), [BOSTON]);
      await page.close();
    });

    it('warn: the dialog asks; Escape and Cancel do not dial; Call anyway dials the link the title describes', async () => {
      const { page, dials, errors } = await openRecord(session, '003000000000102AAA', bothLinks);
      const berlin = await linkWith(page, BERLIN);
      await berlin.click();
      await waitForDialog(page);
      assert.deepEqual(await clicksSeen(page, 1), [{ href: BERLIN, prevented: true }]);
      if (chromium) {
        const dialog = await dialogInTree(dials.cdp);
        assert.equal(dialog.name, 'Call +49 170 7654321?');
        assert.match(dialog.description, /^\d{1,2}:\d\d [AP]M on \w+day for this callee \(Berlin time\); calling hours .+\. Calling hours open at .+ their time, in (59|60) minutes\.$/);
        assert.deepEqual(dialog.buttons, ['Cancel', 'Call anyway']);
        assert.equal(dialog.modal, true);
      }
      await page.keyboard.press('Escape');
      await waitForNoDialog(page);
      assert.equal(await focusedHref(page), BERLIN, 'focus is back on the link');

      await berlin.click();
      await waitForDialog(page);
      await page.keyboard.press('Enter'); // Cancel has the focus: the default
      await waitForNoDialog(page);
      await noDialWindow();
      if (chromium) assert.deepEqual(dials.dials, [], 'Escape and Cancel dialed nothing');

      await berlin.click();
      await waitForDialog(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // Call anyway
      await waitForNoDialog(page);
      if (chromium) assert.deepEqual(await dialsAfter(dials, 1), [BERLIN], 'the link the title describes, once');
      assert.deepEqual(
        (await pageClicks(page)).map((click) => click.prevented),
        [true, true, true],
        'the page saw each click once, and none followed by the browser itself',
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('block: the dialog says why and when calling hours open, and nothing dials', async () => {
      await importThrough(session, hours('block'));
      const { page, dials } = await openRecord(session, '003000000000102AAA', (found) =>
        found.some((link) => link.href === BERLIN && link.title.startsWith('Outside calling hours: calling is blocked now')),
      );
      const berlin = await linkWith(page, BERLIN);
      await berlin.click();
      await waitForDialog(page);
      if (chromium) {
        const dialog = await dialogInTree(dials.cdp);
        assert.equal(dialog.name, '+49 170 7654321 cannot be called now');
        assert.match(dialog.description, /Calling hours open at .+ their time, in (59|60) minutes\.$/);
        assert.deepEqual(dialog.buttons, ['Close'], 'no way to dial');
      }
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // Tab stays on Close: the only button
      await waitForNoDialog(page);
      await berlin.focus();
      await page.keyboard.press('Enter'); // a keyboard click is judged too
      await waitForDialog(page);
      await page.keyboard.press('Escape');
      await waitForNoDialog(page);
      await noDialWindow();
      assert.deepEqual((await pageClicks(page)).map((click) => click.prevented), [true, true]);
      if (chromium) assert.deepEqual(dials.dials, []);
      await page.close();
    });

    it('settings changed on an open page apply to the next click: off dials at once', async () => {
      await importThrough(session, hours('warn'));
      const { page, dials } = await openRecord(session, '003000000000102AAA', bothLinks);
      await importThrough(session, hours('off'));
      await waitForLinks(page, (found) => found.some((link) => link.href === BERLIN && !link.title.startsWith('Outside')));
      await (await linkWith(page, BERLIN)).click();
      assert.deepEqual(await clicksSeen(page, 1), [{ href: BERLIN, prevented: false }]);
      assert.equal(await dialogShown(page), null);
      if (chromium) assert.deepEqual(await dialsAfter(dials, 1), [BERLIN]);
      await page.close();
    });

    it('Do Not Call: the record page\'s checkbox and a list row\'s column, said in titles and asked at the click', async () => {
      await importThrough(session, { recordCallerIdField: 'FromCallerID__c', callingHours: 'off', doNotCall: 'warn' });
      const { page, dials } = await openRecord(session, '003000000000101AAA', (found) =>
        [DNC_RECORD_PHONE, DNC_ROW, CALLABLE_ROW].every((href) => found.some((link) => link.href === href)),
      );
      const links = await waitForLinks(page, (found) =>
        found.some((link) => link.href === DNC_ROW && link.title.startsWith('Do Not Call')),
      );
      const title = (href) => links.find((link) => link.href === href).title;
      assert.match(title(DNC_RECORD_PHONE), /^Do Not Call: a click asks first — Call \+1 312-555-0123/);
      assert.match(title(DNC_ROW), /^Do Not Call: a click asks first — Call \+44 20 7946 0412/);
      assert.doesNotMatch(title(CALLABLE_ROW), /Do Not Call/);

      // The keyboard first: a call hands its link to the system's handler, whose prompt can take
      // the page's input a moment later (Chromium, on a loaded machine); the click after it
      // is the link's own.
      await (await linkWith(page, DNC_ROW)).click();
      await waitForDialog(page);
      if (chromium) {
        const dialog = await dialogInTree(dials.cdp);
        assert.equal(dialog.description, 'Do Not Call is checked on this record.');
      }
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // Call anyway
      await waitForNoDialog(page);
      await (await linkWith(page, CALLABLE_ROW)).evaluate((link) => link.click());
      assert.deepEqual(await clicksSeen(page, 2), [
        { href: DNC_ROW, prevented: true },
        { href: CALLABLE_ROW, prevented: false },
      ]);
      if (chromium) assert.deepEqual(await dialsAfter(dials, 2), [DNC_ROW, CALLABLE_ROW]);
      await page.close();
    });

    if (chromium) {
      it('axe-core finds nothing in the open dialog', async () => {
        await importThrough(session, hours('warn'));
        const { page, dials } = await openRecord(session, '003000000000102AAA', bothLinks);
        await (await linkWith(page, BERLIN)).click();
        await waitForDialog(page);
        assert.equal(await exposeDialogRoot(dials.cdp), true);
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async (tags) => {
          const host = document.querySelector('caller-id-dialer-dialog');
          const results = await axe.run(host, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'passes'] });
          return {
            checked: results.passes.flatMap((pass) => pass.nodes).length,
            violations: results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
          };
        }, AXE_TAGS);
        assert.deepEqual(violations.violations, []);
        assert.ok(violations.checked > 5, `axe looked inside the dialog (${violations.checked} checks passed)`);
        await page.keyboard.press('Escape');
        await page.close();
      });
    }

    it("the dialog keeps its look whatever the page's styles", async () => {
      await importThrough(session, hours('warn'));
      const { page } = await openRecord(session, '003000000000102AAA', bothLinks);
      const berlin = await linkWith(page, BERLIN);
      // A page whose styles hit every element, as a badly scoped stylesheet would.
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('* { display: none !important; position: static !important; color: red !important; font-size: 40px !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        document.documentElement.style.setProperty('display', 'block', 'important');
      });
      await berlin.evaluate((link) => link.click());
      await waitForDialog(page);
      const host = await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('caller-id-dialer-dialog'));
        return { display: style.display, position: style.position, zIndex: style.zIndex, fontSize: style.fontSize };
      });
      assert.deepEqual(host, { display: 'block', position: 'fixed', zIndex: '2147483647', fontSize: '16px' });
      await page.keyboard.press('Escape');
      await waitForNoDialog(page);
      await page.close();
    });
  });
}

for (const browserName of BROWSERS) {
  describe(`${browserName}, with a policy locking block`, () => {
    let session;
    let policy;
    before(async () => {
      policy = installPolicy(browserName, { callingHours: 'block' }, { extensionDir: DIST[browserName] });
      // A browser of its own: Firefox reads the policy only when it starts.
      session = await launch(browserName, { extensionDir: DIST[browserName], ownBrowser: true });
      if (browserName === 'chromium') await reloadChromiumPolicies(session);
      await configure(session, { country: 'US', callerId: CALLER_ID });
    });
    after(async () => {
      await session?.close();
      policy?.remove();
    });

    it("blocks whatever the user's own setting says, and the editor shows it locked", async () => {
      await importThrough(session, hours('warn'));
      const popup = await openPopup(session);
      assert.equal(await isLocked(popup, 'callingHours'), true);
      assert.equal(await popup.$eval('#callingHours', (select) => select.value), 'block');
      await popup.close();
      const { page, dials } = await openRecord(session, '003000000000102AAA', (found) =>
        found.some((link) => link.href === BERLIN && link.title.startsWith('Outside calling hours: calling is blocked now')),
      );
      await (await linkWith(page, BERLIN)).click();
      await waitForDialog(page);
      if (browserName === 'chromium') assert.deepEqual((await dialogInTree(dials.cdp)).buttons, ['Close']);
      await page.keyboard.press('Enter');
      await waitForNoDialog(page);
      await noDialWindow();
      assert.deepEqual((await pageClicks(page)).map((click) => click.prevented), [true]);
      if (browserName === 'chromium') assert.deepEqual(dials.dials, []);
      await page.close();
    });
  });
}
