/**
 * Where the database lives: SROI_DATA_FILE when set (tests, portable use, a USB stick), otherwise
 * `sroi-studio.sqlite` in the given user-data folder (Electron's app.getPath('userData'), or the OS default
 * folder for browser mode and the command-line tool).
 */
import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_FILE_NAME = 'sroi-studio.sqlite';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, os = platform(), home = homedir()): string {
  if (os === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'SROI Studio');
  if (os === 'darwin') return join(home, 'Library', 'Application Support', 'SROI Studio');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'SROI Studio');
}

export function resolveDataFile(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.SROI_DATA_FILE?.trim();
  return override ? resolve(override) : join(userDataDir, DATA_FILE_NAME);
}
