#!/usr/bin/env node
// Launcher of the `sroi` command-line tool: runs the bundle built by `npm run build:cli` (scripts/build-cli.mjs).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli', 'sroi.cjs');
if (existsSync(bundle)) {
  require(bundle);
} else {
  process.stderr.write('Run "npm run build:cli" first.\n');
  process.exitCode = 4;
}
