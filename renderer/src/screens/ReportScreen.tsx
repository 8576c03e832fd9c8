/**
 * Stage: the report. Choose the sections, the paper and the stories; check the report in the preview (the same
 * view that is printed); save it as PDF (printed by Chromium's engine in the desktop app, the browser's print
 * dialog in browser mode) or as an editable Word document. Everything is produced on this computer.
 */
import { useDeferredValue, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import type { Project } from '../../../shared/model';
import { defaultReportOptions, type ReportOptions, type ReportPayload } from '../../../shared/report/options';
import type { ProjectState } from '../hooks/useProject';
import { ReportControls } from '../report/ReportControls';
import { ReportView } from '../report/ReportView';
import { saveReportDocx, saveReportPdf } from '../report/save-report';
import { today, useReportModel } from '../report/useReportModel';
import '../report/report.css';

export interface ReportScreenProps {
  /** The workspace's project state (the report only reads the project). */
  state?: ProjectState;
  project: Project;
  result: SroiResult;
}

type Status = { text: string; error: boolean } | null;

/** The preview shows the page at its printed width (210 mm), scaled down to fit its column. */
const PAGE_WIDTH_PX = (210 / 25.4) * 96;

function usePreviewZoom(ref: RefObject<HTMLDivElement | null>): number {
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const style = getComputedStyle(element);
      const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (inner > 0) setZoom(Math.min(1, Math.floor((inner / PAGE_WIDTH_PX) * 100) / 100));
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return zoom;
}

export function ReportScreen({ project, result }: ReportScreenProps) {
  const { t, i18n } = useTranslation();
  const [options, setOptions] = useState<ReportOptions>(defaultReportOptions);
  const deferred = useDeferredValue(options);
  const { analysis, model, locale } = useReportModel(project, deferred, { result });
  const preview = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<'pdf' | 'docx' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const nothingChosen = options.sections.length === 0;
  const zoom = usePreviewZoom(preview);

  async function save(kind: 'pdf' | 'docx') {
    setBusy(kind);
    setStatus({ text: t('report.screen.saving'), error: false });
    try {
      let outcome;
      if (kind === 'pdf') {
        const payload: ReportPayload = {
          project,
          options,
          language: i18n.language,
          date: today(),
          appVersion: __APP_VERSION__,
        };
        outcome = await saveReportPdf(project.name, payload);
      } else {
        outcome = await saveReportDocx(project.name, model, preview.current ?? document);
      }
      if (!outcome.saved) setStatus(null);
      else if (outcome.how === 'print-dialog') setStatus({ text: t('report.screen.printed'), error: false });
      else
        setStatus({
          text: t(kind === 'pdf' ? 'report.screen.savedPdf' : 'report.screen.savedWord', { name: outcome.name }),
          error: false,
        });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ text: t('report.screen.failed', { message }), error: true });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="report-screen" aria-labelledby="report-screen-title">
      <div className="report-screen-head">
        <h1 id="report-screen-title">{t('sections.report')}</h1>
        <p className="lead">{t('report.screen.lead')}</p>
      </div>
      <div className="report-layout">
        <div className="report-side">
          <div className="report-actions card">
            <button
              type="button"
              className="primary"
              disabled={busy !== null || nothingChosen || deferred !== options}
              onClick={() => void save('pdf')}
            >
              {t('report.screen.savePdf')}
            </button>
            <button
              type="button"
              disabled={busy !== null || nothingChosen || deferred !== options}
              onClick={() => void save('docx')}
            >
              {t('report.screen.saveWord')}
            </button>
            <p className={status?.error ? 'report-status error' : 'report-status'} role="status">
              {status?.text}
            </p>
          </div>
          <ReportControls project={project} options={options} onChange={setOptions} />
        </div>
        <div
          className="report-preview"
          ref={preview}
          aria-label={t('report.screen.preview')}
          role="region"
          style={{ '--preview-zoom': zoom } as CSSProperties}
        >
          {deferred !== options && <p className="report-preview-busy">{t('report.screen.computing')}</p>}
          {nothingChosen ? (
            <p className="empty">{t('report.screen.noSections')}</p>
          ) : (
            <ReportView project={project} analysis={analysis} model={model} locale={locale} />
          )}
        </div>
      </div>
    </section>
  );
}
