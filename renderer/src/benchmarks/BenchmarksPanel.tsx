/**
 * Published results for harm reduction, beside the user's own result: each with its perspective and time
 * horizon, source and evidence grade. Context, never a target: SROI ratios differ in scope, stakeholders,
 * proxies and filters, so they are not comparable across studies (evidence pack, caution 5). The list can be
 * downloaded as CSV, each study with its source and grade.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BENCHMARKS, type Benchmark } from '../../../shared/library';
import { TableCsvButton } from '../exchange/TableCsvButton';
import type { CsvTable } from '../exchange/table-csv';
import { GradeBadge } from '../library/EntryCard';
import './benchmarks.css';

export function BenchmarksPanel({
  benchmarks = BENCHMARKS,
  projectName = '',
}: {
  benchmarks?: readonly Benchmark[];
  /** The open project's name, for the CSV file's name. */
  projectName?: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const title = t('library.benchmarks.title');
  const csv = (): CsvTable => ({
    columns: [
      t('library.benchmarks.intervention'),
      t('library.own.country'),
      t('library.benchmarks.metricColumn'),
      t('library.benchmarks.result'),
      t('library.benchmarks.perspective'),
      t('library.benchmarks.horizon'),
      t('library.own.source'),
      t('library.own.sourceUrl'),
      t('library.own.grade'),
      t('library.own.gradeNote'),
    ],
    rows: benchmarks.map((b) => [
      b.intervention,
      b.country,
      t(`library.benchmarks.metric.${b.metric}`),
      b.result,
      b.perspective,
      b.horizon,
      b.source,
      b.sourceUrl,
      t(`library.gradeLabel.${b.grade}`),
      b.gradeNote,
    ]),
  });
  return (
    <section className="card benchmarks" aria-labelledby={titleId}>
      <details>
        <summary>
          <h2 id={titleId}>{title}</h2>
          <span className="context-label">{t('library.benchmarks.contextNotTarget')}</span>
        </summary>
        <p className="lead">{t('library.benchmarks.lead')}</p>
        <div className="benchmarks-tools">
          <TableCsvButton title={title} fileName={`${projectName} ${title}`.trim()} table={csv} />
        </div>
        <div className="benchmarks-table">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('library.benchmarks.intervention')}</th>
                <th scope="col">{t('library.benchmarks.result')}</th>
                <th scope="col">{t('library.benchmarks.perspective')}</th>
                <th scope="col">{t('library.benchmarks.horizon')}</th>
                <th scope="col">{t('library.benchmarks.source')}</th>
              </tr>
            </thead>
            <tbody>
              {benchmarks.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    {b.intervention}
                    <span className="benchmark-meta">
                      {b.country} · {t(`library.benchmarks.metric.${b.metric}`)}
                    </span>
                  </th>
                  <td>{b.result}</td>
                  <td>{b.perspective}</td>
                  <td>{b.horizon}</td>
                  <td>
                    {b.sourceUrl ? (
                      <a href={b.sourceUrl} target="_blank" rel="noreferrer noopener">
                        {b.source}
                      </a>
                    ) : (
                      b.source
                    )}{' '}
                    <GradeBadge grade={b.grade} />
                    {b.gradeNote && <span className="benchmark-meta">{b.gradeNote}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
