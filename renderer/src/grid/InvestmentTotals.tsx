/**
 * Totals below the cost lines: the investment and its split by category, funder, year, stakeholder and kind,
 * all as the engine computed them (nothing is added up here). When some inputs fall in later years, the
 * investment is their present value, so each table also shows present values next to the amounts paid.
 * "Download CSV" (right of the heading) writes all the tables in one file, with exact figures.
 */
import { useTranslation } from 'react-i18next';
import type { InvestmentResult } from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import { dec, type Dec } from '../../../shared/money/decimal';
import { ExplainButton } from '../components/ExplainButton';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { investmentTotalsCsv, shareLabel, SPLITS } from './csv-tables';

export function InvestmentTotals({
  investment,
  currency,
  locale,
  discountRate,
  projectName,
}: {
  investment: InvestmentResult;
  currency: string;
  locale: string;
  /** The discount rate as a fraction, to say how later years were discounted. */
  discountRate: string;
  /** For the CSV file's name. */
  projectName: string;
}) {
  const { t } = useTranslation();
  const money = (v: Dec | string) => `${formatDecimal(v, 2, locale)} ${currency}`;
  const multiYear = investment.inputs.some((i) => i.year > 1);
  const title = t('inputsGrid.totals.title');

  return (
    <section className="card investment-totals" aria-labelledby="investment-totals-title">
      <div className="charts-heading">
        <h2 id="investment-totals-title">{title}</h2>
        {investment.inputs.length > 0 && (
          <TableCsvButton
            title={title}
            fileName={`${projectName} ${title}`}
            table={() => investmentTotalsCsv(investment, currency, (key, options) => t(key, options ?? {}))}
          />
        )}
      </div>
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
                    <th scope="row">{shareLabel(split, share, t)}</th>
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
