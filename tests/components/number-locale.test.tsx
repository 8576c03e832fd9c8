// @vitest-environment jsdom
// Numbers follow the system's locale by default (a Portuguese finance officer types "4,70" even while the
// interface is in English), and follow the interface language once the user picks one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18next, { INITIAL_LANGUAGE, followSystemLanguage, setLanguage } from '../../renderer/src/i18n';
import { createTranslator } from '../../shared/i18n/translate';
import { numberLocaleFor } from '../../renderer/src/hooks/useLocale';
import { formatDecimal, parseLocaleNumber } from '../../shared/format/locale';

afterEach(async () => {
  vi.restoreAllMocks();
  await followSystemLanguage();
});

describe('the number locale', () => {
  it('follows the system when the interface language was not changed', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('pt-PT');
    const locale = numberLocaleFor(INITIAL_LANGUAGE);
    expect(locale).toBe('pt-PT');
    expect(formatDecimal('4.7', 2, locale)).toBe('4,70');
    expect(parseLocaleNumber('106.250,00', locale)).toEqual({ ok: true, value: '106250' });
  });

  it('follows the interface language once the user picks one, also after a restart', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    expect(numberLocaleFor('it')).toBe('en-GB');
    await setLanguage('it');
    expect(localStorage.getItem('sroi.language')).toBe('it');
    expect(numberLocaleFor('it')).toBe('it');
    expect(formatDecimal('4.7', 2, numberLocaleFor('it'))).toBe('4,70');
    await followSystemLanguage();
    expect(numberLocaleFor('en')).toBe('en-GB');
  });

  it('shows 4.70 in the UK', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    expect(formatDecimal('4.7', 2, numberLocaleFor(INITIAL_LANGUAGE))).toBe('4.70');
  });
});

describe('plural forms', () => {
  it('in Portuguese (Portugal), zero takes the plural in the interface and in the report translator', async () => {
    await setLanguage('pt', false);
    expect(i18next.t('report.years', { count: 0 })).toBe('0 anos');
    expect(i18next.t('report.years', { count: 1 })).toBe('1 ano');
    const t = createTranslator(
      { years_one: '{{count}} ano', years_many: '{{count}} de anos', years_other: '{{count}} anos' },
      'pt',
    );
    expect([0, 1, 2].map((count) => t('years', { count }))).toEqual(['0 anos', '1 ano', '2 anos']);
    // French keeps its own rule: zero is singular there ("0 an").
    await setLanguage('fr', false);
    expect(i18next.t('report.years', { count: 0 })).toBe('0 an');
  });
});
