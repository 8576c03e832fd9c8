/**
 * The engine's text in five languages: every sentence the engine writes in English comes with a message
 * (shared/engine/figure.ts) whose key is in the engine's catalogue in English, Spanish, Portuguese, Italian
 * and French, whose params are all used by the template, and whose English, filled in here from en.json with
 * a plain replacement (not the engine's own code), is exactly the English field. Run on the W2 worked example,
 * the W3 and W4 strategy comparisons, and the cases that give the engine's other sentences (no investment,
 * refused strategies, health effects, scenario problems, unreachable switching values).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  benefitCostRatio,
  breakEven,
  costPerOutcome,
  costPerOutput,
  returnOnInvestment,
  compareStrategies,
  compareTwo,
  computeCostEffectiveness,
  computeSroi,
  costPerDalyAverted,
  costPerQalyGained,
  dalysAverted,
  qalysGained,
  type Message,
  type StrategyInput,
} from '../../shared/engine';
import { compareScenarios } from '../../shared/engine/scenario';
import { numericSwitchingValues } from '../../shared/engine/uncertainty';
import { numberWords, type MessageParam } from '../../shared/i18n/message';
import { Dec } from '../../shared/money';
import { repoRoot } from '../support/repo-root';
import { cashInput, clone, loadW2, makeOutcome, makeProject, makeStakeholder, volunteerInput } from './fixtures';

const ENGINE = join(repoRoot(), 'shared', 'i18n', 'engine');
type Catalogue = { [key: string]: string | Catalogue };
const LANGUAGES = ['en', 'es', 'pt', 'it', 'fr'] as const;
const catalogues = Object.fromEntries(
  LANGUAGES.map((l) => [l, JSON.parse(readFileSync(join(ENGINE, `${l}.json`), 'utf8')) as Catalogue]),
) as Record<(typeof LANGUAGES)[number], Catalogue>;

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The template of a message in a language; for a plural key (key_one, key_other...), the form its count needs. */
function templateOf(
  language: (typeof LANGUAGES)[number],
  message: Pick<Message, 'key' | 'params'>,
): string | undefined {
  const count = message.params?.count;
  if (typeof count === 'number') {
    const form = lookup(catalogues[language], `${message.key}_${new Intl.PluralRules(language).select(count)}`);
    if (form !== undefined) return form;
  }
  return lookup(catalogues[language], message.key);
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';

/** A message in English by plain replacement of {{name}} in en.json's template. */
function englishOf(message: Message): string {
  const template = templateOf('en', message);
  if (template === undefined) throw new Error(`${message.key} is not in en.json`);
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const param: MessageParam | undefined = message.params?.[name];
    if (param === undefined) return whole;
    if (typeof param !== 'object') return String(param);
    if (isMessage(param)) return englishOf(param);
    const value = new Dec(param.number);
    // An exact number keeps every decimal, grouped as in English; others are rounded as sentences show them.
    return param.exact ? value.toFixed().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : numberWords(value, 'en');
  });
}

/** Every key of en.json, in order. */
function enKeys(): string[] {
  const keys: string[] = [];
  const flatten = (node: Catalogue, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string') keys.push(`${prefix}${k}`);
      else flatten(v, `${prefix}${k}.`);
    }
  };
  flatten(catalogues.en, '');
  // A plural key is one key to the engine: engine.units.yearsCount for yearsCount_one and yearsCount_other.
  return [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))];
}

interface Found {
  /** Every message, nested ones included. */
  messages: Message[];
  /** Each English field beside its message: [where, English, message]. */
  pairs: Array<[string, string, Message]>;
}

function collectNested(message: Message, into: Message[]): void {
  into.push(message);
  for (const param of Object.values(message.params ?? {})) if (isMessage(param)) collectNested(param, into);
}

/**
 * Walk a result: `xText` beside `x`, `text` beside a warning's `message`, an explanation's `text` beside its
 * label, formula and reason, and the parallel lists `stepsText` (beside `steps`) and `problemsText` (beside
 * `problems`). Decimals are leaves; `project` copies are skipped.
 */
