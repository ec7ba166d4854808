/**
 * Where a chunk's bytes come from: attribute every generated character of a built JS file to the
 * source its sourcemap points at, grouped by package (node_modules/<pkg>) or src/ folder. Needs the
 * build made with `--sourcemap hidden` (same JS bytes, .map files beside them, never served).
 */
import { existsSync, readFileSync } from 'node:fs';

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decode one line of sourcemap "mappings" into [generatedColumn, sourceIndex] pairs (state carried in `st`). */
function decodeLine(line, st) {
  const out = [];
  let col = 0;
  for (const seg of line.split(',')) {
    if (!seg) continue;
    const vals = [];
    let v = 0;
    let shift = 0;
    for (const ch of seg) {
      const d = B64[ch];
      v += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        vals.push(v & 1 ? -(v >>> 1) : v >>> 1);
        v = 0;
        shift = 0;
      }
    }
    col += vals[0];
    if (vals.length >= 4) {
      st.src += vals[1];
      out.push([col, st.src]);
    } else out.push([col, -1]);
  }
  return out;
}

/** Group label of a source path: npm package, or the src/ folder it lives in. */
export function groupOf(source) {
  const s = source.replace(/\\/g, '/');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = s.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    if (pkg === 'echarts' || pkg === 'zrender') return `${pkg}/${parts[1] === 'lib' ? parts[2] : parts[1]}`.replace(/\.js$/, '');
    return pkg;
  }
  const src = s.indexOf('src/');
  if (src >= 0) {
    const rest = s.slice(src).split('/');
    return rest.length > 3 ? rest.slice(0, 3).join('/') : rest.slice(0, -1).join('/') || s.slice(src);
  }
  return s.split('/').slice(-2).join('/');
}

/**
 * Bytes per group in one built JS file. Returns null when the file has no .map.
 * Unmapped code (the bundler's own glue) is counted as "(unmapped)".
 */
export function composition(jsPath) {
  const mapPath = `${jsPath}.map`;
  if (!existsSync(mapPath)) return null;
  const code = readFileSync(jsPath, 'utf8');
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const lines = code.split('\n');
  const mlines = map.mappings.split(';');
  const st = { src: 0 };
  const chars = new Map();
  const add = (k, n) => chars.set(k, (chars.get(k) ?? 0) + n);
  lines.forEach((line, i) => {
    const segs = decodeLine(mlines[i] ?? '', st);
    if (!segs.length) return add('(unmapped)', line.length);
    if (segs[0][0] > 0) add('(unmapped)', segs[0][0]);
    segs.forEach(([col, src], j) => {
      const end = j + 1 < segs.length ? segs[j + 1][0] : line.length;
      add(src >= 0 ? groupOf(map.sources[src] ?? '?') : '(unmapped)', end - col);
    });
  });
  // chars → bytes (Chinese strings are 3 bytes in UTF-8): scale by the file's byte/char ratio.
  const scale = Buffer.byteLength(code) / Math.max(1, code.length);
  return Object.fromEntries([...chars].map(([k, n]) => [k, Math.round(n * scale)]).sort((a, b) => b[1] - a[1]));
}

/** Merge per-file compositions into one, largest groups first; small groups fold into "other". */
export function mergeCompositions(list, { top = 14, coarse = false } = {}) {
  const total = new Map();
  for (const c of list) for (const [k, v] of Object.entries(c ?? {})) {
    const key = coarse ? k.split('/')[0] + (k.startsWith('src/') ? `/${k.split('/')[1] ?? ''}` : '') : k;
    total.set(key, (total.get(key) ?? 0) + v);
  }
  const sorted = [...total].sort((a, b) => b[1] - a[1]);
  const head = sorted.slice(0, top);
  const rest = sorted.slice(top).reduce((s, [, v]) => s + v, 0);
  if (rest) head.push(['other', rest]);
  return Object.fromEntries(head);
}
