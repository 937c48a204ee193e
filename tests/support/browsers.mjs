// Launches Debian's Chromium or Firefox ESR headless with an unpacked
// Manifest V3 extension, for end-to-end tests driven by puppeteer-core.
//
// Both browsers are kept off the network: Chromium through its
// background-networking switches and host-resolver rules that answer for the
// Salesforce-shaped test hosts with 127.0.0.1 and refuse every other name;
// Firefox through preferences that turn off its background services and send
// every host name to 127.0.0.1.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { certificateSpki } from './server.mjs';

/**
 * The browsers the end-to-end tests run in: both, or those `E2E_BROWSERS` names
 * (comma-separated), for `make test`'s two lanes side by side.
 */
export const BROWSERS = browsersToTest(process.env.E2E_BROWSERS);

function browsersToTest(names) {
  const all = ['chromium', 'firefox'];
  if (!names) return all;
  const chosen = names.split(',').map((name) => name.trim());
  const unknown = chosen.filter((name) => !all.includes(name));
  if (unknown.length > 0) throw new Error(`E2E_BROWSERS: unknown browser ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return chosen;
}

/** The extension folders users load, per browser, as scripts/build.mjs writes them. */
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = { chromium: path.join(ROOT, 'dist', 'chrome'), firefox: path.join(ROOT, 'dist', 'firefox') };

/**
 * The WebDriver BiDi endpoint of a Firefox that a lane's test files share (started by
 * tests/shared-firefox.mjs), or undefined. A Firefox start costs about 4 s of a 2-core
 * machine; a file instead installs the add-on in the running one and removes it when done,
 * and its storage goes with it, as with a browser of its own.
 */
const SHARED_FIREFOX = process.env.E2E_SHARED_FIREFOX;

const DEFAULT_HOST_RULES = ['*.lightning.force.com', '*.my.salesforce.com', '*.force.com'];

// The real binary first: Debian's /usr/bin/chromium is a shell wrapper that
// adds flags of its own (an empty --load-extension=, --enable-remote-extensions,
// API keys in the environment).
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr'];

const LAUNCH_TIMEOUT_MS = 30_000;
const EXTENSION_READY_TIMEOUT_MS = 15_000;
// A loaded extension is listed within a few hundred ms of startup.
const EXTENSION_LOAD_TIMEOUT_MS = 5_000;
const CLOSE_TIMEOUT_MS = 10_000;

function firstExisting(candidates, what) {
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${what} not found (looked at ${candidates.join(', ')})`);
  return found;
}

function readManifest(extensionDir) {
  const file = path.join(extensionDir, 'manifest.json');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error.message}`, { cause: error });
  }
  return manifest;
}

// Chromium's id for an unpacked extension, known before it is launched (for
// policy files, say): the first 128 bits of a SHA-256, written
// with the letters a-p for the hex digits 0-f. The hashed bytes are the
// manifest's public key when it has a `key`, else the extension's absolute path.
function chromiumIdOf(bytes) {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return Array.from(hex, (d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

export function chromiumExtensionId(extensionDir) {
  const manifest = readManifest(extensionDir);
  if (typeof manifest.key === 'string') return chromiumIdOf(Buffer.from(manifest.key, 'base64'));
  return chromiumIdOf(realpathSync(extensionDir));
}

// Firefox picks a random UUID for each add-on's moz-extension:// host unless
// the `extensions.webextensions.uuids` pref already names one; this one is
// derived from the add-on id, so it is the same on every run.
export function firefoxExtensionUuid(geckoId) {
  const h = createHash('sha256').update(`e2e-moz-extension:${geckoId}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function chromiumArgs(extensionDir, hostRules) {
  const rules = [
    ...hostRules.map((host) => `MAP ${host} 127.0.0.1`),
    // Any other name fails at once instead of reaching a DNS server.
    'MAP * ~NOTFOUND',
    'EXCLUDE localhost',
    'EXCLUDE 127.0.0.1',
    'EXCLUDE [::1]',
  ].join(', ');
  return [
    // The extension under test, loaded as it is, and no other.
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox', // runs as root in a container
    '--disable-gpu', // no GPU here; avoids GPU-process probing
    // Off the network: no QUIC probes, no first-run or default-browser
    // checks, no variations/safe-browsing/translate fetches, no component
    // updater, no sync, no Domain Reliability uploads, no <a ping>.
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--no-pings',
    // No field-trial testing config: Chromium's plain default features.
    '--disable-field-trial-config',
    // The test server's self-signed certificate, trusted by its key: unlike
    // --ignore-certificate-errors, this leaves the HTTP cache and V8's code cache working.
    `--ignore-certificate-errors-spki-list=${certificateSpki()}`,
    `--host-resolver-rules=${rules}`,
  ];
}

