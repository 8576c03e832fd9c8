/**
 * The Word writer on the Node side: the report's content model and its chart images (PNGs drawn by the report
 * page in Chromium) packed into a .docx with the `docx` library (shared/report/docx-document.ts lays it out;
 * the app packs the same document in the renderer).
 */
import { writeFile } from 'node:fs/promises';
import { Packer } from 'docx';
import { buildDocxDocument, type ChartImage } from '../../shared/report/docx-document';
import type { ReportModel } from '../../shared/report/types';

export async function docxBytes(model: ReportModel, charts: readonly ChartImage[]): Promise<Buffer> {
  return Packer.toBuffer(buildDocxDocument(model, charts));
}

export async function writeDocx(path: string, model: ReportModel, charts: readonly ChartImage[]): Promise<number> {
  const bytes = await docxBytes(model, charts);
  await writeFile(path, bytes);
  return bytes.length;
}
