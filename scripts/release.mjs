#!/usr/bin/env node
/**
 * Makes a release of the version in package.json, the one place the version is set
 * (`npm version <x.y.z> --no-git-tag-version` changes it there and in package-lock.json):
 *
 *   1. runs the build (node scripts/build.mjs): dist/chrome, dist/firefox and their zips;
 *   2. checks that both built manifests carry package.json's version, that CHANGELOG.md has
 *      a section for it, and that the WebAssembly core holds no path of this machine;
 *   3. writes dist/caller-id-dialer-<version>-source.zip, the source package that Firefox
 *      Add-ons reviewers rebuild the add-on from, with `git archive`: every file of the commit
 *      (less the store's images and Python byte code, which the build does not read), with
 *      store/BUILD-firefox-reviewers.md at its root as BUILD.md, ending with the versions of
 *      the tools this build used;
 *   4. prints the size of every package.
 *
 * The work tree must be clean (committed), so that the source package is exactly a commit and
 * the add-on was built from it. `--allow-dirty` packs the work tree as it is (tracked and
 * untracked files that git does not ignore, as `git add -A` would stage them) for a trial run;
 * never upload that one.
 *
 * The source zip is reproducible: git archive lists the entries in the tree's order, dates
 * them all with the commit's time (a trial run: the current time) and takes the modes from
 * git. It writes that time in the zone of TZ, so the script sets TZ=UTC. Needs git 2.39 or
 * later (--add-virtual-file).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'caller-id-dialer';

/** Tracked files the rebuild does not read, as git pathspecs. */
const LEFT_OUT = ['store/**/*.png', 'store/**/*.jpg', 'store/**/*.jpeg', '**/__pycache__/**', '**/*.pyc'].map(
  (pattern) => `:(exclude,glob)${pattern}`,
);

const output = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8' });
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

function toolVersions() {
  const version = (command, args) => {
    try {
      return output(command, args).trim().split('\n')[0];
    } catch {
      return `${command}: not found`;
    }
  };
  return [
    version('rustc', ['--version']),
    version('cargo', ['--version']),
    version('wasm-bindgen', ['--version']),
    version(join(root, 'node_modules', '.bin', 'wasm-opt'), ['--version']),
    `node ${process.version}`,
    `npm ${version('npm', ['--version'])}`,
  ];
}

/**
 * What the source package holds: HEAD, or for a trial run a tree of the work tree as it is,
 * written through a scratch index so that the staging area stays as it was.
 */
function sourceTree(allowDirty) {
  const dirty = output('git', ['status', '--porcelain', '--untracked-files=normal']).trim();
  if (!dirty) return 'HEAD';
  if (!allowDirty) {
    throw new Error(
      `the work tree has uncommitted changes; commit them first (or --allow-dirty for a trial):\n${dirty}`,
    );
  }
  const scratch = mkdtempSync(join(tmpdir(), 'release-index-'));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: join(scratch, 'index') };
    execFileSync('git', ['read-tree', 'HEAD'], { cwd: root, env });
    execFileSync('git', ['add', '--all'], { cwd: root, env });
    return execFileSync('git', ['write-tree'], { cwd: root, env, encoding: 'utf8' }).trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The built core must not depend on where it was built: rustc writes the source paths of
 * panic locations into the wasm, and a reviewer's paths differ from ours. build.mjs maps them
 * to fixed names (--remap-path-prefix); this fails if it did not.
 */
function checkPathIndependent() {
  const wasm = readFileSync(join(root, 'dist', 'firefox', 'core', 'core_bg.wasm'));
  const cargoHome = process.env.CARGO_HOME ?? join(homedir(), '.cargo');
  const local = [root, cargoHome, homedir()].filter((path) => path.length > 1 && wasm.includes(path));
  if (local.length > 0) {
    throw new Error(
      `dist/firefox/core/core_bg.wasm holds this machine's paths (${local.join(', ')}): the build ` +
        'must pass --remap-path-prefix to rustc, or reviewers cannot rebuild the same file',
    );
  }
}

function checkVersion(version) {
  const lock = readJson('package-lock.json');
  if (lock.version !== version || lock.packages?.['']?.version !== version) {
    throw new Error(`package-lock.json is not at ${version}: run npm version ${version} --no-git-tag-version`);
  }
  for (const target of ['chrome', 'firefox']) {
    const built = readJson(join('dist', target, 'manifest.json')).version;
    if (built !== version) {
      throw new Error(`dist/${target}/manifest.json has version ${built}, package.json ${version}`);
    }
  }
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  if (!new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm').test(changelog)) {
    throw new Error(`CHANGELOG.md has no "## [${version}]" section`);
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Builds, checks and packs; throws on the first problem. */
function release(allowDirty) {
  const { version } = readJson('package.json');
  const tree = sourceTree(allowDirty); // before the build: a dirty tree stops here at once
  const trial = tree !== 'HEAD';

  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  checkVersion(version);
  checkPathIndependent();

  const commit = output('git', ['rev-parse', 'HEAD']).trim();
  const build = readFileSync(join(root, 'store', 'BUILD-firefox-reviewers.md'), 'utf8').trimEnd();
  const provenance = [
    '',
    '',
    `## This package: version ${version}`,
    '',
    `From commit \`${commit}\`${trial ? ' WITH UNCOMMITTED CHANGES (trial run, not for upload)' : ''}.`,
    'The uploaded add-on was built with:',
    '',
    ...toolVersions().map((line) => `- \`${line}\``),
    '',
  ].join('\n');
  if (output('git', ['ls-tree', '--name-only', tree, 'BUILD.md']).trim()) {
    throw new Error('the repository has its own BUILD.md');
  }

  const source = join('dist', `${NAME}-${version}-source.zip`);
  const archive = ['archive', '--format=zip', '-9', `--output=${join(root, source)}`];
  archive.push(`--add-virtual-file=BUILD.md:${build}${provenance}`, tree, '--', '.', ...LEFT_OUT);
  execFileSync('git', archive, { cwd: root, env: { ...process.env, TZ: 'UTC' } });

  console.log(`\nrelease ${version}${trial ? ' (trial: uncommitted changes)' : ''}`);
  for (const target of ['chrome', 'firefox', 'source']) {
    const path = join('dist', `${NAME}-${version}-${target}.zip`);
    console.log(`  ${path.padEnd(44)} ${kib(statSync(join(root, path)).size).padStart(10)}`);
  }
  console.log('Upload: the chrome zip to Chrome Web Store and Edge Add-ons; the firefox zip to');
  console.log('Firefox Add-ons, with the source zip as its source code.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    release(process.argv.includes('--allow-dirty'));
  } catch (error) {
    console.error(`release: ${error.message}`);
    process.exitCode = 1;
  }
}