// Puppeteer's own Firefox profile already turns off updates, Normandy,
// safe-browsing lookups, health reports and points Remote Settings at a
// data: URL (honoured only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the
// environment, see launchFirefox). These add name resolution and the other
// services a fresh profile would contact. With network.dns.forceResolve any
// request that still went out would land on 127.0.0.1, perhaps on a test
// server; so the services are turned off as well.
function firefoxPrefs(geckoId, uuid) {
  return {
    'network.dns.forceResolve': '127.0.0.1', // every host name -> 127.0.0.1
    'network.trr.mode': 5, // no DNS over HTTPS
    'network.http.http3.enable': false, // no QUIC, as in Chromium
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // Test URLs keep the scheme they were given.
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    // Certificate revocation and intermediate-certificate downloads.
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'datareporting.usage.uploadEnabled': false,
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.discovery.enabled': false,
    'browser.ml.enable': false, // no model downloads
    'geo.provider.network.url': '',
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    'identity.fxaccounts.enabled': false,
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.systemAddon.update.url': '',
    // MV3 host permissions (content-script matches) granted at install.
    'extensions.originControls.grantByDefault': true,
    // The add-on's moz-extension:// host, fixed before it is installed.
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    // ... and kept when it is removed, for the next install in a shared Firefox.
    'extensions.webextensions.keepUuidOnUninstall': true,
  };
}

// Processes started by one launch, so close() can make sure none outlives it.
function processTree(rootPid) {
  if (!rootPid || !existsSync('/proc')) return [];
  const children = new Map();
  const startTimes = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      startTimes.set(Number(entry), fields[19]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we were reading.
    }
  }
  const tree = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    if (startTimes.has(pid)) tree.push({ pid, start: startTimes.get(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function killSurvivors(tree) {
  for (const { pid, start } of tree) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[19] !== start || fields[0] === 'Z') continue; // pid reused, or already dead
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

// Last resort if the test process exits without close(): no browser and no
// temp profile is left behind.
const live = new Set();
let exitHookInstalled = false;
function track(session) {
  live.add(session);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const s of live) {
      killSurvivors(processTree(s.pid));
      try {
        rmSync(s.tempDir, { recursive: true, force: true });
      } catch {
        // Nothing more can be done while exiting.
      }
    }
  });
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function makeCloser(state) {
  let closing;
  return () => {
    closing ??= (async () => {
      const tree = processTree(state.pid);
      if (state.browser) {
        try {
          await withTimeout(state.browser.close(), CLOSE_TIMEOUT_MS);
        } catch {
          // Killed below.
        }
      }
      killSurvivors(tree);
      killSurvivors(processTree(state.pid));
      await rm(state.tempDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      live.delete(state);
    })();
    return closing;
  };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function cleanPath(p) {
  return String(p).replace(/^\/+/, '');
}

// The URL of a page of the extension, after checking that the page's file is
// there: Firefox shows an empty document for a missing one rather than fail.
function extensionPageUrl(extensionDir, origin, p) {
  const url = new URL(`${origin}/${cleanPath(p)}`);
  const file = path.join(extensionDir, decodeURIComponent(url.pathname));
  if (!existsSync(file)) throw new Error(`${file} does not exist (for ${url.href})`);
  return url.href;
}

async function launchChromium(extensionDir, hostRules) {
  const manifest = readManifest(extensionDir);
  const state = { tempDir: await mkdtemp(path.join(os.tmpdir(), 'e2e-chromium-')) };
  track(state);
  const close = makeCloser(state);
  try {
    state.browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: firstExisting(CHROMIUM_CANDIDATES, 'Chromium'),
      headless: true, // --headless=new
      pipe: true,
      enableExtensions: true,
      userDataDir: state.tempDir,
      timeout: LAUNCH_TIMEOUT_MS,
      args: chromiumArgs(extensionDir, hostRules),
    });
    state.pid = state.browser.process()?.pid;

    // Chromium's own list of loaded extensions (CDP Extensions.getExtensions,
    // served over the pipe) says whether it took the folder, and under which
    // id. A folder it refuses (a bad manifest, a missing background file)
    // never shows up there; Chromium writes no error anywhere for it.
    const deadline = Date.now() + EXTENSION_LOAD_TIMEOUT_MS;
    let loaded;
    for (;;) {
      const all = [...(await state.browser.extensions()).values()];
      loaded = all.find((e) => e.path === extensionDir || e.path === realpathSync(extensionDir));
      if (loaded || Date.now() > deadline) break;
      await sleep(50);
    }
    if (!loaded) {
      throw new Error(`Chromium did not load the extension in ${extensionDir} (check its manifest and the files it names)`);
    }
    const extensionId = loaded.id;
    const extensionOrigin = `chrome-extension://${extensionId}`;

    const isOurWorker = (t) => t.type() === 'service_worker' && t.url().startsWith(`${extensionOrigin}/`);
    if (manifest.background?.service_worker) {
      try {
        await state.browser.waitForTarget(isOurWorker, { timeout: EXTENSION_READY_TIMEOUT_MS });
      } catch {
        const seen = state.browser.targets().map((t) => `${t.type()} ${t.url()}`).join('; ');
        throw new Error(`no service worker at ${extensionOrigin} (targets: ${seen})`);
      }
    }
    // On install the extension opens its first-run tab, which comes to the front. Waiting for
    // it keeps the pages a test opens afterwards in front: in a background tab Chromium runs no
    // requestAnimationFrame, on which puppeteer's waitForFunction polls by default.
    // (Only ours has one; the benchmark's peer extension does not.)
    if (existsSync(path.join(extensionDir, 'welcome', 'welcome.html'))) {
      const welcome = `${extensionOrigin}/welcome/welcome.html`;
      await state.browser.waitForTarget((t) => t.url() === welcome, { timeout: EXTENSION_READY_TIMEOUT_MS });
    }

    const browser = state.browser;
    return {
      name: 'chromium',
      browser,
      extensionId,
      extensionOrigin,
      extensionUrl: (p) => `${extensionOrigin}/${cleanPath(p)}`,
      newPage: () => browser.newPage(),
      async openExtensionPage(p, { timeout = EXTENSION_READY_TIMEOUT_MS } = {}) {
        const url = extensionPageUrl(extensionDir, extensionOrigin, p);
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'load', timeout });
        return page;
      },
      // The extension's service worker as a puppeteer WebWorker (evaluate()
      // runs in the background context). Chromium stops an idle worker after
      // about 30 s; this then waits until some event starts it again.
      async backgroundWorker({ timeout = EXTENSION_READY_TIMEOUT_MS } = {}) {
        const target = await browser.waitForTarget(isOurWorker, { timeout });
        return target.worker();
      },
      close,
    };
  } catch (error) {
    state.pid ??= state.browser?.process()?.pid;
    await close();
    throw error;
  }
}

