/**
 * The results of a Monte Carlo run, as stored with the project: its settings, seed and date, a note when the
 * model has changed since (with "Run again with the same seed"), the percentiles of PV, NPV and the ratio,
 * P(ratio > 1), the histogram, the assumptions drawn; for strategies, the CE plane and the acceptability curve.
 * Every table can be downloaded as CSV.
 */
import { useTranslation } from 'react-i18next';
import { MC_GENERATOR, MC_PERCENTILES, type Summary } from '../../../shared/engine/uncertainty';
import type { Project } from '../../../shared/model/schema';
import type { PsaSummary, SimulationRun } from '../../../shared/model/simulation';
import { dec } from '../../../shared/money/decimal';
import { ChartFrame } from '../charts/ChartFrame';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { useLocale } from '../hooks/useLocale';
import { count, money, num, percent, ratio } from './format';
import { CeacChart, CePlaneChart, HistogramChart, HISTOGRAM_COLOURS, strategyColour } from './McCharts';
import { parametersCsv, summaryCsv } from './mc-csv';

export interface RunResultsProps {
  project: Project;
  run: SimulationRun;
  /** The model has changed since the run (its fingerprint differs). */
  stale: boolean;
  /** Run again with this run's iterations, seed and settings; disabled while a run is going. */
  onRerun: () => void;
  running: boolean;
}

