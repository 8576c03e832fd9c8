// @vitest-environment jsdom
// Switching values in words on the Sensitivity screen, with the W2 worked example of METHOD.md: the closed
// forms (OAT retention's proxy could fall to 2,011.14 EUR, x 0.3352), "cannot reach 1 : 1 through this outcome"
// where the multiplier is 0 or below (overdose -0.1472, syringes -12.0701), the disbenefit 39.5 times larger,
// all proxies x 0.5879, the investment 180,737.35 EUR; drop-off, duration and the discount rate by bisection;
// and the other direction ("rises to 1 : 1") when the ratio is below 1, "n/a" when the investment is zero;
// the table downloaded as CSV, with the values as numbers in their unit.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as FilesModule from '../../renderer/src/api/files';
import i18next, { setLanguage } from '../../renderer/src/i18n';
import { engineText } from '../../renderer/src/i18n/engine-text';
import { SwitchingTable } from '../../renderer/src/sensitivity/SwitchingTable';
import { reasonText, switchingGroups } from '../../renderer/src/sensitivity/switching-rows';
import { computeSroi, numericSwitchingValues } from '../../shared/engine';
import { parseProjectFile, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

const t = i18next.t.bind(i18next);
const text = engineText(i18next, t, 'en');

const downloads = vi.hoisted(() => ({ text: [] as Array<[string, string]> }));
vi.mock('../../renderer/src/api/files', async (original) => ({
  ...(await original<typeof FilesModule>()),
  saveTextFile: async (name: string, _kind: string, content: string) => {
    downloads.text.push([name, content]);
    return true;
  },
}));

function groupsOf(project: Project) {
  return switchingGroups(project, computeSroi(project), numericSwitchingValues(project), t, text, 'en');
}

function row(project: Project, outcome: string, assumption: string) {
  const group = groupsOf(project).find((g) => g.title === outcome);
  const found = group?.rows.find((r) => r.assumption === assumption);
  if (!found) throw new Error(`no row ${assumption} of ${outcome}`);
  return found;
}

afterEach(() => {
  cleanup();
  downloads.text.length = 0;
});

describe('switching values of W2 in words', () => {
  const w2 = loadW2();

  it('states the closed forms of OAT retention (METHOD.md: multiplier 0.335190, proxy 2,011.14)', () => {
    const groups = groupsOf(w2);
    const oat = groups.find((g) => g.title === 'Retained in opioid agonist treatment');
    expect(oat?.summary).toBe(
      'Its value could fall to 33.5 % of what it is (× 0.3352) before the ratio falls to 1 : 1.',
    );
    const proxy = row(w2, 'Retained in opioid agonist treatment', 'Proxy');
    expect(proxy).toMatchObject({ entered: '6,000.00 EUR', atOne: '2,011.14 EUR', reachable: true });
    expect(proxy.words).toBe('The ratio falls to 1 : 1 if the proxy falls to 2,011.14 EUR.');
    expect(row(w2, 'Retained in opioid agonist treatment', 'Quantity').words).toBe(
      'The ratio falls to 1 : 1 if the quantity falls to 8.38.',
    );
    expect(row(w2, 'Retained in opioid agonist treatment', 'Deadweight').words).toBe(
      'The ratio falls to 1 : 1 if deadweight rises to 74.9 %.',
    );
    expect(row(w2, 'Retained in opioid agonist treatment', 'Attribution').atOne).toBe('83.2 %');
  });

  it('says "cannot reach 1 : 1 through this outcome" where the multiplier is 0 or below, never a negative proxy', () => {
    const groups = groupsOf(w2);
    const overdose = groups.find((g) => g.title === 'Overdose deaths averted');
    expect(overdose?.summary).toBe(
      'Cannot reach 1 : 1 through this outcome: the ratio stays above 1 : 1 even without it (multiplier -0.1472).',
    );
    expect(groups.find((g) => g.title === 'Fewer discarded syringes near homes')?.summary).toContain(
      '(multiplier -12.0701)',
    );
    const linear = row(w2, 'Overdose deaths averted', 'Proxy, quantity, deadweight, displacement, attribution');
    expect(linear).toMatchObject({ atOne: '—', reachable: false, words: 'Cannot reach 1 : 1 through this outcome.' });
    // No row anywhere offers a negative proxy for a benefit.
    for (const g of groups.filter((x) => x.title !== 'Nuisance displaced to a nearby street')) {
      for (const r of g.rows) expect(r.atOne).not.toMatch(/^-/);
    }
  });

  it('describes the disbenefit, the whole model and the numeric (bisection) switching values', () => {
    const groups = groupsOf(w2);
    expect(groups.find((g) => g.title === 'Nuisance displaced to a nearby street')?.summary).toBe(
      'The disbenefit would have to be 39.5 times larger (× 39.5472) for the ratio to fall to 1 : 1.',
    );
    const model = groups[groups.length - 1];
    expect(model.title).toBe('The whole model');
    expect(model.rows.map((r) => r.words)).toEqual([
      'The ratio falls to 1 : 1 if every proxy is scaled to 58.8 % of its value (× 0.5879).',
      'The ratio falls to 1 : 1 if the investment rises to 180,737.35 EUR.',
      expect.stringMatching(/^The ratio falls to 1 : 1 if the discount rate rises to \d+\.\d %\.$/),
      'No discount rate between 0 % and 3.5 % brings the ratio to 1 : 1.',
    ]);
    // OAT retention starts after the activity: only leaving it out brings the ratio to 1 : 1.
    expect(row(w2, 'Retained in opioid agonist treatment', 'Duration')).toMatchObject({
      entered: '3 years',
      atOne: '0 years',
      words: 'The ratio falls to 1 : 1 only if the outcome is left out (0 years).',
    });
    expect(row(w2, 'Retained in opioid agonist treatment', 'Drop-off').words).toBe(
      'Cannot reach 1 : 1 through this outcome (at 100 % the ratio is still 1.14 : 1).',
    );
    expect(row(w2, 'Overdose deaths averted', 'Drop-off').words).toBe(
      'Cannot reach 1 : 1 through this outcome (it lasts one year, so drop-off never applies).',
    );
  });

  it('says "rises to 1 : 1" when the ratio is below 1, and n/a without an investment', () => {
    const costly: Project = {
      ...w2,
      inputs: w2.inputs.map((i) => (i.kind === 'cash' ? { ...i, amount: '300000' } : i)),
    };
    expect(computeSroi(costly).ratio.value?.lt(1)).toBe(true);
    const proxy = row(costly, 'Retained in opioid agonist treatment', 'Proxy');
    expect(proxy.words).toMatch(/^The ratio rises to 1 : 1 if the proxy rises to [\d,]+\.\d\d EUR\.$/);
    const model = groupsOf(costly).find((g) => g.title === 'The whole model');
    expect(model?.rows[1].words).toBe('The ratio rises to 1 : 1 if the investment falls to 180,737.35 EUR.');
    // Even with no drop-off at all the outcome cannot lift the ratio to 1 : 1.
    expect(row(costly, 'Retained in opioid agonist treatment', 'Drop-off').words).toBe(
      'Cannot reach 1 : 1 through this outcome (at 0 % the ratio is still 0.68 : 1).',
    );

    const free: Project = { ...w2, inputs: [] };
    const linear = 'Proxy, quantity, deadweight, displacement, attribution';
    expect(row(free, 'Retained in opioid agonist treatment', linear).words).toBe(
      'n/a: the investment is zero, so the ratio is undefined.',
    );
  });

  it('shows the engine reasons as sentences, abbreviations left as they are, the English without a message', () => {
    const reason = (key: string, english: string, params?: Record<string, string>) =>
      reasonText({ reason: english, reasonText: { key, ...(params ? { params } : {}) } }, text, 'en');
    expect(reason('engine.switching.cannot', 'cannot reach 1 : 1 through this outcome')).toBe(
      'Cannot reach 1 : 1 through this outcome.',
    );
    expect(reason('engine.switching.cannotOutside', 'ignored', { name: 'deadweight' })).toBe(
      'Cannot reach 1 : 1 through this outcome: deadweight would have to be outside 0 % to 100 %.',
    );
    expect(reason('engine.common.zeroInvestment', 'ignored')).toBe(
      'n/a: the investment is zero, so the ratio is undefined.',
    );
    expect(reasonText({ reason: 'no message here' }, text, 'en')).toBe('No message here.');
  });

  it('says the reasons in Portuguese, numbers and all, when the interface is in Portuguese', async () => {
    await setLanguage('pt', false);
    try {
      const pt = engineText(i18next, i18next.t.bind(i18next), 'pt');
      const groups = switchingGroups(
        w2,
        computeSroi(w2),
        numericSwitchingValues(w2),
        i18next.t.bind(i18next),
        pt,
        'pt',
      );
      const oat = groups.find((g) => g.title === 'Retained in opioid agonist treatment');
      expect(oat?.rows.find((r) => r.key.endsWith(':dropOff'))?.words).toBe(
        'Não é possível chegar a 1 : 1 através deste resultado (com 100 % o rácio continua a ser 1,14 : 1).',
      );
      const overdose = groups.find((g) => g.title === 'Overdose deaths averted');
      expect(overdose?.rows[0].words).toBe('Não é possível chegar a 1 : 1 através deste resultado.');
      expect(groups[groups.length - 1].rows.map((r) => r.words)).toContain(
        'Nenhuma taxa de desconto entre 0 % e 3,5 % leva o rácio a 1 : 1.',
      );
    } finally {
      await setLanguage('en', false);
    }
  });

  it('renders one row group per outcome, then the whole model, with the words in the last column', () => {
    render(<SwitchingTable project={w2} result={computeSroi(w2)} />);
    const table = screen.getByTestId('switching-table');
    const groups = within(table).getAllByRole('rowgroup');
    // thead plus four outcomes plus the whole model
    expect(groups).toHaveLength(6);
    const oat = within(table).getByRole('rowgroup', { name: 'Retained in opioid agonist treatment' });
    const proxyRow = within(oat).getByRole('row', { name: /^Proxy/ });
    expect(
      within(proxyRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['6,000.00 EUR', '2,011.14 EUR', 'The ratio falls to 1 : 1 if the proxy falls to 2,011.14 EUR.']);
    expect(table.textContent).toContain('Cannot reach 1 : 1 through this outcome');
  });
});

describe('switching values as CSV', () => {
  it('writes one line per assumption with its group, the values as numbers in their unit, and the words', async () => {
    const w2 = loadW2();
    render(<SwitchingTable project={w2} result={computeSroi(w2)} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Download CSV: Switching values' })));
    expect(downloads.text).toHaveLength(1);
    const [name, content] = downloads.text[0];
    expect(name).toMatch(/switching-values\.csv$/);
    const lines = content
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Outcome or whole model,Assumption,Entered,Value at 1 : 1,Unit,In words');
    expect(lines).toContain(
      'Retained in opioid agonist treatment,Proxy,6000.00,2011.14,EUR,"The ratio falls to 1 : 1 if the proxy falls to 2,011.14 EUR."',
    );
    const deadweight = lines.find((l) => l.startsWith('Retained in opioid agonist treatment,Deadweight,'))?.split(',');
    expect(deadweight?.slice(2, 5)).toEqual(['25', '74.86', '%']);
    expect(lines).toContain(
      `The whole model,Investment,106250.00,${computeSroi(w2).investmentSwitch.toDecimalPlaces(2).toFixed(2)},EUR,"The ratio falls to 1 : 1 if the investment rises to 180,737.35 EUR."`,
    );
    // Where there is no value at 1 : 1 the cell is empty, and the words say why.
    const overdose = lines.find((l) => l.startsWith('Overdose deaths averted,'));
    expect(overdose).toMatch(
      /^Overdose deaths averted,"Proxy, quantity, [^"]+",,,,"?Cannot reach 1 : 1 through this outcome/,
    );
  });
});
