/**
 * Applying migrations: all pending ones in one transaction, after an online backup of the file as it was,
 * so a failed or regretted upgrade can always be undone from the backups list.
 */
import type { Db } from './connection';
import { schemaVersionOf } from './connection';
import { migrations, type Migration } from './migrations';

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

export function pendingMigrations(db: Db, list: readonly Migration[] = migrations): Migration[] {
  const current = schemaVersionOf(db);
  return list.filter((m) => m.version > current);
}

/**
 * Runs every pending migration in one transaction. `beforeMigrating` (the online backup) runs first, and only
 * when there is something to apply to an existing database.
 */
export async function migrate(
  db: Db,
  beforeMigrating: (fromVersion: number) => Promise<void>,
  list: readonly Migration[] = migrations,
): Promise<MigrationReport> {
  const from = schemaVersionOf(db);
  const pending = pendingMigrations(db, list);
  if (pending.length === 0) return { from, to: from, applied: [] };
  if (from > 0) await beforeMigrating(from);
  const applyAll = db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  applyAll();
  return { from, to: schemaVersionOf(db), applied: pending.map((m) => `${m.version}: ${m.name}`) };
}