function walk(node: unknown, path: string, found: Found, seen = new Set<unknown>()): void {
  if (typeof node !== 'object' || node === null || Dec.isDecimal(node) || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}[${i}]`, found, seen));
    return;
  }
  const record = node as Record<string, unknown>;
  const pair = (where: string, english: unknown, message: Message) => {
    expect(typeof english, `${where}: an English string beside the message`).toBe('string');
    found.pairs.push([where, english as string, message]);
    collectNested(message, found.messages);
  };
  for (const [name, value] of Object.entries(record)) {
    if (name === 'project') continue;
    if (name.endsWith('Text') && name !== 'text' && isMessage(value)) {
      pair(`${path}.${name}`, record[name.slice(0, -4)], value);
    } else if (name === 'text' && isMessage(value)) {
      pair(`${path}.text`, record.message, value);
    } else if (name === 'text' && typeof value === 'object' && value !== null) {
      for (const [field, message] of Object.entries(value)) {
        if (isMessage(message)) pair(`${path}.text.${field}`, record[field], message);
      }
    } else if (name === 'stepsText' && Array.isArray(value)) {
      value.forEach((m, i) => pair(`${path}.steps[${i}]`, (record.steps as string[])[i], m as Message));
    } else if (name === 'problemsText' && Array.isArray(value)) {
      const problems = record.problems as Array<{ where: string; message: string }>;
      value.forEach((t: { where: Message; message: Message }, i) => {
        pair(`${path}.problems[${i}].where`, problems[i].where, t.where);
        pair(`${path}.problems[${i}].message`, problems[i].message, t.message);
      });
    } else {
      walk(value, `${path}.${name}`, found, seen);
    }
  }
}

function found(results: Record<string, unknown>): Found {
  const out: Found = { messages: [], pairs: [] };
  for (const [name, result] of Object.entries(results)) walk(result, name, out);
  return out;
}

const w2 = loadW2();

const W3: StrategyInput[] = [
  { id: 'UC', name: 'UC', cost: '5000', effect: '1' },
  { id: 'A', name: 'A', cost: '12000', effect: '1.5' },
  { id: 'B', name: 'B', cost: '10000', effect: '2' },
  { id: 'C', name: 'C', cost: '25000', effect: '3' },
  { id: 'D', name: 'D', cost: '35000', effect: '4' },
  { id: 'E', name: 'E', cost: '55000', effect: '5' },
];
const qalys = (months: string) => new Dec(months).div(12);
const W4: StrategyInput[] = [
  { id: 'sq', name: 'Status quo', cost: '26000', effect: qalys('277.25') },
  { id: 'once', name: 'One-time', cost: '27000', effect: qalys('277.57') },
  { id: 'five', name: 'Every 5 years', cost: '28020', effect: qalys('277.78') },
  { id: 'three', name: 'Every 3 years', cost: '28440', effect: qalys('277.83') },
  { id: 'annual', name: 'Annual', cost: '29440', effect: qalys('277.76') },
];

/**
 * Projects that give the engine's other sentences: no investment, a long duration, a quantity above the group
 * size, a proxy used twice, an old price year, attribution shares above 100 %, a converted proxy, outputs.
 */
function unusual() {
  const shared = { description: 'Same proxy', value: '50', currency: 'EUR' };
  const project = makeProject({
    stakeholders: [makeStakeholder({ size: 10 })],
    outcomes: [
      makeOutcome({ name: 'Long', quantity: '12.345', duration: 7, proxy: shared }),
      makeOutcome({
        name: 'Twice',
        proxy: shared,
        attributionShares: [
          { to: 'Others', share: '0.75' },
          { to: 'More', share: '0.5' },
        ],
      }),
      makeOutcome({ name: 'Old', duration: 5, start: 'after', proxy: { priceYear: 2010 } }),
      makeOutcome({
        name: 'Converted',
        proxy: {
          currency: 'GBP',
          priceYear: 2020,
          priceIndex: { series: 'CPI', indexAtPriceYear: '100', indexAtModelYear: '120', source: 'ONS' },
          exchangeRate: { rate: '1.17', date: '2025-01-01', source: 'ECB' },
        },
      }),
      makeOutcome({ name: 'Nothing', quantity: '0' }),
    ],
    outputs: [
      {
        id: 'kits',
        name: 'Kits',
        unit: 'kits',
        stakeholderId: null,
        records: [{ period: '2025-01', count: '120', breakdown: [] }],
        notes: '',
      },
      { id: 'none', name: 'Visits', unit: '', stakeholderId: null, records: [], notes: '' },
    ],
    inputs: [],
  });
  const withCost = clone(project);
  withCost.inputs = [cashInput('1000000000', { year: 2 }), volunteerInput('10', '0', { funder: '' })];
  const negative = clone(project);
  negative.inputs = [cashInput('100')];
  negative.outcomes = [
    makeOutcome({ proxy: { value: '-100' } }),
    makeOutcome({ quantity: '0' }),
    makeOutcome({ duration: 5, start: 'after' }),
  ];
  return {
    zero: computeSroi(project),
    costly: computeSroi(withCost),
    negative: computeSroi(negative),
    ce: computeCostEffectiveness(withCost, { uniqueClients: 0 }),
    ceBad: computeCostEffectiveness(negative, { uniqueClients: 1.5 }),
    perOutput: costPerOutput('1000', [
      { ...project.outputs[0], records: [{ period: 'May', count: 'x', breakdown: [] }] },
    ]),
    perOutcome: [
      costPerOutcome('1000', { id: 'w', name: 'W', quantity: 'x', deadweight: '0' }),
      costPerOutcome('1000', { id: 'v', name: 'V', quantity: '1', deadweight: '2' }),
      costPerOutcome('1000', { id: 'x', name: 'X', quantity: '5', deadweight: '1' }),
      costPerOutcome('-1', { id: 'y', name: 'Y', quantity: '0', deadweight: '0.2' }),
      costPerOutcome('1000', { id: 'z', name: 'Z', quantity: '0', deadweight: '0' }),
    ],
    ratios: [benefitCostRatio('abc', '1'), benefitCostRatio('1', '0'), returnOnInvestment('1', '-1')],
    // Drop-off and duration that cannot reach 1 : 1: an outcome of 0 years, one with no value; no investment.
    numericSwitching: [
      numericSwitchingValues(
        makeProject({
          inputs: [cashInput('100')],
          outcomes: [makeOutcome({ duration: 0 }), makeOutcome({ quantity: '0', duration: 3 })],
        }),
      ),
      numericSwitchingValues(project),
    ],
    overrides: compareScenarios(withCost, [
      {
        id: 'sc',
        name: 'Volunteers',
        description: '',
        overrides: [
          { target: 'input', id: withCost.inputs[1].id, field: 'amount', value: '100' },
          { target: 'outcome', id: project.outcomes[0].id, field: 'amount', value: '1' },
          { target: 'outcome', id: project.outcomes[0].id, field: 'proxyValue', value: 'x' },
          { target: 'outcome', id: project.outcomes[0].id, field: 'displacement', value: '2' },
          { target: 'outcome', id: project.outcomes[0].id, field: 'attribution', value: '2' },
          { target: 'outcome', id: project.outcomes[0].id, field: 'dropOff', value: '2' },
          { target: 'input', id: withCost.inputs[0].id, field: 'amount', value: '-1' },
        ],
      },
    ]),
  };
}

const cases: Record<string, Record<string, unknown>> = {
  W2: {
    sroi: computeSroi(w2),
    ce: computeCostEffectiveness(w2, { uniqueClients: 120 }),
    // "at 100 % the ratio is still 1.14 : 1", "it lasts one year", "no discount rate between 0 % and 3.5 %".
    numericSwitching: numericSwitchingValues(w2),
  },
  W3: {
    usd: compareStrategies(W3, { currency: 'USD', effectUnit: 'QALYs', willingnessToPay: '15000' }),
    plain: compareStrategies(W3),
    identical: compareStrategies([...W3, { id: 'B2', name: 'B2', cost: '10000', effect: '2' }], { currency: 'EUR' }),
  },
  W4: { usd: compareStrategies(W4, { currency: 'USD', effectUnit: 'QALYs', willingnessToPay: '50000' }) },
  other: {
    ...unusual(),
    refused: compareStrategies([{ id: 'a', name: 'A', cost: '1,000', effect: '1' }]),
    repeated: compareStrategies([W3[0], { ...W3[1], id: 'UC' }, null as unknown as StrategyInput], {
      willingnessToPay: '-1',
    }),
    two: compareTwo(W3[1], W3[2], { currency: 'EUR' }),
    southWest: compareTwo(W3[0], W3[1]),
    same: compareTwo(W3[1], { ...W3[1], id: 'A2' }),
    sameEffect: compareTwo({ ...W3[1], cost: '10' }, W3[1], { effectUnit: 'QALYs' }),
    badComparator: compareTwo(W3[0], {
      id: 'q',
      name: 'Q',
      cost: new Dec(NaN),
      effect: {},
    } as unknown as StrategyInput),
    repeatedUnnamed: compareStrategies([
      { id: 'x', name: '', cost: '1', effect: '1' },
      { id: 'x', name: 'Y', cost: '2', effect: '2' },
    ]),
    extendedPair: compareStrategies([...W3, { id: 'C2', name: 'C2', cost: '25000', effect: '3' }], { currency: 'EUR' }),
    sameCost: compareTwo(W3[1], { ...W3[1], id: 'A3', effect: '1' }),
    northEast: compareTwo(W3[3], W3[2], { currency: 'EUR', effectUnit: 'deaths averted' }),
    badTwo: compareTwo({ id: '', name: '', cost: 'x', effect: 'y' } as StrategyInput, W3[0]),
    none: compareStrategies([]),
    notList: compareStrategies('x' as unknown as StrategyInput[]),
    repeatedPlain: compareStrategies([
      W3[0],
      { ...W3[1], id: 'UC', name: '' },
      { id: 'n', name: 'N', cost: 5, effect: undefined } as unknown as StrategyInput,
    ]),
    health: {
      qaly: qalysGained([{ year: 1, utilityGain: '0.25', persons: '40' }], { discountRate: '0.035' }),
      qalyBad: qalysGained([{ year: 0, utilityGain: '0.25', persons: '40' }], { discountRate: '0.035' }),
      qalyYear0: qalysGained([{ year: 2, utilityGain: '0.1', persons: '1e3' }], {
        discountRate: '0',
        yearOneConvention: 'year0',
      }),
      qalyPersons: qalysGained([{ year: 2, utilityGain: 'x', persons: '1' }], { discountRate: '-1' }),
      qalyGain: qalysGained([{ year: 2, utilityGain: 'x', persons: '1' }], { discountRate: '0' }),
      qalyPersonsBad: qalysGained([{ year: 2, utilityGain: '1', persons: '-1' }], { discountRate: '0' }),
      dalyBad: dalysAverted({
        deaths: [
          { deaths: '-1', yearsOfLifeLost: '35' },
          { deaths: '1', yearsOfLifeLost: 'x' },
        ],
        disability: [{ label: 'Hep C', persons: '1', disabilityWeight: '0.2', durationYears: '-2' }],
      }),
      dalyBad2: dalysAverted({
        deaths: [{ deaths: '1', yearsOfLifeLost: 'x' }],
        disability: [{ persons: '-1', disabilityWeight: '0.2', durationYears: '2' }],
      }),
      daly: dalysAverted({
        deaths: [{ label: 'Overdose deaths', deaths: '3', yearsOfLifeLost: '35' }],
        disability: [{ persons: '10', disabilityWeight: '1.5', durationYears: '2' }],
      }),
      perQaly: costPerQalyGained('12000', '1.5', 'EUR'),
      perDaly: costPerDalyAverted('-500', '2', 'EUR'),
      perDalyNorthEast: costPerDalyAverted('500', '2', 'EUR'),
      perQalyBad: costPerQalyGained('abc', '1', 'EUR'),
    },
    breakEven: [
      breakEven({ annualBudget: '100000', valueOfOneOutcome: '25000', currency: 'EUR' }),
      breakEven({ annualBudget: '100000', valueOfOneOutcome: '0', outcomes: 'HIV infections averted' }),
      breakEven({ annualBudget: '100000', valueOfOneOutcome: '-5', valueName: 'lifetime cost of one HIV infection' }),
      breakEven({ annualBudget: '-1', valueOfOneOutcome: '5' }),
      breakEven({ annualBudget: '1', valueOfOneOutcome: 'x' }),
    ],
    scenarios: compareScenarios(w2, [
      {
        id: 'sc',
        name: 'Checks',
        description: '',
        overrides: [
          { target: 'outcome', id: 'nope', field: 'quantity', value: '1' },
          { target: 'input', id: w2.inputs[0].id, field: 'quantity', value: '1' },
          { target: 'outcome', id: w2.outcomes[0].id, field: 'duration', value: '2.5' },
          { target: 'outcome', id: w2.outcomes[0].id, field: 'deadweight', value: '' },
        ],
      },
    ]),
  },
};

describe.each(Object.entries(cases))('the engine text of %s', (name, results) => {
  const { messages, pairs } = found(results);

  it('has messages beside its English', () => {
    expect(pairs.length).toBeGreaterThan(name === 'W2' ? 100 : 10);
  });

  it('uses keys that are in the catalogue of every language', () => {
    const missing = LANGUAGES.flatMap((language) =>
      messages.filter((m) => templateOf(language, m) === undefined).map((m) => `${language}: ${m.key}`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it('gives every param its template uses, and uses every param it gives, in every language', () => {
    const wrong: string[] = [];
    for (const m of messages) {
      for (const language of LANGUAGES) {
        // `count` chooses a plural form ("1 year", "3 years") and may be left out of the words themselves.
        const plural = lookup(catalogues[language], m.key) === undefined;
        const given = Object.keys(m.params ?? {})
          .filter((name) => !(plural && name === 'count'))
          .sort();
        const template = (templateOf(language, m) ?? '').replace(/\{\{count\}\}/g, plural ? '' : '{{count}}');
        const used = [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1]))].sort();
        if (used.join() !== given.join())
          wrong.push(`${language} ${m.key}: uses ${used.join()} but has ${given.join()}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('writes each English field as en.json filled with the params', () => {
    const differ = pairs
      .filter(([, english, message]) => englishOf(message) !== english)
      .map(([where, english, message]) => `${where}: "${english}" vs "${englishOf(message)}"`);
    expect(differ).toEqual([]);
  });
});

