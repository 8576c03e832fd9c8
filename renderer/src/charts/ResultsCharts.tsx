/**
 * The Results screen's charts: value by stakeholder, value by outcome, the value waterfall from gross value
 * to present value, value by year, costs by category and by funder. Each has a title, a one-line summary, its
 * figures as a table on request, and PNG / SVG downloads.
 *
 *   <ResultsCharts project={project} result={result} />
 */
import { AllChartsZipButton } from '../exchange/AllChartsZipButton';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import type { Project } from '../../../shared/model';
import { formatDecimal } from '../../../shared/format/locale';
import { canonical, ZERO, type Dec } from '../../../shared/money/decimal';
import { useLocale } from '../hooks/useLocale';
import {
  costsAreDiscounted,
  costsByCategory,
  costsByFunder,
  grossValue,
  money,
  valueByOutcome,
  valueByStakeholder,
  valueByYear,
  waterfallRows,
  waterfallSteps,
  type BarRow,
  type CostRow,
} from './chart-data';
import { ChartFrame } from './ChartFrame';
import { ColumnChart, RowChart, WaterfallChart, type Series } from './charts';
import { CHART_COLOURS } from './palette';
import './charts.css';

export interface ResultsChartsProps {
  project: Project;
  result: SroiResult;
  /** Draw every chart at this width (pixels) instead of the width of its place on the screen. */
  width?: number;
}

const valueFill = (rows: BarRow[]) => (i: number) =>
  rows[i].value.isNeg() ? CHART_COLOURS.negative : CHART_COLOURS.value;

