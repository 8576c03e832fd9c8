/**
 * Data exchange with spreadsheets: the Excel workbook of a project (Value Map with live formulas, inputs by
 * funder, outputs by month), a sheet of a workbook as CSV text (for previews and for the monthly-outputs CSV
 * import, whose line numbers then are the sheet's row numbers), cost lines from CSV or .xlsx (every row checked,
 * all or nothing, in one transaction), and an existing Value Map into a new project.
 *
 * The service works through the store's own services (lists, projects), so every write keeps their rules:
 * references checked, the audit log written, the project marked changed.
 */
import type {
  InputsImportReport,
  InputsMapping,
  SpreadsheetSource,
  ValueMapImportReport,
} from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model';
import { sheetToCsv } from '../../exchange/cells';
import { readCostLines } from '../../exchange/cost-lines';
import { csvSource, pickSheet, sheetSource, type RowSource } from '../../exchange/rows';
import { readValueMap } from '../../exchange/value-map-reader';
import { buildWorkbook, workbookFileName } from '../../exchange/value-map-writer';
import { bytesOfBase64, loadWorkbook } from '../../exchange/workbook-file';
import type { Store } from '../store';

/** A sheet converted to CSV must still fit the CSV import's own limit. */
const MAX_CSV_CHARS = 60 * 1024 * 1024;

export class ExchangeService {
  constructor(private readonly store: Store) {}

  /** The project's workbook, as base64, with a file name made from the project's name. */
  async exportXlsx(projectId: string): Promise<{ base64: string; fileName: string }> {
    const project = this.store.projects.get(projectId);
    const { buffer } = await buildWorkbook(project, { appVersion: this.store.version });
    return { base64: buffer.toString('base64'), fileName: workbookFileName(project.name) };
  }

  /** One sheet of a workbook as CSV (line N = row N, rows above the header blank), and the names of its sheets. */
  async readSpreadsheet(base64: string, sheetName: string | null) {
    const workbook = await loadWorkbook(bytesOfBase64(base64));
    const sheet = pickSheet(workbook, sheetName);
    const { csv, rows, headerRow } = sheetToCsv(sheet);
    if (csv.length > MAX_CSV_CHARS) {
      throw new AppFailure(
        'VALIDATION',
        `The sheet "${sheet.name}" is too large to import this way (over 60 MB as text). Save it as CSV and import that.`,
      );
    }
    return { sheets: workbook.worksheets.map((s) => s.name), sheet: sheet.name, csv, rows, headerRow: headerRow ?? 1 };
  }

  /** Cost lines into the project's inputs: all of them, or none and every problem listed by line (or row). */
  async importInputs(
    projectId: string,
    source: SpreadsheetSource,
    mapping: InputsMapping,
  ): Promise<InputsImportReport> {
    const project = this.store.projects.get(projectId);
    let rows: RowSource;
    if (source.kind === 'csv') rows = csvSource(source.text);
    else {
      const workbook = await loadWorkbook(bytesOfBase64(source.base64));
      rows = sheetSource(pickSheet(workbook, source.sheet));
    }
    const read = await readCostLines(rows, mapping, project);

    const db = this.store.db;
    if (db.inTransaction)
      throw new AppFailure('CONFLICT', 'Another change is being saved; try the import again in a moment.');
    const lists = this.store.lists;
    const replaced = db.transaction(() => {
      let removed = 0;
      if (mapping.replaceExisting) {
        for (const old of project.inputs) {
          lists.delete('inputs', projectId, old.id);
          removed++;
        }
      }
      for (const group of read.newStakeholders) lists.save('stakeholders', projectId, group);
      for (const input of read.inputs) lists.save('inputs', projectId, input);
      return removed;
    })();
    return {
      rowsRead: read.rowsRead,
      inputsImported: read.inputs.length,
      inputsReplaced: replaced,
      stakeholdersCreated: read.newStakeholders.map((g) => g.name),
    };
  }

  /** A Value Map spreadsheet into a new project; says what could not be read and what was assumed. */
  async importValueMap(base64: string, fileName: string): Promise<ValueMapImportReport> {
    const workbook = await loadWorkbook(bytesOfBase64(base64));
    const reading = readValueMap(workbook, { fileName });
    const summary = this.store.projects.import(
      {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        app: { name: 'SROI Studio (Value Map import)', version: this.store.version },
        project: reading.project,
      },
      true,
    );
    return { summary, read: reading.read, unreadable: reading.unreadable, assumptions: reading.assumptions };
  }
}
