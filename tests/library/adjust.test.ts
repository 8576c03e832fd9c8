// Price year and currency (METHOD.md): value x index(model year) / index(price year) x exchange rate, exact in
// decimals, built from price data and explained by the engine with both factors and their sources. The index
// values and rates below are test inputs, not published figures.
import { describe, expect, it } from 'vitest';
import { computeSroi, effectiveProxyValue } from '../../shared/engine';
import {
  SHIPPED_ENTRIES,
  adjustedValue,
  adjustmentNeeds,
  citationOf,
  exchangeRateAdjustment,
  inflationFactor,
  priceIndexAdjustment,
  proxyFromEntry,
  ratesFor,
  type ExchangeRateEntry,
  type LibraryEntry,
  type PriceIndexSeries,
} from '../../shared/library';
import { parseProjectFile, type Project } from '../../shared/model';

const TEST_SERIES: PriceIndexSeries = {
  id: 'test-series',
  name: 'Test index',
  area: '',
  currency: 'USD',
  base: '',
  source: 'Test data (not a published series)',
  sourceUrl: '',
  notes: '',
  points: [
    { year: 2012, value: '100' },
    { year: 2025, value: '110' },
  ],
  origin: 'user',
};
const TEST_RATE: ExchangeRateEntry = {
  id: 'test-rate',
  from: 'USD',
  to: 'EUR',
  rate: '0.9',
  date: '2025-06-30',
  kind: 'market',
  source: 'Test data (not a published rate)',
  sourceUrl: '',
  origin: 'user',
};
const MODEL = { currency: 'EUR', priceYear: 2025 };
const entry = (id: string): LibraryEntry => SHIPPED_ENTRIES.find((e) => e.id === id)!;

describe('adjustment arithmetic', () => {
  it('index 100 -> 110 and rate 0.9 give value x 1.1 x 0.9, exactly', () => {
    const priceIndex = priceIndexAdjustment(TEST_SERIES, 2012, 2025)!;
    const exchangeRate = exchangeRateAdjustment(TEST_RATE);
    expect(inflationFactor(priceIndex).toFixed()).toBe('1.1');
    const base = { currency: 'USD', priceYear: 2012, priceIndex, exchangeRate };
    expect(adjustedValue({ ...base, value: '1000' }, MODEL).toFixed()).toBe('990');
    // 229,800 x 1.1 x 0.9 = 227,502 with no rounding anywhere.
    expect(adjustedValue({ ...base, value: '229800' }, MODEL).toFixed()).toBe('227502');
    expect(adjustedValue({ ...base, value: '0.01' }, MODEL).toFixed()).toBe('0.0099');
  });

  it('applies the index alone, the rate alone, or neither', () => {
    const priceIndex = priceIndexAdjustment(TEST_SERIES, 2012, 2025)!;
    const exchangeRate = exchangeRateAdjustment(TEST_RATE);
    const value = { value: '1000', currency: 'USD', priceYear: 2012 };
    expect(adjustedValue({ ...value, priceIndex, exchangeRate: null }, MODEL).toFixed()).toBe('1100');
    expect(adjustedValue({ ...value, priceIndex: null, exchangeRate }, MODEL).toFixed()).toBe('900');
    expect(adjustedValue({ ...value, priceIndex: null, exchangeRate: null }, MODEL).toFixed()).toBe('1000');
  });

  it('keeps the series name, both index values and the source on the factor', () => {
    expect(priceIndexAdjustment(TEST_SERIES, 2012, 2025)).toEqual({
      series: 'Test index',
      indexAtPriceYear: '100',
      indexAtModelYear: '110',
      source: 'Test data (not a published series)',
    });
    expect(priceIndexAdjustment(TEST_SERIES, 2011, 2025)).toBeNull(); // a missing year is never guessed
    expect(exchangeRateAdjustment({ ...TEST_RATE, kind: 'ppp', sourceUrl: 'https://example.org/ppp' })).toEqual({
      rate: '0.9',
      date: '2025-06-30',
      source: 'Test data (not a published rate) (purchasing power parity), https://example.org/ppp',
    });
  });

  it('says which factors a value needs, and finds rates by direction, newest first', () => {
    expect(adjustmentNeeds({ currency: 'USD', priceYear: 2012 }, MODEL)).toEqual({
      priceIndex: true,
      exchangeRate: true,
    });
    expect(adjustmentNeeds({ currency: 'EUR', priceYear: 2025 }, MODEL)).toEqual({
      priceIndex: false,
      exchangeRate: false,
    });
    const older = { ...TEST_RATE, id: 'older', date: '2020-01-01' };
    expect(ratesFor([older, TEST_RATE], 'USD', 'EUR').map((r) => r.id)).toEqual(['test-rate', 'older']);
    expect(ratesFor([TEST_RATE], 'EUR', 'USD')).toEqual([]);
  });
});

