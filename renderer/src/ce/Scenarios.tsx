/**
 * Scenarios: the project's assumptions duplicated as a named set of overrides ("budget -20 %", "scale-up x2"),
 * stored and exported with the project; each override editable; the base case and every scenario side by side
 * (cost, outputs, outcomes, PV, NPV, ratio, cost per outcome) with the differences highlighted; and two charts:
 * the scenarios' cost and PV, and the cost per outcome by outcome.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionalFigure } from '../../../shared/engine';
import {
  baseValueOf,
  changeFrom,
  factorFromPercent,
  FRACTION_FIELDS,
  inputScaleOverrides,
  mergeOverrides,
  OVERRIDE_FIELDS,
  quantityScaleOverrides,
  type OverrideField,
  type OverrideTarget,
  type ScenarioComparison,
  type ScenarioFigures,
  type ScenarioOverride,
} from '../../../shared/engine/scenario';
import { formatDecimal, parseLocaleNumber } from '../../../shared/format/locale';
import { canonical, Dec } from '../../../shared/money/decimal';
import type { Project, Scenario } from '../../../shared/model';
import { ChartFrame } from '../charts/ChartFrame';
import { ColumnChart, type Series } from '../charts/charts';
import { CHART_COLOURS, OKABE_ITO } from '../charts/palette';
import { ExplainButton } from '../components/ExplainButton';
import { NumberField, TextField } from '../components/fields';
import type { ProjectState } from '../hooks/useProject';
import { useLocale } from '../hooks/useLocale';
import { useEngineText } from '../i18n/engine-text';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { amountText, decimalCell, moneyText, signedMoney, signedPercent } from './ce-data';

const SERIES_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.vermillion,
];

type Kind = 'money' | 'amount' | 'ratio';

interface Row {
  key: string;
  label: string;
  kind: Kind;
  /** The figure of a column (base case first, then each scenario). */
  of: (s: ScenarioFigures) => OptionalFigure | null;
  /** Which direction is an improvement (colours the change; the sign and arrow say it in any case). */
  better: 'higher' | 'lower';
}

