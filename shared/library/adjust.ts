/**
 * Price year and currency (METHOD.md): a proxy from another year or currency is brought into the model's
 *   value_in_model = value x index(model year) / index(price year) x exchange rate (or PPP)
 * These helpers build the two factors a FinancialProxy stores (priceIndex, exchangeRate) from the price data,
 * and turn a library entry into an outcome's proxy that keeps its citation. The arithmetic itself is the
 * engine's (effectiveProxyValue), so what the editor previews is exactly what the result uses.
 */
import { effectiveProxyValue } from '../engine/proxy';
import { Dec, canonical } from '../money/decimal';
import type { z } from 'zod';
import {
  ExchangeRate as ExchangeRateSchema,
  FinancialProxy as FinancialProxySchema,
  PriceIndexAdjustment as PriceIndexSchema,
  type FinancialProxy,
} from '../model/schema';
import type { ExchangeRateEntry, LibraryEntry, PriceIndexSeries } from './schema';

/** The two factors a FinancialProxy stores (shared/model/schema.ts). */
export type PriceIndexAdjustment = z.infer<typeof PriceIndexSchema>;
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

export interface ModelPrices {
  currency: string;
  priceYear: number;
}

/** A source text with its address, when there is one. */
function withUrl(source: string, url: string): string {
  return url === '' ? source : `${source}, ${url}`;
}

/** The published value of a series for a year, or null when it has not been entered. */
export function indexValueAt(series: PriceIndexSeries, year: number): string | null {
  return series.points.find((p) => p.year === year)?.value ?? null;
}

/** The price-index factor from a series, or null when either year's value is missing. */
export function priceIndexAdjustment(
  series: PriceIndexSeries,
  priceYear: number,
  modelYear: number,
): PriceIndexAdjustment | null {
  const atPrice = indexValueAt(series, priceYear);
  const atModel = indexValueAt(series, modelYear);
  if (atPrice === null || atModel === null) return null;
  return {
    series: series.name,
    indexAtPriceYear: atPrice,
    indexAtModelYear: atModel,
    source: withUrl(series.source, series.sourceUrl),
  };
}

/** The exchange-rate factor stored on a proxy, from a rate in the price data (a PPP says so). */
export function exchangeRateAdjustment(rate: ExchangeRateEntry): ExchangeRate {
  const kind = rate.kind === 'ppp' ? ' (purchasing power parity)' : '';
  return { rate: rate.rate, date: rate.date, source: withUrl(`${rate.source}${kind}`, rate.sourceUrl) };
}

/** Rates that convert `from` into `to`, newest first. */
export function ratesFor(rates: readonly ExchangeRateEntry[], from: string, to: string): ExchangeRateEntry[] {
  return rates.filter((r) => r.from === from && r.to === to).sort((a, b) => b.date.localeCompare(a.date));
}

/** Series that measure prices in a currency (the proxy's own: inflation happens before conversion). */
export function seriesFor(series: readonly PriceIndexSeries[], currency: string): PriceIndexSeries[] {
  return series.filter((s) => s.currency === null || s.currency === currency);
}

/** Which factors a value needs to reach the model's prices. */
export function adjustmentNeeds(
  value: { currency: string | null; priceYear: number | null },
  model: ModelPrices,
): { priceIndex: boolean; exchangeRate: boolean } {
  return {
    priceIndex: value.priceYear !== null && value.priceYear !== model.priceYear,
    exchangeRate: value.currency !== null && value.currency !== model.currency,
  };
}

/** index(model year) / index(price year); 1 without an index. */
export function inflationFactor(priceIndex: PriceIndexAdjustment | null): Dec {
  if (priceIndex === null) return new Dec(1);
  return new Dec(priceIndex.indexAtModelYear).div(priceIndex.indexAtPriceYear);
}

/** The exchange rate or PPP; 1 without one. */
export function exchangeFactor(exchangeRate: ExchangeRate | null): Dec {
  return exchangeRate === null ? new Dec(1) : new Dec(exchangeRate.rate);
}

/** The value in the model's prices, computed by the engine exactly as the result will be. */
export function adjustedValue(
  proxy: Pick<FinancialProxy, 'value' | 'currency' | 'priceYear' | 'priceIndex' | 'exchangeRate'>,
  model: ModelPrices,
): Dec {
  const full: FinancialProxy = { description: '-', source: '', sourceUrl: '', libraryId: null, ...proxy };
  return effectiveProxyValue(full, model.currency, model.priceYear).value;
}

/** Check a hand-entered price-index factor; the messages name the field. */
export function parsePriceIndex(
  input: PriceIndexAdjustment,
): { ok: true; value: PriceIndexAdjustment } | { ok: false; problems: string[] } {
  const parsed = PriceIndexSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`) };
}

/** Check a hand-entered exchange rate (rate, date, source). */
export function parseExchangeRate(
  input: ExchangeRate,
): { ok: true; value: ExchangeRate } | { ok: false; problems: string[] } {
  const parsed = ExchangeRateSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`) };
}

/** Whether an entry can become an outcome's proxy: an outcome value, with one value, currency and year. */
export function usableAsProxy(entry: LibraryEntry): boolean {
  return entry.kind === 'proxy' && entry.value !== null && entry.currency !== null && entry.priceYear !== null;
}

/** The citation a proxy keeps: the source, plus what its evidence grade means when it is not A. */
export function citationOf(entry: LibraryEntry): string {
  if (entry.grade === 'B')
    return `${entry.source} [evidence grade B: seen only in a secondary source; verify before use]`;
  if (entry.grade === 'D') return `${entry.source} [evidence grade D: ${entry.gradeNote}]`;
  return entry.source;
}

export type ProxyFromEntry = { ok: true; proxy: FinancialProxy } | { ok: false; problems: string[] };

/**
 * An outcome's proxy from a library entry: value, currency, price year, citation, link and library id, and
 * the two factors when the entry's year or currency differ from the model's. A different currency needs an
 * exchange rate (the model would be invalid without one); a different year without an index is allowed (the
 * engine then warns when the gap is over 5 years), because an index is not always to hand.
 */
export function proxyFromEntry(
  entry: LibraryEntry,
  model: ModelPrices,
  adjustments: { priceIndex: PriceIndexAdjustment | null; exchangeRate: ExchangeRate | null },
): ProxyFromEntry {
  if (!usableAsProxy(entry)) {
    return { ok: false, problems: [`"${entry.description}" is a ${entry.kind} value, not an outcome proxy`] };
  }
  const needs = adjustmentNeeds(entry, model);
  if (needs.exchangeRate && adjustments.exchangeRate === null) {
    return {
      ok: false,
      problems: [`the value is in ${entry.currency} and the model in ${model.currency}: add an exchange rate`],
    };
  }
  const candidate: FinancialProxy = {
    description: entry.description,
    value: canonical(new Dec(entry.value!)),
    currency: entry.currency!,
    priceYear: entry.priceYear!,
    source: citationOf(entry),
    sourceUrl: entry.sourceUrl,
    libraryId: entry.id,
    priceIndex: needs.priceIndex ? adjustments.priceIndex : null,
    exchangeRate: needs.exchangeRate ? adjustments.exchangeRate : null,
  };
  const parsed = FinancialProxySchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`) };
  }
  return { ok: true, proxy: parsed.data };
}
