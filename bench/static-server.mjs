/**
 * A small HTTPS server for the files of one folder (the core-against-core page), with the
 * same self-signed certificate as the fixture server (tests/support/server.mjs makes it).
 * Nothing is cached (`no-store`): every load is a load from nothing, as after an install.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // Served as application/wasm, as extension URLs are: streaming compilation works.
  '.wasm': 'application/wasm',
  // The inputs of the crate floor's first call.
  '.bin': 'application/octet-stream',
};

export async function startStaticServer({ dir, certFile, keyFile, host = '127.0.0.1' }) {
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    const { pathname } = new URL(req.url, 'https://placeholder');
    const file = normalize(join(dir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    const type = TYPES[extname(file)];
    if (req.method !== 'GET' || !file.startsWith(dir + sep) || !type || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found\n');
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    return res.end(readFileSync(file));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, host, ok);
  });
  const { port } = server.address();
  return {
    /** Chromium's host rules let `localhost` through to 127.0.0.1. */
    origin: `https://localhost:${port}`,
    close() {
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}
