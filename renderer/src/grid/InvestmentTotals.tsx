/**
 * Totals below the cost lines: the investment and its split by category, funder, year, stakeholder and kind,
 * all as the engine computed them (nothing is added up here). When some inputs fall in later years, the
 * investment is their present value, so each table also shows present values next to the amounts paid.
 */
import { useTranslation } from 'react-i18next';
import type { InvestmentResult, Share } from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import { dec, type Dec } from '../../../shared/money/decimal';
import { ExplainButton } from '../components/ExplainButton';
import { kindLabel, type Kind } from './input-cells';

type Split = 'byCategory' | 'byFunder' | 'byYear' | 'byStakeholder' | 'byKind';
const SPLITS: readonly Split[] = ['byCategory', 'byFunder', 'byYear', 'byStakeholder', 'byKind'];

export function InvestmentTotals({
  investment,
  currency,
  locale,
  discountRate,
}: {
  investment: InvestmentResult;
  currency: string;
  locale: string;
  /** The discount rate as a fraction, to say how later years were discounted. */
  discountRate: string;
}) {
  const { t } = useTranslation();
  const money = (v: Dec | string) => `${formatDecimal(v, 2, locale)} ${currency}`;
  const multiYear = investment.inputs.some((i) => i.year > 1);
  const labelOf = (split: Split, share: Share) => {
    if (split === 'byFunder' && share.key === '') return t('inputsGrid.totals.noFunder');
    if (split === 'byYear') return t('inputsGrid.totals.yearN', { year: share.key });
    if (split === 'byKind') return kindLabel(share.key as Kind, t);
    return share.label;
  };

  return (
    <section className="card investment-totals" aria-labelledby="investment-totals-title">
      <h2 id="investment-totals-title">{t('inputsGrid.totals.title')}</h2>
      <p className="total-line">
        {multiYear ? t('inputsGrid.totals.investmentPv') : t('inputsGrid.totals.investment')}:{' '}
        <strong data-testid="investment-total">{money(investment.total.value)}</strong>{' '}
        <ExplainButton explanation={investment.total.explain} currency={currency} />
      </p>
      {multiYear && (
        <p className="totals-note">
          {t('inputsGrid.totals.multiYear', {
            nominal: money(investment.nominalTotal),
            rate: formatDecimal(dec(discountRate).times(100), 1, locale),
          })}
        </p>
      )}
      {investment.inputs.length === 0 ? (
        <p className="empty">{t('inputsGrid.totals.none')}</p>
      ) : (
        <div className="totals-grid">
          {SPLITS.map((split) => (
            <table key={split} className="totals-table">
              <caption>{t(`inputsGrid.totals.${split}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`inputsGrid.totals.${split}Column`)}</th>
                  <th scope="col" className="number">
                    {t('inputsGrid.totals.amount', { currency })}
                  </th>
                  {multiYear && (
                    <th scope="col" className="number">
                      {t('inputsGrid.totals.presentValue', { currency })}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {investment[split].map((share) => (
                  <tr key={share.key}>
                    <th scope="row">{labelOf(split, share)}</th>
                    <td className="number">{formatDecimal(share.amount, 2, locale)}</td>
                    {multiYear && <td className="number">{formatDecimal(share.presentValue, 2, locale)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      )}
    </section>
  );
}
