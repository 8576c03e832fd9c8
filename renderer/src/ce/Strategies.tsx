/**
 * Strategies ("no service", "current service", "scale-up") with their costs and effects, and the engine's
 * comparison: incremental cost and effect against the next best strategy, ICERs, strong and extended
 * dominance, the efficiency frontier, NMB at a chosen threshold, and dominant (cost-saving) strategies said in
 * words. A strategy can be filled from this project (or one of its scenarios): its cost is the Investment, its
 * effect the outcomes net of deadweight of a chosen outcome, so one cost base feeds SROI and CE alike.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { compareStrategies, type StrategyResult } from '../../../shared/engine';
import type { ScenarioComparison } from '../../../shared/engine/scenario';
import { formatDecimal, parseLocaleNumber } from '../../../shared/format/locale';
import { canonical, Dec } from '../../../shared/money/decimal';
import type { Project, Strategy, Threshold } from '../../../shared/model';
import { ChartFrame } from '../charts/ChartFrame';
import { CHART_COLOURS } from '../charts/palette';
import { ExplainButton } from '../components/ExplainButton';
import { EngineMessage } from '../i18n/engine-text';
import { NumberField, TextField } from '../components/fields';
import { TableCsvButton } from '../exchange/TableCsvButton';
import type { ProjectState } from '../hooks/useProject';
import { useLocale } from '../hooks/useLocale';
import { amountText, decimalCell, LIBRARY_THRESHOLDS, moneyText, oneUnit, planeData, thresholdFit } from './ce-data';
import { CePlaneChart } from './CePlaneChart';
import type { SaveCe } from './inputs';

const reasonOf = (outcome: { ok: boolean; error?: { message: string; fields?: Array<{ message: string }> } }) =>
  outcome.ok ? null : (outcome.error?.fields?.[0]?.message ?? outcome.error?.message ?? null);

export function Strategies({
  state,
  project,
  scenarios,
  save: saveCe,
  chartWidth,
}: {
  state: ProjectState;
  project: Project;
  scenarios: ScenarioComparison;
  save: SaveCe;
  chartWidth?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const unitWords = project.effectUnit.trim() || t('ce.strategies.effectUnitNone');
  const perUnit = `${currency} ${t('ce.strategies.per')} ${oneUnit(project.effectUnit, t('ce.strategies.unitOfEffect'))}`;
  const [message, setMessage] = useState<string | null>(null);

  // Thresholds: the shipped ones and the user's own (saved with the project); one may be applied as the
  // willingness to pay, chosen by its id.
  const ownThresholds = project.costEffectiveness.thresholds;
  const thresholds: Threshold[] = [...LIBRARY_THRESHOLDS, ...ownThresholds];
  const chosen = thresholds.find((th) => th.id === project.costEffectiveness.thresholdId) ?? null;
  const fit = chosen ? thresholdFit(chosen, project) : null;
  const lambda = chosen && fit?.ok ? chosen.value : undefined;

  const comparison = useMemo(
    () =>
      project.strategies.length < 2
        ? null
        : compareStrategies(project.strategies, {
            currency,
            effectUnit: project.effectUnit,
            ...(lambda !== undefined ? { willingnessToPay: lambda } : {}),
          }),
    [project.strategies, project.effectUnit, currency, lambda],
  );

  const save = (strategy: Strategy, changes: Partial<Strategy>) =>
    state.patchItem('strategies', strategy.id, (latest) => ({ ...latest, ...changes }));

  const add = async (item: Omit<Strategy, 'id'>) => {
    const answer = await state.saveItem('strategies', { id: crypto.randomUUID(), ...item });
    setMessage(answer.ok ? t('ce.strategies.added', { name: item.name }) : reasonOf(answer));
    return answer.ok;
  };

  // "Add a strategy" form.
  const [draft, setDraft] = useState({ name: '', cost: '', effect: '' });
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') return setFormError(t('ce.strategies.nameRequired'));
    const cost = parseLocaleNumber(draft.cost, locale);
    if (!cost.ok) return setFormError(`${t('ce.strategies.cost')} ${cost.message}`);
    const effect = parseLocaleNumber(draft.effect, locale);
    if (!effect.ok) return setFormError(`${t('ce.strategies.effect')} ${effect.message}`);
    setFormError(null);
    if (await add({ name: draft.name.trim(), cost: cost.value, effect: effect.value, notes: '', uncertainty: {} })) {
      setDraft({ name: '', cost: '', effect: '' });
    }
  };

  // "From this project" form.
  const sources = [scenarios.base, ...scenarios.scenarios];
  const [fromSource, setFromSource] = useState('base');
  const [fromOutcome, setFromOutcome] = useState('');
  const [fromName, setFromName] = useState('');
  const source = sources.find((s) => (s.scenarioId ?? 'base') === fromSource) ?? scenarios.base;
  const outcomeId = fromOutcome || project.outcomes.find((o) => !new Dec(o.proxy.value).isNeg())?.id || '';
  const sourceOutcome = source.outcomes.find((o) => o.outcomeId === outcomeId);
  const addFromProject = async (event: FormEvent) => {
    event.preventDefault();
    if (!sourceOutcome || sourceOutcome.netQuantity.value === null) {
      return setFormError(t('ce.strategies.fromProjectNeedsOutcome'));
    }
    const name =
      fromName.trim() || (source.scenarioId === null ? t('ce.strategies.currentService') : source.name.slice(0, 200));
    const outcomeName = project.outcomes.find((o) => o.id === outcomeId)?.name ?? '';
    if (project.effectUnit.trim() === '')
      await state.updateScope({ effectUnit: outcomeName.toLowerCase().slice(0, 100) });
    setFormError(null);
    if (
      await add({
        name,
        cost: canonical(source.cost.value),
        effect: canonical(sourceOutcome.netQuantity.value),
        notes: t('ce.strategies.fromProjectNote', { source: source.name, outcome: outcomeName }),
        uncertainty: {},
      })
    ) {
      setFromName('');
    }
  };

  // The user's own threshold.
  const [own, setOwn] = useState({ label: '', value: '', unit: '', currency: '', date: '', source: '' });
  const [ownError, setOwnError] = useState<string | null>(null);
  const addOwn = async (event: FormEvent) => {
    event.preventDefault();
    const value = parseLocaleNumber(own.value, locale);
    if (!value.ok || new Dec(value.value).isNeg()) {
      return setOwnError(`${t('ce.thresholds.value')} ${value.ok ? t('ce.thresholds.notNegative') : value.message}`);
    }
    const unit = own.unit.trim() || project.effectUnit.trim();
    if (unit === '') return setOwnError(t('ce.thresholds.unitRequired'));
    const thresholdCurrency = (own.currency.trim() || currency).toUpperCase();
    if (!/^[A-Z]{3}$/.test(thresholdCurrency)) return setOwnError(t('ce.thresholds.currencyInvalid'));
    if (own.source.trim() === '') return setOwnError(t('ce.thresholds.sourceRequired'));
    const threshold: Threshold = {
      id: `own-${crypto.randomUUID()}`,
      label: own.label.trim() || t('ce.thresholds.ownLabel'),
      value: value.value,
      unit,
      currency: thresholdCurrency,
      date: own.date.trim(),
      country: '',
      source: own.source.trim(),
      sourceUrl: '',
      notes: '',
    };
    const answer = await saveCe((ce) => ({
      ...ce,
      thresholds: [...ce.thresholds, threshold],
      thresholdId: threshold.id,
    }));
    if (!answer.ok) return setOwnError(reasonOf(answer));
    setOwnError(null);
    setOwn({ label: '', value: '', unit: '', currency: '', date: '', source: '' });
  };
  const removeOwn = (id: string) =>
    saveCe((ce) => ({
      ...ce,
      thresholds: ce.thresholds.filter((th) => th.id !== id),
      thresholdId: ce.thresholdId === id ? null : ce.thresholdId,
    }));

  const thresholdText = (th: Threshold) =>
    t('ce.thresholds.option', {
      label: th.label,
      value: formatDecimal(th.value, 0, locale),
      currency: th.currency,
      unit: oneUnit(th.unit, t('ce.strategies.unitOfEffect')),
      date: th.date || t('ce.thresholds.noDate'),
    });

  const result = comparison?.ok ? comparison.value : null;
  const verdictText = (s: StrategyResult): string => {
    const inc = s.increment;
    if (!inc) return t('ce.strategies.referenceWords');
    switch (inc.verdict) {
      case 'more-costly-more-effective':
        return inc.icer.value === null
          ? t('ce.strategies.icerNa')
          : t('ce.strategies.icer', { value: moneyText(inc.icer.value, locale), unit: perUnit });
      case 'less-costly-less-effective':
        return inc.icer.value === null
          ? t('ce.strategies.icerNa')
          : t('ce.strategies.savesPer', { value: moneyText(inc.icer.value, locale), unit: perUnit });
      case 'dominant':
        return t(inc.costSaving ? 'ce.strategies.dominantSaving' : 'ce.strategies.dominant');
      case 'dominated':
        return t('ce.strategies.dominated');
      case 'identical':
        return t('ce.strategies.identical');
    }
  };
  const statusWord = (status: StrategyResult['status']) => t(`ce.status.${status}`);

  // Dominant (cost-saving) strategies, in words.
  const callouts: string[] = [];
  if (result) {
    for (const s of result.strategies) {
      if (s.status !== 'dominated' || !s.increment) continue;
      const winner = result.strategies.find((x) => x.id === s.dominatedBy[0]);
      if (!winner) continue;
      const saving = s.cost.minus(winner.cost);
      const gain = winner.effect.minus(s.effect);
      callouts.push(
        saving.gt(0)
          ? t('ce.strategies.costSavingCallout', {
              winner: winner.name,
              loser: s.name,
              saving: moneyText(saving, locale),
              gain: amountText(gain, locale),
              currency,
              unit: unitWords,
            })
          : t('ce.strategies.dominatedCallout', {
              winner: winner.name,
              loser: s.name,
              gain: amountText(gain, locale),
              unit: unitWords,
            }),
      );
    }
  }

  const plane = result ? planeData(result, locale) : null;
  const planeSummary =
    result && plane
      ? t(plane.others.length === 0 ? 'ce.plane.summaryAll' : 'ce.plane.summary', {
          frontier: plane.frontier.map((p) => p.name).join(' → '),
          count: plane.others.length,
          others: plane.others.map((p) => `${p.name} (${statusWord(p.status)})`).join(', '),
        })
      : '';

  return (
    <section className="ce-section" aria-labelledby="ce-strategies-title">
      <h2 id="ce-strategies-title">{t('ce.strategies.title')}</h2>
      <p className="lead">{t('ce.strategies.lead')}</p>

      <div className="card">
        <div className="form-grid">
          <TextField
            label={t('ce.strategies.effectUnit')}
            value={project.effectUnit}
            name="effectUnit"
            help={t('ce.strategies.effectUnitHelp')}
            onCommit={(v) => state.updateScope({ effectUnit: v.trim() })}
          />
        </div>
        {project.strategies.length === 0 && <p className="empty">{t('ce.strategies.none')}</p>}
        {project.strategies.map((s) => (
          <article key={s.id} className="ce-strategy" aria-label={s.name}>
            <div className="form-grid">
              <TextField
                label={t('ce.strategies.name')}
                value={s.name}
                required
                onCommit={(v) => save(s, { name: v.trim() })}
              />
              <NumberField
                label={t('ce.strategies.cost')}
                value={s.cost}
                unit={currency}
                onCommit={(v) => save(s, { cost: v })}
              />
              <NumberField
                label={t('ce.strategies.effect')}
                value={s.effect}
                unit={project.effectUnit}
                onCommit={(v) => save(s, { effect: v })}
              />
              <TextField label={t('ce.strategies.notes')} value={s.notes} onCommit={(v) => save(s, { notes: v })} />
            </div>
            <button type="button" className="danger" onClick={() => void state.deleteItem('strategies', s.id)}>
              {t('ce.strategies.delete', { name: s.name })}
            </button>
          </article>
        ))}

        <div className="ce-add-row">
          <button
            type="button"
            onClick={() =>
              void add({ name: t('ce.strategies.noService'), cost: '0', effect: '0', notes: '', uncertainty: {} })
            }
          >
            {t('ce.strategies.addNoService')}
          </button>
        </div>

        <form className="ce-add" onSubmit={(e) => void addFromProject(e)} aria-labelledby="ce-from-project-title">
          <h3 id="ce-from-project-title">{t('ce.strategies.fromProjectTitle')}</h3>
          <p className="help">{t('ce.strategies.fromProjectHelp')}</p>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="ce-from-source">{t('ce.strategies.fromSource')}</label>
              <select id="ce-from-source" value={fromSource} onChange={(e) => setFromSource(e.target.value)}>
                {sources.map((s) => (
                  <option key={s.scenarioId ?? 'base'} value={s.scenarioId ?? 'base'}>
                    {s.scenarioId === null ? t('ce.scenarios.base') : s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="ce-from-outcome">{t('ce.strategies.fromOutcome')}</label>
              <select id="ce-from-outcome" value={outcomeId} onChange={(e) => setFromOutcome(e.target.value)}>
                {project.outcomes.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="ce-from-name">{t('ce.strategies.name')}</label>
              <input
                id="ce-from-name"
                value={fromName}
                placeholder={source.scenarioId === null ? t('ce.strategies.currentService') : source.name}
                onChange={(e) => setFromName(e.target.value)}
              />
            </div>
          </div>
          <p className="help">
            {sourceOutcome?.netQuantity.value
              ? t('ce.strategies.fromProjectPreview', {
                  cost: moneyText(source.cost.value, locale),
                  currency,
                  effect: amountText(sourceOutcome.netQuantity.value, locale),
                })
              : t('ce.strategies.fromProjectNeedsOutcome')}
          </p>
          <button type="submit" className="primary" disabled={project.outcomes.length === 0}>
            {t('ce.strategies.addFromProject')}
          </button>
        </form>

        <form className="ce-add" onSubmit={(e) => void submit(e)} aria-labelledby="ce-add-strategy-title">
          <h3 id="ce-add-strategy-title">{t('ce.strategies.addTitle')}</h3>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="ce-new-name">{t('ce.strategies.name')}</label>
              <input
                id="ce-new-name"
                value={draft.name}
                placeholder={t('ce.strategies.nameExample')}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="ce-new-cost">{t('ce.strategies.costIn', { currency })}</label>
              <input
                id="ce-new-cost"
                inputMode="decimal"
                value={draft.cost}
                onChange={(e) => setDraft({ ...draft, cost: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="ce-new-effect">{t('ce.strategies.effectIn', { unit: unitWords })}</label>
              <input
                id="ce-new-effect"
                inputMode="decimal"
                value={draft.effect}
                onChange={(e) => setDraft({ ...draft, effect: e.target.value })}
              />
            </div>
          </div>
          <button type="submit" className="primary">
            {t('ce.strategies.add')}
          </button>
        </form>
        {formError && (
          <p className="error banner" role="alert">
            {formError}
          </p>
        )}
        <p className="ce-status" role="status">
          {message}
        </p>
      </div>

      <div className="card">
        <h3>{t('ce.thresholds.title')}</h3>
        <p className="help">{t('ce.thresholds.lead')}</p>
        <div className="field">
          <label htmlFor="ce-threshold">{t('ce.thresholds.choose')}</label>
          <select
            id="ce-threshold"
            value={chosen?.id ?? ''}
            onChange={(e) => {
              const thresholdId = e.target.value === '' ? null : e.target.value;
              void saveCe((ce) => ({ ...ce, thresholdId }));
            }}
          >
            <option value="">{t('ce.thresholds.none')}</option>
            {thresholds.map((th) => (
              <option key={th.id} value={th.id}>
                {thresholdText(th)}
              </option>
            ))}
          </select>
        </div>
        {chosen && (
          <div className="ce-threshold" data-testid="threshold-details">
            <p>
              <strong>{thresholdText(chosen)}</strong>
              {chosen.country ? ` · ${chosen.country}` : ''}
            </p>
            <p className="help">
              {t('ce.thresholds.source', { source: chosen.source })}
              {chosen.sourceUrl ? ` (${chosen.sourceUrl})` : ''}
            </p>
            {chosen.notes && <p className="help">{chosen.notes}</p>}
            {fit && !fit.ok && (
              <p className="warnings" role="alert">
                {t(`ce.thresholds.misfit.${fit.reason}`, {
                  currency: chosen.currency,
                  projectCurrency: currency,
                  unit: chosen.unit,
                  effectUnit: unitWords,
                })}
              </p>
            )}
            {fit?.ok && <p className="ce-applied">{t('ce.thresholds.applied')}</p>}
          </div>
        )}
        {ownThresholds.length > 0 && (
          <>
            <h4>{t('ce.thresholds.ownList')}</h4>
            <ul className="ce-own-list">
              {ownThresholds.map((th) => (
                <li key={th.id}>
                  {thresholdText(th)} · {t('ce.thresholds.source', { source: th.source })}{' '}
                  <button type="button" className="link" onClick={() => void removeOwn(th.id)}>
                    {t('ce.thresholds.removeOwn')}
                    <span className="visually-hidden"> {th.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <details className="ce-own">
          <summary>{t('ce.thresholds.ownTitle')}</summary>
          <form onSubmit={(e) => void addOwn(e)}>
            <div className="form-grid">
              {(
                [
                  ['label', t('ce.thresholds.label'), t('ce.thresholds.labelExample')],
                  ['value', t('ce.thresholds.value'), ''],
                  ['unit', t('ce.thresholds.unit'), project.effectUnit],
                  ['currency', t('ce.thresholds.currency'), currency],
                  ['date', t('ce.thresholds.date'), t('ce.thresholds.dateExample')],
                  ['source', t('ce.thresholds.sourceField'), t('ce.thresholds.sourceExample')],
                ] as const
              ).map(([key, label, placeholder]) => (
                <div className="field" key={key}>
                  <label htmlFor={`ce-own-${key}`}>{label}</label>
                  <input
                    id={`ce-own-${key}`}
                    value={own[key]}
                    placeholder={placeholder}
                    inputMode={key === 'value' ? 'decimal' : undefined}
                    onChange={(e) => setOwn({ ...own, [key]: e.target.value })}
                  />
                </div>
              ))}
            </div>
            {ownError && (
              <p className="error" role="alert">
                {ownError}
              </p>
            )}
            <button type="submit">{t('ce.thresholds.addOwn')}</button>
          </form>
        </details>
      </div>

      <div className="card" aria-labelledby="ce-comparison-title" role="region">
        <div className="charts-heading">
          <h3 id="ce-comparison-title">{t('ce.strategies.comparisonTitle')}</h3>
          {result && (
            <TableCsvButton
              title={t('ce.strategies.comparisonTitle')}
              fileName={`${project.name} comparison of strategies`}
              table={() => ({
                columns: [
                  t('ce.strategies.strategy'),
                  t('ce.strategies.costIn', { currency }),
                  t('ce.strategies.effectIn', { unit: unitWords }),
                  t('ce.strategies.status'),
                  t('ce.strategies.dCLong'),
                  t('ce.strategies.dELong'),
                  t('ce.strategies.comparedWith'),
                  t('ce.strategies.icerIn', { unit: perUnit }),
                  t('ce.strategies.icerColumn'),
                  ...(lambda !== undefined ? [t('ce.strategies.nmb', { currency })] : []),
                ],
                rows: result.strategies.map((s) => [
                  s.name,
                  decimalCell(s.cost),
                  decimalCell(s.effect),
                  statusWord(s.status),
                  decimalCell(s.increment?.dC.value ?? null),
                  decimalCell(s.increment?.dE.value ?? null),
                  s.increment?.comparatorName ?? '',
                  decimalCell(s.increment?.icer.value ?? null),
                  verdictText(s),
                  ...(lambda !== undefined ? [decimalCell(s.nmb?.value ?? null)] : []),
                ]),
              })}
            />
          )}
        </div>
        {comparison === null && <p className="empty">{t('ce.strategies.needTwo')}</p>}
        {comparison && !comparison.ok && (
          <p className="error banner" role="alert">
            <EngineMessage text={comparison.explanationText} english={comparison.explanation} />
          </p>
        )}
        {result && (
          <>
            {callouts.map((c) => (
              <p key={c} className="ce-verdict" data-testid="dominance-message">
                {c}
              </p>
            ))}
            <div className="ce-scroll">
              <table className="ce-table ce-comparison">
                <thead>
                  <tr>
                    <th scope="col">{t('ce.strategies.strategy')}</th>
                    <th scope="col" className="number">
                      {t('ce.strategies.costIn', { currency })}
                    </th>
                    <th scope="col" className="number">
                      {t('ce.strategies.effectIn', { unit: unitWords })}
                    </th>
                    <th scope="col">{t('ce.strategies.status')}</th>
                    <th scope="col" className="number">
                      <abbr title={t('ce.strategies.dCLong')}>{t('ce.strategies.dC')}</abbr>
                    </th>
                    <th scope="col" className="number">
                      <abbr title={t('ce.strategies.dELong')}>{t('ce.strategies.dE')}</abbr>
                    </th>
                    <th scope="col">{t('ce.strategies.icerColumn')}</th>
                    {lambda !== undefined && (
                      <th scope="col" className="number">
                        {t('ce.strategies.nmb', { currency })}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {result.strategies.map((s) => (
                    <tr key={s.id} className={`ce-status-${s.status}`} data-testid={`strategy-row-${s.name}`}>
                      <th scope="row">{s.name}</th>
                      <td className="number">{moneyText(s.cost, locale)}</td>
                      <td className="number">{amountText(s.effect, locale)}</td>
                      <td>
                        <span className={`ce-badge ce-badge-${s.status}`}>{statusWord(s.status)}</span>{' '}
                        <ExplainButton explanation={s.explain} currency={currency} />
                      </td>
                      <td className="number">{s.increment ? moneyText(s.increment.dC.value, locale) : '—'}</td>
                      <td className="number">{s.increment ? amountText(s.increment.dE.value, locale) : '—'}</td>
                      <td className="ce-icer" data-testid={`strategy-icer-${s.name}`}>
                        {verdictText(s)}
                        {s.increment && (
                          <>
                            <span className="ce-against">
                              {t('ce.strategies.againstName', { name: s.increment.comparatorName })}
                            </span>
                            <ExplainButton explanation={s.increment.icer.explain} currency={currency} />
                          </>
                        )}
                      </td>
                      {lambda !== undefined && (
                        <td className="number">
                          {s.nmb ? moneyText(s.nmb.value, locale) : '—'}
                          {s.nmb && (
                            <>
                              {' '}
                              <ExplainButton explanation={s.nmb.explain} currency={currency} />
                            </>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {result.highestNmb && chosen && (
              <p className="ce-verdict" data-testid="highest-nmb">
                {t('ce.strategies.highestNmb', {
                  names: result.strategies
                    .filter((s) => result.highestNmb?.strategyIds.includes(s.id))
                    .map((s) => s.name)
                    .join(', '),
                  value: formatDecimal(chosen.value, 0, locale),
                  currency,
                  unit: oneUnit(project.effectUnit, t('ce.strategies.unitOfEffect')),
                  nmb: moneyText(result.highestNmb.nmb.value, locale),
                })}
              </p>
            )}
            <details className="ce-steps">
              <summary>{t('ce.strategies.steps')}</summary>
              <ol>
                {result.steps.map((step, i) => (
                  <li key={step}>
                    <EngineMessage text={result.stepsText[i]} english={step} />
                  </li>
                ))}
              </ol>
              <ul>
                {result.strategies.map((s) => (
                  <li key={s.id}>
                    <EngineMessage text={s.explain.labelText} english={s.explain.label} />
                  </li>
                ))}
              </ul>
            </details>
          </>
        )}
      </div>

      {result && plane && (
        <div className="chart-grid ce-charts">
          <ChartFrame
            id="ce-plane"
            wide
            title={t('ce.plane.title')}
            summary={planeSummary}
            projectName={project.name}
            footnote={t('charts.footnote', { project: project.name })}
            unit={t('ce.plane.unit', { currency, unit: unitWords })}
            width={chartWidth}
            legend={[
              { label: t('ce.plane.frontier'), fill: CHART_COLOURS.value },
              ...(plane.others.some((p) => p.status === 'dominated')
                ? [{ label: t('ce.status.dominated'), fill: CHART_COLOURS.negative }]
                : []),
              ...(plane.others.some((p) => p.status === 'extendedly-dominated')
                ? [{ label: t('ce.status.extendedly-dominated'), fill: '#fff', stroke: CHART_COLOURS.costStroke }]
                : []),
              ...(lambda !== undefined ? [{ label: t('ce.plane.threshold'), fill: CHART_COLOURS.muted }] : []),
            ]}
            note={lambda !== undefined ? t('ce.plane.thresholdNote') : undefined}
            table={{
              columns: [
                t('ce.strategies.strategy'),
                t('ce.strategies.costIn', { currency }),
                t('ce.strategies.effectIn', { unit: unitWords }),
                t('ce.strategies.status'),
              ],
              rows: plane.points.map((p) => ({
                key: p.id,
                cells: [p.name, p.costText, p.effectText, statusWord(p.status)],
              })),
            }}
          >
            {(w) => (
              <CePlaneChart
                width={w}
                data={plane}
                locale={locale}
                currency={currency}
                effectUnit={unitWords}
                costLabel={t('ce.plane.cost', { currency })}
                effectLabel={t('ce.plane.effect', { unit: unitWords })}
                statusWord={(p) =>
                  p.status === 'frontier' || p.status === 'reference' ? '' : `(${statusWord(p.status)})`
                }
                willingnessToPay={lambda !== undefined ? new Dec(lambda) : null}
              />
            )}
          </ChartFrame>
        </div>
      )}
    </section>
  );
}
