/**
 * The settings editor's modules, imported in Node as the popup imports them, on a jsdom
 * document, with the classic scripts the page loads first (as options.html lists them) and
 * the fake core in place of core/core.js.
 *
 * The modules keep one editor's state, so each test file opens one page (`openEditor`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { fakeWasmBindgen } from './fake-core.mjs';
import { fakeExt } from './fake-ext.mjs';
import { setIntervalUnheld, setTimeoutUnheld } from './timers.mjs';

const ROOT = new URL('../../', import.meta.url);
/** The classic scripts the options page loads before its modules, as its HTML lists them (the core's glue aside). */
const CLASSIC = [...readFileSync(new URL('extension/options/options.html', ROOT), 'utf8').matchAll(/<script src="\.\.\/([^"]+)"/g)]
  .map(([, path]) => path)
  .filter((path) => path !== 'core/core.js');

/**
 * Opens the options page's markup with the editor started on it, with `sync` and `managed`
 * stored. Returns { window, document, ext, $ (by id), type, press, submit, settled }.
 */
export async function openEditor({ sync = {}, managed = {} } = {}) {
  const { window } = new JSDOM('<!doctype html><body><main><div id="editor"></div></main></body>', {
    url: 'chrome-extension://test/options/options.html',
  });
  for (const name of ['window', 'document', 'navigator', 'Node', 'Option', 'HTMLElement', 'HTMLAnchorElement', 'Event', 'KeyboardEvent']) {
    Object.defineProperty(globalThis, name, { value: name === 'window' ? window : window[name], configurable: true, writable: true });
  }
  globalThis.CSS = { escape: (text) => text.replace(/[^\w-]/g, (character) => `\\${character}`) };
  globalThis.setInterval = setIntervalUnheld;
  globalThis.setTimeout = setTimeoutUnheld;

  const ext = fakeExt();
  await ext.storage.sync.set(sync);
  ext.storage.sync.writes.length = 0;
  ext.storage.managed.replace(managed);
  globalThis.chrome = ext;
  globalThis.wasm_bindgen = fakeWasmBindgen();
  for (const script of CLASSIC) {
    const file = fileURLToPath(new URL(`extension/${script}`, ROOT));
    vm.runInThisContext(readFileSync(file, 'utf8'), { filename: file });
  }
  const { startEditor } = await import('../../extension/editor/editor.js');
  const { document } = window;
  await startEditor(document.getElementById('editor'));

  const $ = (id) => document.getElementById(id);
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    window,
    document,
    ext,
    $,
    settled,
    /** Types `value` into the field with id `id`, as `input` events. */
    type(id, value) {
      const input = $(id);
      input.focus();
      input.value = value;
      input.dispatchEvent(new window.Event('input', { bubbles: true }));
    },
    /** Presses `key` in the element with id `id`; resolves once what it started is done. */
    async press(id, key) {
      $(id).dispatchEvent(new window.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await settled();
    },
    /** Submits the form with id `id`, as Enter in one of its fields does. */
    async submit(id) {
      $(id).dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
      await settled();
    },
  };
}
