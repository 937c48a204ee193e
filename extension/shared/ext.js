'use strict';
/**
 * The WebExtension API namespace. Firefox exposes promise-based `browser`; Chromium's MV3
 * `chrome` returns promises too. Every script reaches browser APIs through `ext`.
 */
// eslint-disable-next-line no-unused-vars -- a global shared by the scripts listed after this one
const ext = globalThis.browser ?? globalThis.chrome;
