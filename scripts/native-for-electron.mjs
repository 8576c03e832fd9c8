#!/usr/bin/env node
/**
 * postinstall: build better-sqlite3 a second time, for Electron's ABI, into .electron-native/ (node_modules
 * keeps the Node build that the tests, browser mode and the command-line tool use). The desktop app, when run
 * unpackaged (npm start, npm run dev), loads this copy through better-sqlite3's `nativeBinding` option;
 * packaged builds are rebuilt for Electron by electron-builder itself.
 *
 * Skipped, with a message, where the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as
 * on CI machines that cannot reach Electron's download servers), since Electron's headers are not reachable
 * there either.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function skip(reason) {
  console.log(`native-for-electron: skipped (${reason}).`);
  process.exit(0);
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') skip('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  skip('the electron package is not installed');
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) skip('the Electron binary is not installed');

const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const buildPath = join(root, '.electron-native');
rmSync(buildPath, { recursive: true, force: true });
mkdirSync(join(buildPath, 'node_modules'), { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), join(buildPath, 'node_modules', 'better-sqlite3'), {
  recursive: true,
});
cpSync(join(root, 'node_modules', 'bindings'), join(buildPath, 'node_modules', 'bindings'), { recursive: true });
cpSync(join(root, 'node_modules', 'file-uri-to-path'), join(buildPath, 'node_modules', 'file-uri-to-path'), {
  recursive: true,
});

const { rebuild } = await import('@electron/rebuild');
await rebuild({ buildPath, electronVersion, onlyModules: ['better-sqlite3'], force: true });
console.log(`native-for-electron: better-sqlite3 built for Electron ${electronVersion} in .electron-native/`);
