/**
 * The store: the one database connection and the services over it. It opens the file (refusing one from a
 * newer version), backs it up, migrates it, and can swap the whole file for a backup (restore) by closing
 * and reopening, so no prepared statement ever points at a replaced file.
 */
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, type Db } from './db/connection';
import { migrate, type MigrationReport } from './db/migrate';
import { BackupService } from './services/backup-service';
import { ListService } from './services/list-service';
import { OutputRecordService } from './services/output-record-service';
import { ProjectService } from './services/project-service';
import { createRepositories, type Repositories } from './services/repositories';

export interface StoreOptions {
  /** The database file. */
  file: string;
  /** Where backups go; defaults to a `backups` folder beside the file. */
  backupDir?: string;
  /** Who is recorded in the audit log; defaults to the operating-system user. */
  actor?: string;
  appVersion?: string;
  now?: () => Date;
  /** Take the start-up backup (on by default; tests of other things may turn it off for speed). */
  backupOnStart?: boolean;
}

interface Open {
  db: Db;
  repos: Repositories;
  projects: ProjectService;
  lists: ListService;
  outputRecords: OutputRecordService;
}

function defaultActor(): string {
  try {
    return userInfo().username || 'local user';
  } catch {
    return 'local user';
  }
}

export class Store {
  readonly file: string;
  readonly backups: BackupService;
  private state: Open | null = null;
  private readonly now: () => Date;
  private readonly actor: string;
  private readonly appVersion: string;
  migration: MigrationReport | null = null;

  private constructor(private readonly options: StoreOptions) {
    this.file = options.file;
    this.now = options.now ?? (() => new Date());
    this.actor = options.actor ?? defaultActor();
    this.appVersion = options.appVersion ?? '0.0.0';
    this.backups = new BackupService({
      dataFile: options.file,
      backupDir: options.backupDir ?? join(dirname(options.file), 'backups'),
      now: this.now,
    });
  }

  /** Open (creating if needed), back up, migrate. Throws AppFailure FUTURE_SCHEMA for a newer file. */
  static async open(options: StoreOptions): Promise<Store> {
    mkdirSync(dirname(options.file), { recursive: true });
    const store = new Store(options);
    const db = openDatabase(options.file);
    try {
      if (options.backupOnStart !== false) await store.backups.createIfNotEmpty(db, 'start');
      store.migration = await migrate(db, () => store.backups.create(db, 'before-migration').then(() => undefined));
    } catch (error) {
      db.close();
      throw error;
    }
    store.attach(db);
    store.projects.purgeExpiredDeletions();
    return store;
  }

  private attach(db: Db): void {
    const nowIso = () => this.now().toISOString();
    const repos = createRepositories(db, this.actor, nowIso);
    this.state = {
      db,
      repos,
      projects: new ProjectService(db, repos, { now: this.now, appVersion: this.appVersion }),
      lists: new ListService(db, repos),
      outputRecords: new OutputRecordService(db, repos),
    };
  }

  private get open(): Open {
    if (!this.state) throw new Error('The store is closed.');
    return this.state;
  }

  get db(): Db {
    return this.open.db;
  }
  get projects(): ProjectService {
    return this.open.projects;
  }
  get lists(): ListService {
    return this.open.lists;
  }
  get outputRecords(): OutputRecordService {
    return this.open.outputRecords;
  }
  get version(): string {
    return this.appVersion;
  }

  /** A periodic backup while the user edits (the shell calls this on a timer; it skips when nothing changed). */
  async periodicBackup(): Promise<void> {
    await this.backups.createIfChanged(this.db, 'periodic');
  }

  /**
   * Replace the data with a backup. The current file is first backed up ("before-restore"), and that backup's
   * id is returned as the undo.
   */
  async restore(backupId: string): Promise<{ undoId: string }> {
    this.backups.verify(backupId); // a bad id must change nothing, not even add a backup
    const undo = await this.backups.create(this.db, 'before-restore');
    await this.swapFileWith(backupId);
    return { undoId: undo.id };
  }

  /** Undo a restore; what was edited since the restore is itself backed up first, so nothing is lost. */
  async undoRestore(undoId: string): Promise<void> {
    this.backups.verify(undoId);
    await this.backups.create(this.db, 'before-restore');
    await this.swapFileWith(undoId);
  }

  private async swapFileWith(backupId: string): Promise<void> {
    this.backups.verify(backupId);
    this.close();
    let copyFailure: unknown = null;
    try {
      this.backups.copyOver(backupId);
    } catch (error) {
      copyFailure = error;
    }
    // Reopen whatever is now in place: the backup, or the untouched file if the copy failed.
    const db = openDatabase(this.file);
    try {
      this.migration = await migrate(db, () => this.backups.create(db, 'before-migration').then(() => undefined));
    } catch (error) {
      db.close();
      throw error;
    }
    this.attach(db);
    if (copyFailure !== null) throw copyFailure;
  }

  /** Checkpoint the WAL into the main file and close: the file is then complete on its own. */
  close(): void {
    if (!this.state) return;
    const { db } = this.state;
    this.state = null;
    if (db.open) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
  }
}
