/**
 * The one API contract between the interface and the backend: channel name -> zod schemas of its input and
 * output. Both transports (Electron IPC and browser mode's POST /rpc) and the dispatcher read this object;
 * the renderer's client type is derived from it. Adding a channel here without a handler fails a test.
 */
import { z } from 'zod';
import {
  ActivityYear,
  AnalysisType,
  CalendarYear,
  CostEffectivenessInputs,
  CurrencyCode,
  Evidence,
  Id,
  Input,
  IsoDate,
  Outcome,
  Output,
  OutputRecord,
  Project,
  ProjectFile,
  RequiredText,
  Scenario,
  Settings,
  SimulationRun,
  StakeholderGroup,
  Story,
  Strategy,
  Text,
} from '../model';

const ProjectRef = z.object({ projectId: Id });
const Nothing = z.object({});
const Done = z.object({ done: z.literal(true) });

export const ProjectSummary = z.object({
  id: Id,
  name: z.string(),
  organisation: z.string(),
  currency: z.string(),
  analysisType: AnalysisType,
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  stakeholderCount: z.number().int(),
  inputCount: z.number().int(),
  outcomeCount: z.number().int(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

/** The scalar fields of a project a user edits on the Scope screen. */
export const ProjectChanges = z
  .object({
    name: RequiredText(200),
    organisation: Text(200),
    programme: Text(4000),
    analysisType: AnalysisType,
    period: z.object({ start: IsoDate, end: IsoDate }),
    priceYear: CalendarYear,
    currency: CurrencyCode,
    settings: Settings,
    effectUnit: Text(100),
    costEffectiveness: CostEffectivenessInputs,
  })
  .partial();
export type ProjectChanges = z.infer<typeof ProjectChanges>;

export const NewProject = z.object({
  name: RequiredText(200),
  organisation: Text(200).optional(),
  currency: CurrencyCode.optional(),
  analysisType: AnalysisType.optional(),
});
export type NewProject = z.infer<typeof NewProject>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'delete', 'restore', 'import']),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const BackupInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(['start', 'before-migration', 'periodic', 'manual', 'before-restore']),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** How the columns of a CSV of monthly output records map onto an output (see the outputs import service). */
export const CsvRecordMapping = z.object({
  outputId: Id,
  periodColumn: z.string().min(1, { message: 'choose the column that holds the month' }),
  /** Column with the count; null to add up the breakdown columns instead. */
  countColumn: z.string().min(1).nullable(),
  /** Wide layout: a column per category, e.g. "italian_women" -> { nationality: "Italian", gender: "women" }. */
  breakdownColumns: z.array(
    z.object({ column: z.string().min(1), categories: z.record(z.string().min(1), z.string().min(1)) }),
  ),
  /** Long layout: a column whose values are the category of a dimension, e.g. "gender" -> dimension "gender". */
  categoryColumns: z.array(z.object({ column: z.string().min(1), dimension: z.string().min(1) })),
  replaceExisting: z.boolean(),
});
export type CsvRecordMapping = z.infer<typeof CsvRecordMapping>;

export const CsvImportReport = z.object({
  rowsRead: z.number().int(),
  recordsImported: z.number().int(),
});
export type CsvImportReport = z.infer<typeof CsvImportReport>;

// ---------------------------------------------------------------------------------------------------------------
// Exchange: Excel workbooks out, spreadsheets in (electron/exchange, electron/backend/services/exchange-service.ts)

/** Largest .xlsx accepted as base64 text: a 20 MB workbook (base64 is 4/3 of the bytes). */
export const MAX_XLSX_BASE64 = 28 * 1024 * 1024;
const XlsxBase64 = z.string().max(MAX_XLSX_BASE64, {
  message: 'the workbook is larger than 20 MB; save only the sheet you need, or save it as CSV and import that',
});
const SpreadsheetColumn = z.string().min(1, { message: 'choose a column' }).max(200);

/** A spreadsheet to read: CSV text, or an .xlsx workbook (base64) and the sheet to read (null: the first). */
export const SpreadsheetSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('csv'),
    text: z.string().max(60 * 1024 * 1024, {
      message: 'the file is larger than 60 MB; split it or import it with the command-line tool',
    }),
  }),
  z.object({ kind: z.literal('xlsx'), base64: XlsxBase64, sheet: z.string().max(200).nullable() }),
]);
export type SpreadsheetSource = z.infer<typeof SpreadsheetSource>;

