import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The React plugin compiles the interface's TSX for component tests (jsdom, one file at a time via
  // `// @vitest-environment jsdom`); Node-side suites are unaffected.
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Property tests and child-process tests take longer than a unit test; no test is timed for speed.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
