/**
 * "Save as PDF" in the desktop app: a hidden window, as locked down as the main one and without the preload
 * (the report page never calls the backend), loads app://sroi/report.html, receives the project and the
 * user's choices, and is printed with Electron's printToPDF: Chromium's engine, the report's own @page rules
 * (paper, margins, running footer, page numbers), vector charts, tagged PDF with bookmarks. The contents get
 * their page numbers in a second pass (shared/report/pdf.ts), exactly as on the command line.
 */
import { BrowserWindow } from 'electron';
import type { ReportPayload } from '../../shared/report/options';
import { pdfPageCount, printSettings, printWithContentsPages } from '../../shared/report/pdf';
import { APP_ORIGIN, secureWebPreferences } from './security';

const RENDER_TIMEOUT_MS = 120_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${RENDER_TIMEOUT_MS / 1000} s`)),
      RENDER_TIMEOUT_MS,
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export async function printReportPdf(payload: ReportPayload): Promise<{ pdf: Uint8Array; pages: number }> {
  const { preload: _preload, ...webPreferences } = secureWebPreferences('');
  const window = new BrowserWindow({ show: false, width: 1000, height: 1400, webPreferences });
  try {
    await window.loadURL(`${APP_ORIGIN}/report.html`);
    const contents = window.webContents;
    // JSON is a JavaScript expression: the payload arrives as data, never as code to run.
    const ready = (await withTimeout(
      contents.executeJavaScript(`window.__sroiRenderReport(${JSON.stringify(payload)})`, true),
      'Drawing the report',
    )) as { anchors: string[] };
    const { pdf } = await printWithContentsPages(
      async (final) => {
        const settings = printSettings(final);
        return new Uint8Array(
          await contents.printToPDF({
            preferCSSPageSize: settings.preferCSSPageSize,
            printBackground: settings.printBackground,
            generateDocumentOutline: settings.outline,
            generateTaggedPDF: settings.tagged,
          }),
        );
      },
      async (pages) => {
        await contents.executeJavaScript(`window.__sroiSetContentsPages(${JSON.stringify(pages)})`, true);
      },
      ready.anchors,
    );
    return { pdf, pages: pdfPageCount(pdf) };
  } finally {
    window.destroy();
  }
}
