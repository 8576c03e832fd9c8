/**
 * A fresh Store on a real SQLite file in a new temporary folder, for tests of the backend. `cleanup()` closes the
 * store (if still open) and removes the folder; call it in afterEach/afterAll or a `finally`.
 *
 *   const { store, file, cleanup } = await tempStore();
 *   try { ... } finally { await cleanup(); }
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type StoreOptions } from '../../electron/backend/store';

export interface TempStoreOptions extends Partial<StoreOptions> {
  /** Prefix of the temporary folder's name (default "sroi-test-"). */
  prefix?: string;
  /** An existing folder to use instead of a new one (removed by cleanup, but not if opening fails). */
  dir?: string;
}

export interface TempStore {
  store: Store;
  /** The temporary folder; the database is `file` inside it and backups go to `backupDir` (unless overridden). */
  dir: string;
  file: string;
  backupDir: string;
  /** Closes the store and removes the folder. Safe to call more than once. */
  cleanup: () => Promise<void>;
}

/** A new temporary folder (removed with `rmSync(dir, { recursive: true, force: true })`). */
export function tempDir(prefix = 'sroi-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function tempStore(opts: TempStoreOptions = {}): Promise<TempStore> {
  const { prefix, dir: givenDir, ...storeOptions } = opts;
  const dir = givenDir ?? tempDir(prefix);
  const file = storeOptions.file ?? join(dir, 'sroi.sqlite');
  const backupDir = storeOptions.backupDir ?? join(dir, 'backups');
  const remove = () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  let store: Store;
  try {
    store = await Store.open({ actor: 'test', ...storeOptions, file, backupDir });
  } catch (error) {
    if (!givenDir) remove();
    throw error;
  }
  const cleanup = async () => {
    try {
      store.close();
    } finally {
      remove();
    }
  };
  return { store, dir, file, backupDir, cleanup };
}
