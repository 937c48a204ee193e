#!/usr/bin/env node
/**
 * The type check of the extension's JavaScript, one program per context, each with exactly the
 * scripts that context loads: the content scripts and the background scripts as manifest.json
 * lists them, and each page with the scripts its HTML loads (its modules bring their imports).
 * So a script using a name its context does not load fails here, as it would in the browser.
 *
 * Compiler options come from tsconfig.json (which also serves editors, over all of extension/).
 * The core's glue, core/core.js, is known by the declarations wasm-bindgen writes
 * (build/core/core.d.ts: `make core`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'extension');
const CORE_DECLARATIONS = join(root, 'build', 'core', 'core.d.ts');

/** An extension path (as the manifest and the pages name them) as a file to check. */
const source = (path) => join(extension, path);

/** The scripts an extension page loads, classic and module, in order. */
function pageScripts(page) {
  const html = readFileSync(join(extension, page), 'utf8');
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(([, src]) => join(dirname(page), src));
}

const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const CONTEXTS = {
  'content scripts': manifest.content_scripts[0].js,
  background: manifest.background.scripts,
  popup: pageScripts(manifest.action.default_popup),
  options: pageScripts(manifest.options_ui.page),
  'first-run page': pageScripts('welcome/welcome.html'),
};

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  },
});
const host = ts.createCompilerHost(config.options);
// Each context reads the same libraries and shared scripts: parsed once for all.
const parsed = new Map();
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (file, ...rest) => {
  if (!parsed.has(file)) parsed.set(file, getSourceFile(file, ...rest));
  return parsed.get(file);
};
const format = {
  getCanonicalFileName: (file) => file,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

let failed = false;
let program;
for (const [context, scripts] of Object.entries(CONTEXTS)) {
  const files = scripts.filter((script) => script !== 'core/core.js').map(source);
  // The core's declarations in every context: its results are what messages carry.
  const rootNames = [...files, CORE_DECLARATIONS];
  program = ts.createProgram({ rootNames, options: config.options, host, oldProgram: program });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    failed = true;
    console.error(`${context} (${files.map((file) => relative(root, file)).join(', ')}):`);
    console.error(ts.formatDiagnostics(diagnostics, format));
  }
}
if (failed) process.exit(1);
console.log(`type check: ${Object.keys(CONTEXTS).join(', ')}: no errors`);
