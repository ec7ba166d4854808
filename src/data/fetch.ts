/**
 * The page's reader: fetches data files over HTTP with a timeout, at most a few at a time (a
 * city's index may list thousands of files; browsers fail requests beyond their own limits), and
 * one retry on a network failure. Paths are confined to the data folder before anything is fetched.
 */
import type { DataError } from '../model/types';
import type { Reader } from './load';
import { MAX_JSON_CHARS, tooLargeError } from './json';
import { resolveDataPath, toUrlPath } from './paths';

/** How long one file may take before it is reported as too slow (a hung intranet proxy, say). */
const FETCH_TIMEOUT_MS = 15_000;
/** Requests in flight at once. */
const FETCH_CONCURRENCY = 6;

/**
 * The fetch timeout for this page: FETCH_TIMEOUT_MS, or `?timeout=<ms>` in the page URL (before
 * the hash; 500 to 120000). Lets the end-to-end tests check the "too slow" message without
 * waiting 15 s, and lets an intranet with a slow proxy wait longer. It only changes how long
 * the page waits, so exposing it is harmless.
 */
export function timeoutFromQuery(search = typeof location === 'undefined' ? '' : location.search): number {
  const v = Number(new URLSearchParams(search).get('timeout'));
  return Number.isFinite(v) && v >= 500 && v <= 120_000 ? Math.round(v) : FETCH_TIMEOUT_MS;
}

/** Run at most `limit` of the given tasks at once, in the order they were asked for. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= limit) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() =>
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          }),
      );
      next();
    });
}

export interface FetchReaderOptions {
  /** The data folder's URL, relative to the page ("./data/"), so the site works under any sub-path. */
  base?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  concurrency?: number;
  /** Retries after a network failure (not after an HTTP status or a timeout). */
  retries?: number;
  /** Text files longer than this are refused part-way (MAX_JSON_CHARS by default). */
  maxChars?: number;
  /** How messages name a path; "data/<path>" by default. */
  name?: (path: string) => string;
}

const fileError = (file: string, message: string, found?: string): { error: DataError } => ({
  error: { file, record: '', field: '', message, ...(found !== undefined ? { found } : {}) },
});

/** A Reader over HTTP (see the module comment). */
export function fetchReader(opts: FetchReaderOptions = {}): Reader {
  return httpReader(opts, (res, file) => cappedText(res, file, opts.maxChars ?? MAX_JSON_CHARS));
}

/**
 * The body as text, read as it streams in and abandoned once it passes `maxChars`: a wrong or
 * runaway file (tens of MB, compressed on the fly by the server) is refused in the time its first
 * part takes to arrive, instead of holding the page until the timeout.
 */
async function cappedText(res: Response, file: string, maxChars: number): Promise<{ text: string } | { error: DataError }> {
  const tooLarge = () => ({ error: tooLargeError(file, `more than ${(maxChars / 1e6).toFixed(1)} M characters`) });
  if (!res.body) {
    const text = await res.text();
    return text.length > maxChars ? tooLarge() : { text };
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    const part = done ? decoder.decode() : decoder.decode(value, { stream: true });
    parts.push(part);
    length += part.length;
    if (length > maxChars) {
      await reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    if (done) return { text: parts.join('') };
  }
}

/** The same reader for binary files (the compiled Arrow partitions): the bytes, or why there are none. */
export function fetchBytesReader(opts: FetchReaderOptions = {}): (path: string) => Promise<{ bytes: Uint8Array } | { error: DataError }> {
  return httpReader(opts, (res) => res.arrayBuffer().then((b) => ({ bytes: new Uint8Array(b) })));
}

function httpReader<T extends object>(
  {
  base = './data/',
  fetchImpl = fetch,
  timeoutMs = FETCH_TIMEOUT_MS,
  concurrency = FETCH_CONCURRENCY,
  retries = 1,
  name = (p) => `data/${p}`,
}: FetchReaderOptions,
  body: (res: Response, file: string) => Promise<T | { error: DataError }>,
): (path: string) => Promise<T | { error: DataError }> {
  const limit = limiter(concurrency);
  const root = () => new URL(base, typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
  const once = async (url: string, file: string): Promise<T | { error: DataError } | { network: string }> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      // Default caching, so the responses preloaded by index.html (vite.config.ts) are reused.
      const res = await fetchImpl(url, { signal: controller.signal });
      if (!res.ok) return fileError(file, `${file}：HTTP ${res.status} ${res.statusText || ''}`.trim(), String(res.status));
      return await body(res, file);
    } catch (e) {
      if (controller.signal.aborted) return fileError(file, `${file}：${timeoutMs / 1000} 秒内未能加载完成（响应过慢）`);
      return { network: e instanceof Error ? e.message : String(e) };
    } finally {
      clearTimeout(timer);
    }
  };
  return (path) =>
    limit(async () => {
      const file = name(path);
      const r = resolveDataPath(path);
      const dataRoot = root();
      const url = r.ok ? new URL(toUrlPath(r.path), dataRoot) : undefined;
      if (!r.ok || !url || url.origin !== dataRoot.origin || !url.pathname.startsWith(dataRoot.pathname))
        return fileError(file, `${file}：路径不在数据目录内，未加载（${r.ok ? 'it leaves the data folder' : r.problem}）`);
      let last = '';
      for (let attempt = 0; attempt <= retries; attempt++) {
        const got = await once(url.href, file);
        if (!('network' in got)) return got;
        last = got.network ?? '';
      }
      return fileError(file, `${file}：无法加载（${last}）`);
    });
}
