/**
 * Choosing a spreadsheet to import: a CSV file (read as text) or an Excel workbook (.xlsx, read as bytes and
 * sent as base64; the backend opens it). The browser's own file picker is used in both the desktop app and
 * browser mode: the renderer gets the file's content and name, never its path.
 */
import { exchangeApi } from './exchange-api';

export const MAX_CSV_BYTES = 60 * 1024 * 1024;
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

export const SPREADSHEET_ACCEPT =
  '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type SpreadsheetFile =
  | { kind: 'csv'; name: string; size: number; text: string }
  | { kind: 'xlsx'; name: string; size: number; base64: string };

export type ReadFailure = { reason: 'unsupported' | 'tooLarge'; name: string; size: number; max: number };

/** Opens the file picker; resolves with the chosen file, or null when the user cancels. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Reads a file (or part of one) with FileReader, which every engine the app runs in has. */
function read(blob: Blob, as: 'text' | 'dataURL' | 'arrayBuffer'): Promise<string | ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string | ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    if (as === 'text') reader.readAsText(blob, 'utf-8');
    else if (as === 'dataURL') reader.readAsDataURL(blob);
    else reader.readAsArrayBuffer(blob);
  });
}

async function base64Of(file: File): Promise<string> {
  const url = String(await read(file, 'dataURL'));
  return url.slice(url.indexOf(',') + 1);
}

/** A zip (an .xlsx) starts with "PK\x03\x04". */
async function looksLikeZip(file: File): Promise<boolean> {
  const head = new Uint8Array((await read(file.slice(0, 4), 'arrayBuffer')) as ArrayBuffer);
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export async function readSpreadsheetFile(
  file: File,
): Promise<{ ok: true; file: SpreadsheetFile } | ({ ok: false } & ReadFailure)> {
  const name = file.name;
  const lower = name.toLowerCase();
  const zip = await looksLikeZip(file);
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || zip) {
    if (!zip) return { ok: false, reason: 'unsupported', name, size: file.size, max: MAX_XLSX_BYTES };
    if (file.size > MAX_XLSX_BYTES)
      return { ok: false, reason: 'tooLarge', name, size: file.size, max: MAX_XLSX_BYTES };
    return { ok: true, file: { kind: 'xlsx', name, size: file.size, base64: await base64Of(file) } };
  }
  if (/\.(xls|ods|numbers)$/.test(lower)) return { ok: false, reason: 'unsupported', name, size: file.size, max: 0 };
  if (file.size > MAX_CSV_BYTES) return { ok: false, reason: 'tooLarge', name, size: file.size, max: MAX_CSV_BYTES };
  return { ok: true, file: { kind: 'csv', name, size: file.size, text: String(await read(file, 'text')) } };
}

/**
 * For the monthly-outputs import: a CSV file as it is, or the first sheet of an Excel workbook turned into CSV
 * by the backend (line N of the text is row N of the sheet, so the import's line numbers are the sheet's rows).
 * Resolves with null when the user cancels; throws with a readable message when the file cannot be used.
 *
 *   const file = await openSpreadsheetAsCsv();   // instead of openTextFile('csv')
 */
export async function openSpreadsheetAsCsv(): Promise<{ name: string; content: string } | null> {
  const picked = await pickFile(SPREADSHEET_ACCEPT);
  if (!picked) return null;
  const read = await readSpreadsheetFile(picked);
  if (!read.ok) {
    throw new Error(
      read.reason === 'tooLarge'
        ? `“${read.name}” is larger than ${Math.round(read.max / 1024 / 1024)} MB.`
        : `“${read.name}” is neither a CSV file nor an Excel workbook (.xlsx).`,
    );
  }
  if (read.file.kind === 'csv') return { name: read.file.name, content: read.file.text };
  const sheet = await exchangeApi.readSpreadsheet(read.file.base64);
  if (!sheet.ok) throw new Error(sheet.error.message);
  const label = sheet.value.sheets.length > 1 ? `${read.file.name} (sheet “${sheet.value.sheet}”)` : read.file.name;
  return { name: label, content: sheet.value.csv };
}
