#!/usr/bin/env node
/**
 * Serve dist/ on 127.0.0.1 with gzip, as a government web server would, optionally under a
 * sub-path. Usage: node scripts/serve.mjs [--port 4173] [--base /zfxxgk/czyjs/] [--dir dist]
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
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

if (!existsSync(resolve(dir, 'index.html'))) {
  console.error(`No build in ${dir}: run "npm run build" first.`);
  process.exit(1);
}

const gzip = compression();
const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });

const server = createServer((req, res) => {
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
