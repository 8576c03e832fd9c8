/**
 * How each list of a project maps onto its table: column values to and from model items. Decimals are stored
 * canonically (so "0.50" and "0.5" are the same value in the database and in exports); nested objects that
 * are read and written whole (adjustments, shares, distributions) are JSON text.
 */
import { canonical, dec } from '../../../shared/money/decimal';
import type {
  CostEffectivenessInputs,
  Evidence,
  Input,
  Outcome,
  Scenario,
  StakeholderGroup,
  Story,
  Strategy,
} from '../../../shared/model';
import type { OutputWithoutRecords } from '../../../shared/ipc/contract';

export type Row = Record<string, string | number | null>;

export interface ListMapper<Item extends { id: string }> {
  /** Table name, also the audit log's entity name. */
  table: string;
  /** Columns besides project_id, id and position, in a fixed order. */
  columns: readonly string[];
  toRow(item: Item): Row;
  fromRow(row: Row): Item;
}

export const decimalText = (value: string): string => canonical(dec(value));
const text = (row: Row, column: string): string => String(row[column] ?? '');
const int = (row: Row, column: string): number => Number(row[column]);
const nullableInt = (row: Row, column: string): number | null => (row[column] === null ? null : Number(row[column]));
const nullableText = (row: Row, column: string): string | null => (row[column] === null ? null : String(row[column]));
const bool = (row: Row, column: string): boolean => row[column] === 1;
const json = <T>(row: Row, column: string): T => JSON.parse(String(row[column])) as T;
const nullableJson = <T>(row: Row, column: string): T | null =>
  row[column] === null ? null : (JSON.parse(String(row[column])) as T);

function canonicalDecimals<T extends Record<string, unknown>>(value: T, keys: readonly (keyof T)[]): T {
  const copy = { ...value };
  for (const key of keys) {
    const v = copy[key];
    if (typeof v === 'string') copy[key] = decimalText(v) as T[typeof key];
  }
  return copy;
}

/** Distributions by field, as JSON with canonical decimals (outcomes' assumptions, strategies' cost and effect). */
function distributionsText(byField: Record<string, object | undefined>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(byField).map(([field, distribution]) => [
        field,
        canonicalDecimals(distribution as Record<string, unknown>, ['min', 'mode', 'max', 'mean', 'sd', 'se']),
      ]),
    ),
  );
}

/** The cost-effectiveness inputs with every decimal canonical ("0.50" and "0.5" stored alike). */
export function canonicalCostEffectiveness(ce: CostEffectivenessInputs): CostEffectivenessInputs {
  const optional = (value: string | null) => (value === null ? null : decimalText(value));
  return {
    ...ce,
    uniqueClients: optional(ce.uniqueClients),
    health: {
      comparatorCost: decimalText(ce.health.comparatorCost),
      qalys: ce.health.qalys.map((q) => canonicalDecimals(q, ['utilityGain', 'persons'])),
      deaths: ce.health.deaths.map((d) => canonicalDecimals(d, ['deaths', 'yearsOfLifeLost'])),
      disability: ce.health.disability.map((d) =>
        canonicalDecimals(d, ['persons', 'disabilityWeight', 'durationYears']),
      ),
    },
    breakEven:
      ce.breakEven === null
        ? null
        : {
            ...ce.breakEven,
            valueOfOneOutcome: optional(ce.breakEven.valueOfOneOutcome),
            annualBudget: optional(ce.breakEven.annualBudget),
          },
    thresholds: ce.thresholds.map((t) => canonicalDecimals(t, ['value'])),
  };
}

export const stakeholderMapper: ListMapper<StakeholderGroup> = {
  table: 'stakeholders',
  columns: ['name', 'size', 'involvement', 'people_consulted'],
  toRow: (s) => ({ name: s.name, size: s.size, involvement: s.involvement, people_consulted: s.peopleConsulted }),
  fromRow: (r) => ({
    id: text(r, 'id'),
    name: text(r, 'name'),
    size: nullableInt(r, 'size'),
    involvement: text(r, 'involvement'),
    peopleConsulted: nullableInt(r, 'people_consulted'),
  }),
};

