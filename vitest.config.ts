import { defineConfig } from 'vitest/config';

// The default tier (`npm test`): the sources, in process, with nothing from outside the repository and no
// external tools. test/e2e/ (`npm run test:e2e`) runs built artifacts and real tools; test/shared/
// (`npm run test:shared`) needs ../shared beside the checkout. See CONTRIBUTING.md.
const TIER_FOLDERS = ['test/e2e/**', 'test/shared/**'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...TIER_FOLDERS],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
