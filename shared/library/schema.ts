/**
 * The proxy library: cited values a small organisation can use without a consultant, and the price data
 * (price-index series, exchange rates) that bring a value from its own price year and currency into the
 * model's (METHOD.md "Price year and currency").
 *
 * Every shipped entry carries its source and an evidence grade from the project's evidence pack
 * (harm-reduction-evidence.md in this folder):
 *   A  the exact figure was seen in the primary source or its official abstract or page;
 *   B  seen only in a secondary source quoting the primary (shown as such: verify before use);
 *   D  derived by simple arithmetic from A or B figures (the derivation is shown).
 * Figures the evidence pack marks R (remembered, unverified) are never shipped, nor licensed values such as
 * HACT's UK Social Value Bank, whose licence forbids bundling them with a tool. A user may enter licensed
 * values as their own entries ("own" grade), under their own licence.
 */
import { z } from 'zod';
import { CalendarYear, CurrencyCode, DecimalString, IsoDate, RequiredText, Text } from '../model/primitives';
import { dec } from '../money/decimal';

export const ShippedGrade = z.enum(['A', 'B', 'D'], { message: 'must be A, B or D (R figures are never shipped)' });
/** "own": an entry the user added, graded or not by them. */
export const EntryGrade = z.enum(['A', 'B', 'D', 'own'], { message: 'must be A, B, D or "own"' });

/**
 * What a value is for. Only `proxy` values become an outcome's financial proxy; the others are shown for
 * reference: unit costs (for inputs or cost-effectiveness, never a benefit), conversion factors
 * (kits per death averted), utility weights (for QALYs), decision thresholds and adjustment conventions.
 */
export const EntryKind = z.enum(['proxy', 'unit-cost', 'conversion', 'utility', 'threshold', 'adjustment'], {
  message: 'must be one of proxy, unit-cost, conversion, utility, threshold, adjustment',
});

const EntryId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, {
  message: 'must be an identifier of 1 to 100 letters, digits, "-" or "_"',
});

const WebAddress = Text(1000).refine((s) => s === '' || /^https?:\/\/\S+$/.test(s), {
  message: 'must be a web address starting with http:// or https://',
});

const MONEY_KINDS = new Set(['proxy', 'unit-cost', 'threshold']);

export const LibraryEntry = z
  .object({
    id: EntryId,
    kind: EntryKind,
    outcome: RequiredText(200).meta({ description: 'The outcome it values, e.g. "HIV infection averted".' }),
    indicator: Text(300),
    description: RequiredText(300).meta({ description: 'What the value is, e.g. "Lifetime cost of HIV care".' }),
    unit: RequiredText(100).meta({ description: 'What one unit is: "per infection", "per person-year".' }),
    value: DecimalString.nullable(),
    valueLow: DecimalString.nullable(),
    valueHigh: DecimalString.nullable(),
    valueOptions: z.array(DecimalString),
    currency: CurrencyCode.nullable(),
    priceYear: CalendarYear.nullable(),
    priceYearNote: Text(300).meta({ description: 'When the price year is approximate or assumed, why.' }),
    country: RequiredText(100),
    source: RequiredText(1000),
    sourceUrl: WebAddress,
    notes: Text(2000),
    grade: EntryGrade,
    gradeNote: Text(1000).meta({ description: 'For D the derivation; for B which secondary source was seen.' }),
    origin: z.enum(['shipped', 'user']),
  })
  .superRefine((entry, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (MONEY_KINDS.has(entry.kind)) {
      if (entry.currency === null) issue('currency', 'is required for a money value');
      if (entry.priceYear === null) issue('priceYear', 'is required for a money value');
    }
    const hasRange = entry.valueLow !== null && entry.valueHigh !== null;
    if (entry.value === null && !hasRange && entry.valueOptions.length === 0) {
      issue('value', 'is required (or a low and high value, or a list of options)');
    }
    if ((entry.valueLow === null) !== (entry.valueHigh === null)) {
      issue('valueHigh', 'a range needs both a low and a high value');
    }
    if (hasRange && dec(entry.valueLow!).gt(dec(entry.valueHigh!))) {
      issue('valueHigh', 'must not be below the low value');
    }
    if (entry.kind === 'proxy' && entry.value === null) {
      issue('value', 'a proxy needs one value so it can be used for an outcome');
    }
    if (entry.origin === 'shipped') {
      if (entry.grade === 'own') issue('grade', 'a shipped entry must be graded A, B or D');
      if (entry.sourceUrl === '') issue('sourceUrl', 'a shipped entry must link to its source');
      if ((entry.grade === 'B' || entry.grade === 'D') && entry.gradeNote.trim() === '') {
        issue('gradeNote', 'a B or D entry must say which secondary source was seen, or how it was derived');
      }
    }
  });

