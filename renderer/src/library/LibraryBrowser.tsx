/**
 * Browsing the library for one outcome: the entries suggested for it first, then every entry, searchable and
 * filtered by outcome, country, currency, grade and kind. "Use for this outcome" hands the entry to the
 * price-year and currency step (LibraryDialog), which fills the outcome's proxy. The entries found can be
 * downloaded as CSV, with their sources and grades.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  filterEntries,
  facets,
  usableAsProxy,
  type EntryKind,
  type LibraryEntry,
  type LibraryFilter,
} from '../../../shared/library';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { useLocale } from '../hooks/useLocale';
import { entriesCsv } from './csv';
import { EntryCard } from './EntryCard';

const KINDS: Array<EntryKind | 'all'> = [
  'proxy',
  'unit-cost',
  'conversion',
  'utility',
  'threshold',
  'adjustment',
  'all',
];

export function LibraryBrowser({
  entries,
  suggestions,
  outcomeName,
  onChoose,
  projectName = '',
}: {
  entries: readonly LibraryEntry[];
  suggestions: readonly string[];
  outcomeName: string;
  /** Start using an entry for the outcome (the price-year and currency step follows). */
  onChoose: (entry: LibraryEntry) => void;
  /** For the CSV file's name. */
  projectName?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const csvTitle = t('library.csvTitle');
  const [filter, setFilter] = useState<LibraryFilter>({
    text: '',
    outcome: '',
    country: '',
    currency: '',
    grade: '',
    kind: 'proxy',
  });
  const options = useMemo(() => facets(entries), [entries]);
  const found = useMemo(() => filterEntries(entries, filter), [entries, filter]);
  const suggested = useMemo(
    () => suggestions.flatMap((id) => entries.filter((e) => e.id === id)),
    [entries, suggestions],
  );
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));

  const actionFor = (entry: LibraryEntry) =>
    usableAsProxy(entry) ? (
      <button
        type="button"
        className="primary"
        onClick={() => onChoose(entry)}
        aria-label={t('library.useFor', { entry: entry.description, outcome: outcomeName })}
      >
        {t('library.use')}
      </button>
    ) : (
      <span className="entry-reference">{t(`library.referenceOnly.${entry.kind}`)}</span>
    );

  return (
    <div className="library-browser">
      {suggested.length > 0 && (
        <section aria-labelledby="suggested-title" className="suggested">
          <h3 id="suggested-title">{t('library.suggested')}</h3>
          <div className="entry-list">
            {suggested.map((entry) => (
              <EntryCard key={`s-${entry.id}`} entry={entry} actions={actionFor(entry)} />
            ))}
          </div>
        </section>
      )}
      <div className="library-filters" role="search">
        <div className="field grow">
          <label htmlFor="library-search">{t('library.search')}</label>
          <input
            id="library-search"
            type="search"
            value={filter.text}
            placeholder={t('library.searchExample')}
            onChange={(e) => set('text', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="library-outcome">{t('library.filterOutcome')}</label>
          <select id="library-outcome" value={filter.outcome} onChange={(e) => set('outcome', e.target.value)}>
            <option value="">{t('library.any')}</option>
            {options.outcomes.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-country">{t('library.filterCountry')}</label>
          <select id="library-country" value={filter.country} onChange={(e) => set('country', e.target.value)}>
            <option value="">{t('library.any')}</option>
            {options.countries.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-currency">{t('library.filterCurrency')}</label>
          <select id="library-currency" value={filter.currency} onChange={(e) => set('currency', e.target.value)}>
            <option value="">{t('library.any')}</option>
            {options.currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-grade">{t('library.filterGrade')}</label>
          <select
            id="library-grade"
            value={filter.grade}
            onChange={(e) => set('grade', e.target.value as LibraryFilter['grade'])}
          >
            <option value="">{t('library.any')}</option>
            {options.grades.map((g) => (
              <option key={g} value={g}>
                {t(`library.gradeLabel.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-kind">{t('library.filterKind')}</label>
          <select
            id="library-kind"
            value={filter.kind}
            onChange={(e) => set('kind', e.target.value as LibraryFilter['kind'])}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`library.kindFilter.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="library-count-row">
        <p className="library-count" role="status">
          {t('library.count', { count: found.length })}
        </p>
        {found.length > 0 && (
          <TableCsvButton
            title={csvTitle}
            fileName={`${projectName} ${csvTitle}`.trim()}
            table={() => entriesCsv(found, t, locale)}
          />
        )}
      </div>
      <div className="entry-list">
        {found.map((entry) => (
          <EntryCard key={entry.id} entry={entry} actions={actionFor(entry)} />
        ))}
      </div>
    </div>
  );
}
