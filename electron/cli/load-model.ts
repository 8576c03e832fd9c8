/**
 * From a path to a validated model: read the JSON (exit 3 on failure), then check it against the model's
 * schema and cross-field rules (every problem listed, nothing half-accepted).
 */
import type { Problem, ProjectFile } from '../../shared/model';
import { parseProjectFile } from '../../shared/model';
import type { Project, YearOneConvention } from '../../shared/model/schema';
import { readJsonFile } from './read-model-file';

export type LoadedModel = { ok: true; file: ProjectFile } | { ok: false; problems: Problem[] };

export function loadModel(path: string): LoadedModel {
  const parsed = parseProjectFile(readJsonFile(path));
  return parsed.ok ? { ok: true, file: parsed.value } : { ok: false, problems: parsed.problems };
}

/** The project with its year-one convention replaced for this run only (the file is not changed). */
export function withConvention(project: Project, convention: YearOneConvention): Project {
  return { ...project, settings: { ...project.settings, yearOneConvention: convention } };
}
