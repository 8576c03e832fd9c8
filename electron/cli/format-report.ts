/**
 * The readable report of `sroi compute`: settings, investment, one small table per outcome, totals, value by
 * year, switching values in words and guard-rail warnings. Money is rounded to the cent here, for display
 * only; `--json` carries the full-precision figures.
 */
import type { OptionalFigure, SroiResult, Share } from '../../shared/engine';
import type { Outcome, Project, YearOneConvention } from '../../shared/model';
import { ZERO, type Dec } from '../../shared/money/decimal';
import { formatFixed, formatMoney, formatNumber, formatPercent } from '../../shared/format/number';
import { formatWarningLines, warningsHeading } from './format-problems';
import { describeModelSwitching, describeOutcomeSwitching } from './switching-words';
import { renderAmounts, renderPairs, renderTable, type Column } from './text-table';

export interface ReportInput {
  /** The model file as the user named it. */
  file: string;
  /** The project as computed (with any command-line override applied). */
  project: Project;
  result: SroiResult;
  /** The convention written in the file, when the command line replaced it for this run. */
  conventionInFile: YearOneConvention | null;
}

const CONVENTION_WORDS: Record<YearOneConvention, string> = {
  guide: 'guide (year 1 discounted one period, as in the SROI Guide)',
  year0: 'year0 (year 1 undiscounted, as in Green Book tables)',
};

const KIND_WORDS: Record<string, string> = { cash: 'Cash', 'in-kind': 'In kind', volunteer: 'Volunteer time' };

function heading(text: string, underline = '-'): string[] {
  return ['', text, underline.repeat([...text].length)];
}

function share(part: Dec, whole: Dec): string {
  return whole.gt(0) ? formatPercent(part.div(whole), 1, true) : 'n/a';
}

function years(count: number): string {
  return count === 1 ? '1 year' : `${count} years`;
}

function settingsSection(input: ReportInput): string[] {
  const { project, result, conventionInFile } = input;
  const convention = CONVENTION_WORDS[result.settings.yearOneConvention];
  const overridden =
    conventionInFile === null ? '' : `; set by --year0 for this run, the file says ${conventionInFile}`;
  const pairs: Array<readonly [string, string]> = [
    ['File', input.file],
    ['Organisation', project.organisation === '' ? '(not given)' : project.organisation],
    [
      'Analysis',
      `${project.analysisType}, ${project.period.start} to ${project.period.end}, in ${project.priceYear} prices`,
    ],
    ['Currency', project.currency],
    ['Discount rate', `${formatPercent(result.settings.discountRate, 2)} a year`],
    ['Year-one convention', convention + overridden],
    ['Horizon', years(result.horizon)],
  ];
  return [project.name, '='.repeat([...project.name].length), ...renderPairs(pairs)];
}

function breakdownTable(
  title: string,
  shares: Share[],
  total: Dec,
  multiYear: boolean,
  label: (s: Share) => string,
): string[] {
  const columns: Column[] = [
    { header: title },
    { header: 'Amount', align: 'right' },
    ...(multiYear ? [{ header: 'Present value', align: 'right' } as Column] : []),
    { header: 'Share', align: 'right' },
  ];
  const rows = shares.map((s) => [
    label(s),
    formatMoney(s.amount),
    ...(multiYear ? [formatMoney(s.presentValue)] : []),
    share(s.presentValue, total),
  ]);
  return renderTable(columns, rows);
}

function investmentSection(result: SroiResult): string[] {
  const inv = result.investment;
  const total = inv.total.value;
  const multiYear = inv.inputs.some((i) => i.year > 1);
  const title = `Investment: ${formatMoney(total, result.currency)}${multiYear ? ' (present value; inputs paid at the start of each year)' : ''}`;
  if (inv.inputs.length === 0) return [...heading(title), '  No inputs: the SROI ratio is n/a.'];
  return [
    ...heading(title),
    ...breakdownTable('By stakeholder', inv.byStakeholder, total, multiYear, (s) => s.label),
    '',
    ...breakdownTable('By kind', inv.byKind, total, multiYear, (s) => KIND_WORDS[s.key] ?? s.label),
  ];
}

function proxyText(outcome: Outcome, effective: Dec, currency: string): string {
  const p = outcome.proxy;
  const adjusted = p.priceIndex !== null || p.exchangeRate !== null;
  const origin = adjusted
    ? `from ${formatMoney(p.value, p.currency)} in ${p.priceYear} prices${p.priceIndex ? `, price index ${p.priceIndex.indexAtModelYear} / ${p.priceIndex.indexAtPriceYear}` : ''}${p.exchangeRate ? `, exchange rate ${p.exchangeRate.rate}` : ''}`
    : `${p.priceYear} prices`;
  return `${formatMoney(effective, currency)} each (${p.description}, ${origin})`;
}

