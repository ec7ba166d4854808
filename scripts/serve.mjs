#!/usr/bin/env node
/**
 * Serve dist/ on 127.0.0.1 with gzip and the security headers of docs/deployment.md, as a
 * government web server would, optionally under a sub-path.
 *
 *   node scripts/serve.mjs [--port 4173] [--base /zfxxgk/czyjs/] [--dir dist]
 *                          [--frame-ancestors "'self' https://www.example.gov.cn"]
 *
 * The Content-Security-Policy header is the policy of the built index.html's meta tag (one
 * source of truth) plus `frame-ancestors`, which only a header can carry: which sites may
 * frame the dashboard ('self' by default; name the government site's origin to embed charts).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import compression from 'compression';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dir = resolve(opt('dir', 'dist'));
const port = Number(opt('port', process.env.PORT ?? 4173));
const base = `/${opt('base', '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const frameAncestors = opt('frame-ancestors', "'self'");

if (!existsSync(resolve(dir, 'index.html'))) {
  console.error(`No build in ${dir}: run "npm run build" first.`);
  process.exit(1);
}
if (!/^[\w\s'.:/*-]+$/.test(frameAncestors)) {
  console.error(`--frame-ancestors: expected CSP source expressions such as "'self' https://www.example.gov.cn", found ${JSON.stringify(frameAncestors)}`);
  process.exit(1);
}

/** The meta tag's policy, read from the build, so the header can never say something else. */
function metaPolicy(html) {
  const m = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!m) throw new Error(`${dir}/index.html has no Content-Security-Policy meta tag`);
  return m[1].replace(/&#39;|&apos;/g, "'");
}
const policy = `${metaPolicy(readFileSync(resolve(dir, 'index.html'), 'utf8'))}; frame-ancestors ${frameAncestors}`;
const SECURITY_HEADERS = {
  'Content-Security-Policy': policy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// The compiled data partitions are Arrow IPC streams: name their type (sirv does not know it) and
// compress them like JSON (columnar numbers compress well).
const ARROW = 'application/vnd.apache.arrow.stream';
const gzip = compression({ filter: (req, res) => String(res.getHeader('Content-Type') ?? '').startsWith(ARROW) || compression.filter(req, res) });
const files = sirv(dir, {
  dev: false,
  etag: true,
  extensions: ['html'],
  setHeaders: (res, pathname) => {
    res.setHeader('Cache-Control', cacheControl(pathname));
    if (pathname.endsWith('.arrow')) res.setHeader('Content-Type', ARROW);
  },
});

/**
 * Vite's hashed output (`assets/Chart-CnM-csqz.js`: name, dash, 8-character content hash) never
 * changes under its name, so browsers keep it for a year; everything else (the prerendered pages,
 * among them the #/assets route's own `assets/index.html`, and the data files) is revalidated on
 * every use so that a new build or new data shows at once. docs/deployment.md gives nginx the same
 * rule (a test checks both against the same paths).
 */
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2?|png|svg)$/;
const cacheControl = (pathname) => (HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');

const server = createServer((req, res) => {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  // A static site: reading is all it serves. Other methods (POST, PUT, TRACE…) are refused rather
  // than answered with the page as if they had succeeded.
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  const url = req.url ?? '/';
  if (!url.startsWith(base)) {
    if (url === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  req.url = `/${url.slice(base.length)}`;
  gzip(req, res, () =>
    files(req, res, () => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')),
  );
});

server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`Dashboard served at http://127.0.0.1:${actual}${base}`);
});
