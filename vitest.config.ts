import { defineConfig } from 'vitest/config';

// One command runs every package's tests. Integration tests start real servers
// (Temporal, SMTP, Chromium), so they get generous timeouts and run in forks.
export default defineConfig({
  test: {
    include: [
      'engine/src/**/*.test.ts',
      'engine/test/**/*.test.ts',
      'workflows/src/**/*.test.ts',
      'workflows/test/**/*.test.ts',
      'templates/**/*.test.ts',
      'scripts/**/*.test.ts',
      'studio/src/**/*.test.ts',
      'studio/test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**'],
    setupFiles: ['./vitest.setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
