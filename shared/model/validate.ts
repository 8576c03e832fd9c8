/**
 * Turning zod's issues into problems a user can act on: each names the field (a path such as
 * `project.outcomes[2].deadweight`, plus the item's own name when it has one) and says what is allowed.
 */
import type { z } from 'zod';
import { checkProjectReferences, ProjectFile } from './project-file';
import type { Project } from './schema';

export interface Problem {
  /** Machine-readable path, e.g. `project.outcomes[2].deadweight` (forms use it to place the message). */
  path: string;
  /** The same place in words, e.g. `outcome 3 "Overdose deaths averted", deadweight`. */
  where: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(top level)' : text;
}

const LIST_NOUNS: Record<string, string> = {
  stakeholders: 'stakeholder',
  inputs: 'input',
  outputs: 'output',
  outcomes: 'outcome',
  evidence: 'evidence item',
  stories: 'story',
  strategies: 'strategy',
  scenarios: 'scenario',
  records: 'record',
  overrides: 'override',
  breakdown: 'breakdown row',
};

function nameOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const record = item as Record<string, unknown>;
  for (const key of ['name', 'description', 'title', 'period']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 60);
  }
  return null;
}

/** `outcomes.2.deadweight` -> `outcome 3 "Overdose deaths averted", deadweight`, read against the raw data. */
export function describePath(path: ReadonlyArray<PropertyKey>, data: unknown): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const following = path[i + 1];
    if (typeof key === 'string' && typeof following === 'number' && key in LIST_NOUNS) {
      const list = next;
      const item = Array.isArray(list) ? list[following] : undefined;
      const name = nameOf(item);
      parts.push(`${LIST_NOUNS[key]} ${following + 1}${name ? ` "${name}"` : ''}`);
      node = item;
      i++;
      continue;
    }
    if (!(key === 'project' && i === 0)) parts.push(String(key));
    node = next;
  }
  return parts.length === 0 ? 'the project' : parts.join(', ');
}

export function toProblems(error: z.ZodError, data: unknown): Problem[] {
  return error.issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
    return {
      path: formatPath(issue.path),
      where: describePath(issue.path, data),
      message: missing ? `is missing (${issue.message})` : issue.message,
    };
  });
}

/**
 * zod skips the whole-file checks (references, currencies) once a field has the wrong type. So that one run
 * lists every problem, they are tried again on the raw data; whatever is too malformed to check is left to
 * the next run (the field errors already say what to fix first).
 */
function referenceProblemsOfRaw(data: unknown): Problem[] {
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  const ctx = {
    addIssue: (issue: { path?: PropertyKey[]; message?: string }) =>
      issues.push({ path: issue.path ?? [], message: issue.message ?? '' }),
  } as unknown as z.RefinementCtx;
  try {
    const project = (data as { project: Project }).project;
    checkProjectReferences(project, ctx);
  } catch {
    return [];
  }
  return issues.map((i) => ({ path: formatPath(i.path), where: describePath(i.path, data), message: i.message }));
}

/** Validate a parsed JSON value as a model file; every problem is reported, nothing is partially accepted. */
export function parseProjectFile(data: unknown): Parsed<ProjectFile> {
  const result = ProjectFile.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const problems = toProblems(result.error, data);
  const seen = new Set(problems.map((p) => `${p.path}|${p.message}`));
  for (const extra of referenceProblemsOfRaw(data)) {
    if (!seen.has(`${extra.path}|${extra.message}`)) problems.push(extra);
  }
  return { ok: false, problems };
}
