/**
 * Stage 5, the impact map: one card per outcome with every field of METHOD.md (quantity, proxy with its
 * source, currency and price year, duration, start, deadweight, displacement, attribution, drop-off), the
 * guard-rail warnings in place, and the impact the engine computes from them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import type { Outcome, Project } from '../../../shared/model';
import { formatDecimal } from '../../../shared/format/locale';
import { NumberField, SelectField, TextField } from '../components/fields';
import { ExplainButton } from '../components/ExplainButton';
import { StoriesPanel } from '../stories/StoriesPanel';
import { OutcomeLibrary } from '../library/OutcomeLibrary';
import { useLocale } from '../hooks/useLocale';
import { EngineMessage } from '../i18n/engine-text';
import type { ProjectState } from '../hooks/useProject';

export function newOutcome(project: Project, name: string): Outcome {
  return {
    id: crypto.randomUUID(),
    stakeholderId: project.stakeholders[0].id,
    name,
    indicator: '',
    evidenceSource: '',
    quantity: '0',
    proxy: {
      description: name,
      value: '0',
      currency: project.currency,
      priceYear: project.priceYear,
      source: '',
      sourceUrl: '',
      libraryId: null,
      priceIndex: null,
      exchangeRate: null,
    },
    duration: 1,
    start: 'during',
    deadweight: '0',
    displacement: '0',
    attribution: '0',
    dropOff: '0',
    attributionShares: [],
    intended: true,
    notes: '',
    uncertainty: {},
  };
}

export function OutcomesScreen({
  state,
  project,
  result,
}: {
  state: ProjectState;
  project: Project;
  result: SroiResult;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stakeholderOptions = project.stakeholders.map((s) => ({ value: s.id, label: s.name }));
  // Field edits start from the latest saved outcome, so quick edits of two fields never undo each other.
  const save = (outcome: Outcome, changes: Partial<Outcome>) =>
    state.patchItem('outcomes', outcome.id, (latest) => ({ ...latest, ...changes }));
  const saveProxy = (outcome: Outcome, changes: Partial<Outcome['proxy']>) =>
    state.patchItem('outcomes', outcome.id, (latest) => ({ ...latest, proxy: { ...latest.proxy, ...changes } }));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (project.stakeholders.length === 0) return setError(t('outcomes.needStakeholder'));
    if (name.trim() === '') return setError(t('outcomes.nameRequired'));
    const saved = await state.saveItem('outcomes', newOutcome(project, name.trim()));
    if (!saved.ok) return setError(saved.error.message);
    setName('');
    setError(null);
  };

  return (
    <section aria-labelledby="outcomes-title">
      <h1 id="outcomes-title">{t('sections.outcomes')}</h1>
      <p className="lead">{t('outcomes.lead')}</p>
      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}
      {project.outcomes.map((outcome, index) => {
        const computed = result.outcomes[index];
        const warnings = result.warnings.filter(
          (w) => w.path === `outcomes[${index}]` || w.path.startsWith(`outcomes[${index}].`),
        );
        return (
          <article key={outcome.id} className="card item outcome" aria-label={outcome.name}>
            <div className="form-grid">
              <TextField
                label={t('outcomes.name')}
                value={outcome.name}
                required
                onCommit={(v) => save(outcome, { name: v })}
              />
              <SelectField
                label={t('outcomes.stakeholder')}
                value={outcome.stakeholderId}
                options={stakeholderOptions}
                onCommit={(v) => save(outcome, { stakeholderId: v })}
              />
              <TextField
                label={t('outcomes.indicator')}
                value={outcome.indicator}
                help={t('outcomes.indicatorHelp')}
                onCommit={(v) => save(outcome, { indicator: v })}
              />
              <TextField
                label={t('outcomes.evidence')}
                value={outcome.evidenceSource}
                help={t('outcomes.evidenceHelp')}
                onCommit={(v) => save(outcome, { evidenceSource: v })}
              />
              <NumberField
                label={t('outcomes.quantity')}
                value={outcome.quantity}
                min={0}
                help={t('outcomes.quantityHelp')}
                onCommit={(v) => save(outcome, { quantity: v })}
              />
              <TextField
                label={t('outcomes.proxyDescription')}
                value={outcome.proxy.description}
                required
                onCommit={(v) => saveProxy(outcome, { description: v })}
              />
              <NumberField
                label={t('outcomes.proxyValue')}
                value={outcome.proxy.value}
                unit={outcome.proxy.currency}
                help={t('outcomes.proxyValueHelp')}
                onCommit={(v) => saveProxy(outcome, { value: v })}
              />
              <TextField
                label={t('outcomes.proxySource')}
                value={outcome.proxy.source}
                help={t('outcomes.proxySourceHelp')}
                onCommit={(v) => saveProxy(outcome, { source: v })}
              />
              <NumberField
                label={t('outcomes.priceYear')}
                value={String(outcome.proxy.priceYear)}
                integer
                min={1900}
                max={2200}
                onCommit={(v) => saveProxy(outcome, { priceYear: Number(v) })}
              />
              <NumberField
                label={t('outcomes.duration')}
                value={String(outcome.duration)}
                integer
                min={0}
                max={100}
                unit={t('outcomes.years')}
                help={t('outcomes.durationHelp')}
                onCommit={(v) => save(outcome, { duration: Number(v) })}
              />
              <SelectField
                label={t('outcomes.start')}
                value={outcome.start}
                options={[
                  { value: 'during', label: t('outcomes.during') },
                  { value: 'after', label: t('outcomes.after') },
                ]}
                onCommit={(start) => save(outcome, { start })}
              />
              <NumberField
                label={t('outcomes.deadweight')}
                value={outcome.deadweight}
                percent
                help={t('outcomes.deadweightHelp')}
                onCommit={(v) => save(outcome, { deadweight: v })}
              />
              <NumberField
                label={t('outcomes.displacement')}
                value={outcome.displacement}
                percent
                help={t('outcomes.displacementHelp')}
                onCommit={(v) => save(outcome, { displacement: v })}
              />
              <NumberField
                label={t('outcomes.attribution')}
                value={outcome.attribution}
                percent
                help={t('outcomes.attributionHelp')}
                onCommit={(v) => save(outcome, { attribution: v })}
              />
              <NumberField
                label={t('outcomes.dropOff')}
                value={outcome.dropOff}
                percent
                help={t('outcomes.dropOffHelp')}
                onCommit={(v) => save(outcome, { dropOff: v })}
              />
            </div>
            {warnings.length > 0 && (
              <ul className="warnings" aria-label={t('outcomes.warnings')}>
                {warnings.map((w) => (
                  <li key={w.code + w.path}>
                    <EngineMessage text={w.text} english={w.message} />
                  </li>
                ))}
              </ul>
            )}
            {computed && (
              <p className="computed">
                {t('outcomes.impact')}:{' '}
                <strong>
                  {formatDecimal(computed.impact.value, 2, locale)} {project.currency}
                </strong>{' '}
                <ExplainButton explanation={computed.impact.explain} currency={project.currency} />
                {' · '}
                {t('outcomes.presentValue')}:{' '}
                <strong>
                  {formatDecimal(computed.presentValue.value, 2, locale)} {project.currency}
                </strong>{' '}
                <ExplainButton explanation={computed.presentValue.explain} currency={project.currency} />
              </p>
            )}
            <OutcomeLibrary state={state} project={project} outcome={outcome} />
            <StoriesPanel state={state} project={project} outcomeId={outcome.id} />
            <button type="button" className="danger" onClick={() => void state.deleteItem('outcomes', outcome.id)}>
              {t('outcomes.delete', { name: outcome.name })}
            </button>
          </article>
        );
      })}
      <form className="card add-form" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label htmlFor="new-outcome">{t('outcomes.newName')}</label>
          <input
            id="new-outcome"
            value={name}
            placeholder={t('outcomes.example')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="primary">
          {t('outcomes.add')}
        </button>
      </form>
    </section>
  );
}
