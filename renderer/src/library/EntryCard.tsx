/** One library entry as a card: what it values, the figure, its evidence grade, source and notes. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../../shared/library';
import { useLocale } from '../hooks/useLocale';
import { entryValueText } from './format';

export function GradeBadge({ grade }: { grade: LibraryEntry['grade'] }) {
  const { t } = useTranslation();
  return (
    <span className={`grade grade-${grade}`} title={t(`library.gradeHelp.${grade}`)}>
      {t(`library.gradeLabel.${grade}`)}
    </span>
  );
}

export function EntryCard({ entry, actions }: { entry: LibraryEntry; actions?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <article className={`library-entry kind-${entry.kind}`} aria-labelledby={headingId}>
      <header>
        <h3 id={headingId}>{entry.description}</h3>
        <GradeBadge grade={entry.grade} />
        {entry.kind !== 'proxy' && <span className="tag">{t(`library.kind.${entry.kind}`)}</span>}
      </header>
      <p className="entry-outcome">
        {entry.outcome}
        {entry.indicator && <> · {t('library.indicatorIs', { indicator: entry.indicator })}</>}
      </p>
      <p className="entry-value">
        <strong className="number">{entryValueText(entry, locale, t('library.to'))}</strong>{' '}
        {entry.currency && <span>{entry.currency}</span>} <span>{entry.unit}</span>
        {entry.priceYear !== null && <span> · {t('library.pricesOf', { year: entry.priceYear })}</span>}
        <span> · {entry.country}</span>
      </p>
      {entry.priceYearNote && <p className="entry-note">{entry.priceYearNote}</p>}
      <p className="entry-source">
        {t('library.source')}: {entry.source}
        {entry.sourceUrl && (
          <>
            {' '}
            <a href={entry.sourceUrl} target="_blank" rel="noreferrer noopener">
              {t('library.link')}
            </a>
          </>
        )}
      </p>
      {entry.gradeNote && <p className="entry-grade-note">{entry.gradeNote}</p>}
      {entry.notes && <p className="entry-notes">{entry.notes}</p>}
      {actions && <div className="entry-actions">{actions}</div>}
    </article>
  );
}