export const inputMapper: ListMapper<Input> = {
  table: 'inputs',
  columns: [
    'stakeholder_id',
    'kind',
    'description',
    'category',
    'funder',
    'year',
    'notes',
    'amount',
    'valuation_source',
    'hours',
    'hourly_rate',
    'rate_source',
  ],
  toRow: (i) => ({
    stakeholder_id: i.stakeholderId,
    kind: i.kind,
    description: i.description,
    category: i.category,
    funder: i.funder,
    year: i.year,
    notes: i.notes,
    amount: i.kind === 'volunteer' ? null : decimalText(i.amount),
    valuation_source: i.kind === 'in-kind' ? i.valuationSource : '',
    hours: i.kind === 'volunteer' ? decimalText(i.hours) : null,
    hourly_rate: i.kind === 'volunteer' ? decimalText(i.hourlyRate) : null,
    rate_source: i.kind === 'volunteer' ? i.rateSource : '',
  }),
  fromRow: (r) => {
    const base = {
      id: text(r, 'id'),
      stakeholderId: text(r, 'stakeholder_id'),
      description: text(r, 'description'),
      category: text(r, 'category'),
      funder: text(r, 'funder'),
      year: int(r, 'year'),
      notes: text(r, 'notes'),
    };
    const kind = text(r, 'kind');
    if (kind === 'volunteer') {
      return {
        ...base,
        kind: 'volunteer',
        hours: text(r, 'hours'),
        hourlyRate: text(r, 'hourly_rate'),
        rateSource: text(r, 'rate_source'),
      };
    }
    if (kind === 'in-kind') {
      return { ...base, kind: 'in-kind', amount: text(r, 'amount'), valuationSource: text(r, 'valuation_source') };
    }
    return { ...base, kind: 'cash', amount: text(r, 'amount') };
  },
};

export const outputMapper: ListMapper<OutputWithoutRecords> = {
  table: 'outputs',
  columns: ['name', 'unit', 'stakeholder_id', 'notes'],
  toRow: (o) => ({ name: o.name, unit: o.unit, stakeholder_id: o.stakeholderId, notes: o.notes }),
  fromRow: (r) => ({
    id: text(r, 'id'),
    name: text(r, 'name'),
    unit: text(r, 'unit'),
    stakeholderId: nullableText(r, 'stakeholder_id'),
    notes: text(r, 'notes'),
  }),
};

export const outcomeMapper: ListMapper<Outcome> = {
  table: 'outcomes',
  columns: [
    'stakeholder_id',
    'name',
    'indicator',
    'evidence_source',
    'quantity',
    'proxy_description',
    'proxy_value',
    'proxy_currency',
    'proxy_price_year',
    'proxy_source',
    'proxy_source_url',
    'proxy_library_id',
    'proxy_price_index',
    'proxy_exchange_rate',
    'duration',
    'start',
    'deadweight',
    'displacement',
    'attribution',
    'drop_off',
    'attribution_shares',
    'intended',
    'notes',
    'uncertainty',
  ],
  toRow: (o) => ({
    stakeholder_id: o.stakeholderId,
    name: o.name,
    indicator: o.indicator,
    evidence_source: o.evidenceSource,
    quantity: decimalText(o.quantity),
    proxy_description: o.proxy.description,
    proxy_value: decimalText(o.proxy.value),
    proxy_currency: o.proxy.currency,
    proxy_price_year: o.proxy.priceYear,
    proxy_source: o.proxy.source,
    proxy_source_url: o.proxy.sourceUrl,
    proxy_library_id: o.proxy.libraryId,
    proxy_price_index:
      o.proxy.priceIndex === null
        ? null
        : JSON.stringify(canonicalDecimals(o.proxy.priceIndex, ['indexAtPriceYear', 'indexAtModelYear'])),
    proxy_exchange_rate:
      o.proxy.exchangeRate === null ? null : JSON.stringify(canonicalDecimals(o.proxy.exchangeRate, ['rate'])),
    duration: o.duration,
    start: o.start,
    deadweight: decimalText(o.deadweight),
    displacement: decimalText(o.displacement),
    attribution: decimalText(o.attribution),
    drop_off: decimalText(o.dropOff),
    attribution_shares: JSON.stringify(o.attributionShares.map((s) => canonicalDecimals(s, ['share']))),
    intended: o.intended ? 1 : 0,
    notes: o.notes,
    uncertainty: distributionsText(o.uncertainty),
  }),
  fromRow: (r) => ({
    id: text(r, 'id'),
    stakeholderId: text(r, 'stakeholder_id'),
    name: text(r, 'name'),
    indicator: text(r, 'indicator'),
    evidenceSource: text(r, 'evidence_source'),
    quantity: text(r, 'quantity'),
    proxy: {
      description: text(r, 'proxy_description'),
      value: text(r, 'proxy_value'),
      currency: text(r, 'proxy_currency'),
      priceYear: int(r, 'proxy_price_year'),
      source: text(r, 'proxy_source'),
      sourceUrl: text(r, 'proxy_source_url'),
      libraryId: nullableText(r, 'proxy_library_id'),
      priceIndex: nullableJson(r, 'proxy_price_index'),
      exchangeRate: nullableJson(r, 'proxy_exchange_rate'),
    },
    duration: int(r, 'duration'),
    start: text(r, 'start') === 'after' ? 'after' : 'during',
    deadweight: text(r, 'deadweight'),
    displacement: text(r, 'displacement'),
    attribution: text(r, 'attribution'),
    dropOff: text(r, 'drop_off'),
    attributionShares: json(r, 'attribution_shares'),
    intended: bool(r, 'intended'),
    notes: text(r, 'notes'),
    uncertainty: json(r, 'uncertainty'),
  }),
};

