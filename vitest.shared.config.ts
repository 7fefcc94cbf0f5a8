import { defineConfig } from 'vitest/config';

// `npm run test:shared`: tests on reference material that is not part of the repository (../shared beside the
// checkout: the real-metadata corpus, the OASIS SARIF schema). test/shared/setup.ts fails the run, loudly, when it
// is missing: these tests never skip.
export default defineConfig({
  test: {
    include: ['test/shared/**/*.test.ts'],
    globalSetup: ['test/shared/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
