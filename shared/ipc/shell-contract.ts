/**
 * Channels the desktop shell answers itself (not the backend): native open and save dialogs. File paths never
 * come from the renderer; the renderer sends content and a suggested name, the user picks the place. In
 * browser mode the API client downloads and uploads instead, so these channels are never sent over HTTP.
 */
import { z } from 'zod';
import { ReportPayload } from '../report/options';

export const FileKind = z.enum(['project', 'csv', 'json', 'pdf', 'docx', 'xlsx', 'png', 'svg']);
export type FileKind = z.infer<typeof FileKind>;

export const shellContract = {
  'files/save': {
    input: z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', {
          message: 'must be a file name, without a folder',
        }),
      kind: FileKind,
      /** Text content, or base64 for binary kinds (pdf, docx, xlsx, png). */
      content: z.string().max(200 * 1024 * 1024),
      encoding: z.enum(['utf8', 'base64']).default('utf8'),
    }),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /**
   * The report printed to PDF by the shell (a hidden window loads app://sroi/report.html and prints it with
   * Chromium's engine), then saved where the user picks: the renderer sends the project and the choices.
   */
  'files/printPdf': {
    input: z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', {
          message: 'must be a file name, without a folder',
        }),
      report: ReportPayload,
    }),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable(), pages: z.number().int() }),
  },
  'files/open': {
    input: z.object({ kind: z.enum(['project', 'csv']) }),
    output: z.object({ file: z.object({ name: z.string(), content: z.string() }).nullable() }),
  },
} as const;

export type ShellContract = typeof shellContract;
export type ShellChannel = keyof ShellContract;
