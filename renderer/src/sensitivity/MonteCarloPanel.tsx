/**
 * Monte Carlo (METHOD.md section 3): the number of iterations and the seed, a run off the main thread with a
 * progress bar and a cancel button, then the results: mean and 2.5 / 50 / 97.5 percentiles of PV, NPV and the
 * ratio, P(ratio > 1), the histogram, the assumptions drawn; and, when the project has strategies, the CE plane
 * and the cost-effectiveness acceptability curve. The last run's settings and seed are kept with its results.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ITERATIONS, MAX_SEED, type Summary } from '../../../shared/engine/uncertainty';
import type { Project } from '../../../shared/model/schema';
import { dec } from '../../../shared/money/decimal';
import { parseLocaleNumber } from '../../../shared/format/locale';
import { ChartFrame } from '../charts/ChartFrame';
import { useLocale } from '../hooks/useLocale';
import { count, money, num, percent, ratio } from './format';
import { CeacChart, CePlaneChart, HistogramChart, HISTOGRAM_COLOURS, strategyColour } from './McCharts';
import {
  CEAC_POINTS,
  DEFAULT_BINS,
  DEFAULT_ITERATIONS,
  type MonteCarloRequest,
  type PsaSummary,
  type RunRecord,
  type StrategyUncertainty,
} from './protocol';
import { cheapestStrategyId, defaultWtpMax } from './psa';
import { workerRunner, type RunHandle, type StartRun } from './runner';
import { modelFingerprint, useSessionValue } from './session-store';

export interface MonteCarloPanelProps {
  project: Project;
  strategyUncertainty: Record<string, StrategyUncertainty>;
  /** How runs are started (a Web Worker by default; tests pass the in-process runner). */
  startRun?: StartRun;
}

function randomSeed(): number {
  const words = new Uint32Array(1);
  crypto.getRandomValues(words);
  return words[0] % 1_000_000;
}

type Message = { kind: 'info' | 'error'; text: string } | null;

