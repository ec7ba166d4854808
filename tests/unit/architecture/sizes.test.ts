import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionSizes, instanceScript, linesOfCode, scriptsInPlace } from './sizes';

/**
 * No function longer than a screen, no route component that computes: every function in src/
 * (TypeScript and Svelte scripts) is at most 120 lines, and the `<script>` of every route
 * component at most 50 lines of code — what it shows is computed in the route's model, which
 * Node tests read.
 */
const root = resolve(import.meta.dirname, '../../..');
const MAX_FUNCTION_LINES = 120;
const MAX_ROUTE_SCRIPT_LINES = 50;
/** The route table names every route's view; the embed page's entry mounts its own. */
const ROUTE_ENTRIES = ['src/features/shell/views.ts', 'src/features/spending/embed/main.ts'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

/** Every function over the limit in one source file, as "path:line name (n lines)". */
function longFunctions(path: string, text: string, limit = MAX_FUNCTION_LINES): string[] {
  const code = path.endsWith('.svelte') ? scriptsInPlace(text) : text;
  return functionSizes(code, path.endsWith('.svelte') ? 'component.ts' : path)
    .filter((f) => f.lines > limit)
    .map((f) => `${path}:${f.line} ${f.name} (${f.lines} lines)`);
}

/** The Svelte components the route entries import, relative to the repository. */
function routeComponents(): string[] {
  return ROUTE_ENTRIES.flatMap((entry) =>
    [...readFileSync(join(root, entry), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+\.svelte)['"]/g)].map((m) => relative(root, resolve(root, dirname(entry), m[1]))),
  );
}

describe('code shape', () => {
  it(`no function in src/ is longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const found = filesUnder(join(root, 'src')).flatMap((p) => longFunctions(relative(root, p), readFileSync(p, 'utf8')));
    expect(found).toEqual([]);
  });

  it(`no route component's <script> has more than ${MAX_ROUTE_SCRIPT_LINES} lines of code`, () => {
    const routes = routeComponents();
    // Every route's view and the embed page: an entry the pattern stopped reading would pass unseen.
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes).toContain('src/features/spending/Spending.svelte');
    expect(routes).toContain('src/features/spending/embed/Embed.svelte');
    const over = routes
      .map((p) => ({ p, n: linesOfCode(instanceScript(readFileSync(join(root, p), 'utf8'))) }))
      .filter((x) => x.n > MAX_ROUTE_SCRIPT_LINES)
      .map((x) => `${x.p}: ${x.n} lines of code`);
    expect(over).toEqual([]);
  });
});

describe('the size checks', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const x${i} = ${i};`).join('\n');

  it('see a function one line over the limit, and none at the limit', () => {
    // Braces included: a body of 118 lines makes a 120-line function.
    const atLimit = `export function fits() {\n${body(MAX_FUNCTION_LINES - 2)}\n}\n`;
    const over = `/** Doc lines are not counted. */\nexport function tooLong() {\n${body(MAX_FUNCTION_LINES - 1)}\n}\n`;
    expect(functionSizes(atLimit)).toEqual([{ name: 'fits', line: 1, lines: MAX_FUNCTION_LINES }]);
    expect(longFunctions('src/x.ts', atLimit)).toEqual([]);
    expect(longFunctions('src/x.ts', over)).toEqual([`src/x.ts:2 tooLong (${MAX_FUNCTION_LINES + 1} lines)`]);
  });

  it('name arrows, methods and nested functions, and see them in a Svelte script at the component’s lines', () => {
    const code = 'const a = () => {\n  return 1;\n};\nclass K {\n  m() {\n    function inner() {}\n  }\n}\nexport default { p: function () {} };\n[1].map((x) => x);';
    expect(functionSizes(code).map((f) => [f.name, f.line, f.lines])).toEqual([
      ['a', 1, 3],
      ['K › m', 5, 3],
      ['K › m › inner', 6, 1],
      ['p', 9, 1],
      ['(anonymous)', 10, 1],
    ]);
    const svelte = `<!-- note -->\n<script lang="ts">\n  function f() {\n${body(MAX_FUNCTION_LINES)}\n  }\n</script>\n\n<p>{f()}</p>\n`;
    expect(longFunctions('src/C.svelte', svelte)).toEqual([`src/C.svelte:3 f (${MAX_FUNCTION_LINES + 2} lines)`]);
  });

  it('count lines of code, not blank lines or comments, in the instance script only', () => {
    const svelte = [
      '<script module lang="ts">',
      '  export const shared = 1;',
      '</script>',
      '<script lang="ts">',
      '  // a comment',
      '  /** a doc',
      '      comment */',
      '',
      '  const a = `one',
      '  two ${1 + 1} }',
      '  three`; /* trailing */',
      '  const b = { c: 1 }; // after code',
      '</script>',
      '<p>{a}{b}</p>',
    ].join('\n');
    expect(linesOfCode(instanceScript(svelte))).toBe(4);
    expect(linesOfCode(body(MAX_ROUTE_SCRIPT_LINES + 1))).toBe(MAX_ROUTE_SCRIPT_LINES + 1);
  });
});
