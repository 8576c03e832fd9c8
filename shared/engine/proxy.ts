/**
 * A proxy's value in the model's price year and currency (METHOD.md "Price year and currency"):
 *   value_in_model = value x index(model year) / index(price year) x exchange rate
 * Each factor is 1 when not given; the explanation lists both so the report can show them.
 */
import { Dec, ONE } from '../money/decimal';
import type { FinancialProxy } from '../model/schema';
import { figure, input, type ExplainedInput, type Figure } from './figure';
import { message, phrase } from './text';

const T = {
  proxyValue: phrase('engine.inputs.proxyValue'),
  label: phrase('engine.proxy.label'),
  adjustedFormula: phrase('engine.proxy.adjustedFormula'),
  plainFormula: phrase('engine.proxy.plainFormula'),
} as const;

export function effectiveProxyValue(proxy: FinancialProxy, modelCurrency: string, modelPriceYear: number): Figure {
  const raw = new Dec(proxy.value);
  const citation = proxy.source;
  const inputs: ExplainedInput[] = [
    input(
      T.proxyValue,
      raw,
      message('engine.units.currencyInPrices', { currency: proxy.currency, year: proxy.priceYear }),
      citation,
    ),
  ];

  let inflation = ONE;
  if (proxy.priceIndex !== null) {
    const { indexAtModelYear, indexAtPriceYear, series, source } = proxy.priceIndex;
    inflation = new Dec(indexAtModelYear).div(indexAtPriceYear);
    inputs.push(
      input(message('engine.inputs.priceIndex', { series, year: modelPriceYear }), indexAtModelYear, undefined, source),
    );
    inputs.push(
      input(
        message('engine.inputs.priceIndex', { series, year: proxy.priceYear }),
        indexAtPriceYear,
        undefined,
        source,
      ),
    );
  }
  let exchange = ONE;
  if (proxy.exchangeRate !== null) {
    exchange = new Dec(proxy.exchangeRate.rate);
    inputs.push(
      input(
        message('engine.inputs.exchangeRate', {
          from: proxy.currency,
          to: modelCurrency,
          date: proxy.exchangeRate.date,
        }),
        exchange,
        message('engine.units.per', { unit: modelCurrency, per: proxy.currency }),
        proxy.exchangeRate.source,
      ),
    );
  }
  const value = raw.times(inflation).times(exchange);
  const adjusted = proxy.priceIndex !== null || proxy.exchangeRate !== null;
  return figure(value, T.label, adjusted ? T.adjustedFormula : T.plainFormula, inputs);
}