export function MonteCarloPanel({ project, strategyUncertainty, startRun = workerRunner }: MonteCarloPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [lastRun, setLastRun] = useSessionValue(project.id, 'lastRun');
  const [iterations, setIterations] = useState(() => String(lastRun?.iterations ?? DEFAULT_ITERATIONS));
  const [seed, setSeed] = useState(() => String(lastRun?.seed ?? randomSeed()));
  const hasStrategies = project.strategies.length >= 2;
  const [comparatorId, setComparatorId] = useState(
    () => lastRun?.strategySettings?.comparatorId ?? cheapestStrategyId(project) ?? '',
  );
  const [wtpMax, setWtpMax] = useState(() => String(lastRun?.strategySettings?.wtpMax ?? defaultWtpMax(project)));
  const [errors, setErrors] = useState<Partial<Record<'iterations' | 'seed' | 'wtpMax', string>>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const handle = useRef<RunHandle | null>(null);

  // Leaving the screen stops a run in progress.
  useEffect(() => () => handle.current?.cancel(), []);

  const uncertainCount = project.outcomes.reduce(
    (n, o) => n + Object.values(o.uncertainty).filter((d) => d !== undefined && d.type !== 'fixed').length,
    0,
  );
  const strategyCount = hasStrategies
    ? Object.values(strategyUncertainty).reduce(
        (n, s) => n + [s.cost, s.effect].filter((d) => d !== undefined && d.type !== 'fixed').length,
        0,
      )
    : 0;
  const nothingUncertain = uncertainCount + strategyCount === 0;
  const fingerprint = modelFingerprint(project, hasStrategies ? strategyUncertainty : {});

  const readWhole = (text: string, min: number, max: number, label: string): number | string => {
    const parsed = parseLocaleNumber(text, locale);
    if (!parsed.ok) return `${label} ${parsed.message}`;
    const value = dec(parsed.value);
    if (!value.isInteger() || value.lt(min) || value.gt(max)) {
      return t('sensitivity.mc.wholeBetween', { label, min: count(min, locale), max: count(max, locale) });
    }
    return value.toNumber();
  };

  const run = (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    const n = readWhole(iterations, 1, MAX_ITERATIONS, t('sensitivity.mc.iterations'));
    const s = readWhole(seed, 0, MAX_SEED, t('sensitivity.mc.seed'));
    const next: typeof errors = {};
    if (typeof n === 'string') next.iterations = n;
    if (typeof s === 'string') next.seed = s;
    let wtp = 0;
    if (hasStrategies) {
      const parsed = parseLocaleNumber(wtpMax, locale);
      if (!parsed.ok) next.wtpMax = `${t('sensitivity.mc.wtpMax')} ${parsed.message}`;
      else if (!dec(parsed.value).gt(0)) next.wtpMax = t('sensitivity.mc.wtpPositive');
      else wtp = Number(parsed.value);
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || typeof n === 'string' || typeof s === 'string') return;

    const strategies =
      hasStrategies && comparatorId !== ''
        ? { uncertainty: strategyUncertainty, comparatorId, wtpMax: wtp, points: CEAC_POINTS }
        : null;
    const request: MonteCarloRequest = { project, iterations: n, seed: s, histogramBins: DEFAULT_BINS, strategies };
    const started = performance.now();
    setRunning(true);
    setMessage(null);
    setProgress({ done: 0, total: n });
    const finished = () => {
      handle.current = null;
      setRunning(false);
    };
    handle.current = startRun(request, {
      onProgress: (done, total) => setProgress({ done, total }),
      onComplete: (summary, psa) => {
        finished();
        const record: RunRecord = {
          id: crypto.randomUUID(),
          ranAt: new Date().toISOString(),
          iterations: n,
          seed: s,
          histogramBins: DEFAULT_BINS,
          modelFingerprint: fingerprint,
          elapsedMs: Math.round(performance.now() - started),
          summary,
          psa,
          strategySettings: strategies && {
            uncertainty: strategies.uncertainty,
            comparatorId: strategies.comparatorId,
            wtpMax: strategies.wtpMax,
          },
        };
        setLastRun(record);
        setProgress({ done: n, total: n });
        setMessage({ kind: 'info', text: t('sensitivity.mc.finished', { iterations: count(n, locale), seed: s }) });
      },
      onCancelled: (completed, total) => {
        finished();
        setMessage({
          kind: 'info',
          text: t('sensitivity.mc.cancelled', { done: count(completed, locale), total: count(total, locale) }),
        });
      },
      onError: (text) => {
        finished();
        setProgress(null);
        setMessage({ kind: 'error', text: t('sensitivity.mc.failed', { message: text }) });
      },
    });
  };

  const cancel = () => handle.current?.cancel();
  const share = progress && progress.total > 0 ? progress.done / progress.total : 0;

  return (
    <section className="card monte-carlo" aria-labelledby="mc-title">
      <h2 id="mc-title">{t('sensitivity.mc.title')}</h2>
      <p className="help">{t('sensitivity.mc.lead')}</p>
      <form className="mc-form" onSubmit={run} aria-label={t('sensitivity.mc.formName')} noValidate>
        <div className="mc-fields">
          <Whole
            id="mc-iterations"
            label={t('sensitivity.mc.iterations')}
            value={iterations}
            onChange={setIterations}
            error={errors.iterations}
            help={t('sensitivity.mc.iterationsHelp', { max: count(MAX_ITERATIONS, locale) })}
          />
          <Whole
            id="mc-seed"
            label={t('sensitivity.mc.seed')}
            value={seed}
            onChange={setSeed}
            error={errors.seed}
            help={t('sensitivity.mc.seedHelp')}
          />
          <div className="mc-seed-action">
            <button type="button" disabled={running} onClick={() => setSeed(String(randomSeed()))}>
              {t('sensitivity.mc.newSeed')}
            </button>
          </div>
          {hasStrategies && (
            <>
              <div className="field">
                <label htmlFor="mc-comparator">{t('sensitivity.mc.comparator')}</label>
                <select id="mc-comparator" value={comparatorId} onChange={(e) => setComparatorId(e.target.value)}>
                  {project.strategies.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              <Whole
                id="mc-wtp"
                label={t('sensitivity.mc.wtpMax')}
                value={wtpMax}
                onChange={setWtpMax}
                error={errors.wtpMax}
                help={t('sensitivity.mc.wtpHelp', { currency: project.currency, unit: project.effectUnit || '—' })}
              />
            </>
          )}
        </div>
        {nothingUncertain && <p className="notice">{t('sensitivity.mc.nothingUncertain')}</p>}
        <div className="mc-actions">
          <button type="submit" className="primary" disabled={running}>
            {t('sensitivity.mc.run')}
          </button>
          <button type="button" disabled={!running} onClick={cancel}>
            {t('sensitivity.mc.cancel')}
          </button>
        </div>
        {progress && (
          <div className="mc-progress">
            <progress
              max={progress.total}
              value={progress.done}
              aria-label={t('sensitivity.mc.progressName')}
              aria-valuetext={t('sensitivity.mc.progress', {
                done: count(progress.done, locale),
                total: count(progress.total, locale),
                percent: num(share * 100, 0, locale),
              })}
            />
            <span data-testid="mc-progress">
              {t('sensitivity.mc.progress', {
                done: count(progress.done, locale),
                total: count(progress.total, locale),
                percent: num(share * 100, 0, locale),
              })}
            </span>
          </div>
        )}
        <p
          className={message?.kind === 'error' ? 'error' : 'status'}
          role={message?.kind === 'error' ? 'alert' : 'status'}
        >
          {message?.text}
        </p>
      </form>
      {lastRun && !running && (
        <RunResults project={project} run={lastRun} stale={lastRun.modelFingerprint !== fingerprint} />
      )}
    </section>
  );
}

function Whole(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  help?: string;
}) {
  return (
    <div className={`field narrow ${props.error ? 'has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        inputMode="numeric"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : props.help ? `${props.id}-help` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.help && !props.error && (
        <p className="help" id={`${props.id}-help`}>
          {props.help}
        </p>
      )}
      {props.error && (
        <p className="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

function RunResults({ project, run, stale }: { project: Project; run: RunRecord; stale: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const s = run.summary;
  const currency = s.currency;
  const when = new Date(run.ranAt).toLocaleString(locale);
  const moneyOf = (x: number) => money(x, currency, locale);
  const rows: Array<{
    key: string;
    label: string;
    summary: Summary | null;
    base: number | null;
    show: (x: number) => string;
  }> = [
    { key: 'pv', label: t('sensitivity.mc.pv'), summary: s.presentValue, base: s.baseCase.presentValue, show: moneyOf },
    {
      key: 'npv',
      label: t('sensitivity.mc.npv'),
      summary: s.netPresentValue,
      base: s.baseCase.netPresentValue,
      show: moneyOf,
    },
    {
      key: 'ratio',
      label: t('sensitivity.mc.ratio'),
      summary: s.ratio,
      base: s.baseCase.ratio,
      show: (x) => ratio(x, locale),
    },
  ];
  const histogram = s.ratioHistogram ?? s.npvHistogram;
  const byRatio = s.ratioHistogram !== null && s.ratio !== null;
  const interval = byRatio ? (s.ratio as Summary) : s.netPresentValue;
  const clamped = Object.entries(s.clamped).filter(([, n]) => n > 0);

  return (
    <div className="mc-results" aria-labelledby="mc-results-title" data-testid="mc-results" data-run-id={run.id}>
      <h3 id="mc-results-title">{t('sensitivity.mc.resultsTitle')}</h3>
      <p className="mc-settings" data-testid="mc-settings">
        {t('sensitivity.mc.settings', {
          iterations: count(run.iterations, locale),
          seed: run.seed,
          when,
          rate: percent(dec(s.settings.discountRate), locale),
          convention: s.settings.yearOneConvention,
          duration:
            run.elapsedMs < 1000
              ? t('sensitivity.mc.milliseconds', { value: count(run.elapsedMs, locale) })
              : t('sensitivity.mc.seconds', { value: num(run.elapsedMs / 1000, 1, locale) }),
        })}
      </p>
      {stale && (
        <p className="notice" role="status">
          {t('sensitivity.mc.stale')}
        </p>
      )}
      <p className="mc-headline" data-testid="mc-probability">
        {s.probabilityRatioAboveOne === null
          ? t('sensitivity.mc.noRatio', { npv: percent(s.probabilityNpvPositive, locale) })
          : t('sensitivity.mc.probability', {
              p: percent(s.probabilityRatioAboveOne, locale),
              low: num((s.ratio as Summary).p2_5, 2, locale),
              high: num((s.ratio as Summary).p97_5, 2, locale),
              median: num((s.ratio as Summary).p50, 2, locale),
            })}
      </p>
      <table className="mc-table" data-testid="mc-table">
        <caption>{t('sensitivity.mc.tableCaption', { iterations: count(run.iterations, locale) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sensitivity.mc.measure')}</th>
            <th scope="col" className="number">
              {t('sensitivity.mc.mean')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.p2_5')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.p50')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.p97_5')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.mc.baseCase')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`mc-row-${row.key}`}>
              <th scope="row">{row.label}</th>
              {row.summary === null ? (
                <td colSpan={4}>{t('sensitivity.mc.na')}</td>
              ) : (
                <>
                  <td className="number">{row.show(row.summary.mean)}</td>
                  <td className="number">{row.show(row.summary.p2_5)}</td>
                  <td className="number">{row.show(row.summary.p50)}</td>
                  <td className="number">{row.show(row.summary.p97_5)}</td>
                </>
              )}
              <td className="number">{row.base === null ? t('sensitivity.mc.na') : row.show(row.base)}</td>
            </tr>
          ))}
          <tr data-testid="mc-row-probability">
            <th scope="row">{t('sensitivity.mc.pAbove')}</th>
            <td className="number">
              {s.probabilityRatioAboveOne === null
                ? t('sensitivity.mc.na')
                : percent(s.probabilityRatioAboveOne, locale)}
            </td>
            <td colSpan={4} />
          </tr>
          <tr>
            <th scope="row">{t('sensitivity.mc.pNpv')}</th>
            <td className="number">{percent(s.probabilityNpvPositive, locale)}</td>
            <td colSpan={4} />
          </tr>
        </tbody>
      </table>

      {histogram !== null && histogram.bins.length > 0 && (
        <div className="chart-grid">
          <ChartFrame
            id="mc-histogram"
            wide
            title={byRatio ? t('sensitivity.mc.histogramTitle') : t('sensitivity.mc.histogramNpvTitle')}
            summary={
              byRatio
                ? t('sensitivity.mc.histogramSummary', {
                    iterations: count(run.iterations, locale),
                    p: percent(s.probabilityRatioAboveOne ?? 0, locale),
                    low: num(interval.p2_5, 2, locale),
                    high: num(interval.p97_5, 2, locale),
                  })
                : t('sensitivity.mc.histogramNpvSummary', {
                    iterations: count(run.iterations, locale),
                    p: percent(s.probabilityNpvPositive, locale),
                    low: moneyOf(interval.p2_5),
                    high: moneyOf(interval.p97_5),
                  })
            }
            projectName={project.name}
            footnote={t('sensitivity.mc.footnote', {
              project: project.name,
              iterations: count(run.iterations, locale),
              seed: run.seed,
            })}
            unit={byRatio ? t('sensitivity.mc.histogramUnit') : t('sensitivity.mc.histogramNpvUnit', { currency })}
            legend={[
              {
                label: byRatio ? t('sensitivity.mc.belowOne') : t('sensitivity.mc.belowZero'),
                fill: HISTOGRAM_COLOURS.below,
              },
              {
                label: byRatio ? t('sensitivity.mc.aboveOne') : t('sensitivity.mc.aboveZero'),
                fill: HISTOGRAM_COLOURS.above,
              },
            ]}
            note={t('sensitivity.mc.histogramNote')}
            table={{
              columns: [t('sensitivity.mc.bin'), t('sensitivity.mc.count')],
              rows: histogram.bins.map((b, i) => ({
                key: String(i),
                cells: [
                  t('sensitivity.mc.binRange', {
                    from: byRatio ? num(b.from, 3, locale) : moneyOf(b.from),
                    to: byRatio ? num(b.to, 3, locale) : moneyOf(b.to),
                  }),
                  count(b.count, locale),
                ],
              })),
            }}
          >
            {(width) => (
              <HistogramChart
                width={width}
                histogram={histogram}
                threshold={byRatio ? 1 : 0}
                interval={{ low: interval.p2_5, high: interval.p97_5 }}
                locale={locale}
                places={byRatio ? 2 : 0}
                labels={{
                  threshold: byRatio ? '1 : 1' : '0',
                  low: t('sensitivity.mc.p2_5'),
                  high: t('sensitivity.mc.p97_5'),
                  count: t('sensitivity.mc.count'),
                  bin: (from, to) => t('sensitivity.mc.binRange', { from, to }),
                }}
              />
            )}
          </ChartFrame>
        </div>
      )}

      {s.parameters.length > 0 && (
        <details className="mc-parameters">
          <summary>{t('sensitivity.mc.parametersTitle', { count: s.parameters.length })}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sensitivity.mc.outcome')}</th>
                <th scope="col">{t('sensitivity.distribution.assumption')}</th>
                <th scope="col">{t('sensitivity.distribution.type')}</th>
                <th scope="col" className="number">
                  {t('sensitivity.distribution.enteredColumn')}
                </th>
                <th scope="col" className="number">
                  {t('sensitivity.distribution.mean')}
                </th>
                <th scope="col" className="number">
                  {t('sensitivity.distribution.sd')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.parameters.map((p) => {
                const fraction = p.field !== 'quantity' && p.field !== 'proxy';
                const show = (x: number) => (fraction ? percent(x, locale) : num(x, 2, locale));
                return (
                  <tr key={`${p.outcomeId}:${p.field}`}>
                    <th scope="row">{p.outcomeName}</th>
                    <td>{t(`sensitivity.fields.${p.field}`)}</td>
                    <td>{t(`sensitivity.distribution.name.${p.distribution}`)}</td>
                    <td className="number">{show(p.base)}</td>
                    <td className="number">{show(p.mean)}</td>
                    <td className="number">{show(p.sd)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
      {clamped.length > 0 && (
        <ul className="warnings" aria-label={t('sensitivity.mc.clampedTitle')}>
          {clamped.map(([field, n]) => (
            <li key={field}>
              {t('sensitivity.mc.clamped', {
                field: t(`sensitivity.fields.${field}`),
                count: n,
                share: percent(n / run.iterations, locale),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="help">
        {t('sensitivity.mc.method', { generator: s.settings.generator, percentiles: s.settings.percentiles })}
      </p>
      {run.psa && <PsaResults project={project} psa={run.psa} run={run} />}
    </div>
  );
}

function PsaResults({ project, psa, run }: { project: Project; psa: PsaSummary; run: RunRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = psa.effectUnit || t('sensitivity.mc.effectUnits');
  const moneyOf = (x: number) => money(x, psa.currency, locale);
  const verdict = (s: PsaSummary['plane'][number]) =>
    s.icer === null
      ? t(`sensitivity.mc.verdict.${s.verdict}`)
      : t('sensitivity.mc.icer', { value: moneyOf(s.icer), unit });
  const first = psa.plane[0];
  const lastPoint = psa.ceac.points[psa.ceac.points.length - 1];
  const best = lastPoint ? lastPoint.shares.indexOf(Math.max(...lastPoint.shares)) : -1;
  const common = {
    projectName: project.name,
    footnote: t('sensitivity.mc.footnote', {
      project: project.name,
      iterations: count(run.iterations, locale),
      seed: run.seed,
    }),
  };
  const tableEvery = Math.max(1, Math.floor((psa.ceac.points.length - 1) / 10));
  const colourOf = (id: string) =>
    strategyColour(
      Math.max(
        0,
        psa.ceac.strategies.findIndex((s) => s.id === id),
      ),
    );
  return (
    <div className="chart-grid psa">
      <ChartFrame
        id="ce-plane"
        {...common}
        title={t('sensitivity.mc.planeTitle', { comparator: psa.comparatorName })}
        summary={
          first
            ? t('sensitivity.mc.planeSummary', {
                name: first.name,
                comparator: psa.comparatorName,
                dC: moneyOf(first.meanDeltaCost),
                dE: num(first.meanDeltaEffect, 3, locale),
                unit,
                verdict: verdict(first),
                ne: percent(first.quadrantShares.NE, locale),
              })
            : t('sensitivity.mc.planeEmpty')
        }
        empty={first === undefined}
        unit={t('sensitivity.mc.planeUnit', { currency: psa.currency, unit })}
        legend={psa.plane.map((s) => ({ label: s.name, fill: colourOf(s.id) }))}
        note={t('sensitivity.mc.planeNote', { shown: count(first?.points.length ?? 0, locale) })}
        table={{
          columns: [
            t('sensitivity.mc.strategy'),
            t('sensitivity.mc.meanDc'),
            t('sensitivity.mc.meanDe', { unit }),
            t('sensitivity.mc.icerColumn'),
            'NE',
            'NW',
            'SE',
            'SW',
          ],
          rows: psa.plane.map((s) => ({
            key: s.id,
            cells: [
              s.name,
              moneyOf(s.meanDeltaCost),
              num(s.meanDeltaEffect, 3, locale),
              verdict(s),
              percent(s.quadrantShares.NE, locale),
              percent(s.quadrantShares.NW, locale),
              percent(s.quadrantShares.SE, locale),
              percent(s.quadrantShares.SW, locale),
            ],
          })),
        }}
      >
        {(width) => (
          <CePlaneChart
            width={width}
            psa={psa}
            locale={locale}
            colourOf={colourOf}
            labels={{
              dE: t('sensitivity.mc.axisDe', { unit }),
              dC: t('sensitivity.mc.axisDc', { currency: psa.currency }),
              mean: t('sensitivity.mc.meanMark'),
            }}
          />
        )}
      </ChartFrame>
      <ChartFrame
        id="ceac"
        {...common}
        title={t('sensitivity.mc.ceacTitle')}
        summary={
          best >= 0
            ? t('sensitivity.mc.ceacSummary', {
                wtp: moneyOf(psa.wtpMax),
                unit,
                name: psa.ceac.strategies[best].name,
                p: percent(lastPoint.shares[best], locale),
              })
            : t('sensitivity.mc.planeEmpty')
        }
        empty={best < 0}
        unit={t('sensitivity.mc.ceacUnit')}
        legend={psa.ceac.strategies.map((s) => ({ label: s.name, fill: colourOf(s.id) }))}
        table={{
          columns: [
            t('sensitivity.mc.wtpColumn', { currency: psa.currency, unit }),
            ...psa.ceac.strategies.map((s) => s.name),
          ],
          rows: psa.ceac.points
            .filter((_, i) => i % tableEvery === 0 || i === psa.ceac.points.length - 1)
            .map((p) => ({
              key: String(p.lambda),
              cells: [num(p.lambda, 0, locale), ...p.shares.map((x) => percent(x, locale))],
            })),
        }}
      >
        {(width) => (
          <CeacChart
            width={width}
            psa={psa}
            locale={locale}
            colourOf={colourOf}
            labels={{ lambda: t('sensitivity.mc.axisWtp', { currency: psa.currency, unit }) }}
          />
        )}
      </ChartFrame>
    </div>
  );
}
