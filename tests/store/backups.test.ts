/**
 * Backups, migrations and restore on real SQLite files in a temporary folder (DESIGN.md "Data"): online backups
 * that are complete databases, the start-up and before-migration backups, the retention policy, restore with
 * undo, refusal of unknown or path-traversing ids, and a file from a newer version left byte-for-byte alone.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  readFileSync,
  readdirSync,
  mkdirSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { LATEST_SCHEMA_VERSION, type Migration } from '../../electron/backend/db/migrations';
import { BackupService, KEEP_DAYS, KEEP_LAST } from '../../electron/backend/services/backup-service';
import { Store } from '../../electron/backend/store';
import { BackupInfo } from '../../shared/ipc/contract';
import { AppFailure } from '../../shared/ipc/result';
import type { StakeholderGroup } from '../../shared/model';
import { tempDir, tempStore, type TempStore } from '../support/temp-store';

const DAY = 86_400_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function fresh(opts: Parameters<typeof tempStore>[0] = {}): Promise<TempStore> {
  const t = await tempStore(opts);
  cleanups.push(t.cleanup);
  return t;
}

function freshDir(): string {
  const dir = tempDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock the test moves by hand. */
function clock(start = '2026-11-23T17:40:00.123Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => void (t = new Date(iso).getTime()),
    advance: (ms: number) => void (t += ms),
  };
}

function stakeholder(name: string): StakeholderGroup {
  return { id: randomUUID(), name, size: 120, involvement: 'interviews', peopleConsulted: 12 };
}

function addProject(store: Store, name: string): string {
  const { id } = store.projects.create({ name });
  store.lists.save('stakeholders', id, stakeholder('People who inject drugs'));
  return id;
}

interface Row {
  id: string;
  name: string;
}

/** The projects (and stakeholder names) in a database file, read through a read-only connection. */
function contentsOf(file: string): { projects: Row[]; stakeholders: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      projects: db.prepare('SELECT id, name FROM projects WHERE deleted_at IS NULL ORDER BY id').all() as Row[],
      stakeholders: (
        db.prepare("SELECT project_id || ':' || name AS s FROM stakeholders ORDER BY 1").all() as Array<{ s: string }>
      ).map((r) => r.s),
    };
  } finally {
    db.close();
  }
}

function contentsOfStore(store: Store): { projects: Row[]; stakeholders: string[] } {
  return {
    projects: store.db.prepare('SELECT id, name FROM projects WHERE deleted_at IS NULL ORDER BY id').all() as Row[],
    stakeholders: (
      store.db.prepare("SELECT project_id || ':' || name AS s FROM stakeholders ORDER BY 1").all() as Array<{
        s: string;
      }>
    ).map((r) => r.s),
  };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The error code of a failure, thrown or rejected. */
async function failureOf(action: () => unknown): Promise<AppFailure> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return error as AppFailure;
  }
  throw new Error('expected the action to fail');
}

