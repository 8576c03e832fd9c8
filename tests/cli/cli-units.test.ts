/**
 * The small pure pieces of the command line, in-process: display formatting of numbers (shared/format), the
 * JSON error locator, and the mapping of failures to exit codes (internal errors without a stack by default).
 */
import { describe, expect, it } from 'vitest';
import {
  formatFixed,
  formatMoney,
  formatMultiplier,
  formatNumber,
  formatPercent,
  formatRatio,
  groupThousands,
} from '../../shared/format/number';
import { Dec } from '../../shared/money/decimal';
import { findJsonSyntaxError } from '../../electron/cli/json-position';
import { ExitCode } from '../../electron/cli/exit-codes';
import type { CliIo } from '../../electron/cli/io';
import { run } from '../../electron/cli/program';

describe('number formatting (en-GB, half-up, display only)', () => {
  it('groups thousands', () => {
    expect(groupThousands('1')).toBe('1');
    expect(groupThousands('123')).toBe('123');
    expect(groupThousands('1234')).toBe('1,234');
    expect(groupThousands('1234567')).toBe('1,234,567');
  });

  it('rounds money half-up to the cent, with the sign outside the grouping and never "-0.00"', () => {
    expect(formatMoney(new Dec('180737.3492400929'))).toBe('180,737.35');
    expect(formatMoney('106250', 'EUR')).toBe('106,250.00 EUR');
    expect(formatMoney('-1932.367150')).toBe('-1,932.37');
    expect(formatMoney('999999.995')).toBe('1,000,000.00');
    expect(formatMoney('-0.004')).toBe('0.00');
    expect(formatFixed('0.125', 2)).toBe('0.13');
    expect(formatFixed('-0.125', 2)).toBe('-0.13');
  });

  it('formats plain numbers, percentages, ratios and multipliers', () => {
    expect(formatNumber('25')).toBe('25');
    expect(formatNumber('8.379755')).toBe('8.38');
    expect(formatNumber('12500.5', 4)).toBe('12,500.5');
    expect(formatPercent('0.25')).toBe('25 %');
    expect(formatPercent('0.619913', 1, true)).toBe('62.0 %');
    expect(formatPercent('0.035', 2)).toBe('3.5 %');
    expect(formatRatio('1.701057404612')).toBe('1.70 : 1');
    expect(formatMultiplier('0.335190')).toBe('0.3352');
  });
});

describe('JSON syntax errors are located', () => {
  it.each([
    ['{"a": }', 1, 7, "found '}'"],
    ['{\n  "a": 1,\n}', 3, 1, 'trailing comma'],
    ["{'a': 1}", 1, 2, 'single quote'],
    ['{"a": 1', 1, 8, 'the end of the file'],
    ['[1 2]', 1, 4, "expected ',' or ']'"],
    ['{"a": "x\ny"}', 1, 9, 'must be escaped'],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
    ['{} x', 1, 4, 'after the end of the JSON value'],
  ])('%j', (text, line, column, words) => {
    const error = findJsonSyntaxError(text);
    expect(error).not.toBeNull();
    expect(error?.line).toBe(line);
    expect(error?.column).toBe(column);
    expect(error?.message).toContain(words);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('finds nothing in valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}')).toBeNull();
  });
});

describe('exit codes of in-process runs', () => {
  function capture(env: Record<string, string> = {}, failOnOut = false) {
    const io: CliIo & { stdout: string; stderr: string } = {
      stdout: '',
      stderr: '',
      out(text) {
        if (failOnOut) throw new Error('disk on fire');
        io.stdout += text;
      },
      err(text) {
        io.stderr += text;
      },
      env,
    };
    return io;
  }

  it('an unexpected error is internal (4): the message, and the stack only with SROI_DEBUG=1', () => {
    const quiet = capture({}, true);
    expect(run(['node', 'sroi', 'schema'], quiet)).toBe(ExitCode.Internal);
    expect(quiet.stderr).toContain('sroi: internal error: disk on fire');
    expect(quiet.stderr).not.toMatch(/\n\s+at /);

    const debug = capture({ SROI_DEBUG: '1' }, true);
    expect(run(['node', 'sroi', 'schema'], debug)).toBe(ExitCode.Internal);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('usage errors are 2 and --version is 0', () => {
    const io = capture();
    expect(run(['node', 'sroi', 'compute', '--nope', 'x'], io)).toBe(ExitCode.Usage);
    const version = capture();
    expect(run(['node', 'sroi', '--version'], version)).toBe(ExitCode.Ok);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
