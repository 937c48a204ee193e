'use strict';
/**
 * The WebExtension API namespace. Firefox exposes promise-based `browser`; Chromium's MV3
 * `chrome` returns promises too. Every script reaches browser APIs through `ext`.
 */
/* exported ext */
const ext = globalThis.browser ?? globalThis.chrome;
