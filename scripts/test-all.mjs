/**
 * `npm test`: the unit suite, then the end-to-end suite, each run whatever the other did, so that one
 * failing unit test never hides the state of the page's tests. Prints each suite's outcome at the end
 * and exits 1 when either failed.
 */
import { spawnSync } from 'node:child_process';

const suites = [
  ['unit', ['run', 'test:unit']],
  ['e2e', ['run', 'test:e2e']],
];

const results = suites.map(([name, args]) => {
  process.stdout.write(`\n=== npm test: ${name} suite\n`);
  // Without Vite's ~200-line notice about a future config loader (see scripts/build.mjs).
  const r = spawnSync('npm', args, { stdio: 'inherit', env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...process.env } });
  // A suite killed by a signal has no status: count it as failed.
  return { name, ok: r.status === 0, status: r.status ?? r.signal };
});

process.stdout.write('\n=== npm test: summary\n');
for (const r of results) process.stdout.write(`${r.name}: ${r.ok ? 'passed' : `FAILED (${r.status})`}\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
