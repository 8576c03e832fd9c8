/**
 * The lists of a project (stakeholders, inputs, outputs, outcomes, evidence, stories, strategies, scenarios)
 * through the dispatcher on a real store: save, update in place, reorder and delete for each; references inside
 * a project (an item in use cannot be deleted, a missing reference is a VALIDATION naming the field, deleting an
 * outcome keeps its stories); and the database's own CHECK constraints, which refuse bad rows even when the
 * services are bypassed, proving that the schema mirrors the zod rules.
 */
import fc from 'fast-check';
import type { Database as Db } from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../electron/backend/dispatcher';
import { createHandlers } from '../../electron/backend/handlers';
import {
  decimalText,
  evidenceMapper,
  inputMapper,
  outcomeMapper,
  outputMapper,
  scenarioMapper,
  stakeholderMapper,
  storyMapper,
  strategyMapper,
  type Row,
} from '../../electron/backend/repositories/mappers';
import type { Store } from '../../electron/backend/store';
import type { Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import {
  DecimalString,
  Fraction,
  OutputPeriod,
  parseProjectFile,
  type Evidence,
  type Input,
  type Outcome,
  type Scenario,
  type StakeholderGroup,
  type Story,
  type Strategy,
} from '../../shared/model';
import type { OutputWithoutRecords } from '../../shared/ipc/contract';
import { fractionArb, signedDecimalArb } from '../support/arbitraries';
import { tempStore, type TempStore } from '../support/temp-store';
import { typedApi } from '../support/typed-api';

const api = typedApi;

let temp: TempStore;
let store: Store;
let db: Db;
let call: ReturnType<typeof api>['call'];
let ok: ReturnType<typeof api>['ok'];
/** An untyped call, for the tables of tests that run over every list. */
let dispatch: (channel: string, payload: unknown) => Promise<Result<unknown>>;

beforeAll(async () => {
  temp = await tempStore({ backupOnStart: false, prefix: 'sroi-lists-' });
  store = temp.store;
  db = store.db;
  const dispatcher = new Dispatcher(createHandlers(store));
  ({ call, ok } = api(dispatcher));
  dispatch = (channel, payload) => dispatcher.dispatch(channel, payload);
});

afterAll(async () => {
  await temp?.cleanup();
});

// ---------------------------------------------------------------------------------------------------------
// Items

function stakeholder(id: string, overrides: Partial<StakeholderGroup> = {}): StakeholderGroup {
  return { id, name: `Group ${id}`, size: 100, involvement: 'Survey', peopleConsulted: 12, ...overrides };
}

function cashInput(id: string, overrides: Partial<Extract<Input, { kind: 'cash' }>> = {}): Input {
  return {
    id,
    kind: 'cash',
    stakeholderId: 's0',
    description: `Grant ${id}`,
    category: 'Grant',
    funder: 'City',
    year: 1,
    notes: '',
    amount: '1000',
    ...overrides,
  };
}

function output(id: string, overrides: Partial<OutputWithoutRecords> = {}): OutputWithoutRecords {
  return { id, name: `Syringes ${id}`, unit: 'syringes', stakeholderId: null, notes: '', ...overrides };
}

function outcome(id: string, overrides: Partial<Outcome> = {}): Outcome {
  return {
    id,
    stakeholderId: 's0',
    name: `Outcome ${id}`,
    indicator: 'Indicator',
    evidenceSource: 'Records',
    quantity: '10',
    proxy: {
      description: 'Proxy',
      value: '100',
      currency: 'EUR',
      priceYear: 2025,
      source: 'Source',
      sourceUrl: '',
      libraryId: null,
      priceIndex: null,
      exchangeRate: null,
    },
    duration: 2,
    start: 'during',
    deadweight: '0.2',
    displacement: '0',
    attribution: '0.1',
    dropOff: '0.3',
    attributionShares: [],
    intended: true,
    notes: '',
    uncertainty: {},
    ...overrides,
  };
}

function evidence(id: string, overrides: Partial<Evidence> = {}): Evidence {
  return { id, outcomeId: 'o0', title: `Survey ${id}`, kind: 'survey', citation: '', url: '', notes: '', ...overrides };
}

function story(id: string, overrides: Partial<Story> = {}): Story {
  return {
    id,
    outcomeId: null,
    kind: 'quote',
    text: `"It helped me" (${id})`,
    consent: true,
    anonymised: true,
    attributedTo: '',
    date: '2025-05-01',
    ...overrides,
  };
}

function strategy(id: string, overrides: Partial<Strategy> = {}): Strategy {
  return { id, name: `Strategy ${id}`, cost: '25000', effect: '3.5', notes: '', uncertainty: {}, ...overrides };
}

function scenario(id: string, overrides: Partial<Scenario> = {}): Scenario {
  return {
    id,
    name: `Scenario ${id}`,
    description: '',
    overrides: [{ target: 'outcome', id: 'o0', field: 'deadweight', value: '0.3' }],
    ...overrides,
  };
}

type ListName =
  'stakeholders' | 'inputs' | 'outputs' | 'outcomes' | 'evidence' | 'stories' | 'strategies' | 'scenarios';

/** For each list: how to make an item, and one edit of it (with the canonical value the store gives back). */
const LISTS: Record<
  ListName,
  { make: (id: string) => { id: string }; edit: (item: { id: string }) => { id: string } }
> = {
  stakeholders: { make: (id) => stakeholder(id), edit: (i) => ({ ...i, name: 'Renamed group', size: null }) },
  inputs: { make: (id) => cashInput(id), edit: (i) => ({ ...i, amount: '1500.5', funder: 'Region' }) },
  outputs: { make: (id) => output(id), edit: (i) => ({ ...i, unit: 'packs', stakeholderId: 's0' }) },
  outcomes: {
    make: (id) => outcome(id),
    edit: (i) => ({ ...i, deadweight: '0.25', proxy: { ...(i as Outcome).proxy, value: '-40.5' } }),
  },
  evidence: {
    make: (id) => evidence(id),
    edit: (i) => ({ ...i, title: 'Interviews, wave 2', kind: 'interviews', outcomeId: null }),
  },
  stories: { make: (id) => story(id), edit: (i) => ({ ...i, consent: false, outcomeId: 'o0' }) },
  strategies: { make: (id) => strategy(id), edit: (i) => ({ ...i, cost: '-100', effect: '0.5' }) },
  scenarios: {
    make: (id) => scenario(id),
    edit: (i) => ({
      ...i,
      description: 'Budget -20 %',
      overrides: [{ target: 'input', id: 'i0', field: 'amount', value: '800' }],
    }),
  },
};
const LIST_NAMES = Object.keys(LISTS) as ListName[];

/** A project with one stakeholder s0, input i0 and outcome o0, for the other items to refer to. */
let projectId = '';
beforeEach(async () => {
  projectId = (await ok('projects/create', { name: 'Lists', currency: 'EUR' })).id;
  await ok('stakeholders/save', { projectId, item: stakeholder('s0') });
  await ok('inputs/save', { projectId, item: cashInput('i0') });
  await ok('outcomes/save', { projectId, item: outcome('o0') });
});

const getProject = () => ok('projects/get', { id: projectId });
const listOf = async (name: ListName): Promise<{ id: string }[]> => {
  const project = await getProject();
  return name === 'outputs'
    ? project.outputs.map(({ records: _records, ...o }) => o)
    : (project[name] as { id: string }[]);
};

/** Row counts, the last audit row and a hash of every row: what "nothing changed" means. */
function snapshot(): string {
  const tables = (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

// ---------------------------------------------------------------------------------------------------------

describe.each(LIST_NAMES)('%s: save, update, reorder, delete', (name) => {
  const { make, edit } = LISTS[name];

  it('saves new items at the end, updates in place, reorders, deletes', async () => {
    const base = (await listOf(name)).map((i) => i.id);
    const [a, b, c] = ['a1', 'b2', 'c3'].map((id) => make(`${name.slice(0, 3)}-${id}`));

    for (const item of [a, b, c])
      expect(await dispatch(`${name}/save`, { projectId, item })).toEqual({ ok: true, value: item });
    expect(await listOf(name)).toEqual([...(await listOf(name)).filter((i) => base.includes(i.id)), a, b, c]);

    // Update: same position, new values; one audit row per changed field.
    const seq = (await ok('projects/history', { id: projectId, limit: 1 }))[0].seq;
    const changed = edit(b);
    expect(await dispatch(`${name}/save`, { projectId, item: changed })).toEqual({ ok: true, value: changed });
    const afterEdit = await listOf(name);
    expect(afterEdit.map((i) => i.id)).toEqual([...base, a.id, b.id, c.id]);
    expect(afterEdit.find((i) => i.id === b.id)).toEqual(changed);
    const entries = (await ok('projects/history', { id: projectId })).filter((e) => e.seq > seq);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.action === 'update' && e.entity === name && e.entityId === b.id && e.field)).toBe(
      true,
    );

    // Reorder.
    const reversed = [...base, a.id, b.id, c.id].reverse();
    expect(await dispatch(`${name}/reorder`, { projectId, ids: reversed })).toEqual({
      ok: true,
      value: { done: true },
    });
    expect((await listOf(name)).map((i) => i.id)).toEqual(reversed);

    // A reorder that does not list each item exactly once is refused and changes nothing.
    const before = snapshot();
    for (const ids of [
      reversed.slice(1),
      [...reversed, 'extra'],
      [...reversed.slice(1), reversed[1]],
      [...reversed.slice(1), 'ghost'],
    ]) {
      expect(await dispatch(`${name}/reorder`, { projectId, ids }), JSON.stringify(ids)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
    }
    expect(snapshot()).toBe(before);

    // Delete.
    expect(await dispatch(`${name}/delete`, { projectId, id: b.id })).toEqual({ ok: true, value: { done: true } });
    expect((await listOf(name)).map((i) => i.id)).toEqual(reversed.filter((id) => id !== b.id));
    expect(await dispatch(`${name}/delete`, { projectId, id: b.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const [deleted] = await ok('projects/history', { id: projectId, limit: 1 });
    expect(deleted).toMatchObject({ action: 'delete', entity: name, entityId: b.id });
    expect(JSON.parse(deleted.oldValue ?? 'null')).toEqual(changed);

    // A new item saved after a reorder still goes to the end.
    const d = make(`${name.slice(0, 3)}-d4`);
    await dispatch(`${name}/save`, { projectId, item: d });
    expect((await listOf(name)).map((i) => i.id).at(-1)).toBe(d.id);

    // The whole project is still a valid model file.
    expect(parseProjectFile(await ok('projects/export', { id: projectId })).ok).toBe(true);
  });

  it('saving into a project that does not exist, or was deleted, is NOT_FOUND and writes nothing', async () => {
    const before = snapshot();
    expect(await dispatch(`${name}/save`, { projectId: 'no-such-project', item: make('x1') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch(`${name}/delete`, { projectId: 'no-such-project', id: 'x1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch(`${name}/reorder`, { projectId: 'no-such-project', ids: [] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(snapshot()).toBe(before);
    await ok('projects/delete', { id: projectId });
    const afterDelete = snapshot();
    expect(await dispatch(`${name}/save`, { projectId, item: make('x2') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(snapshot()).toBe(afterDelete);
  });

  it('the same item id may be used in another project', async () => {
    const other = (await ok('projects/create', { name: 'Other' })).id;
    await ok('stakeholders/save', { projectId: other, item: stakeholder('s0', { name: 'Other group' }) });
    await ok('inputs/save', { projectId: other, item: cashInput('i0') });
    await ok('outcomes/save', { projectId: other, item: outcome('o0') });
    const item = make('shared-id');
    await dispatch(`${name}/save`, { projectId, item });
    await dispatch(`${name}/save`, { projectId: other, item: edit(item) });
    expect((await listOf(name)).find((i) => i.id === 'shared-id')).toEqual(item);
  });
});

describe('inputs of every kind', () => {
  it('a cash input can become volunteer time and in-kind, and back', async () => {
    const volunteer: Input = {
      id: 'i0',
      kind: 'volunteer',
      stakeholderId: 's0',
      description: 'Peers',
      category: 'Volunteer time',
      funder: '',
      year: 2,
      notes: '',
      hours: '1500',
      hourlyRate: '9.50',
      rateSource: 'Minimum wage',
    };
    expect(await ok('inputs/save', { projectId, item: volunteer })).toEqual({ ...volunteer, hourlyRate: '9.5' });
    const inKind: Input = { ...cashInput('i0'), kind: 'in-kind', amount: '12000', valuationSource: 'Market value' };
    expect(await ok('inputs/save', { projectId, item: inKind })).toEqual(inKind);
    expect(await ok('inputs/save', { projectId, item: cashInput('i0') })).toEqual(cashInput('i0'));
    expect((await getProject()).inputs).toEqual([cashInput('i0')]);
  });
});

describe('output records', () => {
  it('are replaced whole, listed in order, and go with their output', async () => {
    await ok('outputs/save', { projectId, item: output('out1') });
    const records = [
      {
        period: '2024-02',
        count: '12',
        breakdown: [
          { categories: { gender: 'women' }, count: '5' },
          { categories: { gender: 'men' }, count: '7' },
        ],
      },
      { period: '2024-01', count: '3.50', breakdown: [] },
      { period: '2024', count: '100', breakdown: [] },
    ];
    expect(await ok('outputRecords/replace', { projectId, outputId: 'out1', records })).toEqual({ count: 3 });
    expect(await ok('outputRecords/list', { projectId, outputId: 'out1' })).toEqual([
      records[0],
      { ...records[1], count: '3.5' },
      records[2],
    ]);
    expect(await ok('outputRecords/replace', { projectId, outputId: 'out1', records: [records[2]] })).toEqual({
      count: 1,
    });
    expect(await ok('outputRecords/list', { projectId, outputId: 'out1' })).toEqual([records[2]]);

    expect(await call('outputRecords/replace', { projectId, outputId: 'ghost', records })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await ok('outputs/delete', { projectId, id: 'out1' });
    expect(await call('outputRecords/list', { projectId, outputId: 'out1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(db.prepare('SELECT count(*) AS n FROM output_records WHERE project_id = ?').get(projectId)).toEqual({
      n: 0,
    });
  });

  it('saving an output keeps its records (they have channels of their own)', async () => {
    await ok('outputs/save', { projectId, item: output('out2') });
    await ok('outputRecords/replace', {
      projectId,
      outputId: 'out2',
      records: [{ period: '2025-03', count: '4', breakdown: [] }],
    });
    await ok('outputs/save', { projectId, item: output('out2', { name: 'Renamed output' }) });
    expect(await ok('outputRecords/list', { projectId, outputId: 'out2' })).toEqual([
      { period: '2025-03', count: '4', breakdown: [] },
    ]);
  });
});

describe('references inside a project', () => {
  it('a stakeholder in use cannot be deleted: CONFLICT saying by what, and nothing changes', async () => {
    await ok('outputs/save', { projectId, item: output('out1', { stakeholderId: 's0' }) });
    await ok('inputs/save', { projectId, item: cashInput('i1') });
    const before = snapshot();
    const result = await call('stakeholders/delete', { projectId, id: 's0' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toMatch(/2 inputs.*1 outcome.*1 output/);
    expect(snapshot()).toBe(before);
  });

  it('a stakeholder used only by an output cannot be deleted either; an unused one can', async () => {
    await ok('stakeholders/save', { projectId, item: stakeholder('s1') });
    await ok('stakeholders/save', { projectId, item: stakeholder('s2') });
    await ok('outputs/save', { projectId, item: output('out1', { stakeholderId: 's1' }) });
    expect(await call('stakeholders/delete', { projectId, id: 's1' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await ok('stakeholders/delete', { projectId, id: 's2' });
    expect((await getProject()).stakeholders.map((s) => s.id)).toEqual(['s0', 's1']);
  });

  it('an outcome or input a scenario overrides cannot be deleted', async () => {
    await ok('scenarios/save', {
      projectId,
      item: scenario('sc1', {
        overrides: [
          { target: 'outcome', id: 'o0', field: 'quantity', value: '5' },
          { target: 'input', id: 'i0', field: 'amount', value: '1' },
        ],
      }),
    });
    const before = snapshot();
    for (const [channel, id] of [
      ['outcomes/delete', 'o0'],
      ['inputs/delete', 'i0'],
    ] as const) {
      const result = await call(channel, { projectId, id });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!result.ok) expect(result.error.message).toContain('Scenario sc1');
    }
    expect(snapshot()).toBe(before);
  });

  it('deleting an outcome keeps its stories and evidence, unattached', async () => {
    await ok('outcomes/save', { projectId, item: outcome('o1') });
    await ok('stories/save', { projectId, item: story('st1', { outcomeId: 'o1' }) });
    await ok('stories/save', { projectId, item: story('st2', { outcomeId: 'o0' }) });
    await ok('evidence/save', { projectId, item: evidence('e1', { outcomeId: 'o1' }) });
    const seq = (await ok('projects/history', { id: projectId, limit: 1 }))[0].seq;

    await ok('outcomes/delete', { projectId, id: 'o1' });
    const project = await getProject();
    expect(project.outcomes.map((o) => o.id)).toEqual(['o0']);
    expect(project.stories).toEqual([story('st1', { outcomeId: null }), story('st2', { outcomeId: 'o0' })]);
    expect(project.evidence).toEqual([evidence('e1', { outcomeId: null })]);
    const entries = (await ok('projects/history', { id: projectId })).filter((e) => e.seq > seq);
    expect(entries.map((e) => [e.entity, e.entityId, e.action, e.field, e.oldValue, e.newValue])).toEqual(
      expect.arrayContaining([
        ['stories', 'st1', 'update', 'outcomeId', 'o1', null],
        ['evidence', 'e1', 'update', 'outcomeId', 'o1', null],
        ['outcomes', 'o1', 'delete', null, expect.any(String), null],
      ]),
    );
    expect(parseProjectFile(await ok('projects/export', { id: projectId })).ok).toBe(true);
  });

  const missing: [string, Channel, () => unknown, string][] = [
    [
      'an outcome for a missing stakeholder',
      'outcomes/save',
      () => outcome('o9', { stakeholderId: 'ghost' }),
      'item.stakeholderId',
    ],
    [
      'an input for a missing stakeholder',
      'inputs/save',
      () => cashInput('i9', { stakeholderId: 'ghost' }),
      'item.stakeholderId',
    ],
    [
      'an output for a missing stakeholder',
      'outputs/save',
      () => output('out9', { stakeholderId: 'ghost' }),
      'item.stakeholderId',
    ],
    ['evidence for a missing outcome', 'evidence/save', () => evidence('e9', { outcomeId: 'ghost' }), 'item.outcomeId'],
    ['a story for a missing outcome', 'stories/save', () => story('st9', { outcomeId: 'ghost' }), 'item.outcomeId'],
    [
      'a scenario overriding a missing input',
      'scenarios/save',
      () =>
        scenario('sc9', {
          overrides: [scenario('x').overrides[0], { target: 'input', id: 'o0', field: 'amount', value: '1' }],
        }),
      'item.overrides[1].id',
    ],
    [
      'a proxy in another currency without a rate',
      'outcomes/save',
      () => outcome('o9', { proxy: { ...outcome('x').proxy, currency: 'GBP' } }),
      'item.proxy.exchangeRate',
    ],
  ];
  for (const [what, channel, item, path] of missing) {
    it(`${what} -> VALIDATION naming ${path}, nothing written`, async () => {
      const before = snapshot();
      const result = await dispatch(channel, { projectId, item: item() });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.fields?.map((f) => f.path)).toEqual([path]);
      expect(snapshot()).toBe(before);
    });
  }

  it('an existing outcome moved to a missing stakeholder is refused and keeps its old values', async () => {
    const before = (await getProject()).outcomes;
    const result = await call('outcomes/save', {
      projectId,
      item: outcome('o0', { stakeholderId: 'ghost', deadweight: '0.9' }),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'item.stakeholderId' }] },
    });
    expect((await getProject()).outcomes).toEqual(before);
  });

  it('a proxy in another currency with a rate is accepted', async () => {
    const item = outcome('o5', {
      proxy: {
        ...outcome('x').proxy,
        currency: 'GBP',
        exchangeRate: { rate: '1.1700', date: '2025-06-30', source: 'ECB' },
      },
    });
    const saved = await ok('outcomes/save', { projectId, item });
    expect(saved.proxy.exchangeRate).toEqual({ rate: '1.17', date: '2025-06-30', source: 'ECB' });
  });

  // Regression (fixed; electron/backend/services/list-service.ts, checkReferences for 'outcomes'): it refuses a foreign-currency
  // proxy without a rate, but not the opposite rule of shared/model/project-file.ts: a proxy in the project's own
  // currency with an exchange rate other than 1. Such an outcome is saved, and from then on projects/export answers
  // INTERNAL (its output breaks the contract's ProjectFile rules): the project can no longer be exported. Expected:
  // VALIDATION naming item.proxy.exchangeRate.rate, as the file import does.
  it('a proxy in the project currency with a rate other than 1 is refused like the file import refuses it', async () => {
    const item = outcome('o6', {
      proxy: {
        ...outcome('x').proxy,
        currency: 'EUR',
        exchangeRate: { rate: '1.17', date: '2025-06-30', source: 'ECB' },
      },
    });
    const before = snapshot();
    const result = await call('outcomes/save', { projectId, item });
    const exported = await call('projects/export', { id: projectId });
    expect(exported.ok, 'the project can still be exported').toBe(true);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'item.proxy.exchangeRate.rate' }] },
    });
    expect(snapshot()).toBe(before);
  });

  // Regression (fixed; the CHECK constraints of electron/backend/db/migrations/001-initial.ts vs the zod Text rules): SQLite's
  // length() stops at the first NUL character, so a name that starts with "\u0000" passes zod ("is required" is
  // about trimmed JS length) but fails `length(trim(name)) BETWEEN 1 AND 200`: the user gets INTERNAL ("something
  // went wrong") for a payload the contract accepts. Either zod should refuse control characters (VALIDATION with
  // the field) or the store should accept them; never INTERNAL.
  it('a name starting with a NUL character is either refused as VALIDATION or saved, never INTERNAL', async () => {
    const result = await call('stakeholders/save', {
      projectId,
      item: stakeholder('s-nul', { name: '\u0000Clients' }),
    });
    if (!result.ok) expect(result.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'item.name' }] });
  });
});

// ---------------------------------------------------------------------------------------------------------
// The database's own rules

/** Insert one row (column -> value) inside a savepoint that is always rolled back. Returns the SQLite error, if any. */
function tryInsert(table: string, row: Record<string, unknown>): string | null {
  const columns = Object.keys(row);
  db.exec('SAVEPOINT probe');
  try {
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(
      row,
    );
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.exec('ROLLBACK TO probe; RELEASE probe');
  }
}

const projectRow = (): Row => ({
  id: 'direct',
  name: 'Direct SQL',
  organisation: '',
  programme: '',
  analysis_type: 'forecast',
  period_start: '2025-01-01',
  period_end: '2025-12-31',
  price_year: 2025,
  currency: 'EUR',
  discount_rate: '0.035',
  year_one_convention: 'guide',
  effect_unit: '',
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
});
const at = (mapperRow: Row, id: string): Row => ({ ...mapperRow, project_id: projectId, id, position: 99 });

/** A valid row for each table, built by the store's own mappers, so that one changed column is the only fault. */
function validRows(): Record<string, Row> {
  return {
    projects: projectRow(),
    stakeholders: at(stakeholderMapper.toRow(stakeholder('sx')), 'sx'),
    inputs: at(inputMapper.toRow(cashInput('ix')), 'ix'),
    outputs: at(outputMapper.toRow(output('outy')), 'outy'),
    output_records: {
      project_id: projectId,
      output_id: 'outx',
      position: 0,
      period: '2025-01',
      count: '3',
      breakdown: '[]',
    },
    outcomes: at(outcomeMapper.toRow(outcome('ox')), 'ox'),
    evidence: at(evidenceMapper.toRow(evidence('ex')), 'ex'),
    stories: at(storyMapper.toRow(story('stx')), 'stx'),
    strategies: at(strategyMapper.toRow(strategy('gx')), 'gx'),
    scenarios: at(scenarioMapper.toRow(scenario('scx')), 'scx'),
    audit_log: {
      project_id: projectId,
      at: '2025-01-01T00:00:00.000Z',
      actor: 'x',
      entity: 'projects',
      entity_id: projectId,
      action: 'update',
      field: null,
      old_value: null,
      new_value: null,
    },
  };
}

describe('CHECK constraints refuse bad rows even when the services are bypassed', () => {
  it('the valid rows themselves are accepted (so each refusal below is about its one column)', async () => {
    await ok('outputs/save', { projectId, item: output('outx') });
    for (const [table, row] of Object.entries(validRows())) expect(tryInsert(table, row), table).toBeNull();
  });

  const CHECK = /CHECK constraint failed/;
  const TYPE = /cannot store/;
  const FK = /FOREIGN KEY constraint failed/;
  const bad: [string, string, unknown, RegExp][] = [
    ['outcomes', 'deadweight', '1.5', CHECK],
    ['outcomes', 'deadweight', '-0.1', CHECK],
    ['outcomes', 'deadweight', '0.2.1', CHECK],
    ['outcomes', 'deadweight', '1e-1', CHECK],
    ['outcomes', 'deadweight', '', CHECK],
    ['outcomes', 'attribution', 'abc', CHECK],
    ['outcomes', 'drop_off', '2', CHECK],
    ['outcomes', 'quantity', '-1', CHECK],
    ['outcomes', 'quantity', '1,5', CHECK],
    ['outcomes', 'proxy_value', '1 000', CHECK],
    ['outcomes', 'proxy_currency', 'eur', CHECK],
    ['outcomes', 'proxy_currency', 'EURO', CHECK],
    ['outcomes', 'proxy_price_year', 1899, CHECK],
    ['outcomes', 'duration', 101, CHECK],
    ['outcomes', 'duration', -1, CHECK],
    ['outcomes', 'duration', 'five', TYPE],
    ['outcomes', 'duration', 2.5, TYPE],
    ['outcomes', 'start', 'before', CHECK],
    ['outcomes', 'intended', 2, CHECK],
    ['outcomes', 'uncertainty', '{not json', CHECK],
    ['outcomes', 'attribution_shares', '[', CHECK],
    ['outcomes', 'name', '   ', CHECK],
    ['outcomes', 'name', Buffer.from('blob'), TYPE],
    ['outcomes', 'stakeholder_id', 'ghost', FK],
    ['projects', 'currency', 'eur', CHECK],
    ['projects', 'analysis_type', 'guess', CHECK],
    ['projects', 'period_end', '2024-12-31', CHECK],
    ['projects', 'period_start', '2025-02-30', CHECK],
    ['projects', 'price_year', 'abc', TYPE],
    ['projects', 'price_year', 2201, CHECK],
    ['projects', 'discount_rate', '-0.01', CHECK],
    ['projects', 'year_one_convention', 'year1', CHECK],
    ['projects', 'name', '', CHECK],
    ['projects', 'name', 'x'.repeat(201), CHECK],
    ['stakeholders', 'size', -1, CHECK],
    ['stakeholders', 'people_consulted', '12 people', TYPE],
    ['inputs', 'kind', 'loan', CHECK],
    ['inputs', 'amount', '-5', CHECK],
    ['inputs', 'year', 0, CHECK],
    ['inputs', 'stakeholder_id', 'ghost', FK],
    ['outputs', 'stakeholder_id', 'ghost', FK],
    ['output_records', 'period', '2025-1', CHECK],
    ['output_records', 'count', '-3', CHECK],
    ['output_records', 'breakdown', 'nope', CHECK],
    ['output_records', 'output_id', 'ghost', FK],
    ['evidence', 'kind', 'blog', CHECK],
    ['evidence', 'outcome_id', 'ghost', FK],
    ['stories', 'kind', 'poem', CHECK],
    ['stories', 'date', '2025-02-30', CHECK],
    ['stories', 'consent', 3, CHECK],
    ['strategies', 'cost', '€100', CHECK],
    ['scenarios', 'overrides', 'x', CHECK],
    ['audit_log', 'action', 'hack', CHECK],
  ];
  for (const [table, column, value, error] of bad) {
    it(`${table}.${column} = ${Buffer.isBuffer(value) ? 'a BLOB' : JSON.stringify(value)} is refused (${error.source})`, async () => {
      await ok('outputs/save', { projectId, item: output('outx') });
      const row = validRows()[table];
      expect(row, `no column ${column} in ${table}`).toHaveProperty(column);
      expect(tryInsert(table, { ...row, [column]: value }) ?? 'accepted').toMatch(error);
    });
  }

  it('a volunteer input needs hours and a rate, and no amount', async () => {
    const volunteer = at(
      inputMapper.toRow({
        ...cashInput('iv'),
        kind: 'volunteer',
        hours: '10',
        hourlyRate: '9',
        rateSource: '',
      } as Input),
      'iv',
    );
    expect(tryInsert('inputs', volunteer)).toBeNull();
    expect(tryInsert('inputs', { ...volunteer, hours: null }) ?? 'accepted').toMatch(/CHECK/);
    expect(tryInsert('inputs', { ...volunteer, amount: '5' }) ?? 'accepted').toMatch(/CHECK/);
  });

  // Regression (fixed; electron/backend/db/migrations/001-initial.ts, table inputs: the CHECK only says "volunteer <=> hours and
  // rate and no amount"): a cash or in-kind row with NO amount passes it (amount is nullable), although the model
  // requires one; reading such a row back gives amount "" and projects/get then fails its output contract
  // (INTERNAL). Stray volunteer hours or a rate on a cash row pass too. The CHECK should require `amount IS NOT
  // NULL AND hours IS NULL AND hourly_rate IS NULL` when kind is not volunteer.
  it('a cash or in-kind input needs an amount, and has no hours or hourly rate', async () => {
    const cash = at(inputMapper.toRow(cashInput('ic')), 'ic');
    expect(tryInsert('inputs', cash)).toBeNull();
    expect(tryInsert('inputs', { ...cash, amount: null }) ?? 'accepted').toMatch(/CHECK/);
    expect(tryInsert('inputs', { ...cash, kind: 'in-kind', amount: null }) ?? 'accepted').toMatch(/CHECK/);
    expect(tryInsert('inputs', { ...cash, hours: '10', hourly_rate: '9' }) ?? 'accepted').toMatch(/CHECK/);
  });
});

describe('the database never stores a decimal, fraction or period the model forbids', () => {
  /** Whether the database takes `value` in `column` of an otherwise valid outcome or output record row. */
  function dbTakes(table: 'outcomes' | 'output_records', column: string, value: string): boolean {
    const row = table === 'outcomes' ? at(outcomeMapper.toRow(outcome('probe')), 'probe') : validRows().output_records;
    return tryInsert(table, { ...row, [column]: value }) === null;
  }

  const nearlyNumbers = [
    '1.',
    '0.',
    '.5',
    '+1',
    ' 1',
    '1 ',
    '1e3',
    '0x1',
    '١',
    '-0',
    '007',
    '1.0',
    '0.50',
    '1.00000000000000000001',
    '1.0000000000000001',
    '0.99999999999999999999',
  ];

  // Regression (fixed; electron/backend/db/migrations/001-initial.ts, `decimal()` and `fraction()`): the GLOB checks accept a
  // trailing point ("1.", "0.") that zod's DECIMAL_PATTERN refuses, and `CAST(x AS REAL) <= 1` accepts fractions
  // just above 1 ("1.00000000000000000001" is 1.0 as a double). Likewise the period check '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
  // accepts months "00" and "13".."19". The schema promises that "even a bug in the backend cannot store what the
  // model forbids"; these values get through.
  it('in the fraction, decimal and period columns (near-misses once accepted)', async () => {
    await ok('outputs/save', { projectId, item: output('outx') });
    const leaks: string[] = [];
    for (const value of nearlyNumbers) {
      if (dbTakes('outcomes', 'deadweight', value) && !Fraction.safeParse(value).success)
        leaks.push(`deadweight ${value}`);
      if (dbTakes('outcomes', 'proxy_value', value) && !DecimalString.safeParse(value).success)
        leaks.push(`proxy_value ${value}`);
    }
    for (const period of ['2025-00', '2025-13', '2025-19', '2025-1', '25-01', '2025/01']) {
      if (dbTakes('output_records', 'period', period) && !OutputPeriod.safeParse(period).success)
        leaks.push(`period ${period}`);
    }
    expect(leaks).toEqual([]);
  });

  it('for random strings: what the database takes, zod takes (property)', async () => {
    const candidates = fc.oneof(
      fc.constantFrom(...nearlyNumbers),
      signedDecimalArb(),
      fractionArb().map((f) => `${f}0`),
      fc.stringMatching(/^-?[0-9]{0,3}\.?[0-9]{0,3}$/),
      fc.string({ unit: fc.constantFrom(...'0123456789.-+e '), maxLength: 8 }),
    );
    fc.assert(
      fc.property(candidates, (value) => {
        if (dbTakes('outcomes', 'deadweight', value))
          expect(Fraction.safeParse(value).success, `deadweight ${JSON.stringify(value)}`).toBe(true);
        if (dbTakes('outcomes', 'proxy_value', value))
          expect(DecimalString.safeParse(value).success, `proxy_value ${JSON.stringify(value)}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('what zod takes, written as the store writes it (canonical), the database takes (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fractionArb(),
          fractionArb().map((f) => (f.includes('.') ? `${f}00` : `${f}.0`)),
          fc.constant('-0'),
        ),
        signedDecimalArb(),
        (fraction, decimal) => {
          expect(Fraction.safeParse(fraction).success).toBe(true);
          expect(dbTakes('outcomes', 'deadweight', decimalText(fraction))).toBe(true);
          expect(dbTakes('outcomes', 'proxy_value', decimalText(decimal))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
