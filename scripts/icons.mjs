#!/usr/bin/env node
/**
 * Draws the committed images from their sources, with headless Chromium and no network:
 *
 *   extension/icons/icon.svg      → extension/icons/icon-{16,32,48,128}.png (manifest "icons")
 *                                   extension/icons/toolbar-{active,inactive,trouble}-{16,32}.png
 *   store/promo-tile.html         → store/promo-tile-440x280.png (Chrome Web Store, Edge Add-ons)
 *
 * Chromium draws and encodes the PNG files (page.screenshot: RGBA icons on a transparent page,
 * an RGB tile, no metadata); a second run writes the same bytes as the first. Both the pixels
 * and the encoding are Chromium's: another Chromium release may anti-alias an edge differently
 * or compress differently, and --check then asks for a new run. The tile's text needs Debian's fonts-liberation; the script
 * stops if it is missing rather than draw the tile in another font.
 *
 *   node scripts/icons.mjs            regenerate every image
 *   node scripts/icons.mjs --check    regenerate in memory and fail if a committed file differs
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'extension', 'icons');

// Debian's /usr/bin/chromium is a wrapper script that adds flags of its own: the binary first.
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--force-color-profile=srgb',
  '--font-render-hinting=none',
];

/**
 * What to draw: the manifest's icons fill their square, except 128 px, which the Chrome Web
 * Store wants as a 96 px drawing in 16 px of transparent padding. The toolbar states are
 * classes that icon.svg's own style sheet knows.
 */
const ICONS = [
  ...[16, 32, 48].map((size) => ({ file: `icon-${size}.png`, size, padding: 0, state: 'active' })),
  { file: 'icon-128.png', size: 128, padding: 16, state: 'active' },
  ...['active', 'inactive', 'trouble'].flatMap((state) =>
    [16, 32].map((size) => ({ file: `toolbar-${state}-${size}.png`, size, padding: 0, state })),
  ),
];

const PROMO = {
  file: join(root, 'store', 'promo-tile-440x280.png'),
  width: 440,
  height: 280,
  fonts: ['Liberation Sans', 'Liberation Mono'], // what promo-tile.html asks for first
};

/** Where a PNG file says how its pixels are stored (the IHDR chunk's colour type), and RGB's. */
const PNG_COLOUR_TYPE = 25;
const PNG_RGB = 2;

async function launchChromium() {
  const executablePath = CHROMIUM.find((path) => existsSync(path));
  if (!executablePath) throw new Error(`Chromium not found (looked at ${CHROMIUM.join(', ')})`);
  return puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The drawing for one icon: the state's class on the root element, and for padding a view box
 * grown so that the drawing fills size - 2 * padding pixels in the middle.
 */
function iconSvg(source, { size, padding, state }) {
  const svg = source.replace(/<svg\b([^>]*)>/, (_, attributes) => {
    const cleaned = attributes.replace(/\s(?:class|width|height)="[^"]*"/g, '');
    return `<svg${cleaned} class="${state}" width="${size}" height="${size}">`;
  });
  if (!padding) return svg;
  const [x, y, w, h] = svg.match(/viewBox="([^"]+)"/)[1].trim().split(/[\s,]+/).map(Number);
  if (h !== w) throw new Error('icon.svg must be square');
  const margin = (w * padding) / (size - 2 * padding);
  const viewBox = [x - margin, y - margin, w + 2 * margin, h + 2 * margin].join(' ');
  return svg.replace(/viewBox="[^"]+"/, `viewBox="${viewBox}"`);
}

/**
 * The PNG of an SVG drawn at size × size CSS pixels on a transparent page: Chromium encodes it
 * (RGBA, no metadata).
 */
async function drawSvg(page, svg, size) {
  await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
  const inline = svg.replace(/<svg\b/, '<svg style="display: block"');
  await page.setContent(`<!doctype html><body style="margin: 0">${inline}</body>`, { waitUntil: 'load' });
  return page.screenshot({ type: 'png', omitBackground: true });
}

/** Every image as { path, bytes }, rendered by one browser. */
async function renderAll() {
  const source = readFileSync(join(iconsDir, 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const images = [];
    for (const icon of ICONS) {
      images.push({ path: join(iconsDir, icon.file), bytes: await drawSvg(page, iconSvg(source, icon), icon.size) });
    }

    // The tile page loads icon.svg from disk by a relative file: URL; no other resource.
    await page.setViewport({ width: PROMO.width, height: PROMO.height, deviceScaleFactor: 1 });
    await page.setRequestInterception(true);
    page.on('request', (request) =>
      request.url().startsWith('file:') ? request.continue() : request.abort('blockedbyclient'),
    );
    await page.goto(pathToFileURL(join(root, 'store', 'promo-tile.html')).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const missing = await page.evaluate((families) => {
      // A family that is not installed falls back: its text measures like the fallback's.
      const context = new OffscreenCanvas(1, 1).getContext('2d');
      const width = (font) => {
        context.font = font;
        return context.measureText('Caller ID Dialer +1 (415) 555-1212').width;
      };
      return families.filter(
        (family) => width(`20px "${family}", serif`) === width('20px serif') &&
          width(`20px "${family}", monospace`) === width('20px monospace'),
      );
    }, PROMO.fonts);
    if (missing.length > 0) {
      throw new Error(`fonts missing for the promotional tile: ${missing.join(', ')} (apt-get install fonts-liberation)`);
    }
    const tile = await page.screenshot({ type: 'png' });
    // The stores want the tile without alpha; Chromium writes RGB when the page is opaque.
    if (tile[PNG_COLOUR_TYPE] !== PNG_RGB) throw new Error('the promotional tile has transparent pixels');
    images.push({ path: PROMO.file, bytes: tile });
    return images;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const images = await renderAll().catch((error) => {
    console.error(`icons: ${error.message}`);
    process.exit(1);
  });
  let stale = 0;
  for (const { path, bytes } of images) {
    const name = path.slice(root.length + 1);
    if (check) {
      const same = existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0;
      if (!same) stale += 1;
      console.log(`${same ? 'same   ' : 'DIFFERS'} ${name}`);
    } else {
      writeFileSync(path, bytes);
      console.log(`wrote ${name} (${bytes.length} bytes)`);
    }
  }
  if (stale) {
    console.error(`${stale} image(s) differ from their source: run node scripts/icons.mjs`);
    process.exitCode = 1;
  }
}
