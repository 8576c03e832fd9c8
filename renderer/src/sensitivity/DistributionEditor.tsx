/**
 * Distributions on numeric assumptions (METHOD.md section 3): pick an assumption (an outcome's quantity, proxy,
 * deadweight, displacement, attribution or drop-off; a strategy's cost or effect), a distribution and its
 * parameters. What was typed is checked against the model's Distribution schema, with the reason next to the
 * parameter, and saved only when valid. The list below shows every distribution with its mean and SD.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { distributionMoments } from '../../../shared/engine/uncertainty';
import type { Distribution } from '../../../shared/model/distribution';
import { dec } from '../../../shared/money/decimal';
import { TableCsvButton } from '../exchange/TableCsvButton';
import type { CsvTable } from '../exchange/table-csv';
import { useLocale } from '../hooks/useLocale';
import {
  buildDistribution,
  defaultParams,
  describeDistribution,
  DISTRIBUTION_TYPES,
  momentsText,
  PARAMETERS,
  paramsOf,
  targetValue,
  type DistributionTarget,
  type DistributionType,
  type Parameter,
  type Params,
} from './distribution-form';

export interface DistributionEditorProps {
  /** Used for element ids and the accessible names of the form and the list. */
  id: string;
  title: string;
  lead?: string;
  targets: DistributionTarget[];
  /** Save a distribution (resolves to an error message, or null when saved). */
  onSave: (target: DistributionTarget, distribution: Distribution) => Promise<string | null> | string | null;
  onRemove: (target: DistributionTarget) => Promise<string | null> | string | null;
}

