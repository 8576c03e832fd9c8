/**
 * Saving the report. PDF: in the desktop app the shell prints the report page with Chromium's engine and asks
 * where to save it ('files/printPdf'); in browser mode the browser's own print dialog prints the report view
 * (window.print(), "Save as PDF" as the printer). Word: built here from the content model and the preview's
 * charts (as PNGs), then saved like any file (native dialog or download).
 */
import type { ReportPayload } from '../../../shared/report/options';
import type { ReportModel } from '../../../shared/report/types';
import { base64ToBytes, saveBinaryFile } from '../api/binary-files';
import { fileNameFor } from '../api/files';
import { isDesktop } from '../api/transport';
import { reportChartImages } from './chart-images';

export type SaveOutcome = { saved: true; name: string; how: 'file' | 'print-dialog' } | { saved: false };

export function reportFileName(projectName: string, extension: 'pdf' | 'docx'): string {
  return fileNameFor(`${projectName} SROI report`, extension);
}

export async function saveReportPdf(projectName: string, payload: ReportPayload): Promise<SaveOutcome> {
  const name = reportFileName(projectName, 'pdf');
  if (!isDesktop()) {
    window.print();
    return { saved: true, name, how: 'print-dialog' };
  }
  const result = (await window.sroi!.invoke('files/printPdf', { suggestedName: name, report: payload })) as {
    ok: boolean;
    value?: { saved: boolean; fileName: string | null };
    error?: { message: string };
  };
  if (!result.ok) throw new Error(result.error?.message ?? 'The PDF could not be saved.');
  return result.value?.saved ? { saved: true, name: result.value.fileName ?? name, how: 'file' } : { saved: false };
}

/** The Word document of the report drawn in `root`, as base64 (the charts are taken from the drawing). */
export async function reportDocxBase64(model: ReportModel, root: ParentNode): Promise<string> {
  const images = await reportChartImages(root, `${model.running} · SROI Studio`);
  // Loaded when first asked for: the Word writer is not part of the app's start-up.
  const [{ buildDocxDocument }, { Packer }] = await Promise.all([
    import('../../../shared/report/docx-document'),
    import('docx'),
  ]);
  const document = buildDocxDocument(
    model,
    images.map((image) => ({ ...image, png: base64ToBytes(image.base64) })),
  );
  return Packer.toBase64String(document);
}

export async function saveReportDocx(projectName: string, model: ReportModel, root: ParentNode): Promise<SaveOutcome> {
  const name = reportFileName(projectName, 'docx');
  const saved = await saveBinaryFile(name, 'docx', await reportDocxBase64(model, root));
  return saved ? { saved: true, name, how: 'file' } : { saved: false };
}
