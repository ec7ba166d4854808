/**
 * One unit's pages of the prerender, in a worker thread that scripts/prerender.ts starts per unit.
 * A worker has its own module instances, so the server entry imported here holds this unit's data
 * alone (what its page loads before hydrating), and its memory is freed when the worker ends: the
 * units are rendered a few at a time instead of one process holding an instance per unit.
 *
 * workerData: { entryUrl, unit, sites (the site root relative to each route's page), dataDir }; posts back [{ route, page }] for every route.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { entryUrl, unit, sites, dataDir } = workerData;

// The page's reader fetches ./data/… against http://localhost/ on the server: answer from the
// built data folder, and nothing outside it.
globalThis.fetch = async (input) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const file = resolve(dataDir, decodeURIComponent(url.pathname.replace(/^\/data\//, '')));
  if (!file.startsWith(dataDir + sep) || !existsSync(file)) return new Response('not found', { status: 404, statusText: 'Not Found' });
  return new Response(readFileSync(file));
};

const entry = await import(entryUrl);
await entry.prepare(unit);
const pages = [];
for (const route of entry.ROUTES) pages.push({ route, page: await entry.renderRoute(route, route ? '../' : './', unit, sites[route]) });
parentPort.postMessage(pages);
