/**
 * A proxy's value in the model's price year and currency (METHOD.md "Price year and currency"):
 *   value_in_model = value x index(model year) / index(price year) x exchange rate
 * Each factor is 1 when not given; the explanation lists both so the report can show them.
 */
import { Dec, ONE } from '../money/decimal';
import type { FinancialProxy } from '../model/schema';
import { figure, input, type ExplainedInput, type Figure } from './figure';

export function effectiveProxyValue(proxy: FinancialProxy, modelCurrency: string, modelPriceYear: number): Figure {
  const raw = new Dec(proxy.value);
  const citation = proxy.source;
  const inputs: ExplainedInput[] = [
    input('Proxy value', raw, `${proxy.currency} (${proxy.priceYear} prices)`, citation),
  ];

  let inflation = ONE;
  if (proxy.priceIndex !== null) {
    const { indexAtModelYear, indexAtPriceYear, series, source } = proxy.priceIndex;
    inflation = new Dec(indexAtModelYear).div(indexAtPriceYear);
    inputs.push(input(`Price index ${series}, ${modelPriceYear}`, indexAtModelYear, undefined, source));
    inputs.push(input(`Price index ${series}, ${proxy.priceYear}`, indexAtPriceYear, undefined, source));
  }
  let exchange = ONE;
  if (proxy.exchangeRate !== null) {
    exchange = new Dec(proxy.exchangeRate.rate);
    inputs.push(
      input(
        `Exchange rate ${proxy.currency} to ${modelCurrency} (${proxy.exchangeRate.date})`,
        exchange,
        `${modelCurrency} per ${proxy.currency}`,
        proxy.exchangeRate.source,
      ),
    );
  }
  const value = raw.times(inflation).times(exchange);
  const adjusted = proxy.priceIndex !== null || proxy.exchangeRate !== null;
  return figure(
    value,
    'Proxy value in model prices',
    adjusted ? 'P = proxy value x index(model year) / index(price year) x exchange rate' : 'P = proxy value',
    inputs,
  );
}
