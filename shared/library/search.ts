/** Searching and filtering the library: free text plus outcome, country, currency, grade and kind. */
import type { EntryGrade, EntryKind, LibraryEntry } from './schema';

export interface LibraryFilter {
  /** Words that must all appear (in any field), ignoring case and accents. */
  text: string;
  /** '' for any. */
  outcome: string;
  country: string;
  currency: string;
  grade: EntryGrade | '';
  /** One kind (the browser starts on 'proxy', outcome values) or 'all'. */
  kind: EntryKind | 'all';
}

export const ANY_FILTER: LibraryFilter = { text: '', outcome: '', country: '', currency: '', grade: '', kind: 'all' };

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function haystack(entry: LibraryEntry): string {
  return fold(
    [
      entry.id,
      entry.outcome,
      entry.indicator,
      entry.description,
      entry.unit,
      entry.country,
      entry.currency ?? '',
      entry.source,
      entry.notes,
    ].join(' '),
  );
}

export function filterEntries(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (filter.kind !== 'all' && entry.kind !== filter.kind) return false;
    if (filter.outcome !== '' && entry.outcome !== filter.outcome) return false;
    if (filter.country !== '' && entry.country !== filter.country) return false;
    if (filter.currency !== '' && entry.currency !== filter.currency) return false;
    if (filter.grade !== '' && entry.grade !== filter.grade) return false;
    if (words.length === 0) return true;
    const text = haystack(entry);
    return words.every((w) => text.includes(w));
  });
}

/** The values each filter can take, from the entries themselves (sorted, no duplicates). */
export function facets(entries: readonly LibraryEntry[]): {
  outcomes: string[];
  countries: string[];
  currencies: string[];
  grades: EntryGrade[];
} {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const order: EntryGrade[] = ['A', 'B', 'D', 'own'];
  const grades = new Set(entries.map((e) => e.grade));
  return {
    outcomes: sorted(entries.map((e) => e.outcome)),
    countries: sorted(entries.map((e) => e.country)),
    currencies: sorted(entries.flatMap((e) => (e.currency === null ? [] : [e.currency]))),
    grades: order.filter((g) => grades.has(g)),
  };
}
