'use strict';
/**
 * The background hosts the Rust core. Content scripts cannot compile WebAssembly on pages
 * whose CSP lacks 'unsafe-eval' (Chromium checks the page's policy, crbug.com/1385796), so
 * they send raw phone values here in batches and get links back.
 *
 * It keeps no state that matters: the browser may stop it at any time, and every message
 * re-reads settings from storage.
 */

/* global wasm_bindgen -- defined by core/core.js (wasm-bindgen --target no-modules) */

// Chromium runs this file as a service worker; Firefox lists these scripts in the manifest.
if (typeof importScripts === 'function') {
  importScripts('shared/ext.js', 'shared/settings-store.js', 'core/core.js');
}

// Started at once, not on the first message: a page waits for this only on a cold start.
const core = wasm_bindgen({ module_or_path: ext.runtime.getURL('core/core_bg.wasm') }).then(
  () => wasm_bindgen,
);

const handlers = {
  /** raws: string[] -> { enabled, results } with one core result per raw value. */
  async dial({ raws }) {
    const dialer = await core;
    const { settings } = dialer.readSettings(await loadStoredSettings());
    if (!settings.enabled) return { enabled: false, results: [] };
    return { enabled: true, results: dialer.dialBatch(raws, settings) };
  },

  /** Whether the core runs, and which stored settings were ignored as invalid. */
  async status() {
    const dialer = await core;
    return { ok: true, problems: dialer.readSettings(await loadStoredSettings()).problems };
  },
};

// Registered synchronously at start-up, so a restarted worker receives the waking message.
ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  const handler = Object.hasOwn(handlers, message?.type) ? handlers[message.type] : null;
  if (!handler) return false;
  handler(message)
    .then(sendResponse)
    .catch((error) => sendResponse({ error: String(error?.message ?? error) }));
  return true; // the response is sent asynchronously
});
