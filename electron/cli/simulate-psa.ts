/**
 * The strategies' part of `sroi simulate` (METHOD.md sections 2 and 3), for a model with two strategies or
 * more: each strategy's cost and effect drawn from its own `uncertainty`, then, against a comparator (the first
 * strategy, or --comparator ID), the mean incremental cost and effect, the PSA ICER and the quadrants; the
 * probability that each strategy is cost-effective at the willingness to pay of the chosen threshold; and the
 * acceptability curve over a grid (--wtp-max, --wtp-points).
 *
 * The threshold is the project's `costEffectiveness.thresholdId` when it names one of the file's own
 * `costEffectiveness.thresholds`, in the project's currency and per the strategies' unit of effect (the app's
 * rule: no silent conversion). When it cannot be used, the output says why.
 */
import { thresholdFit } from '../../shared/engine/ce/thresholds';
import { defaultWtpMax } from '../../shared/engine/uncertainty';
import { formatFixed, formatMoney, formatNumber, formatPercent } from '../../shared/format/number';
import type { Distribution } from '../../shared/model/distribution';
import type { Project } from '../../shared/model/schema';
import { CliError, ExitCode } from './exit-codes';
import { positiveOption, wholeOption } from './number-options';
import type { SimulateWorkerPsa, SimulateWorkerPsaResult } from './simulate-worker';
import { renderPairs, renderTable } from './text-table';

export interface PsaOptions {
  comparator?: string;
  wtpMax?: string;
  wtpPoints?: string;
}

export const DEFAULT_WTP_POINTS = 11;
export const MAX_WTP_POINTS = 1001;

/** The threshold as the output names it. */
export interface PsaThreshold {
  id: string;
  label: string;
  /** The decimal string of the file. */
  value: string;
  unit: string;
  currency: string;
}

export interface PsaPlan {
  worker: SimulateWorkerPsa;
  comparatorGiven: boolean;
  wtpMaxGiven: boolean;
  threshold: PsaThreshold | null;
  /** Why the chosen threshold is not used (null when it is, or when none is chosen). */
  thresholdNote: string | null;
}

function chosenThreshold(project: Project): { threshold: PsaThreshold | null; note: string | null } {
  const ce = project.costEffectiveness;
  const id = ce.thresholdId;
  if (id === null || id === '') return { threshold: null, note: null };
  const own = ce.thresholds.find((t) => t.id === id);
  if (own === undefined) {
    return {
      threshold: null,
      note: `the chosen threshold "${id}" is not one of the file's own (costEffectiveness.thresholds), so it is not used here`,
    };
  }
  const threshold: PsaThreshold = {
    id: own.id,
    label: own.label,
    value: own.value,
    unit: own.unit,
    currency: own.currency,
  };
  const fit = thresholdFit(own, project);
  if (!fit.ok && fit.reason === 'currency') {
    return {
      threshold: null,
      note: `the threshold "${own.label}" is in ${own.currency} and the strategies in ${project.currency}: not used (no silent conversion)`,
    };
  }
  if (!fit.ok) {
    return {
      threshold: null,
      note: `the threshold "${own.label}" is per ${own.unit} and the strategies' effect is in ${project.effectUnit || '(no unit given)'}: not used`,
    };
  }
  return { threshold, note: null };
}

/**
 * What the worker should do for the strategies, from the options and the file; null with fewer than two
 * strategies. A wrong option is a usage error (exit 2) naming it.
 */
