/**
 * "Import cost lines…": a CSV file or an Excel workbook into the project's inputs. Steps on one dialog: choose
 * the file (and the sheet of a workbook); see its first rows; say which column holds what (guessed from the
 * column names), what lines that do not say get (stakeholder group, kind, category, year), how numbers are
 * written, and whether the lines replace the project's or are added; import. The backend checks every row and
 * imports all or nothing; its problems are listed by line (CSV) or row (sheet) and column.
 *
 *   <InputsImportButton project={project} onImported={() => void state.reload()} />
 */
import { FieldProblemList } from '../components/FieldProblemList';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputsImportReport } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import type { Project } from '../../../shared/model';
import { numberStyle } from '../../../shared/format/locale';
import { useLocale } from '../hooks/useLocale';
import { exchangeApi } from './exchange-api';
import { ExchangeDialog } from './ExchangeDialog';
import {
  buildInputsMapping,
  guessInputsMapping,
  INPUT_COLUMNS,
  previewTable,
  type DraftProblem,
  type InputColumn,
  type InputsDraft,
  type TablePreview,
} from './inputs-mapping';
import { pickFile, readSpreadsheetFile, SPREADSHEET_ACCEPT, type SpreadsheetFile } from './spreadsheet-file';
import './exchange.css';

const NONE = '\u0000none';

interface Loaded {
  file: SpreadsheetFile;
  /** Sheets of a workbook, and the one shown. */
  sheets: string[];
  sheet: string | null;
  preview: TablePreview;
}

