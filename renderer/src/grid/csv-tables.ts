/**
 * The Inputs screen's tables as CSV: the cost lines as entered and the investment totals, with the same column
 * names as on screen and exact decimals (never the rounded, grouped figures the cells show).
 */
import type { InvestmentResult, Share } from '../../../shared/engine';
import type { Input } from '../../../shared/model';
import { canonical, dec, type Dec } from '../../../shared/money/decimal';
import type { CsvCell, CsvTable } from '../exchange/table-csv';
import {
  cellDisplay,
  fieldLabel,
  INPUT_FIELDS,
  kindLabel,
  lineValue,
  type CellContext,
  type Kind,
  type Translate,
} from './input-cells';

export type Split = 'byCategory' | 'byFunder' | 'byYear' | 'byStakeholder' | 'byKind';
export const SPLITS: readonly Split[] = ['byCategory', 'byFunder', 'byYear', 'byStakeholder', 'byKind'];

/** Canonical, so a line reads the same however it was stored ("9.50" typed, "9.5" after a round trip). */
const exact = (value: Dec | string): CsvCell => ({ decimal: canonical(dec(value)) });

/** The name of one group of a split, as its table shows it. */
export function shareLabel(split: Split, share: Share, t: Translate): string {
  if (split === 'byFunder' && share.key === '') return t('inputsGrid.totals.noFunder');
  if (split === 'byYear') return t('inputsGrid.totals.yearN', { year: share.key });
  if (split === 'byKind') return kindLabel(share.key as Kind, t);
  return share.label;
}

/** The cost lines with the grid's columns; a volunteer line's amount is hours × rate, as the grid shows it. */
export function costLinesCsv(inputs: readonly Input[], ctx: CellContext): CsvTable {
  const currency = ctx.project.currency;
  const columns = INPUT_FIELDS.map((field) =>
    field === 'amount' || field === 'hourlyRate'
      ? `${fieldLabel(field, ctx.t)} (${currency})`
      : fieldLabel(field, ctx.t),
  );
  const rows = inputs.map((input) =>
    INPUT_FIELDS.map((field): CsvCell => {
      switch (field) {
        case 'year':
          return input.year;
        case 'amount':
          return exact(input.kind === 'volunteer' ? lineValue(input, ctx) : input.amount);
        case 'hours':
          return input.kind === 'volunteer' ? exact(input.hours) : null;
        case 'hourlyRate':
          return input.kind === 'volunteer' ? exact(input.hourlyRate) : null;
        case 'stakeholder':
        case 'kind':
          return cellDisplay(input, field, ctx);
        default:
          return input[field];
      }
    }),
  );
  return { columns, rows };
}

/**
 * Every totals table in one file: a row per group of each split ("By category", "Staff", amount...), then the
 * investment. The present value column is there when the screen shows it (some inputs in later years).
 */
export function investmentTotalsCsv(investment: InvestmentResult, currency: string, t: Translate): CsvTable {
  const multiYear = investment.inputs.some((i) => i.year > 1);
  const columns = [
    t('inputsGrid.totals.breakdown'),
    t('inputsGrid.totals.group'),
    t('inputsGrid.totals.amount', { currency }),
    ...(multiYear ? [t('inputsGrid.totals.presentValue', { currency })] : []),
  ];
  const rows: CsvCell[][] = SPLITS.flatMap((split) =>
    investment[split].map((share) => [
      t(`inputsGrid.totals.${split}`),
      shareLabel(split, share, t),
      exact(share.amount),
      ...(multiYear ? [exact(share.presentValue)] : []),
    ]),
  );
  rows.push([
    t('inputsGrid.totals.investment'),
    '',
    exact(multiYear ? investment.nominalTotal : investment.total.value),
    ...(multiYear ? [exact(investment.total.value)] : []),
  ]);
  return { columns, rows };
}
