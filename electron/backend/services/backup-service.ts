/**
 * Backups of the data file, made with SQLite's online backup API (never a file copy of a live database), and
 * the file swap that a restore needs.
 *
 * Files. Each backup is one self-contained SQLite file in `backupDir`, named
 * `sroi-<UTC time>[-<n>]-<reason>.sqlite`, e.g. `sroi-2026-11-23T17-40-00-123Z-start.sqlite`: the name sorts
 * by time, and `-<n>` (2, 3, ...) only appears when two backups share the same millisecond. The file name is
 * the backup's id. A backup is written under a temporary name (`….sqlite.partial`), switched from WAL to a
 * rollback journal (so it needs no -wal/-shm companions and opening it read-only creates nothing), flushed to
 * disk and only then renamed to its final name: a crash mid-backup leaves a `.partial` file that is never
 * listed (and is removed by the next backup), never a half file that looks complete.
 *
 * Retention (applied after every backup; times in UTC):
 *   - the 10 newest backups are kept;
 *   - of the backups younger than 30 days, the newest of each calendar day is kept;
 *   - 'before-restore' and 'before-migration' backups younger than 30 days are never deleted (they are the
 *     undo of a restore and of an upgrade);
 *   - every other backup is deleted. Files in the folder that are not backups are never touched.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import { rawConnection, type Db } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

export type BackupReason = BackupInfo['reason'];

export interface BackupServiceOptions {
  /** The live database file. */
  dataFile: string;
  /** The folder that holds the backups (created when the first backup is made). */
  backupDir: string;
  now: () => Date;
}

/** How many of the newest backups are always kept. */
export const KEEP_LAST = 10;
/** For how many days the newest backup of each day (and every restore/migration backup) is kept. */
export const KEEP_DAYS = 30;

const DAY_MS = 86_400_000;
const REASONS: readonly BackupReason[] = ['start', 'before-migration', 'periodic', 'manual', 'before-restore'];
const PROTECTED: ReadonlySet<BackupReason> = new Set(['before-restore', 'before-migration']);
const PARTIAL_SUFFIX = '.partial';
/** A temporary file older than this is left over from a crash. */
const STALE_PARTIAL_MS = 10 * 60_000;
const NAME =
  /^sroi-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?-(start|before-migration|periodic|manual|before-restore)\.sqlite$/;

interface Parsed {
  id: string;
  createdAt: string;
  time: number;
  seq: number;
  reason: BackupReason;
}

function parseName(name: string): Parsed | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  const time = Date.parse(createdAt);
  if (Number.isNaN(time)) return null;
  const seq = m[6] === undefined ? 1 : Number(m[6]);
  if (seq < 2 && m[6] !== undefined) return null; // "-1" and "-0" are never written: not ours
  return { id: name, createdAt, time, seq, reason: m[7] as BackupReason };
}