export const evidenceMapper: ListMapper<Evidence> = {
  table: 'evidence',
  columns: ['outcome_id', 'title', 'kind', 'citation', 'url', 'notes'],
  toRow: (e) => ({
    outcome_id: e.outcomeId,
    title: e.title,
    kind: e.kind,
    citation: e.citation,
    url: e.url,
    notes: e.notes,
  }),
  fromRow: (r) => ({
    id: text(r, 'id'),
    outcomeId: nullableText(r, 'outcome_id'),
    title: text(r, 'title'),
    kind: text(r, 'kind') as Evidence['kind'],
    citation: text(r, 'citation'),
    url: text(r, 'url'),
    notes: text(r, 'notes'),
  }),
};

export const storyMapper: ListMapper<Story> = {
  table: 'stories',
  columns: ['outcome_id', 'kind', 'text', 'consent', 'anonymised', 'attributed_to', 'date'],
  toRow: (s) => ({
    outcome_id: s.outcomeId,
    kind: s.kind,
    text: s.text,
    consent: s.consent ? 1 : 0,
    anonymised: s.anonymised ? 1 : 0,
    attributed_to: s.attributedTo,
    date: s.date,
  }),
  fromRow: (r) => ({
    id: text(r, 'id'),
    outcomeId: nullableText(r, 'outcome_id'),
    kind: text(r, 'kind') === 'case' ? 'case' : 'quote',
    text: text(r, 'text'),
    consent: bool(r, 'consent'),
    anonymised: bool(r, 'anonymised'),
    attributedTo: text(r, 'attributed_to'),
    date: nullableText(r, 'date'),
  }),
};

export const strategyMapper: ListMapper<Strategy> = {
  table: 'strategies',
  columns: ['name', 'cost', 'effect', 'notes', 'uncertainty'],
  toRow: (s) => ({
    name: s.name,
    cost: decimalText(s.cost),
    effect: decimalText(s.effect),
    notes: s.notes,
    uncertainty: distributionsText(s.uncertainty),
  }),
  fromRow: (r) => ({
    id: text(r, 'id'),
    name: text(r, 'name'),
    cost: text(r, 'cost'),
    effect: text(r, 'effect'),
    notes: text(r, 'notes'),
    uncertainty: json(r, 'uncertainty'),
  }),
};

export const scenarioMapper: ListMapper<Scenario> = {
  table: 'scenarios',
  columns: ['name', 'description', 'overrides'],
  toRow: (s) => ({
    name: s.name,
    description: s.description,
    overrides: JSON.stringify(s.overrides.map((o) => canonicalDecimals(o, ['value']))),
  }),
  fromRow: (r) => ({
    id: text(r, 'id'),
    name: text(r, 'name'),
    description: text(r, 'description'),
    overrides: json(r, 'overrides'),
  }),
};
