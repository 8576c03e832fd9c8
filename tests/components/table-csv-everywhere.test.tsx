// @vitest-environment jsdom
// "Download CSV" on every table of project data outside cost-effectiveness and sensitivity: the cost lines and
// the investment totals (Inputs), the output records and their totals by year (Outputs), every table and every
// chart's figures of Results, the published results, and the proxy library's entries and price data. Each file
// is checked as the desktop app's save dialog receives it: its name, the header row in the user's language
// (the table's own words) and a known row with exact decimals (W2's 80000 grant line, never "80,000.00").
import '../../renderer/src/i18n';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useMemo } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n, { setLanguage } from '../../renderer/src/i18n';
import { BenchmarksPanel } from '../../renderer/src/benchmarks/BenchmarksPanel';
import type { ProjectState } from '../../renderer/src/hooks/useProject';
import { LibraryBrowser } from '../../renderer/src/library/LibraryBrowser';
import { PriceDataEditor } from '../../renderer/src/library/PriceDataEditor';
import { resetUserLibraryForTests, userLibrary } from '../../renderer/src/library/store';
import { OutputRecords } from '../../renderer/src/outputs/OutputRecords';
import { InputsScreen } from '../../renderer/src/screens/InputsScreen';
import { ResultsScreen } from '../../renderer/src/screens/ResultsScreen';
import { computeSroi } from '../../shared/engine';
import { BENCHMARKS, SHIPPED_ENTRIES } from '../../shared/library';
import { parseProjectFile, type Output, type OutputRecord, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

const W2_NAME = 'Street outreach and naloxone (METHOD.md W2)';
const W2_FILE = 'street-outreach-and-naloxone-methodmd-w2';

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

function fakeState(project: Project | null): ProjectState {
  const ok = async () => ({ ok: true as const });
  return {
    project,
    loadError: null,
    reload: vi.fn(async () => undefined),
    saveItem: vi.fn(ok),
    patchItem: vi.fn(ok),
    deleteItem: vi.fn(ok),
    updateScope: vi.fn(ok),
    saveSimulation: vi.fn(ok),
    canUndo: false,
    canRedo: false,
    undo: vi.fn(ok),
    redo: vi.fn(ok),
  };
}

function Inputs({ project }: { project: Project }) {
  const result = useMemo(() => computeSroi(project), [project]);
  return <InputsScreen state={fakeState(project)} project={project} result={result} />;
}

function Results({ project }: { project: Project }) {
  const result = useMemo(() => computeSroi(project), [project]);
  return <ResultsScreen project={project} result={result} />;
}

/** Files handed to the desktop app's save dialog. */
let saved: Array<{ suggestedName: string; kind: string; content: string }>;

beforeEach(() => {
  saved = [];
  window.sroi = {
    invoke: vi.fn(async (channel: string, input: unknown) => {
      if (channel !== 'files/save') throw new Error(`unexpected call ${channel}`);
      saved.push(input as (typeof saved)[number]);
      return { ok: true, value: { saved: true } };
    }),
  };
  localStorage.clear();
  resetUserLibraryForTests();
});
afterEach(async () => {
  cleanup();
  delete window.sroi;
  await i18n.changeLanguage('en');
});

/** Press the CSV button with this accessible name; the file saved, as its name and its lines (BOM checked). */
async function download(
  name: string,
  within_: HTMLElement = document.body,
): Promise<{ file: string; lines: string[] }> {
  const before = saved.length;
  fireEvent.click(within(within_).getByRole('button', { name }));
  await waitFor(() => expect(saved.length).toBe(before + 1));
  const { suggestedName, kind, content } = saved[saved.length - 1];
  expect(kind).toBe('csv');
  expect(content.startsWith('\ufeff')).toBe(true);
  expect(content.endsWith('\r\n')).toBe(true);
  return { file: suggestedName, lines: content.slice(1, -2).split('\r\n') };
}

const line = (lines: string[], start: string) => lines.find((l) => l.startsWith(start));

describe('Inputs and budget', () => {
  it('downloads the cost lines as entered, with exact amounts and hours × rate for volunteer time', async () => {
    render(<Inputs project={loadW2()} />);
    const heading = screen.getByRole('heading', { level: 2, name: 'Cost lines' });
    const { file, lines } = await download('Download CSV: Cost lines', heading.parentElement!);
    expect(file).toBe(`${W2_FILE}-cost-lines.csv`);
    expect(lines).toEqual([
      'Description,Contributed by,Kind,Category,Funder,Year,Amount (EUR),Hours,Hourly rate (EUR),Notes',
      'Municipal grant,Municipality,Cash,Grant,Municipality,1,80000,,,',
      'Donated van,Local business,In kind,Vehicles,Local business,1,12000,,,',
      'Peer volunteer time,Peer volunteers,Volunteer time,Volunteer time,,1,14250,1500,9.5,',
    ]);
  });

  it('downloads every totals table in one file, with the investment last', async () => {
    render(<Inputs project={loadW2()} />);
    const totals = screen.getByRole('region', { name: 'Totals' });
    const { file, lines } = await download('Download CSV: Totals', totals);
    expect(file).toBe(`${W2_FILE}-totals.csv`);
    expect(lines[0]).toBe('Breakdown,Group,Amount (EUR)');
    expect(lines).toContain('By category,Grant,80000');
    expect(lines).toContain('By funder,Municipality,80000');
    expect(lines).toContain('By funder,No funder named,14250');
    expect(lines).toContain('By kind,Volunteer time,14250');
    expect(lines).toHaveLength(1 + 3 + 3 + 1 + 3 + 3 + 1);
    expect(lines.at(-1)).toBe('Investment,,106250');
  });

  it('adds the present values when some inputs are paid in later years', async () => {
    const w2 = loadW2();
    const project = { ...w2, inputs: w2.inputs.map((i) => (i.id === 'van' ? { ...i, year: 2 } : i)) };
    render(<Inputs project={project} />);
    const { lines } = await download('Download CSV: Totals', screen.getByRole('region', { name: 'Totals' }));
    expect(lines[0]).toBe('Breakdown,Group,Amount (EUR),Present value (EUR)');
    // 12000 / 1.035, unrounded; the grant of year 1 is not discounted.
    expect(line(lines, 'By year,Year 2,')).toBe('By year,Year 2,12000,11594.20289855072463768115942');
    expect(line(lines, 'By funder,Municipality,')).toBe('By funder,Municipality,80000,80000');
    expect(lines.at(-1)).toBe('Investment,,106250,105844.2028985507246376811594');
  });

  it('offers no download while there are no cost lines', () => {
    render(<Inputs project={{ ...loadW2(), inputs: [] }} />);
    expect(screen.queryByRole('button', { name: /^Download CSV/ })).toBeNull();
  });

  it('writes French headers, ";" and decimal commas for a French user', async () => {
    await setLanguage('fr'); // chosen by the user: numbers follow it too
    render(<Inputs project={loadW2()} />);
    const { file, lines } = await download('Télécharger en CSV\u00a0: Lignes de coût');
    expect(file).toBe(`${W2_FILE}-lignes-de-cout.csv`);
    expect(lines[0]).toBe(
      'Description;Apporté par;Type;Catégorie;Financeur;Année;Montant (EUR);Heures;Taux horaire (EUR);Notes',
    );
    expect(lines[1]).toBe('Municipal grant;Municipality;Financier;Grant;Municipality;1;80000;;;');
    expect(lines[3]).toBe('Peer volunteer time;Peer volunteers;Temps bénévole;Volunteer time;;1;14250;1500;9,5;');
  });
});

describe('Results', () => {
  it('downloads value by stakeholder from the button beside its heading, unrounded', async () => {
    render(<Results project={loadW2()} />);
    const region = screen.getByRole('region', { name: 'Value by stakeholder' });
    const { file, lines } = await download('Download CSV: Value by stakeholder', region);
    expect(file).toBe(`${W2_FILE}-value-by-stakeholder.csv`);
    expect(lines).toEqual([
      'Stakeholder group,Present value,Share',
      'People who use drugs,176970.633564114491842366944,0.9791591738408495693181678913',
      'Local residents,3766.715675978435902821536091,0.02084082615915043068183210868',
    ]);
    // The table now names its columns with the same words.
    expect(
      within(region)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Stakeholder group', 'Present value', 'Share']);
  });

  it('downloads value by outcome and by year', async () => {
    render(<Results project={loadW2()} />);
    const outcomes = await download(
      'Download CSV: Value by outcome',
      screen.getByRole('region', { name: 'Value by outcome' }),
    );
    expect(outcomes.file).toBe(`${W2_FILE}-value-by-outcome.csv`);
    expect(outcomes.lines[0]).toBe('Outcome,Impact (year 1),Present value,Share');
    expect(outcomes.lines).toContain(
      'Nuisance displaced to a nearby street,-2000,-1932.367149758454106280193237,-0.01069157624521471908584695539',
    );
    const years = await download('Download CSV: Value by year', screen.getByRole('region', { name: 'Value by year' }));
    expect(years.lines[0]).toBe('Year,Value,Present value,Inputs');
    expect(years.lines[1]).toBe('1,68200,65893.71980676328502415458937,106250');
    expect(years.lines).toHaveLength(5);
  });

  it("downloads each chart's figures, named apart from the tables of the same name", async () => {
    render(<Results project={loadW2()} />);
    const chart = (title: string) => screen.getByRole('figure', { name: title });
    const csvOf = (title: string) => download(`Download CSV: ${title} (chart figures)`, chart(title));

    const stakeholders = await csvOf('Value by stakeholder');
    expect(stakeholders.file).toBe(`${W2_FILE}-value-by-stakeholder-chart-figures.csv`);
    // Said on the chart's own status line (one live region per chart).
    await waitFor(() =>
      expect(within(chart('Value by stakeholder')).getByRole('status').textContent).toBe(
        `Saved ${W2_FILE}-value-by-stakeholder-chart-figures.csv.`,
      ),
    );
    expect(stakeholders.lines).toEqual([
      'Stakeholder group,Present value (EUR),Share',
      'People who use drugs,176970.633564114491842366944,0.9791591738408495693181678913',
      'Local residents,3766.715675978435902821536091,0.02084082615915043068183210868',
    ]);
    const outcomes = await csvOf('Value by outcome');
    expect(outcomes.lines[1]).toBe(
      'Retained in opioid agonist treatment,112043.0973322304338713524512,0.6199222120016350080337101901',
    );
    const waterfall = await csvOf('From gross value to present value');
    expect(waterfall.lines).toEqual([
      'Step,EUR',
      'Gross value (Q\u00a0×\u00a0P\u00a0×\u00a0years),582000',
      'Disbenefits,-2000',
      'Deadweight,-142500',
      'Displacement,0',
      'Attribution,-197550',
      'Drop-off,-45562.5',
      'Discounting,-13650.1507599070722548115199',
      'Present value,180737.3492400929277451884801',
    ]);
    const years = await csvOf('Value by year');
    expect(years.lines[0]).toBe('Year,Value (undiscounted),Present value');
    expect(years.lines[4]).toBe('4,27562.5,24019.12640094189484603909091');
    const categories = await csvOf('Costs by category');
    expect(categories.lines[0]).toBe('Category,Amount,Present value (start of year 1),Share');
    expect(categories.lines[1]).toBe('Grant,80000,80000,0.7529411764705882352941176471');
    const funders = await csvOf('Costs by funder');
    expect(funders.lines[1]).toBe('Municipality,80000,80000,0.7529411764705882352941176471');
    expect(funders.lines).toContain('(no funder named),14250,14250,0.1341176470588235294117647059');
  });

  it('downloads the published results with their source and grade', async () => {
    render(<Results project={loadW2()} />);
    const { file, lines } = await download('Download CSV: Published results for harm reduction');
    expect(file).toBe(`${W2_FILE}-published-results-for-harm-reduction.csv`);
    expect(lines[0]).toBe(
      'Intervention,Country,Kind of result,Published result,Perspective,Time horizon,Source,Link to the source,Evidence grade,Grade note',
    );
    expect(lines).toHaveLength(BENCHMARKS.length + 1);
    expect(lines).toContain(
      'Take-home naloxone,US,cost per QALY,"US$438 per QALY gained (confidence interval 48 to 1,706; worst case about 14,000); one death prevented per 227 kits.",Not stated (see the study),Not stated (see the study),"Coffin & Sullivan 2013, Ann Intern Med 158(1):1",https://doi.org/10.7326/0003-4819-158-1-201301010-00003,A: primary source,',
    );
  });

  it('names every CSV download differently, so each says which table it is', () => {
    render(<Results project={loadW2()} />);
    const names = screen.getAllByRole('button', { name: /^Download CSV/ }).map((b) => b.getAttribute('aria-label'));
    expect(names).toHaveLength(3 + 6 + 1);
    expect(new Set(names).size).toBe(names.length);
  });

  it('speaks French in a French interface', async () => {
    await setLanguage('fr'); // chosen by the user: numbers follow it too
    render(<Results project={loadW2()} />);
    const { file, lines } = await download('Télécharger en CSV\u00a0: Valeur par partie prenante');
    expect(file).toBe(`${W2_FILE}-valeur-par-partie-prenante.csv`);
    expect(lines[1]).toBe('People who use drugs;176970,633564114491842366944;0,9791591738408495693181678913');
  });
});

describe('Outputs', () => {
  const METHADONE = readFileSync(join(repoRoot(), 'docs/examples/data/street-unit-methadone-clients-2012.csv'), 'utf8');

  /** The published 2012 monthly figures, split by nationality and gender. */
  function methadone(): OutputRecord[] {
    const [, ...rows] = METHADONE.trim().split('\n');
    return rows.map((row) => {
      const [period, im, iw, fm, fw, count] = row.split(',');
      const entry = (nationality: string, gender: string, c: string) => ({
        categories: { nationality, gender },
        count: c,
      });
      return {
        period,
        count,
        breakdown: [
          entry('Italian', 'men', im),
          entry('Italian', 'women', iw),
          entry('Foreign', 'men', fm),
          entry('Foreign', 'women', fw),
        ],
      };
    });
  }
  const output = (records: OutputRecord[], unit = 'people'): Output => ({
    id: 'o1',
    name: 'Clients on methadone',
    unit,
    stakeholderId: null,
    notes: '',
    records,
  });

  it('downloads every monthly record and the totals by year', async () => {
    render(<OutputRecords state={fakeState(null)} projectId="p1" projectName={W2_NAME} output={output(methadone())} />);
    const months = await download('Download CSV: Counts by month: Clients on methadone');
    expect(months.file).toBe(`${W2_FILE}-counts-by-month-clients-on-methadone.csv`);
    expect(months.lines[0]).toBe('Month,Italian · men,Italian · women,Foreign · men,Foreign · women,Total (people)');
    expect(months.lines[1]).toBe('2012-01,538,124,159,15,836');
    expect(months.lines).toHaveLength(13);
    // Said on the card's status line, the only one it has.
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual([
        `Saved ${W2_FILE}-counts-by-month-clients-on-methadone.csv.`,
      ]),
    );

    const years = await download('Download CSV: Totals by year: Clients on methadone');
    expect(years.file).toBe(`${W2_FILE}-totals-by-year-clients-on-methadone.csv`);
    expect(years.lines).toEqual([
      'Year,Italian · men,Italian · women,Foreign · men,Foreign · women,Total (people)',
      '2012,4707,1190,1911,186,7994',
    ]);
  });

  it('keeps decimal counts exact and leaves missing categories empty', async () => {
    const records: OutputRecord[] = [
      { period: '2012-01', count: '12.5', breakdown: [] },
      { period: '2012-02', count: '0.25', breakdown: [{ categories: { site: 'Centre' }, count: '0.25' }] },
    ];
    render(<OutputRecords state={fakeState(null)} projectId="p1" output={output(records, 'hours')} />);
    const { lines } = await download('Download CSV: Counts by month: Clients on methadone');
    expect(lines).toEqual(['Month,Centre,Total (hours)', '2012-01,,12.5', '2012-02,0.25,0.25']);
  });
});

describe('Proxy library', () => {
  it('downloads the entries a search shows, with their published figures', async () => {
    render(
      <LibraryBrowser
        entries={SHIPPED_ENTRIES}
        suggestions={[]}
        outcomeName="HIV"
        onChoose={() => undefined}
        projectName={W2_NAME}
      />,
    );
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'HIV' } });
    const shown = document.querySelectorAll('.entry-list article').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(SHIPPED_ENTRIES.length);
    const { file, lines } = await download('Download CSV: Library entries shown');
    expect(file).toBe(`${W2_FILE}-library-entries-shown.csv`);
    expect(lines[0]).toBe(
      'What the value is,Type,Outcome,Indicator,Value,Low value,High value,Options,Currency,Unit,Price year,Price year note,Country,Evidence grade,Grade note,Source,Link to the source,Notes',
    );
    expect(lines).toHaveLength(shown + 1);
    const uk = SHIPPED_ENTRIES.find((e) => e.id === 'hiv_lifetime_cost_uk')!;
    expect(line(lines, uk.description)).toMatch(
      /^Lifetime HIV treatment cost \(discounted at 3\.5 %\),Outcome value,HIV infection averted,.*,185200,,,,GBP,per infection,2013,/,
    );
  });

  it('downloads a price-index series and the exchange rates as entered', async () => {
    userLibrary.saveSeries({
      id: 'user-cpi',
      name: 'Test CPI',
      area: 'Portugal',
      currency: 'EUR',
      base: '2015 = 100',
      source: 'A test source',
      sourceUrl: '',
      notes: '',
      points: [
        { year: 2019, value: '103.21' },
        { year: 2024, value: '121.875' },
      ],
      origin: 'user',
    });
    userLibrary.saveRate({
      id: 'user-rate',
      from: 'USD',
      to: 'EUR',
      rate: '0.92345',
      date: '2024-06-28',
      kind: 'market',
      source: 'A test bank',
      sourceUrl: '',
      origin: 'user',
    });
    render(<PriceDataEditor projectName={W2_NAME} />);
    const series = await download('Download CSV: Values of Test CPI');
    expect(series.file).toBe(`${W2_FILE}-values-of-test-cpi.csv`);
    expect(series.lines).toEqual(['Year,Index value', '2019,103.21', '2024,121.875']);
    const rates = await download('Download CSV: Exchange rates and purchasing power parities');
    expect(rates.lines).toEqual([
      'From currency,To currency,Rate,Date,Kind,Source,Link to the source',
      'USD,EUR,0.92345,2024-06-28,Market exchange rate,A test bank,',
    ]);
  });
});

describe('Benchmarks panel on its own', () => {
  it('still downloads without a project name', async () => {
    render(<BenchmarksPanel />);
    const { file, lines } = await download('Download CSV: Published results for harm reduction');
    expect(file).toBe('published-results-for-harm-reduction.csv');
    expect(lines).toHaveLength(BENCHMARKS.length + 1);
  });
});
