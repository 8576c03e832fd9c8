/**
 * The entries of one kind of health effect (QALY gains, deaths averted, disability averted), saved with the
 * project. An entry is saved as soon as its required fields are all given; until then what was typed stays in
 * the form with a note naming what is missing, so a half-filled entry is never saved. Emptying every field of
 * an entry removes it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField, TextField } from '../components/fields';
import {
  emptyDraft,
  isEmptyDraft,
  missingFields,
  withHealthRow,
  type HealthRowSpec,
  type RowDraft,
  type SaveCe,
} from './inputs';

export interface HealthFieldText {
  label: string;
  help?: string;
  unit?: string;
  placeholder?: string;
}

interface Common<T> {
  spec: HealthRowSpec<T>;
  /** What the fields are called, by key. */
  texts: Record<string, HealthFieldText>;
  /** The kind of entry, for the names of its buttons ("QALYs gained"). */
  title: string;
  save: SaveCe;
}

export function HealthRows<T>({
  rows,
  addLabel,
  ...common
}: Common<T> & {
  rows: readonly T[];
  addLabel: string;
}) {
  const [adding, setAdding] = useState(false);
  const showNew = rows.length === 0 || adding;
  return (
    <fieldset className="ce-fieldset" data-testid={`ce-${common.spec.list}-entries`}>
      <legend>{common.title}</legend>
      {rows.map((row, i) => (
        // Keyed by the number of entries too: removing one renumbers the rest, so each starts again from the project.
        <HealthRow key={`${i}-${rows.length}`} {...common} index={i} row={row} />
      ))}
      {showNew ? (
        <HealthRow
          key={`new-${rows.length}`}
          {...common}
          index="new"
          row={null}
          onAdded={() => setAdding(false)}
          onCancel={rows.length > 0 ? () => setAdding(false) : undefined}
        />
      ) : (
        <button type="button" className="ce-add-entry" onClick={() => setAdding(true)}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}

function HealthRow<T>({
  spec,
  texts,
  title,
  save,
  index,
  row,
  onAdded,
  onCancel,
}: Common<T> & {
  index: number | 'new';
  row: T | null;
  onAdded?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  // What was typed in an entry that is not complete yet (null: the entry is as saved).
  const [pending, setPending] = useState<RowDraft | null>(null);
  const draft = pending ?? (row === null ? emptyDraft(spec) : spec.toDraft(row));
  const missing = pending ? missingFields(spec, pending) : [];

  const commit = async (key: string, value: string) => {
    const next = { ...draft, [key]: value };
    if (isEmptyDraft(spec, next)) {
      setPending(null);
      return row === null ? null : save(withHealthRow(spec, index, null));
    }
    setPending(next);
    if (missingFields(spec, next).length > 0) return null;
    const outcome = await save(withHealthRow(spec, index, spec.fromDraft(next)));
    if (outcome.ok) {
      setPending(null);
      if (index === 'new') onAdded?.();
    }
    return outcome;
  };

  const number = typeof index === 'number' ? index + 1 : null;
  return (
    <div className="ce-entry">
      <div className="form-grid">
        {spec.fields.map((f) => {
          const text = texts[f.key];
          return f.kind === 'text' ? (
            <TextField
              key={f.key}
              label={text.label}
              value={draft[f.key] ?? ''}
              placeholder={text.placeholder}
              help={text.help}
              onCommit={(v) => commit(f.key, v)}
            />
          ) : (
            <NumberField
              key={f.key}
              label={text.label}
              value={draft[f.key] ?? ''}
              allowEmpty
              min={f.min}
              max={f.max}
              integer={f.integer}
              unit={text.unit}
              help={text.help}
              onCommit={(v) => commit(f.key, v)}
            />
          );
        })}
      </div>
      {missing.length > 0 && (
        <p className="ce-pending" role="status">
          {t('ce.health.pending', { fields: missing.map((k) => texts[k].label).join(', ') })}
        </p>
      )}
      {number !== null && (
        <button type="button" className="link" onClick={() => void save(withHealthRow(spec, number - 1, null))}>
          {t('ce.health.remove')}
          <span className="visually-hidden"> {t('ce.health.entryOf', { title, number })}</span>
        </button>
      )}
      {onCancel && (
        <button type="button" className="link" onClick={onCancel}>
          {t('ce.health.cancel')}
        </button>
      )}
    </div>
  );
}
