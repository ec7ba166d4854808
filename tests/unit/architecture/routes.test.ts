import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Route folders are leaves: what two routes share lives below them (state/, domain/, ui/), so a
 * route can be changed or dropped without reading another. Only the shell's route table
 * (features/shell/views.ts) names the routes' views.
 */
const root = resolve(import.meta.dirname, '../../..');
const features = join(root, 'src/features');
const ROUTE_TABLE = 'src/features/shell/views.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

/** Relative import specifiers of a module (static, dynamic and type-only). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
}

/** The route folder a path under src/features/ belongs to, or null outside every route folder. */
function routeOf(path: string): string | null {
  const rel = relative(features, path).split(sep);
  return rel.length > 1 && !rel[0].startsWith('..') ? rel[0] : null;
}

/** Every import that leaves one route folder for another, as "file → target". */
function crossRouteImports(): string[] {
  const found: string[] = [];
  for (const file of filesUnder(features)) {
    const from = routeOf(file);
    if (relative(root, file) === ROUTE_TABLE) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = routeOf(resolve(dirname(file), spec));
      if (to !== null && to !== from) found.push(`${relative(root, file)} → ${spec}`);
    }
  }
  return found;
}

describe('route folders', () => {
  it('import no other route folder', () => {
    expect(crossRouteImports()).toEqual([]);
  });

  it('the check sees an import across route folders', () => {
    expect(importsOf(`import { x } from '../spending/model';\nimport type { Y } from "../../ui/chart/spec";\nconst m = import('./lazy');`)).toEqual(['../spending/model', '../../ui/chart/spec', './lazy']);
    expect(routeOf(join(features, 'units/model.ts'))).toBe('units');
    expect(routeOf(resolve(features, 'units', '../spending/model'))).toBe('spending');
    expect(routeOf(join(root, 'src/state/url.ts'))).toBeNull();
  });
});