describe('online backups', () => {
  it('a backup is a complete, sound database with the same projects, and needs no -wal beside it', async () => {
    const { store, backupDir } = await fresh({ backupOnStart: false });
    addProject(store, 'Needle and syringe programme');
    addProject(store, 'Naloxone peer distribution');
    const info = await store.backups.create(store.db, 'manual');

    expect(BackupInfo.parse(info)).toEqual(info);
    expect(info.reason).toBe('manual');
    expect(info.id).toMatch(/^sroi-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-manual\.sqlite$/);
    const file = join(backupDir, info.id);
    expect(info.sizeBytes).toBe(statSync(file).size);

    expect(store.backups.verify(info.id)).toEqual(info);
    expect(contentsOf(file)).toEqual(contentsOfStore(store));
    expect(
      contentsOf(file)
        .projects.map((p) => p.name)
        .sort(),
    ).toEqual(['Naloxone peer distribution', 'Needle and syringe programme']);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    // Opening and verifying it created nothing beside it; no temporary file is left either.
    expect(readdirSync(backupDir)).toEqual([info.id]);
  });

  it('is taken on start when the database has data, and not on a brand-new one', async () => {
    const dir = freshDir();
    const file = join(dir, 'sroi.sqlite');
    const first = await Store.open({ file });
    expect(first.backups.list()).toEqual([]);
    const id = addProject(first, 'Needle and syringe programme');
    first.close();

    const second = await Store.open({ file });
    try {
      const list = second.backups.list();
      expect(list.map((b) => b.reason)).toEqual(['start']);
      expect(contentsOf(join(dir, 'backups', list[0].id)).projects).toEqual([
        { id, name: 'Needle and syringe programme' },
      ]);
    } finally {
      second.close();
    }
  });

  it('createIfNotEmpty skips a database without tables; createIfChanged skips when nothing changed', async () => {
    const dir = freshDir();
    const c = clock();
    const backups = new BackupService({ dataFile: join(dir, 'x.sqlite'), backupDir: join(dir, 'backups'), now: c.now });
    const db = openDatabase(join(dir, 'x.sqlite'));
    cleanups.push(() => void db.close());
    expect(await backups.createIfNotEmpty(db, 'start')).toBeNull();
    expect(await backups.createIfChanged(db, 'periodic')).toBeNull();
    expect(backups.list()).toEqual([]);

    const { store } = await fresh({ backupOnStart: false, now: c.now });
    const id = addProject(store, 'Needle and syringe programme');
    expect(await store.backups.createIfChanged(store.db, 'periodic')).not.toBeNull(); // no backup yet in this run
    c.advance(60_000);
    expect(await store.backups.createIfChanged(store.db, 'periodic')).toBeNull();
    await store.periodicBackup();
    expect(store.backups.list()).toHaveLength(1);

    c.advance(60_000);
    store.projects.rename(id, 'NSP, renamed');
    const made = await store.backups.createIfChanged(store.db, 'periodic');
    expect(made?.reason).toBe('periodic');
    c.advance(60_000);
    expect(await store.backups.createIfChanged(store.db, 'periodic')).toBeNull();

    // A change made by another connection (another process) counts too.
    const other = new Database(store.file);
    other.prepare('UPDATE projects SET name = ? WHERE id = ?').run('Changed elsewhere', id);
    other.close();
    c.advance(60_000);
    expect(await store.backups.createIfChanged(store.db, 'periodic')).not.toBeNull();
    expect(store.backups.list()).toHaveLength(3);
  });

  it('lists the backups newest first, ignoring other files and unfinished backups', async () => {
    const c = clock('2026-03-01T08:00:00.000Z');
    const { store, backupDir } = await fresh({ backupOnStart: false, now: c.now });
    addProject(store, 'Needle and syringe programme');
    const made: BackupInfo[] = [];
    made.push(await store.backups.create(store.db, 'manual'));
    c.advance(1500);
    made.push(await store.backups.create(store.db, 'periodic'));
    // Two more in the same millisecond (a fast clock, or a restore right after a backup).
    made.push(await store.backups.create(store.db, 'before-restore'));
    made.push(await store.backups.create(store.db, 'manual'));
    c.advance(DAY);
    made.push(await store.backups.create(store.db, 'start'));

    writeFileSync(join(backupDir, 'notes.txt'), 'not a backup');
    writeFileSync(join(backupDir, 'sroi-bogus.sqlite'), 'not a backup either');
    writeFileSync(join(backupDir, `sroi-2030-01-01T00-00-00-000Z-manual.sqlite.1234abcd.partial`), 'half');
    mkdirSync(join(backupDir, 'sroi-2030-01-01T00-00-00-000Z-start.sqlite'));

    const list = store.backups.list();
    expect(list.map((b) => b.id)).toEqual(made.map((b) => b.id).reverse());
    expect(list.map((b) => b.reason)).toEqual(['start', 'manual', 'before-restore', 'periodic', 'manual']);
    expect(new Set(list.map((b) => b.id)).size).toBe(5);
    expect(list[1].id).toMatch(/-01-500Z-3-manual\.sqlite$/);
    expect(list[2].id).toMatch(/-01-500Z-2-before-restore\.sqlite$/);
    expect(list[3].id).toMatch(/-01-500Z-periodic\.sqlite$/);
    for (const b of list) {
      expect(Date.parse(b.createdAt)).not.toBeNaN();
      expect(store.backups.verify(b.id).id).toBe(b.id);
    }
    expect(list[0].createdAt).toBe('2026-03-02T08:00:01.500Z');
  });

  it('a backup interrupted by a crash is never listed, and is cleaned up later', async () => {
    const { store, backupDir } = await fresh({ backupOnStart: false });
    addProject(store, 'Needle and syringe programme');
    mkdirSync(backupDir, { recursive: true });
    const stale = join(backupDir, 'sroi-2026-01-01T00-00-00-000Z-periodic.sqlite.0badf00d.partial');
    writeFileSync(stale, 'SQLite format 3\0 and then nothing');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(stale, old, old);
    expect(store.backups.list()).toEqual([]);
    expect((await failureOf(() => store.backups.verify(`${stale.split('/').pop()}`))).code).toBe('NOT_FOUND');
    await store.backups.create(store.db, 'manual');
    expect(existsSync(stale)).toBe(false);
    expect(store.backups.list()).toHaveLength(1);
  });
});

