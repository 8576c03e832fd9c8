/**
 * `sroi report FILE [--pdf OUT] [--docx OUT] [--xlsx OUT] [--paper A4|Letter] [--sections LIST] [--language CODE] [--locale TAG]
 * [--date DATE] [--iterations N] [--seed S]`: the report of a model file as a PDF (printed by Chromium's engine
 * from the same report page the app prints), a Word document (the same content, charts as images) and/or the
 * Excel workbook (xlsx-command.ts).
 *
 * Asynchronous (Chromium is driven over a pipe): it runs through `runAsync` (program.ts). Exit codes as every
 * command (exit-codes.ts): 1 an invalid model, 2 a usage error, 3 a file that cannot be read or written, or no
 * Chromium to print with.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { version } from '../../package.json';
import {
  DEFAULT_MONTE_CARLO,
  MAX_REPORT_ITERATIONS,
  orderedSections,
  parseSectionList,
  ReportOptions,
  type ReportPayload,
} from '../../shared/report/options';
import { REPORT_SECTIONS } from '../../shared/report/types';
import {
  isLanguage,
  LANGUAGE_NAMES,
  languageOfLocale,
  SUPPORTED_LANGUAGES,
  type Language,
} from '../../shared/languages';
import { CliError, ExitCode } from './exit-codes';
import { wholeOption } from './number-options';
import { formatProblems } from './format-problems';
import type { CliIo } from './io';
import { loadModel } from './load-model';

export interface ReportCommandOptions {
  pdf?: string;
  docx?: string;
  xlsx?: string;
  paper?: string;
  sections?: string;
  locale?: string;
  language?: string;
  date?: string;
  iterations?: string;
  seed?: string;
}

/**
 * The report's language: --language if given (it must be one the app speaks), else the language of the number
 * locale ("pt-PT" -> Portuguese) when the app speaks it, else English.
 */
export function reportLanguage(option: string | undefined, locale: string): Language {
  if (option !== undefined) {
    const wanted = option.trim().toLowerCase();
    if (!isLanguage(wanted)) {
      throw new CliError(
        ExitCode.Usage,
        `--language must be one of ${SUPPORTED_LANGUAGES.join(', ')} (${SUPPORTED_LANGUAGES.map((l) => LANGUAGE_NAMES[l]).join(', ')}), got "${option}"`,
      );
    }
    return wanted;
  }
  return languageOfLocale(locale) ?? 'en';
}

/** The number locale from the environment (LC_ALL, LC_NUMERIC, LANG: "pt_PT.UTF-8" is "pt-PT"), else "en". */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  for (const name of ['LC_ALL', 'LC_NUMERIC', 'LANG']) {
    const value = env[name]?.trim();
    if (!value || value === 'C' || value === 'POSIX' || value.startsWith('C.')) continue;
    const match = /^([a-zA-Z]{2,3})(?:[_-]([a-zA-Z]{2}))?/.exec(value);
    if (match) return match[2] ? `${match[1].toLowerCase()}-${match[2].toUpperCase()}` : match[1].toLowerCase();
  }
  return 'en';
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Check the command line before anything is read or started. */
export function reportChoices(options: ReportCommandOptions): ReportOptions {
  if (!options.pdf && !options.docx && !options.xlsx) {
    throw new CliError(
      ExitCode.Usage,
      'report: say what to write, e.g. "sroi report model.sroi.json --pdf report.pdf" (or --docx, --xlsx)',
    );
  }
  const paperText = (options.paper ?? 'A4').trim().toLowerCase();
  const paper = paperText === 'a4' ? 'A4' : paperText === 'letter' ? 'Letter' : null;
  if (paper === null) throw new CliError(ExitCode.Usage, `--paper must be A4 or Letter, got "${options.paper}"`);
  let sections = [...REPORT_SECTIONS];
  if (options.sections !== undefined) {
    const parsed = parseSectionList(options.sections);
    if (!parsed.ok) throw new CliError(ExitCode.Usage, `--sections: ${parsed.message}`);
    sections = orderedSections(parsed.sections);
  }
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new CliError(ExitCode.Usage, `--date must be a date as YYYY-MM-DD, got "${options.date}"`);
  }
  return ReportOptions.parse({
    sections,
    paper,
    storyIds: null,
    monteCarlo: {
      iterations:
        options.iterations === undefined
          ? DEFAULT_MONTE_CARLO.iterations
          : wholeOption(options.iterations, '--iterations', 100, MAX_REPORT_ITERATIONS),
      seed: options.seed === undefined ? DEFAULT_MONTE_CARLO.seed : wholeOption(options.seed, '--seed', 0, 2 ** 32 - 1),
    },
  });
}

