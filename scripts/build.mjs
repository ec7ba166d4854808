#!/usr/bin/env node
/**
 * `npm run build [-- --data <dir>] [vite build options]`: vite build on data/ or on another data
 * folder (e.g. a synthetic one from `npm run synthetic`), then the prerender (scripts/prerender.ts)
 * into the same folder. `--data` becomes DATA_DIR, which vite.config.ts reads; vite's own CLI
 * would take the folder for its project root.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// The config imports the data compiler as TypeScript without file extensions, which Vite 8's
// bundling config loader handles; its notice about a future native loader (one line per import,
// ~200 lines) would bury the build's own output.
const env = { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...process.env };
const rest = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') env.DATA_DIR = resolve(process.cwd(), args[++i] ?? '');
  else if (args[i].startsWith('--data=')) env.DATA_DIR = resolve(process.cwd(), args[i].slice(7));
  else rest.push(args[i]);
}
// --manifest: the prerender reads which stylesheets each route's chunks need (and then deletes it).
const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--manifest', ...rest], { stdio: 'inherit', env, cwd: root });
if (r.status !== 0) process.exit(r.status ?? 1);
// Then every route's default view into its HTML (scripts/prerender.ts), into the same folder.
const outAt = rest.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
const outDir = outAt < 0 ? 'dist' : rest[outAt].includes('=') ? rest[outAt].slice(9) : rest[outAt + 1];
const p = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/prerender.ts'), '--outDir', resolve(root, outDir)], { stdio: 'inherit', env, cwd: root });
process.exit(p.status ?? 1);
