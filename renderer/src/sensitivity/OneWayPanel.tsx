/**
 * One-way sensitivity: the default ranges (proxies and quantities +-20 %, adjustments +-10 points, the
 * discount rate 0 % and 6 %, non-cash inputs +-20 %, each outcome removed), any assumption given its own low and
 * high, and the tornado chart sorted by swing with its figures as a table.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { oneWaySensitivity, type OneWayResult, type SensitivityRange } from '../../../shared/engine/uncertainty';
import type { Project } from '../../../shared/model/schema';
import { dec } from '../../../shared/money/decimal';
import { parseLocaleNumber } from '../../../shared/format/locale';
import { ChartFrame } from '../charts/ChartFrame';
import { NumberField } from '../components/fields';
import { useLocale } from '../hooks/useLocale';
import { money, percent, plain } from './format';
import { TornadoChart, TORNADO_COLOURS } from './TornadoChart';
import { DEFAULT_ONE_WAY, oneWayOptions, tornadoData, type OneWaySettings } from './tornado-data';

const SHOWN_ROWS = 12;

type RangeUnit = 'percent' | 'money' | 'count' | 'years';

interface RangeChoice {
  key: string;
  label: string;
  unit: RangeUnit;
  currency?: string;
  assumption: SensitivityRange['assumption'];
}

interface CustomRange {
  choice: RangeChoice;
  low: string;
  high: string;
}

function rangeChoices(project: Project, t: (key: string, options?: Record<string, unknown>) => string): RangeChoice[] {
  const fields = ['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'dropOff', 'duration'] as const;
  const choices: RangeChoice[] = [];
  for (const o of project.outcomes) {
    for (const field of fields) {
      choices.push({
        key: `outcome:${o.id}:${field}`,
        label: `${t(`sensitivity.fields.${field}`)}: ${o.name}`,
        unit: field === 'proxy' ? 'money' : field === 'quantity' ? 'count' : field === 'duration' ? 'years' : 'percent',
        currency: field === 'proxy' ? o.proxy.currency : undefined,
        assumption: { kind: 'outcome', outcomeId: o.id, field },
      });
    }
  }
  for (const i of project.inputs) {
    choices.push({
      key: `input:${i.id}`,
      label: t('sensitivity.tornado.input', { name: i.description }),
      unit: 'money',
      currency: project.currency,
      assumption: { kind: 'input', inputId: i.id },
    });
  }
  choices.push({
    key: 'discountRate',
    label: t('sensitivity.tornado.discountRate'),
    unit: 'percent',
    assumption: { kind: 'discountRate' },
  });
  return choices;
}

export function OneWayPanel({ project }: { project: Project }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [settings, setSettings] = useState<OneWaySettings>(DEFAULT_ONE_WAY);
  const [ranges, setRanges] = useState<CustomRange[]>([]);
  const [showAll, setShowAll] = useState(false);
  const choices = useMemo(() => rangeChoices(project, t), [project, t]);
  const [choiceKey, setChoiceKey] = useState('');
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [rangeError, setRangeError] = useState<string | null>(null);

  const computed = useMemo((): { result: OneWayResult } | { error: string } => {
    // A range for an outcome or input that has since been deleted is dropped, not an error.
    const live = ranges.filter((r) => choices.some((c) => c.key === r.choice.key));
    const explicit: SensitivityRange[] = live.map((r) => ({
      assumption: r.choice.assumption,
      low: r.low,
      high: r.high,
    }));
    try {
      return { result: oneWaySensitivity(project, oneWayOptions(settings, explicit)) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [project, settings, ranges, choices]);

  const data = useMemo(
    () => ('result' in computed ? tornadoData(computed.result, project, t, locale) : null),
    [computed, project, t, locale],
  );

  const set = (key: keyof OneWaySettings) => (value: string) => {
    setSettings((s) => ({ ...s, [key]: value }));
    return null;
  };

  const selected = choices.find((c) => c.key === choiceKey) ?? null;
  const unitLabel = (c: RangeChoice | null) =>
    c === null
      ? ''
      : c.unit === 'percent'
        ? '%'
        : c.unit === 'money'
          ? (c.currency ?? '')
          : c.unit === 'years'
            ? t('sensitivity.yearsUnit')
            : '';

  const addRange = (event: FormEvent) => {
    event.preventDefault();
    if (selected === null) return setRangeError(t('sensitivity.tornado.pickAssumption'));
    const parsed = [low, high].map((text) => parseLocaleNumber(text, locale));
    for (const [i, p] of parsed.entries()) {
      if (!p.ok) {
        return setRangeError(`${i === 0 ? t('sensitivity.tornado.low') : t('sensitivity.tornado.high')} ${p.message}`);
      }
    }
    const [lo, hi] = parsed.map((p) => (p.ok ? dec(p.value) : dec(0)));
    const names = [t('sensitivity.tornado.low'), t('sensitivity.tornado.high')];
    for (const [i, v] of [lo, hi].entries()) {
      if (selected.unit === 'percent' && (v.lt(0) || v.gt(100))) {
        return setRangeError(t('sensitivity.tornado.percentRange', { name: names[i] }));
      }
      if (selected.unit === 'years' && (!v.isInteger() || v.lt(0) || v.gt(100))) {
        return setRangeError(t('sensitivity.tornado.yearsRange', { name: names[i] }));
      }
      if ((selected.unit === 'count' || selected.assumption.kind === 'input') && v.lt(0)) {
        return setRangeError(t('sensitivity.tornado.negative', { name: names[i] }));
      }
    }
    const toEngine = (d: ReturnType<typeof dec>) => (selected.unit === 'percent' ? d.div(100) : d).toFixed();
    const candidate: CustomRange = { choice: selected, low: toEngine(lo), high: toEngine(hi) };
    try {
      const others = ranges.filter((r) => r.choice.key !== selected.key);
      oneWaySensitivity(
        project,
        oneWayOptions(
          settings,
          [...others, candidate].map((r) => ({ assumption: r.choice.assumption, low: r.low, high: r.high })),
        ),
      );
      setRanges([...others, candidate]);
      setRangeError(null);
      setLow('');
      setHigh('');
    } catch (error) {
      setRangeError(error instanceof Error ? error.message : String(error));
    }
  };

  const shownValue = (r: CustomRange, value: string) =>
    r.choice.unit === 'percent'
      ? percent(dec(value), locale)
      : r.choice.unit === 'money'
        ? money(dec(value), r.choice.currency ?? '', locale)
        : r.choice.unit === 'years'
          ? t('sensitivity.years', { count: Number(value) })
          : plain(dec(value), locale);

  const bars = data === null ? [] : showAll ? data.bars : data.bars.slice(0, SHOWN_ROWS);
  const top = data?.bars[0];
  const measureUnit =
    data?.measure === 'ratio'
      ? t('sensitivity.tornado.unitRatio')
      : t('sensitivity.tornado.unitNpv', { currency: project.currency });

  return (
    <section className="card" aria-labelledby="one-way-title">
      <h2 id="one-way-title">{t('sensitivity.tornado.title')}</h2>
      <p className="help">{t('sensitivity.tornado.lead')}</p>
      <fieldset className="one-way-settings">
        <legend>{t('sensitivity.tornado.defaults')}</legend>
        <div className="form-grid">
          <NumberField
            label={t('sensitivity.tornado.proxyChange')}
            value={settings.proxyPercent}
            unit="±%"
            min={0}
            max={100}
            onCommit={set('proxyPercent')}
          />
          <NumberField
            label={t('sensitivity.tornado.quantityChange')}
            value={settings.quantityPercent}
            unit="±%"
            min={0}
            max={100}
            onCommit={set('quantityPercent')}
          />
          <NumberField
            label={t('sensitivity.tornado.adjustmentChange')}
            value={settings.adjustmentPoints}
            unit={t('sensitivity.tornado.points')}
            min={0}
            max={100}
            onCommit={set('adjustmentPoints')}
          />
          <NumberField
            label={t('sensitivity.tornado.rateLow')}
            value={settings.rateLowPercent}
            unit="%"
            min={0}
            max={100}
            onCommit={set('rateLowPercent')}
          />
          <NumberField
            label={t('sensitivity.tornado.rateHigh')}
            value={settings.rateHighPercent}
            unit="%"
            min={0}
            max={100}
            onCommit={set('rateHighPercent')}
          />
          <NumberField
            label={t('sensitivity.tornado.nonCashChange')}
            value={settings.nonCashPercent}
            unit="±%"
            min={0}
            max={100}
            onCommit={set('nonCashPercent')}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.outcomeRemoval}
            onChange={(e) => setSettings((s) => ({ ...s, outcomeRemoval: e.target.checked }))}
          />
          {t('sensitivity.tornado.outcomeRemoval')}
        </label>
      </fieldset>

      <form className="range-form" onSubmit={addRange} aria-label={t('sensitivity.tornado.customTitle')}>
        <p className="range-form-title">{t('sensitivity.tornado.customTitle')}</p>
        <div className="range-form-fields">
          <div className="field">
            <label htmlFor="range-assumption">{t('sensitivity.tornado.assumption')}</label>
            <select id="range-assumption" value={choiceKey} onChange={(e) => setChoiceKey(e.target.value)}>
              <option value="">{t('sensitivity.tornado.pickAssumption')}</option>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field narrow">
            <label htmlFor="range-low">{t('sensitivity.tornado.low')}</label>
            <div className="with-unit">
              <input id="range-low" inputMode="decimal" value={low} onChange={(e) => setLow(e.target.value)} />
              <span className="unit">{unitLabel(selected)}</span>
            </div>
          </div>
          <div className="field narrow">
            <label htmlFor="range-high">{t('sensitivity.tornado.high')}</label>
            <div className="with-unit">
              <input id="range-high" inputMode="decimal" value={high} onChange={(e) => setHigh(e.target.value)} />
              <span className="unit">{unitLabel(selected)}</span>
            </div>
          </div>
          <button type="submit">{t('sensitivity.tornado.addRange')}</button>
        </div>
        {rangeError && (
          <p className="error" role="alert">
            {rangeError}
          </p>
        )}
        {ranges.length > 0 && (
          <ul className="custom-ranges">
            {ranges.map((r) => (
              <li key={r.choice.key}>
                {t('sensitivity.tornado.customRange', {
                  label: r.choice.label,
                  low: shownValue(r, r.low),
                  high: shownValue(r, r.high),
                })}{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => setRanges((all) => all.filter((x) => x.choice.key !== r.choice.key))}
                >
                  {t('sensitivity.tornado.removeRange', { label: r.choice.label })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </form>

      {'error' in computed && (
        <p className="error banner" role="alert">
          {computed.error}
        </p>
      )}
      {data !== null && (
        <div className="chart-grid">
          <ChartFrame
            id="tornado"
            wide
            title={t('sensitivity.tornado.chartTitle')}
            summary={
              top === undefined
                ? t('sensitivity.tornado.empty')
                : t(data.measure === 'ratio' ? 'sensitivity.tornado.summary' : 'sensitivity.tornado.summaryNpv', {
                    top: top.label,
                    low: top.lowText,
                    high: top.highText,
                    base: data.baseText,
                    lowValue: top.lowValue,
                    highValue: top.highValue,
                    count: data.bars.length,
                  })
            }
            empty={top === undefined}
            projectName={project.name}
            footnote={t('charts.footnote', { project: project.name })}
            unit={measureUnit}
            legend={[
              { label: t('sensitivity.tornado.lowCase'), fill: TORNADO_COLOURS.low },
              { label: t('sensitivity.tornado.highCase'), fill: TORNADO_COLOURS.high },
            ]}
            note={t('sensitivity.tornado.note')}
            table={{
              columns: [
                t('sensitivity.tornado.assumption'),
                t('sensitivity.tornado.low'),
                t('sensitivity.tornado.base'),
                t('sensitivity.tornado.high'),
                t(data.measure === 'ratio' ? 'sensitivity.tornado.ratioLow' : 'sensitivity.tornado.npvLow'),
                t(data.measure === 'ratio' ? 'sensitivity.tornado.ratioHigh' : 'sensitivity.tornado.npvHigh'),
                t('sensitivity.tornado.swing'),
              ],
              rows: data.bars.map((b) => ({
                key: b.key,
                cells: [b.label, b.lowValue, b.baseValue, b.highValue, b.lowText, b.highText, b.swingText],
                values: [
                  b.label,
                  b.lowValue,
                  b.baseValue,
                  b.highValue,
                  { decimal: b.lowExact },
                  { decimal: b.highExact },
                  { decimal: b.swingExact },
                ],
              })),
            }}
          >
            {(width) => (
              <TornadoChart
                width={width}
                data={data}
                bars={bars}
                labels={{
                  low: t('sensitivity.tornado.lowCase'),
                  high: t('sensitivity.tornado.highCase'),
                  base: t('sensitivity.tornado.baseLine', { value: data.baseText }),
                  breakEven: '1 : 1',
                }}
              />
            )}
          </ChartFrame>
        </div>
      )}
      {data !== null && data.bars.length > SHOWN_ROWS && (
        <button type="button" onClick={() => setShowAll((v) => !v)}>
          {showAll
            ? t('sensitivity.tornado.showFewer', { count: SHOWN_ROWS })
            : t('sensitivity.tornado.showAll', { count: data.bars.length })}
        </button>
      )}
    </section>
  );
}