function checkFolder(path: string, flag: string): void {
  const folder = dirname(path);
  if (!existsSync(folder))
    throw new CliError(ExitCode.FileUnreadable, `${flag} ${path}: the folder ${folder} does not exist`);
}

async function writeOut(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(ExitCode.FileUnreadable, `cannot write ${path}: ${detail}`);
  }
}

export async function reportCommand(file: string, options: ReportCommandOptions, io: CliIo): Promise<ExitCode> {
  const choices = reportChoices(options);
  const locale = options.locale?.trim() || localeFromEnv(io.env);
  const language = reportLanguage(options.language, locale);
  if (options.pdf) checkFolder(options.pdf, '--pdf');
  if (options.docx) checkFolder(options.docx, '--docx');
  if (options.xlsx) checkFolder(options.xlsx, '--xlsx');
  const loaded = loadModel(file);
  if (!loaded.ok) {
    io.err(formatProblems(file, loaded.problems) + 'Nothing was written. `sroi validate` lists the same problems.\n');
    return ExitCode.InvalidModel;
  }
  if (options.xlsx) {
    const { writeXlsxReport } = await import('./xlsx-command');
    const code = await writeXlsxReport(loaded.file.project, options.xlsx, io);
    if (code !== ExitCode.Ok || (!options.pdf && !options.docx)) return code;
  }

  // Loaded only now: the other commands never pay for Chromium's driver or the Word writer.
  const { chromiumPath, findRendererRoot, openReportPage, ReportRenderError } = await import('../report/chromium');
  const rendererRoot = findRendererRoot();
  if (rendererRoot === null) {
    throw new CliError(ExitCode.Internal, 'the report page is not built: run "npm run build" first');
  }
  const payload: ReportPayload = {
    project: loaded.file.project,
    options: choices,
    language,
    date: options.date ?? today(),
    appVersion: version,
  };
  let page;
  try {
    page = await openReportPage(payload, {
      chromium: chromiumPath(io.env),
      rendererRoot,
      locale,
    });
  } catch (error) {
    if (error instanceof ReportRenderError) {
      throw error.kind === 'chromium'
        ? new CliError(ExitCode.FileUnreadable, `cannot print the report: ${error.message}`)
        : new CliError(ExitCode.Internal, `the report could not be drawn: ${error.message}`);
    }
    throw error;
  }
  try {
    if (options.pdf) {
      const { pdf, pages } = await page.pdf();
      await writeOut(options.pdf, pdf);
      io.out(`Wrote ${options.pdf}: ${pages} page${pages === 1 ? '' : 's'}, ${choices.paper}\n`);
    }
    if (options.docx) {
      const { docxBytes } = await import('../report/docx');
      const charts = await page.chartImages();
      const bytes = await docxBytes(page.model, charts);
      await writeOut(options.docx, bytes);
      io.out(
        `Wrote ${options.docx}: ${page.model.sections.length} section${page.model.sections.length === 1 ? '' : 's'}, ${charts.length} chart${charts.length === 1 ? '' : 's'}\n`,
      );
    }
  } finally {
    await page.close();
  }
  return ExitCode.Ok;
}
