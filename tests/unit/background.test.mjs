/**
 * The background in Node: its scripts as the manifest lists them, in one global scope, with a
 * fake core and a fake browser API. What it remembers between messages (the settings and the
 * core's answers under them) never outlives a settings change; a navigation wake dials ahead.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { fakeWasmBindgen } from './fake-core.mjs';
import { fakeExt } from './fake-ext.mjs';
import { setTimeoutUnheld } from './timers.mjs';
import { until } from './content-world.mjs';

const ROOT = new URL('../../', import.meta.url);
const MANIFEST = JSON.parse(readFileSync(new URL('manifest.json', ROOT), 'utf8'));
const listener = { addListener: () => {} };

/** The background started with `sync` stored; `asked` lists every batch the core dialed. */
async function startBackground(sync) {
  const ext = fakeExt();
  Object.assign(ext, {
    contextMenus: { removeAll: async () => {}, create: () => {}, onClicked: listener },
    action: { setIcon: async () => {}, setBadgeText: async () => {}, setTitle: async () => {} },
    tabs: {
      onRemoved: listener,
      onUpdated: listener,
      create: async () => {},
      query: async () => [{ id: 1 }, { id: 2 }],
      /** What each tab was told; a test may set `onTold` to answer as the tab's frames would. */
      told: [],
      onTold: async () => {},
      async sendMessage(tabId, message) {
        ext.tabs.told.push([tabId, message]);
        await ext.tabs.onTold(tabId, message);
      },
    },
  });
  Object.assign(ext.runtime, { onInstalled: listener, onStartup: listener, getManifest: () => MANIFEST });
  await ext.storage.sync.set(sync);
  // Storage changes reach the background when the test says: the browser may tell a frame first.
  const heard = [];
  const pending = [];
  const addListener = ext.storage.onChanged.addListener;
  ext.storage.onChanged.addListener = (listener) =>
    addListener((changes, area) => (heard.held ? pending.push(() => listener(changes, area)) : listener(changes, area)));
  const hold = () => {
    heard.held = true;
  };
  const release = () => {
    heard.held = false;
    pending.splice(0).forEach((deliver) => deliver());
  };
  const core = fakeWasmBindgen();
  const asked = [];
  const dialBatch = core.dialBatch;
  core.dialBatch = (items, settings) => {
    asked.push(Array.from(items, (item) => item.raw)); // an array of this realm, for deepEqual
    return dialBatch(items, settings);
  };
  const context = vm.createContext({ chrome: ext, wasm_bindgen: core, console, Intl, Date, setTimeout: setTimeoutUnheld, clearTimeout });
  for (const script of MANIFEST.background.scripts) {
    if (script === 'core/core.js') continue; // the fake core stands in for the glue's global
    const file = fileURLToPath(new URL(`extension/${script}`, ROOT));
    new vm.Script(readFileSync(file, 'utf8'), { filename: file }).runInContext(context);
  }
  const dial = async (...raws) => (await ext.tell({ type: 'dial', items: raws.map((raw) => ({ raw, recordCallerId: null, doNotCall: false })) })).results;
  return { ext, asked, dial, hold, release };
}

describe('the background', () => {
  it('asks the core once per number under the same settings, and again after a change', async () => {
    const background = await startBackground({ defaultCallerId: '+18880001111' });
    const [first] = await background.dial('(415) 555-1212');
    assert.equal(first.href, 'callto://+14155551212/+18880001111');
    const again = await background.dial('(415) 555-1212', '(212) 555-0100');
    assert.deepEqual(again.map((result) => result.href), ['callto://+14155551212/+18880001111', 'callto://+12125550100/+18880001111']);
    assert.deepEqual(background.asked, [['(415) 555-1212'], ['(212) 555-0100']], 'a number answered before is not asked again');
    assert.ok(again.every((result) => result.verdict), 'each answer judged by calling hours at this request');

    await background.ext.storage.sync.set({ defaultCallerId: '+12125550199' });
    const [changed] = await background.dial('(415) 555-1212');
    assert.equal(changed.href, 'callto://+14155551212/+12125550199', 'the next link follows the change at once');
  });

  it('answers the settings themselves from storage, and dials under them from then on', async () => {
    const background = await startBackground({ defaultCallerId: '+18880001111' });
    await background.dial('(415) 555-1212');
    // A frame starting asks for the settings: unchanged, they keep their answers.
    await background.ext.tell({ type: 'settings' });
    await background.dial('(415) 555-1212');
    assert.equal(background.asked.length, 1);
    // A frame heard of a change before the background did: it asks for the settings, then dials.
    background.hold();
    await background.ext.storage.sync.set({ defaultCallerId: '+12125550199' });
    const { settings } = await background.ext.tell({ type: 'settings' });
    assert.equal(settings.defaultCallerId, '+12125550199');
    const [next] = await background.dial('(415) 555-1212');
    assert.equal(next.href, 'callto://+14155551212/+12125550199');
    background.release();
  });

  it('tells every tab when the stored settings change, once it dials under the new ones', async () => {
    const background = await startBackground({ defaultCallerId: '+18880001111' });
    await background.dial('(415) 555-1212');
    const { tabs } = background.ext;
    const heard = [];
    tabs.onTold = async (tabId) => {
      // A frame asks for its numbers again as soon as it is told; tab 2 holds no content script.
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      heard.push((await background.dial('(415) 555-1212'))[0].href);
    };
    await background.ext.storage.sync.set({ defaultCallerId: '+12125550199' });
    await until(() => tabs.told.length === 2);
    assert.deepEqual(JSON.parse(JSON.stringify(tabs.told)), [
      [1, { type: 'settingsChanged' }],
      [2, { type: 'settingsChanged' }],
    ]);
    await until(() => heard.length === 1);
    assert.deepEqual(heard, ['callto://+14155551212/+12125550199']);
  });

  it('dials the numbers a navigation wake brings ahead, so they are answered from memory', async () => {
    const background = await startBackground({ defaultCallerId: '+18880001111' });
    assert.deepEqual(await background.ext.tell({ type: 'wake', items: [{ raw: '(303) 555-0100', recordCallerId: null, doNotCall: false }] }), {});
    assert.deepEqual(background.asked, [['(303) 555-0100']]);
    const [result] = await background.dial('(303) 555-0100');
    assert.equal(result.href, 'callto://+13035550100/+18880001111');
    assert.equal(background.asked.length, 1, 'answered from what the wake dialed');
  });

  it('says when the extension is switched off, dialing nothing', async () => {
    const background = await startBackground({ enabled: false });
    assert.deepEqual(await background.ext.tell({ type: 'dial', items: [{ raw: '(415) 555-1212' }] }), { enabled: false, results: [] });
    assert.deepEqual(background.asked, []);
  });
});
