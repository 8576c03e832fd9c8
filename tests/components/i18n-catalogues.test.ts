/**
 * The five languages: every English key exists in Spanish, Portuguese, Italian and French with the same
 * placeholders and every plural form the language needs (scripts/i18n-check.mjs, also run by hand while
 * translating); each area file has its counterpart; no key is defined twice; person-first language in every
 * language; and the report's own translator picks the right plural form in each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, loadLanguage } from '../../scripts/i18n-check.mjs';
import { createTranslator } from '../../shared/report/translate';
import { repoRoot } from '../support/repo-root';

const I18N = join(repoRoot(), 'renderer', 'src', 'i18n');
const LANGUAGES = ['es', 'pt', 'it', 'fr'] as const;
const AREAS = readdirSync(join(I18N, 'en')).filter((f) => f.endsWith('.json'));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, out);
  return out;
}

describe.each(LANGUAGES)('the %s catalogues', (language) => {
  it('have every English key, with the same placeholders and every plural form', () => {
    expect(compare(language)).toEqual([]);
  });

  it('have the same files as English, each with the same top-level keys', () => {
    expect(existsSync(join(I18N, `${language}.json`))).toBe(true);
    expect(Object.keys(readJson(join(I18N, `${language}.json`)))).toEqual(Object.keys(readJson(join(I18N, 'en.json'))));
    for (const area of AREAS) {
      const path = join(I18N, language, area);
      expect(existsSync(path), `${language}/${area}`).toBe(true);
      expect(Object.keys(readJson(path))).toEqual(Object.keys(readJson(join(I18N, 'en', area))));
    }
  });

  it('use person-first language: no word for "addict" in any string', () => {
    const stigma =
      /(?<!\p{L})(addicts?|junkies?|drug abusers?|toxicodependentes?|drogadictos?|toxicómanos?|toxicomanes?|tossicodipendenti|tossicomani|droguée?s?)(?!\p{L})/iu;
    // The check itself: it catches the words, and not "drogues" (drugs) or "drogas".
    expect(['des drogués', 'Toxicodependentes', 'tossicodipendenti'].every((w) => stigma.test(w))).toBe(true);
    expect(['des drogues', 'drogas', 'personnes qui consomment'].some((w) => stigma.test(w))).toBe(false);
    const found = strings(loadLanguage(language)).filter((s) => stigma.test(s));
    expect(found).toEqual([]);
  });

  it('are not English left in place: most strings differ from the English ones', () => {
    const english = strings(loadLanguage('en'));
    const theirs = strings(loadLanguage(language));
    const same = theirs.filter((s, i) => s === english[i] && /[a-z]{4,} [a-z]{4,}/i.test(s));
    // Some strings are the same in every language (names, citations, "SROI Studio"); sentences are not.
    expect(same.length / theirs.length).toBeLessThan(0.05);
  });

  it('choose the plural form the language needs, in the report translator too', () => {
    const t = createTranslator(loadLanguage(language) as never, language);
    const one = t('report.years', { count: 1 });
    const many = t('report.years', { count: 1_000_000 });
    const other = t('report.years', { count: 3 });
    for (const text of [one, many, other]) expect(text).not.toMatch(/report\.years/);
    expect(other).toContain('3');
    expect(many).toContain('1000000');
  });
});

describe('the English catalogues', () => {
  it('define each key once across the core file and the area files', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of ['en.json', ...AREAS.map((a) => `en/${a}`)]) {
      for (const key of Object.keys(readJson(join(I18N, file)))) {
        if (seen.has(key)) clashes.push(`${key} in ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the check finds a missing key, a changed placeholder and a missing plural form', () => {
    // The same comparison, run on English against itself, is clean; a language with nothing is all missing.
    expect(compare('en')).toEqual([]);
    const nothing = compare('xx');
    expect(nothing.length).toBeGreaterThan(1000);
    expect(nothing).toContain('app.name: missing');
  });
});
