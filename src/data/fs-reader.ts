/**
 * The CLI's reader (Node only; the page never imports it): reads files under the data root and
 * nothing else. The path is confined by the same function as the page's (paths.ts), and the real
 * path is checked again so a symbolic link cannot lead out of the root either.
 */
import { readFile, realpath } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Reader } from './load';
import { resolveDataPath } from './paths';

/** A Reader confined to `root`; `name` says how messages name a path. */
export function fsReader(root: string, name: (path: string) => string): Reader {
  let realRoot: string | undefined;
  const inside = (p: string) => {
    const rel = relative(realRoot ?? root, p);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  return async (path) => {
    const file = name(path);
    const error = (found: string, why = found) => ({
      error: { file, record: '', field: '', expected: 'a readable file inside the data folder', found, message: `${file}: cannot read the file (${why})` },
    });
    const r = resolveDataPath(path);
    if (!r.ok) return error(r.problem);
    try {
      realRoot ??= realpathSync(root);
      const real = await realpath(resolve(root, r.path));
      if (!inside(real)) return error('it leads outside the data folder');
      return { text: await readFile(real, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return error(code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'a folder, not a file' : String((e as Error).message));
    }
  };
}
