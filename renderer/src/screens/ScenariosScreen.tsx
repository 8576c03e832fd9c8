/**
 * Stage "Cost-effectiveness and scenarios": one cost base (the Investment of the SROI ratio) feeds the
 * cost-effectiveness indicators, the funder view, the comparison of strategies and the scenarios.
 *
 *   {section === 'scenarios' && <ScenariosScreen state={state} project={project} result={result} />}
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import { compareScenarios } from '../../../shared/engine/scenario';
import type { Project } from '../../../shared/model';
import { FunderView } from '../ce/FunderView';
import { Indicators } from '../ce/Indicators';
import type { SaveCe } from '../ce/inputs';
import { saveOnEnter } from '../ce/parts';
import { Scenarios } from '../ce/Scenarios';
import { Strategies } from '../ce/Strategies';
import type { ProjectState } from '../hooks/useProject';
import '../charts/charts.css';
import '../ce/ce.css';

export function ScenariosScreen({
  state,
  project,
  result,
  chartWidth,
}: {
  state: ProjectState;
  project: Project;
  result: SroiResult;
  /** Draw the charts at this width (tests, reports) instead of their place on the screen. */
  chartWidth?: number;
}) {
  const { t } = useTranslation();
  // The stage's own inputs are saved with the project, each change applied to the latest saved version (queued
  // and undoable like every other edit).
  const { updateScope } = state;
  const save: SaveCe = useCallback(
    (change) => updateScope((latest) => ({ costEffectiveness: change(latest.costEffectiveness) })),
    [updateScope],
  );
  const comparison = useMemo(() => compareScenarios(project, project.scenarios, t('ce.scenarios.base')), [project, t]);

  const parts = [
    ['ce-indicators-title', t('ce.indicators.title')],
    ['ce-funders-title', t('ce.funders.title')],
    ['ce-strategies-title', t('ce.strategies.title')],
    ['ce-scenarios-title', t('ce.scenarios.title')],
  ] as const;

  return (
    <section aria-labelledby="ce-title" className="ce-screen" onKeyDown={saveOnEnter}>
      <h1 id="ce-title">{t('ce.title')}</h1>
      <p className="lead">{t('ce.lead')}</p>
      <nav className="ce-toc" aria-label={t('ce.toc')}>
        <ul>
          {parts.map(([id, label]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                onClick={(e) => {
                  // The address is the route: scroll without changing it.
                  e.preventDefault();
                  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Indicators project={project} result={result} save={save} />
      <FunderView project={project} result={result} save={save} />
      <Strategies state={state} project={project} scenarios={comparison} save={save} chartWidth={chartWidth} />
      <Scenarios state={state} project={project} comparison={comparison} chartWidth={chartWidth} />
    </section>
  );
}
