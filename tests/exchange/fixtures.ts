/**
 * Projects for the exchange tests: METHOD.md's W2 (the example file), and a generated project that uses what W2
 * does not: inputs over three years (cash, in kind, volunteer time), outcomes that start after the activity,
 * drop-off (100 % too), a duration past the Value Map's five years, a zero duration, a negative proxy, a proxy in
 * another currency with a price index, a decimal quantity, outputs by month and by year.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_COST_EFFECTIVENESS, parseProjectFile, type Outcome, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

export const W2_FILE = join(repoRoot(), 'docs', 'examples', 'w2-street-outreach.sroi.json');
export const DATA_DIR = join(repoRoot(), 'docs', 'examples', 'data');

export function w2Project(): Project {
  const parsed = parseProjectFile(JSON.parse(readFileSync(W2_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(`W2 is not valid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value.project;
}

function outcome(partial: Partial<Outcome> & Pick<Outcome, 'id' | 'stakeholderId' | 'name' | 'quantity'>): Outcome {
  return {
    indicator: `Indicator of ${partial.name}`,
    evidenceSource: 'Follow-up survey',
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
    proxy: {
      description: `Value of ${partial.name}`,
      value: '100',
      currency: 'EUR',
      priceYear: 2024,
      source: 'Test source',
      sourceUrl: '',
      libraryId: null,
      priceIndex: null,
      exchangeRate: null,
    },
    ...partial,
  };
}

export function generatedProject(convention: 'guide' | 'year0' = 'guide'): Project {
  const project: Project = {
    id: 'generated-exchange',
    name: 'Generated: multi-year, after, drop-off, disbenefit',
    organisation: 'Test harm-reduction service',
    programme: 'A project built to exercise every formula of the workbook.',
    analysisType: 'evaluative',
    period: { start: '2024-01-01', end: '2026-12-31' },
    priceYear: 2024,
    currency: 'EUR',
    settings: { discountRate: '0.04', yearOneConvention: convention },
    stakeholders: [
      { id: 'clients', name: 'Clients', size: 200, involvement: 'Interviews', peopleConsulted: 40 },
      { id: 'families', name: 'Families', size: 150, involvement: 'Survey', peopleConsulted: 30 },
      { id: 'council', name: 'City council', size: 1, involvement: 'Funder', peopleConsulted: 2 },
      { id: 'volunteers', name: 'Volunteers', size: 20, involvement: 'Focus group', peopleConsulted: 12 },
      { id: 'neighbours', name: 'Neighbours', size: null, involvement: '', peopleConsulted: null },
    ],
    inputs: [
      {
        id: 'i1',
        kind: 'cash',
        stakeholderId: 'council',
        description: 'Grant, year 1',
        category: 'Grant',
        funder: 'City council',
        year: 1,
        notes: '',
        amount: '50000',
      },
      {
        id: 'i2',
        kind: 'cash',
        stakeholderId: 'council',
        description: 'Grant, year 2',
        category: 'Grant',
        funder: 'City council',
        year: 2,
        notes: '',
        amount: '45000.50',
      },
      {
        id: 'i3',
        kind: 'cash',
        stakeholderId: 'council',
        description: 'Foundation top-up',
        category: 'Grant',
        funder: 'Foundation X',
        year: 3,
        notes: '',
        amount: '30000',
      },
      {
        id: 'i4',
        kind: 'in-kind',
        stakeholderId: 'council',
        description: 'Premises',
        category: 'Premises',
        funder: '',
        year: 2,
        notes: 'Two rooms',
        amount: '8000',
        valuationSource: 'Local rent per square metre',
      },
      {
        id: 'i5',
        kind: 'volunteer',
        stakeholderId: 'volunteers',
        description: 'Volunteer time, year 1',
        category: 'Volunteer time',
        funder: '',
        year: 1,
        notes: '',
        hours: '800',
        hourlyRate: '12.35',
        rateSource: 'Minimum wage',
      },
      {
        id: 'i6',
        kind: 'volunteer',
        stakeholderId: 'volunteers',
        description: 'Volunteer time, year 3',
        category: 'Volunteer time',
        funder: '',
        year: 3,
        notes: '',
        hours: '500',
        hourlyRate: '12.80',
        rateSource: 'Minimum wage',
      },
    ],
    outputs: [
      {
        id: 'contacts',
        name: 'Contacts',
        unit: 'contacts',
        stakeholderId: 'clients',
        notes: '',
        records: [
          { period: '2024-01', count: '120', breakdown: [] },
          { period: '2024-02', count: '135', breakdown: [] },
          { period: '2024-03', count: '128.5', breakdown: [] },
        ],
      },
      {
        id: 'kits',
        name: 'Naloxone kits',
        unit: 'kits',
        stakeholderId: null,
        notes: '',
        records: [
          { period: '2024-02', count: '40', breakdown: [] },
          { period: '2025', count: '510', breakdown: [] },
        ],
      },
    ],
    outcomes: [
      outcome({
        id: 'o1',
        stakeholderId: 'clients',
        name: 'Housing kept',
        quantity: '30',
        start: 'after',
        duration: 4,
        dropOff: '0.25',
        deadweight: '0.2',
        displacement: '0.1',
        attribution: '0.15',
        proxy: { ...outcome({ id: 'x', stakeholderId: 'x', name: 'x', quantity: '0' }).proxy, value: '5200' },
      }),
      outcome({
        id: 'o2',
        stakeholderId: 'clients',
        name: 'Fewer emergency admissions',
        quantity: '12',
        duration: 3,
        dropOff: '1',
        deadweight: '0.3',
        attribution: '0.4',
        proxy: { ...outcome({ id: 'x', stakeholderId: 'x', name: 'x', quantity: '0' }).proxy, value: '18000' },
      }),
      outcome({
        id: 'o3',
        stakeholderId: 'families',
        name: 'Family relationships restored',
        quantity: '40',
        start: 'after',
        duration: 7,
        dropOff: '0.1',
        deadweight: '0.05',
        attribution: '0.2',
        proxy: {
          description: 'Wellbeing value of restored relationships',
          value: '950.75',
          currency: 'GBP',
          priceYear: 2021,
          source: 'HACT Social Value Bank',
          sourceUrl: '',
          libraryId: null,
          priceIndex: { series: 'HICP', indexAtPriceYear: '104.2', indexAtModelYear: '112.7', source: 'Eurostat' },
          exchangeRate: { rate: '1.17', date: '2024-06-30', source: 'ECB' },
        },
      }),
      outcome({
        id: 'o4',
        stakeholderId: 'neighbours',
        name: 'More litter near the service',
        quantity: '25',
        duration: 2,
        dropOff: '0.5',
        intended: false,
        proxy: { ...outcome({ id: 'x', stakeholderId: 'x', name: 'x', quantity: '0' }).proxy, value: '-340' },
      }),
      outcome({
        id: 'o5',
        stakeholderId: 'families',
        name: 'A change that does not last',
        quantity: '5',
        duration: 0,
        proxy: { ...outcome({ id: 'x', stakeholderId: 'x', name: 'x', quantity: '0' }).proxy, value: '1000' },
      }),
      outcome({
        id: 'o6',
        stakeholderId: 'clients',
        name: 'Peer support (half-time)',
        quantity: '7.5',
        duration: 2,
        start: 'after',
        dropOff: '0.333',
        proxy: { ...outcome({ id: 'x', stakeholderId: 'x', name: 'x', quantity: '0' }).proxy, value: '333.33' },
      }),
    ],
    evidence: [],
    stories: [],
    strategies: [],
    effectUnit: '',
    scenarios: [],
    costEffectiveness: EMPTY_COST_EFFECTIVENESS,
    lastSimulation: null,
  };
  const parsed = parseProjectFile({ schemaVersion: 1, project });
  if (!parsed.ok) throw new Error(`generated project is not valid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value.project;
}

/** A project with the same data and another discount rate or convention. */
export function withSettings(project: Project, settings: Partial<Project['settings']>): Project {
  return { ...project, settings: { ...project.settings, ...settings } };
}
