#!/usr/bin/env node
/**
 * The store screenshots, 1280 × 800 PNG, of the real extension (dist/chrome) at work in
 * headless Chromium, configured through its own popup as an agent would:
 *
 *   store/screenshots/1-record-page.png     a Salesforce-shaped Contact page (tests/support/
 *                                           server.mjs) with its phone numbers rewritten, and
 *                                           the tooltip of one link
 *   store/screenshots/2-caller-ids.png      the options page's caller-ID editor: pool and rules
 *   store/screenshots/3-try-a-number.png    "Try a number" with a number typed
 *   docs/calling-hours-warn.png             the dialog at a click outside calling hours (warn)
 *   docs/calling-hours-block.png            the same click when calling hours block it
 *   docs/screenshots/popup-{light,dark}.png    the popup at rest, 600 px high as a browser
 *                                           shows it, in both colour schemes
 *   docs/screenshots/options-{light,dark}.png  the options page, whole
 *
 * A native tooltip never appears in a headless screenshot, so the script shows the link's
 * own `title` (read from the page) in a callout it adds beside that link. Everything else is
 * what the extension drew. The callee's local time is the time the script runs; the calling
 * windows are set around it, so that the Berlin number is an hour from its calling hours.
 *
 *   node scripts/screenshots.mjs        (builds dist/chrome first when it is missing)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, launch } from '../tests/support/browsers.mjs';
import { windowsAround } from '../tests/support/calling-hours.mjs';
import { waitForLinks } from '../tests/support/page-links.mjs';
import {
  addCallerId,
  addRule,
  chooseCountry,
  importSettings,
  openOptions,
  openPopup,
  tryNumber,
  typeCallerId,
} from '../tests/support/popup.mjs';
import { startServer } from '../tests/support/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = DIST.chromium;
const outDir = join(root, 'store', 'screenshots');
const docsDir = join(root, 'docs');
const pagesDir = join(docsDir, 'screenshots');

/** What the agent sets up in the popup before the screenshots. */
const SETUP = {
  country: 'US',
  defaultCallerId: '+18880001111',
  pool: [
    ['+14155550100', 'San Francisco'],
    ['+12125550100', 'New York'],
    ['+442071234567', 'London'],
  ],
  rules: [['DE', '+442071234567']],
};
/** The link whose tooltip the record page screenshot shows: a related contact in New York. */
const CALLOUT_HREF = /^callto:\/\/\+12125550199\//;
const TRY_NUMBER = '(212) 555-0199';

/** 1280 × 800 PNG, drawn at 125 % so that the text reads well where the stores shrink it. */
const RECORD_VIEWPORT = { width: 1024, height: 640, deviceScaleFactor: 1.25 };
const SETTINGS_VIEWPORT = RECORD_VIEWPORT;
/** The caller-ID editor is taller: at 100 % the pool and the rules both fit. */
const EDITOR_VIEWPORT = { width: 1280, height: 800, deviceScaleFactor: 1 };
/** The popup's width (popup.css) and the tallest popup a browser shows. */
const POPUP_VIEWPORT = { width: 420, height: 600, deviceScaleFactor: 1 };
const OPTIONS_VIEWPORT = { width: 1024, height: 800, deviceScaleFactor: 1 };

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
mkdirSync(outDir, { recursive: true });
mkdirSync(pagesDir, { recursive: true });

const server = await startServer();
const session = await launch('chromium', { extensionDir });
try {
  await configure();
  await recordPage(join(outDir, '1-record-page.png'));
  await callerIdEditor(join(outDir, '2-caller-ids.png'));
  await tryANumber(join(outDir, '3-try-a-number.png'));
  for (const scheme of ['light', 'dark']) {
    await popupAtRest(scheme, join(pagesDir, `popup-${scheme}.png`));
    await wholeOptionsPage(scheme, join(pagesDir, `options-${scheme}.png`));
  }
  for (const mode of ['warn', 'block']) await callingHoursDialog(mode, join(docsDir, `calling-hours-${mode}.png`));
} finally {
  await session.close();
  await server.close();
}

async function configure() {
  const popup = await openPopup(session);
  await chooseCountry(popup, SETUP.country);
  await typeCallerId(popup, SETUP.defaultCallerId);
  for (const [number, label] of SETUP.pool) {
    const message = await addCallerId(popup, number, label);
    if (!message.startsWith('Added')) throw new Error(`adding ${number}: ${message}`);
  }
  for (const [region, callerId] of SETUP.rules) {
    const message = await addRule(popup, region, callerId);
    if (!message.startsWith('Added')) throw new Error(`adding the rule for ${region}: ${message}`);
  }
  await popup.close();
}

async function save(page, file) {
  await page.screenshot({ path: file, type: 'png' });
  console.log(`wrote ${file}`);
}

/** The record page with its rewritten links, and one link's tooltip in a callout. */
async function recordPage(file) {
  const page = await session.newPage();
  await page.setViewport(RECORD_VIEWPORT);
  await page.goto(server.recordUrl({ shadow: 'synthetic', csp: 'lightning' }));
  await waitForLinks(page, (links) => links.length >= 9 && links.filter((link) => link.href.startsWith('callto:')).length >= 8);
  // The related list renders a moment later than the details.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const link = await page.evaluateHandle((source) => {
    const pattern = new RegExp(source);
    const find = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'a' && pattern.test(element.getAttribute('href') ?? '')) return element;
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    return find(document);
  }, CALLOUT_HREF.source);
  if (!(await link.evaluate((element) => element?.getAttribute('title')))) throw new Error('the link has no title');
  await link.evaluate(showTitleCallout);
  // The pointer on the link, as when the tooltip shows: the link and its row look hovered.
  const box = await link.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await save(page, file);
  await page.close();
}

