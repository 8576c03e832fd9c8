/**
 * Published results for harm reduction, beside the user's own result: each with its perspective and time
 * horizon, source and evidence grade. Context, never a target: SROI ratios differ in scope, stakeholders,
 * proxies and filters, so they are not comparable across studies (evidence pack, caution 5).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BENCHMARKS, type Benchmark } from '../../../shared/library';
import { GradeBadge } from '../library/EntryCard';
import './benchmarks.css';

export function BenchmarksPanel({ benchmarks = BENCHMARKS }: { benchmarks?: readonly Benchmark[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="card benchmarks" aria-labelledby={titleId}>
      <details>
        <summary>
          <h2 id={titleId}>{t('library.benchmarks.title')}</h2>
          <span className="context-label">{t('library.benchmarks.contextNotTarget')}</span>
        </summary>
        <p className="lead">{t('library.benchmarks.lead')}</p>
        <div className="benchmarks-table">
          <table>
            <caption className="visually-hidden">{t('library.benchmarks.title')}</caption>
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
