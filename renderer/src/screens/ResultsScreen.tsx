/**
 * Stage 6, results: the SROI ratio in one sentence, then PV, NPV, investment, both paybacks and the value by
 * stakeholder, outcome and year. Every figure can explain itself; warnings are listed where they matter.
 * Each table has "Download CSV" at the right of its heading, with the exact figures.
 */
import { useTranslation } from 'react-i18next';
import type { Figure, OptionalFigure, SroiResult } from '../../../shared/engine';
import type { Project } from '../../../shared/model';
import { formatDecimal } from '../../../shared/format/locale';
import { canonical, type Dec } from '../../../shared/money/decimal';
import { ResultsCharts } from '../charts/ResultsCharts';
import { DownloadExcelButton } from '../exchange/DownloadExcelButton';
import { BenchmarksPanel } from '../benchmarks/BenchmarksPanel';
import { ExplainButton } from '../components/ExplainButton';
import { FigureTable } from '../components/FigureTable';
import { useLocale } from '../hooks/useLocale';
import { EngineMessage } from '../i18n/engine-text';

export function ResultsScreen({ project, result }: { project: Project; result: SroiResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const money = (f: Figure | OptionalFigure) =>
    f.value === null ? t('results.na') : `${formatDecimal(f.value, 2, locale)} ${currency}`;
  const months = (f: OptionalFigure) =>
    f.value === null ? t('results.na') : t('results.months', { value: formatDecimal(f.value, 1, locale) });
  const ratio = result.ratio.value === null ? null : formatDecimal(result.ratio.value, 2, locale);
  const share = (fraction: Dec | null) =>
    fraction === null ? t('results.na') : `${formatDecimal(fraction.times(100), 1, locale)} %`;
  const exact = (value: Dec) => ({ decimal: canonical(value) });

  const figures: Array<{ key: string; label: string; text: string; figure: Figure | OptionalFigure }> = [
    { key: 'pv', label: t('results.presentValue'), text: money(result.presentValue), figure: result.presentValue },
    {
      key: 'investment',
      label: t('results.investment'),
      text: money(result.investment.total),
      figure: result.investment.total,
    },
    { key: 'npv', label: t('results.npv'), text: money(result.netPresentValue), figure: result.netPresentValue },
    {
      key: 'net-ratio',
      label: t('results.netRatio'),
      text: result.netRatio.value === null ? t('results.na') : `${formatDecimal(result.netRatio.value, 2, locale)} : 1`,
      figure: result.netRatio,
    },
    {
      key: 'payback-guide',
      label: t('results.paybackGuide'),
      text: months(result.paybackGuideMonths),
      figure: result.paybackGuideMonths,
    },
    {
      key: 'payback-discounted',
      label: t('results.paybackDiscounted'),
      text: months(result.paybackDiscountedMonths),
      figure: result.paybackDiscountedMonths,
    },
  ];

  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t('sections.results')}</h1>
      <div className="screen-tools">
        <DownloadExcelButton projectId={project.id} projectName={project.name} />
      </div>
      <div className="headline card">
        {ratio === null ? (
          <p>
            <EngineMessage
              text={result.ratio.explain.unavailableText}
              english={result.ratio.explain.unavailable ?? ''}
            />
          </p>
        ) : (
          <>
            <p className="ratio" data-testid="sroi-ratio">
              {ratio} : 1
            </p>
            <p className="sentence">{t('results.sentence', { ratio, currency })}</p>
          </>
        )}
        <ExplainButton explanation={result.ratio.explain} currency={currency} />
      </div>

      <dl className="figures">
        {figures.map((f) => (
          <div key={f.key} className="figure card">
            <dt>{f.label}</dt>
            <dd data-testid={`figure-${f.key}`}>{f.text}</dd>
            <dd>
              <ExplainButton explanation={f.figure.explain} currency={currency} />
            </dd>
          </div>
        ))}
      </dl>

      <ResultsCharts project={project} result={result} />

      {result.warnings.length > 0 && (
        <section className="card" aria-labelledby="warnings-title">
          <h2 id="warnings-title">{t('results.warnings')}</h2>
          <ul className="warnings">
            {result.warnings.map((w) => (
              <li key={w.code + w.path}>
                <EngineMessage text={w.text} english={w.message} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <FigureTable
        id="by-outcome"
        title={t('results.byOutcome')}
        fileName={`${project.name} ${t('results.byOutcome')}`}
        rows={result.outcomes}
        rowKey={(o) => o.id}
        columns={[
          { label: t('results.outcome'), show: (o) => o.name, csv: (o) => o.name },
          {
            label: t('results.impact'),
            numeric: true,
            show: (o) => formatDecimal(o.impact.value, 2, locale),
            csv: (o) => exact(o.impact.value),
          },
          {
            label: t('results.presentValue'),
            numeric: true,
            show: (o) => formatDecimal(o.presentValue.value, 2, locale),
            csv: (o) => exact(o.presentValue.value),
          },
          {
            label: t('results.share'),
            numeric: true,
            show: (o) => share(o.shareOfValue),
            csv: (o) => (o.shareOfValue === null ? null : exact(o.shareOfValue)),
          },
        ]}
      />

      <FigureTable
        id="by-stakeholder"
        title={t('results.byStakeholder')}
        fileName={`${project.name} ${t('results.byStakeholder')}`}
        rows={result.byStakeholder}
        rowKey={(s) => s.key}
        columns={[
          { label: t('charts.stakeholder.column'), show: (s) => s.label, csv: (s) => s.label },
          {
            label: t('results.presentValue'),
            numeric: true,
            show: (s) => `${formatDecimal(s.presentValue, 2, locale)} ${currency}`,
            csv: (s) => exact(s.presentValue),
          },
          {
            label: t('results.share'),
            numeric: true,
            show: (s) => share(s.shareOfValue),
            csv: (s) => (s.shareOfValue === null ? null : exact(s.shareOfValue)),
          },
        ]}
      />

      <FigureTable
        id="by-year"
        title={t('results.byYear')}
        fileName={`${project.name} ${t('results.byYear')}`}
        rows={result.byYear}
        rowKey={(y) => y.year}
        columns={[
          { label: t('results.year'), show: (y) => y.year, csv: (y) => y.year },
          ...(['value', 'presentValue', 'investment'] as const).map((field) => ({
            label: t(field === 'investment' ? 'results.inputs' : `results.${field}`),
            numeric: true,
            show: (y: (typeof result.byYear)[number]) => formatDecimal(y[field], 2, locale),
            csv: (y: (typeof result.byYear)[number]) => exact(y[field]),
          })),
        ]}
      >
        <p className="help">
          {t('results.conventions', {
            rate: formatDecimal(result.settings.discountRate.times(100), 1, locale),
            convention: t(`scope.yearOne${result.settings.yearOneConvention === 'guide' ? 'Guide' : 'Year0'}`),
          })}
        </p>
      </FigureTable>

      <BenchmarksPanel projectName={project.name} />
    </section>
  );
}
