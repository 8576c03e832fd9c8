// The shipped proxy library and benchmarks against the project's evidence pack (a copy is kept in
// shared/library/harm-reduction-evidence.md; the original in /work/shared/data is compared when present).
// Every entry validates, carries a source, is graded A, B or D exactly as the pack grades it, and nothing
// marked R, and no licensed HACT value, is shipped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BENCHMARKS,
  LibraryEntry,
  LibraryFile,
  SHIPPED_ENTRIES,
  SHIPPED_PRICE_DATA,
  usableAsProxy,
} from '../../shared/library';
import { dec } from '../../shared/money/decimal';
import { repoRoot } from '../support/repo-root';

const ROOT = repoRoot();
const EVIDENCE_COPY = join(ROOT, 'shared', 'library', 'harm-reduction-evidence.md');
const EVIDENCE_ORIGINAL = '/work/shared/data/harm-reduction-evidence.md';

interface StarterEntry {
  id: string;
  value?: number;
  valueLow?: number;
  valueHigh?: number;
  valueOptions?: number[];
  currency: string | null;
  priceYear: number | null;
  source: string;
  sourceUrl: string;
  notes: string;
}

/** The JSON block under "Starter proxy library" in the evidence pack. */
function starterBlock(markdown: string): StarterEntry[] {
  const section = markdown.slice(markdown.indexOf('## Starter proxy library'));
  const start = section.indexOf('```json') + '```json'.length;
  const end = section.indexOf('```', start);
  return JSON.parse(section.slice(start, end)) as StarterEntry[];
}

/** "Conf A", "Conf A/D", "Conf B" at the end of a starter entry's notes; A/D is derived, so D. */
function starterGrade(notes: string): string {
  const match = /Conf ([A-Z/]+)\s*$/.exec(notes);
  if (!match) throw new Error(`no confidence mark in "${notes}"`);
  return match[1].includes('D') ? 'D' : match[1];
}

const evidence = readFileSync(EVIDENCE_COPY, 'utf8');
const starter = starterBlock(evidence);
const byId = new Map(starter.map((e) => [e.id, e]));

