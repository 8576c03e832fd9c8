/**
 * The library's lists and tables as CSV: the entries a search shows, a price-index series' values and the
 * exchange rates. Column names are the ones the forms use; values are the published decimals, unrounded.
 */
import type { TFunction } from 'i18next';
import { numberStyle } from '../../../shared/format/locale';
import type { ExchangeRateEntry, LibraryEntry, PriceIndexSeries } from '../../../shared/library';
import type { CsvCell, CsvTable } from '../exchange/table-csv';

const exact = (value: string | null): CsvCell => (value === null ? null : { decimal: value });

/** Every field a reader needs to check an entry: what it values, the figure, where it comes from and its grade. */
export function entriesCsv(entries: readonly LibraryEntry[], t: TFunction, locale: string): CsvTable {
  const column = (field: string) => t(`library.own.${field}`);
  const mark = numberStyle(locale).decimal;
  return {
    columns: [
      column('description'),
      column('kind'),
      column('outcome'),
      column('indicator'),
      column('value'),
      column('valueLow'),
      column('valueHigh'),
      column('valueOptions'),
      column('currency'),
      column('unit'),
      column('priceYear'),
      column('priceYearNote'),
      column('country'),
      column('grade'),
      column('gradeNote'),
      column('source'),
      column('sourceUrl'),
      column('notes'),
    ],
    rows: entries.map((e) => [
      e.description,
      t(`library.kind.${e.kind}`),
      e.outcome,
      e.indicator,
      exact(e.value),
      exact(e.valueLow),
      exact(e.valueHigh),
      // Several figures in one cell ("0 / 0.25 / 0.5"): text, with the decimal mark the other numbers have.
      e.valueOptions.map((v) => v.replace('.', mark)).join(' / '),
      e.currency,
      e.unit,
      e.priceYear,
      e.priceYearNote,
      e.country,
      t(`library.gradeLabel.${e.grade}`),
      e.gradeNote,
      e.source,
      e.sourceUrl,
      e.notes,
    ]),
  };
}

export function seriesPointsCsv(series: PriceIndexSeries, t: TFunction): CsvTable {
  return {
    columns: [t('library.prices.year'), t('library.prices.value')],
    rows: series.points.map((p) => [p.year, exact(p.value)]),
  };
}

export function ratesCsv(rates: readonly ExchangeRateEntry[], t: TFunction): CsvTable {
  return {
    columns: [
      t('library.prices.from'),
      t('library.prices.to'),
      t('library.prices.rate'),
      t('library.prices.date'),
      t('library.prices.kind'),
      t('library.prices.source'),
      t('library.prices.sourceUrl'),
    ],
    rows: rates.map((r) => [
      r.from,
      r.to,
      exact(r.rate),
      r.date,
      r.kind === 'ppp' ? t('library.adjust.ppp') : t('library.adjust.market'),
      r.source,
      r.sourceUrl,
    ]),
  };
}
