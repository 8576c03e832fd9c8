/**
 * Monte Carlo (METHOD.md section 3): the number of iterations and the seed, a run off the main thread with a
 * progress bar and a cancel button, then the results (McResults.tsx). A finished run is kept with the project
 * (Project.lastSimulation: its settings, seed, date and results), so it is shown again when the stage is
 * opened, after a restart too; a cancelled or failed run keeps the stored one.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cheapestStrategyId,
  defaultWtpMax,
  MAX_ITERATIONS,
  MAX_SEED,
  modelFingerprint,
  type StrategyPsaSettings,
} from '../../../shared/engine/uncertainty';
import type { Project } from '../../../shared/model/schema';
import type { SimulationRun } from '../../../shared/model/simulation';
import { dec } from '../../../shared/money/decimal';
import { parseLocaleNumber } from '../../../shared/format/locale';
import type { SaveOutcome } from '../hooks/useProject';
import { useLocale } from '../hooks/useLocale';
import { count, num } from './format';
import { RunResults } from './McResults';
import { CEAC_POINTS, DEFAULT_BINS, DEFAULT_ITERATIONS, type MonteCarloRequest } from './protocol';
import { buildRunRecord } from './run-record';
import { workerRunner, type RunHandle, type StartRun } from './runner';

export interface MonteCarloPanelProps {
  project: Project;
  /** Keeps a finished run with the project (the project state's saveSimulation). */
  saveRun: (run: SimulationRun) => Promise<SaveOutcome>;
  /** How runs are started (a Web Worker by default; tests pass the in-process runner). */
  startRun?: StartRun;
}

function randomSeed(): number {
  const words = new Uint32Array(1);
  crypto.getRandomValues(words);
  return words[0] % 1_000_000;
}

type Message = { kind: 'info' | 'error'; text: string } | null;

/** What one run is asked to do, once the settings have been read. */
interface RunSettings {
  iterations: number;
  seed: number;
  histogramBins: number;
  strategies: StrategyPsaSettings | null;
}

/** The count of assumptions with a distribution that draws (a "fixed" one always gives the entered value). */
function drawnCount(distributions: Array<{ type: string } | undefined>): number {
  return distributions.filter((d) => d !== undefined && d.type !== 'fixed').length;
}

export function MonteCarloPanel({ project, saveRun, startRun = workerRunner }: MonteCarloPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stored = project.lastSimulation;
  // The run finished on this visit, shown at once (also when it could not be stored); otherwise the stored one.
  const [latest, setLatest] = useState<SimulationRun | null>(null);
  const shown = latest ?? stored;
  const hasStrategies = project.strategies.length >= 2;
  const strategyIds = project.strategies.map((s) => s.id);
  const knownComparator = (id: string | undefined) => (id !== undefined && strategyIds.includes(id) ? id : null);
  const [iterations, setIterations] = useState(() => String(stored?.iterations ?? DEFAULT_ITERATIONS));
  const [seed, setSeed] = useState(() => String(stored?.seed ?? randomSeed()));
  const [comparatorId, setComparatorId] = useState(
    () => knownComparator(stored?.strategySettings?.comparatorId) ?? cheapestStrategyId(project) ?? '',
  );
  const [wtpMax, setWtpMax] = useState(() => String(stored?.strategySettings?.wtpMax ?? defaultWtpMax(project)));
  const [errors, setErrors] = useState<Partial<Record<'iterations' | 'seed' | 'wtpMax', string>>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const handle = useRef<RunHandle | null>(null);

  // Leaving the screen stops a run in progress.
  useEffect(() => () => handle.current?.cancel(), []);

  const uncertainCount = project.outcomes.reduce((n, o) => n + drawnCount(Object.values(o.uncertainty)), 0);
  const strategyCount = hasStrategies
    ? project.strategies.reduce((n, s) => n + drawnCount([s.uncertainty.cost, s.uncertainty.effect]), 0)
    : 0;
  const nothingUncertain = uncertainCount + strategyCount === 0;
  // Hashing the model is cheap but not free: once per change of the project, not once per keystroke.
  const fingerprint = useMemo(() => modelFingerprint(project), [project]);

  const readWhole = (text: string, min: number, max: number, label: string): number | string => {
    const parsed = parseLocaleNumber(text, locale);
    if (!parsed.ok) return `${label} ${parsed.message}`;
    const value = dec(parsed.value);
    if (!value.isInteger() || value.lt(min) || value.gt(max)) {
      return t('sensitivity.mc.wholeBetween', { label, min: count(min, locale), max: count(max, locale) });
    }
    return value.toNumber();
  };

  const start = (settings: RunSettings) => {
    if (running) return;
    const request: MonteCarloRequest = { project, ...settings };
    const started = performance.now();
    const n = settings.iterations;
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
        setProgress({ done: n, total: n });
        const built = buildRunRecord({
          ...settings,
          project,
          fingerprint,
          elapsedMs: performance.now() - started,
          summary,
          psa,
        });
        setLatest(built.run);
        if (!built.ok) {
          setMessage({ kind: 'error', text: t('sensitivity.mc.notKept', { problem: built.problem }) });
          return;
        }
        void saveRun(built.run).then((saved) =>
          setMessage(
            saved.ok
              ? {
                  kind: 'info',
                  text: t('sensitivity.mc.finished', { iterations: count(n, locale), seed: settings.seed }),
                }
              : { kind: 'error', text: t('sensitivity.mc.saveFailed', { message: saved.error.message }) },
          ),
        );
      },
      onCancelled: (completed, total) => {
        finished();
        const text = t('sensitivity.mc.cancelled', { done: count(completed, locale), total: count(total, locale) });
        setMessage({ kind: 'info', text: shown ? `${text} ${t('sensitivity.mc.previousKept')}` : text });
      },
      onError: (text) => {
        finished();
        setProgress(null);
        setMessage({ kind: 'error', text: t('sensitivity.mc.failed', { message: text }) });
      },
    });
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
    const strategies = hasStrategies && comparatorId !== '' ? { comparatorId, wtpMax: wtp, points: CEAC_POINTS } : null;
    start({ iterations: n, seed: s, histogramBins: DEFAULT_BINS, strategies });
  };

  /** The shown run again, on the model as it is now: the same iterations, seed and strategy settings. */
  const rerun = (previous: SimulationRun) => {
    const comparator = knownComparator(previous.strategySettings?.comparatorId) ?? (comparatorId || null);
    const wtp = previous.strategySettings?.wtpMax ?? defaultWtpMax(project);
    setIterations(String(previous.iterations));
    setSeed(String(previous.seed));
    setErrors({});
    if (hasStrategies && comparator !== null) {
      setComparatorId(comparator);
      setWtpMax(String(wtp));
    }
    start({
      iterations: previous.iterations,
      seed: previous.seed,
      histogramBins: previous.histogramBins,
      strategies:
        hasStrategies && comparator !== null ? { comparatorId: comparator, wtpMax: wtp, points: CEAC_POINTS } : null,
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
      {shown && !running && (
        <RunResults
          project={project}
          run={shown}
          stale={shown.modelFingerprint !== fingerprint}
          running={running}
          onRerun={() => rerun(shown)}
        />
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
