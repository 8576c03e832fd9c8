/**
 * Opening a spreadsheet someone hands us (.xlsx), safely: the bytes are checked before exceljs sees them.
 * An .xlsx is a zip of XML files; a small file can expand to gigabytes, and exceljs keeps a whole workbook in
 * memory. So the zip's own directory is read first (sizes as the file declares them), and files that are too
 * large, that expand too much, or that are not .xlsx at all (an old .xls, an .ods, a CSV renamed) are refused
 * with a message that says what to do instead.
 */
import ExcelJS from 'exceljs';
import { AppFailure } from '../../shared/ipc/result';

/** Largest workbook accepted (the file as saved). Cost lines and monthly counts fit in a tiny fraction. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Largest total of the files inside the zip once expanded. */
export const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;
/** Sheets with more rows than this are refused before any row is read. */
export const MAX_SHEET_ROWS = 200_000;

const MB = 1024 * 1024;

function refuse(message: string): AppFailure {
  return new AppFailure('VALIDATION', message, [{ path: 'file', where: 'file', message }]);
}

interface ZipEntry {
  name: string;
  size: number;
}

/** The entries of a zip's central directory; null when the bytes are not a zip. */
function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // ZIP64: only needed for files far larger than anything accepted here.
    throw refuse(`The workbook is too large to import (over ${MAX_EXPANDED_BYTES / MB} MB once opened).`);
  }
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) return null;
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Checks that `bytes` are an .xlsx workbook of an acceptable size, or throws a VALIDATION failure saying why not. */
export function checkWorkbookBytes(bytes: Buffer): void {
  if (bytes.length === 0) throw refuse('The file is empty.');
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw refuse(
      `The workbook is ${(bytes.length / MB).toFixed(1)} MB, larger than the ${MAX_WORKBOOK_BYTES / MB} MB this import reads. Save only the sheet you need, or save it as CSV and import that.`,
    );
  }
  // An old Excel file (.xls) is an OLE compound document.
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    throw refuse('This is an old Excel file (.xls). Open it and save it as "Excel Workbook (.xlsx)" or as CSV.');
  }
  const entries = zipEntries(bytes);
  if (entries === null) {
    const start = bytes.toString('utf8', 0, Math.min(bytes.length, 512));
    // Text has no control characters other than tabs and line breaks.
    const looksLikeText = ![...start].some((ch) => {
      const code = ch.charCodeAt(0);
      return code < 9 || (code > 13 && code < 32);
    });
    throw refuse(
      looksLikeText
        ? 'This file is text, not an Excel workbook (.xlsx). If it is a CSV file, choose CSV.'
        : 'This file is not an Excel workbook (.xlsx), or it is damaged.',
    );
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    const ods = names.has('content.xml') && names.has('mimetype');
    throw refuse(
      ods
        ? 'This is an OpenDocument spreadsheet (.ods). Save it as "Excel 2007-365 (.xlsx)" or as CSV.'
        : 'This file is a zip archive but not an Excel workbook (.xlsx).',
    );
  }
  const expanded = entries.reduce((sum, e) => sum + e.size, 0);
  if (expanded > MAX_EXPANDED_BYTES) {
    throw refuse(
      `The workbook expands to ${(expanded / MB).toFixed(0)} MB when opened, more than the ${MAX_EXPANDED_BYTES / MB} MB this import reads. Save only the sheet you need, or save it as CSV.`,
    );
  }
}

/** The bytes of a base64 payload (the contract already bounded its length). */
export function bytesOfBase64(base64: string): Buffer {
  const clean = base64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(clean)) throw refuse('The file did not arrive intact (not base64).');
  return Buffer.from(clean, 'base64');
}

/** Loads a checked workbook; a file exceljs cannot read becomes a VALIDATION failure, never an internal error. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  checkWorkbookBytes(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw refuse(
      `The workbook could not be read (${detail.slice(0, 200)}). Open it in Excel or LibreOffice and save it again as .xlsx.`,
    );
  }
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > MAX_SHEET_ROWS) {
      throw refuse(
        `The sheet "${sheet.name}" has ${sheet.rowCount.toLocaleString('en')} rows, more than the ${MAX_SHEET_ROWS.toLocaleString('en')} this import reads.`,
      );
    }
  }
  return workbook;
}
