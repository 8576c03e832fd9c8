/**
 * Numbers given on the command line (`--iterations 10_000`, `--seed 42`, `--wtp-max 50000`): "_" and "," may
 * group digits; anything else is a usage error (exit 2) that names the option and what it accepts.
 */
import { formatNumber } from '../../shared/format/number';
import { CliError, ExitCode } from './exit-codes';

const ungrouped = (text: string) => text.trim().replace(/[_,]/g, '');

/** A whole number from `min` to `max`. */
export function wholeOption(text: string, name: string, min: number, max: number): number {
  const trimmed = ungrouped(text);
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError(
      ExitCode.Usage,
      `${name} must be a whole number from ${formatNumber(min)} to ${formatNumber(max)}, got "${text}"`,
    );
  }
  return value;
}

/** A number above 0 (a willingness to pay, for example). */
export function positiveOption(text: string, name: string): number {
  const trimmed = ungrouped(text);
  const value = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new CliError(ExitCode.Usage, `${name} must be a number above 0, got "${text}"`);
  }
  return value;
}