export function InputsImportButton({
  project,
  onImported,
}: {
  project: Project;
  onImported: (report: InputsImportReport) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('exchange.inputs.open')}
      </button>
      <span className="exchange-status" role="status">
        {status}
      </span>
      {open && (
        <InputsImportDialog
          project={project}
          onClose={() => setOpen(false)}
          onImported={(report) => {
            setOpen(false);
            setStatus(importedText(report, t));
            onImported(report);
          }}
        />
      )}
    </>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function importedText(report: InputsImportReport, t: Translate): string {
  const parts = [t('exchange.inputs.done', { count: report.inputsImported })];
  if (report.inputsReplaced > 0) parts.push(t('exchange.inputs.replaced', { count: report.inputsReplaced }));
  if (report.stakeholdersCreated.length > 0) {
    parts.push(t('exchange.inputs.groupsAdded', { names: report.stakeholdersCreated.map((n) => `“${n}”`).join(', ') }));
  }
  return parts.join(' ');
}

export function InputsImportDialog({
  project,
  onClose,
  onImported,
}: {
  project: Project;
  onClose: () => void;
  onImported: (report: InputsImportReport) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<InputsDraft | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [draftProblems, setDraftProblems] = useState<DraftProblem[]>([]);
  const [importError, setImportError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Problems appear under the mapping, which may be scrolled away: bring them into view.
  const problemsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (importError || draftProblems.length > 0) problemsRef.current?.scrollIntoView?.({ block: 'start' });
  }, [importError, draftProblems]);

  const firstYear = project.period.start.slice(0, 4);
  const guessFor = (preview: TablePreview) =>
    guessInputsMapping(preview, project, {
      defaultCategory: t('inputsGrid.defaultCategory'),
      localeDecimal: numberStyle(locale).decimal === ',' ? ',' : '.',
    });

  async function showSheet(file: SpreadsheetFile & { kind: 'xlsx' }, sheet: string | null) {
    setBusy(t('exchange.file.reading', { name: file.name }));
    const read = await exchangeApi.readSpreadsheet(file.base64, sheet);
    setBusy(null);
    if (!read.ok) {
      setFileError(read.error.message);
      return;
    }
    const preview = previewTable(read.value.csv);
    setLoaded({ file, sheets: read.value.sheets, sheet: read.value.sheet, preview });
    setDraft(guessFor(preview));
  }

  async function choose() {
    const picked = await pickFile(SPREADSHEET_ACCEPT);
    if (!picked) return;
    setFileError(null);
    setImportError(null);
    setDraftProblems([]);
    setLoaded(null);
    setBusy(t('exchange.file.reading', { name: picked.name }));
    let read: Awaited<ReturnType<typeof readSpreadsheetFile>>;
    try {
      read = await readSpreadsheetFile(picked);
    } catch (error) {
      setFileError(error instanceof Error ? error.message : String(error));
      return;
    } finally {
      setBusy(null);
    }
    if (!read.ok) {
      setFileError(
        read.reason === 'tooLarge'
          ? t('exchange.file.tooLarge', {
              name: read.name,
              size: (read.size / 1024 / 1024).toFixed(1),
              max: Math.round(read.max / 1024 / 1024),
            })
          : t('exchange.file.unsupported', { name: read.name }),
      );
      return;
    }
    if (read.file.kind === 'xlsx') return showSheet(read.file, null);
    const preview = previewTable(read.file.text);
    setLoaded({ file: read.file, sheets: [], sheet: null, preview });
    setDraft(guessFor(preview));
  }

  async function runImport() {
    if (!loaded || !draft) return;
    setImportError(null);
    const built = buildInputsMapping(draft, loaded.preview.header);
    if (!built.ok) return setDraftProblems(built.problems);
    setDraftProblems([]);
    setBusy(t('exchange.inputs.importing'));
    const source =
      loaded.file.kind === 'csv'
        ? { kind: 'csv' as const, text: loaded.file.text }
        : { kind: 'xlsx' as const, base64: loaded.file.base64, sheet: loaded.sheet };
    const result = await exchangeApi.importInputs(project.id, source, built.mapping);
    setBusy(null);
    if (!result.ok) return setImportError(result.error);
    onImported(result.value);
  }

  const header = loaded?.preview.header ?? [];
  const samples = useMemo(() => {
    const map = new Map<string, string>();
    if (!loaded) return map;
    loaded.preview.header.forEach((name, i) =>
      map.set(
        name,
        loaded.preview.rows
          .slice(0, 3)
          .map((r) => r.cells[i] ?? '')
          .filter((v) => v !== '')
          .join(', '),
      ),
    );
    return map;
  }, [loaded]);
  const setColumn = (field: InputColumn, value: string) =>
    setDraft((d) => (d ? { ...d, columns: { ...d.columns, [field]: value === NONE ? null : value } } : d));
  const setDefaults = (change: Partial<InputsDraft['defaults']>) =>
    setDraft((d) => (d ? { ...d, defaults: { ...d.defaults, ...change } } : d));
  const required = (field: InputColumn) => field === 'description' || field === 'amount';

  return (
    <ExchangeDialog
      title={t('exchange.inputs.title')}
      onClose={onClose}
      footer={
        <>
          {loaded && draft && header.length > 0 && (
            <button type="button" className="primary" disabled={busy !== null} onClick={() => void runImport()}>
              {busy === t('exchange.inputs.importing') ? t('exchange.inputs.importing') : t('exchange.inputs.import')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('exchange.inputs.cancel')}
          </button>
        </>
      }
    >
      <p className="help">{t('exchange.inputs.lead')}</p>
      <div className="exchange-file">
        <button type="button" onClick={() => void choose()} disabled={busy !== null}>
          {loaded ? t('exchange.file.chooseAnother') : t('exchange.file.choose')}
        </button>
        {loaded && <strong className="file-name">{loaded.file.name}</strong>}
        {loaded && loaded.sheets.length > 1 && loaded.file.kind === 'xlsx' && (
          <label className="sheet-choice">
            {t('exchange.file.sheet')}{' '}
            <select
              value={loaded.sheet ?? ''}
              onChange={(e) => void showSheet(loaded.file as SpreadsheetFile & { kind: 'xlsx' }, e.target.value)}
            >
              {loaded.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {busy && <span role="status">{busy}</span>}
      </div>
      {fileError && (
        <p className="error banner" role="alert">
          {fileError}
        </p>
      )}

      {loaded && header.length === 0 && (
        <p className="error banner" role="alert">
          {t('exchange.file.empty', { name: loaded.file.name })}
        </p>
      )}

      {loaded && draft && header.length > 0 && (
        <>
          <p className="help">{t('exchange.file.found', { count: loaded.preview.rowCount, columns: header.length })}</p>
          <div className="table-scroll">
            <table className="exchange-preview" aria-label={t('exchange.file.preview')}>
              <caption>{t('exchange.file.previewCaption', { count: loaded.preview.rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exchange.file.lineNumber')}</th>
                  {header.map((name, i) => (
                    <th key={i} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {loaded.preview.rows.map((row) => (
                  <tr key={row.line}>
                    <th scope="row">{row.line}</th>
                    {header.map((_, c) => (
                      <td key={c}>{row.cells[c] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <fieldset className="exchange-mapping">
            <legend>{t('exchange.inputs.mappingTitle')}</legend>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('exchange.inputs.field')}</th>
                  <th scope="col">{t('exchange.inputs.column')}</th>
                  <th scope="col">{t('exchange.inputs.firstValues')}</th>
                </tr>
              </thead>
              <tbody>
                {INPUT_COLUMNS.map((field) => {
                  const chosen = draft.columns[field];
                  return (
                    <tr key={field}>
                      <th scope="row">
                        <label htmlFor={`${id}-${field}`}>
                          {t(`exchange.inputs.fields.${field}`)}
                          {required(field) && <span className="required"> {t('exchange.inputs.required')}</span>}
                        </label>
                      </th>
                      <td>
                        <select
                          id={`${id}-${field}`}
                          value={chosen ?? NONE}
                          onChange={(e) => setColumn(field, e.target.value)}
                        >
                          <option value={NONE}>{t('exchange.inputs.notInFile')}</option>
                          {header.map((name) => (
                            <option key={name} value={name}>
                              {name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="sample">{chosen ? samples.get(chosen) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </fieldset>

          <fieldset className="exchange-mapping">
            <legend>{t('exchange.inputs.defaultsTitle')}</legend>
            <div className="form-grid">
              <div className="field">
                <label htmlFor={`${id}-d-stakeholder`}>{t('exchange.inputs.defaultStakeholder')}</label>
                <select
                  id={`${id}-d-stakeholder`}
                  value={draft.defaults.stakeholderId ?? NONE}
                  onChange={(e) => setDefaults({ stakeholderId: e.target.value === NONE ? null : e.target.value })}
                >
                  <option value={NONE}>{t('exchange.inputs.noDefaultStakeholder')}</option>
                  {project.stakeholders.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-d-kind`}>{t('exchange.inputs.defaultKind')}</label>
                <select
                  id={`${id}-d-kind`}
                  value={draft.defaults.kind}
                  onChange={(e) => setDefaults({ kind: e.target.value as InputsDraft['defaults']['kind'] })}
                >
                  <option value="cash">{t('inputsGrid.kinds.cash')}</option>
                  <option value="in-kind">{t('inputsGrid.kinds.inKind')}</option>
                  <option value="volunteer">{t('inputsGrid.kinds.volunteer')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-d-category`}>{t('exchange.inputs.defaultCategory')}</label>
                <input
                  id={`${id}-d-category`}
                  type="text"
                  maxLength={100}
                  value={draft.defaults.category}
                  onChange={(e) => setDefaults({ category: e.target.value })}
                />
              </div>
              <div className="field narrow">
                <label htmlFor={`${id}-d-year`}>{t('exchange.inputs.defaultYear')}</label>
                <input
                  id={`${id}-d-year`}
                  type="number"
                  min={1}
                  max={100}
                  step={1}
                  value={draft.defaults.year}
                  aria-describedby={`${id}-d-year-help`}
                  onChange={(e) =>
                    setDefaults({ year: Math.min(100, Math.max(1, Math.round(Number(e.target.value) || 1))) })
                  }
                />
              </div>
            </div>
            <p id={`${id}-d-year-help`} className="help">
              {t('exchange.inputs.yearHelp', { year: firstYear })}
            </p>
            {draft.columns.stakeholder !== null && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.createStakeholders}
                  onChange={(e) => setDraft({ ...draft, createStakeholders: e.target.checked })}
                />
                {t('exchange.inputs.createStakeholders')}
              </label>
            )}
          </fieldset>

          <fieldset className="exchange-mapping">
            <legend>{t('exchange.inputs.numbersTitle')}</legend>
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-numbers`}
                checked={draft.numberFormat === 'point'}
                onChange={() => setDraft({ ...draft, numberFormat: 'point' })}
              />
              {t('exchange.inputs.numbersPoint')}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-numbers`}
                checked={draft.numberFormat === 'comma'}
                onChange={() => setDraft({ ...draft, numberFormat: 'comma' })}
              />
              {t('exchange.inputs.numbersComma')}
            </label>
            <p className="help">{t('exchange.inputs.numbersHelp')}</p>
          </fieldset>

          <fieldset className="exchange-mapping">
            <legend>{t('exchange.inputs.existingTitle')}</legend>
            {project.inputs.length === 0 ? (
              <p className="help">{t('exchange.inputs.replaceNone')}</p>
            ) : (
              <>
                <label className="checkbox">
                  <input
                    type="radio"
                    name={`${id}-existing`}
                    checked={!draft.replaceExisting}
                    onChange={() => setDraft({ ...draft, replaceExisting: false })}
                  />
                  {t('exchange.inputs.append')}
                </label>
                <label className="checkbox">
                  <input
                    type="radio"
                    name={`${id}-existing`}
                    checked={draft.replaceExisting}
                    onChange={() => setDraft({ ...draft, replaceExisting: true })}
                  />
                  {t('exchange.inputs.replace', { count: project.inputs.length })}
                </label>
              </>
            )}
          </fieldset>

          <div ref={problemsRef}>
            {draftProblems.length > 0 && (
              <div className="error banner" role="alert">
                <ul className="problem-list">
                  {draftProblems.map((p) => (
                    <li key={p}>{t(`exchange.inputs.${p}`)}</li>
                  ))}
                </ul>
              </div>
            )}
            {importError && (
              <div className="error banner import-error" role="alert">
                <p>{importError.message}</p>
                <FieldProblemList fields={importError.fields} />
                {!/nothing was imported/i.test(importError.message) && <p>{t('exchange.inputs.nothingImported')}</p>}
              </div>
            )}
          </div>
        </>
      )}
    </ExchangeDialog>
  );
}
