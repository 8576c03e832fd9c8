/**
 * The shell's own channels: native save and open dialogs. The renderer never names a path; the user picks it.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { z } from 'zod';
import { AppFailure } from '../../shared/ipc/result';
import type { shellContract, FileKind } from '../../shared/ipc/shell-contract';
import { printReportPdf } from './report-pdf';

const FILTERS: Record<FileKind, { name: string; extensions: string[] }> = {
  project: { name: 'SROI Studio project', extensions: ['sroi.json', 'json'] },
  csv: { name: 'CSV', extensions: ['csv', 'txt'] },
  json: { name: 'JSON', extensions: ['json'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  docx: { name: 'Word document', extensions: ['docx'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
};

/** Files the open dialog may read into memory: a project file or a CSV larger than this is refused. */
const MAX_OPEN_BYTES = 60 * 1024 * 1024;

type SaveInput = z.output<(typeof shellContract)['files/save']['input']>;
type OpenInput = z.output<(typeof shellContract)['files/open']['input']>;
type PrintInput = z.output<(typeof shellContract)['files/printPdf']['input']>;

export function createShellHandlers(window: () => BrowserWindow | null) {
  return {
    async 'files/save'(input: SaveInput) {
      const owner = window();
      // Only a file name: the renderer may suggest a name, never a folder.
      const options = { defaultPath: basename(input.suggestedName), filters: [FILTERS[input.kind]] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, fileName: null };
      await writeFile(choice.filePath, Buffer.from(input.content, input.encoding));
      return { saved: true, fileName: basename(choice.filePath) };
    },
    async 'files/printPdf'(input: PrintInput) {
      // The place first, so a cancelled dialog costs no printing.
      const owner = window();
      const options = { defaultPath: basename(input.suggestedName), filters: [FILTERS.pdf] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, fileName: null, pages: 0 };
      const { pdf, pages } = await printReportPdf(input.report);
      await writeFile(choice.filePath, pdf);
      return { saved: true, fileName: basename(choice.filePath), pages };
    },
    async 'files/open'(input: OpenInput) {
      const owner = window();
      const options = { properties: ['openFile' as const], filters: [FILTERS[input.kind]] };
      const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return { file: null };
      if ((await stat(path)).size > MAX_OPEN_BYTES) {
        throw new AppFailure(
          'VALIDATION',
          `The file is larger than ${MAX_OPEN_BYTES / 1024 / 1024} MB; split it or use the command-line tool.`,
        );
      }
      const content = await readFile(path);
      return { file: { name: basename(path), content: content.toString('utf8') } };
    },
  };
}
