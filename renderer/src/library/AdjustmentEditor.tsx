/**
 * Price year and currency (METHOD.md): the two factors that bring a value into the model's prices,
 *   value x index(model year) / index(price year) x exchange rate (or PPP),
 * each with its source. Values come from the user's price data when they have entered them, or are typed
 * here (and kept in the price data for next time). A different currency needs a rate; a different year
 * without an index is allowed and leaves the value in its own year's prices (the results then warn).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adjustedValue,
  adjustmentNeeds,
  exchangeFactor,
  exchangeRateAdjustment,
  inflationFactor,
  indexValueAt,
  parseExchangeRate,
  parsePriceIndex,
  priceIndexAdjustment,
  ratesFor,
  seriesFor,
  type ExchangeRate,
  type ModelPrices,
  type PriceIndexAdjustment,
  type PriceIndexSeries,
} from '../../../shared/library';
import { formatDecimal, formatForEditing, parseLocaleNumber } from '../../../shared/format/locale';
import { dec } from '../../../shared/money/decimal';
import { useLocale } from '../hooks/useLocale';
import { effectiveRates, effectiveSeries, userLibrary, useUserLibrary } from './store';
import { formatPublished } from './format';

export interface Adjustments {
  priceIndex: PriceIndexAdjustment | null;
  exchangeRate: ExchangeRate | null;
}

interface Props {
  value: string;
  currency: string;
  priceYear: number;
  model: ModelPrices;
  initial: Adjustments;
  submitLabel: string;
  /** Returns a message when the change could not be saved. */
  onSubmit: (adjustments: Adjustments) => Promise<string | null>;
  onCancel: () => void;
}

const BY_HAND = '';

