/**
 * "Import a Value Map (.xlsx)…": an existing Value Map spreadsheet into a new project, as far as its columns
 * allow. Afterwards a dialog says what was created, lists what could not be read and what was set to a default,
 * and offers to open the project.
 *
 *   <ValueMapImportButton onOpenProject={(id) => navigate(hrefFor({ projectId: id, ... }))} onImported={refresh} />
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueMapImportReport } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import { exchangeApi } from './exchange-api';
import { ExchangeDialog } from './ExchangeDialog';
import { pickFile, readSpreadsheetFile, XLSX_ACCEPT } from './spreadsheet-file';
import './exchange.css';

export function ValueMapImportButton({
  onOpenProject,
  onImported,
}: {
  onOpenProject: (projectId: string) => void;
  /** Called once the project exists (e.g. to refresh the list of projects). */
  onImported?: (report: ValueMapImportReport) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [report, setReport] = useState<ValueMapImportReport | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  async function choose() {
    const picked = await pickFile(XLSX_ACCEPT);
    if (!picked) return;
    setFailure(null);
    setBusy(t('exchange.valueMap.working', { name: picked.name }));
    try {
      const read = await readSpreadsheetFile(picked);
      if (!read.ok || read.file.kind !== 'xlsx') {
        const message =
          !read.ok && read.reason === 'tooLarge'
            ? t('exchange.file.tooLarge', {
                name: picked.name,
                size: (picked.size / 1024 / 1024).toFixed(1),
                max: Math.round(read.max / 1024 / 1024),
              })
            : t('exchange.file.unsupported', { name: picked.name });
        setFailure({ code: 'VALIDATION', message });
        return;
      }
      const result = await exchangeApi.importValueMap(read.file.base64, read.file.name);
      if (!result.ok) setFailure(result.error);
      else {
        setReport(result.value);
        onImported?.(result.value);
      }
    } catch (error) {
      setFailure({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <span className="exchange-action">
      <button type="button" title={t('exchange.valueMap.help')} disabled={busy !== null} onClick={() => void choose()}>
        {t('exchange.valueMap.open')}
      </button>
      <span className="exchange-status" role="status">
        {busy}
      </span>
      {failure && (
        <ExchangeDialog
          title={t('exchange.valueMap.failedTitle')}
          onClose={() => setFailure(null)}
          footer={
            <button type="button" onClick={() => setFailure(null)}>
              {t('dialog.close')}
            </button>
          }
        >
          <div className="error banner" role="alert">
            <p>{failure.message}</p>
            {failure.fields && failure.fields.length > 0 && (
              <ul className="problem-list">
                {failure.fields.map((f, i) => (
                  <li key={i}>
                    <strong>{f.where}</strong>: {f.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </ExchangeDialog>
      )}
      {report && (
        <ExchangeDialog
          title={t('exchange.valueMap.title')}
          onClose={() => setReport(null)}
          footer={
            <>
              <button type="button" className="primary" onClick={() => onOpenProject(report.summary.id)}>
                {t('exchange.valueMap.openProject')}
              </button>
              <button type="button" onClick={() => setReport(null)}>
                {t('dialog.close')}
              </button>
            </>
          }
        >
          <p>
            {t('exchange.valueMap.summary', {
              name: report.summary.name,
              stakeholders: report.read.stakeholders,
              outcomes: report.read.outcomes,
              inputs: report.read.inputs,
              outputs: report.read.outputs,
            })}
          </p>
          <h3>{t('exchange.valueMap.unreadable')}</h3>
          {report.unreadable.length === 0 ? (
            <p className="help">{t('exchange.valueMap.unreadableNone')}</p>
          ) : (
            <ul className="exchange-list unreadable" aria-label={t('exchange.valueMap.unreadable')}>
              {report.unreadable.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          {report.assumptions.length > 0 && (
            <>
              <h3>{t('exchange.valueMap.assumptions')}</h3>
              <ul className="exchange-list" aria-label={t('exchange.valueMap.assumptions')}>
                {report.assumptions.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </ExchangeDialog>
      )}
    </span>
  );
}
