// @vitest-environment jsdom
// One-way sensitivity on the Sensitivity screen with W2: the default ranges (proxies and quantities +-20 %,
// adjustments +-10 points, the discount rate 0 % and 6 %, non-cash inputs +-20 %, each outcome removed), the
// tornado sorted by swing (widest first, the same order as the engine), the outcome-removed case, a range of
// one's own for an assumption that has none by default (a duration), and the ranges' settings; the table
// downloaded as CSV with the ratios as exact decimals.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as FilesModule from '../../renderer/src/api/files';
import i18next from '../../renderer/src/i18n';
import { OneWayPanel } from '../../renderer/src/sensitivity/OneWayPanel';
import { DEFAULT_ONE_WAY, oneWayOptions, tornadoData } from '../../renderer/src/sensitivity/tornado-data';
import { oneWaySensitivity } from '../../shared/engine/uncertainty';
import { parseProjectFile, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

const t = i18next.t.bind(i18next);
const w2 = loadW2();

const downloads = vi.hoisted(() => ({ text: [] as Array<[string, string]> }));
vi.mock('../../renderer/src/api/files', async (original) => ({
  ...(await original<typeof FilesModule>()),
  saveTextFile: async (name: string, _kind: string, content: string) => {
    downloads.text.push([name, content]);
    return true;
  },
}));

afterEach(() => {
  cleanup();
  downloads.text.length = 0;
});

/** The figures table under the tornado: one row per assumption, in the chart's order. */
function tornadoRows() {
  const figure = screen.getByRole('figure', { name: /^Tornado/ });
  const table = figure.querySelector('.chart-data table') as HTMLTableElement;
  return Array.from(table.tBodies[0].rows).map((row) => Array.from(row.cells).map((c) => c.textContent ?? ''));
}

const swingOf = (row: string[]) => Number(row[6]);

describe('tornado data', () => {
  it('offers the default ranges of the issue: 20 %, 10 points, 0 % and 6 %', () => {
    expect(oneWayOptions(DEFAULT_ONE_WAY)).toEqual({
      proxyChange: '0.2',
      quantityChange: '0.2',
      adjustmentChange: '0.1',
      discountRates: { low: '0', high: '0.06' },
      nonCashInputChange: '0.2',
      outcomeRemoval: true,
      ranges: [],
    });
  });

  it('keeps the engine order (widest swing first) and names each row in words', () => {
    const result = oneWaySensitivity(w2, oneWayOptions(DEFAULT_ONE_WAY));
    const data = tornadoData(result, w2, t, 'en');
    expect(data.measure).toBe('ratio');
    expect(data.baseText).toBe('1.70');
    expect(data.bars).toHaveLength(result.rows.length);
    for (let i = 1; i < data.bars.length; i++)
      expect(data.bars[i - 1].swing).toBeGreaterThanOrEqual(data.bars[i].swing);
    const removed = data.bars[0];
    expect(removed).toMatchObject({
      label: 'Outcome removed: Retained in opioid agonist treatment',
      lowValue: 'removed',
      baseValue: 'included',
      highValue: 'included',
      lowText: '0.65',
      highText: '1.70',
    });
    const proxy = data.bars.find((b) => b.label === 'Proxy: Retained in opioid agonist treatment');
    expect(proxy).toMatchObject({ lowValue: '4,800.00 EUR', baseValue: '6,000.00 EUR', highValue: '7,200.00 EUR' });
    const rate = data.bars.find((b) => b.label === 'Discount rate');
    expect(rate).toMatchObject({ lowValue: '0.0 %', baseValue: '3.5 %', highValue: '6.0 %' });
    // A one-year outcome's drop-off moves nothing: its swing is 0 and it sorts last.
    expect(data.bars[data.bars.length - 1].swing).toBe(0);
  });
});

describe('OneWayPanel', () => {
  it('draws the tornado sorted by swing, with the outcome-removed case first for W2', () => {
    render(<OneWayPanel project={w2} />);
    const rows = tornadoRows();
    expect(rows[0][0]).toBe('Outcome removed: Retained in opioid agonist treatment');
    expect(rows.slice(0, 4).map((r) => r[0])).toEqual([
      'Outcome removed: Retained in opioid agonist treatment',
      'Outcome removed: Overdose deaths averted',
      'Quantity: Retained in opioid agonist treatment',
      'Proxy: Retained in opioid agonist treatment',
    ]);
    const swings = rows.map(swingOf);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(rows).toHaveLength(31);
    // The chart draws the first 12; "Show all" draws every one.
    const figure = screen.getByRole('figure', { name: /^Tornado/ });
    expect(figure.querySelectorAll('g.chart-bar')).toHaveLength(12);
    expect(figure.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(figure).getByRole('img').getAttribute('aria-label')).toContain(
      'The ratio is most sensitive to Outcome removed: Retained in opioid agonist treatment: from 0.65 to 1.70 : 1',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show all 31 assumptions' }));
    expect(figure.querySelectorAll('g.chart-bar')).toHaveLength(31);
  });

  it('re-sorts when the ranges change and drops the removal rows on request', async () => {
    render(<OneWayPanel project={w2} />);
    const proxies = screen.getByLabelText('Proxies');
    fireEvent.change(proxies, { target: { value: '90' } });
    await act(async () => fireEvent.blur(proxies));
    // +-90 % on the OAT proxy moves the ratio further than removing the outcome (which is -100 %).
    expect(tornadoRows()[0][0]).toBe('Proxy: Retained in opioid agonist treatment');
    fireEvent.click(screen.getByLabelText('Include each outcome removed'));
    expect(tornadoRows().some((r) => r[0].startsWith('Outcome removed'))).toBe(false);
    expect(tornadoRows()).toHaveLength(27);
  });

  it("takes a low and high of one's own for any assumption, a duration included", async () => {
    render(<OneWayPanel project={w2} />);
    const form = screen.getByRole('form', { name: 'Your own low and high for any assumption' });
    fireEvent.change(within(form).getByLabelText('Assumption'), {
      target: { value: 'outcome:oat:duration' },
    });
    fireEvent.change(within(form).getByLabelText('Low'), { target: { value: '1' } });
    fireEvent.change(within(form).getByLabelText('High'), { target: { value: '5' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Use this range' })));
    expect(within(form).getByRole('listitem').textContent).toContain(
      'Duration: Retained in opioid agonist treatment: low 1 year, high 5 years',
    );
    const row = tornadoRows().find((r) => r[0] === 'Duration: Retained in opioid agonist treatment');
    expect(row?.slice(1, 4)).toEqual(['1 year', '3 years', '5 years']);

    // A range outside what the assumption allows is refused with the reason.
    fireEvent.change(within(form).getByLabelText('Assumption'), {
      target: { value: 'outcome:oat:deadweight' },
    });
    fireEvent.change(within(form).getByLabelText('Low'), { target: { value: '10' } });
    fireEvent.change(within(form).getByLabelText('High'), { target: { value: '120' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Use this range' })));
    expect(within(form).getByRole('alert').textContent).toBe('High must be between 0 % and 100 %.');
    expect(within(form).getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('the one-way table as CSV', () => {
  it('writes every assumption, widest swing first, with the ratios and the swing as exact decimals', async () => {
    render(<OneWayPanel project={w2} />);
    const figure = screen.getByRole('figure', { name: /^Tornado/ });
    await act(async () =>
      fireEvent.click(within(figure).getByRole('button', { name: /^Download CSV: Tornado.*\(chart figures\)$/ })),
    );
    expect(downloads.text).toHaveLength(1);
    const lines = downloads.text[0][1]
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const engine = oneWaySensitivity(w2, oneWayOptions(DEFAULT_ONE_WAY));
    expect(lines).toHaveLength(engine.rows.length + 1);
    expect(lines[0]).toBe('Assumption,Low,Base,High,Ratio at low,Ratio at high,Swing');
    const first = engine.rows[0];
    const cells = lines[1].split(',');
    expect(cells[0]).toBe('Outcome removed: Retained in opioid agonist treatment');
    expect(cells.slice(-3)).toEqual([
      (first.low.ratio ?? first.low.netPresentValue).toDecimalPlaces(4).toFixed(4),
      (first.high.ratio ?? first.high.netPresentValue).toDecimalPlaces(4).toFixed(4),
      first.swing.toDecimalPlaces(4).toFixed(4),
    ]);
  });
});
