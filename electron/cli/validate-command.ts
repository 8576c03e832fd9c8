/**
 * `sroi validate FILE [--json]`: every problem of a model file (`path: message`, then where in words), and,
 * for a valid model, the engine's guard-rail warnings. Exit 0 when valid, even with warnings; 1 when not.
 */
import { computeSroi } from '../../shared/engine';
import { ExitCode } from './exit-codes';
import { formatProblems, formatWarningLines, warningsHeading } from './format-problems';
import type { CliIo } from './io';
import { toJsonText, validateOutput } from './json-output';
import { loadModel } from './load-model';

export interface ValidateOptions {
  json?: boolean;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function validateCommand(file: string, options: ValidateOptions, io: CliIo): ExitCode {
  const loaded = loadModel(file);
  if (!loaded.ok) {
    io.out(
      options.json ? toJsonText(validateOutput(file, loaded.problems, [])) : formatProblems(file, loaded.problems),
    );
    return ExitCode.InvalidModel;
  }
  const project = loaded.file.project;
  const warnings = computeSroi(project).warnings;
  if (options.json) {
    io.out(toJsonText(validateOutput(file, [], warnings)));
    return ExitCode.Ok;
  }
  const summary =
    `${file} is a valid model (schema version ${loaded.file.schemaVersion}): ` +
    `${count(project.stakeholders.length, 'stakeholder group')}, ${count(project.inputs.length, 'input')}, ` +
    `${count(project.outcomes.length, 'outcome')}.`;
  io.out([summary, '', warningsHeading(warnings.length), ...formatWarningLines(warnings)].join('\n') + '\n');
  return ExitCode.Ok;
}
