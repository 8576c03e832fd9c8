/** `sroi compute FILE [--json] [--year0]`: the SROI result of a model file, as a readable report or JSON. */
import { computeSroi } from '../../shared/engine';
import { ExitCode } from './exit-codes';
import { formatProblems } from './format-problems';
import { formatReport } from './format-report';
import type { CliIo } from './io';
import { computeOutput, toJsonText, validateOutput } from './json-output';
import { loadModel, withConvention } from './load-model';

export interface ComputeOptions {
  json?: boolean;
  year0?: boolean;
}

export function computeCommand(file: string, options: ComputeOptions, io: CliIo): ExitCode {
  const loaded = loadModel(file);
  if (!loaded.ok) {
    // With --json the problems are data for the caller (stdout); otherwise they explain a failure (stderr).
    if (options.json) io.out(toJsonText(validateOutput(file, loaded.problems, [])));
    else
      io.err(
        formatProblems(file, loaded.problems) + 'Nothing was computed. `sroi validate` lists the same problems.\n',
      );
    return ExitCode.InvalidModel;
  }
  const inFile = loaded.file.project;
  const override = options.year0 && inFile.settings.yearOneConvention !== 'year0';
  const project = options.year0 ? withConvention(inFile, 'year0') : inFile;
  const conventionInFile = override ? inFile.settings.yearOneConvention : null;
  const result = computeSroi(project);
  io.out(
    options.json
      ? toJsonText(computeOutput(file, project, result, conventionInFile))
      : formatReport({ file, project, result, conventionInFile }),
  );
  return ExitCode.Ok;
}
