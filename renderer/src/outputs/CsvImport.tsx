/**
 * "Import from CSV" for one output: the file's columns and first rows, then how to read them (the month
 * column; the count column or "add up the breakdown columns"; for each other column: ignore it, a count for one
 * category typed as "dimension=value" pairs, or a column naming each row's category), replace or add, and the
 * import. The backend checks every row and imports all or nothing; its problems are listed line by line.
 */
import { FieldProblemList } from '../components/FieldProblemList';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportReport } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import { api } from '../api/client';
import {
  buildMapping,
  formatCategories,
  guessCategories,
  guessMapping,
  previewCsv,
  type ColumnChoice,
  type CsvPreview,
  type MappingDraft,
  type MappingProblem,
} from './csv-mapping';
import './outputs.css';

export interface CsvFile {
  name: string;
  content: string;
}

interface Props {
  projectId: string;
  outputId: string;
  outputName: string;
  /** How many records the output has now (for "replace the N records"). */
  existingCount: number;
  file: CsvFile;
  /** Pick another file (the parent opens the file dialog). */
  onChooseAnother: () => void;
  onImported: (report: CsvImportReport, file: CsvFile) => void;
  onCancel: () => void;
}

const ADD_UP = '\u0000add-up';

export function CsvImport({
  projectId,
  outputId,
  outputName,
  existingCount,
  file,
  onChooseAnother,
  onImported,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const preview: CsvPreview = useMemo(() => previewCsv(file.content), [file.content]);
  const [draft, setDraft] = useState<MappingDraft>(() => guessMapping(preview));
  const [replaceExisting, setReplaceExisting] = useState(true);
  const [problems, setProblems] = useState<MappingProblem[]>([]);
  const [importError, setImportError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const { header } = preview;

  const otherColumns = header.filter((c) => c !== draft.periodColumn && c !== draft.countColumn);
  const choiceOf = (column: string): ColumnChoice => draft.columns[column] ?? { use: 'ignore' };
  const setChoice = (column: string, choice: ColumnChoice) =>
    setDraft((d) => ({ ...d, columns: { ...d.columns, [column]: choice } }));
  const changeUse = (column: string, use: ColumnChoice['use']) => {
    if (use === 'ignore') return setChoice(column, { use });
    if (use === 'breakdown') {
      const guess = guessCategories(column);
      return setChoice(column, { use, categories: guess ? formatCategories(guess) : '' });
    }
    setChoice(column, { use, dimension: column.replace(/_+/g, ' ').trim().toLowerCase() });
  };
  const sampleOf = (column: string) => {
    const index = header.indexOf(column);
    return preview.rows
      .slice(0, 3)
      .map((r) => r[index] ?? '')
      .join(', ');
  };
  const problemText = (p: MappingProblem) => t(`outputs.import.problems.${p.key}`, p.params);
  const problemFor = (column: string) => problems.find((p) => p.column === column);

  const runImport = async () => {
    setImportError(null);
    const built = buildMapping(draft, header, outputId, replaceExisting);
    if (!built.ok) return setProblems(built.problems);
    setProblems([]);
    setBusy(true);
    const result = await api.outputRecords.importCsv(projectId, file.content, built.mapping);
    setBusy(false);
    if (!result.ok) return setImportError(result.error);
    onImported(result.value, file);
  };

  if (header.length === 0) {
    return (
      <section className="csv-import" aria-label={t('outputs.import.title')}>
        <p className="error banner" role="alert">
          {t('outputs.import.emptyFile', { file: file.name })}
        </p>
        <div className="editor-actions">
          <button type="button" onClick={onChooseAnother}>
            {t('outputs.import.chooseAnother')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('outputs.import.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="csv-import" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('outputs.import.titleFile', { file: file.name, name: outputName })}</h4>
      <p className="help">
        {t('outputs.import.found', {
          count: preview.rowCount,
          columns: header.length,
          delimiter: preview.delimiter === ';' ? t('outputs.import.semicolons') : t('outputs.import.commas'),
        })}
      </p>

      <div className="table-scroll">
        <table className="records-table preview" aria-label={t('outputs.import.preview')}>
          <caption>{t('outputs.import.previewCaption', { count: preview.rows.length })}</caption>
          <thead>
            <tr>
              {header.map((column, i) => (
                <th key={i} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {header.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <fieldset className="mapping">
        <legend>{t('outputs.import.mappingTitle')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-period`}>{t('outputs.import.periodColumn')}</label>
            <select
              id={`${id}-period`}
              value={draft.periodColumn}
              onChange={(e) =>
                setDraft((d) => ({
                  ...d,
                  periodColumn: e.target.value,
                  countColumn: d.countColumn === e.target.value ? null : d.countColumn,
                }))
              }
            >
              {header.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
            <p className="help">{t('outputs.import.periodHelp')}</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-count`}>{t('outputs.import.countColumn')}</label>
            <select
              id={`${id}-count`}
              value={draft.countColumn ?? ADD_UP}
              onChange={(e) =>
                setDraft((d) => ({ ...d, countColumn: e.target.value === ADD_UP ? null : e.target.value }))
              }
            >
              <option value={ADD_UP}>{t('outputs.import.addUp')}</option>
              {header
                .filter((c) => c !== draft.periodColumn)
                .map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
            </select>
            <p className="help">{t('outputs.import.countHelp')}</p>
          </div>
        </div>

        {otherColumns.length > 0 && (
          <table className="column-roles">
            <caption>{t('outputs.import.otherColumns')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outputs.import.column')}</th>
                <th scope="col">{t('outputs.import.firstValues')}</th>
                <th scope="col">{t('outputs.import.use')}</th>
                <th scope="col">{t('outputs.import.categories')}</th>
              </tr>
            </thead>
            <tbody>
              {otherColumns.map((column) => {
                const choice = choiceOf(column);
                const problem = problemFor(column);
                return (
                  <tr key={column}>
                    <th scope="row">
                      <code>{column}</code>
                    </th>
                    <td className="sample">{sampleOf(column)}</td>
                    <td>
                      <select
                        aria-label={t('outputs.import.useOf', { column })}
                        value={choice.use}
                        onChange={(e) => changeUse(column, e.target.value as ColumnChoice['use'])}
                      >
                        <option value="ignore">{t('outputs.import.useIgnore')}</option>
                        <option value="breakdown">{t('outputs.import.useBreakdown')}</option>
                        <option value="category">{t('outputs.import.useCategory')}</option>
                      </select>
                    </td>
                    <td>
                      {choice.use === 'breakdown' && (
                        <input
                          type="text"
                          aria-label={t('outputs.import.categoriesOf', { column })}
                          value={choice.categories}
                          placeholder={t('outputs.edit.newColumnExample')}
                          aria-invalid={problem ? true : undefined}
                          onChange={(e) => setChoice(column, { use: 'breakdown', categories: e.target.value })}
                        />
                      )}
                      {choice.use === 'category' && (
                        <input
                          type="text"
                          aria-label={t('outputs.import.dimensionOf', { column })}
                          value={choice.dimension}
                          placeholder={t('outputs.import.dimensionExample')}
                          aria-invalid={problem ? true : undefined}
                          onChange={(e) => setChoice(column, { use: 'category', dimension: e.target.value })}
                        />
                      )}
                      {choice.use === 'ignore' && <span className="help">{t('outputs.import.ignored')}</span>}
                      {problem && <p className="error">{problemText(problem)}</p>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="help">{t('outputs.import.categoriesHelp')}</p>
      </fieldset>

      <fieldset className="mapping replace">
        <legend>{t('outputs.import.existingTitle')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-replace`}
            checked={replaceExisting}
            onChange={() => setReplaceExisting(true)}
          />
          {existingCount > 0 ? t('outputs.import.replace', { count: existingCount }) : t('outputs.import.replaceNone')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-replace`}
            checked={!replaceExisting}
            onChange={() => setReplaceExisting(false)}
          />
          {t('outputs.import.append')}
        </label>
      </fieldset>

      {problems.length > 0 && (
        <div className="error banner" role="alert">
          <p>{t('outputs.import.fixChoices')}</p>
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {importError && (
        <div className="error banner import-error" role="alert">
          <p>{importError.message}</p>
          <FieldProblemList fields={importError.fields} />
          {importError.code === 'VALIDATION' && (
            <p>
              {/nothing was imported/i.test(importError.message) ? '' : `${t('outputs.import.nothingImportedShort')} `}
              {t('outputs.import.unchanged')}
            </p>
          )}
        </div>
      )}

      <div className="editor-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void runImport()}>
          {busy ? t('outputs.import.importing') : t('outputs.import.import')}
        </button>
        <button type="button" onClick={onChooseAnother}>
          {t('outputs.import.chooseAnother')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('outputs.import.cancel')}
        </button>
      </div>
    </section>
  );
}
