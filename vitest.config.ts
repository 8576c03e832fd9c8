import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Property tests and child-process tests take longer than a unit test; no test is timed for speed.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
