/**
 * Small pieces shared by the cost-effectiveness stage: a figure with its "How was this obtained?" button, a
 * list of them, and the marker on inputs that are kept on this screen only (not yet saved with the project).
 */
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../../../shared/engine';
import { ExplainButton } from '../components/ExplainButton';

export interface FigureItem {
  key: string;
  label: string;
  /** The figure in words, or the reason it is not available. */
  text: string;
  explain: Explanation;
  /** A sentence under the figure. */
  note?: string;
}

export function FigureList({
  items,
  currency,
  testPrefix,
}: {
  items: FigureItem[];
  currency: string;
  testPrefix: string;
}) {
  return (
    <dl className="figures ce-figures">
      {items.map((f) => (
        <div key={f.key} className="figure card">
          <dt>{f.label}</dt>
          <dd data-testid={`${testPrefix}-${f.key}`}>{f.text}</dd>
          {f.note && <dd className="ce-note">{f.note}</dd>}
          <dd>
            <ExplainButton explanation={f.explain} currency={currency} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "Kept on this screen only": inputs the project file cannot hold yet. */
export function Unsaved() {
  const { t } = useTranslation();
  return (
    <p className="ce-unsaved" role="note">
      <strong>{t('ce.unsaved.title')}</strong> {t('ce.unsaved.text')}
    </p>
  );
}
