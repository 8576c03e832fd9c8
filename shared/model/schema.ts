/**
 * The evaluation model: the one source of truth for every type the app, the store, the API and the model file
 * share. Field names and meanings follow METHOD.md section 1; percentages are fractions 0..1 here and are
 * shown to users as 0..100 %. Money and every figure that reaches the result are decimal strings.
 */
import { z } from 'zod';
import {
  ActivityYear,
  CalendarYear,
  CurrencyCode,
  DecimalString,
  Fraction,
  Id,
  IsoDate,
  NonNegativeDecimal,
  RequiredText,
  Text,
  WholeYears,
} from './primitives';
import { Distribution } from './distribution';
import { CostEffectivenessInputs, EMPTY_COST_EFFECTIVENESS } from './cost-effectiveness';
import { SimulationRun, StrategyUncertainty } from './simulation';
import { dec } from '../money/decimal';

export const AnalysisType = z
  .enum(['forecast', 'evaluative'], {
    message: 'must be "forecast" (before the activity) or "evaluative" (after it)',
  })
  .meta({ description: 'A forecast predicts value; an evaluative analysis measures value already created.' });

export const YearOneConvention = z
  .enum(['guide', 'year0'], {
    message: 'must be "guide" (year 1 discounted one period) or "year0" (year 1 undiscounted)',
  })
  .meta({
    description:
      'guide: outcome values are discounted from year 1 (the SROI Guide); year0: year 1 is undiscounted (Green Book tables).',
  });

export const Settings = z.object({
  discountRate: NonNegativeDecimal.meta({
    description: 'Annual discount rate as a fraction ("0.035" is the Green Book 3.5 %). 0 is allowed.',
  }),
  yearOneConvention: YearOneConvention,
});

export const StakeholderGroup = z.object({
  id: Id,
  name: RequiredText(200),
  size: z
    .number({ message: 'must be the number of people or organisations in the group' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'cannot be negative' })
    .nullable()
    .meta({ description: 'How many are in the group; null when not known.' }),
  involvement: Text(2000).meta({
    description: 'How the group was involved in the analysis (consulted, surveyed, on the steering group).',
  }),
  peopleConsulted: z
    .number()
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'cannot be negative' })
    .nullable()
    .meta({ description: 'How many members of the group took part in the analysis.' }),
});

const InputBase = {
  id: Id,
  stakeholderId: Id.meta({ description: 'The stakeholder group that puts this input in.' }),
  description: RequiredText(300),
  category: RequiredText(100).meta({ description: 'Cost category, e.g. "Staff", "Premises", "Supplies".' }),
  funder: Text(200).meta({ description: 'Who pays for it (may differ from the stakeholder); empty if none.' }),
  year: ActivityYear,
  notes: Text(2000),
};

/** Cash: grants, fees, donations; the amount paid. */
export const CashInput = z.object({
  ...InputBase,
  kind: z.literal('cash'),
  amount: NonNegativeDecimal,
});

/** Goods, premises or services given in kind, valued at market value. */
export const InKindInput = z.object({
  ...InputBase,
  kind: z.literal('in-kind'),
  amount: NonNegativeDecimal.meta({ description: 'Market value of what was given.' }),
  valuationSource: Text(500).meta({ description: 'How the market value was found.' }),
});

/** Volunteer time: hours x an hourly rate whose source is recorded. */
export const VolunteerInput = z.object({
  ...InputBase,
  kind: z.literal('volunteer'),
  hours: NonNegativeDecimal,
  hourlyRate: NonNegativeDecimal,
  rateSource: Text(500).meta({ description: 'Where the hourly rate comes from (e.g. the minimum wage).' }),
});

export const Input = z.discriminatedUnion('kind', [CashInput, InKindInput, VolunteerInput], {
  message: 'kind must be "cash", "in-kind" or "volunteer"',
});

/** A count of activity for one period: a month ("2012-01"), a year ("2012") or a range of dates. */
export const OutputPeriod = z.string().regex(/^(\d{4}-(0[1-9]|1[0-2])|\d{4}|\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2})$/, {
  message: 'must be a month "2012-01", a year "2012" or a date range "1992-03-25/2012-12-31"',
});

export const OutputRecord = z.object({
  period: OutputPeriod,
  count: NonNegativeDecimal,
  /** Optional split of the count, e.g. { nationality: "Italian", gender: "women" } -> 124. */
  breakdown: z.array(
    z.object({
      categories: z.record(z.string().min(1).max(100), z.string().min(1).max(100)),
      count: NonNegativeDecimal,
    }),
  ),
});

export const Output = z.object({
  id: Id,
  name: RequiredText(200).meta({ description: 'What is counted, e.g. "Syringes given".' }),
  unit: Text(100),
  stakeholderId: Id.nullable(),
  records: z.array(OutputRecord),
  notes: Text(2000),
});

/** Adjustment of a proxy to the model's price year (an index series) and currency (an exchange rate). */
export const PriceIndexAdjustment = z.object({
  series: RequiredText(200).meta({ description: 'E.g. "HICP, Italy (Eurostat prc_hicp_aind)".' }),
  indexAtPriceYear: DecimalString.refine((s) => dec(s).gt(0), { message: 'must be above 0' }),
  indexAtModelYear: DecimalString.refine((s) => dec(s).gt(0), { message: 'must be above 0' }),
  source: Text(500),
});

export const ExchangeRate = z.object({
  rate: DecimalString.refine((s) => dec(s).gt(0), { message: 'must be above 0' }).meta({
    description: "Units of the model's currency for one unit of the proxy's currency (or a PPP factor).",
  }),
  date: IsoDate,
  source: Text(500),
});

