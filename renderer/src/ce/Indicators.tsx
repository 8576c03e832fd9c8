/**
 * The cost-effectiveness indicators of METHOD.md section 2, all from the one cost base the SROI ratio uses
 * (the Investment): cost per output (each output type), per client, per outcome net of deadweight, per QALY
 * gained and per DALY averted, the benefit-cost ratio, ROI and the break-even headline. Each figure can
 * explain itself.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  breakEven,
  computeCostEffectiveness,
  costPerDalyAverted,
  costPerQalyGained,
  dalysAverted,
  qalysGained,
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
import { useLocale } from '../hooks/useLocale';
import { amountText, averageAnnualBudget, moneyText } from './ce-data';
import type { CeDrafts, DraftUpdate, HealthDraft } from './drafts';
import { FigureList, Unsaved, type FigureItem } from './parts';

const PLAIN = /^\d+(\.\d+)?$/;

export function Indicators({
  project,
  result,
  drafts,
  update,
}: {
  project: Project;
  result: SroiResult;
  drafts: CeDrafts;
  update: DraftUpdate;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const na = t('results.na');
  const money = (f: OptionalFigure) => (f.value === null ? na : `${moneyText(f.value, locale)} ${currency}`);
  const reason = (f: OptionalFigure) => f.explain.unavailable ?? na;

  const clients = PLAIN.test(drafts.uniqueClients) ? drafts.uniqueClients : undefined;
  const ce = useMemo(
    () => computeCostEffectiveness(project, clients === undefined ? {} : { uniqueClients: clients }),
    [project, clients],
  );
  const totalCost = ce.totalCost.value;

  // Health effects (kept on this screen only).
  const health = drafts.health;
  const setHealth = (change: Partial<HealthDraft>) => {
    update((d) => ({ ...d, health: { ...d.health, ...change } }));
    return null;
  };
  const health$ = useMemo(() => {
    const dC = PLAIN.test(health.comparatorCost) ? totalCost.minus(health.comparatorCost) : totalCost;
    const years = Number(health.qalyYears);
    const qaly =
      health.utilityGain !== '' && health.qalyPersons !== '' && Number.isInteger(years) && years >= 1
        ? qalysGained(
            Array.from({ length: years }, (_, i) => ({
              year: i + 1,
              utilityGain: health.utilityGain,
              persons: health.qalyPersons,
            })),
            project.settings,
          )
        : null;
    const deaths =
      health.deaths !== '' && health.yearsOfLifeLost !== ''
        ? [{ label: t('ce.health.deathsLabel'), deaths: health.deaths, yearsOfLifeLost: health.yearsOfLifeLost }]
        : [];
    const disability =
      health.disabilityPersons !== '' && health.disabilityWeight !== '' && health.disabilityYears !== ''
        ? [
            {
              label: health.disabilityLabel || t('ce.health.conditionLabel'),
              persons: health.disabilityPersons,
              disabilityWeight: health.disabilityWeight,
              durationYears: health.disabilityYears,
            },
          ]
        : [];
    const daly = deaths.length + disability.length > 0 ? dalysAverted({ deaths, disability }) : null;
    return {
      dC,
      qaly,
      perQaly: qaly?.qalys.value ? costPerQalyGained(dC, qaly.qalys.value, currency) : null,
      daly,
      perDaly: daly?.dalys.value ? costPerDalyAverted(dC, daly.dalys.value, currency) : null,
    };
  }, [health, totalCost, project.settings, currency, t]);

  // Break-even (kept on this screen only).
  const be = drafts.breakEven;
  const setBreakEven = (change: Partial<CeDrafts['breakEven']>) => {
    update((d) => ({ ...d, breakEven: { ...d.breakEven, ...change } }));
    return null;
  };
  const defaultBudget = averageAnnualBudget(result);
  const breakEvenFigure = useMemo(() => {
    const budget = be.annualBudget !== '' ? be.annualBudget : defaultBudget.toFixed();
    const outcome = result.outcomes.find((o) => o.id === be.fromOutcome);
    if (outcome) {
      const source = project.outcomes.find((o) => o.id === outcome.id)?.proxy.source;
      return breakEven({
        annualBudget: budget,
        valueOfOneOutcome: outcome.proxy.value,
        outcomes: outcome.name,
        valueName: t('ce.breakEven.proxyOf', { name: outcome.name }),
        currency,
        ...(source ? { valueSource: source } : {}),
      });
    }
    if (be.value === '') return null;
    return breakEven({
      annualBudget: budget,
      valueOfOneOutcome: be.value,
      outcomes: be.outcomes,
      valueName: be.valueName,
      currency,
      valueSource: be.source,
    });
  }, [be, defaultBudget, result.outcomes, project.outcomes, currency, t]);

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
  if (breakEvenFigure) {
    headline.push({
      key: 'break-even',
      label: t('ce.indicators.breakEven'),
      text:
        breakEvenFigure.value === null
          ? reason(breakEvenFigure)
          : t('ce.breakEven.perYear', {
              count: formatDecimal(breakEvenFigure.value, 2, locale),
              outcomes:
                result.outcomes.find((o) => o.id === be.fromOutcome)?.name ??
                (be.outcomes.trim() || t('ce.breakEven.outcomesDefault')),
            }),
      note: breakEvenFigure.value === null ? undefined : t('ce.breakEven.note'),
      explain: breakEvenFigure.explain,
    });
  }

  const ratioFigure = (r: CostEffectRatio | null, unit: string) =>
    r === null ? null : r.value === null ? r.summary : `${moneyText(r.value, locale)} ${currency} ${unit}`;

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
        <h3>{t('ce.indicators.perOutcomeTitle')}</h3>
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
        <h3>{t('ce.indicators.perOutputTitle')}</h3>
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
        <Unsaved />
        <div className="form-grid">
          <NumberField
            label={t('ce.indicators.uniqueClients')}
            value={drafts.uniqueClients}
            min={0}
            allowEmpty
            help={t('ce.indicators.uniqueClientsHelp')}
            onCommit={(v) => {
              update((d) => ({ ...d, uniqueClients: v }));
              return null;
            }}
          />
        </div>

        <h4>{t('ce.breakEven.title')}</h4>
        <p className="help">{t('ce.breakEven.lead')}</p>
        <div className="form-grid">
          <SelectField
            label={t('ce.breakEven.valueFrom')}
            value={be.fromOutcome}
            options={outcomeOptions}
            onCommit={(v) => setBreakEven({ fromOutcome: v })}
          />
          {be.fromOutcome === '' && (
            <>
              <TextField
                label={t('ce.breakEven.outcomes')}
                value={be.outcomes}
                placeholder={t('ce.breakEven.outcomesExample')}
                onCommit={(v) => setBreakEven({ outcomes: v })}
              />
              <TextField
                label={t('ce.breakEven.valueName')}
                value={be.valueName}
                placeholder={t('ce.breakEven.valueNameExample')}
                onCommit={(v) => setBreakEven({ valueName: v })}
              />
              <NumberField
                label={t('ce.breakEven.value')}
                value={be.value}
                unit={currency}
                min={0}
                allowEmpty
                onCommit={(v) => setBreakEven({ value: v })}
              />
              <TextField
                label={t('ce.breakEven.source')}
                value={be.source}
                help={t('ce.breakEven.sourceHelp')}
                onCommit={(v) => setBreakEven({ source: v })}
              />
            </>
          )}
          <NumberField
            label={t('ce.breakEven.annualBudget')}
            value={be.annualBudget}
            unit={currency}
            min={0}
            allowEmpty
            help={t('ce.breakEven.annualBudgetHelp', { value: moneyText(defaultBudget, locale), currency })}
            onCommit={(v) => setBreakEven({ annualBudget: v })}
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
            onCommit={(v) => setHealth({ comparatorCost: v })}
          />
        </div>
        <fieldset className="ce-fieldset">
          <legend>{t('ce.health.qalyTitle')}</legend>
          <div className="form-grid">
            <NumberField
              label={t('ce.health.utilityGain')}
              value={health.utilityGain}
              allowEmpty
              min={-1}
              max={1}
              help={t('ce.health.utilityGainHelp')}
              onCommit={(v) => setHealth({ utilityGain: v })}
            />
            <NumberField
              label={t('ce.health.persons')}
              value={health.qalyPersons}
              allowEmpty
              min={0}
              onCommit={(v) => setHealth({ qalyPersons: v })}
            />
            <NumberField
              label={t('ce.health.years')}
              value={health.qalyYears}
              integer
              min={1}
              max={100}
              unit={t('outcomes.years')}
              help={t('ce.health.yearsHelp')}
              onCommit={(v) => setHealth({ qalyYears: v })}
            />
          </div>
        </fieldset>
        <fieldset className="ce-fieldset">
          <legend>{t('ce.health.dalyTitle')}</legend>
          <div className="form-grid">
            <NumberField
              label={t('ce.health.deaths')}
              value={health.deaths}
              allowEmpty
              min={0}
              onCommit={(v) => setHealth({ deaths: v })}
            />
            <NumberField
              label={t('ce.health.yearsOfLifeLost')}
              value={health.yearsOfLifeLost}
              allowEmpty
              min={0}
              unit={t('outcomes.years')}
              help={t('ce.health.yearsOfLifeLostHelp')}
              onCommit={(v) => setHealth({ yearsOfLifeLost: v })}
            />
            <TextField
              label={t('ce.health.condition')}
              value={health.disabilityLabel}
              placeholder={t('ce.health.conditionExample')}
              onCommit={(v) => setHealth({ disabilityLabel: v })}
            />
            <NumberField
              label={t('ce.health.disabilityPersons')}
              value={health.disabilityPersons}
              allowEmpty
              min={0}
              onCommit={(v) => setHealth({ disabilityPersons: v })}
            />
            <NumberField
              label={t('ce.health.disabilityWeight')}
              value={health.disabilityWeight}
              allowEmpty
              min={0}
              max={1}
              help={t('ce.health.disabilityWeightHelp')}
              onCommit={(v) => setHealth({ disabilityWeight: v })}
            />
            <NumberField
              label={t('ce.health.disabilityYears')}
              value={health.disabilityYears}
              allowEmpty
              min={0}
              unit={t('outcomes.years')}
              onCommit={(v) => setHealth({ disabilityYears: v })}
            />
          </div>
        </fieldset>
        {healthItems.length > 0 ? (
          <FigureList items={healthItems} currency={currency} testPrefix="ce" />
        ) : (
          <p className="empty">{t('ce.health.empty')}</p>
        )}
      </div>
    </section>
  );
}
