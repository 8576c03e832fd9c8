/**
 * The report as one HTML document: a cover with the headline and the table of contents, then the chosen
 * sections. The same view is the preview in the app, what browser mode prints with window.print(), and what
 * Chromium prints to PDF (desktop app and command line). Print rules are in report.css; the page size and the
 * running footer come from the content model, as an @page rule written here.
 *
 *   <ReportView project={project} analysis={analysis} model={model} locale={locale} />
 */
import { memo, type MouseEvent, type ReactNode } from 'react';
import type { Project } from '../../../shared/model';
import type { ReportAnalysis } from '../../../shared/report/analysis';
import { TORNADO_CHART_ROWS, tornadoView } from '../../../shared/report/build';
import type { ReportBlock, ReportChartId, ReportModel } from '../../../shared/report/types';
import { ResultsCharts } from '../charts/ResultsCharts';
import {
  HeadlineChart,
  HistogramChart,
  OUTCOME_CHART_ROWS,
  REPORT_CHART_WIDTH,
  TopOutcomesChart,
  TornadoChart,
} from './ReportCharts';
import { useReportText } from './useReportModel';
import './report.css';

export interface ReportViewProps {
  project: Project;
  analysis: ReportAnalysis;
  model: ReportModel;
  locale: string;
  /** The page of each section (by anchor), once a first print has found them; blank until then. */
  pages?: Record<string, number>;
}

/** A CSS string literal (for `content:` in @page rules), safe whatever the project is called. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

/** "Page {{page}} of {{pages}}" as a `content:` value with the page counters in place. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{page\}\}|\{\{pages\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

export const PAPER_CSS = { A4: 'A4', Letter: 'letter' } as const;

/** The @page rules of a report: its paper, margins, and the running footer with the page numbers. */
export function pageRules(model: ReportModel): string {
  const footer = `font-family: system-ui, 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #4f5a6b;`;
  return [
    `@page { size: ${PAPER_CSS[model.paper]}; margin: 16mm 16mm 18mm 16mm;`,
    `  @bottom-left { content: ${cssString(model.running)}; ${footer} vertical-align: top; padding-top: 4mm; }`,
    `  @bottom-right { content: ${pageCounterContent(model.pageTemplate)}; ${footer} vertical-align: top; padding-top: 4mm; }`,
    `}`,
    `@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }`,
  ].join('\n');
}