export function planPsa(project: Project, options: PsaOptions): PsaPlan | null {
  const points =
    options.wtpPoints === undefined
      ? DEFAULT_WTP_POINTS
      : wholeOption(options.wtpPoints, '--wtp-points', 2, MAX_WTP_POINTS);
  const given = options.wtpMax === undefined ? null : positiveOption(options.wtpMax, '--wtp-max');
  if (project.strategies.length < 2) {
    if (options.comparator !== undefined) {
      throw new CliError(
        ExitCode.Usage,
        `--comparator needs a model with two strategies or more; this one has ${project.strategies.length}`,
      );
    }
    return null;
  }
  const comparatorId = options.comparator ?? project.strategies[0].id;
  if (!project.strategies.some((s) => s.id === comparatorId)) {
    const known = project.strategies.map((s) => `${s.id} (${s.name})`).join(', ');
    throw new CliError(
      ExitCode.Usage,
      `--comparator: no strategy "${comparatorId}" in the file; its strategies are ${known}`,
    );
  }
  const { threshold, note } = chosenThreshold(project);
  const lambda = threshold === null ? null : Number(threshold.value);
  return {
    worker: {
      comparatorId,
      wtpMax: given ?? defaultWtpMax(project, lambda ?? undefined),
      points,
      threshold: lambda,
    },
    comparatorGiven: options.comparator !== undefined,
    wtpMaxGiven: given !== null,
    threshold,
    thresholdNote: note,
  };
}