export function RunResults({ project, run, stale, onRerun, running }: RunResultsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = run.summary;
  const currency = s.currency;
  const when = new Date(run.ranAt).toLocaleString(locale);
  const moneyOf = (x: number) => money(x, currency, locale);
  const rows: Array<{
    key: string;
    label: string;
    summary: Summary | null;
    base: number | null;
    show: (x: number) => string;
  }> = [
    { key: 'pv', label: t('sensitivity.mc.pv'), summary: s.presentValue, base: s.baseCase.presentValue, show: moneyOf },
    {
      key: 'npv',
      label: t('sensitivity.mc.npv'),
      summary: s.netPresentValue,
      base: s.baseCase.netPresentValue,
      show: moneyOf,
    },
    {
      key: 'ratio',
      label: t('sensitivity.mc.ratio'),
      summary: s.ratio,
      base: s.baseCase.ratio,
      show: (x) => ratio(x, locale),
    },
  ];
  const histogram = s.ratioHistogram ?? s.npvHistogram;
  const byRatio = s.ratioHistogram !== null && s.ratio !== null;
  const interval = byRatio ? (s.ratio as Summary) : s.netPresentValue;
  const clamped = Object.entries(s.clamped).filter(([, n]) => n > 0);

  return (
    <div className="mc-results" aria-labelledby="mc-results-title" data-testid="mc-results" data-run-id={run.id}>
      <div className="charts-heading">
        <h3 id="mc-results-title">{t('sensitivity.mc.resultsTitle')}</h3>
        <TableCsvButton
          title={t('sensitivity.mc.csvSummaryTitle')}
          fileName={`${project.name} Monte Carlo results`}
          table={() => summaryCsv(run, t)}
        />
      </div>
      <p className="mc-settings" data-testid="mc-settings">
        {t('sensitivity.mc.settings', {
          iterations: count(run.iterations, locale),
          seed: run.seed,
          when,
          rate: percent(dec(s.settings.discountRate), locale),
          convention: s.settings.yearOneConvention,
          duration:
            run.elapsedMs < 1000
              ? t('sensitivity.mc.milliseconds', { value: count(run.elapsedMs, locale) })
              : t('sensitivity.mc.seconds', { value: num(run.elapsedMs / 1000, 1, locale) }),
        })}
      </p>
      {stale && (
        <div className="notice mc-stale" data-testid="mc-stale">
          <p>{t('sensitivity.mc.stale')}</p>
          <button type="button" disabled={running} onClick={onRerun}>
            {t('sensitivity.mc.rerun')}
          </button>
        </div>
      )}
      <p className="mc-headline" data-testid="mc-probability">
        {s.probabilityRatioAboveOne === null
          ? t('sensitivity.mc.noRatio', { npv: percent(s.probabilityNpvPositive, locale) })
          : t('sensitivity.mc.probability', {
              p: percent(s.probabilityRatioAboveOne, locale),
              low: num((s.ratio as Summary).p2_5, 2, locale),
              high: num((s.ratio as Summary).p97_5, 2, locale),
              median: num((s.ratio as Summary).p50, 2, locale),
            })}
      </p>
      <table className="mc-table" data-testid="mc-table">
        <caption>{t('sensitivity.mc.tableCaption', { iterations: count(run.iterations, locale) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sensitivity.mc.measure')}</th>
            <th scope="col" className="number">
              {t('sensitivity.mc.mean')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.p2_5')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.p50')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.p97_5')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.baseCase')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`mc-row-${row.key}`}>
              <th scope="row">{row.label}</th>
              {row.summary === null ? (
                <td colSpan={4}>{t('sensitivity.mc.na')}</td>
              ) : (
                <>
                  <td className="number">{row.show(row.summary.mean)}</td>
                  <td className="number">{row.show(row.summary.p2_5)}</td>
                  <td className="number">{row.show(row.summary.p50)}</td>
                  <td className="number">{row.show(row.summary.p97_5)}</td>
                </>
              )}
              <td className="number">{row.base === null ? t('sensitivity.mc.na') : row.show(row.base)}</td>
            </tr>
          ))}
          <tr data-testid="mc-row-probability">
            <th scope="row">{t('sensitivity.mc.pAbove')}</th>
            <td className="number">
              {s.probabilityRatioAboveOne === null
                ? t('sensitivity.mc.na')
                : percent(s.probabilityRatioAboveOne, locale)}
            </td>
            <td colSpan={4} />
          </tr>
          <tr>
            <th scope="row">{t('sensitivity.mc.pNpv')}</th>
            <td className="number">{percent(s.probabilityNpvPositive, locale)}</td>
            <td colSpan={4} />
          </tr>
        </tbody>
      </table>

      {histogram !== null && histogram.bins.length > 0 && (
        <div className="chart-grid">
          <ChartFrame
            id="mc-histogram"
            wide
            title={byRatio ? t('sensitivity.mc.histogramTitle') : t('sensitivity.mc.histogramNpvTitle')}
            summary={
              byRatio
                ? t('sensitivity.mc.histogramSummary', {
                    iterations: count(run.iterations, locale),
                    p: percent(s.probabilityRatioAboveOne ?? 0, locale),
                    low: num(interval.p2_5, 2, locale),
                    high: num(interval.p97_5, 2, locale),
                  })
                : t('sensitivity.mc.histogramNpvSummary', {
                    iterations: count(run.iterations, locale),
                    p: percent(s.probabilityNpvPositive, locale),
                    low: moneyOf(interval.p2_5),
                    high: moneyOf(interval.p97_5),
                  })
            }
            projectName={project.name}
            footnote={t('sensitivity.mc.footnote', {
              project: project.name,
              iterations: count(run.iterations, locale),
              seed: run.seed,
            })}
            unit={byRatio ? t('sensitivity.mc.histogramUnit') : t('sensitivity.mc.histogramNpvUnit', { currency })}
            legend={[
              {
                label: byRatio ? t('sensitivity.mc.belowOne') : t('sensitivity.mc.belowZero'),
                fill: HISTOGRAM_COLOURS.below,
              },
              {
                label: byRatio ? t('sensitivity.mc.aboveOne') : t('sensitivity.mc.aboveZero'),
                fill: HISTOGRAM_COLOURS.above,
              },
            ]}
            note={t('sensitivity.mc.histogramNote')}
            table={{
              columns: [t('sensitivity.mc.binFrom'), t('sensitivity.mc.binTo'), t('sensitivity.mc.count')],
              rows: histogram.bins.map((b, i) => ({
                key: String(i),
                cells: [
                  byRatio ? num(b.from, 3, locale) : moneyOf(b.from),
                  byRatio ? num(b.to, 3, locale) : moneyOf(b.to),
                  count(b.count, locale),
                ],
                values: [b.from, b.to, b.count],
              })),
            }}
          >
            {(width) => (
              <HistogramChart
                width={width}
                histogram={histogram}
                threshold={byRatio ? 1 : 0}
                interval={{ low: interval.p2_5, high: interval.p97_5 }}
                locale={locale}
                places={byRatio ? 2 : 0}
                labels={{
                  threshold: byRatio ? '1 : 1' : '0',
                  low: t('sensitivity.mc.p2_5'),
                  high: t('sensitivity.mc.p97_5'),
                  count: t('sensitivity.mc.count'),
                  bin: (from, to) => t('sensitivity.mc.binRange', { from, to }),
                }}
              />
            )}
          </ChartFrame>
        </div>
      )}

      {s.parameters.length > 0 && (
        <details className="mc-parameters">
          <summary>{t('sensitivity.mc.parametersTitle', { count: s.parameters.length })}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sensitivity.mc.outcome')}</th>
                <th scope="col">{t('sensitivity.distribution.assumption')}</th>
                <th scope="col">{t('sensitivity.distribution.type')}</th>
                <th scope="col" className="number">
                  {t('sensitivity.distribution.enteredColumn')}
                </th>
                <th scope="col" className="number">
                  {t('sensitivity.distribution.mean')}
                </th>
                <th scope="col" className="number">
                  {t('sensitivity.distribution.sd')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.parameters.map((p) => {
                const fraction = p.field !== 'quantity' && p.field !== 'proxy';
                const show = (x: number) => (fraction ? percent(x, locale) : num(x, 2, locale));
                return (
                  <tr key={`${p.outcomeId}:${p.field}`}>
                    <th scope="row">{p.outcomeName}</th>
                    <td>{t(`sensitivity.fields.${p.field}`)}</td>
                    <td>{t(`sensitivity.distribution.name.${p.distribution}`)}</td>
                    <td className="number">{show(p.base)}</td>
                    <td className="number">{show(p.mean)}</td>
                    <td className="number">{show(p.sd)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="csv-actions">
            <TableCsvButton
              title={t('sensitivity.mc.csvParametersTitle')}
              fileName={`${project.name} Monte Carlo assumptions`}
              table={() => parametersCsv(run, t)}
            />
          </p>
        </details>
      )}
      {clamped.length > 0 && (
        <ul className="warnings" aria-label={t('sensitivity.mc.clampedTitle')}>
          {clamped.map(([field, n]) => (
            <li key={field}>
              {t('sensitivity.mc.clamped', {
                field: t(`sensitivity.fields.${field}`),
                count: n,
                share: percent(n / run.iterations, locale),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="help">
        {t('sensitivity.mc.method', {
          // The engine's words for its one method, said in the interface's language; any other as stored.
          generator: s.settings.generator === MC_GENERATOR ? t('sensitivity.mc.generatorWords') : s.settings.generator,
          percentiles:
            s.settings.percentiles === MC_PERCENTILES ? t('sensitivity.mc.percentilesWords') : s.settings.percentiles,
        })}
      </p>
      {run.psa && <PsaResults project={project} psa={run.psa} run={run} />}
    </div>
  );
}

function PsaResults({ project, psa, run }: { project: Project; psa: PsaSummary; run: SimulationRun }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = psa.effectUnit || t('sensitivity.mc.effectUnits');
  const moneyOf = (x: number) => money(x, psa.currency, locale);
  const verdict = (s: PsaSummary['plane'][number]) =>
    s.icer === null
      ? t(`sensitivity.mc.verdict.${s.verdict}`)
      : t('sensitivity.mc.icer', { value: moneyOf(s.icer), unit });
  const first = psa.plane[0];
  const lastPoint = psa.ceac.points[psa.ceac.points.length - 1];
  const best = lastPoint ? lastPoint.shares.indexOf(Math.max(...lastPoint.shares)) : -1;
  const common = {
    projectName: project.name,
    footnote: t('sensitivity.mc.footnote', {
      project: project.name,
      iterations: count(run.iterations, locale),
      seed: run.seed,
    }),
  };
  const tableEvery = Math.max(1, Math.floor((psa.ceac.points.length - 1) / 10));
  const colourOf = (id: string) =>
    strategyColour(
      Math.max(
        0,
        psa.ceac.strategies.findIndex((s) => s.id === id),
      ),
    );
  return (
    <div className="chart-grid psa">
      <ChartFrame
        id="ce-plane"
        {...common}
        title={t('sensitivity.mc.planeTitle', { comparator: psa.comparatorName })}
        summary={
          first
            ? t('sensitivity.mc.planeSummary', {
                name: first.name,
                comparator: psa.comparatorName,
                dC: moneyOf(first.meanDeltaCost),
                dE: num(first.meanDeltaEffect, 3, locale),
                unit,
                verdict: verdict(first),
                ne: percent(first.quadrantShares.NE, locale),
              })
            : t('sensitivity.mc.planeEmpty')
        }
        empty={first === undefined}
        unit={t('sensitivity.mc.planeUnit', { currency: psa.currency, unit })}
        legend={psa.plane.map((s) => ({ label: s.name, fill: colourOf(s.id) }))}
        note={t('sensitivity.mc.planeNote', { shown: count(first?.points.length ?? 0, locale) })}
        table={{
          columns: [
            t('sensitivity.mc.strategy'),
            `${t('sensitivity.mc.meanDc')} (${psa.currency})`,
            t('sensitivity.mc.meanDe', { unit }),
            t('sensitivity.mc.icerColumn'),
            'NE',
            'NW',
            'SE',
            'SW',
          ],
          rows: psa.plane.map((s) => ({
            key: s.id,
            cells: [
              s.name,
              moneyOf(s.meanDeltaCost),
              num(s.meanDeltaEffect, 3, locale),
              verdict(s),
              percent(s.quadrantShares.NE, locale),
              percent(s.quadrantShares.NW, locale),
              percent(s.quadrantShares.SE, locale),
              percent(s.quadrantShares.SW, locale),
            ],
            // Shares as fractions 0..1; where no ICER is meaningful, the verdict in words, as on screen.
            values: [
              s.name,
              s.meanDeltaCost,
              s.meanDeltaEffect,
              s.icer ?? t(`sensitivity.mc.verdict.${s.verdict}`),
              s.quadrantShares.NE,
              s.quadrantShares.NW,
              s.quadrantShares.SE,
              s.quadrantShares.SW,
            ],
          })),
        }}
      >
        {(width) => (
          <CePlaneChart
            width={width}
            psa={psa}
            locale={locale}
            colourOf={colourOf}
            labels={{
              dE: t('sensitivity.mc.axisDe', { unit }),
              dC: t('sensitivity.mc.axisDc', { currency: psa.currency }),
              mean: t('sensitivity.mc.meanMark'),
            }}
          />
        )}
      </ChartFrame>
      <ChartFrame
        id="ceac"
        {...common}
        title={t('sensitivity.mc.ceacTitle')}
        summary={
          best >= 0
            ? t('sensitivity.mc.ceacSummary', {
                wtp: moneyOf(psa.wtpMax),
                unit,
                name: psa.ceac.strategies[best].name,
                p: percent(lastPoint.shares[best], locale),
              })
            : t('sensitivity.mc.planeEmpty')
        }
        empty={best < 0}
        unit={t('sensitivity.mc.ceacUnit')}
        legend={psa.ceac.strategies.map((s) => ({ label: s.name, fill: colourOf(s.id) }))}
        table={{
          columns: [
            t('sensitivity.mc.wtpColumn', { currency: psa.currency, unit }),
            ...psa.ceac.strategies.map((s) => s.name),
          ],
          rows: psa.ceac.points
            .filter((_, i) => i % tableEvery === 0 || i === psa.ceac.points.length - 1)
            .map((p) => ({
              key: String(p.lambda),
              cells: [num(p.lambda, 0, locale), ...p.shares.map((x) => percent(x, locale))],
              values: [p.lambda, ...p.shares],
            })),
        }}
      >
        {(width) => (
          <CeacChart
            width={width}
            psa={psa}
            locale={locale}
            colourOf={colourOf}
            labels={{ lambda: t('sensitivity.mc.axisWtp', { currency: psa.currency, unit }) }}
          />
        )}
      </ChartFrame>
    </div>
  );
}
