// HTTPS server for the Salesforce-shaped fixture pages.
//
//   const server = await startServer();            // port 0: any free port
//   server.recordUrl({ shadow: 'native', csp: 'strict' })
//     -> https://acme.lightning.force.com:PORT/lightning/r/Contact/003000000000001AAA/view?shadow=native&csp=strict
//   server.requests                                // [{ method, host, path, url }], every request
//   await server.close();
//
// It answers for any Host header: browsers reach it as https://acme.lightning.force.com:PORT
// through a resolver override (Chromium: --host-resolver-rules="MAP *.lightning.force.com
// 127.0.0.1"). The certificate is self-signed (generated once into build/cert/ with the
// openssl CLI): Chromium trusts its key (certificateSpki()), Firefox starts with acceptInsecureCerts.
//
// `node tests/support/server.mjs [--port N]` builds the fixtures if needed and prints URLs.

import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const BUILD = join(ROOT, 'build');
const CERT_DIR = join(BUILD, 'cert');

export const DEFAULT_HOST = 'acme.lightning.force.com';
export const RECORD_IDS = ['003000000000001AAA', '003000000000002AAA'];
export const SHADOW_MODES = ['synthetic', 'native'];

/** Lightning Experience's script-src as publicly reported, plus our guesses for the rest. */
export const CSP = {
  lightning: [
    "script-src 'self' 'nonce-abc' chrome-extension: 'unsafe-inline' 'unsafe-eval' *.vf.force.com blob: https://ssl.gstatic.com/accessibility/ https://static.lightning.force.com",
    "object-src 'none'",
    "base-uri 'self'",
    "style-src 'self' 'unsafe-inline' blob: https:",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data: https:",
    "media-src 'self' blob: https:",
    "frame-src 'self' https:",
    "connect-src 'self' https://*.force.com https://*.salesforce.com wss://*.force.com",
    "frame-ancestors 'self'",
  ].join('; '),
  strict: "script-src 'self'; object-src 'none'; base-uri 'self'",
};

const RECORD_PATH = /^\/lightning\/r\/Contact\/(\w{15,18})\/view$/;

/**
 * Path and query of a record page. `datatable: 'inline'` renders the datatable's fast path
 * (`<a data-inline-type="formatted-phone">`) instead of lightning-formatted-phone cells.
 */
export function recordPath({ shadow = 'synthetic', csp = 'lightning', recordId = RECORD_IDS[0], datatable } = {}) {
  const extra = datatable ? `&datatable=${datatable}` : '';
  return `/lightning/r/Contact/${recordId}/view?shadow=${shadow}&csp=${csp}${extra}`;
}

/**
 * The test certificate, generated on first use. Made in a folder of its own, then renamed into
 * place: two test processes starting at once (make test's two lanes) never read a half-written
 * one.
 */
function ensureCert() {
  const key = join(CERT_DIR, 'key.pem');
  const cert = join(CERT_DIR, 'cert.pem');
  if (existsSync(key) && existsSync(cert)) return { key, cert };
  mkdirSync(BUILD, { recursive: true });
  const made = mkdtempSync(join(BUILD, 'cert-'));
  const san = [
    'DNS:*.lightning.force.com',
    'DNS:*.my.salesforce.com',
    'DNS:*.vf.force.com',
    'DNS:*.force.com',
    'DNS:*.salesforce.com',
    'DNS:localhost',
    'IP:127.0.0.1',
  ].join(',');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650',
        '-subj', '/CN=acme.lightning.force.com', '-addext', `subjectAltName=${san}`,
        '-keyout', join(made, 'key.pem'), '-out', join(made, 'cert.pem')],
      { stdio: 'pipe' },
    );
  } catch (err) {
    rmSync(made, { recursive: true, force: true });
    throw new Error(`cannot generate the test certificate with the openssl CLI: ${err.message}`, { cause: err });
  }
  try {
    renameSync(made, CERT_DIR);
  } catch {
    rmSync(made, { recursive: true, force: true }); // the other process's is in place
  }
  return { key, cert };
}

/**
 * The SHA-256 of the test certificate's public key, base64: Chromium started with
 * `--ignore-certificate-errors-spki-list=<it>` trusts this certificate and no other. A page it
 * trusts is cached as on a real Salesforce host, where one with a certificate error is not.
 */
