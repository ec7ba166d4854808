/**
 * Every path that comes from data (the index's `years[].file` and classification paths, a report's
 * `source.file`) is resolved here, once, after percent-decoding, against the data root — by the
 * page before it fetches and by the CLI before it reads. A path that would leave the root is
 * refused, so the page and the CLI can never disagree about which file a path names.
 */

export type DataPathResult = { ok: true; path: string } | { ok: false; problem: string };

/**
 * Resolve `raw` against the data root: the normalised path inside the root ("units/a/2022.json"),
 * or why it is refused. Refused: empty paths, malformed percent-escapes, and — after decoding —
 * absolute paths, `//host`, URL schemes and drive letters (any `:`), backslashes, `..` segments,
 * empty segments, query and fragment marks, control characters, and a `%` that survives decoding
 * (`%252e%252e` would become `..` in a second decoder, e.g. the browser's URL parser).
 */
export function resolveDataPath(raw: string): DataPathResult {
  if (raw.trim() === '') return { ok: false, problem: 'the path is empty' };
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, problem: 'it has a malformed percent-escape' };
  }
  const shown = path === raw ? '' : ` (decoded: ${JSON.stringify(path)})`;
  const refuse = (why: string): DataPathResult => ({ ok: false, problem: `${why}${shown}` });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return refuse('it contains control characters');
  if (path.includes('%')) return refuse('it is still percent-encoded after decoding');
  if (path.includes('\\')) return refuse('it contains a backslash');
  if (path.startsWith('//')) return refuse('it names another host');
  if (path.startsWith('/')) return refuse('it is absolute');
  if (path.includes(':')) return refuse('it names a URL scheme or a drive');
  if (/[?#]/.test(path)) return refuse('it contains "?" or "#"');
  const segments = path.split('/');
  if (segments.includes('..')) return refuse('it leaves the data folder ("..")');
  if (segments.some((s) => s === '')) return refuse('it has an empty segment ("//" or a trailing "/")');
  const kept = segments.filter((s) => s !== '.');
  if (kept.length === 0) return refuse('it names the data folder itself');
  return { ok: true, path: kept.join('/') };
}

/** What a refused path was expected to be, for DataError.expected. */
export const DATA_PATH_EXPECTED = 'a relative path inside the data folder (data/)';

/** A resolved path as a URL path: each segment percent-encoded again, so nothing in it is special. */
export function toUrlPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