describe('a library entry as an outcome proxy', () => {
  it('keeps value, currency, price year, citation, link and library id, with both factors', () => {
    const built = proxyFromEntry(entry('hiv_averted_net_saving_us'), MODEL, {
      priceIndex: priceIndexAdjustment(TEST_SERIES, 2012, 2025),
      exchangeRate: exchangeRateAdjustment(TEST_RATE),
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.proxy).toMatchObject({
      value: '229800',
      currency: 'USD',
      priceYear: 2012,
      source: entry('hiv_averted_net_saving_us').source,
      sourceUrl: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4359630',
      libraryId: 'hiv_averted_net_saving_us',
      priceIndex: { indexAtPriceYear: '100', indexAtModelYear: '110' },
      exchangeRate: { rate: '0.9', date: '2025-06-30' },
    });
  });

  it('refuses a value in another currency without a rate, and a reference-only entry', () => {
    const noRate = proxyFromEntry(entry('vpf_uk'), MODEL, { priceIndex: null, exchangeRate: null });
    expect(noRate).toEqual({ ok: false, problems: [expect.stringMatching(/GBP.*EUR.*exchange rate/)] });
    const threshold = proxyFromEntry(entry('nice_threshold'), MODEL, { priceIndex: null, exchangeRate: null });
    expect(threshold.ok).toBe(false);
  });

  it('needs no rate for a value in the model currency, and drops factors that do not apply', () => {
    const built = proxyFromEntry(entry('vsl_eu27_heat'), MODEL, {
      priceIndex: null,
      exchangeRate: exchangeRateAdjustment(TEST_RATE),
    });
    expect(built.ok && built.proxy.exchangeRate).toBeNull();
    expect(built.ok && built.proxy.priceIndex).toBeNull(); // 2011 prices kept; the engine warns (over 5 years)
  });

  it('marks a B entry in the citation, and shows the derivation of a D entry', () => {
    expect(citationOf(entry('vsl_us_epa'))).toMatch(/evidence grade B: seen only in a secondary source/);
    expect(citationOf(entry('shelter_night_us'))).toMatch(/evidence grade D: Derived: 273,576,685/);
    expect(citationOf(entry('vpf_uk'))).toBe(entry('vpf_uk').source);
  });
});

describe('the engine explains both factors', () => {
  const priceIndex = priceIndexAdjustment(TEST_SERIES, 2012, 2025)!;
  const exchangeRate = exchangeRateAdjustment(TEST_RATE);
  const built = proxyFromEntry(entry('hiv_averted_net_saving_us'), MODEL, { priceIndex, exchangeRate });
  if (!built.ok) throw new Error(built.problems.join('; '));

  it('lists the price index (both years) and the exchange rate with date and source', () => {
    const figure = effectiveProxyValue(built.proxy, 'EUR', 2025);
    expect(figure.value.toFixed()).toBe('227502');
    expect(figure.explain.formula).toBe('P = proxy value x index(model year) / index(price year) x exchange rate');
    const names = figure.explain.inputs.map((i) => i.name);
    expect(names).toEqual([
      'Proxy value',
      'Price index Test index, 2025',
      'Price index Test index, 2012',
      'Exchange rate USD to EUR (2025-06-30)',
    ]);
    expect(figure.explain.inputs[0].source).toBe(built.proxy.source);
    expect(figure.explain.inputs[3].source).toBe('Test data (not a published rate)');
  });

  it('uses the adjusted value in the result of a valid project', () => {
    const file = {
      schemaVersion: 1,
      project: {
        id: 'p',
        name: 'NSP',
        organisation: '',
        programme: '',
        analysisType: 'forecast',
        period: { start: '2025-01-01', end: '2025-12-31' },
        priceYear: 2025,
        currency: 'EUR',
        settings: { discountRate: '0', yearOneConvention: 'guide' },
        stakeholders: [
          { id: 's', name: 'People who inject drugs', size: null, involvement: '', peopleConsulted: null },
        ],
        inputs: [],
        outputs: [],
        outcomes: [
          {
            id: 'o',
            stakeholderId: 's',
            name: 'HIV infections averted',
            indicator: '',
            evidenceSource: '',
            quantity: '2',
            proxy: built.proxy,
            duration: 1,
            start: 'during',
            deadweight: '0',
            displacement: '0',
            attribution: '0',
            dropOff: '0',
            attributionShares: [],
            intended: true,
            notes: '',
            uncertainty: {},
          },
        ],
        evidence: [],
        stories: [],
        strategies: [],
        effectUnit: '',
        scenarios: [],
      },
    };
    const parsed = parseProjectFile(file);
    expect(parsed.ok).toBe(true);
    const result = computeSroi((parsed as { ok: true; value: { project: Project } }).value.project);
    expect(result.outcomes[0].impact.value.toFixed()).toBe('455004');
    expect(result.warnings.map((w) => w.code)).not.toContain('OLD_PRICE_YEAR');
  });
});
