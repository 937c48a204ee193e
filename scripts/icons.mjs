#!/usr/bin/env node
/**
 * Draws the committed images from their sources, with headless Chromium and no network:
 *
 *   extension/icons/icon.svg      → extension/icons/icon-{16,32,48,128}.png (manifest "icons")
 *                                   extension/icons/toolbar-{active,inactive,trouble}-{16,32}.png
 *   store/promo-tile.html         → store/promo-tile-440x280.png (Chrome Web Store, Edge Add-ons)
 *
 * Chromium only rasterises: it returns the pixels, and this script writes the PNG files itself
 * (RGBA icons, opaque RGB tile, no metadata, fixed filters and compression), so a second run
 * writes the same bytes as the first. The pixels are Chromium's: another Chromium release may
 * anti-alias an edge differently. The tile's text needs Debian's fonts-liberation; the script
 * stops if it is missing rather than draw the tile in another font.
 *
 *   node scripts/icons.mjs            regenerate every image
 *   node scripts/icons.mjs --check    regenerate in memory and fail if a committed file differs
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { crc32 } from './crc32.mjs';

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
export const ICONS = [
  ...[16, 32, 48].map((size) => ({ file: `icon-${size}.png`, size, padding: 0, state: 'active' })),
  { file: 'icon-128.png', size: 128, padding: 16, state: 'active' },
  ...['active', 'inactive', 'trouble'].flatMap((state) =>
    [16, 32].map((size) => ({ file: `toolbar-${state}-${size}.png`, size, padding: 0, state })),
  ),
];

export const PROMO = {
  file: join(root, 'store', 'promo-tile-440x280.png'),
  width: 440,
  height: 280,
  fonts: ['Liberation Sans', 'Liberation Mono'], // what promo-tile.html asks for first
};

// --- PNG encoding --------------------------------------------------------------------------

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Each row gets the filter whose output has the least sum of absolute values (the usual
 * heuristic), so the result depends on the pixels only.
 */
function filterRows(pixels, width, height, channels) {
  const stride = width * channels;
  const out = Buffer.alloc((stride + 1) * height);
  const zero = new Uint8Array(stride);
  const candidate = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : zero;
    let best = -1;
    let bestScore = Infinity;
    for (let type = 0; type <= 4; type += 1) {
      let score = 0;
      for (let i = 0; i < stride; i += 1) {
        const left = i >= channels ? row[i - channels] : 0;
        const up = above[i];
        const upLeft = i >= channels ? above[i - channels] : 0;
        const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][type];
        const value = (row[i] - predictor) & 0xff;
        candidate[i] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        best = type;
        out[y * (stride + 1)] = type;
        out.set(candidate, y * (stride + 1) + 1);
      }
    }
    if (best < 0) throw new Error('unreachable');
  }
  return out;
}

/** A PNG of 8-bit RGBA (channels 4) or RGB (channels 3) pixels, rows top to bottom. */
export function encodePng(pixels, width, height, channels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 4 ? 6 : 2; // colour type: RGBA or RGB
  // compression, filter method, interlace: all 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterRows(pixels, width, height, channels), { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Rendering ---------------------------------------------------------------------------

export async function launchChromium() {
  const executablePath = CHROMIUM.find((path) => existsSync(path));
  if (!executablePath) throw new Error(`Chromium not found (looked at ${CHROMIUM.join(', ')})`);
  return puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The drawing for one icon: the state's class on the root element, and for padding a view box
 * grown so that the drawing fills size - 2 * padding pixels in the middle.
 */
export function iconSvg(source, { size, padding, state }) {
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

/** RGBA pixels of an SVG drawn at width × height on a transparent canvas. */
async function rasterizeSvg(page, svg, width, height) {
  const data = await page.evaluate(
    async (text, w, h) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      try {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = new OffscreenCanvas(w, h);
        const context = canvas.getContext('2d', { colorSpace: 'srgb' });
        context.drawImage(image, 0, 0, w, h);
        return Array.from(context.getImageData(0, 0, w, h).data);
      } finally {
        URL.revokeObjectURL(url);
      }
    },
    svg,
    width,
    height,
  );
  return Uint8Array.from(data);
}

/** RGB pixels of a page's viewport (opaque: the tile has no transparency). */
async function screenshotRgb(page, width, height) {
  const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height }, encoding: 'base64' });
  const rgba = await page.evaluate(
    async (base64, w, h) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(w, h);
      const context = canvas.getContext('2d', { colorSpace: 'srgb' });
      context.drawImage(image, 0, 0);
      return Array.from(context.getImageData(0, 0, w, h).data);
    },
    png,
    width,
    height,
  );
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return rgb;
}

/** Every image as { path, bytes }, rendered by one browser. */
export async function renderAll() {
  const source = readFileSync(join(iconsDir, 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    const images = [];
    for (const icon of ICONS) {
      const pixels = await rasterizeSvg(page, iconSvg(source, icon), icon.size, icon.size);
      images.push({ path: join(iconsDir, icon.file), bytes: encodePng(pixels, icon.size, icon.size, 4) });
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
    const tile = await screenshotRgb(page, PROMO.width, PROMO.height);
    images.push({ path: PROMO.file, bytes: encodePng(tile, PROMO.width, PROMO.height, 3) });
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