function Field({
  label,
  value,
  onChange,
  help,
  type = 'text',
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  help?: string;
  type?: string;
  inputMode?: 'decimal';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        value={value}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}

export function AdjustmentEditor({
  value,
  currency,
  priceYear,
  model,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lib = useUserLibrary();
  const needs = adjustmentNeeds({ currency, priceYear }, model);
  const series = useMemo(() => seriesFor(effectiveSeries(lib), currency), [lib, currency]);
  const rates = useMemo(() => ratesFor(effectiveRates(lib), currency, model.currency), [lib, currency, model.currency]);
  const edit = (v: string | null) => (v === null ? '' : formatForEditing(v, locale));

  // Start from what the proxy already has, else from the first series that has both years, else from one
  // the user has entered values in (only the missing year is then to type), else by hand.
  const ready =
    series.find((s) => priceIndexAdjustment(s, priceYear, model.priceYear) !== null) ??
    series.find((s) => s.points.length > 0);
  const [seriesId, setSeriesId] = useState(initial.priceIndex ? BY_HAND : (ready?.id ?? BY_HAND));
  const startSeries = initial.priceIndex ? null : (ready ?? null);
  const sourceOf = (s: PriceIndexSeries) => (s.sourceUrl ? `${s.source}, ${s.sourceUrl}` : s.source);
  const [indexName, setIndexName] = useState(initial.priceIndex?.series ?? startSeries?.name ?? '');
  const [atPrice, setAtPrice] = useState(
    edit(initial.priceIndex?.indexAtPriceYear ?? (startSeries ? indexValueAt(startSeries, priceYear) : null)),
  );
  const [atModel, setAtModel] = useState(
    edit(initial.priceIndex?.indexAtModelYear ?? (startSeries ? indexValueAt(startSeries, model.priceYear) : null)),
  );
  const [indexSource, setIndexSource] = useState(
    initial.priceIndex?.source ?? (startSeries ? sourceOf(startSeries) : ''),
  );

  const firstRate = initial.exchangeRate ? null : (rates[0] ?? null);
  const [rateId, setRateId] = useState(firstRate?.id ?? BY_HAND);
  const [rate, setRate] = useState(edit(initial.exchangeRate?.rate ?? firstRate?.rate ?? null));
  const [rateDate, setRateDate] = useState(initial.exchangeRate?.date ?? firstRate?.date ?? '');
  const [rateKind, setRateKind] = useState<'market' | 'ppp'>(firstRate?.kind ?? 'market');
  const [rateSource, setRateSource] = useState(
    initial.exchangeRate?.source ?? (firstRate ? exchangeRateAdjustment(firstRate).source : ''),
  );
  const [remember, setRemember] = useState(true);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const pickSeries = (id: string) => {
    setSeriesId(id);
    const chosen = series.find((s) => s.id === id);
    if (!chosen) return;
    setIndexName(chosen.name);
    setIndexSource(sourceOf(chosen));
    setAtPrice(edit(indexValueAt(chosen, priceYear)));
    setAtModel(edit(indexValueAt(chosen, model.priceYear)));
  };
  const pickRate = (id: string) => {
    setRateId(id);
    const chosen = rates.find((r) => r.id === id);
    if (!chosen) return;
    setRate(edit(chosen.rate));
    setRateDate(chosen.date);
    setRateKind(chosen.kind);
    setRateSource(exchangeRateAdjustment(chosen).source);
  };

  /** What the fields say, checked; problems are worded for the user. */
  const read = (): { adjustments: Adjustments; problems: string[] } => {
    const found: string[] = [];
    let priceIndex: PriceIndexAdjustment | null = null;
    let exchangeRate: ExchangeRate | null = null;
    if (needs.priceIndex) {
      const typed = [indexName, atPrice, atModel].some((v) => v.trim() !== '');
      if (typed) {
        const a = parseLocaleNumber(atPrice, locale);
        const b = parseLocaleNumber(atModel, locale);
        if (!a.ok) found.push(`${t('library.adjust.indexAt', { year: priceYear })} ${a.message}`);
        if (!b.ok) found.push(`${t('library.adjust.indexAt', { year: model.priceYear })} ${b.message}`);
        if (a.ok && b.ok) {
          const parsed = parsePriceIndex({
            series: indexName.trim(),
            indexAtPriceYear: a.value,
            indexAtModelYear: b.value,
            source: indexSource.trim(),
          });
          if (parsed.ok) priceIndex = parsed.value;
          else found.push(...parsed.problems.map((p) => t('library.adjust.indexProblem', { problem: p })));
        }
      }
    }
    if (needs.exchangeRate) {
      const r = parseLocaleNumber(rate, locale);
      if (!r.ok) found.push(`${t('library.adjust.rate', { from: currency, to: model.currency })} ${r.message}`);
      else {
        const kind =
          rateKind === 'ppp' && !rateSource.includes('purchasing power parity') ? ' (purchasing power parity)' : '';
        const parsed = parseExchangeRate({ rate: r.value, date: rateDate, source: `${rateSource.trim()}${kind}` });
        if (parsed.ok) exchangeRate = parsed.value;
        else found.push(...parsed.problems.map((p) => t('library.adjust.rateProblem', { problem: p })));
      }
      if (rateSource.trim() === '') found.push(t('library.adjust.rateSourceRequired'));
    }
    return { adjustments: { priceIndex, exchangeRate }, problems: found };
  };

  const current = read();
  const preview =
    current.problems.length === 0 ? adjustedValue({ value, currency, priceYear, ...current.adjustments }, model) : null;
  const factor = (d: ReturnType<typeof inflationFactor>) => formatDecimal(d, Math.min(d.decimalPlaces(), 6), locale);

  /** Keep typed figures in the price data, so the next proxy from this series or currency finds them. */
  const rememberFigures = ({ priceIndex, exchangeRate }: Adjustments) => {
    if (priceIndex) {
      // Typed figures extend the chosen series only when they are that series (same name, and no published
      // value typed over): otherwise they are another series of the user's, and the published one stays as it is.
      const typed = [
        { year: priceYear, value: priceIndex.indexAtPriceYear },
        { year: model.priceYear, value: priceIndex.indexAtModelYear },
      ];
      const candidate = series.find((s) => s.id === seriesId);
      const chosen =
        candidate &&
        candidate.name === priceIndex.series &&
        typed.every((tp) => {
          const published = indexValueAt(candidate, tp.year);
          return published === null || dec(published).eq(dec(tp.value));
        })
          ? candidate
          : undefined;
      const base: PriceIndexSeries = chosen ?? {
        id: `user-${crypto.randomUUID()}`,
        name: priceIndex.series,
        area: '',
        currency,
        base: '',
        source: priceIndex.source || priceIndex.series,
        sourceUrl: '',
        notes: '',
        points: [],
        origin: 'user',
      };
      const points = base.points.filter((p) => p.year !== priceYear && p.year !== model.priceYear);
      points.push({ year: priceYear, value: priceIndex.indexAtPriceYear });
      if (model.priceYear !== priceYear) points.push({ year: model.priceYear, value: priceIndex.indexAtModelYear });
      userLibrary.saveSeries({ ...base, points });
    }
    if (exchangeRate && rateId === BY_HAND) {
      userLibrary.saveRate({
        id: `user-${crypto.randomUUID()}`,
        from: currency,
        to: model.currency,
        rate: exchangeRate.rate,
        date: exchangeRate.date,
        kind: rateKind,
        source: rateSource.trim(),
        sourceUrl: '',
        origin: 'user',
      });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = read();
    setProblems(checked.problems);
    if (checked.problems.length > 0) return;
    if (remember) rememberFigures(checked.adjustments);
    setSaving(true);
    const message = await onSubmit(checked.adjustments);
    setSaving(false);
    if (message) setProblems([message]);
  };

  const rateOptionLabel = (id: string) => {
    const r = rates.find((x) => x.id === id)!;
    return `${formatPublished(r.rate, locale)} ${model.currency} / ${r.from} · ${r.date} · ${r.source}`;
  };

  return (
    <form className="adjustment-editor" onSubmit={(e) => void submit(e)} noValidate>
      <p className="adjust-from">
        {t('library.adjust.from', {
          value: formatPublished(value, locale),
          currency,
          year: priceYear,
          modelCurrency: model.currency,
          modelYear: model.priceYear,
        })}
      </p>
      {!needs.priceIndex && !needs.exchangeRate && <p>{t('library.adjust.noneNeeded')}</p>}

      {needs.priceIndex && (
        <fieldset>
          <legend>{t('library.adjust.indexLegend', { from: priceYear, to: model.priceYear })}</legend>
          <div className="field">
            <label htmlFor="adjust-series">{t('library.adjust.series')}</label>
            <select id="adjust-series" value={seriesId} onChange={(e) => pickSeries(e.target.value)}>
              <option value={BY_HAND}>{t('library.adjust.byHand')}</option>
              {series.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {priceIndexAdjustment(s, priceYear, model.priceYear) ? '' : ` (${t('library.adjust.missingYears')})`}
                </option>
              ))}
            </select>
          </div>
          <div className="form-grid">
            <Field label={t('library.adjust.seriesName')} value={indexName} onChange={setIndexName} />
            <Field
              label={t('library.adjust.indexAt', { year: priceYear })}
              value={atPrice}
              onChange={setAtPrice}
              inputMode="decimal"
            />
            <Field
              label={t('library.adjust.indexAt', { year: model.priceYear })}
              value={atModel}
              onChange={setAtModel}
              inputMode="decimal"
            />
            <Field
              label={t('library.adjust.indexSource')}
              value={indexSource}
              onChange={setIndexSource}
              help={t('library.adjust.indexSourceHelp')}
            />
          </div>
          {current.adjustments.priceIndex === null && current.problems.length === 0 && (
            <p className="adjust-warning">{t('library.adjust.noIndex', { year: priceYear })}</p>
          )}
        </fieldset>
      )}

      {needs.exchangeRate && (
        <fieldset>
          <legend>{t('library.adjust.rateLegend', { from: currency, to: model.currency })}</legend>
          <div className="field">
            <label htmlFor="adjust-rate-pick">{t('library.adjust.savedRates')}</label>
            <select id="adjust-rate-pick" value={rateId} onChange={(e) => pickRate(e.target.value)}>
              <option value={BY_HAND}>{t('library.adjust.byHand')}</option>
              {rates.map((r) => (
                <option key={r.id} value={r.id}>
                  {rateOptionLabel(r.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-grid">
            <Field
              label={t('library.adjust.rate', { from: currency, to: model.currency })}
              value={rate}
              onChange={setRate}
              inputMode="decimal"
              help={t('library.adjust.rateHelp', { from: currency, to: model.currency })}
            />
            <Field label={t('library.adjust.rateDate')} value={rateDate} onChange={setRateDate} type="date" />
            <div className="field">
              <label htmlFor="adjust-rate-kind">{t('library.adjust.rateKind')}</label>
              <select
                id="adjust-rate-kind"
                value={rateKind}
                onChange={(e) => setRateKind(e.target.value as 'market' | 'ppp')}
              >
                <option value="market">{t('library.adjust.market')}</option>
                <option value="ppp">{t('library.adjust.ppp')}</option>
              </select>
            </div>
            <Field label={t('library.adjust.rateSource')} value={rateSource} onChange={setRateSource} />
          </div>
        </fieldset>
      )}

      {(needs.priceIndex || needs.exchangeRate) && (
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          {t('library.adjust.remember')}
        </label>
      )}

      {preview !== null && (
        <p className="adjust-preview" data-testid="adjust-preview">
          {formatPublished(value, locale)} {currency}
          {current.adjustments.priceIndex && (
            <>
              {' '}
              × {factor(inflationFactor(current.adjustments.priceIndex))} ({t('library.adjust.indexFactor')})
            </>
          )}
          {current.adjustments.exchangeRate && (
            <>
              {' '}
              × {factor(exchangeFactor(current.adjustments.exchangeRate))} ({t('library.adjust.rateFactor')})
            </>
          )}{' '}
          ={' '}
          <strong>
            {formatDecimal(preview, 2, locale)} {model.currency}
          </strong>{' '}
          {t('library.adjust.inPrices', { year: model.priceYear })}
        </p>
      )}

      {problems.length > 0 && (
        <ul className="problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="entry-actions">
        <button type="submit" className="primary" disabled={saving}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('library.cancel')}
        </button>
      </div>
    </form>
  );
}
