import type { KnipConfig } from 'knip';

/** Unused files, exports and dependencies fail `npm run check`. */
const config: KnipConfig = {
  entry: [
    'src/client.ts',
    'src/entry-server.ts',
    'src/features/import/worker.ts',
    'scripts/*.{ts,mjs}',
    'scripts/bench/*.mjs',
    'tests/**/*.test.ts',
    'tests/e2e/*.ts',
  ],
  project: ['src/**/*.{ts,svelte}', 'scripts/**/*.{ts,mjs}', 'tests/**/*.ts'],
  // Reached through packages the project lists: chrome-launcher comes with lighthouse (the
  // bench), @uwdata/flechette with arquero (compile-data writes Arrow through it).
  ignoreDependencies: ['chrome-launcher', '@uwdata/flechette'],
  // The e2e harness installs Chromium with the system's package manager when it is missing.
  ignoreBinaries: ['apt-get'],
  // Not yet clean: unused exports of the importers, to be removed with that folder's next
  // change (then this line goes).
  ignoreIssues: {
    'src/import/**': ['exports', 'types'],
  },
};

export default config;
