/**
 * Builders for valid Project objects (every field filled with a sensible default, a few overridden per test)
 * and a loader for the W2 worked example of METHOD.md, read through parseProjectFile like any model file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  EMPTY_COST_EFFECTIVENESS,
  CURRENT_SCHEMA_VERSION,
  parseProjectFile,
  type FinancialProxy,
  type Input,
  type Outcome,
  type Project,
  type StakeholderGroup,
} from '../../shared/model';

export type CashInput = Extract<Input, { kind: 'cash' }>;
export type InKindInput = Extract<Input, { kind: 'in-kind' }>;
export type VolunteerInput = Extract<Input, { kind: 'volunteer' }>;

/** The stakeholder every default outcome and input belongs to. */
export const DEFAULT_STAKEHOLDER_ID = 's1';

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function makeStakeholder(overrides: Partial<StakeholderGroup> = {}): StakeholderGroup {
  return {
    id: DEFAULT_STAKEHOLDER_ID,
    name: 'People who use drugs',
    size: null,
    involvement: 'Survey',
    peopleConsulted: null,
    ...overrides,
  };
}

export function makeProxy(overrides: Partial<FinancialProxy> = {}): FinancialProxy {
  return {
    description: `Proxy ${nextId('p')}`,
    value: '100',
    currency: 'EUR',
    priceYear: 2025,
    source: 'Test proxy',
    sourceUrl: '',
    libraryId: null,
    priceIndex: null,
    exchangeRate: null,
    ...overrides,
  };
}

export type OutcomeOverrides = Partial<Omit<Outcome, 'proxy'>> & { proxy?: Partial<FinancialProxy> };

/** An outcome worth Q x P = 1 x 100 in year 1 only, no deductions, starting during the activity. */
export function makeOutcome(overrides: OutcomeOverrides = {}): Outcome {
  const { proxy, ...rest } = overrides;
  const id = rest.id ?? nextId('o');
  return {
    id,
    stakeholderId: DEFAULT_STAKEHOLDER_ID,
    name: `Outcome ${id}`,
    indicator: '',
    evidenceSource: 'Test evidence',
    quantity: '1',
    proxy: makeProxy(proxy),
    duration: 1,
    start: 'during',
    deadweight: '0',
    displacement: '0',
    attribution: '0',
    dropOff: '0',
    attributionShares: [],
    intended: true,
    notes: '',
    uncertainty: {},
    ...rest,
  };
}

const inputBase = (overrides: { id?: string }) => ({
  id: overrides.id ?? nextId('i'),
  stakeholderId: DEFAULT_STAKEHOLDER_ID,
  description: 'Input',
  category: 'Grant',
  funder: 'Funder',
  year: 1,
  notes: '',
});

export function cashInput(amount: string, overrides: Partial<CashInput> = {}): CashInput {
  return { ...inputBase(overrides), kind: 'cash', amount, ...overrides };
}

export function inKindInput(amount: string, overrides: Partial<InKindInput> = {}): InKindInput {
  return { ...inputBase(overrides), kind: 'in-kind', amount, valuationSource: 'Market value', ...overrides };
}

export function volunteerInput(
  hours: string,
  hourlyRate: string,
  overrides: Partial<VolunteerInput> = {},
): VolunteerInput {
  return { ...inputBase(overrides), kind: 'volunteer', hours, hourlyRate, rateSource: 'Minimum wage', ...overrides };
}

/** A valid project: one stakeholder "s1", one cash input of 1000 in year 1, one default outcome, 3.5 %, guide. */
export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 'test-project',
    name: 'Test project',
    organisation: '',
    programme: '',
    analysisType: 'forecast',
    period: { start: '2025-01-01', end: '2025-12-31' },
    priceYear: 2025,
    currency: 'EUR',
    settings: { discountRate: '0.035', yearOneConvention: 'guide' },
    stakeholders: [makeStakeholder()],
    inputs: [cashInput('1000')],
    outputs: [],
    outcomes: [makeOutcome()],
    evidence: [],
    stories: [],
    strategies: [],
    effectUnit: '',
    scenarios: [],
    costEffectiveness: EMPTY_COST_EFFECTIVENESS,
    lastSimulation: null,
    ...overrides,
  };
}

/** The model file around a project, as it would be written to disk. */
export function toFile(project: Project): { schemaVersion: number; project: Project } {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, project };
}

export const W2_PATH = fileURLToPath(new URL('../../docs/examples/w2-street-outreach.sroi.json', import.meta.url));

/** The raw JSON of the W2 file (a fresh copy each call, safe to mutate). */
export function readW2Json(): unknown {
  return JSON.parse(readFileSync(W2_PATH, 'utf8')) as unknown;
}

/** The W2 project, validated by parseProjectFile; throws with the problems if the file is not valid. */
export function loadW2(): Project {
  const parsed = parseProjectFile(readW2Json());
  if (!parsed.ok) {
    throw new Error(`W2 file does not parse: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return parsed.value.project;
}

/** A deep copy, so a test can change one field of a shared project. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