function outcomesSection(input: ReportInput): string[] {
  const { project, result } = input;
  const currency = result.currency;
  const stakeholders = new Map(project.stakeholders.map((s) => [s.id, s.name]));
  const lines: string[] = [];
  result.outcomes.forEach((o, i) => {
    const source = project.outcomes[i];
    const start = source.start === 'during' ? 'starts during the activity' : 'starts the year after the activity';
    lines.push(...heading(`Outcome ${i + 1}: ${o.name}${source.intended ? '' : ' (unintended)'}`));
    lines.push(
      ...renderPairs([
        ['Stakeholder', stakeholders.get(o.stakeholderId) ?? o.stakeholderId],
        ['Quantity', formatNumber(source.quantity, 4)],
        ['Proxy', proxyText(source, o.proxy.value, currency)],
        [
          'Deductions',
          `deadweight ${formatPercent(source.deadweight)}, displacement ${formatPercent(source.displacement)}, attribution ${formatPercent(source.attribution)}`,
        ],
        ['Duration', `${years(source.duration)}, ${start}; drop-off ${formatPercent(source.dropOff)} a year`],
        ['Impact', formatMoney(o.impact.value, currency)],
        ['Present value', formatMoney(o.presentValue.value, currency)],
        [
          'Share of value',
          o.shareOfValue === null ? 'n/a (total value is not positive)' : formatPercent(o.shareOfValue, 1, true),
        ],
      ]),
    );
  });
  if (result.outcomes.length === 0) lines.push(...heading('Outcomes'), '  No outcomes: the present value is zero.');
  return lines;
}

function stakeholderSection(result: SroiResult): string[] {
  if (result.byStakeholder.length === 0) return [];
  const rows = result.byStakeholder.map((g) => [
    g.label,
    formatMoney(g.presentValue),
    g.shareOfValue === null ? 'n/a' : formatPercent(g.shareOfValue, 1, true),
  ]);
  return [
    ...heading(`Value by stakeholder (${result.currency})`),
    ...renderTable(
      [{ header: 'Stakeholder' }, { header: 'Present value', align: 'right' }, { header: 'Share', align: 'right' }],
      rows,
    ),
  ];
}

/** An optional figure as [amount, unit], or ["n/a", "(the reason)"] when it is undefined. */
function optionalAmount(figure: OptionalFigure, amount: (value: Dec) => string, unit: string): [string, string] {
  if (figure.value !== null) return [amount(figure.value), unit];
  const reason = (figure.explain.unavailable ?? 'n/a').replace(/^n\/a:\s*/, '');
  return ['n/a', `(${reason})`];
}

function totalsSection(result: SroiResult): string[] {
  const c = result.currency;
  const twoPlaces = (value: Dec) => formatFixed(value, 2);
  return [
    ...heading('Totals'),
    ...renderAmounts([
      ['Present value (PV)', formatMoney(result.presentValue.value), c],
      ['Investment (I)', formatMoney(result.investment.total.value), c],
      ['Net present value (NPV = PV - I)', formatMoney(result.netPresentValue.value), c],
      ['SROI ratio (PV / I)', ...optionalAmount(result.ratio, twoPlaces, ': 1')],
      ['Net SROI ratio (NPV / I)', ...optionalAmount(result.netRatio, twoPlaces, ': 1 (net of the investment)')],
      ['Undiscounted value', formatMoney(result.undiscountedValue.value), c],
      ['Payback (Guide formula)', ...optionalAmount(result.paybackGuideMonths, twoPlaces, 'months')],
      ['Payback (discounted)', ...optionalAmount(result.paybackDiscountedMonths, twoPlaces, 'months')],
    ]),
  ];
}

function yearSection(result: SroiResult): string[] {
  if (result.byYear.length === 0) return [];
  let cumulative = ZERO;
  const rows: Array<string[] | null> = result.byYear.map((y) => {
    cumulative = cumulative.plus(y.presentValue);
    return [
      String(y.year),
      formatMoney(y.value),
      formatFixed(y.discountFactor, 6),
      formatMoney(y.presentValue),
      formatMoney(cumulative),
      formatMoney(y.investmentPresentValue),
    ];
  });
  rows.push(null, [
    'Total',
    formatMoney(result.undiscountedValue.value),
    '',
    formatMoney(result.presentValue.value),
    '',
    formatMoney(result.investment.total.value),
  ]);
  const columns: Column[] = [
    { header: 'Year' },
    { header: 'Value', align: 'right' },
    { header: 'Divisor', align: 'right' },
    { header: 'Present value', align: 'right' },
    { header: 'Cumulative PV', align: 'right' },
    { header: 'Inputs (PV)', align: 'right' },
  ];
  const divisor = result.settings.yearOneConvention === 'guide' ? '(1 + r)^t' : '(1 + r)^(t - 1)';
  return [
    ...heading(`Value by year (${result.currency})`),
    ...renderTable(columns, rows),
    `  Present value = value / divisor, divisor = ${divisor}.`,
  ];
}

function switchingSection(input: ReportInput): string[] {
  const { project, result } = input;
  const lines = [...heading('Switching values (one change at a time that brings the ratio to 1 : 1)')];
  result.outcomes.forEach((o, i) => {
    lines.push(...describeOutcomeSwitching(o, project.outcomes[i]).map((l) => `  ${l}`));
  });
  lines.push(...describeModelSwitching(result).map((l) => `  ${l}`));
  return lines;
}

function warningsSection(result: SroiResult): string[] {
  return [...heading(warningsHeading(result.warnings.length)), ...formatWarningLines(result.warnings)];
}

export function formatReport(input: ReportInput): string {
  const lines = [
    ...settingsSection(input),
    ...investmentSection(input.result),
    ...outcomesSection(input),
    ...stakeholderSection(input.result),
    ...totalsSection(input.result),
    ...yearSection(input.result),
    ...switchingSection(input),
    ...warningsSection(input.result),
    '',
    'Money is rounded to the cent for display; `sroi compute --json` gives every figure in full precision.',
  ];
  return lines.join('\n') + '\n';
}
