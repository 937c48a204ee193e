#!/usr/bin/env node
/**
 * The demo: serves a Contact record page rendered by genuine Lightning base components at
 * a Salesforce-shaped address, with the built extension (dist/chrome) configured through
 * its own popup (default country US, caller ID +18880001111).
 *
 * With a display, it opens Chromium there and keeps serving until the window closes.
 * Without one, it runs Chromium headless and prints every phone link before and after.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const HOST = 'acme.lightning.force.com';
const RECORD = '/lightning/r/Contact/003000000000001AAA/view?shadow=synthetic&csp=lightning';

// `--check`: only whether Chromium is there (make demo asks before it builds).
if (!existsSync(CHROMIUM)) {
  console.error(`The demo runs Chromium (${CHROMIUM}), which is not installed. On Debian or Ubuntu:\n\n  ${installCommand()}\n`);
  process.exit(1);
}
if (process.argv.includes('--check')) process.exit(0);

// Imported once Chromium is known to be there: they need the npm packages `make setup` installs.
const { buildFixtures } = await import('../tests/fixtures/build.mjs');
const { DIST, launch } = await import('../tests/support/browsers.mjs');
const { phoneLinks, waitForLinks } = await import('../tests/support/page-links.mjs');
const { chooseCountry, openPopup, typeCallerId } = await import('../tests/support/popup.mjs');
const { startServer } = await import('../tests/support/server.mjs');
const extensionDir = DIST.chromium;

await buildFixtures();
const server = await startServer({ port: Number(process.env.DEMO_PORT ?? 0) });
const url = `${server.origin(HOST)}${RECORD}`;

if (process.env.DISPLAY) {
  await showInWindow(url);
} else {
  await printHeadless(url);
}
await server.close();

/** The command that installs the browsers the tests use: the packages .ci/run installs. */
function installCommand() {
  const ciRun = new URL('../.ci/run', import.meta.url);
  const packages = /^packages=\(([^)]*)\)$/m.exec(readFileSync(ciRun, 'utf8'))?.[1];
  if (!packages) throw new Error(`no packages=(…) line in ${ciRun.pathname}`);
  return `sudo apt-get install --no-install-recommends ${packages.trim()}`;
}

/** Opens a visible Chromium with the extension; serves until the agent closes it. */
async function showInWindow(pageUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'caller-id-dialer-demo-'));
  console.log(`Opening ${pageUrl}\nSet a caller ID in the extension's popup, then hover a phone number.`);
  const chromium = spawn(
    CHROMIUM,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      '--ignore-certificate-errors',
      '--no-first-run',
      pageUrl,
    ],
    { stdio: 'inherit' },
  );
  await new Promise((resolve) => chromium.on('exit', resolve));
  rmSync(profile, { recursive: true, force: true });
}

/** Configures the extension through its popup and prints the page's phone links. */
async function printHeadless(pageUrl) {
  const session = await launch('chromium', { extensionDir });
  try {
    const popup = await openPopup(session);
    await chooseCountry(popup, 'US');
    await typeCallerId(popup, '+18880001111');
    await popup.close();

    const page = await session.newPage();
    await page.goto(pageUrl);
    await waitForLinks(page, (found) => found.some((link) => link.href.startsWith('callto:')));
    // The first batch is in; give the rest of the page (the datatable renders later) a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const links = await phoneLinks(page);
    console.log(`\n${pageUrl}\n(tel: links are values the extension left as Salesforce rendered them)\n`);
    console.table(
      links.map((link) => ({ text: link.text, href: link.href, 'title (hover)': link.title ?? '' })),
    );
  } finally {
    await session.close();
  }
}
