/**
 * "Download Excel": the project's workbook (the Value Map with live formulas, the inputs by funder, the outputs
 * by month), written by the backend and saved where the user chooses (a download in browser mode).
 *
 *   <DownloadExcelButton projectId={project.id} projectName={project.name} />
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBinaryFile } from '../api/binary-files';
import { exchangeApi } from './exchange-api';
import './exchange.css';

export function DownloadExcelButton({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function download() {
    setBusy(true);
    setStatus({ text: t('exchange.excel.working'), error: false });
    try {
      const result = await exchangeApi.exportXlsx(projectId);
      if (!result.ok) throw new Error(result.error.message);
      const saved = await saveBinaryFile(result.value.fileName, 'xlsx', result.value.base64);
      setStatus(saved ? { text: t('exchange.excel.saved', { name: result.value.fileName }), error: false } : null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ text: t('exchange.excel.failed', { message }), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="exchange-action">
      <button
        type="button"
        aria-label={t('exchange.excel.downloadLabel', { name: projectName })}
        title={t('exchange.excel.help')}
        disabled={busy}
        onClick={() => void download()}
      >
        {t('exchange.excel.download')}
      </button>
      <span className={status?.error ? 'exchange-status error' : 'exchange-status'} role="status">
        {status?.text}
      </span>
    </span>
  );
}
