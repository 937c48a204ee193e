/**
 * End to end: settings of real size (issue 11) in headless Chromium and Firefox — 1,000
 * caller IDs and 500 rules imported and used on a page (local presence picks the 350th area
 * code's number), stored in chunks within storage.sync's quotas; a pool too large for sync kept
 * in storage.local; a list past its limit refused with a message naming it and nothing lost;
 * settings saved by the previous version (plain keys) still used, and rewritten on the next
 * save; the editor's search and pages; the votel dialer preset.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, DIST, launch } from '../support/browsers.mjs';
import { waitForLinks } from '../support/page-links.mjs';
import { addCallerId, importSettings, openPopup, setLinkTemplate } from '../support/popup.mjs';
import { startServer } from '../support/server.mjs';

/** The NANP area codes the core places, in its order (crate/src/place/data.rs). */
const AREA_CODES = (() => {
  const data = readFileSync(new URL('../../crate/src/place/data.rs', import.meta.url), 'utf8');
  const table = /NANP_AREA_CODES: \[u16; \d+\] = \[([^\]]*)\]/.exec(data)?.[1] ?? '';
  return table.match(/\d+/g) ?? [];
})();

/** `count` pool numbers, one area code after another (then again, other lines), some labels 60 characters long. */
function pool(count, labelChars = 0) {
  return Array.from({ length: count }, (_, i) => {
    const area = AREA_CODES[i % AREA_CODES.length];
    const label = `Office ${area} #${i + 1} `.padEnd(labelChars || (i % 10 === 0 ? 60 : 0), 'x');
    return { number: `+1${area}555${String(100 + Math.floor(i / AREA_CODES.length)).padStart(4, '0')}`, label };
  });
}

/** `count` prefix rules that no callee of these tests matches. */
const rules = (count) =>
  Array.from({ length: count }, (_, i) => ({
    region: `+1${AREA_CODES[i % AREA_CODES.length]}99${Math.floor(i / AREA_CODES.length)}`,
    callerId: '+12125550100',
  }));

// The previous version could store about 100 caller IDs (one sync item of 8,192 bytes).
const AREA_50 = AREA_CODES[49];
const CALLEE_50 = `+1${AREA_50}5550199`;
const POOL_50 = pool(50)[49].number;
const AREA_350 = AREA_CODES[349];
const CALLEE_350 = `+1${AREA_350}5550199`;
const POOL_350 = pool(350)[349].number;

/** Everything the extension stores in `area`, read in one of its pages. */
const storedIn = (page, area) => page.evaluate((a) => (globalThis.browser ?? globalThis.chrome).storage[a].get(null), area);

