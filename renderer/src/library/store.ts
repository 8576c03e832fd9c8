/**
 * The user's own library on this computer: their proxy entries, price-index values and exchange rates, kept
 * in localStorage (they are not part of any one project) and shared as a file (export, import). The shipped
 * library is read-only; a shipped price-index series the user adds values to is kept as their own copy.
 */
import { useSyncExternalStore } from 'react';
import type { z } from 'zod';
import {
  ExchangeRateEntry,
  LIBRARY_FILE_FORMAT,
  LibraryEntry,
  LibraryFile,
  PriceIndexSeries,
  SHIPPED_ENTRIES,
  SHIPPED_PRICE_DATA,
} from '../../../shared/library';
import { describePath, formatPath } from '../../../shared/model/validate';

export const STORAGE_KEY = 'sroi-studio.library.v1';

export interface UserLibrary {
  entries: LibraryEntry[];
  priceIndexSeries: PriceIndexSeries[];
  exchangeRates: ExchangeRateEntry[];
}

const EMPTY: UserLibrary = { entries: [], priceIndexSeries: [], exchangeRates: [] };

/** Keep only what still validates: a damaged item is dropped, never the whole library. */
function validItems<T>(schema: z.ZodType<T>, items: unknown): T[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

let memory: UserLibrary | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // storage disabled: keep the library in memory for this session
  }
}

function load(): UserLibrary {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return EMPTY;
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    return {
      entries: validItems(LibraryEntry, data.entries),
      priceIndexSeries: validItems(PriceIndexSeries, data.priceIndexSeries),
      exchangeRates: validItems(ExchangeRateEntry, data.exchangeRates),
    };
  } catch {
    return EMPTY;
  }
}

export function getUserLibrary(): UserLibrary {
  memory ??= load();
  return memory;
}

function setUserLibrary(next: UserLibrary): void {
  memory = next;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Quota or privacy mode: the change stays in memory; export keeps a copy the user controls.
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests start from a clean store. */
export function resetUserLibraryForTests(): void {
  memory = null;
  listeners.forEach((l) => l());
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  return index >= 0 ? list.map((x, i) => (i === index ? item : x)) : [...list, item];
}

export const userLibrary = {
  saveEntry(entry: LibraryEntry): void {
    const lib = getUserLibrary();
    setUserLibrary({ ...lib, entries: upsert(lib.entries, { ...entry, origin: 'user' }) });
  },
  deleteEntry(id: string): void {
    const lib = getUserLibrary();
    setUserLibrary({ ...lib, entries: lib.entries.filter((e) => e.id !== id) });
  },
  saveSeries(series: PriceIndexSeries): void {
    const lib = getUserLibrary();
    const points = [...series.points].sort((a, b) => a.year - b.year);
    // A shipped series keeps its origin (its definition is shipped; the values are the user's).
    setUserLibrary({ ...lib, priceIndexSeries: upsert(lib.priceIndexSeries, { ...series, points }) });
  },
  deleteSeries(id: string): void {
    const lib = getUserLibrary();
    setUserLibrary({ ...lib, priceIndexSeries: lib.priceIndexSeries.filter((s) => s.id !== id) });
  },
  saveRate(rate: ExchangeRateEntry): void {
    const lib = getUserLibrary();
    setUserLibrary({ ...lib, exchangeRates: upsert(lib.exchangeRates, { ...rate, origin: 'user' }) });
  },
  deleteRate(id: string): void {
    const lib = getUserLibrary();
    setUserLibrary({ ...lib, exchangeRates: lib.exchangeRates.filter((r) => r.id !== id) });
  },

  /** The file to share: the user's entries and price data (never the shipped entries). */
  exportFile(now = new Date()): LibraryFile {
    const lib = getUserLibrary();
    return {
      format: LIBRARY_FILE_FORMAT,
      version: 1,
      exportedAt: now.toISOString(),
      entries: lib.entries,
      priceIndexSeries: lib.priceIndexSeries,
      exchangeRates: lib.exchangeRates,
    };
  },

  /**
   * Add a shared file's entries and price data (same id: replaced). The whole file is checked first and
   * nothing is imported if any part is wrong; every problem is listed with where it is.
   */
  importFile(
    data: unknown,
  ): { ok: true; entries: number; series: number; rates: number } | { ok: false; problems: string[] } {
    const parsed = LibraryFile.safeParse(data);
    if (!parsed.success) {
      return {
        ok: false,
        problems: parsed.error.issues.map((i) => `${describePath(i.path, data)} (${formatPath(i.path)}): ${i.message}`),
      };
    }
    const shippedIds = new Set(SHIPPED_ENTRIES.map((e) => e.id));
    const lib = getUserLibrary();
    let entries = lib.entries;
    for (const entry of parsed.data.entries) {
      // Whatever the file says, an imported entry is the user's; it never replaces a shipped one.
      const id = shippedIds.has(entry.id) ? `user-${entry.id}` : entry.id;
      entries = upsert(entries, { ...entry, id, origin: 'user' });
    }
    const shippedSeries = new Set(SHIPPED_PRICE_DATA.priceIndexSeries.map((s) => s.id));
    let series = lib.priceIndexSeries;
    for (const s of parsed.data.priceIndexSeries) {
      series = upsert(series, { ...s, origin: shippedSeries.has(s.id) ? 'shipped' : 'user' });
    }
    let rates = lib.exchangeRates;
    for (const r of parsed.data.exchangeRates) rates = upsert(rates, { ...r, origin: 'user' });
    setUserLibrary({ entries, priceIndexSeries: series, exchangeRates: rates });
    return {
      ok: true,
      entries: parsed.data.entries.length,
      series: parsed.data.priceIndexSeries.length,
      rates: parsed.data.exchangeRates.length,
    };
  },
};

/** Shipped series with the user's values where they added some, then the user's own series. */
export function effectiveSeries(lib: UserLibrary): PriceIndexSeries[] {
  const own = new Map(lib.priceIndexSeries.map((s) => [s.id, s]));
  const shipped = SHIPPED_PRICE_DATA.priceIndexSeries.map((s) => own.get(s.id) ?? s);
  const shippedIds = new Set(shipped.map((s) => s.id));
  return [...shipped, ...lib.priceIndexSeries.filter((s) => !shippedIds.has(s.id))];
}

/** The user's library, re-rendering when it changes (in any component). */
export function useUserLibrary(): UserLibrary {
  return useSyncExternalStore(subscribe, getUserLibrary, getUserLibrary);
}

/** Shipped rates (none yet: see price-data.json) and the user's, newest first. */
export function effectiveRates(lib: UserLibrary): ExchangeRateEntry[] {
  return [...SHIPPED_PRICE_DATA.exchangeRates, ...lib.exchangeRates].sort((a, b) => b.date.localeCompare(a.date));
}
