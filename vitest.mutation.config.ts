import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The unit tests Stryker (stryker.config.mjs) runs against each mutant of src/domain and the route
 * models: every unit test except those that start CLIs, servers or the prerenderer in child
 * processes, which run the unmutated code and would only slow each mutant down.
 */
export default defineConfig({
  plugins: [svelte()],
  test: {
    // MUTATION_TESTS narrows the tests to a glob (e.g. tests/unit/domain/**/*.test.ts): every rule runs in
    // every route model's tests, so a mutant of src/domain otherwise runs most of the suite.
    include: process.env.MUTATION_TESTS ? [process.env.MUTATION_TESTS] : ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      '**/cli.test.ts',
      '**/bad-input-cli.test.ts',
      '**/scripts/**',
      '**/prerender/**',
      '**/roundtrip.test.ts',
      '**/arguments.test.ts',
      '**/several-reports.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
