/**
 * The tables of a Monte Carlo run as CSV (the "Download CSV" buttons of the Sensitivity stage): the
 * percentiles and the assumptions drawn (the charts' own tables, the histogram, the CE plane and the
 * acceptability curve, are downloaded from their "Show the figures"). Figures are the stored floats, unrounded
 * (the screen rounds them for reading; a spreadsheet should get them whole); probabilities are fractions 0 to 1.
 */
import type { TFunction } from 'i18next';
import type { SimulationRun } from '../../../shared/model/simulation';
import type { CsvCell, CsvTable } from '../exchange/table-csv';

type Stats = SimulationRun['summary']['presentValue'];

export function summaryCsv(run: SimulationRun, t: TFunction): CsvTable {
  const s = run.summary;
  const row = (label: string, stats: Stats | null, base: number | null): CsvCell[] =>
    stats === null
      ? [label, null, null, null, null, null, null, null, base]
      : [label, stats.mean, stats.sd, stats.min, stats.p2_5, stats.p50, stats.p97_5, stats.max, base];
  return {
    columns: [
      t('sensitivity.mc.measure'),
      t('sensitivity.mc.mean'),
      t('sensitivity.mc.sd'),
      t('sensitivity.mc.min'),
      t('sensitivity.mc.p2_5'),
      t('sensitivity.mc.p50'),
      t('sensitivity.mc.p97_5'),
      t('sensitivity.mc.max'),
      t('sensitivity.mc.baseCase'),
    ],
    rows: [
      row(`${t('sensitivity.mc.pv')} (${s.currency})`, s.presentValue, s.baseCase.presentValue),
      row(`${t('sensitivity.mc.npv')} (${s.currency})`, s.netPresentValue, s.baseCase.netPresentValue),
      row(t('sensitivity.mc.ratio'), s.ratio, s.baseCase.ratio),
      [t('sensitivity.mc.pAbove'), s.probabilityRatioAboveOne],
      [t('sensitivity.mc.pNpv'), s.probabilityNpvPositive],
      [t('sensitivity.mc.iterations'), run.iterations],
      [t('sensitivity.mc.seed'), run.seed],
    ],
  };
}

export function parametersCsv(run: SimulationRun, t: TFunction): CsvTable {
  return {
    columns: [
      t('sensitivity.mc.outcome'),
      t('sensitivity.distribution.assumption'),
      t('sensitivity.distribution.type'),
      t('sensitivity.distribution.enteredColumn'),
      t('sensitivity.distribution.mean'),
      t('sensitivity.distribution.sd'),
    ],
    rows: run.summary.parameters.map((p) => [
      p.outcomeName,
      t(`sensitivity.fields.${p.field}`),
      t(`sensitivity.distribution.name.${p.distribution}`),
      p.base,
      p.mean,
      p.sd,
    ]),
  };
}