describe('migrations', () => {
  const table = (version: number, name: string): Migration => ({
    version,
    name,
    up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY, note TEXT) STRICT`),
  });
  const failing: Migration = {
    version: 3,
    name: 'breaks',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      db.exec('INSERT INTO no_such_table VALUES (1)');
    },
  };

  function tablesOf(db: Db): string[] {
    return (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
    ).map((r) => r.name);
  }

  it('backs up an older schema before migrating it, and applies all pending migrations', async () => {
    const dir = freshDir();
    const file = join(dir, 'old.sqlite');
    const c = clock();
    const backups = new BackupService({ dataFile: file, backupDir: join(dir, 'backups'), now: c.now });
    const db = openDatabase(file);
    cleanups.push(() => void db.close());

    // A brand-new file: migrated from 0 without a backup (there is nothing to protect).
    const calls: number[] = [];
    const first = await migrate(db, async (from) => void calls.push(from), [table(1, 'one')]);
    expect(first).toEqual({ from: 0, to: 1, applied: ['1: one'] });
    expect(calls).toEqual([]);
    db.prepare('INSERT INTO one (note) VALUES (?)').run('data written by version 1');

    const report = await migrate(
      db,
      async (from) => {
        calls.push(from);
        expect(db.pragma('user_version', { simple: true })).toBe(1); // nothing applied yet
        await backups.create(db, 'before-migration');
      },
      [table(1, 'one'), table(2, 'two'), table(3, 'three')],
    );
    expect(calls).toEqual([1]);
    expect(report).toEqual({ from: 1, to: 3, applied: ['2: two', '3: three'] });
    expect(tablesOf(db)).toEqual(['one', 'three', 'two']);

    const [backup] = backups.list();
    expect(backup.reason).toBe('before-migration');
    const copy = new Database(join(dir, 'backups', backup.id), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(tablesOf(copy)).toEqual(['one']);
    expect(copy.prepare('SELECT note FROM one').pluck().all()).toEqual(['data written by version 1']);
    copy.close();
  });

  it('a failing migration rolls back every pending migration and leaves user_version unchanged', async () => {
    const dir = freshDir();
    const file = join(dir, 'old.sqlite');
    const backups = new BackupService({ dataFile: file, backupDir: join(dir, 'backups'), now: clock().now });
    const db = openDatabase(file);
    cleanups.push(() => void db.close());
    await migrate(db, async () => undefined, [table(1, 'one')]);
    db.prepare('INSERT INTO one (note) VALUES (?)').run('keep me');

    await expect(
      migrate(db, async () => void (await backups.create(db, 'before-migration')), [
        table(1, 'one'),
        table(2, 'two'),
        failing,
      ]),
    ).rejects.toThrow(/no such table/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tablesOf(db)).toEqual(['one']); // neither "two" (applied before the failure) nor "half_done"
    expect(db.prepare('SELECT note FROM one').pluck().all()).toEqual(['keep me']);
    expect(db.inTransaction).toBe(false);
    expect(backups.list().map((b) => b.reason)).toEqual(['before-migration']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('Store.open migrates a brand-new file to the latest version without a backup', async () => {
    const { store, backupDir } = await fresh();
    expect(store.migration?.from).toBe(0);
    expect(store.migration?.to).toBe(LATEST_SCHEMA_VERSION);
    expect(existsSync(backupDir) ? readdirSync(backupDir) : []).toEqual([]);
  });
});

describe('retention', () => {
  it('keeps the last 10, the newest of each of the last 30 days, and young restore/migration backups', async () => {
    expect([KEEP_LAST, KEEP_DAYS]).toEqual([10, 30]);
    const c = clock('2026-01-01T09:00:00.000Z');
    const { store, backupDir } = await fresh({ backupOnStart: false, now: c.now });
    addProject(store, 'Needle and syringe programme');
    writeFileSync(join(backupDir, '..', 'unrelated.txt'), 'x');
    mkdirSync(backupDir, { recursive: true });
    writeFileSync(join(backupDir, 'my notes.txt'), 'keep me');

    const day = (n: number, hhmm: string) => `2026-01-${String(1 + n).padStart(2, '0')}T${hhmm}:00.000Z`;
    const all: BackupInfo[] = [];
    for (let n = 0; n <= 30; n++) {
      for (const hhmm of ['09:00', '13:00', '17:00']) {
        c.set(day(n, hhmm));
        all.push(await store.backups.create(store.db, 'periodic'));
        if (n === 5 && hhmm === '09:00') {
          c.set(day(n, '09:30'));
          all.push(await store.backups.create(store.db, 'before-migration'));
        }
        if (n === 20 && hhmm === '09:00') {
          c.set(day(n, '10:00'));
          all.push(await store.backups.create(store.db, 'before-restore'));
        }
      }
    }
    // Now: day 30 (31 January), 17:00. "Young" is less than 30 days old: after day 0, 17:00.
    const kept = new Set(store.backups.list().map((b) => b.id));
    const at = (n: number, hhmm: string) => all.find((b) => b.createdAt === day(n, hhmm));
    const has = (n: number, hhmm: string) => kept.has(at(n, hhmm)?.id ?? 'missing');

    // The 10 newest: all of days 30, 29, 28 and the last of day 27.
    for (const n of [30, 29, 28]) for (const h of ['09:00', '13:00', '17:00']) expect(has(n, h)).toBe(true);
    expect(has(27, '17:00')).toBe(true);
    expect(has(27, '13:00')).toBe(false);
    // The newest of each of the last 30 days (days 1 to 30), and no other periodic backup.
    for (let n = 1; n <= 27; n++) {
      expect(has(n, '17:00')).toBe(true);
      expect(has(n, '09:00')).toBe(false);
      expect(has(n, '13:00')).toBe(false);
    }
    // Day 0's newest is exactly 30 days old: gone.
    expect(has(0, '17:00')).toBe(false);
    // The restore backup of day 20 is kept although it is not its day's newest; the migration backup of day 5
    // is still younger than 30 days, so it is kept too.
    expect(has(20, '10:00')).toBe(true);
    expect(has(5, '09:30')).toBe(true);
    expect(kept.size).toBe(30 + 6 + 2); // daily, the rest of the 10 newest, the two protected ones

    // Five more days: the migration backup of day 5 passes 30 days and goes; the restore backup of day 20 stays.
    for (let n = 31; n <= 35; n++) {
      c.set(`2026-02-${String(n - 30).padStart(2, '0')}T17:00:00.000Z`);
      await store.backups.create(store.db, 'periodic');
    }
    const later = new Set(store.backups.list().map((b) => b.id));
    expect(later.has(at(5, '09:30')?.id ?? '')).toBe(false);
    expect(later.has(at(20, '10:00')?.id ?? '')).toBe(true);
    expect(later.has(at(5, '17:00')?.id ?? '')).toBe(false); // 30 days old now
    expect(later.has(at(6, '17:00')?.id ?? '')).toBe(true);
    expect(later.size).toBe(30 + 3 + 1); // daily (days 6 to 35), the rest of the 10 newest, the restore backup
    // Files that are not backups are never touched.
    expect(readFileSync(join(backupDir, 'my notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(backupDir, '..', 'unrelated.txt'))).toBe(true);
  });

  it('keeps the 10 newest even when they are all older than 30 days', async () => {
    const c = clock('2025-01-01T12:00:00.000Z');
    const { store } = await fresh({ backupOnStart: false, now: c.now });
    addProject(store, 'Needle and syringe programme');
    for (let i = 0; i < 12; i++) {
      await store.backups.create(store.db, 'manual');
      c.advance(60_000);
    }
    expect(store.backups.list()).toHaveLength(10);
    c.advance(400 * DAY);
    // A backup made after a long pause: the 9 newest old ones stay with it.
    await store.backups.create(store.db, 'start');
    const list = store.backups.list();
    expect(list).toHaveLength(10);
    expect(list[0].reason).toBe('start');
  });
});

describe('restore', () => {
  it('brings back the backed-up data, and the undo brings back what it replaced', async () => {
    const c = clock();
    const { store, file } = await fresh({ backupOnStart: false, now: c.now });
    const nsp = addProject(store, 'Needle and syringe programme');
    const backup = await store.backups.create(store.db, 'manual');
    const atBackup = contentsOfStore(store);

    c.advance(60_000);
    store.projects.rename(nsp, 'NSP (renamed after the backup)');
    const naloxone = addProject(store, 'Naloxone peer distribution');
    const beforeRestore = contentsOfStore(store);
    expect(beforeRestore.projects).toHaveLength(2);

    c.advance(60_000);
    const { undoId } = await store.restore(backup.id);
    expect(contentsOfStore(store)).toEqual(atBackup);
    expect(store.projects.get(nsp).name).toBe('Needle and syringe programme');
    expect((await failureOf(() => store.projects.get(naloxone))).code).toBe('NOT_FOUND');
    expect(store.backups.list().find((b) => b.id === undoId)?.reason).toBe('before-restore');
    // The restored file is sound and in WAL mode again (it is the live file now).
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');

    c.advance(60_000);
    await store.undoRestore(undoId);
    expect(contentsOfStore(store)).toEqual(beforeRestore);
    expect(store.projects.get(nsp).name).toBe('NSP (renamed after the backup)');
    expect(store.projects.get(naloxone).stakeholders).toHaveLength(1);

    // The store works normally afterwards, and everything survives closing and reopening.
    const third = addProject(store, 'Drug checking service');
    store.close();
    expect(existsSync(`${file}.restoring`)).toBe(false);
    const reopened = await Store.open({ file, backupOnStart: false });
    try {
      expect(reopened.projects.get(third).name).toBe('Drug checking service');
      expect(
        reopened.projects
          .list(false, '')
          .map((p) => p.id)
          .sort(),
      ).toEqual([nsp, naloxone, third].sort());
    } finally {
      reopened.close();
    }
  });

  it.each([
    '../x',
    'does-not-exist.sqlite',
    'sroi-2020-01-01T00-00-00-000Z-manual.sqlite',
    '../sroi.sqlite',
    '..',
    '/etc/passwd',
    'backups/../../x',
    '..\\sroi.sqlite',
    '',
  ])('restoring the unknown or path-traversing id %j fails with NOT_FOUND and changes nothing', async (id) => {
    const { store, file, backupDir } = await fresh({ backupOnStart: false });
    addProject(store, 'Needle and syringe programme');
    await store.backups.create(store.db, 'manual');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const data = contentsOfStore(store);
    const backupsBefore = store.backups.list();
    const bytes = sha256(file);

    expect((await failureOf(() => store.restore(id))).code).toBe('NOT_FOUND');
    expect((await failureOf(() => store.undoRestore(id))).code).toBe('NOT_FOUND');
    expect((await failureOf(() => store.backups.verify(id))).code).toBe('NOT_FOUND');
    expect((await failureOf(() => store.backups.copyOver(id))).code).toBe('NOT_FOUND');

    expect(contentsOfStore(store)).toEqual(data);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha256(file)).toBe(bytes);
    expect(store.backups.list()).toEqual(backupsBefore);
    expect(readdirSync(backupDir).sort()).toEqual(backupsBefore.map((b) => b.id).sort());
  });

  it('a damaged backup fails verification with CONFLICT and is not restored', async () => {
    const c = clock();
    const { store, backupDir } = await fresh({ backupOnStart: false, now: c.now });
    addProject(store, 'Needle and syringe programme');
    const good = await store.backups.create(store.db, 'manual');
    // Enough data that half a file is missing real pages.
    for (let i = 0; i < 40; i++) addProject(store, `Project ${i} ${'x'.repeat(150)}`);
    c.advance(1000);
    const truncated = await store.backups.create(store.db, 'manual');
    truncateSync(join(backupDir, truncated.id), Math.floor(truncated.sizeBytes / 2));
    c.advance(1000);
    const garbage = 'sroi-2026-11-23T17-40-05-000Z-manual.sqlite';
    writeFileSync(
      join(backupDir, garbage),
      'this is not a database, just text long enough to look like one'.repeat(100),
    );
    const data = contentsOfStore(store);

    expect(store.backups.verify(good.id).id).toBe(good.id);
    for (const id of [truncated.id, garbage]) {
      const failure = await failureOf(() => store.backups.verify(id));
      expect(failure.code).toBe('CONFLICT');
      expect(failure.message).toContain(id);
      expect((await failureOf(() => store.restore(id))).code).toBe('CONFLICT');
      expect(contentsOfStore(store)).toEqual(data);
    }
  });
});

describe('a database from a newer version', () => {
  it.each(['wal', 'delete'])(
    'is refused with FUTURE_SCHEMA and left byte-for-byte unchanged (journal mode %s)',
    async (mode) => {
      const dir = freshDir();
      const file = join(dir, 'sroi.sqlite');
      const future = new Database(file);
      future.pragma(`journal_mode = ${mode}`);
      future.exec(
        "CREATE TABLE projects (id TEXT PRIMARY KEY, what TEXT); INSERT INTO projects VALUES ('p1', 'from the future')",
      );
      future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      future.close();
      const before = sha256(file);
      const filesBefore = readdirSync(dir).sort();
      expect(filesBefore).toEqual(['sroi.sqlite']);

      const failure = await failureOf(() => Store.open({ file }));
      expect(failure.code).toBe('FUTURE_SCHEMA');
      expect(failure.message).toMatch(/newer version/);

      expect(sha256(file)).toBe(before);
      expect(existsSync(`${file}-wal`)).toBe(false);
      expect(existsSync(`${file}-shm`)).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(filesBefore); // no backups folder either
    },
  );
});
