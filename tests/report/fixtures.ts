// Models for the report tests: W2 of METHOD.md as published (docs/examples), and W2 with what a real report
// also has to print: stories (one anonymised with a name typed in, one named, one without consent), outputs,
// evidence, comparator strategies and distributions for Monte Carlo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProjectFile, type Project } from '../../shared/model';
import { createTranslator } from '../../shared/report/translate';
import type { Translate } from '../../shared/report/types';
import catalogue from '../../renderer/src/i18n/en/report.json';
import { repoRoot } from '../support/repo-root';

export const W2_FILE = join(repoRoot(), 'docs', 'examples', 'w2-street-outreach.sroi.json');

export const ANONYMISED_NAME = 'Maria Rossi';
export const ANONYMISED_TEXT = 'The van was there the night my friend overdosed; the naloxone kit brought him back.';
export const NAMED_WHO = 'Luca, peer volunteer';
export const NAMED_TEXT =
  'Since I joined the outreach team I carry two kits and I know most people on the street by name.';
export const SECRET_NAME = 'Giorgio Verdi';
export const SECRET_TEXT = 'NO CONSENT: this story must never be printed.';

export function w2Project(): Project {
  const parsed = parseProjectFile(JSON.parse(readFileSync(W2_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(`W2 is not valid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value.project;
}

export function richW2(): Project {
  const p = w2Project();
  const project: Project = {
    ...p,
    outputs: [
      {
        id: 'kits',
        name: 'Naloxone kits given',
        unit: 'kits',
        stakeholderId: 'pwud',
        records: [{ period: '2025', count: '420', breakdown: [] }],
        notes: '',
      },
      {
        id: 'contacts',
        name: 'Street contacts',
        unit: 'contacts',
        stakeholderId: null,
        records: [
          { period: '2025-01', count: '310', breakdown: [] },
          { period: '2025-02', count: '295', breakdown: [] },
        ],
        notes: '',
      },
    ],
    outcomes: p.outcomes.map((o) =>
      o.id === 'overdose'
        ? {
            ...o,
            notes: 'Half of the reversals happened where an ambulance would also have arrived in time.',
            attributionShares: [{ to: 'Emergency services', share: '0.3' }],
            uncertainty: { quantity: { type: 'triangular' as const, min: '2', mode: '3', max: '5' } },
          }
        : o.id === 'oat'
          ? { ...o, uncertainty: { proxy: { type: 'uniform' as const, min: '4000', max: '8000' } } }
          : o,
    ),
    evidence: [
      {
        id: 'ev1',
        outcomeId: 'overdose',
        title: 'Outreach log of naloxone administrations',
        kind: 'administrative data',
        citation: 'Service records, 2025',
        url: '',
        notes: '',
      },
    ],
    stories: [
      {
        id: 'story-anon',
        outcomeId: 'overdose',
        kind: 'quote',
        text: ANONYMISED_TEXT,
        consent: true,
        anonymised: true,
        attributedTo: ANONYMISED_NAME,
        date: '2025-05-02',
      },
      {
        id: 'story-named',
        outcomeId: null,
        kind: 'case',
        text: NAMED_TEXT,
        consent: true,
        anonymised: false,
        attributedTo: NAMED_WHO,
        date: null,
      },
      {
        id: 'story-secret',
        outcomeId: 'oat',
        kind: 'quote',
        text: SECRET_TEXT,
        consent: false,
        anonymised: false,
        attributedTo: SECRET_NAME,
        date: null,
      },
    ],
    strategies: [
      { id: 'none', name: 'No programme', cost: '0', effect: '0', notes: '', uncertainty: {} },
      { id: 'outreach', name: 'Street outreach', cost: '106250', effect: '3', notes: '', uncertainty: {} },
      { id: 'scale', name: 'Scale-up to two vans', cost: '190000', effect: '4.5', notes: '', uncertainty: {} },
    ],
    effectUnit: 'deaths averted',
  };
  const checked = parseProjectFile({ schemaVersion: 1, project });
  if (!checked.ok) throw new Error(`the rich W2 is not valid: ${JSON.stringify(checked.problems)}`);
  return checked.value.project;
}

/** The report catalogue in English, without i18next. */
export function englishReportText(): Translate {
  return createTranslator(catalogue.report as Parameters<typeof createTranslator>[0], 'en');
}
