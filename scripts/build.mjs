#!/usr/bin/env node
/**
 * Builds the extension: the Rust core to WebAssembly (release profile, pinned wasm-bindgen,
 * with its TypeScript declarations for the type check, then wasm-opt for size), then the
 * loadable folders dist/chrome and dist/firefox from the one source manifest, then the store
 * uploads dist/*.zip.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const coreOut = join(root, 'build', 'core');

const run = (command, args, env = process.env) => execFileSync(command, args, { cwd: root, stdio: 'inherit', env });

/** The version lives in package.json only; every manifest and package gets it from there. */
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Chromium runs the background as one service worker file; the build writes it from the source
 * manifest's `background.scripts` (the list Firefox loads as it is), so that list exists once.
 */
const SERVICE_WORKER = 'service-worker.js';

/** Per-browser changes to the source manifest: each store gets only the keys it reads. */
const TARGETS = {
  chrome(manifest, out) {
    const calls = manifest.background.scripts.map((script) => JSON.stringify(script)).join(', ');
    writeFileSync(
      join(out, SERVICE_WORKER),
      `// Written by scripts/build.mjs from manifest.json's background.scripts.\nimportScripts(${calls});\n`,
    );
    manifest.background = { service_worker: SERVICE_WORKER };
    delete manifest.browser_specific_settings;
    return manifest;
  },
  firefox(manifest) {
    return manifest;
  },
};

/**
 * The hosts the content scripts run on, once more as host permissions: the background injects
 * the content scripts into Salesforce pages already open when the extension is installed,
 * updated or re-enabled (extension/open-tabs.js), which needs them. The same hosts add no new
 * install warning.
 */
const hostPermissions = (manifest) => manifest.content_scripts[0].matches;

export function buildCore() {
  // Paths of this machine must not end up in the wasm, so a Firefox reviewer rebuilding the
  // source package gets the same bytes.
  const cargoHome = process.env.CARGO_HOME ?? join(homedir(), '.cargo');
  const rustflags = [
    ...(process.env.RUSTFLAGS ?? '').split(' ').filter(Boolean),
    `--remap-path-prefix=${cargoHome}=/cargo`,
    `--remap-path-prefix=${root}=/src`,
  ];
  run(
    'cargo',
    ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'dialer-core'],
    { ...process.env, CARGO_ENCODED_RUSTFLAGS: rustflags.join('\x1f') },
  );
  const compiled = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'dialer_core.wasm');
  const wasm = join(coreOut, 'core_bg.wasm');
  // `make test` builds the core for the type check, then the extension: cargo has nothing to do
  // the second time, and neither have wasm-bindgen and wasm-opt (half a minute on two cores).
  if (existsSync(wasm) && statSync(wasm).mtimeMs > statSync(compiled).mtimeMs) return;
  rmSync(coreOut, { recursive: true, force: true });
  run('wasm-bindgen', [
    '--target', 'no-modules',
    // Function names are a fifth of the module and read by nobody in the field.
    '--remove-name-section',
    '--remove-producers-section',
    '--out-dir', coreOut,
    '--out-name', 'core',
    compiled,
  ]);
  // Binaryen's size passes take a further 6% (about 120 KB) off what rustc and LTO leave.
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), ['-Oz', wasm, '-o', wasm]);
}

export function assemble() {
  const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const packages = [];
  for (const [target, adapt] of Object.entries(TARGETS)) {
    const out = join(dist, target);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(join(root, 'extension'), out, { recursive: true });
    // The type declarations wasm-bindgen writes are for the type check, not for the browser.
    cpSync(coreOut, join(out, 'core'), { recursive: true, filter: (file) => !file.endsWith('.d.ts') });
    const manifest = adapt(structuredClone({ ...source, version, host_permissions: hostPermissions(source) }), out);
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const zip = `caller-id-dialer-${manifest.version}-${target}.zip`;
    rmSync(join(dist, zip), { force: true });
    run(join(root, 'node_modules', '.bin', 'web-ext'), [
      'build', '--source-dir', out, '--artifacts-dir', dist, '--filename', zip, '--overwrite-dest',
    ]);
    packages.push(join('dist', zip));
  }
  return packages;
}

// `--core`: the core alone (build/core), e.g. for the type check, which reads its declarations.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildCore();
  if (!process.argv.includes('--core')) for (const zip of assemble()) console.log(`built ${zip}`);
}
