/**
 * Form fields that save when left (autosave on blur). What the user typed is checked in place: an invalid
 * entry shows its reason next to the field and is never saved; a backend refusal is shown the same way.
 * Numbers are typed and shown in the user's locale and stored canonically.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dec } from '../../../shared/money/decimal';
import { formatForEditing, parseLocaleNumber } from '../../../shared/format/locale';
import type { SaveOutcome } from '../hooks/useProject';
import { useLocale } from '../hooks/useLocale';

/** What a commit returns: nothing (saved), a message to show, or the backend's answer. */
export type CommitResult = SaveOutcome | string | null | void;

function messageOf(result: CommitResult): string | null {
  if (result === null || result === undefined) return null;
  if (typeof result === 'string') return result;
  return result.ok ? null : (result.error.fields?.[0]?.message ?? result.error.message);
}

interface FieldFrameProps {
  id: string;
  label: string;
  help?: string;
  error: string | null;
  children: ReactNode;
  className?: string;
}

function FieldFrame({ id, label, help, error, children, className }: FieldFrameProps) {
  return (
    <div className={`field ${error ? 'has-error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {help && !error && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => Promise<CommitResult> | CommitResult;
  required?: boolean;
  multiline?: boolean;
  help?: string;
  placeholder?: string;
  name?: string;
}

export function TextField({ label, value, onCommit, required, multiline, help, placeholder, name }: TextFieldProps) {
  const id = useId();
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);

  const commit = async () => {
    if (draft === value) return setError(null);
    if (required && draft.trim() === '') return setError(t('fields.required'));
    setError(messageOf(await onCommit(draft)));
  };
  const common = {
    id,
    name,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : help ? `${id}-help` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => void commit(),
  };
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </FieldFrame>
  );
}

interface NumberFieldProps {
  label: string;
  /** Canonical decimal string; for percentages, the stored fraction ("0.25"). */
  value: string;
  onCommit: (canonical: string) => Promise<CommitResult> | CommitResult;
  /** Shown and typed as 0..100 %, stored as a fraction 0..1. */
  percent?: boolean;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** An empty field is allowed and committed as '' (meaning "not known"). */
  allowEmpty?: boolean;
  help?: string;
  name?: string;
}

export function NumberField({
  label,
  value,
  onCommit,
  percent,
  unit,
  min,
  max,
  integer,
  allowEmpty,
  help,
  name,
}: NumberFieldProps) {
  const id = useId();
  const locale = useLocale();
  const { t } = useTranslation();
  const shown = (v: string) => (v === '' ? '' : formatForEditing(percent ? dec(v).times(100).toFixed() : v, locale));
  const [draft, setDraft] = useState(() => shown(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(shown(value)), [value, locale]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = async () => {
    if (allowEmpty && draft.trim() === '') {
      if (value === '') return setError(null);
      return setError(messageOf(await onCommit('')));
    }
    const parsed = parseLocaleNumber(draft, locale);
    if (!parsed.ok) return setError(`${label} ${parsed.message}`);
    const number = dec(parsed.value);
    const lower = percent ? 0 : min;
    const upper = percent ? 100 : max;
    if (lower !== undefined && number.lt(lower)) return setError(t('fields.atLeast', { label, min: lower }));
    if (upper !== undefined && number.gt(upper)) return setError(t('fields.atMost', { label, max: upper }));
    if (integer && !number.isInteger()) return setError(t('fields.wholeNumber', { label }));
    const canonical = percent ? number.div(100).toFixed() : parsed.value;
    if (value !== '' && dec(canonical).eq(dec(value))) {
      setDraft(shown(value));
      return setError(null);
    }
    setError(messageOf(await onCommit(canonical)));
  };

  return (
    <FieldFrame id={id} label={label} help={help} error={error} className="number-field">
      <div className="with-unit">
        <input
          id={id}
          name={name}
          type="text"
          inputMode="decimal"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
        />
        {(percent || unit) && <span className="unit">{percent ? '%' : unit}</span>}
      </div>
    </FieldFrame>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onCommit: (value: V) => Promise<CommitResult> | CommitResult;
  help?: string;
  name?: string;
}

export function SelectField<V extends string>({ label, value, options, onCommit, help, name }: SelectFieldProps<V>) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldFrame id={id} label={label} help={help} error={error}>
      <select
        id={id}
        name={name}
        value={value}
        onChange={async (e) => setError(messageOf(await onCommit(e.target.value as V)))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
