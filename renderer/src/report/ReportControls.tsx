/**
 * What goes in the report: the sections (each with a line on what it holds), the paper, which stories (only
 * those told with consent can be chosen), and the Monte Carlo run's size and seed when assumptions carry
 * distributions.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/model';
import { hasUncertainty } from '../../../shared/report/analysis';
import { MAX_REPORT_ITERATIONS, orderedSections, type ReportOptions } from '../../../shared/report/options';
import { PAPER_SIZES, REPORT_SECTIONS, type ReportSectionId } from '../../../shared/report/types';

export interface ReportControlsProps {
  project: Project;
  options: ReportOptions;
  onChange: (options: ReportOptions) => void;
}

function clampWhole(text: string, min: number, max: number, fallback: number): number {
  const value = Number(text.replace(/[^\d]/g, ''));
  if (!Number.isFinite(value) || text.trim() === '') return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function ReportControls({ project, options, onChange }: ReportControlsProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (changes: Partial<ReportOptions>) => onChange({ ...options, ...changes });
  const toggleSection = (section: ReportSectionId, on: boolean) =>
    set({
      sections: on ? orderedSections([...options.sections, section]) : options.sections.filter((s) => s !== section),
    });

  const consented = project.stories.filter((s) => s.consent);
  const withoutConsent = project.stories.length - consented.length;
  const chosenStories = options.storyIds ?? consented.map((s) => s.id);
  const toggleStory = (storyId: string, on: boolean) => {
    const next = on ? [...chosenStories, storyId] : chosenStories.filter((s) => s !== storyId);
    set({ storyIds: consented.filter((s) => next.includes(s.id)).map((s) => s.id) });
  };
  const outcomeName = (outcomeId: string | null) =>
    project.outcomes.find((o) => o.id === outcomeId)?.name ?? t('report.stories.general');

  return (
    <div className="report-controls">
      <fieldset>
        <legend>{t('report.screen.sections')}</legend>
        <div className="select-all">
          <button type="button" onClick={() => set({ sections: [...REPORT_SECTIONS] })}>
            {t('report.screen.all')}
          </button>
          <button type="button" onClick={() => set({ sections: [] })}>
            {t('report.screen.none')}
          </button>
        </div>
        {REPORT_SECTIONS.map((section) => (
          <label key={section} className="checkbox">
            <input
              type="checkbox"
              checked={options.sections.includes(section)}
              onChange={(e) => toggleSection(section, e.target.checked)}
              aria-describedby={`${id}-${section}-help`}
            />
            <span>
              {t(`report.sections.${section}`)}
              <span className="choice-help" id={`${id}-${section}-help`}>
                {t(`report.sectionHelp.${section}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('report.screen.paper')}</legend>
        {PAPER_SIZES.map((paper) => (
          <label key={paper} className="checkbox">
            <input
              type="radio"
              name={`${id}-paper`}
              checked={options.paper === paper}
              onChange={() => set({ paper })}
            />
            <span>{t(paper === 'A4' ? 'report.screen.a4' : 'report.screen.letter')}</span>
          </label>
        ))}
      </fieldset>

      {options.sections.includes('stories') && (
        <fieldset>
          <legend>{t('report.screen.stories')}</legend>
          <p className="choice-help">{t('report.screen.storiesHelp')}</p>
          {consented.length === 0 && <p className="choice-help">{t('report.screen.noStories')}</p>}
          {consented.map((story) => (
            <label key={story.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosenStories.includes(story.id)}
                onChange={(e) => toggleStory(story.id, e.target.checked)}
              />
              <span>
                {story.text.length > 70 ? `${story.text.slice(0, 70)}…` : story.text}
                <span className="choice-help">{outcomeName(story.outcomeId)}</span>
              </span>
            </label>
          ))}
          {withoutConsent > 0 && (
            <p className="choice-help">{t('report.screen.storiesWithout', { count: withoutConsent })}</p>
          )}
        </fieldset>
      )}

      {options.sections.includes('sensitivity') && hasUncertainty(project) && (
        <fieldset>
          <legend>{t('report.screen.monteCarlo')}</legend>
          <div className="number-fields">
            <label>
              {t('report.screen.iterations')}
              <input
                type="number"
                min={100}
                max={MAX_REPORT_ITERATIONS}
                step={1000}
                value={options.monteCarlo.iterations}
                onChange={(e) =>
                  set({
                    monteCarlo: {
                      ...options.monteCarlo,
                      iterations: clampWhole(e.target.value, 100, MAX_REPORT_ITERATIONS, options.monteCarlo.iterations),
                    },
                  })
                }
              />
            </label>
            <label>
              {t('report.screen.seed')}
              <input
                type="number"
                min={0}
                value={options.monteCarlo.seed}
                onChange={(e) =>
                  set({
                    monteCarlo: {
                      ...options.monteCarlo,
                      seed: clampWhole(e.target.value, 0, 2 ** 32 - 1, options.monteCarlo.seed),
                    },
                  })
                }
              />
            </label>
          </div>
          <p className="choice-help">{t('report.screen.monteCarloHelp')}</p>
        </fieldset>
      )}
    </div>
  );
}
