/**
 * Changes to the cost-effectiveness inputs saved with the project (Project.costEffectiveness), as pure
 * functions from the stored object to the next one. The screen hands them to `useProject().updateScope`, which
 * applies each to the latest saved project, so quick edits in several fields never overwrite one another, and
 * the whole object is saved (and undoable) each time.
 */
import type {
  BreakEvenSettings,
  CostEffectivenessInputs,
  DeathsAvertedEntry,
  DisabilityAvertedEntry,
  QalyGain,
  Sector,
} from '../../../shared/model';
import type { SaveOutcome } from '../hooks/useProject';

export type CeChange = (inputs: CostEffectivenessInputs) => CostEffectivenessInputs;
/** Save one change of the cost-effectiveness inputs with the project. */
export type SaveCe = (change: CeChange) => Promise<SaveOutcome>;

const EMPTY_BREAK_EVEN: BreakEvenSettings = {
  outcomes: '',
  valueName: '',
  valueOfOneOutcome: null,
  source: '',
  outcomeId: null,
  annualBudget: null,
};

/** Change some break-even settings; with nothing left in them, the break-even is "not given" (null). */
export function withBreakEven(change: Partial<BreakEvenSettings>): CeChange {
  return (inputs) => {
    const next = { ...(inputs.breakEven ?? EMPTY_BREAK_EVEN), ...change };
    const empty =
      next.outcomeId === null &&
      next.valueOfOneOutcome === null &&
      next.annualBudget === null &&
      [next.outcomes, next.valueName, next.source].every((text) => text.trim() === '');
    return { ...inputs, breakEven: empty ? null : next };
  };
}

/** The user's sector for a party of "who pays, who benefits"; null forgets the choice. */
export function withSector(partyKey: string, sector: Sector | null): CeChange {
  return (inputs) => {
    const sectors = { ...inputs.sectors };
    if (sector === null) delete sectors[partyKey];
    else sectors[partyKey] = sector;
    return { ...inputs, sectors };
  };
}

// ---------------------------------------------------------------------------------------------------------
// Health effects: lists of entries, each edited field by field

/** One entry as the texts of its fields ('' = empty); numbers are canonical decimal strings. */
export type RowDraft = Record<string, string>;

export interface HealthField {
  key: string;
  kind: 'text' | 'number';
  required: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  /** What a new entry starts with (an empty entry still has it). */
  initial?: string;
}

export interface HealthRowSpec<T> {
  list: 'qalys' | 'deaths' | 'disability';
  fields: readonly HealthField[];
  toDraft: (row: T) => RowDraft;
  /** The entry from a draft whose required fields are all given (see `missingFields`). */
  fromDraft: (draft: RowDraft) => T;
  rowsOf: (inputs: CostEffectivenessInputs) => readonly T[];
  withRows: (inputs: CostEffectivenessInputs, rows: T[]) => CostEffectivenessInputs;
}

const text = (key: string): HealthField => ({ key, kind: 'text', required: false });

export const QALY_ROWS: HealthRowSpec<QalyGain> = {
  list: 'qalys',
  fields: [
    text('label'),
    { key: 'utilityGain', kind: 'number', required: true, min: -1, max: 1 },
    { key: 'persons', kind: 'number', required: true, min: 0 },
    { key: 'years', kind: 'number', required: true, min: 1, max: 100, integer: true, initial: '1' },
    text('source'),
  ],
  toDraft: (q) => ({ ...q, years: String(q.years) }),
  fromDraft: (d) => ({
    label: d.label.trim(),
    utilityGain: d.utilityGain,
    persons: d.persons,
    years: Number(d.years),
    source: d.source.trim(),
  }),
  rowsOf: (inputs) => inputs.health.qalys,
  withRows: (inputs, qalys) => ({ ...inputs, health: { ...inputs.health, qalys } }),
};

export const DEATH_ROWS: HealthRowSpec<DeathsAvertedEntry> = {
  list: 'deaths',
  fields: [
    text('label'),
    { key: 'deaths', kind: 'number', required: true, min: 0 },
    { key: 'yearsOfLifeLost', kind: 'number', required: true, min: 0 },
    text('source'),
  ],
  toDraft: (d) => ({ ...d }),
  fromDraft: (d) => ({
    label: d.label.trim(),
    deaths: d.deaths,
    yearsOfLifeLost: d.yearsOfLifeLost,
    source: d.source.trim(),
  }),
  rowsOf: (inputs) => inputs.health.deaths,
  withRows: (inputs, deaths) => ({ ...inputs, health: { ...inputs.health, deaths } }),
};

export const DISABILITY_ROWS: HealthRowSpec<DisabilityAvertedEntry> = {
  list: 'disability',
  fields: [
    text('label'),
    { key: 'persons', kind: 'number', required: true, min: 0 },
    { key: 'disabilityWeight', kind: 'number', required: true, min: 0, max: 1 },
    { key: 'durationYears', kind: 'number', required: true, min: 0 },
    text('source'),
  ],
  toDraft: (d) => ({ ...d }),
  fromDraft: (d) => ({
    label: d.label.trim(),
    persons: d.persons,
    disabilityWeight: d.disabilityWeight,
    durationYears: d.durationYears,
    source: d.source.trim(),
  }),
  rowsOf: (inputs) => inputs.health.disability,
  withRows: (inputs, disability) => ({ ...inputs, health: { ...inputs.health, disability } }),
};

export function emptyDraft(spec: { fields: readonly HealthField[] }): RowDraft {
  return Object.fromEntries(spec.fields.map((f) => [f.key, f.initial ?? '']));
}

/** The required fields still empty (by key, in the order of the form). */
export function missingFields(spec: { fields: readonly HealthField[] }, draft: RowDraft): string[] {
  return spec.fields.filter((f) => f.required && (draft[f.key] ?? '').trim() === '').map((f) => f.key);
}

/** Nothing typed beyond what a new entry starts with: the entry is "not given". */
export function isEmptyDraft(spec: { fields: readonly HealthField[] }, draft: RowDraft): boolean {
  return spec.fields.every((f) => (draft[f.key] ?? '').trim() === (f.initial ?? ''));
}

/** Replace entry `index`, add one (index 'new') or remove it (row null). */
export function withHealthRow<T>(spec: HealthRowSpec<T>, index: number | 'new', row: T | null): CeChange {
  return (inputs) => {
    const rows = spec.rowsOf(inputs);
    let next: T[];
    if (index === 'new') next = row === null ? [...rows] : [...rows, row];
    else if (row === null) next = rows.filter((_, i) => i !== index);
    else next = rows.map((r, i) => (i === index ? row : r));
    return spec.withRows(inputs, next);
  };
}
