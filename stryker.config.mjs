/**
 * Mutation testing (`npm run mutation`, not part of CI): Stryker plants small bugs in src/domain
 * (the figures' rules and checks) and the route models, and counts those the unit tests catch.
 * scripts/mutation.mjs runs it and writes the score to bench/mutation.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner', './stryker.arquero-ignorer.mjs'],
  ignorers: ['arquero-expressions'],
  mutate: ['src/domain/**/*.ts', 'src/features/*/model.ts', 'src/features/*/panels/*.ts', '!src/**/*.test.ts', '!src/**/*.d.ts'],
  coverageAnalysis: 'perTest',
  // Two cores shared with everything else on a developer's machine.
  concurrency: 2,
  // A loaded machine runs a test several times slower than the dry run measured.
  timeoutMS: 20_000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 30,
  // A rerun only tests the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