export const FinancialProxy = z.object({
  description: RequiredText(300),
  value: DecimalString.meta({ description: 'Value of one unit of outcome; negative for a disbenefit.' }),
  currency: CurrencyCode,
  priceYear: CalendarYear,
  source: Text(1000),
  sourceUrl: Text(1000),
  libraryId: z.string().max(100).nullable().meta({ description: 'Proxy-library entry it came from, if any.' }),
  priceIndex: PriceIndexAdjustment.nullable(),
  exchangeRate: ExchangeRate.nullable(),
});

/** Who else contributed to an outcome, and how much of it is theirs (informs attribution; guard-railed). */
export const AttributionShare = z.object({ to: RequiredText(200), share: Fraction });

/** Numeric assumptions of an outcome that may carry a distribution (Monte Carlo, METHOD.md section 3). */
export const UncertainField = z.enum(['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'dropOff']);

export const Outcome = z.object({
  id: Id,
  stakeholderId: Id,
  name: RequiredText(300).meta({ description: 'The change, e.g. "Retained in opioid agonist treatment".' }),
  indicator: Text(500),
  evidenceSource: Text(1000),
  quantity: NonNegativeDecimal.meta({ description: 'How many experience the outcome (Q).' }),
  proxy: FinancialProxy,
  duration: WholeYears.meta({ description: 'How many years the outcome lasts (D).' }),
  start: z
    .enum(['during', 'after'], { message: 'must be "during" or "after" (the activity)' })
    .meta({ description: 'Whether the outcome starts during the activity or the year after it.' }),
  deadweight: Fraction,
  displacement: Fraction,
  attribution: Fraction,
  dropOff: Fraction,
  attributionShares: z.array(AttributionShare),
  intended: z.boolean(),
  notes: Text(4000),
  uncertainty: z.partialRecord(UncertainField, Distribution),
});

export const Evidence = z.object({
  id: Id,
  outcomeId: Id.nullable(),
  title: RequiredText(300),
  kind: z.enum(['survey', 'interviews', 'administrative data', 'literature', 'other']),
  citation: Text(2000),
  url: Text(1000),
  notes: Text(4000),
});

export const Story = z.object({
  id: Id,
  outcomeId: Id.nullable(),
  kind: z.enum(['quote', 'case'], { message: 'must be "quote" or "case"' }),
  text: RequiredText(10000),
  /** Stories appear in reports only with consent; names are hidden unless the person chose otherwise. */
  consent: z.boolean(),
  anonymised: z.boolean(),
  attributedTo: Text(200),
  date: IsoDate.nullable(),
});

/** A comparator for cost-effectiveness (METHOD.md section 2): "no service", "current service", "scale-up". */
export const Strategy = z.object({
  id: Id,
  name: RequiredText(200),
  cost: DecimalString,
  effect: DecimalString,
  notes: Text(2000),
  uncertainty: StrategyUncertainty.default({}).meta({
    description: 'Distributions of the cost and effect for probabilistic analysis (CE plane, CEAC).',
  }),
});

/** A named set of changes to the base case ("budget -20 %"): overrides, never a second copy of the data. */
export const ScenarioOverride = z.object({
  target: z.enum(['outcome', 'input']),
  id: Id,
  field: z.enum([
    'quantity',
    'proxyValue',
    'duration',
    'deadweight',
    'displacement',
    'attribution',
    'dropOff',
    'amount',
  ]),
  value: DecimalString,
});

export const Scenario = z.object({
  id: Id,
  name: RequiredText(200),
  description: Text(2000),
  overrides: z.array(ScenarioOverride),
});

export const Project = z.object({
  id: Id,
  name: RequiredText(200),
  organisation: Text(200),
  programme: Text(4000).meta({ description: 'What the programme does, for whom, where.' }),
  analysisType: AnalysisType,
  period: z.object({ start: IsoDate, end: IsoDate }),
  priceYear: CalendarYear.meta({ description: 'The year whose prices the model is expressed in.' }),
  currency: CurrencyCode,
  settings: Settings,
  stakeholders: z.array(StakeholderGroup),
  inputs: z.array(Input),
  outputs: z.array(Output),
  outcomes: z.array(Outcome),
  evidence: z.array(Evidence),
  stories: z.array(Story),
  strategies: z.array(Strategy),
  effectUnit: Text(100).meta({ description: 'Unit of strategy effects, e.g. "QALYs" or "deaths averted".' }),
  scenarios: z.array(Scenario),
  costEffectiveness: CostEffectivenessInputs.default(EMPTY_COST_EFFECTIVENESS).meta({
    description: 'Inputs of the cost-effectiveness indicators (METHOD.md section 2). Added in schema version 2.',
  }),
  lastSimulation: SimulationRun.nullable()
    .default(null)
    .meta({ description: 'The last Monte Carlo run: settings, seed and results. Added in schema version 2.' }),
});

export type AnalysisType = z.infer<typeof AnalysisType>;
export type YearOneConvention = z.infer<typeof YearOneConvention>;
export type Settings = z.infer<typeof Settings>;
export type StakeholderGroup = z.infer<typeof StakeholderGroup>;
export type Input = z.infer<typeof Input>;
export type Output = z.infer<typeof Output>;
export type OutputRecord = z.infer<typeof OutputRecord>;
export type FinancialProxy = z.infer<typeof FinancialProxy>;
export type Outcome = z.infer<typeof Outcome>;
export type Evidence = z.infer<typeof Evidence>;
export type Story = z.infer<typeof Story>;
export type Strategy = z.infer<typeof Strategy>;
export type Scenario = z.infer<typeof Scenario>;
export type Project = z.infer<typeof Project>;
