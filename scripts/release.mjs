#!/usr/bin/env node
/**
 * Makes a release of the version in package.json, the one place the version is set
 * (`npm version <x.y.z> --no-git-tag-version` changes it there and in package-lock.json):
 *
 *   1. runs the build (node scripts/build.mjs): dist/chrome, dist/firefox and their zips;
 *   2. checks that both built manifests carry package.json's version, that CHANGELOG.md has
 *      a section for it, and that the WebAssembly core holds no path of this machine;
 *   3. writes dist/caller-id-dialer-<version>-source.zip, the source package that Firefox
 *      Add-ons reviewers rebuild the add-on from: every file git tracks (less the store's
 *      images and Python byte code, which the build does not read), with
 *      store/BUILD-firefox-reviewers.md at its root as BUILD.md, ending with the versions of
 *      the tools this build used;
 *   4. prints the size of every package.
 *
 * The work tree must be clean (committed), so that the source package is exactly a commit and
 * the add-on was built from it. `--allow-dirty` packs the work tree as it is (tracked and
 * untracked files that git does not ignore) for a trial run; never upload that one.
 *
 * The source zip is reproducible: entries sorted by path, every timestamp the commit's date,
 * file modes from git, deflate at level 9.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'caller-id-dialer';

/** Tracked files the rebuild does not need. */
const LEFT_OUT = [/^store\/.*\.(?:png|jpe?g)$/, /(?:^|\/)__pycache__\//, /\.pyc$/];

const output = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8' });
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));

// --- A minimal, reproducible zip writer (PKWARE APPNOTE: no zip64, no encryption) -------------

/** MS-DOS date and time of a Unix time, read in UTC so that the bytes do not depend on TZ. */
function dosDateTime(unixSeconds) {
  const d = new Date(Math.max(unixSeconds, 315532800) * 1000); // not before 1980-01-01
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** entries: [{ name, data: Buffer, mode }] in the order given; returns the zip's bytes. */
export function zip(entries, unixSeconds) {
  const { time, date } = dosDateTime(unixSeconds);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, mode } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9, memLevel: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so unzip restores modes)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38); // regular file and its mode
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
    if (offset > 0xffffffff) throw new Error('source package over 4 GiB: needs zip64');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (entries.length > 0xffff) throw new Error('too many files for a zip without zip64');
  return Buffer.concat([...locals, directory, end]);
}

// --- The release ---------------------------------------------------------------------------

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
    `node ${process.version}`,
    `npm ${version('npm', ['--version'])}`,
  ];
}

/** The files of the source package: git's tracked files, with their modes. */
function sourceFiles(allowDirty) {
  const dirty = output('git', ['status', '--porcelain', '--untracked-files=normal']).trim();
  if (dirty && !allowDirty) {
    throw new Error(
      `the work tree has uncommitted changes; commit them first (or --allow-dirty for a trial):\n${dirty}`,
    );
  }
  const modes = new Map();
  for (const line of output('git', ['ls-files', '-s', '-z']).split('\0').filter(Boolean)) {
    const [meta, path] = line.split('\t');
    modes.set(path, meta.split(' ')[0] === '100755' ? 0o755 : 0o644);
  }
  const paths = allowDirty
    ? output('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0')
    : [...modes.keys()];
  return [...new Set(paths.filter(Boolean))]
    .filter((path) => !LEFT_OUT.some((pattern) => pattern.test(path)))
    .filter((path) => existsSync(join(root, path)) && statSync(join(root, path)).isFile())
    .sort()
    .map((path) => ({
      name: path,
      data: readFileSync(join(root, path)),
      mode: modes.get(path) ?? (statSync(join(root, path)).mode & 0o111 ? 0o755 : 0o644),
    }));
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
  const files = sourceFiles(allowDirty); // before the build: a dirty tree stops here at once

  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  checkVersion(version);
  checkPathIndependent();

  const commit = output('git', ['rev-parse', 'HEAD']).trim();
  const commitTime = Number(output('git', ['log', '-1', '--format=%ct']).trim());
  const build = readFileSync(join(root, 'store', 'BUILD-firefox-reviewers.md'), 'utf8').trimEnd();
  const provenance = [
    '',
    '',
    `## This package: version ${version}`,
    '',
    `From commit \`${commit}\`${allowDirty ? ' WITH UNCOMMITTED CHANGES (trial run, not for upload)' : ''}.`,
    'The uploaded add-on was built with:',
    '',
    ...toolVersions().map((line) => `- \`${line}\``),
    '',
  ].join('\n');
  const entries = [{ name: 'BUILD.md', data: Buffer.from(build + provenance), mode: 0o644 }, ...files];
  if (files.some(({ name }) => name === 'BUILD.md')) throw new Error('the repository has its own BUILD.md');

  const source = join('dist', `${NAME}-${version}-source.zip`);
  writeFileSync(join(root, source), zip(entries, commitTime));

  console.log(`\nrelease ${version}${allowDirty ? ' (trial: uncommitted changes)' : ''}`);
  for (const target of ['chrome', 'firefox', 'source']) {
    const path = join('dist', `${NAME}-${version}-${target}.zip`);
    console.log(`  ${path.padEnd(44)} ${kib(statSync(join(root, path)).size).padStart(10)}`);
  }
  console.log(`  (source package: ${entries.length} files)`);
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