/**
 * Runs in the page: a tooltip-like callout under `link` holding the link's `title`, as the
 * browser would show it on hover. Built with DOM calls and inline styles (no HTML strings).
 */
function showTitleCallout(link) {
  const MARGIN = 16;
  const box = link.getBoundingClientRect();
  const callout = document.createElement('div');
  callout.setAttribute('role', 'presentation');
  Object.assign(callout.style, {
    position: 'absolute',
    top: `${box.bottom + scrollY + 12}px`,
    left: '0',
    maxWidth: '300px',
    padding: '10px 14px',
    borderRadius: '8px',
    background: '#16325c',
    color: '#ffffff',
    font: '14px/1.45 "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    boxShadow: '0 6px 18px rgba(0, 0, 0, 0.28)',
    zIndex: '2147483647',
  });
  const arrow = document.createElement('div');
  Object.assign(arrow.style, {
    position: 'absolute',
    top: '-7px',
    width: '14px',
    height: '14px',
    background: '#16325c',
    transform: 'rotate(45deg)',
  });
  const text = document.createElement('div');
  text.style.position = 'relative';
  text.textContent = link.getAttribute('title');
  callout.append(arrow, text);
  document.body.append(callout);
  // Starts under the link and stays inside the view; the arrow points at the link's start.
  const width = callout.getBoundingClientRect().width;
  const left = Math.max(MARGIN, Math.min(box.left - 14, innerWidth - MARGIN - width));
  callout.style.left = `${left + scrollX}px`;
  arrow.style.left = `${Math.max(10, box.left + Math.min(box.width / 2, 24) - left - 7)}px`;
}

/** The options page scrolled to the caller-ID pool and the rules. */
async function callerIdEditor(file) {
  const options = await openOptions(session);
  await options.setViewport(EDITOR_VIEWPORT);
  await options.evaluate(() => {
    // The pool's card at the top, with the page's margin above it.
    const top = document.querySelector('#pool-heading').closest('section').getBoundingClientRect().top + scrollY;
    scrollTo(0, top - 16);
  });
  await save(options, file);
  await options.close();
}

/** "Try a number" on the options page, with a number typed and its answer shown. */
async function tryANumber(file) {
  const options = await openOptions(session);
  await options.setViewport(SETTINGS_VIEWPORT);
  const tried = await tryNumber(options, TRY_NUMBER);
  if (tried.error) throw new Error(`try a number: ${tried.error}`);
  await options.evaluate(() => {
    const section = document.querySelector('#try-heading').closest('section');
    const box = section.getBoundingClientRect();
    // The section in the middle of the view, with the dialer settings above it in sight.
    scrollTo(0, box.top + scrollY - Math.max(16, (innerHeight - box.height) / 2));
  });
  await save(options, file);
  await options.close();
}

/** The popup as it opens, its sections folded (configuring opened some: closed as an agent does). */
async function popupAtRest(scheme, file) {
  const popup = await openPopup(session);
  await popup.setViewport(POPUP_VIEWPORT);
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await popup.$$eval('.group > details[open] > summary', (summaries) => {
    for (const summary of summaries) summary.click();
  });
  await save(popup, file);
  await popup.close();
}

/** The options page from top to bottom. */
async function wholeOptionsPage(scheme, file) {
  const options = await openOptions(session);
  await options.setViewport(OPTIONS_VIEWPORT);
  await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await options.screenshot({ path: file, type: 'png', fullPage: true });
  console.log(`wrote ${file}`);
  await options.close();
}

/** The record home page, with the dialog a click on the Berlin number opens in `mode`. */
async function callingHoursDialog(mode, file) {
  const popup = await openPopup(session);
  const windows = [...windowsAround('US', 'America/New_York', -60, 60), ...windowsAround('DE', 'Europe/Berlin', 60, 120)];
  const message = await importSettings(popup, JSON.stringify({ callingHours: mode, callingWindows: windows }));
  if (!message.startsWith('Imported')) throw new Error(`importing calling hours: ${message}`);
  await popup.close();
  const page = await session.newPage();
  await page.setViewport(RECORD_VIEWPORT);
  await page.goto(`${server.origin()}/lightning/r/Contact/003000000000102AAA/view?layout=standard`);
  const links = await waitForLinks(page, (found) => found.some((link) => /^callto:\/\/\+491707654321\//.test(link.href) && link.title?.startsWith('Outside')));
  const href = links.find((link) => link.href.startsWith('callto://+491707654321/')).href;
  const link = await page.evaluateHandle((wanted) => {
    const find = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'a' && element.getAttribute('href') === wanted) return element;
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    return find(document);
  }, href);
  await link.click();
  await page.waitForFunction(() => document.activeElement?.localName === 'caller-id-dialer-dialog');
  await new Promise((resolve) => setTimeout(resolve, 200));
  await save(page, file);
  await page.keyboard.press('Escape');
  await page.close();
}