function Table({ block }: { block: Extract<ReportBlock, { type: 'table' }> }) {
  return (
    <figure className="report-table" data-testid={`report-table-${block.id}`}>
      <table className={block.compact ? 'compact' : undefined}>
        <caption>{block.caption}</caption>
        <thead>
          <tr>
            {block.columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? 'number' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r} className={row.emphasis}>
              {row.cells.map((cell, i) =>
                i === 0 && cell !== '' ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={block.columns[i]?.numeric ? 'number' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {block.note && <figcaption className="table-note">{block.note}</figcaption>}
    </figure>
  );
}

function Chart({
  chart,
  title,
  project,
  analysis,
  locale,
}: {
  chart: ReportChartId;
  title: string;
  project: Project;
  analysis: ReportAnalysis;
  locale: string;
}) {
  const t = useReportText();
  let content: ReactNode = null;
  switch (chart) {
    case 'headline':
      content = <HeadlineChart project={project} result={analysis.result} locale={locale} />;
      break;
    case 'results': {
      // A bar per outcome is unreadable past a few dozen: then the largest, and the others as one bar.
      const many = analysis.result.outcomes.length > OUTCOME_CHART_ROWS;
      content = (
        <>
          <h3>{title}</h3>
          <div className={many ? 'many-outcomes' : undefined}>
            <ResultsCharts project={project} result={analysis.result} width={REPORT_CHART_WIDTH} />
          </div>
          {many && <TopOutcomesChart project={project} result={analysis.result} locale={locale} />}
        </>
      );
      break;
    }
    case 'tornado': {
      const view = tornadoView(project, analysis, t, locale, TORNADO_CHART_ROWS);
      content = view && <TornadoChart project={project} view={view} locale={locale} />;
      break;
    }
    case 'histogram':
      content = analysis.monteCarlo && <HistogramChart project={project} mc={analysis.monteCarlo} locale={locale} />;
      break;
  }
  return (
    <div className={`report-chart report-chart-${chart}`} data-report-chart={chart}>
      {content}
    </div>
  );
}

function Block(props: { block: ReportBlock; project: Project; analysis: ReportAnalysis; locale: string }) {
  const { block } = props;
  switch (block.type) {
    case 'paragraph':
      return <p className={block.tone ? `report-${block.tone}` : undefined}>{block.text}</p>;
    case 'subheading':
      return <h3>{block.text}</h3>;
    case 'list':
      return (
        <ul className="report-list">
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'keyFigures':
      return (
        <dl className="key-figures">
          {block.items.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'facts':
      return (
        <dl className="report-facts">
          {block.items.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return <Table block={block} />;
    case 'chart':
      return (
        <Chart
          chart={block.chart}
          title={block.title}
          project={props.project}
          analysis={props.analysis}
          locale={props.locale}
        />
      );
    case 'story':
      return (
        <figure className={`report-story ${block.kind}`} data-testid="report-story">
          {block.kind === 'quote' ? (
            <blockquote>“{block.text}”</blockquote>
          ) : (
            <p className="story-case">{block.text}</p>
          )}
          <figcaption>
            {[block.attribution, block.date].filter(Boolean).join(', ')}
            {block.attribution || block.date ? ' · ' : ''}
            {block.about}
          </figcaption>
        </figure>
      );
  }
}

/** In the app the address's #fragment is the route: a contents link scrolls instead of navigating. */
function scrollTo(event: MouseEvent<HTMLAnchorElement>, anchor: string) {
  const target = document.getElementById(anchor);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

export function ReportView({ project, analysis, model, locale, pages }: ReportViewProps) {
  return (
    <article className={`report-document paper-${model.paper}`} lang={model.language} data-testid="report-document">
      <style>{pageRules(model)}</style>
      <header className="report-cover">
        <p className="report-kicker">{model.subtitle}</p>
        <h1>{model.title}</h1>
        <p className="report-headline" data-testid="report-headline">
          {model.headline}
        </p>
        <dl className="report-cover-facts">
          {model.cover.map((line) => (
            <div key={line.label}>
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
        <nav className="report-toc" aria-labelledby="report-toc-title">
          <h2 id="report-toc-title">{model.contentsTitle}</h2>
          <ol>
            {model.sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.anchor}`} onClick={(e) => scrollTo(e, s.anchor)}>
                  <span className="toc-number">{s.number}.</span>
                  <span className="toc-title">{s.title}</span>
                  <span className="toc-leader" aria-hidden="true" />
                  <span className="toc-page" data-testid={`toc-page-${s.id}`}>
                    {pages?.[s.anchor] ?? ''}
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
        {model.producedWith && <p className="report-produced">{model.producedWith}</p>}
      </header>
      <Sections project={project} analysis={analysis} model={model} locale={locale} />
    </article>
  );
}

/** The sections, drawn again only when the report changes (not when the contents get their page numbers). */
const Sections = memo(function Sections({ project, analysis, model, locale }: Omit<ReportViewProps, 'pages'>) {
  return (
    <>
      {model.sections.map((s) => (
        <section key={s.id} className={`report-section report-section-${s.id}`} aria-labelledby={s.anchor}>
          <h2 id={s.anchor}>
            <span className="section-number">{s.number}.</span> {s.title}
          </h2>
          {s.blocks.map((block, i) => (
            <Block key={i} block={block} project={project} analysis={analysis} locale={locale} />
          ))}
        </section>
      ))}
    </>
  );
});
