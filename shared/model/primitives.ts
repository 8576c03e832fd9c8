/**
 * Field-level building blocks of the model. Every rule here carries a message that names what is allowed,
 * because these messages reach users verbatim ("deadweight must be between 0 % and 100 %").
 */
import { z } from 'zod';
import { DECIMAL_PATTERN, dec } from '../money/decimal';

/** Identifiers: UUIDs in the app, short readable ids ("s1", "oat-retention") in hand-written model files. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'must be an identifier of 1 to 64 letters, digits, "-" or "_"',
  })
  .meta({ description: 'Identifier, unique within its list (a UUID in the app).' });

/** A decimal written as a plain string ("1500.25", "-200"): never a JSON number, so no float ever touches it. */
export const DecimalString = z
  .string({ message: 'must be a number written as text, e.g. "1500.25"' })
  .regex(DECIMAL_PATTERN, {
    message: 'must be a plain number such as "1500.25" (a point for decimals, no thousands separators)',
    // Stop here: the range checks that follow parse the text as a decimal and must only see valid numbers.
    abort: true,
  });

/** Decimal string with a lower bound (inclusive). */
export function decimalAtLeast(min: number, what: string) {
  return DecimalString.refine((s) => dec(s).gte(min), {
    message: `${what} cannot be below ${min}`,
  });
}

/** A fraction 0..1 stored canonically; users enter and read it as 0..100 %. */
export const Fraction = DecimalString.refine((s) => dec(s).gte(0) && dec(s).lte(1), {
  message: 'must be between 0 % and 100 % (in a model file a fraction from 0 to 1, e.g. "0.25" for 25 %)',
}).meta({ description: 'A fraction from 0 to 1, shown as 0 to 100 %.' });

export const NonNegativeDecimal = DecimalString.refine((s) => dec(s).gte(0), {
  message: 'cannot be negative',
});

export const WholeYears = z
  .number({ message: 'must be a whole number of years' })
  .int({ message: 'must be a whole number of years (no fractions)' })
  .min(0, { message: 'cannot be negative' })
  .max(100, { message: 'cannot be more than 100 years' });

export const CalendarYear = z
  .number({ message: 'must be a calendar year such as 2024' })
  .int({ message: 'must be a calendar year such as 2024' })
  .min(1900, { message: 'must be 1900 or later' })
  .max(2200, { message: 'must be 2200 or earlier' });

/** Year of activity, 1 = the first year of the programme. */
export const ActivityYear = z
  .number({ message: 'must be a whole number, 1 for the first year of activity' })
  .int({ message: 'must be a whole number, 1 for the first year of activity' })
  .min(1, { message: 'must be 1 or more (1 is the first year of activity)' })
  .max(100, { message: 'cannot be more than 100' });

export const CurrencyCode = z
  .string({ message: 'is required: a three-letter ISO 4217 code such as EUR, GBP or USD' })
  .regex(/^[A-Z]{3}$/, {
    message: 'must be a three-letter ISO 4217 code in capitals, such as EUR, GBP or USD',
  });

export const IsoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });

export const Text = (max: number) =>
  z
    .string({ message: 'must be text' })
    .max(max, { message: `must be at most ${max} characters` })
    // A NUL character cuts text short in SQLite and in most programs that read an export: refuse it.
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain a NUL (zero) character' });

export const RequiredText = (max: number) => Text(max).refine((s) => s.trim().length > 0, { message: 'is required' });
