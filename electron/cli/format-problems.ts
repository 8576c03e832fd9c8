/**
 * Validation problems and guard-rail warnings as text. Problems are printed `path: message`, then the same
 * place in words, so a person can find the field and a script can grep the path.
 */
import type { Problem } from '../../shared/model';
import type { EngineWarning } from '../../shared/engine';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatProblems(file: string, problems: Problem[]): string {
  const lines = [`${file} is not a valid model: ${plural(problems.length, 'problem')}`, ''];
  for (const p of problems) {
    lines.push(`${p.path}: ${p.message}`);
    lines.push(`  where: ${p.where}`);
  }
  return lines.join('\n') + '\n';
}

/** One line per warning: `[CODE] path: message` (path omitted when the warning is about the whole project). */
export function formatWarningLines(warnings: EngineWarning[], indent = '  '): string[] {
  return warnings.map((w) => `${indent}[${w.code}] ${w.path === '' ? '' : `${w.path}: `}${w.message}`);
}

export function warningsHeading(count: number): string {
  return count === 0
    ? 'Warnings: none (no guard-rail was triggered)'
    : `Warnings (${count}): guard-rails to check, not errors`;
}
