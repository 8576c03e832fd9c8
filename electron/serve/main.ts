/**
 * `npm run serve`: SROI Studio in a browser, on this computer only. Opens the same data file as the desktop
 * app (or SROI_DATA_FILE), serves the built interface and prints the address to open.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppFailure } from '../../shared/ipc/result';
import { defaultUserDataDir, resolveDataFile } from '../backend/data-location';
import { Dispatcher } from '../backend/dispatcher';
import { createHandlers, createLockedHandlers } from '../backend/handlers';
import { Store } from '../backend/store';
import { startBrowserMode } from './server';

declare const __APP_VERSION__: string;

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.SROI_PORT ?? 0);
  const rendererRoot = resolve(process.env.SROI_RENDERER_DIR ?? join(__dirname, '..', 'renderer'));
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    console.error(
      `The interface is not built (no ${join(rendererRoot, 'index.html')}). Run "npm run serve", which builds it first.`,
    );
    process.exit(1);
  }
  const file = resolveDataFile(defaultUserDataDir());
  let store: Store | null = null;
  let handlers;
  try {
    store = await Store.open({ file, appVersion: __APP_VERSION__ });
    handlers = createHandlers(store);
  } catch (error) {
    if (!(error instanceof AppFailure && error.code === 'FUTURE_SCHEMA')) throw error;
    // Serve the interface anyway, locked, so it can explain; the file is never touched.
    console.error(error.message);
    handlers = createLockedHandlers(error);
  }
  const dispatcher = new Dispatcher(handlers, (message, error) => console.error(message, error));
  const token = randomBytes(24).toString('base64url');
  const running = await startBrowserMode({ dispatcher, rendererRoot, token, port, log: console.error });
  const backupTimer = setInterval(() => void store?.periodicBackup().catch(() => undefined), 5 * 60 * 1000);

  console.log(`SROI Studio is running in browser mode. Data: ${file}`);
  console.log(`Open ${running.url}`);
  console.log('Press Ctrl+C to stop.');

  const stop = async () => {
    clearInterval(backupTimer);
    await running.close();
    store?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
