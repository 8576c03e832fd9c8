/**
 * The records part of one output card: the month-by-month table with its totals, and the two ways to change
 * it: edit the grid (all rows checked, then all replaced) or import a CSV file (all rows checked by the backend,
 * all imported or none). Records are read with their own channel after each change, and the project is
 * reloaded so the other screens see them too. "Download CSV" writes every record, exactly, with the table's
 * columns.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportReport } from '../../../shared/ipc/contract';
import type { Output, OutputRecord } from '../../../shared/model';
import { api } from '../api/client';
import { openSpreadsheetAsCsv } from '../exchange/spreadsheet-file';
import { TableCsvButton } from '../exchange/TableCsvButton';
import type { ProjectState } from '../hooks/useProject';
import { CsvImport, type CsvFile } from './CsvImport';
import { RecordEditor } from './RecordEditor';
import { RecordTable, recordsCsvOf } from './RecordTable';
import './outputs.css';

/** More records than this are not edited in the grid (import a CSV instead). */
export const MAX_EDITABLE_RECORDS = 3000;

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'import'; file: CsvFile; attempt: number };

export function OutputRecords({
  state,
  projectId,
  output,
  projectName = '',
}: {
  state: ProjectState;
  projectId: string;
  output: Output;
  /** For the CSV file's name. */
  projectName?: string;
}) {
  const { t } = useTranslation();
  const [records, setRecords] = useState<OutputRecord[]>(output.records);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The project's copy changes when it is reloaded (undo, another screen): follow it.
  useEffect(() => setRecords(output.records), [output.records]);

  const reloadRecords = useCallback(async () => {
    const listed = await api.outputRecords.list(projectId, output.id);
    if (listed.ok) setRecords(listed.value);
    else setError(listed.error.message);
    void state.reload();
  }, [projectId, output.id, state]);

  const chooseFile = async () => {
    setStatus(null);
    setError(null);
    try {
      const file = await openSpreadsheetAsCsv();
      if (file) setMode((m) => ({ kind: 'import', file, attempt: m.kind === 'import' ? m.attempt + 1 : 0 }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  // The message is shown once the records on screen are the new ones.
  const imported = async (report: CsvImportReport, file: CsvFile) => {
    await reloadRecords();
    setMode({ kind: 'view' });
    setStatus(t('outputs.import.done', { count: report.recordsImported, rows: report.rowsRead, file: file.name }));
  };

  const save = async (next: OutputRecord[]) => {
    const result = await api.outputRecords.replace(projectId, output.id, next);
    if (!result.ok) return result.error;
    setRecords(next);
    setMode({ kind: 'view' });
    setStatus(t('outputs.edit.saved', { count: result.value.count }));
    void reloadRecords();
    return null;
  };

  const tooMany = records.length > MAX_EDITABLE_RECORDS;
  const tableTitle = t('outputs.table.label', { name: output.name });
  // CSV downloads report on the card's own status and error lines: one live region per card.
  const csvStatus = (saved: { text: string; error: boolean } | null) => {
    setStatus(saved && !saved.error ? saved.text : null);
    setError(saved?.error ? saved.text : null);
  };

  return (
    <section className="output-records" aria-label={t('outputs.records.label', { name: output.name })}>
      <div className="records-toolbar">
        <h3>{t('outputs.records.title')}</h3>
        {mode.kind === 'view' && (
          <>
            <button
              type="button"
              disabled={tooMany}
              title={tooMany ? t('outputs.records.tooMany', { max: MAX_EDITABLE_RECORDS }) : undefined}
              onClick={() => {
                setStatus(null);
                setMode({ kind: 'edit' });
              }}
            >
              {records.length === 0 ? t('outputs.records.type') : t('outputs.records.edit')}
            </button>
            <button type="button" onClick={() => void chooseFile()}>
              {t('outputs.records.import')}
            </button>
            {records.length > 0 && (
              <TableCsvButton
                title={tableTitle}
                fileName={`${projectName} ${tableTitle}`.trim()}
                table={() => recordsCsvOf(records, output.unit, t)}
                onStatus={csvStatus}
              />
            )}
          </>
        )}
      </div>
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}
      {mode.kind === 'view' &&
        (records.length === 0 ? (
          <p className="empty">{t('outputs.records.none')}</p>
        ) : (
          <RecordTable
            records={records}
            name={output.name}
            unit={output.unit}
            projectName={projectName}
            onCsvStatus={csvStatus}
          />
        ))}
      {mode.kind === 'edit' && (
        <RecordEditor records={records} name={output.name} onSave={save} onCancel={() => setMode({ kind: 'view' })} />
      )}
      {mode.kind === 'import' && (
        <CsvImport
          key={`${mode.file.name}-${mode.attempt}`}
          projectId={projectId}
          outputId={output.id}
          outputName={output.name}
          existingCount={records.length}
          file={mode.file}
          onChooseAnother={() => void chooseFile()}
          onImported={(report, file) => void imported(report, file)}
          onCancel={() => setMode({ kind: 'view' })}
        />
      )}
    </section>
  );
}
