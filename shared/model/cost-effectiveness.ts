/**
 * What the cost-effectiveness stage needs besides the SROI model (METHOD.md section 2): the number of unique
 * clients, health effects for cost per QALY and per DALY, the break-even headline, the sector of each party
 * in "who pays, who benefits", and willingness-to-pay thresholds as data (value, unit, currency, date,
 * source). Every figure is a decimal string, like the rest of the model; "not given" is null or an empty list.
 */
import { z } from 'zod';
import { CurrencyCode, DecimalString, Fraction, Id, NonNegativeDecimal, RequiredText, Text } from './primitives';
import { dec } from '../money/decimal';

/** Where a party of "who pays, who benefits" sits: the sectors funders ask about. */
export const Sector = z.enum(
  ['health-system', 'emergency-services', 'justice', 'people-and-families', 'wider-community', 'other'],
  {
    message: 'must be one of health-system, emergency-services, justice, people-and-families, wider-community or other',
  },
);

/** A willingness-to-pay threshold the user entered (the shipped ones are data in the app, cited). */
export const Threshold = z.object({
  id: Id,
  label: RequiredText(200),
  value: NonNegativeDecimal.meta({ description: 'Willingness to pay per one unit of effect.' }),
  unit: RequiredText(100).meta({ description: 'One unit of effect, e.g. "QALY" or "death averted".' }),
  currency: CurrencyCode,
  date: Text(20).meta({ description: 'When the value applies, e.g. "2024-12" or "2016".' }),
  country: Text(100),
  source: Text(1000),
  sourceUrl: Text(1000),
  notes: Text(2000),
});

/** A utility gain per person for a number of years from year 1 (QALYs = gain x persons, discounted). */
export const QalyGain = z.object({
  label: Text(200),
  utilityGain: DecimalString.refine((s) => dec(s).gte(-1) && dec(s).lte(1), {
    message: 'must be between -1 and 1 (a change on the 0 to 1 utility scale)',
  }),
  persons: NonNegativeDecimal,
  years: z
    .number({ message: 'must be a whole number of years' })
    .int({ message: 'must be a whole number of years' })
    .min(1, { message: 'must be at least 1 year' })
    .max(100, { message: 'cannot be more than 100 years' }),
  source: Text(1000),
});

/** Deaths averted and the years of life each would have lost (YLL). */
export const DeathsAvertedEntry = z.object({
  label: Text(200),
  deaths: NonNegativeDecimal,
  yearsOfLifeLost: NonNegativeDecimal.meta({ description: 'Remaining life expectancy at the age of death.' }),
  source: Text(1000),
});

/** Years lived with disability averted (YLD): persons x disability weight x duration. */
export const DisabilityAvertedEntry = z.object({
  label: Text(200),
  persons: NonNegativeDecimal,
  disabilityWeight: Fraction.meta({ description: 'Disability weight, 0 (full health) to 1 (equivalent to death).' }),
  durationYears: NonNegativeDecimal,
  source: Text(1000),
});

export const HealthEffects = z.object({
  comparatorCost: NonNegativeDecimal.meta({
    description: 'What the comparator ("no service") costs; the incremental cost is the total cost minus this.',
  }),
  qalys: z.array(QalyGain).max(50),
  deaths: z.array(DeathsAvertedEntry).max(50),
  disability: z.array(DisabilityAvertedEntry).max(50),
});

/** The break-even headline: annual budget / value of one outcome. */
export const BreakEvenSettings = z.object({
  outcomes: Text(200).meta({ description: 'The outcomes counted, plural, e.g. "HIV infections averted".' }),
  valueName: Text(200).meta({ description: 'What the value is, e.g. "lifetime cost of one HIV infection".' }),
  valueOfOneOutcome: DecimalString.refine((s) => dec(s).gt(0), { message: 'must be above 0' })
    .nullable()
    .meta({ description: 'null when the value is the proxy of outcomeId.' }),
  source: Text(1000),
  outcomeId: Id.nullable().meta({ description: 'An outcome whose financial proxy is the value of one outcome.' }),
  annualBudget: NonNegativeDecimal.nullable().meta({
    description: 'null: the average cost per year of activity from the inputs.',
  }),
});

export const CostEffectivenessInputs = z.object({
  uniqueClients: NonNegativeDecimal.nullable().meta({ description: 'Unique clients reached; null if not known.' }),
  health: HealthEffects,
  breakEven: BreakEvenSettings.nullable(),
  sectors: z
    .record(z.string().min(1).max(300), Sector)
    .meta({ description: 'Sector of each party, by its key ("stakeholder:ID" or "funder:name").' }),
  thresholds: z.array(Threshold).max(100).meta({ description: "The user's own thresholds." }),
  thresholdId: z
    .string()
    .max(100)
    .nullable()
    .meta({ description: 'The threshold used as willingness to pay (shipped or own); null for none.' }),
});

export const EMPTY_COST_EFFECTIVENESS: CostEffectivenessInputs = {
  uniqueClients: null,
  health: { comparatorCost: '0', qalys: [], deaths: [], disability: [] },
  breakEven: null,
  sectors: {},
  thresholds: [],
  thresholdId: null,
};

export type Sector = z.infer<typeof Sector>;
export type Threshold = z.infer<typeof Threshold>;
export type QalyGain = z.infer<typeof QalyGain>;
export type DeathsAvertedEntry = z.infer<typeof DeathsAvertedEntry>;
export type DisabilityAvertedEntry = z.infer<typeof DisabilityAvertedEntry>;
export type HealthEffects = z.infer<typeof HealthEffects>;
export type BreakEvenSettings = z.infer<typeof BreakEvenSettings>;
export type CostEffectivenessInputs = z.infer<typeof CostEffectivenessInputs>;
