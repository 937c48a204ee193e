/**
 * A page in jsdom with the content scripts loaded as the browser loads them: the manifest's
 * list, in order, as classic scripts sharing one global scope, with a fake `ext` whose
 * background dials with the fake core. Neither the built wasm nor a browser is needed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { DEFAULTS, dialOne } from './fake-core.mjs';
import { fakeExt } from './fake-ext.mjs';

const ROOT = new URL('../../', import.meta.url);
const MANIFEST = JSON.parse(readFileSync(new URL('manifest.json', ROOT), 'utf8'));
export const CONTENT_SCRIPTS = MANIFEST.content_scripts[0].js;

/**
 * The next task, as slices.js gets it from a MessageChannel (which jsdom lacks): a message to
 * oneself is a task of its own.
 */
function taskChannel(window) {
  return class TaskChannel {
    constructor() {
      this.port1 = { onmessage: null };
      // The window's timer, which ends with the window.
      this.port2 = { postMessage: () => window.setTimeout(() => this.port1.onmessage?.({}), 0) };
    }
  };
}

/**
 * Opens `html` at a Salesforce address and loads `scripts` (by default all of the manifest's
 * list, main.js included, which starts at once). The background answers `settings` with
 * `settings()` and `dial` with `dial(items)` (default: the fake core under those settings).
 * Returns { window, document, ext, run(code) } — `run` evaluates code in the content world.
 */
export function contentWorld(html, { scripts = CONTENT_SCRIPTS, settings = () => DEFAULTS, dial } = {}) {
  const dom = new JSDOM(html, { url: 'https://acme.lightning.force.com/lightning/r/Contact/1/view', runScripts: 'outside-only' });
  const { window } = dom;
  window.MessageChannel = taskChannel(window);
  window.CSS = { escape: (text) => text.replace(/[^\w-]/g, (character) => `\\${character}`) };
  const dialItems = dial ?? ((items) => ({ enabled: settings().enabled, results: items.map((item) => dialOne(item, settings())) }));
  const ext = fakeExt({
    answer: (message) => {
      if (message.type === 'settings') return { settings: settings() };
      if (message.type === 'dial') return dialItems(message.items);
      return {};
    },
  });
  window.chrome = ext;
  const context = dom.getInternalVMContext();
  for (const script of scripts) {
    const file = fileURLToPath(new URL(`extension/${script}`, ROOT));
    new vm.Script(readFileSync(file, 'utf8'), { filename: file }).runInContext(context);
  }
  return {
    window,
    document: window.document,
    ext,
    run: (code) => new vm.Script(code).runInContext(context),
    /** Closes the page once the answers already on their way (promises) have arrived. */
    close: async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      window.close();
    },
  };
}

/** Resolves once `test()` is true, checking after each task; fails after `timeout` ms. */
export async function until(test, { timeout = 2000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = test();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${test}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