/** How the columns of a spreadsheet of cost lines map onto inputs; null columns take the defaults. */
export const InputsMapping = z.object({
  columns: z.object({
    description: SpreadsheetColumn,
    amount: SpreadsheetColumn.nullable(),
    stakeholder: SpreadsheetColumn.nullable(),
    kind: SpreadsheetColumn.nullable(),
    category: SpreadsheetColumn.nullable(),
    funder: SpreadsheetColumn.nullable(),
    year: SpreadsheetColumn.nullable(),
    hours: SpreadsheetColumn.nullable(),
    hourlyRate: SpreadsheetColumn.nullable(),
    source: SpreadsheetColumn.nullable(),
    notes: SpreadsheetColumn.nullable(),
  }),
  /** For lines whose cell is empty, or when no column is chosen. */
  defaults: z.object({
    stakeholderId: Id.nullable(),
    kind: z.enum(['cash', 'in-kind', 'volunteer']),
    category: RequiredText(100),
    year: ActivityYear,
  }),
  /** How numbers typed as text are written: "1,234.56" (point) or "1.234,56" (comma). */
  numberFormat: z.enum(['point', 'comma']),
  /** Add a stakeholder group for each name in the stakeholder column that the project does not have. */
  createStakeholders: z.boolean(),
  /** Delete the project's cost lines first (in the same transaction). */
  replaceExisting: z.boolean(),
});
export type InputsMapping = z.infer<typeof InputsMapping>;

export const InputsImportReport = z.object({
  rowsRead: z.number().int(),
  inputsImported: z.number().int(),
  inputsReplaced: z.number().int(),
  stakeholdersCreated: z.array(z.string()),
});
export type InputsImportReport = z.infer<typeof InputsImportReport>;

export const ValueMapImportReport = z.object({
  summary: ProjectSummary,
  read: z.object({
    stakeholders: z.number().int(),
    inputs: z.number().int(),
    outputs: z.number().int(),
    outcomes: z.number().int(),
  }),
  /** What was in the file but could not be read (with where it was). */
  unreadable: z.array(z.string()),
  /** What the file did not say and was set to a default (to check in the new project). */
  assumptions: z.array(z.string()),
});
export type ValueMapImportReport = z.infer<typeof ValueMapImportReport>;

/** save / delete / reorder for one list of a project (stakeholders, inputs, ...). */
function listChannels<const Name extends string, Item extends z.ZodType>(name: Name, item: Item) {
  return {
    [`${name}/save`]: { input: z.object({ projectId: Id, item }), output: item },
    [`${name}/delete`]: { input: z.object({ projectId: Id, id: Id }), output: Done },
    [`${name}/reorder`]: { input: z.object({ projectId: Id, ids: z.array(Id) }), output: Done },
  } as {
    [K in `${Name}/save` | `${Name}/delete` | `${Name}/reorder`]: K extends `${Name}/save`
      ? { input: z.ZodObject<{ projectId: typeof Id; item: Item }>; output: Item }
      : K extends `${Name}/delete`
        ? { input: z.ZodObject<{ projectId: typeof Id; id: typeof Id }>; output: typeof Done }
        : { input: z.ZodObject<{ projectId: typeof Id; ids: z.ZodArray<typeof Id> }>; output: typeof Done };
  };
}

/** Outputs are saved without their records, which have channels of their own (they can be a million rows). */
export const OutputWithoutRecords = Output.omit({ records: true });
export type OutputWithoutRecords = z.infer<typeof OutputWithoutRecords>;