function geckoIdOf(extensionDir) {
  const manifest = readManifest(extensionDir);
  const geckoId = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
  if (!geckoId) {
    throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id; Firefox needs one`);
  }
  return geckoId;
}

// Firefox with the prefs above for the add-on `geckoId`, and no add-on yet.
function startFirefox(profileDir, geckoId) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firstExisting(FIREFOX_CANDIDATES, 'Firefox ESR'),
    headless: true,
    acceptInsecureCerts: true,
    timeout: LAUNCH_TIMEOUT_MS,
    // A profile folder of our own (puppeteer writes its prefs into it), so
    // close() knows what to remove. --remote-allow-system-access: without
    // it Firefox refuses BiDi navigation to moz-extension:// ("not allowed
    // in this context").
    args: ['--profile', profileDir, '--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(geckoId, firefoxExtensionUuid(geckoId)),
    // Release builds ignore the services.settings.server pref without it,
    // and then poll firefox.settings.services.mozilla.com from startup.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
}

/**
 * Starts the Firefox that a lane's test files share, for the extension users install
 * (DIST.firefox), and leaves it free for them: `{ endpoint, close() }`.
 */
export async function startSharedFirefox() {
  const state = { tempDir: await mkdtemp(path.join(os.tmpdir(), 'e2e-firefox-')) };
  track(state);
  const close = makeCloser(state);
  try {
    const browser = await startFirefox(state.tempDir, geckoIdOf(DIST.firefox));
    state.pid = browser.process()?.pid;
    const endpoint = browser.wsEndpoint();
    // Firefox serves one WebDriver BiDi session at a time: this one ends, the browser runs on.
    await browser.disconnect();
    return {
      endpoint,
      async close() {
        state.browser = await puppeteer.connect({ browserWSEndpoint: endpoint, protocol: 'webDriverBiDi' }).catch(() => undefined);
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

// A test file's turn in the shared Firefox: it ends with the add-on removed (its storage with
// it) and the tabs the file opened closed, so the next file starts as in a browser of its own.
function makeLeaver(state, geckoId) {
  let leaving;
  return () => {
    leaving ??= (async () => {
      const { browser, firstPages } = state;
      await withTimeout(browser.uninstallExtension(geckoId), CLOSE_TIMEOUT_MS).catch(() => {}); // already removed by the test
      for (const page of await browser.pages().catch(() => [])) {
        if (!firstPages.has(page)) await page.close().catch(() => {});
      }
      await browser.disconnect().catch(() => {});
    })();
    return leaving;
  };
}

async function launchFirefox(extensionDir, { ownBrowser }) {
  const geckoId = geckoIdOf(extensionDir);
  const uuid = firefoxExtensionUuid(geckoId);
  const extensionOrigin = `moz-extension://${uuid}`;
  // The shared Firefox knows only the add-on of DIST.firefox (its fixed UUID is a pref).
  const shared = SHARED_FIREFOX && !ownBrowser && extensionDir === path.resolve(DIST.firefox);
  const state = shared ? {} : { tempDir: await mkdtemp(path.join(os.tmpdir(), 'e2e-firefox-')) };
  let close;
  try {
    if (shared) {
      state.browser = await puppeteer.connect({ browserWSEndpoint: SHARED_FIREFOX, protocol: 'webDriverBiDi', acceptInsecureCerts: true });
      state.firstPages = new Set(await state.browser.pages());
      close = makeLeaver(state, geckoId);
      // A file that ended without closing its session left the add-on installed.
      await state.browser.uninstallExtension(geckoId).catch(() => {});
    } else {
      track(state);
      close = makeCloser(state);
      state.browser = await startFirefox(state.tempDir, geckoId);
      state.pid = state.browser.process()?.pid;
    }

    // WebDriver BiDi webExtension.install: a temporary add-on, as from
    // about:debugging, so it need not be signed.
    const installedId = await state.browser.installExtension(extensionDir);
    if (installedId !== geckoId) {
      throw new Error(`Firefox installed the add-on as ${installedId}, expected ${geckoId}`);
    }

    const browser = state.browser;
    return {
      name: 'firefox',
      browser,
      extensionId: geckoId,
      extensionOrigin,
      extensionUrl: (p) => `${extensionOrigin}/${cleanPath(p)}`,
      newPage: () => browser.newPage(),
      // Over WebDriver BiDi, Firefox reports navigationStarted and
      // navigationCommitted for a moz-extension:// document but never its
      // domContentLoaded or load, so goto() would wait for its whole timeout
      // (and page.url() keeps saying about:blank). The navigation is started
      // with a short goto() left running in the background, only to surface
      // a refusal, while the document itself is polled until it has loaded.
      async openExtensionPage(p, { timeout = EXTENSION_READY_TIMEOUT_MS } = {}) {
        const url = extensionPageUrl(extensionDir, extensionOrigin, p);
        const page = await browser.newPage();
        let refused;
        page.goto(url, { timeout: 3_000 }).catch((error) => {
          if (error?.name !== 'TimeoutError' && !page.isClosed()) refused = error;
        });
        const deadline = Date.now() + timeout;
        for (;;) {
          const loaded = await page
            .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
            .catch(() => false); // the old document went away mid-call
          if (loaded) return page;
          if (refused || Date.now() > deadline) {
            await page.close().catch(() => {});
            throw refused ?? new Error(`${url} did not load within ${timeout} ms`);
          }
          await sleep(50);
        }
      },
      async backgroundWorker() {
        throw new Error('Firefox runs the background as an event page that WebDriver BiDi does not expose');
      },
      close,
    };
  } catch (error) {
    state.pid ??= state.browser?.process()?.pid;
    await close?.();
    throw error;
  }
}

/**
 * Starts `name` ('chromium' or 'firefox') headless, in a fresh temporary
 * profile, with the unpacked extension in `extensionDir` (used as it is). In a
 * lane run by tests/shared-firefox.mjs, Firefox is that lane's running one, with
 * the add-on just installed, unless `ownBrowser` (a test whose policy Firefox
 * must read at start) or another folder than DIST.firefox.
 *
 * hostRules: host patterns that Chromium resolves to 127.0.0.1 (every other
 * name but localhost fails to resolve). Firefox has no per-host rule: there
 * every host name resolves to 127.0.0.1.
 *
 * Resolves to {
 *   name, browser (puppeteer Browser),
 *   extensionId ('<32 letters a-p>' in Chromium, the gecko id in Firefox),
 *   extensionOrigin ('chrome-extension://<id>' or 'moz-extension://<uuid>'),
 *   extensionUrl(path) -> string,
 *   newPage() -> Page,
 *   openExtensionPage(path, { timeout }) -> Page, once the page has loaded,
 *   backgroundWorker({ timeout }) -> WebWorker (Chromium only; rejects in Firefox),
 *   close() -> ends the browser and its processes, removes the profile (in the
 *     shared Firefox: removes the add-on and the tabs opened since); idempotent,
 * }
 */
export async function launch(name, { extensionDir, hostRules = DEFAULT_HOST_RULES, ownBrowser = false } = {}) {
  if (!BROWSERS.includes(name)) throw new Error(`unknown browser ${name}; expected one of ${BROWSERS.join(', ')}`);
  if (!extensionDir) throw new Error('launch() needs extensionDir');
  const dir = path.resolve(extensionDir);
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  return name === 'chromium' ? launchChromium(dir, hostRules) : launchFirefox(dir, { ownBrowser });
}