describe('the engine text', () => {
  it('is the English the engine wrote before (W2 and W3 samples)', () => {
    const sroi = computeSroi(w2);
    expect(sroi.outcomes[0].impact.explain.label).toBe('Impact: Overdose deaths averted');
    expect(sroi.outcomes[0].impact.explain.labelText).toEqual({
      key: 'engine.sroi.impactLabel',
      params: { outcome: 'Overdose deaths averted' },
    });
    expect(sroi.warnings[0].message).toBe(
      '"Retained in opioid agonist treatment" is 62 % of all value: the result depends on it, so its evidence and proxy need the most care',
    );
    expect(sroi.warnings[0].text).toEqual({
      key: 'engine.warnings.materialOutcome',
      params: { outcome: 'Retained in opioid agonist treatment', share: 62 },
    });
  });

  it('leaves symbols and the project data without a message', () => {
    const pv = computeSroi(w2).outcomes[0].presentValue.explain;
    const v1 = pv.inputs.find((i) => i.name === 'V(1)');
    expect(v1?.nameText).toBeUndefined();
    expect(pv.inputs.find((i) => i.unit === 'EUR')?.unitText).toBeUndefined();
    const investment = computeSroi(w2).investment.inputs[0].amount.explain;
    expect(investment.label).toBe('Municipal grant');
    expect(investment.labelText).toBeUndefined();
  });

  it('is covered by these cases: every key of en.json is written by one of them', () => {
    const written = new Set<string>();
    for (const results of Object.values(cases)) for (const m of found(results).messages) written.add(m.key);
    // Written only for callers of verdictWords(), or for a rule no caller uses yet ('positive', a missing count).
    const elsewhere = [
      'engine.read.notPositive',
      'engine.ce.countNotAvailable',
      'engine.ce.verdict.identical',
      'engine.ce.verdict.moreCostlyMoreEffective',
      'engine.ce.verdict.lessCostlyLessEffective',
    ];
    expect(enKeys().filter((k) => !written.has(k))).toEqual(elsewhere);
  });

  it('has no key in en.json that the engine never writes', () => {
    const source = ['figure', 'investment', 'payback', 'proxy', 'scenario', 'sroi', 'switching', 'text', 'warnings']
      .map((f) => readFileSync(join(repoRoot(), 'shared', 'engine', `${f}.ts`), 'utf8'))
      .concat(
        ['health', 'increment', 'indicators', 'read', 'strategies'].map((f) =>
          readFileSync(join(repoRoot(), 'shared', 'engine', 'ce', `${f}.ts`), 'utf8'),
        ),
      )
      .concat(readFileSync(join(repoRoot(), 'shared', 'engine', 'uncertainty', 'switching-numeric.ts'), 'utf8'))
      .join('\n');
    const keys = enKeys();
    // Keys built from a prefix and a value: `engine.scenario.field.${field}`, `engine.ce.change.achieves${more}`.
    const dynamic = ['engine.scenario.field.', 'engine.scenario.noField.', 'engine.ce.change.achieves'];
    const unused = keys.filter((k) => !source.includes(`'${k}'`) && !dynamic.some((d) => k.startsWith(d)));
    expect(unused).toEqual([]);
  });
});
