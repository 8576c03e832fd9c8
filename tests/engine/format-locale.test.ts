// Numbers typed and shown in the user's locale: what is shown can be typed back and gives the same canonical
// decimal, in every supported style; ambiguous or malformed entries are refused with a reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatForEditing, parseLocaleNumber } from '../../shared/format/locale';
import { canonical, dec } from '../../shared/money/decimal';

const LOCALES = ['en-GB', 'pt-PT', 'es', 'it', 'fr'];

describe('locale numbers', () => {
  it.each([
    ['en-GB', '180737.349', '180,737.35'],
    ['pt-PT', '180737.349', '180.737,35'],
    ['fr', '180737.349', '180\u202f737,35'],
    ['en-GB', '-0.001', '0.00'],
  ])('formats %s %s as %s', (locale, value, shown) => {
    expect(formatDecimal(value, 2, locale)).toBe(shown);
  });

  it.each([
    ['pt-PT', '1.5', false],
    ['pt-PT', '1.500', true],
    ['en-GB', '1,5', false],
    ['en-GB', '12,34,567', false],
    ['fr', '1 234,5', true],
    ['en-GB', '', false],
    ['en-GB', '1e5', false],
  ])('in %s, "%s" is accepted: %s', (locale, text, accepted) => {
    const parsed = parseLocaleNumber(text, locale);
    expect(parsed.ok).toBe(accepted);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(5);
  });

  it('what is shown (grouped, two decimals) reads back as the same rounded number, in every style', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        (locale, whole, cents) => {
          const value = dec(whole).plus(dec(cents).div(100));
          const parsed = parseLocaleNumber(formatDecimal(value, 2, locale), locale);
          expect(parsed).toEqual({ ok: true, value: canonical(value) });
        },
      ),
    );
  });

  it('what is put in a field for editing reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.stringMatching(/^-?(0|[1-9]\d{0,8})(\.\d{1,6})?$/),
        (locale, text) => {
          const value = canonical(dec(text));
          expect(parseLocaleNumber(formatForEditing(value, locale), locale)).toEqual({ ok: true, value });
        },
      ),
    );
  });
});
