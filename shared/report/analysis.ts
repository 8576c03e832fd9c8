/**
 * Every engine result a report draws on, computed once: the SROI result, and only for the sections chosen the
 * costlier ones (cost-effectiveness, switching values found by bisection, one-way sensitivity, Monte Carlo).
 * The HTML view reads the same object for its charts, so a chart and the table beside it never disagree.
 */
import {
  computeCostEffectiveness,
  computeSroi,
  numericSwitchingValues,
  oneWaySensitivity,
  simulate,
  type CostEffectivenessResult,
  type MonteCarloResult,
  type NumericSwitching,
  type OneWayResult,
  type SroiResult,
} from '../engine';
import type { Project } from '../model/schema';
import type { ReportOptions } from './options';

export interface ReportAnalysis {
  result: SroiResult;
  costEffectiveness: CostEffectivenessResult | null;
  numericSwitching: NumericSwitching | null;
  oneWay: OneWayResult | null;
  /** Null when no assumption carries a distribution (or the sensitivity section is not chosen). */
  monteCarlo: MonteCarloResult | null;
}

/** True when at least one assumption carries a distribution other than "fixed": Monte Carlo has something to do. */
export function hasUncertainty(project: Project): boolean {
  return project.outcomes.some((o) => Object.values(o.uncertainty).some((d) => d !== undefined && d.type !== 'fixed'));
}

export function analyseProject(
  project: Project,
  options: Pick<ReportOptions, 'sections' | 'monteCarlo'>,
  result: SroiResult = computeSroi(project),
): ReportAnalysis {
  const wants = (id: ReportOptions['sections'][number]) => options.sections.includes(id);
  const sensitivity = wants('sensitivity');
  let monteCarlo: MonteCarloResult | null = null;
  if (sensitivity && hasUncertainty(project)) {
    const run = simulate(project, { iterations: options.monteCarlo.iterations, seed: options.monteCarlo.seed });
    if (run.status === 'complete') monteCarlo = run;
  }
  return {
    result,
    costEffectiveness: wants('costEffectiveness') ? computeCostEffectiveness(project) : null,
    numericSwitching: sensitivity && project.outcomes.length > 0 ? numericSwitchingValues(project) : null,
    oneWay:
      sensitivity && (project.outcomes.length > 0 || project.inputs.length > 0) ? oneWaySensitivity(project) : null,
    monteCarlo,
  };
}
