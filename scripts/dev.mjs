#!/usr/bin/env node
/**
 * npm run dev: rebuilds the interface on every save (vite build --watch) and the main process with esbuild,
 * and runs the desktop app; reload the window (Ctrl+R) to see interface changes. The app is always served
 * from app:// with the production security settings, so development sees what users get.
 */
import { spawn } from 'node:child_process';

const run = (command, args) => spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
const build = run('node', ['scripts/build-node.mjs', 'electron']);
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const vite = run('npx', ['vite', 'build', '--watch', '--logLevel', 'warn']);
  const app = run('node', ['scripts/electron.mjs']);
  app.on('exit', (appCode) => {
    vite.kill();
    process.exit(appCode ?? 0);
  });
});
