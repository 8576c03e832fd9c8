/**
 * The cost-effectiveness indicators of METHOD.md section 2, all from the one cost base the SROI ratio uses
 * (the Investment): cost per output (each output type), per client, per outcome net of deadweight, per QALY
 * gained and per DALY averted, the benefit-cost ratio, ROI and the break-even headline. Each figure can
 * explain itself.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  computeCostEffectiveness,
  type CostEffectRatio,
  type OptionalFigure,
  type SroiResult,
} from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import { Dec } from '../../../shared/money/decimal';
import type { Project } from '../../../shared/model';
import { hrefFor } from '../app/router';
import { ExplainButton } from '../components/ExplainButton';
import { NumberField, SelectField, TextField } from '../components/fields';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { useLocale } from '../hooks/useLocale';
import { useEngineText } from '../i18n/engine-text';
import { amountText, averageAnnualBudget, breakEvenFrom, decimalCell, healthFigures, moneyText } from './ce-data';
import { HealthRows } from './HealthRows';
import { DEATH_ROWS, DISABILITY_ROWS, QALY_ROWS, withBreakEven, type SaveCe } from './inputs';
import { FigureList, type FigureItem } from './parts';

export function Indicators({ project, result, save }: { project: Project; result: SroiResult; save: SaveCe }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const na = t('results.na');
  const money = (f: OptionalFigure) => (f.value === null ? na : `${moneyText(f.value, locale)} ${currency}`);
  const text = useEngineText();
  const reason = (f: OptionalFigure) =>
    f.explain.unavailable ? text(f.explain.unavailableText, f.explain.unavailable) : na;
  // Saved with the project (Project.costEffectiveness).
  const inputs = project.costEffectiveness;

  const clients = inputs.uniqueClients;
  const ce = useMemo(
    () => computeCostEffectiveness(project, clients === null ? {} : { uniqueClients: clients }),
    [project, clients],
  );
  const totalCost = ce.totalCost.value;

  const health = inputs.health;
  const health$ = useMemo(
    () =>
      healthFigures(health, totalCost, project.settings, currency, {
        deaths: t('ce.health.deathsLabel'),
        condition: t('ce.health.conditionLabel'),
      }),
    [health, totalCost, project.settings, currency, t],
  );

  const be = inputs.breakEven;
  const defaultBudget = averageAnnualBudget(result);
  const breakEvenValue = useMemo(
    () =>
      breakEvenFrom(be, project, result, {
        proxyOf: (name) => t('ce.breakEven.proxyOf', { name }),
        outcomesDefault: t('ce.breakEven.outcomesDefault'),
      }),
    [be, project, result, t],
  );
  const setBreakEven = (change: Parameters<typeof withBreakEven>[0]) => save(withBreakEven(change));

  const ratioText = (f: OptionalFigure) => (f.value === null ? reason(f) : `${formatDecimal(f.value, 2, locale)} : 1`);
  const headline: FigureItem[] = [
    {
      key: 'total-cost',
      label: t('ce.indicators.totalCost'),
      text: money(ce.totalCost),
      explain: ce.totalCost.explain,
    },
    {
      key: 'bcr',
      label: t('ce.indicators.bcr'),
      text: ratioText(ce.benefitCostRatio),
      explain: ce.benefitCostRatio.explain,
    },
    {
      key: 'roi',
      label: t('ce.indicators.roi'),
      text:
        ce.returnOnInvestment.value === null
          ? reason(ce.returnOnInvestment)
          : `${formatDecimal(ce.returnOnInvestment.value.times(100), 1, locale)} %`,
      explain: ce.returnOnInvestment.explain,
    },
  ];
  if (ce.perClient) {
    headline.push({
      key: 'per-client',
      label: t('ce.indicators.perClient'),
      text: ce.perClient.value === null ? reason(ce.perClient) : money(ce.perClient),
      explain: ce.perClient.explain,
    });
  }
  if (breakEvenValue) {
    const figure = breakEvenValue.figure;
    headline.push({
      key: 'break-even',
      label: t('ce.indicators.breakEven'),
      text:
        figure.value === null
          ? reason(figure)
          : t('ce.breakEven.perYear', {
              count: formatDecimal(figure.value, 2, locale),
              outcomes: breakEvenValue.outcomes,
            }),
      note: figure.value === null ? undefined : t('ce.breakEven.note'),
      explain: figure.explain,
    });
  }

  const ratioFigure = (r: CostEffectRatio | null, unit: string) =>
    r === null
      ? null
      : r.value === null
        ? text(r.summaryText, r.summary)
        : `${moneyText(r.value, locale)} ${currency} ${unit}`;

  const healthItems: FigureItem[] = [];
  if (health$.qaly) {
    healthItems.push({
      key: 'qalys',
      label: t('ce.health.qalys'),
      text:
        health$.qaly.qalys.value === null ? reason(health$.qaly.qalys) : amountText(health$.qaly.qalys.value, locale),
      explain: health$.qaly.qalys.explain,
    });
    if (health$.perQaly) {
      healthItems.push({
        key: 'per-qaly',
        label: t('ce.health.perQaly'),
        text: ratioFigure(health$.perQaly, t('ce.health.perQalyUnit')) ?? na,
        explain: health$.perQaly.explain,
      });
    }
  }
  if (health$.daly) {
    healthItems.push({
      key: 'dalys',
      label: t('ce.health.dalys'),
      text:
        health$.daly.dalys.value === null ? reason(health$.daly.dalys) : amountText(health$.daly.dalys.value, locale),
      explain: health$.daly.dalys.explain,
    });
    if (health$.perDaly) {
      healthItems.push({
        key: 'per-daly',
        label: t('ce.health.perDaly'),
        text: ratioFigure(health$.perDaly, t('ce.health.perDalyUnit')) ?? na,
        explain: health$.perDaly.explain,
      });
    }
  }

  const sourceText = { label: t('ce.health.source'), help: t('ce.health.sourceHelp') };
  const outcomeOptions = [
    { value: '', label: t('ce.breakEven.ownValue') },
    ...project.outcomes.map((o) => ({ value: o.id, label: t('ce.breakEven.fromOutcome', { name: o.name }) })),
  ];

  return (
    <section className="ce-section" aria-labelledby="ce-indicators-title">
      <h2 id="ce-indicators-title">{t('ce.indicators.title')}</h2>
      <p className="lead">{t('ce.indicators.lead')}</p>
      <FigureList items={headline} currency={currency} testPrefix="ce" />

      <div className="card">
        <div className="charts-heading">
          <h3>{t('ce.indicators.perOutcomeTitle')}</h3>
          {ce.perOutcome.length > 0 && (
            <TableCsvButton
              title={t('ce.indicators.perOutcomeTitle')}
              fileName={`${project.name} cost per outcome`}
              table={() => ({
                columns: [
                  t('ce.indicators.outcome'),
                  t('ce.indicators.netOutcomes'),
                  t('ce.indicators.costPerOutcome', { currency }),
                ],
                rows: ce.perOutcome.map((o) => [
                  o.name,
                  decimalCell(o.netQuantity.value),
                  decimalCell(o.costPerOutcome.value),
                ]),
              })}
            />
          )}
        </div>
        {ce.perOutcome.length === 0 ? (
          <p className="empty">
            {t('ce.indicators.noOutcomes')}{' '}
            <a href={hrefFor({ name: 'project', projectId: project.id, section: 'outcomes' })}>
              {t('ce.indicators.goOutcomes')}
            </a>
          </p>
        ) : (
          <table className="ce-table" aria-labelledby="ce-per-outcome-caption">
            <caption id="ce-per-outcome-caption" className="visually-hidden">
              {t('ce.indicators.perOutcomeTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('ce.indicators.outcome')}</th>
                <th scope="col" className="number">
                  {t('ce.indicators.netOutcomes')}
                </th>
                <th scope="col" className="number">
                  {t('ce.indicators.costPerOutcome', { currency })}
                </th>
                <th scope="col">{t('ce.indicators.how')}</th>
              </tr>
            </thead>
            <tbody>
              {ce.perOutcome.map((o) => {
                const source = project.outcomes.find((x) => x.id === o.outcomeId);
                const disbenefit = source ? new Dec(source.proxy.value).isNeg() : false;
                return (
                  <tr key={o.outcomeId}>
                    <th scope="row">
                      {o.name}
                      {disbenefit && <span className="tag">{t('ce.indicators.disbenefit')}</span>}
                    </th>
                    <td className="number">
                      {o.netQuantity.value === null ? na : amountText(o.netQuantity.value, locale)}
                    </td>
                    <td className="number" data-testid={`ce-per-outcome-${o.outcomeId}`}>
                      {o.costPerOutcome.value === null ? na : moneyText(o.costPerOutcome.value, locale)}
                    </td>
                    <td>
                      <ExplainButton explanation={o.costPerOutcome.explain} currency={currency} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="help">{t('ce.indicators.perOutcomeHelp')}</p>
      </div>

      <div className="card">
        <div className="charts-heading">
          <h3>{t('ce.indicators.perOutputTitle')}</h3>
          {ce.perOutput.length > 0 && (
            <TableCsvButton
              title={t('ce.indicators.perOutputTitle')}
              fileName={`${project.name} cost per output`}
              table={() => ({
                columns: [
                  t('ce.indicators.output'),
                  t('ce.indicators.counted'),
                  t('ce.indicators.unit'),
                  t('ce.indicators.costPerOutput', { currency }),
                ],
                rows: ce.perOutput.map((o) => [
                  o.name,
                  decimalCell(o.count.value),
                  o.unit,
                  decimalCell(o.costPerOutput.value),
                ]),
              })}
            />
          )}
        </div>
        {ce.perOutput.length === 0 ? (
          <p className="empty">
            {t('ce.indicators.noOutputs')}{' '}
            <a href={hrefFor({ name: 'project', projectId: project.id, section: 'outputs' })}>
              {t('ce.indicators.goOutputs')}
            </a>
          </p>
        ) : (
          <table className="ce-table">
            <thead>
              <tr>
                <th scope="col">{t('ce.indicators.output')}</th>
                <th scope="col" className="number">
                  {t('ce.indicators.counted')}
                </th>
                <th scope="col" className="number">
                  {t('ce.indicators.costPerOutput', { currency })}
                </th>
                <th scope="col">{t('ce.indicators.how')}</th>
              </tr>
            </thead>
            <tbody>
              {ce.perOutput.map((o) => (
                <tr key={o.outputId}>
                  <th scope="row">{o.name}</th>
                  <td className="number">
                    {o.count.value === null ? na : amountText(o.count.value, locale)} {o.unit}
                  </td>
                  <td className="number">
                    {o.costPerOutput.value === null
                      ? reason(o.costPerOutput)
                      : moneyText(o.costPerOutput.value, locale)}
                  </td>
                  <td>
                    <ExplainButton explanation={o.costPerOutput.explain} currency={currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="card">
        <h3>{t('ce.indicators.moreTitle')}</h3>
        <div className="form-grid">
          <NumberField
            label={t('ce.indicators.uniqueClients')}
            value={inputs.uniqueClients ?? ''}
            min={0}
            integer
            allowEmpty
            help={t('ce.indicators.uniqueClientsHelp')}
            onCommit={(v) => save((ce) => ({ ...ce, uniqueClients: v === '' ? null : v }))}
          />
        </div>

        <h4>{t('ce.breakEven.title')}</h4>
        <p className="help">{t('ce.breakEven.lead')}</p>
        <div className="form-grid">
          <SelectField
            label={t('ce.breakEven.valueFrom')}
            value={be?.outcomeId ?? ''}
            options={outcomeOptions}
            onCommit={(v) => setBreakEven({ outcomeId: v === '' ? null : v })}
          />
          {!be?.outcomeId && (
            <>
              <TextField
                label={t('ce.breakEven.outcomes')}
                value={be?.outcomes ?? ''}
                placeholder={t('ce.breakEven.outcomesExample')}
                onCommit={(v) => setBreakEven({ outcomes: v.trim() })}
              />
              <TextField
                label={t('ce.breakEven.valueName')}
                value={be?.valueName ?? ''}
                placeholder={t('ce.breakEven.valueNameExample')}
                onCommit={(v) => setBreakEven({ valueName: v.trim() })}
              />
              <NumberField
                label={t('ce.breakEven.value')}
                value={be?.valueOfOneOutcome ?? ''}
                unit={currency}
                min={0}
                allowEmpty
                onCommit={(v) => {
                  if (v !== '' && new Dec(v).isZero())
                    return t('ce.breakEven.aboveZero', { label: t('ce.breakEven.value') });
                  return setBreakEven({ valueOfOneOutcome: v === '' ? null : v });
                }}
              />
              <TextField
                label={t('ce.breakEven.source')}
                value={be?.source ?? ''}
                help={t('ce.breakEven.sourceHelp')}
                onCommit={(v) => setBreakEven({ source: v.trim() })}
              />
            </>
          )}
          <NumberField
            label={t('ce.breakEven.annualBudget')}
            value={be?.annualBudget ?? ''}
            unit={currency}
            min={0}
            allowEmpty
            help={t('ce.breakEven.annualBudgetHelp', { value: moneyText(defaultBudget, locale), currency })}
            onCommit={(v) => setBreakEven({ annualBudget: v === '' ? null : v })}
          />
        </div>

        <h4>{t('ce.health.title')}</h4>
        <p className="help">{t('ce.health.lead')}</p>
        <div className="form-grid">
          <NumberField
            label={t('ce.health.comparatorCost')}
            value={health.comparatorCost}
            unit={currency}
            min={0}
            help={t('ce.health.comparatorCostHelp', { cost: moneyText(health$.dC, locale), currency })}
            onCommit={(v) => save((ce) => ({ ...ce, health: { ...ce.health, comparatorCost: v } }))}
          />
        </div>
        <HealthRows
          spec={QALY_ROWS}
          rows={health.qalys}
          title={t('ce.health.qalyTitle')}
          addLabel={t('ce.health.addQaly')}
          save={save}
          texts={{
            label: { label: t('ce.health.qalyLabel'), placeholder: t('ce.health.qalyLabelExample') },
            utilityGain: { label: t('ce.health.utilityGain'), help: t('ce.health.utilityGainHelp') },
            persons: { label: t('ce.health.persons') },
            years: { label: t('ce.health.years'), unit: t('outcomes.years'), help: t('ce.health.yearsHelp') },
            source: sourceText,
          }}
        />
        <HealthRows
          spec={DEATH_ROWS}
          rows={health.deaths}
          title={t('ce.health.deathsTitle')}
          addLabel={t('ce.health.addDeaths')}
          save={save}
          texts={{
            label: { label: t('ce.health.deathsWhat'), placeholder: t('ce.health.deathsWhatExample') },
            deaths: { label: t('ce.health.deaths') },
            yearsOfLifeLost: {
              label: t('ce.health.yearsOfLifeLost'),
              unit: t('outcomes.years'),
              help: t('ce.health.yearsOfLifeLostHelp'),
            },
            source: sourceText,
          }}
        />
        <HealthRows
          spec={DISABILITY_ROWS}
          rows={health.disability}
          title={t('ce.health.disabilityTitle')}
          addLabel={t('ce.health.addDisability')}
          save={save}
          texts={{
            label: { label: t('ce.health.condition'), placeholder: t('ce.health.conditionExample') },
            persons: { label: t('ce.health.disabilityPersons') },
            disabilityWeight: { label: t('ce.health.disabilityWeight'), help: t('ce.health.disabilityWeightHelp') },
            durationYears: { label: t('ce.health.disabilityYears'), unit: t('outcomes.years') },
            source: sourceText,
          }}
        />
        {healthItems.length > 0 ? (
          <FigureList items={healthItems} currency={currency} testPrefix="ce" />
        ) : (
          <p className="empty">{t('ce.health.empty')}</p>
        )}
      </div>
    </section>
  );
}
