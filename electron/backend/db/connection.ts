/**
 * Opening the one database file: pragmas for durability (WAL, synchronous=FULL), foreign keys, a busy timeout,
 * and the schema check. A file written by a newer SROI Studio is refused before anything writes to it.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/ipc/result';
import { LATEST_SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open read-only (used to inspect backups). */
  readonly?: boolean;
}

/**
 * A plain better-sqlite3 connection with the right native module: the unpackaged desktop app (npm start)
 * loads an Electron build of SQLite named by SROI_SQLITE_BINDING (see scripts/electron.mjs).
 */
export function rawConnection(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(file, { ...options, nativeBinding: process.env.SROI_SQLITE_BINDING || undefined });
}

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseFutureSchema(version: number): void {
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppFailure(
      'FUTURE_SCHEMA',
      `This data file was written by a newer version of SROI Studio (data version ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). ` +
        'Nothing has been changed. Install the latest SROI Studio to open it.',
    );
  }
}

/** user_version straight from the file header (offset 60), without opening SQLite; 0 if not a database. */
function headerSchemaVersion(file: string): number {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return 0;
  return header.readUInt32BE(60);
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // A newer version's file must not be touched at all: not even the -wal and -shm files SQLite creates on
  // open. Without a WAL the header is the truth, so read it directly; with one, the header may be stale
  // and only a read-only connection sees the committed version.
  if (!options.readonly && existsSync(file) && !existsSync(`${file}-wal`)) {
    refuseFutureSchema(headerSchemaVersion(file));
  } else if (!options.readonly && existsSync(file)) {
    const probe = rawConnection(file, { readonly: true, fileMustExist: true });
    try {
      refuseFutureSchema(schemaVersionOf(probe));
    } finally {
      probe.close();
    }
  }
  const db = rawConnection(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    refuseFutureSchema(schemaVersionOf(db));
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
