/**
 * Small pieces shared by the cost-effectiveness stage: a figure with its "How was this obtained?" button, a
 * list of them, and Enter as a way to save a field.
 */
import type { KeyboardEvent } from 'react';
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

/**
 * Enter in a field saves it, as leaving it does: the fields save when they lose focus, so Enter takes the focus
 * away and gives it back. In a form, Enter still submits the form.
 */
export function saveOnEnter(event: KeyboardEvent<HTMLElement>): void {
  const field = event.target;
  if (event.key !== 'Enter' || !(field instanceof HTMLInputElement) || field.form !== null) return;
  event.preventDefault();
  field.blur();
  field.focus();
}
