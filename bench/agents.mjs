/**
 * What agents feel, measured per extension in a fresh headless Chromium:
 *
 * - navigation: on the Contact record page, `history.pushState` to another record, then
 *   400 ms later (as Salesforce fetches them) the record's 20 phone links render; the time
 *   from their insertion, and from their first rendering, to the last one rewritten. ASLEEP: our service worker stopped before
 *   the navigation, as after 30 s on a record; AWAKE: right after the previous navigation.
 * - frames: Salesforce-shaped frames (the setup surface: three phone links each) added to a
 *   page; per frame, the main thread's script time (CDP Performance `ScriptDuration`: the
 *   content scripts' evaluation and start-up, the page's own scripts) and the JS heap after a
 *   full GC (the content scripts' worlds share the page's isolate).
 * - tabs: 10 tabs of that page with 2 frames each (3 frames a tab); the browser's whole
 *   memory, as the proportional set size (PSS) of all its processes, our background included.
 */
/* global window, document, history, location */
import { readFileSync, readdirSync } from 'node:fs';
import { launch } from '../tests/support/browsers.mjs';
import { insertAndWait } from './page-world.mjs';

export const NAVIGATIONS = 5;
const FRAMES = 10;
const TABS = 10;
const FRAMES_PER_TAB = 3;
const FIELDS = 20;
const FETCH_MS = 400;
const SETTLE_MS = 1500;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The setup surface: a Salesforce page with three phone links, matched by both extensions. */
const framePath = (n) => `/lightning/setup/CompanyProfileInfo/home?frame=${n}`;

/** The 20 phone fields of record `n`: US numbers never met before on the page. */
function recordNumbers(n) {
  const areas = [415, 212, 303, 617, 312, 206, 305, 512, 702, 919];
  return Array.from({ length: FIELDS }, (_, i) => `(${areas[i % areas.length]}) 555-${String(3000 + n * FIELDS + i).padStart(4, '0')}`);
}

/** In the page: Lightning's in-app navigation to another record, and its data fetch. */
function navigate({ recordId, fetchMs }) {
  history.pushState({}, '', `/lightning/r/Contact/${recordId}/view${location.search}`);
  return new Promise((resolve) => setTimeout(resolve, fetchMs));
}

/**
 * One browser for one extension: the record page, then NAVIGATIONS pairs of navigations, the
 * first of each with the background asleep, the second awake. { asleep, awake, asleepAfterRender,
 * awakeAfterRender }: ms from the insertion, and after the rows' first rendering.
 * `prepare(session, page)` configures the extension and waits for its first rewrites;
 * `stopWorker(session, page)` stops our service worker (null for the others); `machine.chromium`
 * is set to the browser's version.
 */
export async function navigationRound({ extensionDir, machine, recordUrl, rewrites, prepare, stopWorker, timeoutMs }) {
  const session = await launch('chromium', { extensionDir });
  try {
    machine.chromium ??= await session.browser.version();
    await prepare?.(session);
    const page = await session.newPage();
    await page.goto(recordUrl);
    await page.waitForFunction(() => window.fixture?.ready.then(() => true));
    if (rewrites) await rewrites(page);
    const times = { asleep: [], awake: [], asleepAfterRender: [], awakeAfterRender: [] };
    for (let i = 0; i < NAVIGATIONS * 2; i += 1) {
      const phase = i % 2 === 0 ? 'asleep' : 'awake';
      if (phase === 'asleep' && stopWorker) await stopWorker(session, page);
      await sleep(300);
      await page.evaluate(navigate, { recordId: `0030000000${String(100 + i).padStart(5, '0')}AAA`, fetchMs: FETCH_MS });
      const values = recordNumbers(i);
      const run = await page.evaluate(insertAndWait, { values, expected: rewrites ? FIELDS : 0, timeoutMs, listId: `record-${i}` });
      if (run.timedOut) throw new Error(`navigation ${i + 1}: ${run.rewritten} of ${FIELDS} links rewritten`);
      // From the insertion, and after the rows' first rendering (0 when rewritten before it).
      times[phase].push(run.ms);
      times[`${phase}AfterRender`].push(Math.max(0, run.ms - run.renderedMs));
      await page.evaluate((id) => document.getElementById(id).remove(), `record-${i}`);
    }
    return times;
  } finally {
    await session.close();
  }
}

/** Script time (ms) and JS heap (bytes, after a full GC) of the page's renderer so far. */
async function pageCost(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { scriptMs: metric('ScriptDuration') * 1000, heap: (await cdp.send('Runtime.getHeapUsage')).usedSize };
}

/** In the page: `count` frames of `path` added at once; resolves when all have loaded. */
function addFrames({ count, path }) {
  return Promise.all(
    Array.from({ length: count }, (_, n) => {
      const frame = document.createElement('iframe');
      frame.src = `${path}${n}`;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      return loaded;
    }),
  );
}

/**
 * One browser for one extension: the setup page, then FRAMES frames of it; per frame, the
 * script time and heap they added. { scriptMs, heapBytes }.
 */
export async function frameRound({ extensionDir, origin, prepare }) {
  const session = await launch('chromium', { extensionDir });
  try {
    await prepare?.(session);
    const page = await session.newPage();
    await page.goto(`${origin}${framePath('top')}`);
    await sleep(SETTLE_MS);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const before = await pageCost(cdp);
    await page.evaluate(addFrames, { count: FRAMES, path: framePath('') });
    await sleep(SETTLE_MS);
    const after = await pageCost(cdp);
    await cdp.detach();
    return { scriptMs: (after.scriptMs - before.scriptMs) / FRAMES, heapBytes: (after.heap - before.heap) / FRAMES };
  } finally {
    await session.close();
  }
}

/** Proportional set size (bytes) of the process `pid` and all its descendants (Linux). */
function treePss(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const inTree = (p) => {
    for (let at = p; at > 1; at = parents.get(at) ?? 0) if (at === pid) return true;
    return false;
  };
  let bytes = 0;
  for (const p of parents.keys()) {
    if (!inTree(p)) continue;
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      bytes += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // Ended meanwhile, or not ours to read.
    }
  }
  return bytes;
}

/** One browser for one extension: TABS tabs of the setup page with 2 frames each; the browser's PSS. */
export async function tabsRound({ extensionDir, origin, prepare }) {
  const session = await launch('chromium', { extensionDir });
  try {
    await prepare?.(session);
    for (let t = 0; t < TABS; t += 1) {
      const page = await session.newPage();
      await page.goto(`${origin}${framePath(`tab${t}`)}`);
      await page.evaluate(addFrames, { count: FRAMES_PER_TAB - 1, path: framePath(`tab${t}-`) });
    }
    await sleep(SETTLE_MS * 2);
    const pid = session.browser.process()?.pid;
    if (!pid) throw new Error('the browser process is not known');
    return { pssBytes: treePss(pid) };
  } finally {
    await session.close();
  }
}

export const AGENT_SETUP = { TABS, FRAMES_PER_TAB, FRAMES, FIELDS, FETCH_MS };
