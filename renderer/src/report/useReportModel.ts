/**
 * The report's content for a project and the user's choices, in the interface language and the number
 * locale: the engine results (recomputed only when the project or the choices that need them change) and
 * the content model built from them (types in shared/report/types.ts).
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import type { Project } from '../../../shared/model';
import { analyseProject, type ReportAnalysis } from '../../../shared/report/analysis';
import { buildReport } from '../../../shared/report/build';
import type { ReportOptions } from '../../../shared/report/options';
import type { ReportModel, Translate } from '../../../shared/report/types';
import { useLocale } from '../hooks/useLocale';

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function useReportText(): Translate {
  const { t } = useTranslation();
  return useCallback<Translate>((key, values) => t(`report.${key}`, values ?? {}), [t]);
}

export function useReportModel(
  project: Project,
  options: ReportOptions,
  extra: { result?: SroiResult; date?: string; appVersion?: string } = {},
): { analysis: ReportAnalysis; model: ReportModel; locale: string } {
  const { i18n, t: rootT } = useTranslation();
  const t = useReportText();
  // The engine's sentences (warnings, refusals) come from the root catalogue's "engine" keys.
  const engine = useCallback<Translate>((key, values) => rootT(key, values ?? {}), [rootT]);
  const locale = useLocale();
  const { result, date, appVersion } = extra;
  // Only two sections need more than the SROI result; choosing any other section recomputes nothing.
  const sensitivity = options.sections.includes('sensitivity');
  const costEffectiveness = options.sections.includes('costEffectiveness');
  const { iterations, seed } = options.monteCarlo;
  const analysis = useMemo(() => {
    const sections: ReportOptions['sections'] = [];
    if (sensitivity) sections.push('sensitivity');
    if (costEffectiveness) sections.push('costEffectiveness');
    return analyseProject(project, { sections, monteCarlo: { iterations, seed } }, result);
  }, [project, result, sensitivity, costEffectiveness, iterations, seed]);
  const model = useMemo(
    () =>
      buildReport({
        project,
        analysis,
        options,
        t,
        engine,
        locale,
        language: i18n.language,
        date: date ?? today(),
        appVersion: appVersion ?? __APP_VERSION__,
      }),
    [project, analysis, options, t, engine, locale, i18n.language, date, appVersion],
  );
  return { analysis, model, locale };
}
