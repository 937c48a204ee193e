#!/usr/bin/env node
/**
 * Performance benchmark: the extension as users install it (dist/chrome, unmodified) against
 * a peer extension on libphonenumber-js/max, in headless Chromium. `node bench/run.mjs`.
 *
 * 1. On the Salesforce-shaped record page (tests/fixtures, served as
 *    https://acme.lightning.force.com:PORT by tests/support/server.mjs), a page script
 *    appends 5,000 `<a href="tel:…">` rows in one `append`; the time until the last valid
 *    one is rewritten, and the longest main-thread task meanwhile. COLD: a fresh browser
 *    profile, and for our extension its service worker stopped (CDP
 *    ServiceWorker.stopAllWorkers) once its content script is at work; WARM: a second list
 *    of 5,000 other values on the same page afterwards. Rounds alternate ours, the peer and
 *    the page alone (an empty extension).
 * 2. The core alone against libphonenumber-js/max on a plain page (build/bench/www): the
 *    first call from nothing (fresh browser context, nothing cached), the cost per number
 *    when warm, and the memory after 10,000 numbers. The phonenumber crate alone
 *    (bench/crate-floor) makes a first call too: the floor under ours.
 * 3. Download sizes, raw and gzipped (the crate alone's too).
 * 4. What agents feel (bench/agents.mjs): links ready after a record navigation, background
 *    asleep and awake; the cost of every Salesforce frame; the memory of 10 tabs.
 *
 * Prints a table of medians with ratios ours/peer (< 1: ours is faster or smaller), and
 * writes build/bench/results.json and build/bench/results.md (with the machine and date).
 * Environment: BENCH_ROUNDS (default 5) rounds of each kind; BENCH_ONLY, a comma-separated
 * subset of `links,core,agents` (default all three); BENCH_BEFORE, the folder of another build
 * of dist/chrome (another commit's), measured alongside in the `links` and `agents` rounds as
 * "before".
 */
/* global window, document, chrome -- in functions that page.evaluate runs in the page */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, launch } from '../tests/support/browsers.mjs';
import { phoneLinks } from '../tests/support/page-links.mjs';
import { startServer } from '../tests/support/server.mjs';
import { stopServiceWorker } from '../tests/support/service-worker.mjs';
import { BLANK_DIR, CRATE_FLOOR, OUT, PEER_DIR, ROOT, WWW_DIR, buildCrateFloor, buildPeer, prepareStatic } from './build.mjs';
import { SETTINGS, compareWithGoogle, loadCore, loadGoogle, loadPeer } from './engines.mjs';
import { phoneList } from './numbers.mjs';
import { AGENT_SETUP, NAVIGATIONS, frameRound, navigationRound, tabsRound } from './agents.mjs';
import { firstCallCrateFloor, firstCallOurs, firstCallPeer, insertAndWait, warmPass, wasmMemoryBytes } from './page-world.mjs';
import { startStaticServer } from './static-server.mjs';

/** A verbatim copy of dist/chrome taken at the start: a rebuild during the run changes nothing. */
const OURS_DIR = join(OUT, 'ours');
/** A copy of BENCH_BEFORE, when given. */
const BEFORE_DIR = process.env.BENCH_BEFORE ? join(OUT, 'before') : null;
const SECTIONS = new Set((process.env.BENCH_ONLY ?? 'links,core,agents').split(',').map((name) => name.trim()));
const ROUNDS = positiveInt(process.env.BENCH_ROUNDS, 5);
const ROWS = 5000;
const DISTINCT = 2000;
const SEEDS = { cold: 0x5eed0001, warm: 0x5eed0002 };
const FIRST_CALL_RUNS = 5;
/** Passes over the 2,000 distinct values: one to warm up, then timed ones (10,000 numbers in all). */
const WARM_PASSES = 5;
const INSERT_TIMEOUT_MS = 120_000;
const READY_TIMEOUT_MS = 30_000;
/** Generous: a round of every section and kind takes about 3 minutes on 2 cores. */
const WATCHDOG_MS = (15 + 5 * ROUNDS) * 60_000;
const KINDS = { ours: 'ours', before: 'before', peer: 'peer', page: 'page alone' };
/** The kinds measured side by side in one round, in turn. */
const ROUND_KINDS = BEFORE_DIR ? ['ours', 'before', 'peer', 'page'] : ['ours', 'peer', 'page'];
const isOurs = (kind) => kind === 'ours' || kind === 'before';