/** One year of a price-index series (annual average), with the value as published. */
export const IndexPoint = z.object({
  year: CalendarYear,
  value: DecimalString.refine((s) => dec(s).gt(0), { message: 'must be above 0' }),
});

export const PriceIndexSeries = z
  .object({
    id: EntryId,
    name: RequiredText(200).meta({ description: 'E.g. "HICP, euro area, annual average".' }),
    area: Text(100),
    currency: CurrencyCode.nullable().meta({ description: 'The currency whose prices the series measures.' }),
    base: Text(100).meta({ description: 'Reference period, e.g. "2015 = 100"; keep one base per series.' }),
    source: RequiredText(500),
    sourceUrl: WebAddress,
    notes: Text(1000),
    points: z.array(IndexPoint),
    origin: z.enum(['shipped', 'user']),
  })
  .superRefine((series, ctx) => {
    const seen = new Set<number>();
    series.points.forEach((p, i) => {
      if (seen.has(p.year)) {
        ctx.addIssue({ code: 'custom', path: ['points', i, 'year'], message: `${p.year} appears twice` });
      }
      seen.add(p.year);
    });
  });

/** Units of `to` for one unit of `from`: a market rate on a date, or a purchasing-power parity. */
export const ExchangeRateEntry = z
  .object({
    id: EntryId,
    from: CurrencyCode,
    to: CurrencyCode,
    rate: DecimalString.refine((s) => dec(s).gt(0), { message: 'must be above 0' }),
    date: IsoDate,
    kind: z.enum(['market', 'ppp'], { message: 'must be "market" or "ppp"' }),
    source: RequiredText(500),
    sourceUrl: WebAddress,
    origin: z.enum(['shipped', 'user']),
  })
  .refine((r) => r.from !== r.to, { message: 'the two currencies must differ', path: ['to'] });

/** Where to find official values, for the user who enters them (no figures). */
export const DataSourceHint = z.object({
  name: RequiredText(200),
  url: WebAddress,
  note: Text(500),
});

export const PriceData = z.object({
  note: Text(2000),
  priceIndexSeries: z.array(PriceIndexSeries),
  exchangeRates: z.array(ExchangeRateEntry),
  rateSources: z.array(DataSourceHint),
});

/** A published result shown as context beside the user's own (never as a target). */
export const Benchmark = z.object({
  id: EntryId,
  intervention: RequiredText(200),
  metric: z.enum(['sroi', 'bcr', 'roi', 'cost-per-qaly', 'cost-per-daly', 'cost-per-death-averted', 'net-savings']),
  result: RequiredText(500),
  currency: CurrencyCode.nullable(),
  country: RequiredText(100),
  perspective: RequiredText(300),
  horizon: RequiredText(300),
  source: RequiredText(1000),
  sourceUrl: WebAddress,
  notes: Text(1000),
  grade: ShippedGrade,
  gradeNote: Text(500),
});

/** The file a user exports to share their own entries and price data, and imports back. */
export const LIBRARY_FILE_FORMAT = 'sroi-studio-proxy-library';
export const LibraryFile = z.object({
  format: z.literal(LIBRARY_FILE_FORMAT, { message: `must be "${LIBRARY_FILE_FORMAT}"` }),
  version: z.literal(1, { message: 'must be 1; this file was written by a different version of SROI Studio' }),
  exportedAt: z.iso.datetime().optional(),
  entries: z.array(LibraryEntry),
  priceIndexSeries: z.array(PriceIndexSeries),
  exchangeRates: z.array(ExchangeRateEntry),
});

export type ShippedGrade = z.infer<typeof ShippedGrade>;
export type EntryGrade = z.infer<typeof EntryGrade>;
export type EntryKind = z.infer<typeof EntryKind>;
export type LibraryEntry = z.infer<typeof LibraryEntry>;
export type IndexPoint = z.infer<typeof IndexPoint>;
export type PriceIndexSeries = z.infer<typeof PriceIndexSeries>;
export type ExchangeRateEntry = z.infer<typeof ExchangeRateEntry>;
export type DataSourceHint = z.infer<typeof DataSourceHint>;
export type PriceData = z.infer<typeof PriceData>;
export type Benchmark = z.infer<typeof Benchmark>;
export type LibraryFile = z.infer<typeof LibraryFile>;
