// @vitest-environment jsdom
// The Results charts in jsdom: six figures with titles, one-line summaries, values written on the bars in the
// user's locale, the figures as tables, and an SVG download that is a standalone SVG document.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18next from '../../renderer/src/i18n';
import { ResultsCharts } from '../../renderer/src/charts/ResultsCharts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeSroi } from '../../shared/engine';
import { parseProjectFile, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

/** The W2 worked example of METHOD.md, read through parseProjectFile like any model file. */
function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

const TITLES = [
  'Value by stakeholder',
  'Value by outcome',
  'From gross value to present value',
  'Value by year',
  'Costs by category',
  'Costs by funder',
];

function renderW2(width = 760) {
  const project = loadW2();
  return render(<ResultsCharts project={project} result={computeSroi(project)} width={width} />);
}

const figure = (name: string) => screen.getByRole('figure', { name });

afterEach(async () => {
  cleanup();
  delete window.sroi;
  vi.restoreAllMocks();
  await i18next.changeLanguage('en');
});

describe('ResultsCharts with W2', () => {
  it('shows the six charts under a "Charts" heading, each with a title, a summary and two downloads', () => {
    renderW2();
    const section = screen.getByRole('region', { name: 'Charts' });
    expect(
      within(section)
        .getAllByRole('figure')
        .map((f) => f.getAttribute('aria-labelledby')),
    ).toHaveLength(6);
    for (const title of TITLES) {
      const chart = figure(title);
      expect(within(chart).getByRole('heading', { level: 3, name: title })).toBeTruthy();
      expect(within(chart).getByRole('button', { name: `Download PNG: ${title}` })).toBeTruthy();
      expect(within(chart).getByRole('button', { name: `Download SVG: ${title}` })).toBeTruthy();
      // The chart is one image for assistive technology, named by its title and summary.
      const image = within(chart).getByRole('img');
      expect(image.getAttribute('aria-label')).toContain(title);
      expect(image.querySelector('svg.recharts-surface')).not.toBeNull();
    }
  });

  it('summarises each chart in one sentence', () => {
    renderW2();
    const description = (title: string) => figure(title).querySelector('.chart-summary')?.textContent;
    expect(description('Value by stakeholder')).toBe(
      'The largest share of the value goes to People who use drugs: 176,970.63 EUR, 97.9 % of the total present value of 180,737.35 EUR.',
    );
    expect(description('Value by outcome')).toBe(
      'The most valuable of the 4 outcomes is Retained in opioid agonist treatment: 112,043.10 EUR, 62.0 % of the total present value. One disbenefit subtracts 1,932.37 EUR.',
    );
    expect(description('From gross value to present value')).toBe(
      'Benefits worth 582,000.00 EUR gross (quantity × proxy × years), less 2,000.00 EUR of disbenefits, become a present value of 180,737.35 EUR after deadweight, displacement, attribution, drop-off and discounting.',
    );
    expect(description('Value by year')).toBe(
      'Present value is highest in year 1 (65,893.72 EUR) and totals 180,737.35 EUR over 4 years (undiscounted 194,387.50 EUR).',
    );
    expect(description('Costs by category')).toBe(
      'The largest cost is Grant: 80,000.00 EUR of the 106,250.00 EUR invested (75.3 %).',
    );
    expect(description('Costs by funder')).toBe(
      'The largest contribution comes from Municipality: 80,000.00 EUR of the 106,250.00 EUR invested (75.3 %).',
    );
  });

  it('writes the values on the bars and the names under them', () => {
    renderW2();
    const svgText = (title: string) => figure(title).querySelector('svg.recharts-surface')?.textContent ?? '';
    expect(svgText('Value by stakeholder')).toContain('176,970.63');
    expect(svgText('Value by stakeholder')).toContain('3,766.72');
    expect(svgText('Value by stakeholder')).toContain('People who use drugs');
    expect(svgText('Value by outcome')).toContain('-1,932.37');
    for (const label of ['582,000.00', '-142,500.00', '-197,550.00', '-45,562.50', '-13,650.15', '180,737.35']) {
      expect(svgText('From gross value to present value')).toContain(label);
    }
    for (const label of ['65,893.72', '55,310.51', '35,513.99', '24,019.13', '68,200.00']) {
      expect(svgText('Value by year')).toContain(label);
    }
    expect(svgText('Costs by funder')).toContain('(no funder named)');
  });

  it('draws disbenefits and deductions in vermillion, benefits and totals in blue (Okabe-Ito)', () => {
    renderW2();
    const fills = (title: string) =>
      Array.from(figure(title).querySelectorAll('.chart-bar rect'), (r) => r.getAttribute('fill'));
    expect(fills('Value by outcome')).toEqual(['#0072B2', '#0072B2', '#0072B2', '#D55E00']);
    expect(fills('From gross value to present value')).toEqual([
      '#0072B2',
      '#D55E00',
      '#D55E00',
      '#8a94a6',
      '#D55E00',
      '#D55E00',
      '#D55E00',
      '#0072B2',
    ]);
  });

  it('has the figures as a table for people who cannot read charts', () => {
    renderW2();
    const table = within(figure('Value by year')).getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'YearValue (undiscounted)Present value',
      '168,200.0065,893.72',
      '259,250.0055,310.51',
      '339,375.0035,513.99',
      '427,562.5024,019.13',
    ]);
  });

  it("follows the user's locale", async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('pt-PT');
    renderW2();
    const svg = figure('Value by stakeholder').querySelector('svg.recharts-surface');
    expect(svg?.textContent).toContain('176.970,63');
  });

  it('downloads a standalone SVG: xmlns, title, summary, the chart, no interactive parts', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: { saved: true, fileName: 'x.svg' } }));
    window.sroi = { invoke };
    renderW2();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download SVG: Value by stakeholder' }));
    });
    expect(invoke).toHaveBeenCalledTimes(1);
    const [channel, input] = invoke.mock.calls[0] as unknown as [string, Record<string, string>];
    expect(channel).toBe('files/save');
    expect(input.kind).toBe('svg');
    expect(input.encoding).toBe('base64');
    expect(input.suggestedName).toBe('street-outreach-and-naloxone-methodmd-w2-value-by-stakeholder.svg');
    const svg = new TextDecoder().decode(Uint8Array.from(atob(input.content), (c) => c.charCodeAt(0)));
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('font-family')).toContain('sans-serif');
    expect(doc.querySelector('title')?.textContent).toBe('Value by stakeholder');
    expect(doc.querySelector('desc')?.textContent).toContain('People who use drugs: 176,970.63 EUR');
    expect(svg).toContain('People who use drugs');
    expect(svg).toContain('176,970.63');
    expect(svg).toContain('Street outreach and naloxone (METHOD.md W2) · SROI Studio');
    expect(doc.querySelector('.recharts-tooltip-cursor')).toBeNull();
    expect(await screen.findByText(/Saved street-outreach/)).toBeTruthy();
  });

  it('says so when the file cannot be saved', async () => {
    window.sroi = { invoke: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } }) };
    renderW2();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download SVG: Costs by funder' }));
    });
    expect(within(figure('Costs by funder')).getByRole('status').textContent).toBe(
      'The chart could not be saved: disk full',
    );
  });
});

describe('ResultsCharts edge cases', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));

  it('a project without outcomes or inputs: each chart says there is nothing to show, and offers no download', () => {
    const project: Project = { ...loadW2(), outcomes: [], inputs: [] };
    render(<ResultsCharts project={project} result={computeSroi(project)} width={600} />);
    expect(figure('Value by stakeholder').textContent).toContain('No outcomes yet, so no value by stakeholder.');
    expect(figure('Costs by funder').textContent).toContain('No inputs yet.');
    expect(screen.queryAllByRole('button', { name: /Download/ })).toHaveLength(0);
  });

  it('many years: the values no longer fit on the columns, so an axis takes their place', () => {
    const w2 = loadW2();
    const project: Project = { ...w2, outcomes: [{ ...w2.outcomes[1], duration: 12, dropOff: '0.1' }] };
    render(<ResultsCharts project={project} result={computeSroi(project)} width={480} />);
    const years = figure('Value by year');
    // 12 years starting after the activity: 13 years, two columns each.
    expect(years.querySelectorAll('.chart-bar')).toHaveLength(26);
    expect(years.querySelector('.recharts-yAxis')).not.toBeNull();
  });
});
