/**
 * Price data as the user's own, editable data: price-index series (a value per year, each series with its
 * source) and exchange rates or PPPs (each with its date and source). No figures are shipped, because none
 * could be cited exactly; the shipped series say where the official values are published. Each table can be
 * downloaded as CSV with the values as entered.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ExchangeRateEntry,
  PriceIndexSeries,
  SHIPPED_PRICE_DATA,
  type PriceIndexSeries as Series,
} from '../../../shared/library';
import { parseLocaleNumber } from '../../../shared/format/locale';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { useLocale } from '../hooks/useLocale';
import { ratesCsv, seriesPointsCsv } from './csv';
import { formatPublished } from './format';
import { effectiveRates, effectiveSeries, userLibrary, useUserLibrary } from './store';

function Problems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems" role="alert">
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

function TextInput({
  label,
  value,
  onChange,
  type = 'text',
  help,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  help?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
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

function SeriesCard({ series, isOwnCopy, projectName }: { series: Series; isOwnCopy: boolean; projectName: string }) {
  const { t } = useTranslation();
  const valuesTitle = t('library.prices.valuesOf', { name: series.name });
  const locale = useLocale();
  const [year, setYear] = useState('');
  const [value, setValue] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const headingId = useId();

  const addPoint = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseLocaleNumber(value, locale);
    if (!parsed.ok) return setProblems([`${t('library.prices.value')} ${parsed.message}`]);
    const points = [
      ...series.points.filter((p) => p.year !== Number(year)),
      { year: Number(year), value: parsed.value },
    ];
    const checked = PriceIndexSeries.safeParse({ ...series, points });
    if (!checked.success) {
      return setProblems(
        checked.error.issues.map((i) => `${t('library.prices.year')} / ${t('library.prices.value')}: ${i.message}`),
      );
    }
    userLibrary.saveSeries(checked.data);
    setProblems([]);
    setYear('');
    setValue('');
  };
  const removePoint = (y: number) =>
    userLibrary.saveSeries({ ...series, points: series.points.filter((p) => p.year !== y) });

  return (
    <article className="price-series" aria-labelledby={headingId}>
      <header>
        <h4 id={headingId}>{series.name}</h4>
        <span className="tag">
          {series.origin === 'shipped' ? t('library.prices.shippedDefinition') : t('library.prices.yours')}
        </span>
        {series.points.length > 0 && (
          <span className="library-table-tools">
            <TableCsvButton
              title={valuesTitle}
              fileName={`${projectName} ${valuesTitle}`.trim()}
              table={() => seriesPointsCsv(series, t)}
            />
          </span>
        )}
      </header>
      <p className="entry-source">
        {[series.area, series.currency, series.base].filter(Boolean).join(' · ')}
        {series.area || series.currency || series.base ? ' · ' : ''}
        {t('library.source')}: {series.source}{' '}
        {series.sourceUrl && (
          <a href={series.sourceUrl} target="_blank" rel="noreferrer noopener">
            {t('library.link')}
          </a>
        )}
      </p>
      {series.notes && <p className="entry-notes">{series.notes}</p>}
      {series.points.length === 0 ? (
        <p className="empty">{t('library.prices.noValues')}</p>
      ) : (
        <table className="points">
          <caption className="visually-hidden">{valuesTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t('library.prices.year')}</th>
              <th scope="col" className="number">
                {t('library.prices.value')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('library.prices.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                <td className="number">{formatPublished(p.value, locale)}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => removePoint(p.year)}
                    aria-label={t('library.prices.removeValue', { year: p.year, name: series.name })}
                  >
                    {t('library.prices.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="inline-form"
        onSubmit={addPoint}
        noValidate
        aria-label={t('library.prices.addValueTo', { name: series.name })}
      >
        <TextInput label={t('library.prices.year')} value={year} onChange={setYear} />
        <TextInput label={t('library.prices.value')} value={value} onChange={setValue} />
        <button type="submit">{t('library.prices.addValue')}</button>
      </form>
      <Problems problems={problems} />
      {(series.origin === 'user' || isOwnCopy) && (
        <button
          type="button"
          className="danger"
          onClick={() => userLibrary.deleteSeries(series.id)}
          aria-label={t('library.prices.deleteSeriesLabel', { name: series.name })}
        >
          {series.origin === 'user' ? t('library.prices.deleteSeries') : t('library.prices.clearValues')}
        </button>
      )}
    </article>
  );
}

function NewSeriesForm() {
  const { t } = useTranslation();
  const empty = { name: '', area: '', currency: '', base: '', source: '', sourceUrl: '' };
  const [draft, setDraft] = useState(empty);
  const [problems, setProblems] = useState<string[]>([]);
  const set = (key: keyof typeof empty) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = PriceIndexSeries.safeParse({
      id: `user-${crypto.randomUUID()}`,
      name: draft.name.trim(),
      area: draft.area.trim(),
      currency: draft.currency.trim() === '' ? null : draft.currency.trim().toUpperCase(),
      base: draft.base.trim(),
      source: draft.source.trim(),
      sourceUrl: draft.sourceUrl.trim(),
      notes: '',
      points: [],
      origin: 'user',
    });
    if (!parsed.success) {
      return setProblems(parsed.error.issues.map((i) => `${t(`library.prices.${String(i.path[0])}`)} ${i.message}`));
    }
    userLibrary.saveSeries(parsed.data);
    setDraft(empty);
    setProblems([]);
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('library.prices.newSeries')}>
      <h4>{t('library.prices.newSeries')}</h4>
      <div className="form-grid">
        <TextInput label={t('library.prices.name')} value={draft.name} onChange={set('name')} />
        <TextInput label={t('library.prices.area')} value={draft.area} onChange={set('area')} />
        <TextInput label={t('library.prices.currency')} value={draft.currency} onChange={set('currency')} />
        <TextInput
          label={t('library.prices.base')}
          value={draft.base}
          onChange={set('base')}
          help={t('library.prices.baseHelp')}
        />
        <TextInput label={t('library.prices.source')} value={draft.source} onChange={set('source')} />
        <TextInput label={t('library.prices.sourceUrl')} value={draft.sourceUrl} onChange={set('sourceUrl')} />
      </div>
      <Problems problems={problems} />
      <button type="submit">{t('library.prices.addSeries')}</button>
    </form>
  );
}

function NewRateForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const empty = { from: '', to: '', rate: '', date: '', kind: 'market', source: '', sourceUrl: '' };
  const [draft, setDraft] = useState(empty);
  const [problems, setProblems] = useState<string[]>([]);
  const set = (key: keyof typeof empty) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const kindId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rate = parseLocaleNumber(draft.rate, locale);
    if (!rate.ok) return setProblems([`${t('library.prices.rate')} ${rate.message}`]);
    const parsed = ExchangeRateEntry.safeParse({
      id: `user-${crypto.randomUUID()}`,
      from: draft.from.trim().toUpperCase(),
      to: draft.to.trim().toUpperCase(),
      rate: rate.value,
      date: draft.date,
      kind: draft.kind,
      source: draft.source.trim(),
      sourceUrl: draft.sourceUrl.trim(),
      origin: 'user',
    });
    if (!parsed.success) {
      return setProblems(parsed.error.issues.map((i) => `${t(`library.prices.${String(i.path[0])}`)} ${i.message}`));
    }
    userLibrary.saveRate(parsed.data);
    setDraft(empty);
    setProblems([]);
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('library.prices.newRate')}>
      <h4>{t('library.prices.newRate')}</h4>
      <div className="form-grid">
        <TextInput label={t('library.prices.from')} value={draft.from} onChange={set('from')} />
        <TextInput label={t('library.prices.to')} value={draft.to} onChange={set('to')} />
        <TextInput
          label={t('library.prices.rate')}
          value={draft.rate}
          onChange={set('rate')}
          help={t('library.prices.rateHelp')}
        />
        <TextInput label={t('library.prices.date')} value={draft.date} onChange={set('date')} type="date" />
        <div className="field">
          <label htmlFor={kindId}>{t('library.prices.kind')}</label>
          <select id={kindId} value={draft.kind} onChange={(e) => set('kind')(e.target.value)}>
            <option value="market">{t('library.adjust.market')}</option>
            <option value="ppp">{t('library.adjust.ppp')}</option>
          </select>
        </div>
        <TextInput label={t('library.prices.source')} value={draft.source} onChange={set('source')} />
        <TextInput label={t('library.prices.sourceUrl')} value={draft.sourceUrl} onChange={set('sourceUrl')} />
      </div>
      <Problems problems={problems} />
      <button type="submit">{t('library.prices.addRate')}</button>
    </form>
  );
}

export function PriceDataEditor({ projectName = '' }: { projectName?: string }) {
  const { t } = useTranslation();
  const ratesTitle = t('library.prices.ratesTitle');
  const locale = useLocale();
  const lib = useUserLibrary();
  const series = effectiveSeries(lib);
  const rates = effectiveRates(lib);
  const ownCopies = new Set(lib.priceIndexSeries.map((s) => s.id));
  return (
    <div className="price-data">
      <p className="notice">{t('library.prices.noneShipped')}</p>
      <section aria-labelledby="price-series-title">
        <h3 id="price-series-title">{t('library.prices.seriesTitle')}</h3>
        <p className="help">{t('library.prices.seriesLead')}</p>
        {series.map((s) => (
          <SeriesCard
            key={s.id}
            series={s}
            isOwnCopy={s.origin === 'shipped' && ownCopies.has(s.id)}
            projectName={projectName}
          />
        ))}
        <NewSeriesForm />
      </section>
      <section aria-labelledby="rates-title">
        <h3 id="rates-title">{t('library.prices.ratesTitle')}</h3>
        <p className="help">{t('library.prices.ratesLead')}</p>
        <ul className="rate-sources">
          {SHIPPED_PRICE_DATA.rateSources.map((s) => (
            <li key={s.name}>
              {s.url ? (
                <a href={s.url} target="_blank" rel="noreferrer noopener">
                  {s.name}
                </a>
              ) : (
                s.name
              )}
              {s.note && <>: {s.note}</>}
            </li>
          ))}
        </ul>
        {rates.length === 0 ? (
          <p className="empty">{t('library.prices.noRates')}</p>
        ) : (
          <>
            <div className="library-table-tools">
              <TableCsvButton
                title={ratesTitle}
                fileName={`${projectName} ${ratesTitle}`.trim()}
                table={() => ratesCsv(rates, t)}
              />
            </div>
            <table>
              <caption className="visually-hidden">{ratesTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('library.prices.from')}</th>
                  <th scope="col">{t('library.prices.to')}</th>
                  <th scope="col" className="number">
                    {t('library.prices.rate')}
                  </th>
                  <th scope="col">{t('library.prices.date')}</th>
                  <th scope="col">{t('library.prices.kind')}</th>
                  <th scope="col">{t('library.prices.source')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('library.prices.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rates.map((r) => (
                  <tr key={r.id}>
                    <td>{r.from}</td>
                    <td>{r.to}</td>
                    <td className="number">{formatPublished(r.rate, locale)}</td>
                    <td>{r.date}</td>
                    <td>{r.kind === 'ppp' ? t('library.adjust.ppp') : t('library.adjust.market')}</td>
                    <td>{r.source}</td>
                    <td>
                      {r.origin === 'user' && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => userLibrary.deleteRate(r.id)}
                          aria-label={t('library.prices.deleteRateLabel', { from: r.from, to: r.to, date: r.date })}
                        >
                          {t('library.prices.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <NewRateForm />
      </section>
    </div>
  );
}
