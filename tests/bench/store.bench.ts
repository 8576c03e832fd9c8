// The store at a realistic size: 500 projects, each with 5 stakeholders, 3 inputs and 10 outcomes.
//   (a) opening the data file and listing every project (target: under 200 ms), without and with the start-up
//       backup (the app takes one on every start);
//   (b) autosaving one field edit of an outcome through the dispatcher, `outcomes/save` with one changed field
//       (target: median under 5 ms; every save is a committed, fsynced transaction with its audit row).
// Run with `node scripts/bench.mjs store`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dispatcher } from '../../electron/backend/dispatcher';
import { createHandlers } from '../../electron/backend/handlers';
import { Store } from '../../electron/backend/store';
import { CURRENT_SCHEMA_VERSION, type Outcome } from '../../shared/model';
import { generatedProject } from '../support/generated-model';
import { median, report } from './measure';

const PROJECTS = 500;
const OPEN_RUNS = 9;
const EDITS = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function build(file: string, backupDir: string): Promise<void> {
  const store = await Store.open({ file, backupDir, backupOnStart: false });
  const template = generatedProject(10, 3);
  const start = performance.now();
  store.db.transaction(() => {
    for (let i = 0; i < PROJECTS; i++) {
      const project = { ...template, id: `p${i}`, name: `Project ${i}`, organisation: `Organisation ${i % 37}` };
      store.projects.import({ schemaVersion: CURRENT_SCHEMA_VERSION, project }, false);
    }
  })();
  const built = performance.now() - start;
  const rows = store.db
    .prepare('SELECT (SELECT count(*) FROM projects) AS projects, (SELECT count(*) FROM outcomes) AS outcomes')
    .get();
  store.close();
  console.log(`store: built ${JSON.stringify(rows)} in ${built.toFixed(0)} ms`);
}

async function openAndList(file: string, backupDir: string, backupOnStart: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    const start = performance.now();
    const store = await Store.open({ file, backupDir, backupOnStart });
    const result = await new Dispatcher(createHandlers(store)).dispatch('projects/list', {});
    times.push(performance.now() - start);
    if (!result.ok || (result.value as unknown[]).length !== PROJECTS)
      throw new Error(`projects/list failed: ${JSON.stringify(result)}`);
    store.close();
  }
  return times;
}

async function edits(file: string, backupDir: string): Promise<number[]> {
  const store = await Store.open({ file, backupDir, backupOnStart: false });
  const dispatcher = new Dispatcher(createHandlers(store));
  const projectId = `p${PROJECTS / 2}`;
  const got = await dispatcher.dispatch('projects/get', { id: projectId });
  if (!got.ok) throw new Error('projects/get failed');
  const outcome = (got.value as { outcomes: Outcome[] }).outcomes[3];
  const times: number[] = [];
  for (let i = 0; i < EDITS + 10; i++) {
    // One changed field per save, as when the user leaves the deadweight cell.
    const item = { ...outcome, deadweight: `0.${String((i % 89) + 10)}` };
    const start = performance.now();
    const result = await dispatcher.dispatch('outcomes/save', { projectId, item });
    const elapsed = performance.now() - start;
    if (!result.ok) throw new Error(`outcomes/save failed: ${JSON.stringify(result)}`);
    if (i >= 10) times.push(elapsed); // the first ten warm the statements and caches
  }
  const audit = store.db
    .prepare(`SELECT count(*) AS n FROM audit_log WHERE project_id = ? AND field = 'deadweight'`)
    .get(projectId) as { n: number };
  if (audit.n < EDITS) throw new Error(`expected an audit row per edit, found ${audit.n}`);
  store.close();
  return times;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sroi-bench-store-'));
  const file = join(dir, 'sroi.sqlite');
  const backupDir = join(dir, 'backups');
  try {
    await build(file, backupDir);

    const plain = await openAndList(file, backupDir, false);
    report(
      `store: open + list ${PROJECTS} projects, no start-up backup (median of ${OPEN_RUNS})`,
      median(plain),
      'ms',
      200,
    );
    const backedUp = await openAndList(file, backupDir, true);
    report(
      `store: open + list ${PROJECTS} projects, with the start-up backup (median of ${OPEN_RUNS})`,
      median(backedUp),
      'ms',
      200,
    );

    const saves = await edits(file, backupDir);
    report(
      `store: outcomes/save with one changed field through the dispatcher (median of ${EDITS})`,
      median(saves),
      'ms',
      5,
    );
    report(`store: outcomes/save, 95th percentile`, percentile(saves, 95), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
