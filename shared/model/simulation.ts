/**
 * The last Monte Carlo run of a project, stored with it: its settings and seed (so anyone can run it again and
 * get the same numbers) and its results. Results are summaries (percentiles, a histogram, a thinned CE-plane
 * scatter, the acceptability curve), never the per-iteration draws.
 *
 * The one place in the model with JSON numbers instead of decimal strings: Monte Carlo works in floats
 * (METHOD.md section 3) and its results are estimates shown rounded; the official result never reads them.
 */
import { z } from 'zod';
import { Distribution } from './distribution';
import { CurrencyCode, Id, Text } from './primitives';

const Float = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const Share = z.number().min(0).max(1);
const Count = z.number().int().min(0);

export const SimulationSummary = z.object({
  mean: Float,
  sd: Float,
  min: Float,
  max: Float,
  p2_5: Float,
  p50: Float,
  p97_5: Float,
});

export const SimulationHistogram = z.object({
  bins: z.array(z.object({ from: Float, to: Float, count: Count })).max(1000),
  below: Count,
  above: Count,
  total: Count,
});

const UncertainFieldName = z.enum(['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'dropOff']);

export const MonteCarloSummary = z.object({
  status: z.literal('complete'),
  seed: Count,
  iterations: Count,
  settings: z.object({
    discountRate: z.string().max(50),
    yearOneConvention: z.enum(['guide', 'year0']),
    histogramBins: Count,
    generator: z.string().max(500),
    percentiles: z.string().max(500),
    clamping: z.string().max(1000),
  }),
  currency: CurrencyCode,
  investment: Float,
  baseCase: z.object({ presentValue: Float, netPresentValue: Float, ratio: Float.nullable() }),
  parameters: z
    .array(
      z.object({
        outcomeId: Id,
        outcomeName: z.string().max(300),
        field: UncertainFieldName,
        distribution: z.enum(['fixed', 'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'gamma', 'beta']),
        base: Float,
        mean: Float,
        sd: Float,
      }),
    )
    .max(10000),
  clamped: z.record(UncertainFieldName, Count),
  presentValue: SimulationSummary,
  netPresentValue: SimulationSummary,
  ratio: SimulationSummary.nullable(),
  probabilityRatioAboveOne: Share.nullable(),
  probabilityNpvPositive: Share,
  ratioHistogram: SimulationHistogram.nullable(),
  /** The histogram of NPV, shown instead of the ratio's when the investment is zero. */
  npvHistogram: SimulationHistogram.nullable(),
});

const PsaVerdict = z.enum([
  'more-costly-more-effective',
  'less-costly-less-effective',
  'dominant',
  'dominated',
  'identical',
]);

export const PsaSummary = z.object({
  comparatorId: Id,
  comparatorName: z.string().max(200),
  effectUnit: z.string().max(100),
  currency: CurrencyCode,
  plane: z
    .array(
      z.object({
        id: Id,
        name: z.string().max(200),
        meanDeltaCost: Float,
        meanDeltaEffect: Float,
        icer: Float.nullable(),
        verdict: PsaVerdict,
        quadrantShares: z.object({ NE: Share, NW: Share, SE: Share, SW: Share, onAxis: Share }),
        /** The first iterations' incremental effect and cost: enough to see the cloud. */
        points: z.array(z.object({ dE: Float, dC: Float })).max(5000),
      }),
    )
    .max(50),
  ceac: z.object({
    strategies: z.array(z.object({ id: Id, name: z.string().max(200) })).max(50),
    points: z
      .array(
        z.object({
          lambda: Float,
          shares: z.array(Share),
          expectedNmb: z.array(Float),
          optimalId: Id,
        }),
      )
      .max(2000),
  }),
  wtpMax: Float,
});

export const StrategyUncertainty = z.partialRecord(z.enum(['cost', 'effect']), Distribution);

export const SimulationRun = z.object({
  id: Id,
  /** ISO date and time the run finished. */
  ranAt: z.iso.datetime({ offset: true }),
  iterations: z.number().int().min(1).max(1_000_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  histogramBins: z.number().int().min(1).max(1000),
  /** A hash of the model the run used, to say when the model has changed since. */
  modelFingerprint: Text(64),
  elapsedMs: z.number().min(0),
  summary: MonteCarloSummary,
  psa: PsaSummary.nullable(),
  /** The strategy settings used (null without strategies). */
  strategySettings: z
    .object({
      uncertainty: z.record(Id, StrategyUncertainty),
      comparatorId: Id,
      wtpMax: Float,
    })
    .nullable(),
});

export type SimulationRun = z.infer<typeof SimulationRun>;
export type MonteCarloSummary = z.infer<typeof MonteCarloSummary>;
export type PsaSummary = z.infer<typeof PsaSummary>;
export type StrategyUncertainty = z.infer<typeof StrategyUncertainty>;