export function ResultsCharts({ project, result, width }: ResultsChartsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const rate = formatDecimal(result.settings.discountRate.times(100), 1, locale);
  const common = {
    projectName: project.name,
    footnote: t('charts.footnote', { project: project.name }),
    width,
  };

  const data = useMemo(() => {
    const fmt = { locale, currency };
    const steps = waterfallSteps(project, result);
    return {
      stakeholders: valueByStakeholder(result, fmt),
      outcomes: valueByOutcome(result, fmt),
      steps,
      waterfall: waterfallRows(steps, fmt),
      years: valueByYear(result, fmt),
      categories: costsByCategory(result, fmt),
      funders: costsByFunder(result, fmt, t('charts.noFunder')),
    };
  }, [project, result, locale, currency, t]);

  const pv = money(result.presentValue.value, locale);
  const invested = money(result.investment.total.value, locale);

  // Value by stakeholder
  const topStakeholder = data.stakeholders[0];
  const stakeholderSummary = !topStakeholder
    ? t('charts.stakeholder.empty')
    : t(topStakeholder.share === null ? 'charts.stakeholder.summaryNoShare' : 'charts.stakeholder.summary', {
        top: topStakeholder.label,
        value: topStakeholder.text,
        share: topStakeholder.share,
        total: pv,
        currency,
      });

  // Value by outcome
  const topOutcome = data.outcomes[0];
  const harms = data.outcomes.filter((o) => o.value.isNeg());
  const harmTotal = harms.reduce((acc, o) => acc.plus(o.value), ZERO);
  const outcomeSummary = !topOutcome
    ? t('charts.outcome.empty')
    : t(topOutcome.share === null ? 'charts.outcome.summaryNoShare' : 'charts.outcome.summary', {
        top: topOutcome.label,
        count: data.outcomes.length,
        value: topOutcome.text,
        share: topOutcome.share,
        currency,
      }) +
      (harms.length > 0
        ? t('charts.outcome.disbenefits', { count: harms.length, amount: money(harmTotal.abs(), locale), currency })
        : '');

  // Waterfall
  const disbenefitStep = data.steps.find((s) => s.key === 'disbenefits');
  const grossBenefits = data.steps[0].amount;
  const waterfallSummary =
    result.outcomes.length === 0
      ? t('charts.waterfall.empty')
      : disbenefitStep
        ? t('charts.waterfall.summaryDisbenefits', {
            gross: money(grossBenefits, locale),
            harm: money(disbenefitStep.amount.abs(), locale),
            pv,
            currency,
          })
        : t('charts.waterfall.summary', { gross: money(grossValue(data.steps), locale), pv, currency });
  const waterfallLabels = data.waterfall.map((r) => t(`charts.waterfall.${r.key}`));

  // Value by year
  const peak = data.years.reduce<(typeof data.years)[number] | undefined>(
    (best, y) => (best === undefined || y.presentValue.gt(best.presentValue) ? y : best),
    undefined,
  );
  const undiscounted = money(result.undiscountedValue.value, locale);
  const yearSummary =
    data.years.length === 0 || result.outcomes.length === 0
      ? t('charts.year.empty')
      : data.years.length === 1
        ? t('charts.year.summaryOne', { total: pv, undiscounted, currency })
        : t('charts.year.summary', {
            peak: peak?.year,
            value: peak?.presentValueText,
            total: pv,
            count: data.years.length,
            undiscounted,
            currency,
          });
  const yearSeries: Series[] = [
    {
      key: 'value',
      name: t('charts.year.value'),
      fill: CHART_COLOURS.secondary,
      stroke: CHART_COLOURS.value,
      plots: data.years.map((y) => y.valuePlot),
      texts: data.years.map((y) => y.valueText),
    },
    {
      key: 'presentValue',
      name: t('charts.year.presentValue'),
      fill: CHART_COLOURS.value,
      plots: data.years.map((y) => y.presentValuePlot),
      texts: data.years.map((y) => y.presentValueText),
    },
  ];

  // Costs
  function costSummary(rows: CostRow[], key: 'category' | 'funder') {
    const top = rows[0];
    if (!top) return t(`charts.${key}.empty`);
    if (top.share === null) return t('charts.cost.summaryNoShare', { total: invested, currency });
    return t(`charts.${key}.summary`, {
      top: top.label,
      value: top.presentValueText,
      share: top.share,
      total: invested,
      currency,
    });
  }
  function costSeries(rows: CostRow[]): Series[] {
    const discounted = costsAreDiscounted(rows);
    const amount: Series = {
      key: 'amount',
      name: t('charts.cost.amount'),
      fill: discounted ? CHART_COLOURS.costLight : CHART_COLOURS.cost,
      stroke: CHART_COLOURS.costStroke,
      plots: rows.map((r) => r.amountPlot),
      texts: rows.map((r) => r.amountText),
    };
    if (!discounted) return [amount];
    return [
      amount,
      {
        key: 'presentValue',
        name: t('charts.cost.presentValue'),
        fill: CHART_COLOURS.cost,
        stroke: CHART_COLOURS.costStroke,
        plots: rows.map((r) => r.presentValuePlot),
        texts: rows.map((r) => r.presentValueText),
      },
    ];
  }
  const legendOf = (series: Series[]) =>
    series.length > 1 ? series.map((s) => ({ label: s.name, fill: s.fill, stroke: s.stroke })) : undefined;
  const categorySeries = costSeries(data.categories);
  const funderSeries = costSeries(data.funders);
  // Each row also carries its exact figures for the CSV file (shares as fractions, as the Results tables do).
  const exact = (value: Dec | null) => (value === null ? null : { decimal: canonical(value) });
  const costTable = (rows: CostRow[], first: string) => ({
    columns: [first, t('charts.cost.amount'), t('charts.cost.presentValue'), t('charts.share')],
    rows: rows.map((r) => ({
      key: r.key,
      cells: [r.label, r.amountText, r.presentValueText, r.share === null ? '' : `${r.share} %`],
      values: [r.label, exact(r.amount), exact(r.presentValue), exact(r.shareOfTotal)],
    })),
  });
  const barTable = (rows: BarRow[], first: string) => ({
    columns: [first, t('charts.stakeholder.axis', { currency }), t('charts.share')],
    rows: rows.map((r) => ({
      key: r.key,
      cells: [r.label, r.text, r.share === null ? '' : `${r.share} %`],
      values: [r.label, exact(r.value), exact(r.shareOfTotal)],
    })),
  });

  const unit = t('charts.unit', { currency });
  const unitPv = t('charts.unitPresentValue', { currency, rate });

  return (
    <section className="results-charts" aria-labelledby="results-charts-title">
      <div className="charts-heading">
        <h2 id="results-charts-title">{t('charts.title')}</h2>
        {(result.outcomes.length > 0 || result.investment.inputs.length > 0) && (
          <AllChartsZipButton projectName={project.name} />
        )}
      </div>
      <p className="help">{t('charts.lead')}</p>
      <div className="chart-grid">
        <ChartFrame
          {...common}
          id="stakeholders"
          title={t('charts.stakeholder.title')}
          summary={stakeholderSummary}
          unit={unitPv}
          empty={data.stakeholders.length === 0}
          table={barTable(data.stakeholders, t('charts.stakeholder.column'))}
        >
          {(w) => (
            <ColumnChart
              width={w}
              categories={data.stakeholders.map((r) => r.label)}
              series={[
                {
                  key: 'value',
                  name: t('charts.stakeholder.title'),
                  fill: CHART_COLOURS.value,
                  plots: data.stakeholders.map((r) => r.plot),
                  texts: data.stakeholders.map((r) => r.text),
                  fillOf: valueFill(data.stakeholders),
                },
              ]}
              locale={locale}
              currency={currency}
            />
          )}
        </ChartFrame>

        <ChartFrame
          {...common}
          id="outcomes"
          title={t('charts.outcome.title')}
          summary={outcomeSummary}
          unit={unitPv}
          empty={data.outcomes.length === 0}
          table={barTable(data.outcomes, t('charts.outcome.column'))}
        >
          {(w) => <RowChart width={w} rows={data.outcomes} fillOf={valueFill(data.outcomes)} currency={currency} />}
        </ChartFrame>

        <ChartFrame
          {...common}
          id="waterfall"
          wide
          title={t('charts.waterfall.title')}
          summary={waterfallSummary}
          unit={t('charts.unitAllYears', { currency, rate })}
          note={t('charts.waterfall.note')}
          empty={result.outcomes.length === 0}
          table={{
            columns: [t('charts.waterfall.column'), currency],
            rows: data.waterfall.map((r, i) => ({
              key: r.key,
              cells: [waterfallLabels[i], r.text],
              values: [waterfallLabels[i], exact(r.amount)],
            })),
          }}
        >
          {(w) => <WaterfallChart width={w} rows={data.waterfall} labels={waterfallLabels} currency={currency} />}
        </ChartFrame>

        <ChartFrame
          {...common}
          id="years"
          wide
          title={t('charts.year.title')}
          summary={yearSummary}
          unit={unit}
          legend={legendOf(yearSeries)}
          empty={data.years.length === 0 || result.outcomes.length === 0}
          table={{
            columns: [t('results.year'), t('charts.year.value'), t('charts.year.presentValue')],
            rows: data.years.map((y) => ({
              key: y.key,
              cells: [String(y.year), y.valueText, y.presentValueText],
              values: [y.year, exact(y.value), exact(y.presentValue)],
            })),
          }}
        >
          {(w) => (
            <ColumnChart
              width={w}
              categories={data.years.map((y) => t('charts.yearLabel', { year: y.year }))}
              series={yearSeries}
              locale={locale}
              currency={currency}
            />
          )}
        </ChartFrame>

        <ChartFrame
          {...common}
          id="categories"
          title={t('charts.category.title')}
          summary={costSummary(data.categories, 'category')}
          unit={unit}
          legend={legendOf(categorySeries)}
          empty={data.categories.length === 0}
          table={costTable(data.categories, t('charts.category.column'))}
        >
          {(w) => (
            <ColumnChart
              width={w}
              categories={data.categories.map((r) => r.label)}
              series={categorySeries}
              locale={locale}
              currency={currency}
            />
          )}
        </ChartFrame>

        <ChartFrame
          {...common}
          id="funders"
          title={t('charts.funder.title')}
          summary={costSummary(data.funders, 'funder')}
          unit={unit}
          legend={legendOf(funderSeries)}
          empty={data.funders.length === 0}
          table={costTable(data.funders, t('charts.funder.column'))}
        >
          {(w) => (
            <ColumnChart
              width={w}
              categories={data.funders.map((r) => r.label)}
              series={funderSeries}
              locale={locale}
              currency={currency}
            />
          )}
        </ChartFrame>
      </div>
    </section>
  );
}
