/**
 * A finished Monte Carlo run as the project stores it (shared/model/simulation.ts: SimulationRun): its
 * settings and seed, the fingerprint of the model it ran on, and its results. The record is checked against the
 * model's own schema before it is saved, so what is shown after a reload is exactly what was checked.
 *
 * Monte Carlo works in floats. Ratios that are not finite numbers are already "none" (null) in the summaries;
 * any other figure that overflowed (a proxy of 10^400 typed in the model reads as Infinity as a float) makes the
 * record fail the schema, and the run is then shown but not kept, with the reason.
 */
import { strategyUncertaintyOf, type StrategyPsaSettings } from '../../../shared/engine/uncertainty';
import type { Project } from '../../../shared/model/schema';
import { SimulationRun, type MonteCarloSummary, type PsaSummary } from '../../../shared/model/simulation';

export interface RunRecordInput {
  project: Project;
  iterations: number;
  seed: number;
  histogramBins: number;
  strategies: StrategyPsaSettings | null;
  fingerprint: string;
  elapsedMs: number;
  summary: MonteCarloSummary;
  psa: PsaSummary | null;
  /** When the run finished (now, unless a test says otherwise). */
  ranAt?: Date;
  id?: string;
}

export type BuiltRun = { ok: true; run: SimulationRun } | { ok: false; run: SimulationRun; problem: string };

export function buildRunRecord(input: RunRecordInput): BuiltRun {
  const run: SimulationRun = {
    id: input.id ?? crypto.randomUUID(),
    ranAt: (input.ranAt ?? new Date()).toISOString(),
    iterations: input.iterations,
    seed: input.seed,
    histogramBins: input.histogramBins,
    modelFingerprint: input.fingerprint,
    elapsedMs: Math.max(0, Math.round(input.elapsedMs)),
    summary: input.summary,
    psa: input.psa,
    strategySettings:
      input.strategies === null
        ? null
        : {
            uncertainty: strategyUncertaintyOf(input.project),
            comparatorId: input.strategies.comparatorId,
            wtpMax: input.strategies.wtpMax,
          },
  };
  const checked = SimulationRun.safeParse(run);
  if (checked.success) return { ok: true, run: checked.data };
  const issue = checked.error.issues[0];
  return { ok: false, run, problem: `${issue.path.join('.')}: ${issue.message}` };
}
