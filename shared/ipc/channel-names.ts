/**
 * Every channel the renderer may call, as a plain list: the preload's allowlist. Kept free of zod so the
 * sandboxed preload bundle stays tiny; a test proves it equals the contract plus the shell's channels.
 */
import { LIST_NAMES } from './lists';

export const CHANNEL_NAMES = [
  'app/info',
  'projects/list',
  'projects/create',
  'projects/get',
  'projects/update',
  'projects/saveSimulation',
  'projects/rename',
  'projects/duplicate',
  'projects/archive',
  'projects/delete',
  'projects/undoDelete',
  'projects/history',
  'projects/export',
  'projects/import',
  ...LIST_NAMES.flatMap((list) => [`${list}/save`, `${list}/delete`, `${list}/reorder`]),
  'outputRecords/list',
  'outputRecords/replace',
  'outputRecords/importCsv',
  'exchange/exportXlsx',
  'exchange/readSpreadsheet',
  'exchange/importInputs',
  'exchange/importValueMap',
  'backups/list',
  'backups/create',
  'backups/restore',
  'backups/undoRestore',
  'files/save',
  'files/printPdf',
  'files/open',
] as const;
