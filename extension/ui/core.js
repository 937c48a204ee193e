/**
 * The Rust core for the extension's pages, which are ES modules. The core's glue
 * (core/core.js, wasm-bindgen's no-modules output) is a classic script defining the global
 * `wasm_bindgen`: the background needs that form, and one copy of the WebAssembly serves every
 * context. A page loads it with a `<script>` before its modules; this module starts it and
 * hands it to the rest, typed by the declarations wasm-bindgen writes (core/core.d.ts).
 */

/** @typedef {typeof wasm_bindgen} Core */

/** The core's functions: callable once `coreReady` has resolved. */
export const core = wasm_bindgen;

/** Resolves once the core's WebAssembly is compiled and started; begun as the page loads. */
export const coreReady = wasm_bindgen({ module_or_path: ext.runtime.getURL('core/core_bg.wasm') });
