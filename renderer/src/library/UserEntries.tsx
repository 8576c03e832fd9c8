/**
 * The user's own entries: add, edit, delete, use, and share them (with their price data) as a file. Values
 * under licence (HACT's UK Social Value Bank, for example) may be entered here under the user's own
 * licence; they are never shipped with the app.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LibraryEntry,
  usableAsProxy,
  type EntryGrade,
  type LibraryEntry as LibraryEntryType,
} from '../../../shared/library';
import { formatForEditing, parseLocaleNumber } from '../../../shared/format/locale';
import { openTextFile, saveTextFile } from '../api/files';
import { useLocale } from '../hooks/useLocale';
import { EntryCard } from './EntryCard';
import { userLibrary, useUserLibrary } from './store';

interface Draft {
  kind: 'proxy' | 'unit-cost';
  description: string;
  outcome: string;
  indicator: string;
  unit: string;
  value: string;
  currency: string;
  priceYear: string;
  country: string;
  source: string;
  sourceUrl: string;
  notes: string;
  grade: EntryGrade;
}

function draftOf(entry: LibraryEntryType | null, currency: string, year: number, locale: string): Draft {
  return {
    kind: entry?.kind === 'unit-cost' ? 'unit-cost' : 'proxy',
    description: entry?.description ?? '',
    outcome: entry?.outcome ?? '',
    indicator: entry?.indicator ?? '',
    unit: entry?.unit ?? '',
    value: entry?.value ? formatForEditing(entry.value, locale) : '',
    currency: entry?.currency ?? currency,
    priceYear: String(entry?.priceYear ?? year),
    country: entry?.country ?? '',
    source: entry?.source ?? '',
    sourceUrl: entry?.sourceUrl ?? '',
    notes: entry?.notes ?? '',
    grade: entry?.grade ?? 'own',
  };
}

function EntryForm({
  initial,
  onDone,
  defaults,
}: {
  initial: LibraryEntryType | null;
  onDone: () => void;
  defaults: { currency: string; priceYear: number };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial, defaults.currency, defaults.priceYear, locale));
  const [problems, setProblems] = useState<string[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const field = (key: keyof Draft, label: string, help?: string, required = false) => {
    const id = `${formId}-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>
          {label}
          {required && <span aria-hidden="true"> *</span>}
        </label>
        <input
          id={id}
          value={draft[key]}
          required={required}
          inputMode={key === 'value' || key === 'priceYear' ? 'decimal' : undefined}
          aria-describedby={help ? `${id}-help` : undefined}
          onChange={(e) => set(key, e.target.value as Draft[typeof key])}
        />
        {help && (
          <p className="help" id={`${id}-help`}>
            {help}
          </p>
        )}
      </div>
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseLocaleNumber(draft.value, locale);
    if (!value.ok) return setProblems([`${t('library.own.value')} ${value.message}`]);
    const candidate = {
      id: initial?.id ?? `user-${crypto.randomUUID()}`,
      kind: draft.kind,
      outcome: draft.outcome.trim(),
      indicator: draft.indicator.trim(),
      description: draft.description.trim(),
      unit: draft.unit.trim(),
      value: value.value,
      valueLow: null,
      valueHigh: null,
      valueOptions: [],
      currency: draft.currency.trim().toUpperCase(),
      priceYear: Number(draft.priceYear),
      priceYearNote: initial?.priceYearNote ?? '',
      country: draft.country.trim(),
      source: draft.source.trim(),
      sourceUrl: draft.sourceUrl.trim(),
      notes: draft.notes.trim(),
      grade: draft.grade,
      gradeNote: initial?.gradeNote ?? '',
      origin: 'user' as const,
    };
    const parsed = LibraryEntry.safeParse(candidate);
    if (!parsed.success) {
      return setProblems(
        parsed.error.issues.map((i) => `${t(`library.own.${String(i.path[0] ?? 'value')}`)} ${i.message}`),
      );
    }
    userLibrary.saveEntry(parsed.data);
    onDone();
  };

  return (
    <form
      className="card own-entry-form"
      onSubmit={submit}
      noValidate
      aria-label={initial ? t('library.own.editTitle') : t('library.own.formTitle')}
    >
      <h3>{initial ? t('library.own.editTitle') : t('library.own.formTitle')}</h3>
      <div className="form-grid">
        {field('description', t('library.own.description'), t('library.own.descriptionHelp'), true)}
        {field('outcome', t('library.own.outcome'), undefined, true)}
        {field('indicator', t('library.own.indicator'))}
        {field('unit', t('library.own.unit'), t('library.own.unitHelp'), true)}
        {field('value', t('library.own.value'), undefined, true)}
        {field('currency', t('library.own.currency'), undefined, true)}
        {field('priceYear', t('library.own.priceYear'), undefined, true)}
        {field('country', t('library.own.country'), undefined, true)}
        {field('source', t('library.own.source'), t('library.own.sourceHelp'), true)}
        {field('sourceUrl', t('library.own.sourceUrl'))}
        {field('notes', t('library.own.notes'))}
        <div className="field">
          <label htmlFor={`${formId}-kind`}>{t('library.own.kind')}</label>
          <select
            id={`${formId}-kind`}
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as Draft['kind'])}
          >
            <option value="proxy">{t('library.kind.proxy')}</option>
            <option value="unit-cost">{t('library.kind.unit-cost')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-grade`}>{t('library.own.grade')}</label>
          <select
            id={`${formId}-grade`}
            value={draft.grade}
            onChange={(e) => set('grade', e.target.value as EntryGrade)}
          >
            {(['own', 'A', 'B', 'D'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`library.gradeLabel.${g}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {problems.length > 0 && (
        <ul className="problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="entry-actions">
        <button type="submit" className="primary">
          {initial ? t('library.own.save') : t('library.own.add')}
        </button>
        <button type="button" onClick={onDone}>
          {t('library.cancel')}
        </button>
      </div>
    </form>
  );
}

export function UserEntries({
  defaults,
  onUse,
}: {
  defaults: { currency: string; priceYear: number };
  /** Start using an entry for the outcome (the browser's apply step). */
  onUse: (entry: LibraryEntryType) => void;
}) {
  const { t } = useTranslation();
  const lib = useUserLibrary();
  const [editing, setEditing] = useState<LibraryEntryType | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const exportFile = async () => {
    const file = userLibrary.exportFile();
    try {
      const saved = await saveTextFile('sroi-proxy-library.json', 'json', JSON.stringify(file, null, 2));
      setMessage(saved ? t('library.own.exported') : null);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  const importFile = async () => {
    setProblems([]);
    let file: { name: string; content: string } | null;
    try {
      file = await openTextFile('project');
    } catch (error) {
      return setMessage(error instanceof Error ? error.message : String(error));
    }
    if (!file) return;
    let data: unknown;
    try {
      data = JSON.parse(file.content);
    } catch {
      return setMessage(t('library.own.notJson', { name: file.name }));
    }
    const result = userLibrary.importFile(data);
    if (result.ok) {
      setMessage(t('library.own.imported', { entries: result.entries, series: result.series, rates: result.rates }));
    } else {
      setMessage(t('library.own.importFailed', { count: result.problems.length }));
      setProblems(result.problems);
    }
  };

  return (
    <div className="user-entries">
      <p className="lead">{t('library.own.lead')}</p>
      <p className="help licence-note">{t('library.own.licence')}</p>
      <div className="list-tools">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('library.own.addButton')}
        </button>
        <button type="button" onClick={() => void exportFile()}>
          {t('library.own.export')}
        </button>
        <button type="button" onClick={() => void importFile()}>
          {t('library.own.import')}
        </button>
      </div>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="problems" aria-label={t('library.own.importProblems')}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {editing && (
        <EntryForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          defaults={defaults}
          onDone={() => setEditing(null)}
        />
      )}
      {lib.entries.length === 0 ? (
        <p className="empty">{t('library.own.empty')}</p>
      ) : (
        <div className="entry-list">
          {lib.entries.map((entry) => (
            <EntryCard
              key={entry.id}
              entry={entry}
              actions={
                <>
                  {usableAsProxy(entry) && (
                    <button type="button" className="primary" onClick={() => onUse(entry)}>
                      {t('library.use')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => setEditing(entry)}
                    aria-label={t('library.own.editLabel', { name: entry.description })}
                  >
                    {t('library.own.edit')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => userLibrary.deleteEntry(entry.id)}
                    aria-label={t('library.own.deleteLabel', { name: entry.description })}
                  >
                    {t('library.own.delete')}
                  </button>
                </>
              }
            />
          ))}
        </div>
      )}
    </div>
  );
}