export const contract = {
  'app/info': {
    input: Nothing,
    output: z.object({ version: z.string(), schemaVersion: z.number().int(), dataFile: z.string() }),
  },

  'projects/list': {
    input: z.object({ includeArchived: z.boolean().default(false), search: z.string().max(200).default('') }),
    output: z.array(ProjectSummary),
  },
  'projects/create': { input: NewProject, output: ProjectSummary },
  'projects/get': { input: z.object({ id: Id }), output: Project },
  'projects/update': { input: z.object({ id: Id, changes: ProjectChanges }), output: ProjectSummary },
  'projects/saveSimulation': {
    input: z.object({ id: Id, run: SimulationRun.nullable() }),
    output: ProjectSummary,
  },
  'projects/rename': { input: z.object({ id: Id, name: RequiredText(200) }), output: ProjectSummary },
  'projects/duplicate': {
    input: z.object({ id: Id, name: RequiredText(200), mode: z.enum(['copy', 'scenario']) }),
    output: z.object({ projectId: Id, scenarioId: Id.nullable() }),
  },
  'projects/archive': { input: z.object({ id: Id, archived: z.boolean() }), output: ProjectSummary },
  'projects/delete': { input: z.object({ id: Id }), output: z.object({ id: Id, undoUntil: z.string() }) },
  'projects/undoDelete': { input: z.object({ id: Id }), output: ProjectSummary },
  'projects/history': {
    input: z.object({ id: Id, limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(AuditEntry),
  },
  'projects/export': { input: z.object({ id: Id }), output: ProjectFile },
  'projects/import': {
    input: z.object({ file: z.unknown(), asCopy: z.boolean().default(false) }),
    output: ProjectSummary,
  },

  ...listChannels('stakeholders', StakeholderGroup),
  ...listChannels('inputs', Input),
  ...listChannels('outputs', OutputWithoutRecords),
  ...listChannels('outcomes', Outcome),
  ...listChannels('evidence', Evidence),
  ...listChannels('stories', Story),
  ...listChannels('strategies', Strategy),
  ...listChannels('scenarios', Scenario),

  'outputRecords/list': {
    input: ProjectRef.extend({ outputId: Id }),
    output: z.array(OutputRecord),
  },
  'outputRecords/replace': {
    input: ProjectRef.extend({ outputId: Id, records: z.array(OutputRecord) }),
    output: z.object({ count: z.number().int() }),
  },
  'outputRecords/importCsv': {
    input: ProjectRef.extend({
      csv: z.string().max(60 * 1024 * 1024, {
        message: 'the file is larger than 60 MB; split it or import it with the command-line tool',
      }),
      mapping: CsvRecordMapping,
    }),
    output: CsvImportReport,
  },

  'exchange/exportXlsx': {
    input: ProjectRef,
    output: z.object({ base64: z.string(), fileName: z.string() }),
  },
  'exchange/readSpreadsheet': {
    input: z.object({ base64: XlsxBase64, sheet: z.string().max(200).nullable().default(null) }),
    output: z.object({
      sheets: z.array(z.string()),
      sheet: z.string(),
      /** The sheet as CSV text: line N is row N of the sheet (rows above the header are left empty). */
      csv: z.string(),
      rows: z.number().int(),
      headerRow: z.number().int(),
    }),
  },
  'exchange/importInputs': {
    input: ProjectRef.extend({ source: SpreadsheetSource, mapping: InputsMapping }),
    output: InputsImportReport,
  },
  'exchange/importValueMap': {
    input: z.object({ base64: XlsxBase64, fileName: z.string().max(300).default('') }),
    output: ValueMapImportReport,
  },

  'backups/list': { input: Nothing, output: z.array(BackupInfo) },
  'backups/create': { input: Nothing, output: BackupInfo },
  'backups/restore': { input: z.object({ id: z.string().min(1).max(200) }), output: z.object({ undoId: z.string() }) },
  'backups/undoRestore': { input: z.object({ undoId: z.string().min(1).max(200) }), output: Done },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
/** What a handler receives: the input after parsing (defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export const channels = Object.keys(contract) as Channel[];