/** Newest first: by time, then by the same-millisecond sequence number. */
function newestFirst(a: Parsed, b: Parsed): number {
  return b.time - a.time || b.seq - a.seq;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Directories cannot be opened for fsync on Windows; there the rename is enough. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What would change if the database changed: see createIfChanged. */
interface Fingerprint {
  dataVersion: number;
  totalChanges: number;
  schemaVersion: number;
  userVersion: number;
}

function fingerprint(db: Db): Fingerprint {
  return {
    dataVersion: db.pragma('data_version', { simple: true }) as number,
    totalChanges: (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
    schemaVersion: db.pragma('schema_version', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return (
    a.dataVersion === b.dataVersion &&
    a.totalChanges === b.totalChanges &&
    a.schemaVersion === b.schemaVersion &&
    a.userVersion === b.userVersion
  );
}

export class BackupService {
  readonly dataFile: string;
  readonly backupDir: string;
  private readonly now: () => Date;
  /** The state of each connection when its last backup of this run started (a reopened file is a new key). */
  private readonly lastBackedUp = new WeakMap<Db, Fingerprint>();
  /** Backups in progress (temporary file -> final name): their files must not be cleaned up, their names reused. */
  private readonly inProgress = new Map<string, string>();

  constructor(options: BackupServiceOptions) {
    this.dataFile = options.dataFile;
    this.backupDir = options.backupDir;
    this.now = options.now;
  }

  /** An online backup of `db` (consistent even while it is being written), then retention. */
  async create(db: Db, reason: BackupReason): Promise<BackupInfo> {
    if (!REASONS.includes(reason)) throw new AppFailure('VALIDATION', `Unknown backup reason "${String(reason)}".`);
    mkdirSync(this.backupDir, { recursive: true });
    this.removeStalePartials();
    const before = fingerprint(db);
    const name = this.freeName(this.now(), reason);
    const final = join(this.backupDir, name);
    const partial = `${final}.${randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`;
    this.inProgress.set(partial, name);
    try {
      await db.backup(partial);
      // The copy carries the source's WAL flag; make it a plain rollback-journal file so that it is complete on
      // its own and can be opened read-only without creating -wal/-shm files beside it.
      const copy = rawConnection(partial, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      fsyncFile(partial);
      renameSync(partial, final);
      fsyncDir(this.backupDir);
    } catch (error) {
      rmSync(partial, { force: true });
      rmSync(`${partial}-wal`, { force: true });
      rmSync(`${partial}-shm`, { force: true });
      rmSync(`${partial}-journal`, { force: true });
      throw error;
    } finally {
      this.inProgress.delete(partial);
    }
    this.lastBackedUp.set(db, before);
    const info = this.info(name);
    this.applyRetention();
    return info;
  }

  /** A backup unless the database is brand new (no tables yet): there is nothing to protect. */
  async createIfNotEmpty(db: Db, reason: BackupReason): Promise<BackupInfo | null> {
    const { n } = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    if (n === 0) return null;
    return this.create(db, reason);
  }

  /**
   * A backup unless nothing changed since the last backup of this connection in this run.
   *
   * "Changed" is judged from counters SQLite keeps anyway, so the check costs no table scan:
   *   - `total_changes()`: rows inserted, updated or deleted through this connection since it opened (the
   *     backend's one connection makes every edit). It never goes down; a rolled-back write still counts,
   *     which only costs an unneeded backup.
   *   - `PRAGMA data_version`: changes committed by other connections (another process on the same file).
   *   - `PRAGMA schema_version` and `user_version`: schema changes and migrations, which total_changes() does
   *     not count.
   * A max(updated_at) or audit-sequence comparison was not used: it would miss deletions that write no audit
   * row (the purge of expired deletions) and depends on every table keeping such a column.
   * With no backup yet for this connection (e.g. the start-up backup was skipped), a backup is made.
   */
  async createIfChanged(db: Db, reason: BackupReason): Promise<BackupInfo | null> {
    const last = this.lastBackedUp.get(db);
    if (last && sameFingerprint(last, fingerprint(db))) return null;
    return this.createIfNotEmpty(db, reason);
  }

  /** The backups in the folder, newest first. Other files (and unfinished backups) are ignored. */
  list(): BackupInfo[] {
    return this.parsedBackups().map((p) => this.info(p.id));
  }

  /**
   * Checks that `id` names a backup in the folder and that the file is a sound database this version can open.
   * Throws AppFailure NOT_FOUND (no such backup), CONFLICT (damaged) or FUTURE_SCHEMA.
   */
  verify(id: string): BackupInfo {
    const file = this.fileOf(id);
    let db: Db;
    try {
      db = rawConnection(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new AppFailure('CONFLICT', `The backup "${id}" cannot be opened: ${(error as Error).message}.`);
    }
    try {
      let result: unknown;
      let version: number;
      try {
        result = db.pragma('integrity_check', { simple: true });
        version = db.pragma('user_version', { simple: true }) as number;
      } catch (error) {
        throw new AppFailure(
          'CONFLICT',
          `The backup "${id}" is damaged and cannot be used: ${(error as Error).message}.`,
        );
      }
      if (result !== 'ok') {
        throw new AppFailure(
          'CONFLICT',
          `The backup "${id}" is damaged and cannot be used (integrity check: ${String(result)}).`,
        );
      }
      if (version > LATEST_SCHEMA_VERSION) {
        throw new AppFailure(
          'FUTURE_SCHEMA',
          `The backup "${id}" was written by a newer version of SROI Studio (data version ${version}); it cannot be restored by this version.`,
        );
      }
    } finally {
      db.close();
    }
    return this.info(id);
  }

  /**
   * Replaces the data file with the backup `id`. The caller must have closed every connection to the data file
   * first. Safe against a crash at any point: the copy is made and flushed beside the data file, the (empty,
   * checkpointed) -wal/-shm of the old file are removed so they can never be applied to the new one, and a
   * rename swaps the file in one step.
   */
  copyOver(id: string): void {
    const source = this.fileOf(id);
    const restoring = `${this.dataFile}.restoring`;
    copyFileSync(source, restoring);
    try {
      fsyncFile(restoring);
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(this.dataFile + suffix, { force: true });
      renameSync(restoring, this.dataFile);
    } catch (error) {
      rmSync(restoring, { force: true });
      throw error;
    }
    fsyncDir(dirname(this.dataFile));
  }

  /** The backup file for an id, or AppFailure NOT_FOUND. Ids are plain file names: no folders, no "..". */
  private fileOf(id: string): string {
    const notFound = () =>
      new AppFailure('NOT_FOUND', `There is no backup "${id}" (it may have been removed by the retention policy).`);
    if (typeof id !== 'string' || id.includes('/') || id.includes('\\') || id.includes('..') || id.includes('\0')) {
      throw notFound();
    }
    if (basename(id) !== id || !parseName(id)) throw notFound();
    const file = join(this.backupDir, id);
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) throw notFound();
    return file;
  }

  private info(id: string): BackupInfo {
    const parsed = parseName(id);
    if (!parsed) throw new AppFailure('NOT_FOUND', `There is no backup "${id}".`);
    return {
      id,
      createdAt: parsed.createdAt,
      reason: parsed.reason,
      sizeBytes: statSync(join(this.backupDir, id)).size,
    };
  }

  private parsedBackups(): Parsed[] {
    if (!existsSync(this.backupDir)) return [];
    const found: Parsed[] = [];
    for (const entry of readdirSync(this.backupDir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const parsed = parseName(entry.name);
      if (parsed) found.push(parsed);
    }
    return found.sort(newestFirst);
  }

  /** The name for a backup made at `date`, with a sequence number if another backup has the same millisecond. */
  private freeName(date: Date, reason: BackupReason): string {
    const time = stamp(date);
    const prefix = `sroi-${time}`;
    let seq = 1;
    const taken = [...this.inProgress.values()];
    if (existsSync(this.backupDir)) taken.push(...readdirSync(this.backupDir));
    for (const name of taken) {
      const bare = name.split('.sqlite')[0];
      if (!bare.startsWith(prefix)) continue;
      const parsed = parseName(`${bare}.sqlite`);
      if (parsed && stamp(new Date(parsed.time)) === time) seq = Math.max(seq, parsed.seq + 1);
    }
    return seq === 1 ? `${prefix}-${reason}.sqlite` : `${prefix}-${seq}-${reason}.sqlite`;
  }

  /**
   * Removes temporary files left by a backup that was interrupted (a crash). Never one this service is still
   * writing, nor a recent one (another process on the same folder may be writing it).
   */
  private removeStalePartials(): void {
    const cutoff = Date.now() - STALE_PARTIAL_MS; // file times are real time, whatever `now` says
    for (const name of readdirSync(this.backupDir)) {
      const file = join(this.backupDir, name);
      if (!name.startsWith('sroi-') || !/\.partial(-wal|-shm|-journal)?$/.test(name)) continue;
      if ([...this.inProgress.keys()].some((p) => file.startsWith(p))) continue;
      try {
        if (statSync(file).mtimeMs > cutoff) continue;
      } catch {
        continue;
      }
      rmSync(file, { force: true });
    }
  }

  /** See the class comment. */
  private applyRetention(): void {
    const nowMs = this.now().getTime();
    const backups = this.parsedBackups();
    const keep = new Set<string>(backups.slice(0, KEEP_LAST).map((b) => b.id));
    const newestOfDay = new Map<string, string>();
    for (const b of backups) {
      const young = nowMs - b.time < KEEP_DAYS * DAY_MS;
      if (!young) continue;
      if (PROTECTED.has(b.reason)) keep.add(b.id);
      const day = b.createdAt.slice(0, 10);
      if (!newestOfDay.has(day)) newestOfDay.set(day, b.id); // sorted newest first
    }
    for (const id of newestOfDay.values()) keep.add(id);
    for (const b of backups) {
      if (!keep.has(b.id)) rmSync(join(this.backupDir, b.id), { force: true });
    }
  }
}
