/**
 * Distributions an assumption may carry for Monte Carlo (METHOD.md section 3). Parameters are decimal strings
 * like every other model figure; the simulation converts them to floats, the base case never uses them.
 */
import { z } from 'zod';
import { DecimalString } from './primitives';
import { dec } from '../money/decimal';

const Positive = DecimalString.refine((s) => dec(s).gt(0), { message: 'must be above 0' });

export const Distribution = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('fixed') }),
      z
        .object({ type: z.literal('uniform'), min: DecimalString, max: DecimalString })
        .refine((d) => dec(d.min).lte(dec(d.max)), { message: 'min must not be above max', path: ['max'] }),
      z
        .object({ type: z.literal('triangular'), min: DecimalString, mode: DecimalString, max: DecimalString })
        .refine((d) => dec(d.min).lte(dec(d.mode)) && dec(d.mode).lte(dec(d.max)), {
          message: 'must satisfy min <= mode <= max',
          path: ['mode'],
        }),
      z
        .object({ type: z.literal('pert'), min: DecimalString, mode: DecimalString, max: DecimalString })
        .refine((d) => dec(d.min).lte(dec(d.mode)) && dec(d.mode).lte(dec(d.max)), {
          message: 'must satisfy min <= mode <= max',
          path: ['mode'],
        }),
      z.object({ type: z.literal('normal'), mean: DecimalString, sd: Positive }),
      z.object({ type: z.literal('lognormal'), mean: Positive, se: Positive }),
      z.object({ type: z.literal('gamma'), mean: Positive, se: Positive }),
      z
        .object({ type: z.literal('beta'), mean: Positive, se: Positive })
        .refine((d) => dec(d.mean).lt(1), { message: 'the mean of a beta must be below 1', path: ['mean'] })
        .refine(
          (d) =>
            dec(d.se)
              .pow(2)
              .lt(dec(d.mean).times(dec(1).minus(d.mean))),
          {
            message: 'the SE is too large for a beta with this mean (SE^2 must be below mean x (1 - mean))',
            path: ['se'],
          },
        ),
    ],
    { message: 'type must be one of fixed, uniform, triangular, pert, normal, lognormal, gamma, beta' },
  )
  .meta({ description: 'Uncertainty around an assumption, for Monte Carlo. The base case uses the entered value.' });

export type Distribution = z.infer<typeof Distribution>;
