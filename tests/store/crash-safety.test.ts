/**
 * Nothing committed is lost when the app is killed (DESIGN.md "Data": WAL, synchronous=FULL, one transaction
 * per write). The real store code (bundled from tests/store/crash-writer.ts) runs in a child process that
 * writes projects as fast as it can and reports each committed one; the test kills it with SIGKILL at a random
 * moment (20 to 400 ms after it started or after it was ready), many times over the same file, and after every kill checks that the file is sound, that every
 * reported project is there with its stakeholder, and that every listed backup is a complete database.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupService } from '../../electron/backend/services/backup-service';
import { Store } from '../../electron/backend/store';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 25;
const MIN_KILL_MS = 20;
const MAX_KILL_MS = 400;

let dir = '';
let bundle = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sroi-crash-'));
  bundle = join(dir, 'crash-writer.cjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'tests', 'store', 'crash-writer.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The native module is loaded from the project's node_modules (NODE_PATH below), not bundled.
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Round {
  committed: string[];
  ready: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/**
 * Runs the writer on `file` and kills it `killAfterMs` after it was spawned (a kill during start-up: opening,
 * recovery of the WAL, the start-up backup, the first migration) or after it reported ready (a kill while it
 * writes, the case that matters most; start-up alone takes a few hundred milliseconds). Returns the ids it
 * reported as committed.
 */
function runAndKill(file: string, killAfterMs: number, from: 'spawn' | 'ready'): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, file], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const killLater = (ms: number) => {
      if (timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    // Never wait for ever, even if the writer hangs before it is ready.
    const safety = setTimeout(() => child.kill('SIGKILL'), 20_000);
    if (from === 'spawn') killLater(killAfterMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (from === 'ready' && out.startsWith('ready\n')) killLater(killAfterMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      clearTimeout(safety);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(safety);
      // Only whole lines count: a line cut by the kill was never fully reported.
      const lines = out.split('\n').slice(0, -1);
      resolve({
        ready: lines[0] === 'ready',
        committed: lines.filter((l) => l !== 'ready'),
        signal,
        code,
        stderr,
      });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every committed project across ${ROUNDS} SIGKILLs of a writing process`, async () => {
    const file = join(dir, 'sroi.sqlite');
    const backups = new BackupService({ dataFile: file, backupDir: join(dir, 'backups'), now: () => new Date() });
    const reported = new Set<string>();
    let roundsWithWrites = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const killAfter = MIN_KILL_MS + Math.floor(Math.random() * (MAX_KILL_MS - MIN_KILL_MS + 1));
      // One round in four is killed during start-up, the others while writing.
      const from = round % 4 === 1 ? 'spawn' : 'ready';
      const result = await runAndKill(file, killAfter, from);
      const context = `round ${round}, killed ${killAfter} ms after ${from === 'spawn' ? 'it was started' : 'it was ready'}`;
      expect(result.signal, `${context}: the writer stopped by itself:\n${result.stderr}`).toBe('SIGKILL');
      if (from === 'ready')
        expect(result.ready, `${context}: the writer never got ready:\n${result.stderr}`).toBe(true);
      for (const id of result.committed) reported.add(id);
      if (result.committed.length > 0) roundsWithWrites++;
      if (!existsSync(file)) {
        expect(reported.size, context).toBe(0);
        continue;
      }

      // Read-only, so the hot WAL left by the kill is recovered by the next writer (the real start-up path).
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        const hasProjects =
          db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'projects'").pluck().get() === 1;
        if (!hasProjects) {
          expect(reported.size, `${context}: projects were reported but the schema is missing`).toBe(0);
          continue;
        }
        expect(db.pragma('foreign_key_check'), context).toEqual([]);
        const present = new Set(db.prepare('SELECT id FROM projects').pluck().all() as string[]);
        const missing = [...reported].filter((id) => !present.has(id));
        expect(missing, `${context}: committed projects lost`).toEqual([]);
        expect(present.size, context).toBeGreaterThanOrEqual(reported.size);
        // Each project and its stakeholder were one transaction: never one without the other.
        const withoutStakeholder = db
          .prepare(
            'SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM stakeholders s WHERE s.project_id = p.id)',
          )
          .pluck()
          .get();
        expect(withoutStakeholder, context).toBe(0);
      } finally {
        db.close();
      }
      // A backup interrupted by the kill never shows up as a backup; every listed one is complete.
      for (const backup of backups.list()) expect(backups.verify(backup.id).id, context).toBe(backup.id);
    }

    expect(roundsWithWrites, 'too few rounds got as far as writing to test anything').toBeGreaterThanOrEqual(
      ROUNDS / 2,
    );

    // Finally the real store opens the file after the last kill, and finds everything.
    const store = await Store.open({ file, backupOnStart: false });
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const id of reported) expect(store.projects.get(id).stakeholders).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
