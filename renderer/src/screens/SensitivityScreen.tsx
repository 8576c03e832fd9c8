/**
 * Stage 7, sensitivity and uncertainty: how far each assumption must move for the ratio to be 1 : 1
 * (switching values, in words), what the ratio does when each assumption takes a low or a high value (the
 * tornado), and how uncertain the ratio is when the assumptions carry distributions (Monte Carlo, in a Web
 * Worker, with its progress and a cancel button; for strategies, the CE plane and the acceptability curve).
 * Distributions are saved on their outcome or strategy, and the last finished run with the project.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import { UNCERTAIN_FIELDS } from '../../../shared/engine/uncertainty';
import type { Distribution } from '../../../shared/model/distribution';
import type { Outcome, Project } from '../../../shared/model/schema';
import type { ProjectState } from '../hooks/useProject';
import { DistributionEditor } from '../sensitivity/DistributionEditor';
import type { DistributionTarget } from '../sensitivity/distribution-form';
import { MonteCarloPanel } from '../sensitivity/MonteCarloPanel';
import { OneWayPanel } from '../sensitivity/OneWayPanel';
import type { StartRun } from '../sensitivity/runner';
import { SwitchingTable } from '../sensitivity/SwitchingTable';
import '../charts/charts.css';
import '../sensitivity/sensitivity.css';

type UncertainField = (typeof UNCERTAIN_FIELDS)[number];

function baseOf(outcome: Outcome, field: UncertainField): string {
  return field === 'proxy' ? outcome.proxy.value : outcome[field];
}

export interface SensitivityScreenProps {
  state: ProjectState;
  project: Project;
  result: SroiResult;
  /** How Monte Carlo runs are started (a Web Worker unless a test says otherwise). */
  startRun?: StartRun;
}

export function SensitivityScreen({ state, project, result, startRun }: SensitivityScreenProps) {
  const { t } = useTranslation();
  const ready = project.outcomes.length > 0;

  const outcomeTargets = useMemo(
    (): DistributionTarget[] =>
      project.outcomes.flatMap((o) =>
        UNCERTAIN_FIELDS.map((field): DistributionTarget => ({
          key: `${o.id}:${field}`,
          group: o.name,
          field: t(`sensitivity.fields.${field}`),
          kind: field === 'quantity' ? 'quantity' : field === 'proxy' ? 'proxy' : 'fraction',
          base: baseOf(o, field),
          currency: field === 'proxy' ? o.proxy.currency : undefined,
          current: o.uncertainty[field],
        })),
      ),
    [project.outcomes, t],
  );

  const strategyTargets = useMemo(
    (): DistributionTarget[] =>
      project.strategies.flatMap((s) =>
        (['cost', 'effect'] as const).map((field): DistributionTarget => ({
          key: `${s.id}:${field}`,
          group: s.name,
          field: t(`sensitivity.fields.${field}`),
          kind: field,
          base: s[field],
          currency: field === 'cost' ? project.currency : undefined,
          unitLabel: field === 'effect' ? project.effectUnit : undefined,
          current: s.uncertainty[field],
        })),
      ),
    [project.strategies, project.currency, project.effectUnit, t],
  );

  // Each distribution is saved on its item, starting from the item's latest saved version (patchItem), so a
  // quick second edit never undoes the first; undo and redo follow like any other edit.
  const saveOutcome = async (target: DistributionTarget, distribution: Distribution | null) => {
    const [outcomeId, field] = target.key.split(':') as [string, UncertainField];
    const saved = await state.patchItem('outcomes', outcomeId, (latest) => {
      const uncertainty = { ...latest.uncertainty };
      if (distribution === null) delete uncertainty[field];
      else uncertainty[field] = distribution;
      return { ...latest, uncertainty };
    });
    return saved.ok ? null : (saved.error.fields?.[0]?.message ?? saved.error.message);
  };

  const saveStrategy = async (target: DistributionTarget, distribution: Distribution | null) => {
    const [strategyId, field] = target.key.split(':') as [string, 'cost' | 'effect'];
    const saved = await state.patchItem('strategies', strategyId, (latest) => {
      const uncertainty = { ...latest.uncertainty };
      if (distribution === null) delete uncertainty[field];
      else uncertainty[field] = distribution;
      return { ...latest, uncertainty };
    });
    return saved.ok ? null : (saved.error.fields?.[0]?.message ?? saved.error.message);
  };

  return (
    <section aria-labelledby="sensitivity-title" className="sensitivity">
      <h1 id="sensitivity-title">{t('sensitivity.title')}</h1>
      <p className="lead">{t('sensitivity.lead')}</p>
      {!ready ? (
        <p className="notice">{t('sensitivity.notReady')}</p>
      ) : (
        <>
          <SwitchingTable project={project} result={result} />
          <OneWayPanel key={project.id} project={project} />
        </>
      )}
      <DistributionEditor
        id="outcome-distributions"
        title={t('sensitivity.distribution.title')}
        lead={t('sensitivity.distribution.lead')}
        targets={outcomeTargets}
        onSave={(target, d) => saveOutcome(target, d)}
        onRemove={(target) => saveOutcome(target, null)}
      />
      {project.strategies.length >= 2 && (
        <DistributionEditor
          id="strategy-distributions"
          title={t('sensitivity.distribution.strategiesTitle')}
          lead={t('sensitivity.distribution.strategiesLead')}
          targets={strategyTargets}
          onSave={(target, d) => saveStrategy(target, d)}
          onRemove={(target) => saveStrategy(target, null)}
        />
      )}
      {ready && (
        <MonteCarloPanel
          key={project.id}
          project={project}
          saveRun={(run) => state.saveSimulation(run)}
          startRun={startRun}
        />
      )}
    </section>
  );
}