/** Bytes of an item as the sync quota counts them (ASCII content here). */
const itemBytes = (key, value) => key.length + Buffer.byteLength(JSON.stringify(value));

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
    });
    after(() => session?.close());

    /** Opens the record page with its main phone set to `raw`; resolves to its first link once the extension has rewritten it and `predicate` holds. */
    async function firstLink(raw, predicate = () => true) {
      const page = await session.newPage();
      await page.goto(server.recordUrl({ shadow: 'native', csp: 'strict' }));
      await page.waitForFunction(() => window.fixture);
      await page.evaluate((value) => window.fixture.setPhone(value), raw);
      const [link] = await waitForLinks(page, (found) => Boolean(found[0]?.href.includes(`//${raw}`) && predicate(found[0])));
      await page.close();
      return link;
    }

    it('settings of the previous version (plain keys in sync) keep working and move to chunks on the next save', async () => {
      const popup = await openPopup(session);
      await popup.evaluate(
        (values) => (globalThis.browser ?? globalThis.chrome).storage.sync.set(values),
        { defaultCountry: 'US', callerIds: pool(100), rules: rules(3) },
      );
      await popup.close();
      const link = await firstLink(CALLEE_50);
      assert.equal(link.href, `callto://${CALLEE_50}/${POOL_50}`);

      const editor = await openPopup(session);
      assert.match(await addCallerId(editor, '+13035559876', 'Denver'), /^Added/);
      const sync = await storedIn(editor, 'sync');
      assert.equal(sync.callerIds, undefined, 'the plain key is gone');
      assert.equal(sync.layout.lists.callerIds.entries, 101);
      await editor.close();
      const again = await firstLink(CALLEE_50);
      assert.equal(again.href, `callto://${CALLEE_50}/${POOL_50}`);
    });

    it('imports 1,000 caller IDs and 500 rules, stores them in sync within its quotas, and local presence picks the 350th area code', async (t) => {
      const popup = await openPopup(session);
      const message = await importSettings(popup, JSON.stringify({ callerIds: pool(1000), rules: rules(500) }));
      assert.match(message, /^Imported/);
      const sync = await storedIn(popup, 'sync');
      const items = Object.entries(sync);
      const largest = Math.max(...items.map(([key, value]) => itemBytes(key, value)));
      const total = items.reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
      assert.ok(largest <= 8192, `largest item ${largest} bytes`);
      assert.ok(total <= 102_400, `${total} bytes in sync`);
      assert.equal(sync.layout.area, 'sync');
      assert.deepEqual(await storedIn(popup, 'local'), {});
      t.diagnostic(`1,000 caller IDs and 500 rules: ${total} bytes in sync, largest item ${largest}`);
      await popup.close();

      const link = await firstLink(CALLEE_350);
      assert.equal(link.href, `callto://${CALLEE_350}/${POOL_350}`);
      assert.match(link.title, new RegExp(`same area code ${AREA_350}`));
    });

    it('finds caller IDs with the search and shows them a page at a time', async (t) => {
      const started = performance.now();
      const popup = await openPopup(session);
      t.diagnostic(`popup open with 1,000 caller IDs: ${Math.round(performance.now() - started)} ms`);
      assert.equal(await popup.$$eval('#pool-list li', (rows) => rows.length), 50);
      assert.equal(await popup.$eval('#pool-page', (node) => node.textContent), '1–50 of 1000');
      await popup.focus('#pool-next');
      await popup.keyboard.press('Enter');
      assert.equal(await popup.$eval('#pool-page', (node) => node.textContent), '51–100 of 1000');
      assert.equal(await popup.$eval('#pool-list li', (row) => row.dataset.number), pool(51)[50].number);

      await popup.type('#pool-search', `Office ${AREA_350} #350 `);
      await popup.waitForFunction(() => document.querySelectorAll('#pool-list li').length === 1);
      assert.equal(await popup.$eval('#pool-list li', (row) => row.dataset.number), POOL_350);
      await popup.$eval('#pool-search', (input) => {
        input.value = '';
      });
      await popup.type('#pool-search', AREA_350);
      await popup.waitForFunction(() => document.querySelector('#pool-list li') !== null);
      const numbers = await popup.$$eval('#pool-list li', (rows) => rows.map((row) => row.dataset.number));
      assert.ok(numbers.includes(POOL_350), numbers.join(' '));

      // A label saved on a later page of a 1,000-number pool.
      const selector = `#pool-list li[data-number="${POOL_350}"] input.entry-label`;
      await popup.$eval(selector, (input) => {
        input.value = '';
      });
      await popup.type(selector, 'Edmonton');
      const saving = performance.now();
      await popup.keyboard.press('Enter');
      await popup.waitForFunction((s) => document.querySelector(s)?.dataset.stored === 'Edmonton', {}, selector);
      t.diagnostic(`a label saved with 1,000 caller IDs: ${Math.round(performance.now() - saving)} ms`);
      await popup.close();
    });

    it('refuses a list past its limit with a message naming it, and loses nothing', async () => {
      const popup = await openPopup(session);
      const before = await storedIn(popup, 'sync');
      const message = await importSettings(popup, JSON.stringify({ callerIds: pool(2001) }));
      assert.match(message, /^Nothing was imported/);
      assert.match(message, /callerIds: 2,001 entries; at most 2,000 caller IDs are allowed/);
      assert.deepEqual(await storedIn(popup, 'sync'), before);
      await popup.close();
      const link = await firstLink(CALLEE_350);
      assert.equal(link.href, `callto://${CALLEE_350}/${POOL_350}`);
    });

    it('keeps settings too large for sync in local, and moves them back when they fit', async () => {
      const popup = await openPopup(session);
      const message = await importSettings(popup, JSON.stringify({ callerIds: pool(2000, 60), rules: rules(1000) }));
      assert.match(message, /^Imported/);
      assert.deepEqual(await storedIn(popup, 'sync'), { layout: { version: 2, area: 'local' } });
      const local = await storedIn(popup, 'local');
      assert.equal(local.layout.lists.callerIds.entries, 2000);
      await popup.close();
      const link = await firstLink(CALLEE_350);
      assert.equal(link.href, `callto://${CALLEE_350}/${POOL_350}`);

      const smaller = await openPopup(session);
      assert.match(await importSettings(smaller, JSON.stringify({ callerIds: pool(400), rules: [] })), /^Imported/);
      assert.deepEqual(await storedIn(smaller, 'local'), {});
      assert.equal((await storedIn(smaller, 'sync')).layout.lists.callerIds.entries, 400);
      await smaller.close();
    });

    it("offers 8x8's votel link form as a dialer", async () => {
      const popup = await openPopup(session);
      await setLinkTemplate(popup, { preset: 'votel' });
      await popup.waitForFunction(async () =>
        (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('linkTemplate')).linkTemplate?.startsWith('votel:'),
      );
      await popup.close();
      const link = await firstLink(CALLEE_350, (found) => found.href.startsWith('votel:'));
      assert.equal(link.href, `votel://${CALLEE_350}/${POOL_350}`);
    });
  });
}
