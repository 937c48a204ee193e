/**
 * Builds what the benchmark loads besides the extension under test, into build/bench/:
 *
 *   peer/      the peer extension: bench/peer/manifest.json and content.js bundled with
 *              libphonenumber-js/max (rollup, minified IIFE: what such an extension ships)
 *   blank/     an extension with nothing in it, for the page-alone baseline
 *   www/       the plain page for the core-against-core comparison: the core as the
 *              extension ships it (core.js + core_bg.wasm copied from dist/chrome/core) and
 *              the peer's logic alone as the classic script peer-core.js (global `peerCore`)
 *   crate-floor.wasm  bench/crate-floor (the phonenumber crate as the core uses it, nothing
 *              else) built like the core, without its custom sections, as the core ships;
 *              also copied to www/ with the inputs of its first call (www/crate-floor/)
 *
 * The bundles are rebuilt only when a source, the libphonenumber-js version or the bundler
 * changed (a hash of them is kept in build/bench/peer.stamp).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..');
export const OUT = join(ROOT, 'build', 'bench');
export const PEER_DIR = join(OUT, 'peer');
export const BLANK_DIR = join(OUT, 'blank');
export const WWW_DIR = join(OUT, 'www');
export const CRATE_FLOOR = join(OUT, 'crate-floor.wasm');
const PEER_SOURCES = join(here, 'peer');
const STAMP = join(OUT, 'peer.stamp');

function versionOf(pkg) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const pkg of ['libphonenumber-js', 'rollup', '@rollup/plugin-terser', '@rollup/plugin-node-resolve']) {
    hash.update(`${pkg}@${versionOf(pkg)}\n`);
  }
  for (const file of [fileURLToPath(import.meta.url), ...readdirSync(PEER_SOURCES).sort().map((f) => join(PEER_SOURCES, f))]) {
    hash.update(`${file}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

async function bundle(input, file, name) {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: terser } = await import('@rollup/plugin-terser');
  const build = await rollup({ input, plugins: [nodeResolve()], logLevel: 'warn' });
  try {
    await build.write({ file, format: 'iife', name, plugins: [terser()] });
  } finally {
    await build.close();
  }
}

/** Builds the peer bundles unless they are up to date; returns whether it built. */
export async function buildPeer() {
  const hash = sourceHash();
  const outputs = [join(PEER_DIR, 'manifest.json'), join(PEER_DIR, 'content.js'), join(WWW_DIR, 'peer-core.js')];
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash && outputs.every((f) => existsSync(f))) return false;
  rmSync(PEER_DIR, { recursive: true, force: true });
  mkdirSync(PEER_DIR, { recursive: true });
  mkdirSync(WWW_DIR, { recursive: true });
  copyFileSync(join(PEER_SOURCES, 'manifest.json'), join(PEER_DIR, 'manifest.json'));
  await bundle(join(PEER_SOURCES, 'content.js'), join(PEER_DIR, 'content.js'));
  await bundle(join(PEER_SOURCES, 'core.js'), join(WWW_DIR, 'peer-core.js'), 'peerCore');
  writeFileSync(STAMP, hash);
  return true;
}

/** The empty extension (no content script, no background) and the comparison page's folder. */
export function prepareStatic(coreDir) {
  mkdirSync(BLANK_DIR, { recursive: true });
  const blank = { manifest_version: 3, name: 'Nothing (benchmark baseline)', version: '0.0.1' };
  writeFileSync(join(BLANK_DIR, 'manifest.json'), `${JSON.stringify(blank, null, 2)}\n`);
  mkdirSync(WWW_DIR, { recursive: true });
  for (const file of ['core.js', 'core_bg.wasm']) copyFileSync(join(coreDir, file), join(WWW_DIR, file));
  writeFileSync(
    join(WWW_DIR, 'index.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>core benchmark</title>' +
      '<link rel="icon" href="data:,"></head><body></body></html>\n',
  );
}

/**
 * Builds bench/crate-floor with the core's release profile into CRATE_FLOOR, and puts it in
 * www/crate-floor/ with the inputs of its first call (bench/crate-floor/examples/inputs.rs).
 */
export function buildCrateFloor() {
  const target = 'wasm32-unknown-unknown';
  execFileSync('cargo', ['build', '--locked', '--release', '--target', target, '-p', 'crate-floor'], { cwd: ROOT, stdio: 'inherit' });
  const wasm = readFileSync(join(ROOT, 'target', target, 'release', 'crate_floor.wasm'));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(CRATE_FLOOR, withoutCustomSections(wasm));
  const served = join(WWW_DIR, 'crate-floor');
  mkdirSync(served, { recursive: true });
  copyFileSync(CRATE_FLOOR, join(served, 'floor.wasm'));
  execFileSync('cargo', ['run', '--locked', '--release', '-p', 'crate-floor', '--example', 'inputs', '--', served], { cwd: ROOT, stdio: 'inherit' });
}

/** A wasm module without its custom sections (names, producers), as wasm-bindgen ships ours. */
function withoutCustomSections(wasm) {
  const kept = [wasm.subarray(0, 8)]; // magic and version
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at];
    at += 1;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at];
      at += 1;
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    at += size;
    if (id !== 0) kept.push(wasm.subarray(start, at));
  }
  return Buffer.concat(kept);
}
