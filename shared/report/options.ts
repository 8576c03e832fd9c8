/**
 * What the user chose for a report: its sections, the paper, which stories (among those with consent), and
 * the Monte Carlo run's size and seed. Validated with zod wherever it crosses a boundary (the shell's
 * 'files/printPdf' channel, the command line, the report page's payload).
 */
import { z } from 'zod';
import { Id } from '../model/primitives';
import { Project } from '../model/schema';
import { PAPER_SIZES, REPORT_SECTIONS, type ReportSectionId } from './types';

export const MAX_REPORT_ITERATIONS = 200_000;

export const ReportOptions = z.object({
  sections: z
    .array(z.enum(REPORT_SECTIONS))
    .min(1, { message: 'choose at least one section' })
    .refine((list) => new Set(list).size === list.length, { message: 'names a section twice' }),
  paper: z.enum(PAPER_SIZES),
  /** The stories chosen for the report; null: every story with consent. Stories without consent never appear. */
  storyIds: z.array(Id).nullable(),
  monteCarlo: z.object({
    iterations: z.number().int().min(100).max(MAX_REPORT_ITERATIONS),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
  }),
});
export type ReportOptions = z.infer<typeof ReportOptions>;

export const DEFAULT_MONTE_CARLO = { iterations: 10_000, seed: 20_250_101 } as const;

export function defaultReportOptions(): ReportOptions {
  return { sections: [...REPORT_SECTIONS], paper: 'A4', storyIds: null, monteCarlo: { ...DEFAULT_MONTE_CARLO } };
}

/** The chosen sections in the report's own order, whatever order they were given in. */
export function orderedSections(chosen: readonly ReportSectionId[]): ReportSectionId[] {
  return REPORT_SECTIONS.filter((s) => chosen.includes(s));
}

/**
 * Everything the report page needs to draw a report without the backend: the project, the choices, the
 * interface language, the date the report is produced and the app's version. The command line sets it as
 * `window.__SROI_REPORT__`; the desktop app's printing window receives it through `__sroiRenderReport`.
 */
export const ReportPayload = z.object({
  project: Project,
  options: ReportOptions,
  language: z.string().min(2).max(20).optional(),
  /** ISO date (YYYY-MM-DD) printed on the cover; today when absent. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  appVersion: z.string().max(50).optional(),
});
export type ReportPayload = z.infer<typeof ReportPayload>;

/** Parse "summary,results,methods" (the command line's --sections) into section names, or say what is wrong. */
export function parseSectionList(
  text: string,
): { ok: true; sections: ReportSectionId[] } | { ok: false; message: string } {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(REPORT_SECTIONS as readonly string[]).includes(n));
  if (names.length === 0) return { ok: false, message: `name at least one section: ${REPORT_SECTIONS.join(', ')}` };
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; the sections are ${REPORT_SECTIONS.join(', ')}`,
    };
  }
  return { ok: true, sections: orderedSections(names as ReportSectionId[]) };
}
