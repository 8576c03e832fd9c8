/**
 * Investment: the sum of all inputs of all stakeholders (cash, in kind, volunteer hours x rate), each paid at
 * the start of its year and discounted as Investment = sum I(t) / (1 + r)^(t - 1). One year of inputs gives
 * the plain sum, as in the Guide.
 */
import { Dec, ZERO } from '../money/decimal';
import type { Input, Project } from '../model/schema';
import type { DiscountFactors } from './discount';
import { figure, input, type Figure, type Message } from './figure';
import { english, message, phrase } from './text';

export interface InputResult {
  id: string;
  description: string;
  stakeholderId: string;
  category: string;
  funder: string;
  kind: Input['kind'];
  year: number;
  amount: Figure;
  presentValue: Dec;
}

export interface Share {
  key: string;
  label: string;
  /** `label` as a message when it is the engine's words ("Year 2", "(no funder named)", a kind of input). */
  labelText?: Message;
  amount: Dec;
  presentValue: Dec;
}

export interface InvestmentResult {
  total: Figure;
  nominalTotal: Dec;
  inputs: InputResult[];
  byStakeholder: Share[];
  byCategory: Share[];
  byFunder: Share[];
  byKind: Share[];
  byYear: Share[];
}

const T = {
  volunteerFormula: phrase('engine.investment.volunteerFormula'),
  cashFormula: phrase('engine.investment.cashFormula'),
  marketValueFormula: phrase('engine.investment.marketValueFormula'),
  hours: phrase('engine.inputs.hours'),
  hourlyRate: phrase('engine.inputs.hourlyRate'),
  cash: phrase('engine.inputs.cash'),
  marketValue: phrase('engine.inputs.marketValue'),
  investment: phrase('engine.investment.label'),
  discountedFormula: phrase('engine.investment.discountedFormula'),
  sumFormula: phrase('engine.investment.sumFormula'),
  discountRate: phrase('engine.inputs.discountRate'),
  noFunder: phrase('engine.investment.noFunder'),
  kinds: {
    cash: phrase('engine.values.kind.cash'),
    'in-kind': phrase('engine.values.kind.inKind'),
    volunteer: phrase('engine.values.kind.volunteer'),
  },
} as const;

export function inputAmount(item: Input, currency: string): Figure {
  if (item.kind === 'volunteer') {
    const hours = new Dec(item.hours);
    const rate = new Dec(item.hourlyRate);
    return figure(hours.times(rate), item.description, T.volunteerFormula, [
      input(T.hours, hours, 'h'),
      input(T.hourlyRate, rate, currency, item.rateSource),
    ]);
  }
  const source = item.kind === 'in-kind' ? item.valuationSource : undefined;
  const amount = new Dec(item.amount);
  return figure(amount, item.description, item.kind === 'cash' ? T.cashFormula : T.marketValueFormula, [
    input(item.kind === 'cash' ? T.cash : T.marketValue, amount, currency, source),
  ]);
}

function group(
  items: InputResult[],
  keyOf: (i: InputResult) => string,
  labelOf: (key: string) => string | Message,
): Share[] {
  const map = new Map<string, Share>();
  for (const item of items) {
    const key = keyOf(item);
    let share = map.get(key);
    if (share === undefined) {
      const label = labelOf(key);
      share =
        typeof label === 'string'
          ? { key, label, amount: ZERO, presentValue: ZERO }
          : { key, label: english(label), labelText: label, amount: ZERO, presentValue: ZERO };
    }
    share.amount = share.amount.plus(item.amount.value);
    share.presentValue = share.presentValue.plus(item.presentValue);
    map.set(key, share);
  }
  return [...map.values()];
}

export function computeInvestment(project: Project, discount: DiscountFactors): InvestmentResult {
  const currency = project.currency;
  const inputs: InputResult[] = project.inputs.map((item) => {
    const amount = inputAmount(item, currency);
    return {
      id: item.id,
      description: item.description,
      stakeholderId: item.stakeholderId,
      category: item.category,
      funder: item.funder,
      kind: item.kind,
      year: item.year,
      amount,
      presentValue: amount.value.div(discount.forInput(item.year)),
    };
  });

  const total = inputs.reduce((acc, i) => acc.plus(i.presentValue), ZERO);
  const nominalTotal = inputs.reduce((acc, i) => acc.plus(i.amount.value), ZERO);
  const multiYear = inputs.some((i) => i.year > 1);
  const stakeholderName = new Map(project.stakeholders.map((s) => [s.id, s.name]));

  return {
    total: figure(total, T.investment, multiYear ? T.discountedFormula : T.sumFormula, [
      ...inputs.map((i) =>
        input(
          message('engine.investment.inputInYear', { description: i.description, year: i.year }),
          i.amount.value,
          currency,
        ),
      ),
      ...(multiYear ? [input(T.discountRate, discount.rate.times(100), '%')] : []),
    ]),
    nominalTotal,
    inputs,
    byStakeholder: group(
      inputs,
      (i) => i.stakeholderId,
      (id) => stakeholderName.get(id) ?? id,
    ),
    byCategory: group(
      inputs,
      (i) => i.category,
      (c) => c,
    ),
    byFunder: group(
      inputs,
      (i) => i.funder,
      (f) => (f === '' ? T.noFunder : f),
    ),
    byKind: group(
      inputs,
      (i) => i.kind,
      (k) => T.kinds[k as Input['kind']] ?? k,
    ),
    byYear: group(
      inputs,
      (i) => String(i.year),
      (y) => message('engine.investment.year', { year: Number(y) }),
    ).sort((a, b) => Number(a.key) - Number(b.key)),
  };
}
