/**
 * Stage 6, results: the SROI ratio in one sentence, then PV, NPV, investment, both paybacks and the value by
 * stakeholder, outcome and year. Every figure can explain itself; warnings are listed where they matter.
 * Each table has "Download CSV" at the right of its heading, with the exact figures.
 */
import { useTranslation } from 'react-i18next';
import type { Figure, OptionalFigure, SroiResult } from '../../../shared/engine';
import type { Project } from '../../../shared/model';
import { formatDecimal } from '../../../shared/format/locale';
import { canonical } from '../../../shared/money/decimal';
import { ResultsCharts } from '../charts/ResultsCharts';
import { DownloadExcelButton } from '../exchange/DownloadExcelButton';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { BenchmarksPanel } from '../benchmarks/BenchmarksPanel';
import { ExplainButton } from '../components/ExplainButton';
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

      <section className="card" aria-labelledby="by-outcome-title">
        <div className="charts-heading">
          <h2 id="by-outcome-title">{t('results.byOutcome')}</h2>
          <TableCsvButton
            title={t('results.byOutcome')}
            fileName={`${project.name} ${t('results.byOutcome')}`}
            table={() => ({
              columns: [t('results.outcome'), t('results.impact'), t('results.presentValue'), t('results.share')],
              rows: result.outcomes.map((o) => [
                o.name,
                { decimal: canonical(o.impact.value) },
                { decimal: canonical(o.presentValue.value) },
                o.shareOfValue === null ? null : { decimal: canonical(o.shareOfValue) },
              ]),
            })}
          />
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('results.outcome')}</th>
              <th scope="col" className="number">
                {t('results.impact')}
              </th>
              <th scope="col" className="number">
                {t('results.presentValue')}
              </th>
              <th scope="col" className="number">
                {t('results.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.outcomes.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td className="number">{formatDecimal(o.impact.value, 2, locale)}</td>
                <td className="number">{formatDecimal(o.presentValue.value, 2, locale)}</td>
                <td className="number">
                  {o.shareOfValue === null
                    ? t('results.na')
                    : `${formatDecimal(o.shareOfValue.times(100), 1, locale)} %`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="by-stakeholder-title">
        <div className="charts-heading">
          <h2 id="by-stakeholder-title">{t('results.byStakeholder')}</h2>
          <TableCsvButton
            title={t('results.byStakeholder')}
            fileName={`${project.name} ${t('results.byStakeholder')}`}
            table={() => ({
              columns: [t('charts.stakeholder.column'), t('results.presentValue'), t('results.share')],
              rows: result.byStakeholder.map((s) => [
                s.label,
                { decimal: canonical(s.presentValue) },
                s.shareOfValue === null ? null : { decimal: canonical(s.shareOfValue) },
              ]),
            })}
          />
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('charts.stakeholder.column')}</th>
              <th scope="col" className="number">
                {t('results.presentValue')}
              </th>
              <th scope="col" className="number">
                {t('results.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.byStakeholder.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td className="number">
                  {formatDecimal(s.presentValue, 2, locale)} {currency}
                </td>
                <td className="number">
                  {s.shareOfValue === null
                    ? t('results.na')
                    : `${formatDecimal(s.shareOfValue.times(100), 1, locale)} %`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="by-year-title">
        <div className="charts-heading">
          <h2 id="by-year-title">{t('results.byYear')}</h2>
          <TableCsvButton
            title={t('results.byYear')}
            fileName={`${project.name} ${t('results.byYear')}`}
            table={() => ({
              columns: [t('results.year'), t('results.value'), t('results.presentValue'), t('results.inputs')],
              rows: result.byYear.map((y) => [
                y.year,
                { decimal: canonical(y.value) },
                { decimal: canonical(y.presentValue) },
                { decimal: canonical(y.investment) },
              ]),
            })}
          />
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('results.year')}</th>
              <th scope="col" className="number">
                {t('results.value')}
              </th>
              <th scope="col" className="number">
                {t('results.presentValue')}
              </th>
              <th scope="col" className="number">
                {t('results.inputs')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.byYear.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="number">{formatDecimal(y.value, 2, locale)}</td>
                <td className="number">{formatDecimal(y.presentValue, 2, locale)}</td>
                <td className="number">{formatDecimal(y.investment, 2, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help">
          {t('results.conventions', {
            rate: formatDecimal(result.settings.discountRate.times(100), 1, locale),
            convention: t(`scope.yearOne${result.settings.yearOneConvention === 'guide' ? 'Guide' : 'Year0'}`),
          })}
        </p>
      </section>

      <BenchmarksPanel projectName={project.name} />
    </section>
  );
}
