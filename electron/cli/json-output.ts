/**
 * The JSON that `--json` prints. Decimals are full-precision strings (decimal.js serialises through toJSON),
 * explanations are included, and `schemaVersion` versions this output (not the model file) so scripts can
 * check what they read. Bump it when a field is renamed or removed; adding fields keeps the version.
 */
import type { EngineWarning, SroiResult } from '../../shared/engine';
import type { Problem, Project, YearOneConvention } from '../../shared/model';
import { version } from '../../package.json';

export const OUTPUT_SCHEMA_VERSION = 1;

const generator = { name: 'sroi', version };

export interface ComputeOutput {
  schemaVersion: number;
  generator: typeof generator;
  command: 'compute';
  file: string;
  project: { id: string; name: string; currency: string; priceYear: number };
  /** What the command line changed for this run; empty when the file was computed as written. */
  overrides: Array<{ option: string; setting: string; inFile: string; used: string }>;
  result: SroiResult;
}

export interface ValidateOutput {
  schemaVersion: number;
  generator: typeof generator;
  command: 'validate';
  file: string;
  valid: boolean;
  problems: Problem[];
  /** Guard-rails of the engine; only checked when the model is valid. */
  warnings: EngineWarning[];
}

export function computeOutput(
  file: string,
  project: Project,
  result: SroiResult,
  conventionInFile: YearOneConvention | null,
): ComputeOutput {
  return {
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    generator,
    command: 'compute',
    file,
    project: { id: project.id, name: project.name, currency: project.currency, priceYear: project.priceYear },
    overrides:
      conventionInFile === null
        ? []
        : [
            {
              option: '--year0',
              setting: 'settings.yearOneConvention',
              inFile: conventionInFile,
              used: project.settings.yearOneConvention,
            },
          ],
    result,
  };
}

export function validateOutput(file: string, problems: Problem[], warnings: EngineWarning[]): ValidateOutput {
  return {
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    generator,
    command: 'validate',
    file,
    valid: problems.length === 0,
    problems,
    warnings,
  };
}

export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