export function Scenarios({
  state,
  project,
  comparison,
  chartWidth,
}: {
  state: ProjectState;
  project: Project;
  comparison: ScenarioComparison;
  chartWidth?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const text = useEngineText();
  const na = t('results.na');
  const [status, setStatus] = useState<string | null>(null);

  // ----- Creating a scenario
  const [form, setForm] = useState({
    name: t('ce.scenarios.budgetCutName'),
    inputs: '-20',
    quantities: '0',
    description: '',
  });
  const [formError, setFormError] = useState<string | null>(null);
  const preset = (name: string, inputs: string, quantities: string) =>
    setForm({
      name,
      inputs: formatDecimal(inputs, 0, locale),
      quantities: formatDecimal(quantities, 0, locale),
      description: '',
    });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (form.name.trim() === '') return setFormError(t('ce.scenarios.nameRequired'));
    const inputs = parseLocaleNumber(form.inputs.trim() === '' ? '0' : form.inputs, locale);
    const quantities = parseLocaleNumber(form.quantities.trim() === '' ? '0' : form.quantities, locale);
    if (!inputs.ok) return setFormError(`${t('ce.scenarios.inputsChange')} ${inputs.message}`);
    if (!quantities.ok) return setFormError(`${t('ce.scenarios.quantitiesChange')} ${quantities.message}`);
    let overrides: ScenarioOverride[] = [];
    try {
      if (!new Dec(inputs.value).isZero()) overrides = inputScaleOverrides(project, factorFromPercent(inputs.value));
      if (!new Dec(quantities.value).isZero()) {
        overrides = mergeOverrides(overrides, quantityScaleOverrides(project, factorFromPercent(quantities.value)));
      }
    } catch (error) {
      return setFormError(error instanceof Error ? error.message : String(error));
    }
    const change = (value: string, by: string, unchanged: string) =>
      new Dec(value).isZero() ? t(unchanged) : t(by, { change: signedPercent(new Dec(value).div(100), locale) });
    const described = [
      change(inputs.value, 'ce.scenarios.inputsBy', 'ce.scenarios.inputsUnchanged'),
      change(quantities.value, 'ce.scenarios.quantitiesBy', 'ce.scenarios.quantitiesUnchanged'),
    ].join('; ');
    const description = form.description.trim() || `${described.charAt(0).toUpperCase()}${described.slice(1)}.`;
    const scenario: Scenario = { id: crypto.randomUUID(), name: form.name.trim(), description, overrides };
    const answer = await state.saveItem('scenarios', scenario);
    if (!answer.ok) return setFormError(answer.error.fields?.[0]?.message ?? answer.error.message);
    setFormError(null);
    setStatus(t('ce.scenarios.created', { name: scenario.name, count: overrides.length }));
  };

  // ----- Editing a scenario
  const saveScenario = (scenario: Scenario, change: (latest: Scenario) => Scenario) =>
    state.patchItem('scenarios', scenario.id, change);

  const itemName = (target: OverrideTarget, id: string) =>
    (target === 'input'
      ? project.inputs.find((i) => i.id === id)?.description
      : project.outcomes.find((o) => o.id === id)?.name) ?? id;
  const fieldName = (field: OverrideField) => t(`ce.fields.${field}`);
  const choices = [
    ...project.inputs.flatMap((i) =>
      OVERRIDE_FIELDS.input.map((f) => ({
        target: 'input' as const,
        id: i.id,
        field: f,
        label: `${i.description}: ${fieldName(f)}`,
      })),
    ),
    ...project.outcomes.flatMap((o) =>
      OVERRIDE_FIELDS.outcome.map((f) => ({
        target: 'outcome' as const,
        id: o.id,
        field: f,
        label: `${o.name}: ${fieldName(f)}`,
      })),
    ),
  ];
  const [adding, setAdding] = useState<Record<string, string>>({});

  const valueText = (field: OverrideField, value: Dec) =>
    FRACTION_FIELDS.includes(field)
      ? `${formatDecimal(value.times(100), 1, locale)} %`
      : field === 'duration'
        ? t('ce.scenarios.years', { count: value.toNumber() })
        : field === 'amount' || field === 'proxyValue'
          ? moneyText(value, locale)
          : amountText(value, locale);

  // ----- The comparison
  const columns = [comparison.base, ...comparison.scenarios];
  const rows: Row[] = [
    {
      key: 'cost',
      label: t('ce.scenarios.rows.cost', { currency }),
      kind: 'money',
      better: 'lower',
      of: (s) => s.cost,
    },
    ...project.outputs.map((o, i): Row => ({
      key: `output-${o.id}`,
      label: t('ce.scenarios.rows.outputs', { name: o.name }),
      kind: 'amount',
      better: 'higher',
      of: (s) => s.outputs[i]?.count ?? null,
    })),
    ...project.outcomes.map((o, i): Row => ({
      key: `net-${o.id}`,
      label: t('ce.scenarios.rows.net', { name: o.name }),
      kind: 'amount',
      better: new Dec(o.proxy.value).isNeg() ? 'lower' : 'higher',
      of: (s) => s.outcomes[i]?.netQuantity ?? null,
    })),
    {
      key: 'pv',
      label: t('ce.scenarios.rows.pv', { currency }),
      kind: 'money',
      better: 'higher',
      of: (s) => s.presentValue,
    },
    {
      key: 'npv',
      label: t('ce.scenarios.rows.npv', { currency }),
      kind: 'money',
      better: 'higher',
      of: (s) => s.netPresentValue,
    },
    { key: 'ratio', label: t('ce.scenarios.rows.ratio'), kind: 'ratio', better: 'higher', of: (s) => s.ratio },
    ...project.outputs.map((o, i): Row => ({
      key: `per-output-${o.id}`,
      label: t('ce.scenarios.rows.perOutput', { name: o.name, currency }),
      kind: 'money',
      better: 'lower',
      of: (s) => s.outputs[i]?.costPerOutput ?? null,
    })),
    ...project.outcomes
      .filter((o) => !new Dec(o.proxy.value).isNeg())
      .map((o): Row => ({
        key: `per-outcome-${o.id}`,
        label: t('ce.scenarios.rows.perOutcome', { name: o.name, currency }),
        kind: 'money',
        better: 'lower',
        of: (s) => s.outcomes.find((x) => x.outcomeId === o.id)?.costPerOutcome ?? null,
      })),
  ];
  const show = (kind: Kind, value: Dec) =>
    kind === 'money'
      ? moneyText(value, locale)
      : kind === 'ratio'
        ? `${formatDecimal(value, 2, locale)} : 1`
        : amountText(value, locale);
  const showChange = (kind: Kind, absolute: Dec) =>
    kind === 'money'
      ? signedMoney(absolute, locale)
      : `${absolute.gt(0) ? '+' : ''}${show(kind, absolute).replace(' : 1', '')}`;

  // ----- Charts
  const names = columns.map((c) => (c.scenarioId === null ? t('ce.scenarios.base') : c.name));
  const sideSeries: Series[] = [
    {
      key: 'cost',
      name: t('ce.scenarios.chart.cost'),
      fill: CHART_COLOURS.cost,
      stroke: CHART_COLOURS.costStroke,
      plots: columns.map((c) => c.cost.value.toNumber()),
      texts: columns.map((c) => moneyText(c.cost.value, locale)),
    },
    {
      key: 'pv',
      name: t('ce.scenarios.chart.pv'),
      fill: CHART_COLOURS.value,
      plots: columns.map((c) => c.presentValue.value.toNumber()),
      texts: columns.map((c) => moneyText(c.presentValue.value, locale)),
    },
  ];
  const perOutcomeRows = project.outcomes.filter((o) => !new Dec(o.proxy.value).isNeg());
  const perOutcomeSeries: Series[] = columns.map((c, k) => {
    const values = perOutcomeRows.map(
      (o) => c.outcomes.find((x) => x.outcomeId === o.id)?.costPerOutcome.value ?? null,
    );
    return {
      key: `s${k}`,
      name: names[k],
      fill: SERIES_COLOURS[k % SERIES_COLOURS.length],
      plots: values.map((v) => (v === null ? 0 : v.toNumber())),
      texts: values.map((v) => (v === null ? na : moneyText(v, locale))),
    };
  });
  const cheapest = (() => {
    let best: { name: string; outcome: string; value: Dec } | null = null;
    for (const o of perOutcomeRows) {
      const v = comparison.base.outcomes.find((x) => x.outcomeId === o.id)?.costPerOutcome.value ?? null;
      if (v !== null && (best === null || v.lt(best.value))) best = { name: names[0], outcome: o.name, value: v };
    }
    return best;
  })();
  const legendOf = (series: Series[]) =>
    series.length > 1 ? series.map((s) => ({ label: s.name, fill: s.fill, stroke: s.stroke })) : undefined;
  const common = {
    projectName: project.name,
    footnote: t('charts.footnote', { project: project.name }),
    width: chartWidth,
  };

  return (
    <section className="ce-section" aria-labelledby="ce-scenarios-title">
      <h2 id="ce-scenarios-title">{t('ce.scenarios.title')}</h2>
      <p className="lead">{t('ce.scenarios.lead')}</p>

      <form className="card ce-add" onSubmit={(e) => void create(e)} aria-labelledby="ce-new-scenario-title">
        <h3 id="ce-new-scenario-title">{t('ce.scenarios.newTitle')}</h3>
        <div className="ce-add-row">
          <button type="button" onClick={() => preset(t('ce.scenarios.budgetCutName'), '-20', '0')}>
            {t('ce.scenarios.presetBudgetCut')}
          </button>
          <button type="button" onClick={() => preset(t('ce.scenarios.scaleUpName'), '100', '100')}>
            {t('ce.scenarios.presetScaleUp')}
          </button>
          <button type="button" onClick={() => preset('', '0', '0')}>
            {t('ce.scenarios.presetCopy')}
          </button>
        </div>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="ce-scenario-name">{t('ce.scenarios.name')}</label>
            <input
              id="ce-scenario-name"
              value={form.name}
              placeholder={t('ce.scenarios.nameExample')}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </div>
          <div className="field number-field">
            <label htmlFor="ce-scenario-inputs">{t('ce.scenarios.inputsChange')}</label>
            <div className="with-unit">
              <input
                id="ce-scenario-inputs"
                inputMode="decimal"
                value={form.inputs}
                onChange={(e) => setForm({ ...form, inputs: e.target.value })}
              />
              <span className="unit">%</span>
            </div>
          </div>
          <div className="field number-field">
            <label htmlFor="ce-scenario-quantities">{t('ce.scenarios.quantitiesChange')}</label>
            <div className="with-unit">
              <input
                id="ce-scenario-quantities"
                inputMode="decimal"
                value={form.quantities}
                onChange={(e) => setForm({ ...form, quantities: e.target.value })}
              />
              <span className="unit">%</span>
            </div>
          </div>
          <div className="field">
            <label htmlFor="ce-scenario-description">{t('ce.scenarios.description')}</label>
            <input
              id="ce-scenario-description"
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </div>
        </div>
        <p className="help">{t('ce.scenarios.newHelp')}</p>
        {formError && (
          <p className="error banner" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="primary">
          {t('ce.scenarios.create')}
        </button>
        <p className="ce-status" role="status">
          {status}
        </p>
      </form>

      {project.scenarios.length === 0 && <p className="empty">{t('ce.scenarios.none')}</p>}
      {project.scenarios.map((scenario, k) => {
        const figures = comparison.scenarios.find((s) => s.scenarioId === scenario.id);
        const used = new Set(scenario.overrides.map((o) => `${o.target}|${o.id}|${o.field}`));
        const free = choices.filter((c) => !used.has(`${c.target}|${c.id}|${c.field}`));
        const pick = adding[scenario.id] ?? '';
        return (
          <details key={scenario.id} className="card ce-scenario" open={k === project.scenarios.length - 1}>
            <summary>
              <strong>{scenario.name}</strong>{' '}
              <span className="help">{t('ce.scenarios.overrideCount', { count: scenario.overrides.length })}</span>
            </summary>
            <div className="form-grid">
              <TextField
                label={t('ce.scenarios.name')}
                value={scenario.name}
                required
                onCommit={(v) => saveScenario(scenario, (s) => ({ ...s, name: v.trim() }))}
              />
              <TextField
                label={t('ce.scenarios.description')}
                value={scenario.description}
                onCommit={(v) => saveScenario(scenario, (s) => ({ ...s, description: v }))}
              />
            </div>
            {figures && figures.problems.length > 0 && (
              <ul className="warnings" aria-label={t('ce.scenarios.problems')}>
                {figures.problems.map((p, i) => (
                  <li key={p.path}>
                    {text(figures.problemsText[i]?.where, p.where)}: {text(figures.problemsText[i]?.message, p.message)}
                  </li>
                ))}
              </ul>
            )}
            {scenario.overrides.length > 0 && (
              <>
                <div className="charts-heading">
                  <h4 id={`ce-overrides-${scenario.id}`}>
                    {t('ce.scenarios.overridesCaption', { name: scenario.name })}
                  </h4>
                  <TableCsvButton
                    title={t('ce.scenarios.overridesCaption', { name: scenario.name })}
                    fileName={`${project.name} ${scenario.name} changes`}
                    table={() => ({
                      columns: [
                        t('ce.scenarios.item'),
                        t('ce.scenarios.field'),
                        t('ce.scenarios.baseValue'),
                        t('ce.scenarios.scenarioValue'),
                      ],
                      rows: scenario.overrides.map((o) => [
                        itemName(o.target, o.id),
                        fieldName(o.field),
                        decimalCell(baseValueOf(project, o.target, o.id, o.field)),
                        { decimal: o.value },
                      ]),
                    })}
                  />
                </div>
                <table className="ce-table ce-overrides" aria-labelledby={`ce-overrides-${scenario.id}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('ce.scenarios.item')}</th>
                      <th scope="col">{t('ce.scenarios.field')}</th>
                      <th scope="col" className="number">
                        {t('ce.scenarios.baseValue')}
                      </th>
                      <th scope="col">{t('ce.scenarios.scenarioValue')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('ce.scenarios.remove')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {scenario.overrides.map((o, index) => {
                      const base = baseValueOf(project, o.target, o.id, o.field);
                      const name = itemName(o.target, o.id);
                      return (
                        <tr key={`${o.target}-${o.id}-${o.field}-${index}`}>
                          <th scope="row">{name}</th>
                          <td>{fieldName(o.field)}</td>
                          <td className="number">{base === null ? na : valueText(o.field, base)}</td>
                          <td>
                            <NumberField
                              label={t('ce.scenarios.valueOf', { name, field: fieldName(o.field) })}
                              value={o.value}
                              percent={FRACTION_FIELDS.includes(o.field)}
                              integer={o.field === 'duration'}
                              min={o.field === 'proxyValue' ? undefined : 0}
                              max={o.field === 'duration' ? 100 : undefined}
                              unit={
                                o.field === 'amount'
                                  ? currency
                                  : o.field === 'proxyValue'
                                    ? project.outcomes.find((x) => x.id === o.id)?.proxy.currency
                                    : o.field === 'duration'
                                      ? t('outcomes.years')
                                      : undefined
                              }
                              onCommit={(value) =>
                                saveScenario(scenario, (s) => ({
                                  ...s,
                                  overrides: s.overrides.map((x, i) => (i === index ? { ...x, value } : x)),
                                }))
                              }
                            />
                          </td>
                          <td>
                            <button
                              type="button"
                              className="link"
                              onClick={() =>
                                void saveScenario(scenario, (s) => ({
                                  ...s,
                                  overrides: s.overrides.filter((_, i) => i !== index),
                                }))
                              }
                            >
                              {t('ce.scenarios.remove')}
                              <span className="visually-hidden"> {`${name}: ${fieldName(o.field)}`}</span>
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            )}
            <div className="ce-add-row">
              <div className="field">
                <label htmlFor={`ce-add-override-${scenario.id}`}>{t('ce.scenarios.addOverride')}</label>
                <select
                  id={`ce-add-override-${scenario.id}`}
                  value={pick}
                  onChange={(e) => setAdding({ ...adding, [scenario.id]: e.target.value })}
                >
                  <option value="">{t('ce.scenarios.choose')}</option>
                  {free.map((c) => (
                    <option key={`${c.target}|${c.id}|${c.field}`} value={`${c.target}|${c.id}|${c.field}`}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                disabled={pick === ''}
                onClick={() => {
                  const [target, id, field] = pick.split('|') as [OverrideTarget, string, OverrideField];
                  const base = baseValueOf(project, target, id, field);
                  if (base === null) return;
                  setAdding({ ...adding, [scenario.id]: '' });
                  void saveScenario(scenario, (s) => ({
                    ...s,
                    overrides: [...s.overrides, { target, id, field, value: canonical(base) }],
                  }));
                }}
              >
                {t('ce.scenarios.add')}
              </button>
              <button type="button" className="danger" onClick={() => void state.deleteItem('scenarios', scenario.id)}>
                {t('ce.scenarios.delete', { name: scenario.name })}
              </button>
            </div>
          </details>
        );
      })}

      {comparison.scenarios.length > 0 && (
        <div className="card" role="region" aria-labelledby="ce-scenario-comparison-title">
          <div className="charts-heading">
            <h3 id="ce-scenario-comparison-title">{t('ce.scenarios.comparisonTitle')}</h3>
            <TableCsvButton
              title={t('ce.scenarios.comparisonTitle')}
              fileName={`${project.name} scenarios side by side`}
              table={() => ({
                columns: [t('ce.scenarios.figure'), ...names],
                rows: rows.map((row) => [row.label, ...columns.map((c) => decimalCell(row.of(c)?.value ?? null))]),
              })}
            />
          </div>
          <p className="help">{t('ce.scenarios.comparisonLead')}</p>
          <div className="ce-scroll">
            <table className="ce-table ce-side-by-side" data-testid="scenario-comparison">
              <thead>
                <tr>
                  <th scope="col">{t('ce.scenarios.figure')}</th>
                  {columns.map((c, i) => (
                    <th key={c.scenarioId ?? 'base'} scope="col" className="number">
                      {names[i]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const base = row.of(comparison.base);
                  return (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      {columns.map((c) => {
                        const f = row.of(c);
                        const id = c.scenarioId ?? 'base';
                        if (f === null || f.value === null) {
                          return (
                            <td key={id} className="number" data-testid={`cmp-${row.key}-${id}`}>
                              {f?.explain.unavailable ? (
                                <abbr title={text(f.explain.unavailableText, f.explain.unavailable)}>{na}</abbr>
                              ) : (
                                na
                              )}
                            </td>
                          );
                        }
                        const change = c.scenarioId === null ? null : changeFrom(base?.value ?? null, f.value);
                        const changed = change !== null && !change.absolute.isZero();
                        const direction = changed ? (change.absolute.gt(0) ? 'up' : 'down') : '';
                        const better = changed && (direction === 'up') === (row.better === 'higher');
                        return (
                          <td
                            key={id}
                            className={`number${changed ? ` ce-changed ${better ? 'ce-better' : 'ce-worse'}` : ''}`}
                            data-testid={`cmp-${row.key}-${id}`}
                          >
                            <span className="ce-value">{show(row.kind, f.value)}</span>
                            {changed && change && (
                              <span className="ce-change">
                                <span aria-hidden="true">{direction === 'up' ? '▲ ' : '▼ '}</span>
                                {showChange(row.kind, change.absolute)}
                                {change.relative !== null && ` (${signedPercent(change.relative, locale)})`}
                              </span>
                            )}
                            <ExplainButton explanation={f.explain} currency={currency} />
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="help">{t('ce.scenarios.outputsNote')}</p>
        </div>
      )}

      <div className="chart-grid ce-charts">
        <ChartFrame
          {...common}
          id="ce-scenarios"
          wide
          title={t('ce.scenarios.chart.title')}
          summary={
            comparison.scenarios.length === 0
              ? t('ce.scenarios.chart.empty')
              : t('ce.scenarios.chart.summary', {
                  count: comparison.scenarios.length,
                  base: moneyText(comparison.base.cost.value, locale),
                  pv: moneyText(comparison.base.presentValue.value, locale),
                  currency,
                })
          }
          unit={t('charts.unit', { currency })}
          legend={legendOf(sideSeries)}
          empty={comparison.scenarios.length === 0}
          table={{
            columns: [t('ce.scenarios.figure'), t('ce.scenarios.chart.cost'), t('ce.scenarios.chart.pv')],
            rows: columns.map((c, i) => ({
              key: c.scenarioId ?? 'base',
              cells: [names[i], sideSeries[0].texts[i], sideSeries[1].texts[i]],
            })),
          }}
        >
          {(w) => <ColumnChart width={w} categories={names} series={sideSeries} locale={locale} currency={currency} />}
        </ChartFrame>

        <ChartFrame
          {...common}
          id="ce-per-outcome"
          wide
          title={t('ce.scenarios.perOutcomeChart.title')}
          summary={
            cheapest === null
              ? t('ce.scenarios.perOutcomeChart.empty')
              : t('ce.scenarios.perOutcomeChart.summary', {
                  outcome: cheapest.outcome,
                  value: moneyText(cheapest.value, locale),
                  currency,
                })
          }
          unit={t('ce.scenarios.perOutcomeChart.unit', { currency })}
          legend={legendOf(perOutcomeSeries)}
          note={t('ce.scenarios.perOutcomeChart.note')}
          empty={cheapest === null}
          table={{
            columns: [t('ce.indicators.outcome'), ...names],
            rows: perOutcomeRows.map((o, r) => ({
              key: o.id,
              cells: [o.name, ...perOutcomeSeries.map((s) => s.texts[r])],
            })),
          }}
        >
          {(w) => (
            <ColumnChart
              width={w}
              categories={perOutcomeRows.map((o) => o.name)}
              series={perOutcomeSeries}
              locale={locale}
              currency={currency}
            />
          )}
        </ChartFrame>
      </div>
    </section>
  );
}
