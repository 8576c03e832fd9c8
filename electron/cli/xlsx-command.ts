/**
 * `sroi report FILE --xlsx OUT` (report-command.ts calls this for --xlsx): the Excel workbook of a model file (the
 * Value Map with live formulas, the inputs by funder, the outputs by month), the same workbook the app's
 * "Download Excel" writes. exceljs writes asynchronously, so `report` runs through `runAsync` (program.ts).
 */
import { writeFileSync } from 'node:fs';
import { version } from '../../package.json';
import type { Project } from '../../shared/model';
import { CliError, ExitCode } from './exit-codes';
import type { CliIo } from './io';

function writeReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Writes the workbook of a valid project to `out` and says so on standard output. */
export async function writeXlsxReport(project: Project, out: string, io: CliIo): Promise<ExitCode> {
  // Loaded when asked for: the other commands never pay for exceljs.
  const { buildWorkbook } = await import('../exchange/value-map-writer');
  const { buffer, layout } = await buildWorkbook(project, { appVersion: version });
  try {
    writeFileSync(out, buffer);
  } catch (error) {
    throw new CliError(ExitCode.FileUnreadable, `cannot write ${out}: ${writeReason(error)}`);
  }
  const years = layout.valueMap.years;
  io.out(
    `wrote ${out}: sheets "Value Map" (${project.outcomes.length} outcome${project.outcomes.length === 1 ? '' : 's'}, years 1 to ${years}, live formulas), "Inputs by funder", "Outputs by month", "About".\n`,
  );
  return ExitCode.Ok;
}
