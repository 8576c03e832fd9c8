/**
 * Entry point of the `sroi` command-line tool (bundled by scripts/build-cli.mjs into dist/cli/sroi.cjs and
 * started by bin/sroi.cjs). Sets the exit code rather than calling process.exit, so output is never cut off.
 */
import { processIo } from './io';
import { runAsync } from './program';

// `sroi compute x | head`: the reader went away; stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runAsync(process.argv, processIo()).then((code) => {
  process.exitCode = code;
});