describe('shipped proxy library', () => {
  it('has entries, every one valid against the library schema', () => {
    expect(SHIPPED_ENTRIES.length).toBeGreaterThan(25);
    for (const entry of SHIPPED_ENTRIES) {
      const parsed = LibraryEntry.safeParse(entry);
      expect(parsed.success, `${entry.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect(new Set(SHIPPED_ENTRIES.map((e) => e.id)).size).toBe(SHIPPED_ENTRIES.length);
  });

  it('gives every entry a source, a link, a country, a unit and an outcome', () => {
    for (const entry of SHIPPED_ENTRIES) {
      expect(entry.origin).toBe('shipped');
      expect(entry.source.trim(), entry.id).not.toBe('');
      expect(entry.sourceUrl, entry.id).toMatch(/^https?:\/\/\S+$/);
      expect(entry.country.trim(), entry.id).not.toBe('');
      expect(entry.unit.trim(), entry.id).not.toBe('');
      expect(entry.outcome.trim(), entry.id).not.toBe('');
    }
  });

  it('grades every entry A, B or D, with the derivation or the secondary source for B and D', () => {
    for (const entry of SHIPPED_ENTRIES) {
      expect(['A', 'B', 'D'], entry.id).toContain(entry.grade);
      if (entry.grade !== 'A') expect(entry.gradeNote, entry.id).not.toBe('');
    }
    expect(SHIPPED_ENTRIES.filter((e) => e.grade === 'B').map((e) => e.id)).toEqual(
      expect.arrayContaining(['vsl_us_epa', 'prison_year_ew', 'crime_untreated_user_uk']),
    );
  });

  it('comes from the starter list of the evidence pack, with the same value, currency, year and grade', () => {
    for (const entry of SHIPPED_ENTRIES) {
      const original = byId.get(entry.id);
      expect(original, `${entry.id} is not in the evidence pack's starter list`).toBeDefined();
      expect(starterGrade(original!.notes), entry.id).toBe(entry.grade);
      expect(entry.currency, entry.id).toBe(original!.currency);
      expect(entry.priceYear, entry.id).toBe(original!.priceYear);
      expect(entry.sourceUrl, entry.id).toBe(original!.sourceUrl);
      if (entry.valueLow !== null) expect(Number(entry.valueLow), entry.id).toBe(original!.valueLow);
      if (entry.valueHigh !== null) expect(Number(entry.valueHigh), entry.id).toBe(original!.valueHigh);
      if (entry.valueOptions.length > 0) expect(entry.valueOptions.map(Number)).toEqual(original!.valueOptions);
      if (entry.value !== null) {
        if (entry.id === 'shelter_night_us') {
          // Derived (D): the pack rounds 273,576,685 / 9,275,738 to 29.5; the library keeps the cent.
          expect(dec(273576685).div(9275738).toDecimalPlaces(2).toFixed()).toBe(entry.value);
          expect(Math.abs(Number(entry.value) - original!.value!)).toBeLessThan(0.05);
        } else {
          expect(Number(entry.value), entry.id).toBe(original!.value);
        }
      }
    }
  });

  it('checks the derived (D) values by their arithmetic', () => {
    const value = (id: string) => SHIPPED_ENTRIES.find((e) => e.id === id)!.value!;
    expect(dec(14320000).div(1000).eq(value('hcv_lifetime_cost_au_pwid'))).toBe(true);
    expect(dec(225000).div(12000).eq(value('naloxone_kit_scotland'))).toBe(true);
  });

  it('ships nothing marked R and no HACT value (licence), and says why the one HACT-sourced entry is out', () => {
    const text = JSON.stringify(SHIPPED_ENTRIES);
    expect(text).not.toMatch(/HACT|Social Value Bank|Value Insight|valueinsight/i);
    expect(SHIPPED_ENTRIES.map((e) => e.id)).not.toContain('deadweight_health_hca');
    // HACT wellbeing values named in the evidence pack (licensed; some also marked R).
    for (const figure of ['10767', '14433']) {
      expect(SHIPPED_ENTRIES.some((e) => e.value === figure)).toBe(false);
    }
    const readme = readFileSync(join(ROOT, 'shared', 'library', 'README.md'), 'utf8');
    expect(readme).toMatch(/deadweight_health_hca/);
  });

  it('uses person-first language in its own text', () => {
    for (const entry of SHIPPED_ENTRIES) {
      const own = [entry.outcome, entry.indicator, entry.description, entry.unit, entry.notes, entry.gradeNote].join(
        ' ',
      );
      expect(own, entry.id).not.toMatch(/\baddicts?\b|\baddicted\b|\bjunkies?\b|\bdrug abusers?\b/i);
    }
  });

  it('only offers outcome values as proxies; costs, ratios, utilities and thresholds are for reference', () => {
    const usable = SHIPPED_ENTRIES.filter(usableAsProxy).map((e) => e.id);
    expect(usable).toContain('hiv_averted_net_saving_us');
    for (const id of [
      'nice_threshold',
      'naloxone_deaths_per_kit',
      'utility_active_injection',
      'oat_methadone_year_us',
    ]) {
      expect(usable).not.toContain(id);
    }
  });

  it.skipIf(!existsSync(EVIDENCE_ORIGINAL))('matches the project evidence pack it was copied from', () => {
    expect(starterBlock(readFileSync(EVIDENCE_ORIGINAL, 'utf8'))).toEqual(starter);
  });
});

describe('benchmarks', () => {
  it('validate, and each has a perspective, a time horizon, a source and an A or B grade', () => {
    expect(BENCHMARKS.length).toBeGreaterThan(10);
    for (const b of BENCHMARKS) {
      expect(b.perspective.trim(), b.id).not.toBe('');
      expect(b.horizon.trim(), b.id).not.toBe('');
      expect(b.source.trim(), b.id).not.toBe('');
      expect(['A', 'B'], b.id).toContain(b.grade);
    }
  });

  it('leave out the Portuguese 4.70 ratio, which the evidence pack marks R (no source found)', () => {
    expect(evidence).toMatch(/Portugal 4\.70 EUR per EUR[^\n]*\[R\]/);
    for (const b of BENCHMARKS) expect(b.result, b.id).not.toMatch(/4[.,]70/);
  });
});

describe('price data', () => {
  it('ships series definitions with their source, and no index value or rate that could not be cited', () => {
    for (const series of SHIPPED_PRICE_DATA.priceIndexSeries) {
      expect(series.source.trim()).not.toBe('');
      if (series.id !== 'cpi-u-us-bls') expect(series.points).toEqual([]);
    }
    expect(SHIPPED_PRICE_DATA.exchangeRates).toEqual([]);
    expect(SHIPPED_PRICE_DATA.note).toMatch(/No other index values and no exchange rates are shipped/);
  });

  it('ships the US CPI-U annual averages 1990-2017 exactly as in an independent copy of the BLS data', () => {
    const cpi = SHIPPED_PRICE_DATA.priceIndexSeries.find((s) => s.id === 'cpi-u-us-bls');
    expect(cpi?.base).toBe('1982-84=100');
    const bls = JSON.parse(
      readFileSync(join(repoRoot(), 'node_modules', 'us-inflation', 'bls-cpi-data.json'), 'utf8'),
    ) as Array<{ Year: number; Annual: number | string }>;
    const expected = bls
      .filter((row) => row.Year >= 1990 && row.Year <= 2017)
      .map((row) => ({ year: row.Year, value: dec(String(row.Annual)).toFixed() }));
    expect(cpi?.points).toEqual(expected);
    expect(cpi?.points).toHaveLength(28);
    // Known published values, to the last digit: 2015 = 237.017, 2016 = 240.007.
    expect(cpi?.points.find((p) => p.year === 2015)?.value).toBe('237.017');
    expect(cpi?.points.find((p) => p.year === 2016)?.value).toBe('240.007');
  });
});

describe('library file (export and import)', () => {
  it('accepts a file of own entries and price data, and refuses an R grade', () => {
    const own = {
      ...SHIPPED_ENTRIES.find((e) => e.id === 'vpf_uk')!,
      id: 'user-1',
      origin: 'user' as const,
      grade: 'own' as const,
    };
    const file = {
      format: 'sroi-studio-proxy-library',
      version: 1,
      entries: [own],
      priceIndexSeries: [],
      exchangeRates: [],
    };
    expect(LibraryFile.safeParse(file).success).toBe(true);
    expect(LibraryFile.safeParse({ ...file, entries: [{ ...own, grade: 'R' }] }).success).toBe(false);
    expect(LibraryFile.safeParse({ ...file, format: 'other' }).success).toBe(false);
  });
});
