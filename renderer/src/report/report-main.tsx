/**
 * The standalone report page (report.html): draws one report from a payload, with no backend, so a printer
 * can load it on its own. The command line sets `window.__SROI_REPORT__` before the page loads (Playwright's
 * addInitScript); the desktop app's hidden printing window calls `window.__sroiRenderReport(payload)` once
 * the page has loaded. Both then wait for `data-report-ready` on <html> (or `data-report-error`).
 *
 * What the page offers its host, once ready:
 *   window.__sroiReport                  { model, anchors }: the content model (for the Word writer)
 *   window.__sroiSetContentsPages(pages) writes the sections' page numbers into the contents
 *   window.__sroiChartImages()           the charts as PNGs (base64)
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import i18next, { isLanguage, setLanguage } from '../i18n';
import type { Project } from '../../../shared/model';
import { ReportPayload, type ReportOptions } from '../../../shared/report/options';
import type { ReportModel } from '../../../shared/report/types';
import { chartsDrawn, reportChartImages, type RenderedChartImage } from './chart-images';
import { ReportView } from './ReportView';
import { useReportModel } from './useReportModel';

export interface ReportReady {
  title: string;
  anchors: string[];
}

declare global {
  interface Window {
    __SROI_REPORT__?: unknown;
    __sroiRenderReport?: (payload: unknown) => Promise<ReportReady>;
    __sroiSetContentsPages?: (pages: Record<string, number>) => Promise<void>;
    __sroiChartImages?: () => Promise<RenderedChartImage[]>;
    __sroiReport?: { model: ReportModel; anchors: string[] };
  }
}

let setPagesState: ((pages: Record<string, number>) => void) | null = null;

function StandaloneReport(props: {
  project: Project;
  options: ReportOptions;
  date: string | undefined;
  appVersion: string | undefined;
  onModel: (model: ReportModel) => void;
}) {
  const { project, options, onModel } = props;
  const { analysis, model, locale } = useReportModel(project, options, {
    date: props.date,
    appVersion: props.appVersion,
  });
  const [pages, setPages] = useState<Record<string, number>>({});
  useEffect(() => {
    setPagesState = setPages;
    return () => {
      setPagesState = null;
    };
  }, []);
  useEffect(() => onModel(model), [model, onModel]);
  return <ReportView project={project} analysis={analysis} model={model} locale={locale} pages={pages} />;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let root: Root | null = null;

function fail(message: string): never {
  document.documentElement.dataset.reportError = message;
  const container = document.getElementById('report-root');
  if (container) container.textContent = message;
  throw new Error(message);
}

async function renderReport(raw: unknown): Promise<ReportReady> {
  const parsed = ReportPayload.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    fail(`The report could not be drawn: ${first ? `${first.path.join('.')} ${first.message}` : 'invalid payload'}`);
  }
  const payload = parsed.data;
  if (isLanguage(payload.language) && payload.language !== i18next.language) await setLanguage(payload.language, false);
  const container = document.getElementById('report-root');
  if (!container) fail('The report page has no #report-root.');
  let model: ReportModel | null = null;
  root ??= createRoot(container);
  const target = root;
  flushSync(() =>
    target.render(
      <StrictMode>
        <StandaloneReport
          project={payload.project}
          options={payload.options}
          date={payload.date}
          appVersion={payload.appVersion}
          onModel={(m) => {
            model = m;
          }}
        />
      </StrictMode>,
    ),
  );
  await frame();
  await chartsDrawn(container);
  await document.fonts.ready;
  const built = model as ReportModel | null;
  if (built === null) fail('The report could not be drawn.');
  const anchors = built.sections.map((s) => s.anchor);
  document.title = built.title;
  document.documentElement.lang = built.language;
  window.__sroiReport = { model: built, anchors };
  document.documentElement.dataset.reportReady = 'true';
  return { title: built.title, anchors };
}

window.__sroiRenderReport = renderReport;
window.__sroiSetContentsPages = async (pages) => {
  if (setPagesState) flushSync(() => setPagesState?.(pages));
  await frame();
  await frame();
};
window.__sroiChartImages = () => {
  const model = window.__sroiReport?.model;
  const footnote = model ? `${model.running} · SROI Studio` : 'SROI Studio';
  return reportChartImages(document, footnote);
};

if (window.__SROI_REPORT__ !== undefined) {
  renderReport(window.__SROI_REPORT__).catch((error: unknown) => {
    document.documentElement.dataset.reportError = error instanceof Error ? error.message : String(error);
  });
}
