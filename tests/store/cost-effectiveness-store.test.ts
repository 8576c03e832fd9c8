/**
 * Schema version 2 on a real SQLite file: the cost-effectiveness inputs, the strategies' distributions and the
 * last Monte Carlo run are stored with the project, validated on the way in (a bad value names its field and
 * nothing is written), migrated from a version 1 file with their empty defaults, exported and imported, and a
 * version 1 project file still opens.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { initialSchema } from '../../electron/backend/db/migrations/001-initial';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { Dispatcher } from '../../electron/backend/dispatcher';
import { createHandlers } from '../../electron/backend/handlers';
import {
  EMPTY_COST_EFFECTIVENESS,
  parseProjectFile,
  type CostEffectivenessInputs,
  type ProjectFile,
} from '../../shared/model';
import { repoRoot } from '../support/repo-root';
import { costEffectivenessArb, simulationRunArb } from '../support/arbitraries';
import { tempDir, tempStore, type TempStore } from '../support/temp-store';
import { typedApi } from '../support/typed-api';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function open(options: { dir?: string } = {}) {
  const temp: TempStore = await tempStore({ backupOnStart: false, prefix: 'sroi-ce-', ...options });
  cleanups.push(temp.cleanup);
  return { temp, ...typedApi(new Dispatcher(createHandlers(temp.store))) };
}

const w2File = (): ProjectFile =>
  JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8')) as ProjectFile;

const filled: CostEffectivenessInputs = {
  uniqueClients: '412',
  health: {
    comparatorCost: '0',
    qalys: [{ label: 'Retained in treatment', utilityGain: '0.10', persons: '20', years: 2, source: 'EQ-5D survey' }],
    deaths: [{ label: 'Overdose deaths', deaths: '3', yearsOfLifeLost: '35.5', source: 'Coroner' }],
    disability: [
      { label: 'Hepatitis C', persons: '4', disabilityWeight: '0.3', durationYears: '10', source: 'GBD 2019' },
    ],
  },
  breakEven: {
    outcomes: 'overdose deaths averted',
    valueName: 'value of one death averted',
    valueOfOneOutcome: null,
    source: '',
    outcomeId: 'overdose',
    annualBudget: null,
  },
  sectors: { 'stakeholder:people': 'people-and-families', 'funder:city council': 'wider-community' },
  thresholds: [
    {
      id: 'own-1',
      label: 'Regional health authority',
      value: '25000.00',
      unit: 'QALY',
      currency: 'EUR',
      date: '2025',
      country: 'IT',
      source: 'Board minutes',
      sourceUrl: '',
      notes: '',
    },
  ],
  thresholdId: 'own-1',
};

describe('cost-effectiveness inputs', () => {
  it('are saved with the project, decimals made canonical, and read back whole', async () => {
    const { ok } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    expect((await ok('projects/get', { id })).costEffectiveness).toEqual(EMPTY_COST_EFFECTIVENESS);

    await ok('projects/update', { id, changes: { costEffectiveness: filled } });
    const saved = (await ok('projects/get', { id })).costEffectiveness;
    expect(saved.health.qalys[0].utilityGain).toBe('0.1');
    expect(saved.thresholds[0].value).toBe('25000');
    expect(saved).toEqual({
      ...filled,
      health: { ...filled.health, qalys: [{ ...filled.health.qalys[0], utilityGain: '0.1' }] },
      thresholds: [{ ...filled.thresholds[0], value: '25000' }],
    });
  });

  it('a bad value is refused naming the field, and nothing is written', async () => {
    const { ok, call } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    const bad = {
      ...filled,
      health: { ...filled.health, qalys: [{ ...filled.health.qalys[0], utilityGain: '1.5' }] },
    };
    const result = await call('projects/update', { id, changes: { costEffectiveness: bad } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(JSON.stringify(result.error.fields)).toMatch(/utilityGain/);
    expect(JSON.stringify(result.error.fields)).toMatch(/between -1 and 1/);
    expect((await ok('projects/get', { id })).costEffectiveness).toEqual(EMPTY_COST_EFFECTIVENESS);
  });

  it('a break-even outcome that is not in the project is refused', async () => {
    const { ok, call } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    const unknown = { ...filled, breakEven: { ...filled.breakEven!, outcomeId: 'no-such-outcome' } };
    const result = await call('projects/update', { id, changes: { costEffectiveness: unknown } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.fields?.[0].path).toBe('changes.costEffectiveness.breakEven.outcomeId');
  });

  it('deleting the break-even outcome keeps its proxy value as the value of one outcome', async () => {
    const { ok } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    await ok('projects/update', { id, changes: { costEffectiveness: filled } });
    const proxy = (await ok('projects/get', { id })).outcomes.find((o) => o.id === 'overdose')!.proxy.value;
    await ok('outcomes/delete', { projectId: id, id: 'overdose' });
    const project = await ok('projects/get', { id });
    expect(project.costEffectiveness.breakEven).toMatchObject({ outcomeId: null, valueOfOneOutcome: proxy });
    // The export stays a valid file: no reference to the deleted outcome.
    expect(parseProjectFile(await ok('projects/export', { id })).ok).toBe(true);
  });

  it('export then import gives back any generated inputs unchanged', async () => {
    const { ok } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    const outcomeIds = w2File().project.outcomes.map((o) => o.id);
    await fc.assert(
      fc.asyncProperty(costEffectivenessArb(outcomeIds), async (ce) => {
        await ok('projects/update', { id, changes: { costEffectiveness: ce } });
        const exported = await ok('projects/export', { id });
        expect(exported.project.costEffectiveness).toEqual(ce);
        const copy = await ok('projects/import', { file: exported, asCopy: true });
        expect((await ok('projects/get', { id: copy.id })).costEffectiveness).toEqual(ce);
      }),
      { numRuns: 25 },
    );
  });
});

describe('strategy distributions', () => {
  it('are stored with the strategy and read back', async () => {
    const { ok } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    const strategy = {
      id: 'svc',
      name: 'Current service',
      cost: '106250',
      effect: '2.4',
      notes: '',
      uncertainty: {
        cost: { type: 'gamma' as const, mean: '106250', se: '10000' },
        effect: { type: 'pert' as const, min: '1.50', mode: '2.4', max: '3' },
      },
    };
    await ok('strategies/save', { projectId: id, item: strategy });
    const saved = (await ok('projects/get', { id })).strategies.find((s) => s.id === 'svc');
    expect(saved?.uncertainty).toEqual({
      ...strategy.uncertainty,
      effect: { ...strategy.uncertainty.effect, min: '1.5' },
    });
  });
});

describe('the last Monte Carlo run', () => {
  it('is kept with the project, replaced by the next, cleared with null, and named in the history once', async () => {
    const { ok } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    const [first, second] = fc.sample(simulationRunArb(), { seed: 7, numRuns: 2 });
    await ok('projects/saveSimulation', { id, run: first });
    expect((await ok('projects/get', { id })).lastSimulation).toEqual(first);
    await ok('projects/saveSimulation', { id, run: second });
    expect((await ok('projects/get', { id })).lastSimulation).toEqual(second);
    const exported = await ok('projects/export', { id });
    expect(exported.project.lastSimulation).toEqual(second);
    expect(parseProjectFile(exported).ok).toBe(true);
    await ok('projects/saveSimulation', { id, run: null });
    expect((await ok('projects/get', { id })).lastSimulation).toBeNull();

    const history = await ok('projects/history', { id, limit: 50 });
    const runs = history.filter((h) => h.field === 'lastSimulation');
    expect(runs).toHaveLength(3);
    expect(runs[0].newValue).toBeNull();
    expect(runs[1].newValue).toBe(`${second.iterations} iterations, seed ${second.seed}, at ${second.ranAt}`);
    // Editing the scope afterwards does not copy the run into the field-by-field history.
    await ok('projects/saveSimulation', { id, run: first });
    await ok('projects/update', { id, changes: { name: 'Renamed' } });
    const after = await ok('projects/history', { id, limit: 5 });
    expect(after[0]).toMatchObject({ field: 'name', newValue: 'Renamed' });
    expect(after.filter((h) => h.field?.startsWith('lastSimulation.'))).toEqual([]);
  });

  it('a run that is not a run is refused and the stored one is kept', async () => {
    const { ok, call } = await open();
    const { id } = await ok('projects/import', { file: w2File(), asCopy: false });
    const [run] = fc.sample(simulationRunArb(), { seed: 3, numRuns: 1 });
    await ok('projects/saveSimulation', { id, run });
    const broken = { ...run, seed: -1 };
    expect(await call('projects/saveSimulation', { id, run: broken })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect((await ok('projects/get', { id })).lastSimulation).toEqual(run);
  });
});

describe('schema version 1', () => {
  it('a version 1 data file is migrated: its projects get empty inputs, no run, strategies without distributions', async () => {
    const dir = tempDir('sroi-ce-migrate-');
    const file = join(dir, 'sroi.sqlite');
    const db = openDatabase(file);
    await migrate(db, async () => undefined, [initialSchema]);
    const now = '2025-01-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO projects (id, name, analysis_type, period_start, period_end, price_year, currency, discount_rate,
        year_one_convention, created_at, updated_at)
       VALUES ('old', 'Written by version 1', 'forecast', '2024-01-01', '2024-12-31', 2024, 'EUR', '0.035', 'guide', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO strategies (project_id, id, position, name, cost, effect) VALUES ('old', 'none', 0, 'No service', '0', '0')`,
    ).run();
    db.close();

    const { temp, ok } = await open({ dir });
    expect(temp.store.migration).toMatchObject({ from: 1, to: LATEST_SCHEMA_VERSION });
    const project = await ok('projects/get', { id: 'old' });
    expect(project.costEffectiveness).toEqual(EMPTY_COST_EFFECTIVENESS);
    expect(project.lastSimulation).toBeNull();
    expect(project.strategies).toEqual([
      { id: 'none', name: 'No service', cost: '0', effect: '0', notes: '', uncertainty: {} },
    ]);
  });

  it('a version 1 project file opens, with the fields it could not have set to their defaults', () => {
    const file = w2File() as unknown as { schemaVersion: number; project: Record<string, unknown> };
    file.schemaVersion = 1;
    delete file.project.costEffectiveness;
    delete file.project.lastSimulation;
    for (const s of file.project.strategies as Array<Record<string, unknown>>) delete s.uncertainty;
    const parsed = parseProjectFile(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.project.costEffectiveness).toEqual(EMPTY_COST_EFFECTIVENESS);
    expect(parsed.value.project.lastSimulation).toBeNull();
  });
});
