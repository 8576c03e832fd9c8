/**
 * The shipped library, validated when first read: the cited proxies (proxies.json), the published results
 * shown as context (benchmarks.json) and the price-data definitions (price-data.json). See README.md in this
 * folder for what was shipped, what was left out and why.
 */
import { z } from 'zod';
import benchmarksJson from './benchmarks.json';
import priceDataJson from './price-data.json';
import proxiesJson from './proxies.json';
import { Benchmark, LibraryEntry, PriceData } from './schema';

export * from './schema';
export * from './adjust';
export * from './search';

/** The cited entries shipped with the app (graded A, B or D; none R, none licensed). */
export const SHIPPED_ENTRIES: readonly LibraryEntry[] = Object.freeze(z.array(LibraryEntry).parse(proxiesJson));

/** Published ratios and cost-effectiveness results: context for a result, never a target. */
export const BENCHMARKS: readonly Benchmark[] = Object.freeze(z.array(Benchmark).parse(benchmarksJson));

/** Series definitions and where to find values; no figures are shipped (see its note). */
export const SHIPPED_PRICE_DATA: PriceData = PriceData.parse(priceDataJson);