export function certificateSpki() {
  const { cert } = ensureCert();
  const key = new X509Certificate(readFileSync(cert)).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(key).digest('base64');
}

function pageHtml(shadow, recordId) {
  const title = recordId === RECORD_IDS[1] ? 'Max Mustermann' : 'Jordan Smith';
  return readFileSync(join(FIXTURES, 'page', 'record.html'), 'utf8')
    .replaceAll('{{SHADOW}}', shadow)
    .replaceAll('{{TITLE}}', title);
}

/**
 * The other Salesforce surfaces (tests/e2e/surfaces.test.mjs), each served at any host as the
 * HTML page, one stylesheet and one script:
 *   Lightning (`?shadow=synthetic|native&csp=lightning|strict`, the LWC bundle):
 *     /lightning/o/Contact/list[?datatable=inline&key=Slot]   list view (lightning-datatable)
 *     /lightning/r/Account/001000000000001AAA/view           Open CTI, inline edit, composer,
 *                                                            Aura grid, late shadow roots
 *     /lightning/app/console                                 Service Console tabs and subtabs
 *   Server-rendered (`?csp=…`), meant for these hosts:
 *     /003000000000001   Classic detail page        (acme.my.salesforce.com)
 *     /003?fcf=…         Classic enhanced list view (acme.my.salesforce.com)
 *     /apex/CallSheet    Visualforce page           (acme--c.vf.force.com), strict CSP
 *     /s/contact/…       Experience Cloud page      (acme.my.site.com), strict CSP
 *     /lightning/setup/CompanyProfileInfo/home       (acme.my.salesforce-setup.com), strict CSP
 */
const LIGHTNING_SURFACES = [
  [/^\/lightning\/o\/Contact\/list$/, 'Contacts'],
  [/^\/lightning\/r\/Account\/\w{15,18}\/view$/, 'Acme Corporation'],
  [/^\/lightning\/app\/console$/, 'Service Console'],
];
const SIMPLE_SURFACES = [
  [/^\/apex\/CallSheet$/, 'visualforce', 'Call Sheet'],
  [/^\/s\/contact\/\w{15,18}(\/[\w-]+)?$/, 'experience-cloud', 'Jordan Smith'],
  [/^\/lightning\/setup\/CompanyProfileInfo\/home$/, 'setup', 'Company Information'],
];
const STATIC_ASSETS = {
  '/fixtures/classic.css': { file: 'classic.css', type: 'text/css; charset=utf-8' },
  '/fixtures/simple.css': { file: 'simple.css', type: 'text/css; charset=utf-8' },
  '/fixtures/static.js': { file: 'static.js', type: 'text/javascript; charset=utf-8' },
};

/** `{ html(), shadow, csp }` for a surface page's URL, or null. */
function surfacePage(url) {
  const param = (name) => url.searchParams.get(name) ?? undefined;
  const fixturePage = (file) => () => readFileSync(join(FIXTURES, 'page', file), 'utf8');
  for (const [path, title] of LIGHTNING_SURFACES) {
    if (!path.test(url.pathname)) continue;
    const shadow = param('shadow') ?? 'synthetic';
    const html = () =>
      readFileSync(join(FIXTURES, 'page', 'record.html'), 'utf8').replaceAll('{{SHADOW}}', shadow).replaceAll('{{TITLE}}', title);
    return { html, shadow, csp: param('csp') ?? 'lightning' };
  }
  if (/^\/003\w{12}$/.test(url.pathname)) return { html: fixturePage('classic-detail.html'), csp: param('csp') ?? 'lightning' };
  if (url.pathname === '/003') return { html: fixturePage('classic-list.html'), csp: param('csp') ?? 'lightning' };
  for (const [path, kind, title] of SIMPLE_SURFACES) {
    if (!path.test(url.pathname)) continue;
    const html = () => fixturePage('simple.html')().replaceAll('{{KIND}}', kind).replaceAll('{{TITLE}}', title);
    return { html, csp: param('csp') ?? 'strict' };
  }
  return null;
}

/**
 * @param {{port?: number, host?: string, build?: boolean}} [options]
 *   port: 0 picks a free one; host: listen address; build: build the bundles first if stale.
 */