export function DistributionEditor({ id, title, lead, targets, onSave, onRemove }: DistributionEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const uid = useId();
  const [targetKey, setTargetKey] = useState('');
  const [type, setType] = useState<DistributionType | ''>('');
  const [params, setParams] = useState<Params>({});
  const [errors, setErrors] = useState<Partial<Record<Parameter | 'form', string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const target = targets.find((x) => x.key === targetKey) ?? null;
  const groups = [...new Set(targets.map((x) => x.group))];

  const choose = (key: string) => {
    setTargetKey(key);
    setErrors({});
    setStatus(null);
    const next = targets.find((x) => x.key === key);
    if (next?.current) {
      setType(next.current.type);
      setParams(paramsOf(next.current, next, locale));
    } else {
      setType('');
      setParams({});
    }
  };

  const chooseType = (value: DistributionType | '') => {
    setType(value);
    setErrors({});
    setStatus(null);
    if (value !== '' && target !== null) {
      setParams(
        target.current?.type === value
          ? paramsOf(target.current, target, locale)
          : defaultParams(value, target, locale),
      );
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (target === null) return setErrors({ form: t('sensitivity.distribution.pickAssumption') });
    if (type === '') return setErrors({ form: t('sensitivity.distribution.pickType') });
    const built = buildDistribution(type, params, target, locale, t);
    if (!built.ok) {
      setStatus(null);
      return setErrors(built.errors);
    }
    const problem = await onSave(target, built.value);
    if (problem) return setErrors({ form: problem });
    setErrors({});
    setStatus(t('sensitivity.distribution.saved', { name: `${target.field}: ${target.group}` }));
  };

  const remove = async (x: DistributionTarget) => {
    const problem = await onRemove(x);
    if (problem) return setErrors({ form: problem });
    setStatus(t('sensitivity.distribution.removed', { name: `${x.field}: ${x.group}` }));
    if (x.key === targetKey) {
      setType('');
      setParams({});
    }
  };

  const withDistribution = targets.filter((x) => x.current !== undefined);
  const listName = t('sensitivity.distribution.listName', { title });

  // The list as CSV: the description in words, then the entered value and the distribution's mean and SD as
  // numbers (adjustments in percent, like the form), with their unit.
  const listCsv = (): CsvTable => ({
    columns: [
      t('sensitivity.distribution.assumption'),
      t('sensitivity.distribution.type'),
      t('sensitivity.distribution.enteredColumn'),
      t('sensitivity.distribution.mean'),
      t('sensitivity.distribution.sd'),
      t('sensitivity.switching.unit'),
    ],
    rows: withDistribution.map((x) => {
      const d = x.current as Distribution;
      const m = distributionMoments(d, Number(x.base));
      const scale = x.kind === 'fraction' ? 100 : 1;
      const unitOf = x.kind === 'fraction' ? '%' : (x.currency ?? x.unitLabel ?? '');
      return [
        `${x.field}: ${x.group}`,
        describeDistribution(d, x, t, locale),
        { decimal: dec(x.base).times(scale).toFixed() },
        // Floats from the moments: twelve significant digits, so 0.07 x 100 is written 7, not 7.000000000000001.
        Number((m.mean * scale).toPrecision(12)),
        Number((Math.sqrt(m.variance) * scale).toPrecision(12)),
        unitOf,
      ];
    }),
  });
  const unit = target === null ? '' : target.kind === 'fraction' ? '%' : (target.currency ?? target.unitLabel ?? '');

  return (
    <section className="card distribution-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p className="help">{lead}</p>}
      <form
        className="distribution-form"
        onSubmit={(e) => void save(e)}
        aria-label={t('sensitivity.distribution.formName', { title })}
        noValidate
      >
        <div className="distribution-fields">
          <div className="field">
            <label htmlFor={`${uid}-target`}>{t('sensitivity.distribution.assumption')}</label>
            <select id={`${uid}-target`} value={targetKey} onChange={(e) => choose(e.target.value)}>
              <option value="">{t('sensitivity.distribution.pickAssumption')}</option>
              {groups.map((group) => (
                <optgroup key={group} label={group}>
                  {targets
                    .filter((x) => x.group === group)
                    .map((x) => (
                      <option key={x.key} value={x.key}>
                        {`${x.field}: ${x.group}`}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {target !== null && (
              <p className="help">
                {t('sensitivity.distribution.entered', { value: targetValue(Number(target.base), target, locale) })}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-type`}>{t('sensitivity.distribution.type')}</label>
            <select
              id={`${uid}-type`}
              value={type}
              disabled={target === null}
              onChange={(e) => chooseType(e.target.value as DistributionType | '')}
            >
              <option value="">{t('sensitivity.distribution.pickType')}</option>
              {DISTRIBUTION_TYPES.map((d) => (
                <option key={d} value={d}>
                  {t(`sensitivity.distribution.option.${d}`)}
                </option>
              ))}
            </select>
          </div>
          {type !== '' &&
            PARAMETERS[type].map((p) => {
              const fieldId = `${uid}-${p}`;
              const error = errors[p];
              return (
                <div key={p} className={`field narrow ${error ? 'has-error' : ''}`}>
                  <label htmlFor={fieldId}>{t(`sensitivity.distribution.param.${p}`)}</label>
                  <div className="with-unit">
                    <input
                      id={fieldId}
                      inputMode="decimal"
                      value={params[p] ?? ''}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${fieldId}-error` : undefined}
                      onChange={(e) => setParams((all) => ({ ...all, [p]: e.target.value }))}
                    />
                    {unit && <span className="unit">{unit}</span>}
                  </div>
                  {error && (
                    <p className="error" id={`${fieldId}-error`} role="alert">
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
          <div className="distribution-actions">
            <button type="submit" className="primary" disabled={target === null}>
              {t('sensitivity.distribution.save')}
            </button>
          </div>
        </div>
        {type !== '' && <p className="help">{t(`sensitivity.distribution.help.${type}`)}</p>}
        {errors.form && (
          <p className="error" role="alert">
            {errors.form}
          </p>
        )}
        <p className="status" role="status">
          {status}
        </p>
      </form>

      {withDistribution.length === 0 ? (
        <p className="empty">{t('sensitivity.distribution.none')}</p>
      ) : (
        <>
          <table className="distribution-list" aria-label={listName}>
            <thead>
              <tr>
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
                <th scope="col">
                  <span className="visually-hidden">{t('sensitivity.distribution.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {withDistribution.map((x) => {
                const d = x.current as Distribution;
                const moments = momentsText(d, x, locale);
                const name = `${x.field}: ${x.group}`;
                return (
                  <tr key={x.key}>
                    <th scope="row">{name}</th>
                    <td>{describeDistribution(d, x, t, locale)}</td>
                    <td className="number">{targetValue(Number(x.base), x, locale)}</td>
                    <td className="number">{moments.mean}</td>
                    <td className="number">{moments.sd}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="link"
                        onClick={() => choose(x.key)}
                        aria-label={t('sensitivity.distribution.editOf', { name })}
                      >
                        {t('sensitivity.distribution.edit')}
                      </button>
                      <button
                        type="button"
                        className="link"
                        onClick={() => void remove(x)}
                        aria-label={t('sensitivity.distribution.removeOf', { name })}
                      >
                        {t('sensitivity.distribution.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="csv-actions">
            <TableCsvButton title={listName} fileName={listName} table={listCsv} />
          </p>
        </>
      )}
    </section>
  );
}
