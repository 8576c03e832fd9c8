/**
 * The desktop shell: one window, served from app://, talking to the backend through one checked IPC channel.
 * Kept thin on purpose: everything it does besides wiring is in pure, tested modules (security.ts) or in the
 * backend, which runs the same under plain Node (browser mode, the command-line tool, the tests).
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, dialog, session } from 'electron';
import { AppFailure, fail } from '../../shared/ipc/result';
import { shellContract, type ShellChannel } from '../../shared/ipc/shell-contract';
import { toProblems } from '../../shared/model/validate';
import { resolveDataFile } from '../backend/data-location';
import { Dispatcher } from '../backend/dispatcher';
import { createHandlers, createLockedHandlers } from '../backend/handlers';
import { Store } from '../backend/store';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './app-protocol';
import { createShellHandlers } from './dialogs';
import { denyAllPermissions, guardWebContents } from './guards';
import { buildMenu } from './menu';
import { RPC_CHANNEL } from './rpc-channel';
import { APP_ORIGIN, isTrustedSender, secureWebPreferences } from './security';

const PERIODIC_BACKUP_MS = 5 * 60 * 1000;

let mainWindow: BrowserWindow | null = null;
let store: Store | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemeAsPrivileged();
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.whenReady().then(start, (error: unknown) => showFatal(error));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    // Graceful shutdown: checkpoint the WAL so the file is complete on its own, then close.
    store?.close();
    store = null;
  });
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  handleAppProtocol(join(__dirname, '..', 'renderer'));

  let handlers;
  try {
    store = await Store.open({ file: resolveDataFile(app.getPath('userData')), appVersion: app.getVersion() });
    handlers = createHandlers(store);
  } catch (error) {
    if (!(error instanceof AppFailure && error.code === 'FUTURE_SCHEMA')) throw error;
    // The window still opens, locked: the interface explains, and never offers to delete or overwrite.
    handlers = createLockedHandlers(error);
  }
  const openStore = store;
  const dispatcher = new Dispatcher(handlers, (message, error) => console.error(message, error));
  const shellHandlers = createShellHandlers(() => mainWindow);

  ipcMain.handle(RPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
      return fail('FORBIDDEN', 'This call did not come from the SROI Studio window.');
    }
    if (typeof channel === 'string' && Object.hasOwn(shellContract, channel)) {
      return runShellChannel(channel as ShellChannel, input, shellHandlers);
    }
    return dispatcher.dispatch(channel, input);
  });

  Menu.setApplicationMenu(buildMenu(() => mainWindow, process.platform === 'darwin'));
  if (openStore) {
    setInterval(
      () => void openStore.periodicBackup().catch((e: unknown) => console.error('periodic backup failed', e)),
      PERIODIC_BACKUP_MS,
    );
  }

  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'SROI Studio',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

async function runShellChannel(
  channel: ShellChannel,
  input: unknown,
  handlers: ReturnType<typeof createShellHandlers>,
) {
  const spec = shellContract[channel];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) return fail('VALIDATION', 'The request was not valid.', toProblems(parsed.error, input));
  try {
    const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.code, error.message, error.fields);
    // Logged here, not sent: a system message can hold paths and user names.
    console.error(`shell channel ${channel} failed`, error);
    return fail(
      'INTERNAL',
      'The file could not be read or written. Check that the folder exists and you may write to it.',
    );
  }
}

function showFatal(error: unknown): void {
  console.error(error);
  dialog.showErrorBox('SROI Studio could not start', error instanceof Error ? error.message : String(error));
  app.quit();
}
