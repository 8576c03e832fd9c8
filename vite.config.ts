import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The interface: built to dist/renderer, loaded by Electron from app://sroi/ and by browser mode from
// 127.0.0.1. Relative asset paths so both work; no source maps or remote fonts in the build.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    chunkSizeWarningLimit: 1500,
    // The app, and the standalone report page the PDF printers load (renderer/src/report/report-main.tsx).
    rolldownOptions: { input: { main: 'renderer/index.html', report: 'renderer/report.html' } },
  },
});