function positiveInt(text, fallback) {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (...parts) => console.log(...parts);

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------
// Inputs

const isBuilt = (dir) => ['manifest.json', 'background.js', 'core/core.js', 'core/core_bg.wasm'].every((f) => existsSync(join(dir, f)));

/** Builds dist/chrome if it is missing, then copies it as it is to build/bench/ours (and BENCH_BEFORE to build/bench/before). */
async function snapshotDist() {
  if (!isBuilt(DIST.chromium)) {
    log('dist/chrome is missing: building it (node scripts/build.mjs)');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  if (BEFORE_DIR) {
    rmSync(BEFORE_DIR, { recursive: true, force: true });
    cpSync(process.env.BENCH_BEFORE, BEFORE_DIR, { recursive: true });
    if (!isBuilt(BEFORE_DIR)) throw new Error(`BENCH_BEFORE: ${process.env.BENCH_BEFORE} is not a built dist/chrome`);
  }
  for (let attempt = 1; ; attempt += 1) {
    rmSync(OURS_DIR, { recursive: true, force: true });
    try {
      cpSync(DIST.chromium, OURS_DIR, { recursive: true });
      if (isBuilt(OURS_DIR)) return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
    if (attempt >= 5) throw new Error('dist/chrome is incomplete (is a build running?)');
    await sleep(2000); // dist/chrome is being rebuilt right now
  }
}

function hashFiles(files, extra = '') {
  const hash = createHash('sha256').update(extra);
  for (const file of files) hash.update(`${relative(ROOT, file)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * What each engine makes of every distinct value (`raw -> href`, absent when invalid), and
 * how each compares with Google's libphonenumber. Computed in Node with the shipped core and
 * the peer's code; kept in build/bench/expected.json while the inputs are unchanged (the
 * core reads a few hundred values a second, so this takes a while).
 */
async function expectations(lists) {
  const here = join(ROOT, 'bench');
  const versions = ['libphonenumber-js', 'google-libphonenumber']
    .map((p) => `${p}@${JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version}`)
    .join(',');
  const key = hashFiles(
    [join(OURS_DIR, 'core', 'core.js'), join(OURS_DIR, 'core', 'core_bg.wasm'), join(here, 'numbers.mjs'), join(here, 'engines.mjs'), join(here, 'peer', 'dial.js')],
    `${versions}\n${JSON.stringify(SEEDS)}\n${ROWS}/${DISTINCT}\n`,
  );
  const file = join(OUT, 'expected.json');
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    if (cached.key === key) return cached;
  }
  log('reading every value with both engines and Google’s libphonenumber in Node (kept for later runs)…');
  const started = Date.now();
  const distinct = [...new Set([...lists.cold, ...lists.warm])];
  const core = loadCore(join(OURS_DIR, 'core'));
  const peer = await loadPeer();
  const google = loadGoogle();
  const result = { key, itemsForm: core.itemsForm, hrefs: {}, google: {} };
  for (const [name, engine] of [['ours', core], ['peer', peer]]) {
    const answers = engine.dialBatch(distinct);
    result.hrefs[name] = Object.fromEntries(distinct.flatMap((raw, i) => (answers[i]?.ok ? [[raw, answers[i].href]] : [])));
    result.google[name] = compareWithGoogle(distinct, answers, google);
  }
  writeFileSync(file, JSON.stringify(result));
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function expectedHrefs(expected, engine, values) {
  if (engine === 'page') return values.map((raw) => `tel:${raw}`);
  if (engine === 'before') return expectedHrefs(expected, 'ours', values);
  const map = expected.hrefs[engine];
  return values.map((raw) => map[raw] ?? `tel:${raw}`);
}

// ---------------------------------------------------------------------------------------
// Sizes

function filesUnder(dir, test) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile() && test(file));
}

function sizeOf(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.map((f) => relative(ROOT, f)) };
}

function sizes() {
  const manifest = JSON.parse(readFileSync(join(OURS_DIR, 'manifest.json'), 'utf8'));
  const contentScripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((f) => join(OURS_DIR, f));
  const wasm = sizeOf([join(OURS_DIR, 'core', 'core_bg.wasm')]);
  const js = sizeOf(filesUnder(OURS_DIR, (f) => f.endsWith('.js')));
  return {
    ours: {
      wasm,
      js,
      contentScripts: sizeOf(contentScripts),
      total: { raw: wasm.raw + js.raw, gzip: wasm.gzip + js.gzip },
    },
    crateFloor: sizeOf([CRATE_FLOOR]),
    peer: { bundle: sizeOf([join(PEER_DIR, 'content.js')]) },
  };
}

// ---------------------------------------------------------------------------------------
// Browser runs

/** Sets our extension's settings (as the popup saves them), from a page of the extension. */
async function configureOurs(session, dir = OURS_DIR) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const page = await session.openExtensionPage(manifest.action?.default_popup ?? manifest.options_ui?.page);
  try {
    await page.evaluate((settings) => chrome.storage.sync.set(settings), SETTINGS);
  } finally {
    await page.close();
  }
}

/** Waits until the extension has rewritten the record page's own phone links, and no more change. */
async function waitForRewrites(page) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = null;
  let stableSince = 0;
  for (;;) {
    const rewritten = (await phoneLinks(page)).filter((link) => !link.href.startsWith('tel:')).length;
    if (rewritten > 0 && rewritten === last) {
      if (Date.now() - stableSince >= 300) return rewritten;
    } else {
      last = rewritten;
      stableSince = Date.now();
    }
    if (Date.now() > deadline) throw new Error('the extension did not rewrite the record page’s links');
    await sleep(50);
  }
}

async function insert(page, values, hrefs, listId) {
  const expected = hrefs.filter((href) => !href.startsWith('tel:')).length;
  const run = await page.evaluate(insertAndWait, { values, expected, timeoutMs: INSERT_TIMEOUT_MS, listId });
  const mismatches = run.hrefs.filter((href, i) => href !== hrefs[i]).length;
  return { ms: run.timedOut ? null : run.ms, renderedMs: run.renderedMs, expected, rewritten: run.rewritten, timedOut: run.timedOut, mismatches, longestTaskMs: run.longestTaskMs, longTasks: run.longTasks };
}

const extensionDirOf = (kind) => ({ ours: OURS_DIR, before: BEFORE_DIR, peer: PEER_DIR, page: BLANK_DIR })[kind];

/** One round of the agents' measures for one kind: a fresh browser for each. */
async function agentsRound(kind, servers, machine) {
  const extensionDir = extensionDirOf(kind);
  const prepare = isOurs(kind) ? (session) => configureOurs(session, extensionDir) : null;
  const navigation = await navigationRound({
    extensionDir,
    machine,
    recordUrl: servers.fixtures.recordUrl({ shadow: 'synthetic', csp: 'lightning' }),
    rewrites: kind === 'page' ? null : waitForRewrites,
    prepare,
    stopWorker: isOurs(kind) ? stopServiceWorker : null,
    timeoutMs: READY_TIMEOUT_MS,
  });
  const origin = servers.fixtures.origin();
  const frames = await frameRound({ extensionDir, origin, prepare });
  const tabs = await tabsRound({ extensionDir, origin, prepare });
  return { navigation, frames, tabs };
}

/** One round of one kind: a fresh browser, the record page, a cold then a warm insertion. */
async function pageRound(kind, servers, lists, expected, machine) {
  const extensionDir = extensionDirOf(kind);
  const session = await launch('chromium', { extensionDir });
  try {
    machine.chromium ??= await session.browser.version();
    if (isOurs(kind)) await configureOurs(session, extensionDir);
    const page = await session.newPage();
    page.setDefaultTimeout(READY_TIMEOUT_MS);
    await page.goto(servers.fixtures.recordUrl({ shadow: 'synthetic', csp: 'lightning' }));
    await page.waitForFunction(() => window.fixture?.ready.then(() => true));
    if (kind !== 'page') await waitForRewrites(page);
    if (isOurs(kind)) await stopServiceWorker(session, page);
    await sleep(300);
    const cold = await insert(page, lists.cold, expectedHrefs(expected, kind, lists.cold), 'bench-cold');
    await page.evaluate(() => document.getElementById('bench-cold').remove());
    await sleep(300);
    const warm = await insert(page, lists.warm, expectedHrefs(expected, kind, lists.warm), 'bench-warm');
    return { cold, warm };
  } finally {
    await session.close();
  }
}

/** Heap in use in the page's JavaScript world after a full garbage collection, bytes. */
async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * The core against the peer's logic on a plain page: first call from nothing (each in a new
 * browser context: a new renderer, nothing cached), then per engine one page that takes
 * WARM_PASSES passes over the distinct values (the first a warm-up) and its memory after.
 */
async function coreRuns(servers, lists, expected) {
  const session = await launch('chromium', { extensionDir: BLANK_DIR });
  const url = `${servers.www.origin}/index.html`;
  const options = { raw: '(415) 555-1212', settings: SETTINGS, itemsForm: expected.itemsForm };
  const firstCalls = { ours: firstCallOurs, peer: firstCallPeer, crateFloor: firstCallCrateFloor };
  const firstCall = { ours: [], peer: [], crateFloor: [] };
  const contexts = [];
  try {
    for (let i = 0; i < FIRST_CALL_RUNS; i += 1) {
      const order = i % 2 ? ['peer', 'crateFloor', 'ours'] : ['ours', 'crateFloor', 'peer'];
      for (const engine of order) {
        const context = await session.browser.createBrowserContext();
        try {
          const page = await context.newPage();
          await page.goto(url);
          const run = await page.evaluate(firstCalls[engine], options);
          if (!run.ok) throw new Error(`${engine}: the first call did not find (415) 555-1212 valid`);
          firstCall[engine].push(run);
        } finally {
          await context.close();
        }
      }
    }

    const raws = [...new Set(lists.cold)];
    const pages = {};
    for (const engine of ['ours', 'peer']) {
      const context = await session.browser.createBrowserContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(url);
      const cdp = await page.createCDPSession();
      const heapBefore = await heapUsed(cdp);
      await page.evaluate(engine === 'ours' ? firstCallOurs : firstCallPeer, options);
      pages[engine] = { page, cdp, heapBefore, passes: [], valid: null };
    }
    for (let pass = 0; pass < WARM_PASSES; pass += 1) {
      for (const engine of pass % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
        const run = await pages[engine].page.evaluate(warmPass, { engine, raws, settings: SETTINGS, itemsForm: expected.itemsForm });
        if (pass > 0) pages[engine].passes.push(run.usPerNumber);
        pages[engine].valid = run.valid;
      }
    }
    const memory = {};
    for (const engine of ['ours', 'peer']) {
      const { page, cdp, heapBefore } = pages[engine];
      const heapGrowth = (await heapUsed(cdp)) - heapBefore;
      const wasm = engine === 'ours' ? await page.evaluate(wasmMemoryBytes) : 0;
      memory[engine] = { numbers: raws.length * WARM_PASSES, jsHeapGrowthBytes: heapGrowth, wasmMemoryBytes: wasm, totalBytes: heapGrowth + wasm };
    }
    return {
      firstCall,
      warm: { values: raws.length, ours: pages.ours.passes, peer: pages.peer.passes, valid: { ours: pages.ours.valid, peer: pages.peer.valid } },
      memory,
    };
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    await session.close();
  }
}

// ---------------------------------------------------------------------------------------
// Report

function machineInfo() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ' (uncommitted changes)';
  } catch {
    // Not a git checkout.
  }
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: null,
    commit,
    date: new Date().toISOString(),
  };
}

const fmt = (value, digits = 0) =>
  value === null || value === undefined ? '—' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (ours, peer) => (ours === null || peer === null || peer === 0 ? null : ours / peer);

function summaryRows(results) {
  const kb = (bytes) => bytes / 1024;
  const mib = (bytes) => bytes / 2 ** 20;
  const rows = [];
  if (results.rounds) {
    const m = (kind, phase, field) => (results.rounds[kind] ? median(results.rounds[kind].map((r) => r[phase][field])) : null);
    // Our work once the page has rendered the rows (0 when done before).
    const afterRender = (kind) => (results.rounds[kind] ? median(results.rounds[kind].map((r) => Math.max(0, r.warm.ms - r.warm.renderedMs))) : null);
    rows.push(
      ['Rewrite 5,000 links, cold (ms)', m('ours', 'cold', 'ms'), m('peer', 'cold', 'ms'), null, 0, null, m('before', 'cold', 'ms')],
      ['Rewrite 5,000 links, warm (ms)', m('ours', 'warm', 'ms'), m('peer', 'warm', 'ms'), null, 0, null, m('before', 'warm', 'ms')],
      ['Rewrite 5,000 links, warm, after the page’s render (ms)', afterRender('ours'), afterRender('peer'), null, 0, null, afterRender('before')],
      ['Longest main-thread task, cold (ms)', m('ours', 'cold', 'longestTaskMs'), m('peer', 'cold', 'longestTaskMs'), m('page', 'cold', 'longestTaskMs'), 0, null, m('before', 'cold', 'longestTaskMs')],
      ['Longest main-thread task, warm (ms)', m('ours', 'warm', 'longestTaskMs'), m('peer', 'warm', 'longestTaskMs'), m('page', 'warm', 'longestTaskMs'), 0, null, m('before', 'warm', 'longestTaskMs')],
    );
  }
  if (results.agents) {
    const a = results.agents;
    const nav = (kind, phase) => (a[kind] ? median(a[kind].flatMap((r) => r.navigation[phase])) : null);
    const per = (kind, section, field) => (a[kind] ? median(a[kind].map((r) => r[section][field])) : null);
    // Per frame, what the extension adds to the page alone's cost.
    const added = (kind, field, scale) => (a[kind] ? (per(kind, 'frames', field) - per('page', 'frames', field)) / scale : null);
    rows.push(
      ['Record navigation, links ready after insertion, asleep (ms)', nav('ours', 'asleep'), nav('peer', 'asleep'), nav('page', 'asleep'), 1, null, nav('before', 'asleep')],
      ['Record navigation, links ready after insertion, awake (ms)', nav('ours', 'awake'), nav('peer', 'awake'), nav('page', 'awake'), 1, null, nav('before', 'awake')],
      ['Record navigation, links ready after render, asleep (ms)', nav('ours', 'asleepAfterRender'), nav('peer', 'asleepAfterRender'), null, 1, null, nav('before', 'asleepAfterRender')],
      ['Record navigation, links ready after render, awake (ms)', nav('ours', 'awakeAfterRender'), nav('peer', 'awakeAfterRender'), null, 1, null, nav('before', 'awakeAfterRender')],
      ['Per frame, script time added (ms)', added('ours', 'scriptMs', 1), added('peer', 'scriptMs', 1), per('page', 'frames', 'scriptMs'), 2, null, added('before', 'scriptMs', 1)],
      ['Per frame, JS heap added (KiB)', added('ours', 'heapBytes', 1024), added('peer', 'heapBytes', 1024), kb(per('page', 'frames', 'heapBytes')), 0, null, added('before', 'heapBytes', 1024)],
      [`${AGENT_SETUP.TABS} tabs × ${AGENT_SETUP.FRAMES_PER_TAB} frames, browser memory (MiB)`, mib(per('ours', 'tabs', 'pssBytes')), mib(per('peer', 'tabs', 'pssBytes')), mib(per('page', 'tabs', 'pssBytes')), 0, null, a.before ? mib(per('before', 'tabs', 'pssBytes')) : null],
    );
  }
  if (results.core) {
    const firstCallMs = (engine) => median(results.core.firstCall[engine].map((r) => r.totalMs));
    rows.push(
      ['Core first call from nothing (ms)', firstCallMs('ours'), firstCallMs('peer'), null, 1],
      ['Core warm, per number (µs)', median(results.core.warm.ours), median(results.core.warm.peer), null, 1],
      ['Memory after 10,000 numbers (MiB)', mib(results.core.memory.ours.totalBytes), mib(results.core.memory.peer.totalBytes), null, 1],
    );
  }
  const s = results.sizes;
  rows.push(
    ['Code shipped, raw (KiB)', kb(s.ours.total.raw), kb(s.peer.bundle.raw), null, 0],
    ['Code shipped, gzipped (KiB)', kb(s.ours.total.gzip), kb(s.peer.bundle.gzip), null, 0],
    ['  of which wasm, raw / gzipped (KiB)', kb(s.ours.wasm.raw), null, null, 0, `${fmt(kb(s.ours.wasm.raw))} / ${fmt(kb(s.ours.wasm.gzip))}`],
    ['  of which JS, raw / gzipped (KiB)', kb(s.ours.js.raw), null, null, 0, `${fmt(kb(s.ours.js.raw))} / ${fmt(kb(s.ours.js.gzip))}`],
    ['The phonenumber crate alone, raw / gzipped (KiB)', kb(s.crateFloor.raw), null, null, 0, `${fmt(kb(s.crateFloor.raw))} / ${fmt(kb(s.crateFloor.gzip))}`],
  );
  if (results.core) {
    const firstCallMs = (engine) => median(results.core.firstCall[engine].map((r) => r.totalMs));
    rows.push(['The phonenumber crate alone, first call (ms)', firstCallMs('crateFloor'), firstCallMs('peer'), null, 1]);
  }
  return rows.map(([label, ours, peer, page, digits, oursText, before = null]) => ({
    label,
    ours,
    peer,
    page,
    before,
    ratio: ratio(ours, peer),
    text: {
      ours: oursText ?? fmt(ours, digits),
      peer: fmt(peer, digits),
      page: page === null ? '' : fmt(page, digits),
      ratio: ratio(ours, peer) === null ? '—' : fmt(ratio(ours, peer), 2),
      before: before === null ? '' : fmt(before, digits),
    },
  }));
}

function plainTable(rows) {
  const withBefore = rows.some((r) => r.before !== null);
  const header = ['', 'ours', 'peer', 'ours/peer', 'page alone', ...(withBefore ? ['before'] : [])];
  const lines = [header, ...rows.map((r) => [r.label, r.text.ours, r.text.peer, r.text.ratio, r.text.page, ...(withBefore ? [r.text.before] : [])])];
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  return lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function markdown(results, rows) {
  const { machine } = results;
  const r = results.rounds;
  const failures = r ? Object.values(r).flatMap((kind) => kind.flatMap((x) => [x.cold, x.warm]).filter((p) => p.timedOut || p.mismatches)) : [];
  const g = results.google;
  const firstCallStep = (step, engine = 'ours') => median(results.core.firstCall[engine].map((run) => run[step]));
  const withBefore = rows.some((row) => row.before !== null);
  const { TABS, FRAMES_PER_TAB, FRAMES, FIELDS, FETCH_MS } = AGENT_SETUP;
  return [
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), ` +
      `headless Chromium ${machine.chromium?.replace(/^[^/]*\//, '') ?? '?'}, Node ${machine.node}${machine.commit ? `, commit ${machine.commit}` : ''}. ` +
      'Medians; ratio < 1 means ours is faster or smaller.' +
      (withBefore ? ` "before": ${process.env.BENCH_BEFORE}, measured in the same rounds.` : ''),
    '',
    `| | ours | peer (libphonenumber-js/max) | ours/peer | page alone |${withBefore ? ' before |' : ''}`,
    `| --- | ---: | ---: | ---: | ---: |${withBefore ? ' ---: |' : ''}`,
    ...rows.map((row) => `| ${row.label.trim()} | ${row.text.ours} | ${row.text.peer} | ${row.text.ratio} | ${row.text.page} |${withBefore ? ` ${row.text.before} |` : ''}`),
    '',
    ...(r
      ? [
          `- Page: the Contact record fixture (synthetic shadow, Lightning CSP); a page script appends ${ROWS.toLocaleString('en-US')} ` +
            `\`<a href="tel:…">\` rows (${DISTINCT.toLocaleString('en-US')} distinct values: US and Canadian numbers written nationally, numbers of 12 other countries, some values not numbers) at once; ` +
            `time to the last valid link rewritten (${fmt(results.validRows.cold.ours)} of ${fmt(ROWS)} for ours, ${fmt(results.validRows.cold.peer)} for the peer). ` +
            `${results.roundsPerKind} rounds of each, alternating, each in a fresh browser profile.`,
          '- Cold: our service worker stopped before the insertion (its first message starts it and compiles the core); ' +
            'warm: a second list of 5,000 other values on the same page right after.',
          '- Longest task: PerformanceObserver `longtask` in the page (tasks of 50 ms or more; 0 when none) from the insertion until the last link was rewritten and the rows were first rendered; ' +
            '"page alone" is the same insertion with no extension at work.',
        ]
      : []),
    ...(results.agents
      ? [
          `- Record navigation: on the same record page, \`history.pushState\` to another record, then ${FETCH_MS} ms later its ${FIELDS} phone links (US numbers not met before) are appended at once; ` +
            `time from the append to the last one rewritten ("page alone": to the rows' first rendering, two animation frames), and from that first rendering (0 when rewritten before it). ` +
            `${NAVIGATIONS} navigations asleep (our service worker stopped before it) and ${NAVIGATIONS} awake per round.`,
          `- Per frame: ${FRAMES} frames of a Salesforce-shaped page with three phone links (the setup surface, strict CSP) added to one; ` +
            'the script time (CDP Performance `ScriptDuration`: evaluation and start-up of the content scripts) and the JS heap after a full GC they add, per frame, ' +
            'beyond what the same frames cost with no extension ("page alone", its own cost per frame).',
          `- Memory: ${TABS} tabs of that page with ${FRAMES_PER_TAB - 1} frames each; the proportional set size (PSS) of all the browser's processes, our background included.`,
        ]
      : []),
    ...(results.core
      ? [
          `- Core: first call = script load + wasm compile + first result (peer: script evaluation + first result), median of ${FIRST_CALL_RUNS} fresh browser contexts ` +
            `(ours: script ${fmt(firstCallStep('scriptMs'), 1)} ms, wasm compile + instantiate ${fmt(firstCallStep('initMs'), 1)} ms, first result ${fmt(firstCallStep('firstResultMs'), 1)} ms); ` +
            `per number = one \`dialBatch\` of the ${results.core.warm.values.toLocaleString('en-US')} distinct values (peer: \`parsePhoneNumber\`, \`isValid\`, E.164, display), median of ${WARM_PASSES - 1} passes after a warm-up.`,
          `- Memory: ours = wasm linear memory (${fmt(results.core.memory.ours.wasmMemoryBytes / 2 ** 20, 1)} MiB) + JS heap growth; peer = JS heap growth (after a full GC).`,
        ]
      : []),
    '- Code: ours = core_bg.wasm + every .js file in dist/chrome (copied as it is to build/bench/ours at the start of the run); peer = its minified content-script bundle. Gzip level 9 per file.',
    ...(results.core
      ? [
          '- The phonenumber crate alone: bench/crate-floor, the least a core keeping the crate at run time ships (a database built from one region and `is_valid_with`; no metadata, none of our code), built with the same release profile. ' +
            `Its first call, in fresh browser contexts like the others: wasm fetch + compile + instantiate (${fmt(firstCallStep('initMs', 'crateFloor'), 1)} ms), ` +
            `then the US database built from the metadata our core gives the crate and \`is_valid_with\` on one number (${fmt(firstCallStep('firstResultMs', 'crateFloor'), 1)} ms).`,
        ]
      : []),
    ...(r
      ? [
          `- Compared with Google's libphonenumber on the ${g.ours.values.toLocaleString('en-US')} distinct values: ours agrees on ${fmt(g.ours.agree)} (wrong ${g.ours.wrong}, missed ${g.ours.missed}), ` +
            `the peer on ${fmt(g.peer.agree)} (wrong ${g.peer.wrong}, missed ${g.peer.missed}).`,
        ]
      : []),
    ...(failures.length ? [`- **${failures.length} insertion(s) timed out or ended with links other than expected**: see results.json.`] : []),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------

/** One retry in a new browser: a round that fails twice is a real problem. */
async function retried(what, run) {
  try {
    return await run();
  } catch (error) {
    log(`${what} failed (${error.message}); trying it once more`);
    return run();
  }
}

async function main() {
  const started = Date.now();
  const machine = machineInfo();
  await snapshotDist();
  if (await buildPeer()) log('built the peer extension and peer-core.js into build/bench/');
  prepareStatic(join(OURS_DIR, 'core'));
  buildCrateFloor();

  const lists = { cold: phoneList(SEEDS.cold, { rows: ROWS, distinct: DISTINCT }) };
  lists.warm = phoneList(SEEDS.warm, { rows: ROWS, distinct: DISTINCT, exclude: new Set(lists.cold) });
  const expected = await expectations(lists);
  const validRows = {};
  for (const phase of ['cold', 'warm']) {
    validRows[phase] = Object.fromEntries(
      ['ours', 'peer'].map((e) => [e, expectedHrefs(expected, e, lists[phase]).filter((h) => !h.startsWith('tel:')).length]),
    );
  }

  const servers = {};
  try {
    servers.fixtures = await startServer();
    const certDir = dirname(servers.fixtures.certFile);
    servers.www = await startStaticServer({ dir: WWW_DIR, certFile: servers.fixtures.certFile, keyFile: join(certDir, 'key.pem') });

    const rounds = SECTIONS.has('links') ? Object.fromEntries(ROUND_KINDS.map((kind) => [kind, []])) : null;
    const agents = SECTIONS.has('agents') ? Object.fromEntries(ROUND_KINDS.map((kind) => [kind, []])) : null;
    const show = (p) => (p.timedOut ? `timed out (${p.rewritten}/${p.expected})` : `${fmt(p.ms)} ms`) + `, longest task ${fmt(p.longestTaskMs)} ms`;
    for (let i = 0; i < ROUNDS; i += 1) {
      // Alternating which kind goes first.
      for (const kind of i % 2 ? [...ROUND_KINDS].reverse() : ROUND_KINDS) {
        if (rounds) {
          const round = await retried(`round ${i + 1}/${ROUNDS} ${KINDS[kind]}`, () => pageRound(kind, servers, lists, expected, machine));
          rounds[kind].push(round);
          log(`round ${i + 1}/${ROUNDS} ${KINDS[kind].padEnd(10)} cold ${show(round.cold)}; warm ${show(round.warm)}`);
          for (const p of [round.cold, round.warm]) {
            if (p.mismatches) log(`  ${p.mismatches} links differ from what ${kind} should have written`);
          }
        }
        if (agents) {
          const round = await retried(`agents ${i + 1}/${ROUNDS} ${KINDS[kind]}`, () => agentsRound(kind, servers, machine));
          agents[kind].push(round);
          const ms = (list) => list.map((v) => fmt(v, 1)).join(' ');
          log(
            `agents ${i + 1}/${ROUNDS} ${KINDS[kind].padEnd(10)} navigation asleep ${ms(round.navigation.asleep)}, awake ${ms(round.navigation.awake)} ms; ` +
              `per frame ${fmt(round.frames.scriptMs, 2)} ms, ${fmt(round.frames.heapBytes / 1024)} KiB; tabs ${fmt(round.tabs.pssBytes / 2 ** 20)} MiB`,
          );
        }
      }
    }

    let core = null;
    if (SECTIONS.has('core')) {
      log('core alone: first calls, warm passes, memory…');
      core = await coreRuns(servers, lists, expected);
    }

    const results = {
      machine,
      roundsPerKind: ROUNDS,
      rows: ROWS,
      distinct: DISTINCT,
      validRows,
      google: expected.google,
      ours: {
        wasmSha256: createHash('sha256').update(readFileSync(join(OURS_DIR, 'core', 'core_bg.wasm'))).digest('hex'),
        dialBatchTakes: expected.itemsForm ? 'items' : 'strings',
      },
      rounds,
      agents,
      core,
      sizes: sizes(),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    const rows = summaryRows(results);
    results.summary = rows.map(({ label, ours, peer, page, ratio: r }) => ({ label: label.trim(), ours, peer, pageAlone: page, oursOverPeer: r }));
    writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(OUT, 'results.md'), markdown(results, rows));
    log('');
    log(plainTable(rows));
    log('');
    log(`${machine.cpu}, ${machine.cores} cores, Chromium ${machine.chromium?.replace(/^[^/]*\//, '')}, ${machine.date}`);
    log(`wrote build/bench/results.json and build/bench/results.md in ${results.seconds} s`);
  } finally {
    await servers.www?.close();
    await servers.fixtures?.close();
  }
}

// Whatever happens, no browser outlives the run (browsers.mjs kills them on exit).
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${WATCHDOG_MS / 60_000} minutes`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
