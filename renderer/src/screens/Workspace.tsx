/**
 * One project's workspace: a side navigation that follows the SROI stages and shows what is still missing,
 * and the screen of the chosen stage. Results are recomputed by the engine whenever the project changes.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeSroi } from '../../../shared/engine';
import type { Project } from '../../../shared/model';
import { api } from '../api/client';
import { fileNameFor, saveTextFile } from '../api/files';
import { MENU_EVENT } from '../app/menu-events';
import { hrefFor, SECTIONS, type Section } from '../app/router';
import { useLocale } from '../hooks/useLocale';
import { useProject } from '../hooks/useProject';
import { formatDecimal } from '../../../shared/format/locale';
import { InputsScreen } from './InputsScreen';
import { OutcomesScreen } from './OutcomesScreen';
import { OutputsScreen } from './OutputsScreen';
import { ReportScreen } from './ReportScreen';
import { ResultsScreen } from './ResultsScreen';
import { ScenariosScreen } from './ScenariosScreen';
import { ScopeScreen } from './ScopeScreen';
import { SensitivityScreen } from './SensitivityScreen';
import { StakeholdersScreen } from './StakeholdersScreen';

/** Whether a stage has what the analysis needs, for the progress marks in the navigation. */
function isComplete(section: Section, project: Project): boolean {
  switch (section) {
    case 'scope':
      return project.name.trim() !== '' && project.organisation.trim() !== '';
    case 'stakeholders':
      return project.stakeholders.length > 0;
    case 'inputs':
      return project.inputs.length > 0;
    case 'outputs':
      return project.outputs.length > 0;
    case 'outcomes':
      return project.outcomes.length > 0;
    case 'results':
      return project.inputs.length > 0 && project.outcomes.length > 0;
    case 'sensitivity':
      return project.outcomes.some((o) => Object.keys(o.uncertainty).length > 0);
    case 'scenarios':
      return project.strategies.length > 1 || project.scenarios.length > 0;
    case 'report':
      return project.inputs.length > 0 && project.outcomes.length > 0;
  }
}

export function Workspace({ projectId, section }: { projectId: string; section: Section }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useProject(projectId);
  const { project, loadError } = state;
  const result = useMemo(() => (project ? computeSroi(project) : null), [project]);
  const [exportMessage, setExportMessage] = useState<string | null>(null);

  const exportProject = useCallback(async () => {
    const file = await api.projects.exportFile(projectId);
    if (!file.ok) return setExportMessage(file.error.message);
    try {
      const saved = await saveTextFile(
        fileNameFor(file.value.project.name, 'sroi.json'),
        'project',
        JSON.stringify(file.value, null, 2),
      );
      setExportMessage(saved ? t('workspace.exported') : null);
    } catch (error) {
      setExportMessage(error instanceof Error ? error.message : String(error));
    }
  }, [projectId, t]);

  const [historyMessage, setHistoryMessage] = useState<string | null>(null);
  const { undo, redo } = state;
  const runHistory = useCallback(async (action: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const outcome = await action();
    setHistoryMessage(outcome.ok ? null : (outcome.error?.message ?? null));
  }, []);

  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo saved edits, except while typing in a field, where the
  // field's own undo applies.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void runHistory(undo);
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void runHistory(redo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, runHistory]);

  useEffect(() => {
    const onMenu = (event: Event) => {
      if ((event as CustomEvent<string>).detail === 'export-project') void exportProject();
    };
    window.addEventListener(MENU_EVENT, onMenu);
    return () => window.removeEventListener(MENU_EVENT, onMenu);
  }, [exportProject]);

  if (loadError) {
    return (
      <main id="main" className="fatal">
        {/* The alert is inside the main landmark: on <main> itself it would replace the landmark. */}
        <div role="alert">
          <h1>{t('workspace.notFound')}</h1>
          <p>{loadError.message}</p>
        </div>
        <a href="#/">{t('workspace.backToProjects')}</a>
      </main>
    );
  }
  if (!project || !result) return <p className="loading">{t('app.loading')}</p>;

  return (
    <div className="workspace">
      <nav className="side-nav" aria-label={t('workspace.stages')}>
        <a href="#/" className="back">
          ← {t('workspace.allProjects')}
        </a>
        <p className="project-name" title={project.name}>
          {project.name}
        </p>
        <ol>
          {SECTIONS.map((s, index) => {
            const done = isComplete(s, project);
            return (
              <li key={s}>
                <a
                  href={hrefFor({ name: 'project', projectId, section: s })}
                  aria-current={s === section ? 'page' : undefined}
                  className={done ? 'done' : 'missing'}
                >
                  <span className="step">{index + 1}</span>
                  <span>{t(`sections.${s}`)}</span>
                  <span className="status">{done ? t('workspace.done') : t('workspace.todo')}</span>
                </a>
              </li>
            );
          })}
        </ol>
        <div className="history-buttons">
          <button type="button" className="nav-button" disabled={!state.canUndo} onClick={() => void runHistory(undo)}>
            {t('workspace.undo')}
          </button>
          <button type="button" className="nav-button" disabled={!state.canRedo} onClick={() => void runHistory(redo)}>
            {t('workspace.redo')}
          </button>
        </div>
        {historyMessage && (
          <p className="nav-message" role="alert">
            {historyMessage}
          </p>
        )}
        <button type="button" className="nav-button" onClick={() => void exportProject()}>
          {t('workspace.export')}
        </button>
        {exportMessage && (
          <p className="nav-message" role="status">
            {exportMessage}
          </p>
        )}
        {result.ratio.value !== null && (
          <p className="nav-ratio" aria-live="polite">
            {t('results.ratioShort')}: <strong>{formatDecimal(result.ratio.value, 2, locale)} : 1</strong>
          </p>
        )}
      </nav>
      <main id="main" className="stage">
        {section === 'scope' && <ScopeScreen state={state} project={project} />}
        {section === 'stakeholders' && <StakeholdersScreen state={state} project={project} />}
        {section === 'inputs' && <InputsScreen state={state} project={project} result={result} />}
        {section === 'outputs' && <OutputsScreen state={state} project={project} />}
        {section === 'outcomes' && <OutcomesScreen state={state} project={project} result={result} />}
        {section === 'results' && <ResultsScreen project={project} result={result} />}
        {section === 'sensitivity' && <SensitivityScreen state={state} project={project} result={result} />}
        {section === 'scenarios' && <ScenariosScreen state={state} project={project} result={result} />}
        {section === 'report' && <ReportScreen state={state} project={project} result={result} />}
      </main>
    </div>
  );
}
