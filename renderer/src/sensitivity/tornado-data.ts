/**
 * The one-way sensitivity result (engine: oneWaySensitivity) read for the tornado chart and its table: a
 * label per assumption in the interface's words, its low, base and high values, and the ratio (or NPV, when
 * the investment is zero) in the low and high cases. The engine's order is kept: widest swing first.
 */
import type { TFunction } from 'i18next';
import type { OneWayOptions, OneWayResult, SensitivityCase, TornadoRow } from '../../../shared/engine/uncertainty';
import type { Project } from '../../../shared/model/schema';
import { Dec, dec } from '../../../shared/money/decimal';
import { money, num, percent, plain } from './format';

export interface TornadoBar {
  key: string;
  label: string;
  /** The assumption's values, in words. */
  lowValue: string;
  baseValue: string;
  highValue: string;
  /** The measure (ratio or NPV) in each case, as numbers for the chart. */
  low: number;
  high: number;
  base: number;
  lowText: string;
  highText: string;
  swing: number;
  swingText: string;
  /** For CSV: the measure in each case and the swing as decimals (a ratio to 4 places, money to the cent). */
  lowExact: string;
  highExact: string;
  swingExact: string;
}

export interface TornadoData {
  measure: OneWayResult['measure'];
  base: number;
  baseText: string;
  bars: TornadoBar[];
}

/** The one-way ranges the screen offers, in the units people type: percent and percentage points. */
export interface OneWaySettings {
  proxyPercent: string;
  quantityPercent: string;
  adjustmentPoints: string;
  rateLowPercent: string;
  rateHighPercent: string;
  nonCashPercent: string;
  outcomeRemoval: boolean;
}

export const DEFAULT_ONE_WAY: OneWaySettings = {
  proxyPercent: '20',
  quantityPercent: '20',
  adjustmentPoints: '10',
  rateLowPercent: '0',
  rateHighPercent: '6',
  nonCashPercent: '20',
  outcomeRemoval: true,
};

/** The engine's options from the screen's settings (canonical decimal strings, percentages as fractions). */
export function oneWayOptions(settings: OneWaySettings, ranges: OneWayOptions['ranges'] = []): OneWayOptions {
  const fraction = (p: string) => dec(p).div(100).toFixed();
  return {
    proxyChange: fraction(settings.proxyPercent),
    quantityChange: fraction(settings.quantityPercent),
    adjustmentChange: fraction(settings.adjustmentPoints),
    discountRates: { low: fraction(settings.rateLowPercent), high: fraction(settings.rateHighPercent) },
    nonCashInputChange: fraction(settings.nonCashPercent),
    outcomeRemoval: settings.outcomeRemoval,
    ranges,
  };
}

function labelOf(row: TornadoRow, project: Project, t: TFunction): string {
  const a = row.assumption;
  switch (a.kind) {
    case 'outcome': {
      const name = project.outcomes.find((o) => o.id === a.outcomeId)?.name ?? a.outcomeId;
      return `${t(`sensitivity.fields.${a.field}`)}: ${name}`;
    }
    case 'outcomeRemoved':
      return t('sensitivity.tornado.removed', {
        name: project.outcomes.find((o) => o.id === a.outcomeId)?.name ?? a.outcomeId,
      });
    case 'input':
      return t('sensitivity.tornado.input', {
        name: project.inputs.find((i) => i.id === a.inputId)?.description ?? a.inputId,
      });
    case 'discountRate':
      return t('sensitivity.tornado.discountRate');
  }
}

function valueText(row: TornadoRow, value: Dec | null, t: TFunction, locale: string): string {
  if (value === null) return row.unit === 'presence' ? t('sensitivity.tornado.removedValue') : '—';
  switch (row.unit) {
    case 'fraction':
    case 'rate':
      return percent(value, locale);
    case 'money':
      return money(value, row.currency ?? '', locale);
    case 'count':
      return plain(value, locale);
    case 'years':
      return t('sensitivity.years', { count: value.toNumber() });
    case 'presence':
      return t('sensitivity.tornado.removedValue');
  }
}

export function tornadoData(result: OneWayResult, project: Project, t: TFunction, locale: string): TornadoData {
  const isRatio = result.measure === 'ratio';
  const measureOf = (c: { ratio: Dec | null; netPresentValue: Dec }): Dec =>
    isRatio && c.ratio !== null ? c.ratio : c.netPresentValue;
  const show = (d: Dec) => (isRatio ? num(d, 2, locale) : money(d, project.currency, locale));
  const exact = (d: Dec) => d.toDecimalPlaces(isRatio ? 4 : 2, Dec.ROUND_HALF_UP).toFixed(isRatio ? 4 : 2);
  const base = measureOf(result.base);
  return {
    measure: result.measure,
    base: base.toNumber(),
    baseText: show(base),
    bars: result.rows.map((row) => {
      const low = measureOf(row.low as SensitivityCase);
      const high = measureOf(row.high as SensitivityCase);
      const presence = row.unit === 'presence';
      const included = t('sensitivity.tornado.included');
      return {
        key: JSON.stringify(row.assumption),
        label: labelOf(row, project, t),
        lowValue: valueText(row, row.low.value, t, locale),
        baseValue: presence ? included : valueText(row, row.base, t, locale),
        highValue: presence ? included : valueText(row, row.high.value, t, locale),
        low: low.toNumber(),
        high: high.toNumber(),
        base: base.toNumber(),
        lowText: show(low),
        highText: show(high),
        swing: row.swing.toNumber(),
        swingText: show(row.swing),
        lowExact: exact(low),
        highExact: exact(high),
        swingExact: exact(row.swing),
      };
    }),
  };
}
