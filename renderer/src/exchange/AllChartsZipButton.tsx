/**
 * "Download all charts (.zip)": every chart in the same section (or in `scope`), as PNG and SVG, in one zip.
 * Place it in the charts section's heading:
 *
 *   <AllChartsZipButton projectName={project.name} />          // the charts of the enclosing <section>
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNameFor } from '../api/files';
import './exchange.css';

export function AllChartsZipButton({
  projectName,
  scope,
}: {
  projectName: string;
  /** Where to look for charts; by default the nearest enclosing <section> (or the whole page). */
  scope?: () => ParentNode | null;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLSpanElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function download() {
    const root = scope?.() ?? ref.current?.closest('section') ?? document;
    setBusy(true);
    try {
      const { chartsOnPage, chartsZipBase64, saveZip } = await import('../charts-zip');
      if (chartsOnPage(root).length === 0) {
        setStatus({ text: t('exchange.charts.none'), error: true });
        return;
      }
      const footnote = t('charts.footnote', { project: projectName });
      const { base64, count } = await chartsZipBase64(root, projectName, footnote, (done, total) =>
        setStatus({ text: t('exchange.charts.working', { done, total }), error: false }),
      );
      const name = fileNameFor(`${projectName} charts`, 'zip');
      const saved = await saveZip(name, base64);
      setStatus(saved ? { text: t('exchange.charts.saved', { name, count }), error: false } : null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ text: t('exchange.charts.failed', { message }), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="exchange-action" ref={ref}>
      <button type="button" disabled={busy} onClick={() => void download()}>
        {t('exchange.charts.zip')}
      </button>
      <span className={status?.error ? 'exchange-status error' : 'exchange-status'} role="status">
        {status?.text}
      </span>
    </span>
  );
}