export async function startServer({ port = 0, host = '127.0.0.1', build = true } = {}) {
  if (build) {
    const { buildFixtures } = await import('../fixtures/build.mjs');
    await buildFixtures();
  }
  const { key, cert } = ensureCert();
  const requests = [];

  const send = (res, status, type, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const url = new URL(req.url, 'https://placeholder');
    requests.push({ method: req.method, host: req.headers.host, path: url.pathname, url: req.url });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain', 'method not allowed\n');
    }

    if (url.pathname === '/') {
      res.writeHead(302, { Location: recordPath() });
      return res.end();
    }

    const record = RECORD_PATH.exec(url.pathname);
    if (record) {
      const shadow = url.searchParams.get('shadow') ?? 'synthetic';
      const csp = url.searchParams.get('csp') ?? 'lightning';
      if (!SHADOW_MODES.includes(shadow) || !CSP[csp]) {
        return send(res, 400, 'text/plain', 'shadow must be synthetic|native, csp lightning|strict\n');
      }
      return send(res, 200, 'text/html; charset=utf-8', pageHtml(shadow, record[1]), {
        'Content-Security-Policy': CSP[csp],
        'X-Content-Type-Options': 'nosniff',
      });
    }

    const surface = surfacePage(url);
    if (surface) {
      const { shadow = 'synthetic', csp } = surface;
      if (!SHADOW_MODES.includes(shadow) || !CSP[csp]) {
        return send(res, 400, 'text/plain', 'shadow must be synthetic|native, csp lightning|strict\n');
      }
      return send(res, 200, 'text/html; charset=utf-8', surface.html(), {
        'Content-Security-Policy': CSP[csp],
        'X-Content-Type-Options': 'nosniff',
      });
    }
    const asset = STATIC_ASSETS[url.pathname];
    if (asset) return send(res, 200, asset.type, readFileSync(join(FIXTURES, 'page', asset.file)));

    const bundle = /^\/fixtures\/(synthetic|native)\/app\.js$/.exec(url.pathname);
    if (bundle) {
      const file = join(BUILD, 'fixtures', bundle[1], 'app.js');
      if (!existsSync(file)) return send(res, 404, 'text/plain', 'not built: node tests/fixtures/build.mjs\n');
      // As Salesforce serves its scripts: cacheable. Asked again on every load (the request log
      // lists each), answered 304 while unchanged, so the browser keeps the script's compiled
      // code from one load to the next, as an agent's browser does.
      // The build writes a new file in its place, so its size and time tell its version
      // without reading 6 MB on every request.
      const { size, mtimeMs } = statSync(file);
      const etag = `"${size}-${mtimeMs}"`;
      const cached = { 'Cache-Control': 'no-cache', ETag: etag };
      if (req.headers['if-none-match'] === etag) return send(res, 304, 'text/javascript; charset=utf-8', undefined, cached);
      return send(res, 200, 'text/javascript; charset=utf-8', readFileSync(file), cached);
    }
    if (url.pathname === '/fixtures/page.css') {
      return send(res, 200, 'text/css; charset=utf-8', readFileSync(join(FIXTURES, 'page', 'page.css')));
    }
    return send(res, 404, 'text/plain', 'not found\n');
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actualPort = server.address().port;

  return {
    port: actualPort,
    requests,
    certFile: cert,
    /** `https://HOST:PORT`; HOST defaults to acme.lightning.force.com. */
    origin(h = DEFAULT_HOST) {
      return `https://${h}:${actualPort}`;
    },
    /** Full URL of a record page: options shadow, csp, recordId, host. */
    recordUrl({ host: h = DEFAULT_HOST, ...rest } = {}) {
      return `https://${h}:${actualPort}${recordPath(rest)}`;
    },
    close() {
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8443;
  const server = await startServer({ port });
  console.log(`fixture server on port ${server.port} (self-signed: ${server.certFile})`);
  for (const shadow of SHADOW_MODES) {
    for (const csp of Object.keys(CSP)) console.log(`  ${server.recordUrl({ shadow, csp })}`);
  }
  console.log(`Map the host to 127.0.0.1, e.g. chromium --ignore-certificate-errors \\
  --host-resolver-rules="MAP *.lightning.force.com 127.0.0.1" '${server.recordUrl()}'`);
}