/** The options that repeat this part of the run (the defaults follow from the file, so only what was given). */
export function psaRerunOptions(plan: PsaPlan | null, options: PsaOptions): string {
  if (plan === null) return '';
  const parts: string[] = [];
  if (plan.comparatorGiven) parts.push(`--comparator ${plan.worker.comparatorId}`);
  if (plan.wtpMaxGiven) parts.push(`--wtp-max ${plan.worker.wtpMax}`);
  if (options.wtpPoints !== undefined) parts.push(`--wtp-points ${plan.worker.points}`);
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Output

export interface PsaOutput {
  comparator: { id: string; name: string; given: boolean };
  wtp: { max: number; points: number; maxGiven: boolean };
  /** Each strategy's distributions as the file gives them (null: the entered value in every iteration). */
  strategies: Array<{ id: string; name: string; cost: Distribution | null; effect: Distribution | null }>;
  /** The CE plane (no scatter) and the CEAC over the grid: the app's PsaSummary. */
  result: SimulateWorkerPsaResult['summary'];
  threshold:
    | (PsaThreshold & {
        lambda: number;
        strategies: Array<{ id: string; name: string; probabilityCostEffective: number; expectedNmb: number }>;
        highestExpectedNmbId: string;
      })
    | null;
  thresholdNote: string | null;
}

export function psaOutput(project: Project, plan: PsaPlan, result: SimulateWorkerPsaResult): PsaOutput {
  const comparator = project.strategies.find((s) => s.id === plan.worker.comparatorId);
  const at = result.atThreshold;
  return {
    comparator: { id: plan.worker.comparatorId, name: comparator?.name ?? '', given: plan.comparatorGiven },
    wtp: { max: plan.worker.wtpMax, points: plan.worker.points, maxGiven: plan.wtpMaxGiven },
    strategies: project.strategies.map((s) => ({
      id: s.id,
      name: s.name,
      cost: s.uncertainty.cost ?? null,
      effect: s.uncertainty.effect ?? null,
    })),
    result: result.summary,
    threshold:
      plan.threshold === null || at === null
        ? null
        : {
            ...plan.threshold,
            lambda: at.lambda,
            strategies: result.summary.ceac.strategies.map((s, i) => ({
              id: s.id,
              name: s.name,
              probabilityCostEffective: at.shares[i],
              expectedNmb: at.expectedNmb[i],
            })),
            highestExpectedNmbId: at.optimalId,
          },
    thresholdNote: plan.thresholdNote,
  };
}

function heading(text: string): string[] {
  return ['', text, '-'.repeat([...text].length)];
}

function distributionText(d: Distribution | null, entered: string): string {
  if (d === null || d.type === 'fixed') return `entered value (${formatNumber(entered, 4)})`;
  const params = Object.entries(d)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key} ${formatNumber(String(value), 6)}`);
  return `${d.type}: ${params.join(', ')}`;
}

const share = (p: number) => formatPercent(p, 1, true);
const probability = (p: number) => `${formatFixed(p, 4)} (${formatPercent(p, 1, true)})`;

export function formatPsa(project: Project, psa: PsaOutput, iterations: number): string[] {
  const r = psa.result;
  const unit = r.effectUnit || 'units of effect';
  const money = (x: number) => formatFixed(x, 2);
  const lines: string[] = [];
  lines.push(
    ...heading(
      `Strategies: probabilistic cost-effectiveness (${project.strategies.length} strategies; ${formatNumber(iterations, 0)} iterations)`,
    ),
  );
  lines.push(
    ...renderPairs([
      [
        'Compared with',
        `${psa.comparator.name} (${psa.comparator.id})${psa.comparator.given ? '' : ': the first strategy; --comparator ID for another'}`,
      ],
      ['Effect unit', unit],
      ['Currency', r.currency],
    ]),
  );
  lines.push('');
  lines.push(
    ...renderTable(
      [{ header: 'Strategy' }, { header: 'Cost drawn from' }, { header: 'Effect drawn from' }],
      psa.strategies.map((s) => {
        const entered = project.strategies.find((x) => x.id === s.id);
        return [
          s.name,
          distributionText(s.cost, entered?.cost ?? '0'),
          distributionText(s.effect, entered?.effect ?? '0'),
        ];
      }),
    ),
  );
  lines.push('');
  lines.push(
    ...renderTable(
      [
        { header: `Against ${psa.comparator.name}` },
        { header: `Mean extra cost (${r.currency})`, align: 'right' },
        { header: `Mean extra effect`, align: 'right' },
        { header: 'ICER (mean dC / mean dE) or verdict' },
        { header: 'NE', align: 'right' },
        { header: 'NW', align: 'right' },
        { header: 'SE', align: 'right' },
        { header: 'SW', align: 'right' },
      ],
      r.plane.map((s) => [
        s.name,
        money(s.meanDeltaCost),
        formatFixed(s.meanDeltaEffect, 4),
        s.icer === null ? s.verdict.replace(/-/g, ' ') : `${formatMoney(s.icer, r.currency)} per ${unit}`,
        share(s.quadrantShares.NE),
        share(s.quadrantShares.NW),
        share(s.quadrantShares.SE),
        share(s.quadrantShares.SW),
      ]),
    ),
  );
  lines.push(
    '',
    '  NE: more costly and more effective; NW: more costly, less effective; SE: cheaper and more effective;',
    '  SW: cheaper, less effective (shares of iterations). The ICER is mean dC / mean dE, not a mean of ratios.',
  );

  if (psa.threshold !== null) {
    const th = psa.threshold;
    const best = th.strategies.find((s) => s.id === th.highestExpectedNmbId);
    lines.push(
      ...heading(`At the threshold "${th.label}": ${formatMoney(th.value, th.currency)} per ${th.unit}`),
      ...renderTable(
        [
          { header: 'Strategy' },
          { header: 'P(cost-effective)', align: 'right' },
          { header: `Expected NMB (${r.currency})`, align: 'right' },
        ],
        th.strategies.map((s) => [s.name, probability(s.probabilityCostEffective), money(s.expectedNmb)]),
      ),
      '',
      `  P(cost-effective): the share of iterations in which the strategy has the highest net monetary benefit`,
      `  (NMB = willingness to pay x effect - cost). Highest expected NMB: ${best?.name ?? th.highestExpectedNmbId}.`,
    );
  } else if (psa.thresholdNote !== null) {
    lines.push('', `  Threshold: ${psa.thresholdNote}.`);
  } else {
    lines.push(
      '',
      '  Threshold: none chosen (costEffectiveness.thresholdId); the acceptability curve below covers a range.',
    );
  }

  const curve = r.ceac;
  lines.push(
    ...heading('Acceptability curve: probability of being the most cost-effective'),
    ...renderTable(
      [
        { header: `WTP (${r.currency} per ${unit})`, align: 'right' },
        ...curve.strategies.map((s) => ({ header: s.name, align: 'right' as const })),
      ],
      curve.points.map((p) => [money(p.lambda), ...p.shares.map(share)]),
    ),
  );
  return lines;
}
