/**
 * The report's content model: what a report says, as plain JSON (strings only, already in the reader's
 * language and number locale), built once from a project and its engine results and then drawn twice: as HTML
 * (renderer/src/report/ReportView.tsx, printed to PDF by Chromium) and as a Word document
 * (shared/report/docx-document.ts). Neither writer decides what goes in a report; both only lay it out.
 */

/** The sections a report may contain, in the order they are printed. */
export const REPORT_SECTIONS = [
  'summary',
  'scope',
  'theoryOfChange',
  'impactMap',
  'adjustments',
  'results',
  'sensitivity',
  'costEffectiveness',
  'stories',
  'methods',
  'sources',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * The charts a report can draw. `results` is the Results screen's group of charts (value by stakeholder, by
 * outcome, the waterfall, value by year, costs by category and by funder); the others are one chart each.
 */
export type ReportChartId = 'headline' | 'results' | 'tornado' | 'histogram';

export interface TableColumn {
  label: string;
  /** Numbers: right-aligned, never wrapped inside a number. */
  numeric?: boolean;
  /** Relative width (the writers turn the weights into percentages of the text width). */
  weight?: number;
}

export interface TableRow {
  cells: string[];
  /** 'total': a totals row (bold); 'group': a row that names a group of the rows below it (first cell only). */
  emphasis?: 'total' | 'group';
}

export type ReportBlock =
  | { type: 'paragraph'; text: string; tone?: 'lead' | 'note' }
  | { type: 'subheading'; text: string }
  | { type: 'list'; items: string[] }
  /** Headline numbers, each in its own box. */
  | { type: 'keyFigures'; items: Array<{ label: string; value: string }> }
  /** Facts in words (organisation, period, conventions): a two-column list. */
  | { type: 'facts'; items: Array<{ label: string; value: string }> }
  | {
      type: 'table';
      /** Stable name: test ids and the Word table's title. */
      id: string;
      caption: string;
      columns: TableColumn[];
      rows: TableRow[];
      note?: string;
      /** Many columns: a smaller type size. */
      compact?: boolean;
    }
  | { type: 'chart'; chart: ReportChartId; title: string }
  | {
      type: 'story';
      kind: 'quote' | 'case';
      text: string;
      /** Who told it; null when anonymised or not given (never the name of an anonymised story). */
      attribution: string | null;
      /** The outcome it is about, in words. */
      about: string;
      date: string | null;
    };

export interface ReportSection {
  id: ReportSectionId;
  /** The element id of the section's heading: the table of contents links to it. */
  anchor: string;
  /** 1, 2, 3 ... in the order printed. */
  number: number;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportModel {
  language: string;
  locale: string;
  paper: PaperSize;
  title: string;
  subtitle: string;
  /** The SROI ratio in one sentence (or why there is none). */
  headline: string;
  /** Lines under the title: organisation, period, type of analysis, date produced. */
  cover: Array<{ label: string; value: string }>;
  contentsTitle: string;
  sections: ReportSection[];
  /** The running footer's left side (the project's name). */
  running: string;
  /** "Page {{page}} of {{pages}}", with the two placeholders left in for the page counters. */
  pageTemplate: string;
  /** Small print under charts and on the cover: "Produced with SROI Studio 0.1.0". */
  producedWith: string;
}

/** Interface text: a key of the "report" catalogue and its values, in the reader's language. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
