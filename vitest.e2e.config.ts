import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: what runs the built product or real external tools (the committed bundles against a fresh
// build, the packed tarball installed offline, the pre-commit framework, lint-staged, the Action bundle, the SARIF
// Multitool). Slower; CI runs it after `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
