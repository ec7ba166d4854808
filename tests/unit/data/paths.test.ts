/** One path guard for page and CLI (paths.ts), and the page's reader built on it (fetch.ts). */
import { describe, expect, it, vi } from 'vitest';
import { resolveDataPath, toUrlPath } from '../../../src/data/paths';
import { fetchReader, limiter, timeoutFromQuery } from '../../../src/data/fetch';

describe('resolveDataPath', () => {
  it('keeps ordinary paths, normalising "." segments and decoding escapes', () => {
    expect(resolveDataPath('units/a/2022.json')).toEqual({ ok: true, path: 'units/a/2022.json' });
    expect(resolveDataPath('./units/./a/2022.json')).toEqual({ ok: true, path: 'units/a/2022.json' });
    expect(resolveDataPath('sources/%E6%8A%A5%E5%91%8A.txt')).toEqual({ ok: true, path: 'sources/报告.txt' });
  });

  it.each([
    ['', 'the path is empty'],
    ['..', 'it leaves the data folder'],
    ['../index.json', 'it leaves the data folder'],
    ['units/../../x.json', 'it leaves the data folder'],
    ['%2e%2e/x.json', 'it leaves the data folder ("..") (decoded: "../x.json")'],
    ['%2E%2E%2Fx.json', 'it leaves the data folder ("..") (decoded: "../x.json")'],
    ['.%2e/x.json', 'it leaves the data folder'],
    ['%252e%252e/x.json', 'still percent-encoded after decoding'],
    ['/etc/passwd', 'it is absolute'],
    ['%2Fetc/passwd', 'it is absolute'],
    ['//evil.example/x.json', 'it names another host'],
    ['https://evil.example/x.json', 'it names a URL scheme or a drive'],
    ['javascript:alert(1)', 'it names a URL scheme or a drive'],
    ['C:/x.json', 'it names a URL scheme or a drive'],
    ['units\\..\\x.json', 'it contains a backslash'],
    ['units%5C..%5Cx.json', 'it contains a backslash'],
    ['units//x.json', 'it has an empty segment'],
    ['units/x.json?x=1', 'it contains "?" or "#"'],
    ['units/%00x.json', 'it contains control characters'],
    ['units/%zz.json', 'it has a malformed percent-escape'],
    ['.', 'it names the data folder itself'],
  ])('refuses %j', (raw, why) => {
    const r = resolveDataPath(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(why);
  });

  it('re-encodes each segment for a URL', () => {
    expect(toUrlPath('sources/报告 1.txt')).toBe('sources/%E6%8A%A5%E5%91%8A%201.txt');
  });
});

describe('fetchReader', () => {
  const ok = (text: string) => new Response(text, { status: 200 });

  it('fetches inside the data folder only; refused paths are never fetched', async () => {
    const fetchImpl = vi.fn(async () => ok('{}'));
    const read = fetchReader({ base: 'https://site.example/app/data/', fetchImpl: fetchImpl as unknown as typeof fetch });
    expect(await read('units/a/2022.json')).toEqual({ text: '{}' });
    expect(fetchImpl).toHaveBeenCalledWith('https://site.example/app/data/units/a/2022.json', expect.anything());
    for (const bad of ['%2e%2e/secret.json', '//evil.example/x.json', '../x.json', 'https://evil.example/x']) {
      const r = await read(bad);
      expect('error' in r && r.error.message, bad).toMatch(/^data\/.*：路径不在数据目录内，未加载（/);
    }
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('reports HTTP errors and timeouts in the page style', async () => {
    const read404 = fetchReader({ base: 'https://s.example/data/', fetchImpl: (async () => new Response('', { status: 404, statusText: 'Not Found' })) as typeof fetch });
    expect(await read404('units/a.json')).toMatchObject({ error: { file: 'data/units/a.json', message: 'data/units/a.json：HTTP 404 Not Found', found: '404' } });
    const hang: typeof fetch = (_u, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const slow = fetchReader({ base: 'https://s.example/data/', fetchImpl: hang, timeoutMs: 20 });
    expect(await slow('units/a.json')).toMatchObject({ error: { message: 'data/units/a.json：0.02 秒内未能加载完成（响应过慢）' } });
  });

  it('stops reading a text file once it passes the size limit, and reads one exactly at it whole', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode('数据'.repeat(5)); // 10 characters, 30 bytes
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            pulled++;
            c.enqueue(chunk);
          },
        }),
      );
    const capped = fetchReader({ base: 'https://s.example/data/', fetchImpl: (async () => endless()) as typeof fetch, maxChars: 25 });
    const r = await capped('units/a/2021.json');
    expect(r).toMatchObject({ error: { file: 'data/units/a/2021.json', found: 'more than 0.0 M characters' } });
    expect('error' in r && r.error.message).toMatch(/^data\/units\/a\/2021\.json: the file is too large \(/);
    expect(pulled).toBeLessThan(6); // abandoned after the third chunk, not read to the end
    // Exactly at the limit: read whole. A character split across chunks is decoded once.
    const bytes = new TextEncoder().encode('数'.repeat(25));
    const split = new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, 4));
          c.enqueue(bytes.slice(4));
          c.close();
        },
      }),
    );
    const at = fetchReader({ base: 'https://s.example/data/', fetchImpl: (async () => split) as typeof fetch, maxChars: 25 });
    expect(await at('a.json')).toEqual({ text: '数'.repeat(25) });
  });

  it('retries once after a network failure, then reports it', async () => {
    let calls = 0;
    const flaky: typeof fetch = async () => {
      if (calls++ === 0) throw new TypeError('Failed to fetch');
      return ok('x');
    };
    expect(await fetchReader({ base: 'https://s.example/data/', fetchImpl: flaky })('a.json')).toEqual({ text: 'x' });
    expect(calls).toBe(2);
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const r = await fetchReader({ base: 'https://s.example/data/', fetchImpl: down as unknown as typeof fetch })('a.json');
    expect(r).toMatchObject({ error: { message: 'data/a.json：无法加载（Failed to fetch）' } });
    expect(down).toHaveBeenCalledTimes(2);
  });

  it('has at most 6 requests in flight, whatever the number of files (5,000 units)', async () => {
    let active = 0;
    let peak = 0;
    const fetchImpl: typeof fetch = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
      return ok('{}');
    };
    const read = fetchReader({ base: 'https://s.example/data/', fetchImpl });
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => read(`units/u${i}/2022.json`)));
    expect(results.every((r) => 'text' in r)).toBe(true);
    expect(peak).toBe(6);
  });

  it('limiter runs tasks in order and survives a failing task', async () => {
    const limit = limiter(2);
    const order: number[] = [];
    const tasks = [1, 2, 3, 4].map((n) => limit(async () => {
      order.push(n);
      if (n === 2) throw new Error('boom');
      return n;
    }));
    const settled = await Promise.allSettled(tasks);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });

  it('takes the timeout from ?timeout= within bounds', () => {
    expect(timeoutFromQuery('?timeout=2000')).toBe(2000);
    expect(timeoutFromQuery('?timeout=10')).toBe(15000);
    expect(timeoutFromQuery('?timeout=abc')).toBe(15000);
  });
});
