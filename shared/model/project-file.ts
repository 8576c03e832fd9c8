/**
 * The model file (`*.sroi.json`): one project with everything in it, as exported by the app and read by the
 * command-line tool. Field rules live in schema.ts; the rules that span fields (references between lists,
 * currency conversion) live here, so a file is either wholly valid or rejected with every problem listed.
 */
import { z } from 'zod';
import { Project } from './schema';
import { dec } from '../money/decimal';

/**
 * Bumped whenever the file's shape changes; newer files are refused. Version 2 added the cost-effectiveness
 * inputs, the strategies' distributions and the last Monte Carlo run; a version 1 file is read with those
 * empty (their defaults), so every file written before still opens.
 */
export const CURRENT_SCHEMA_VERSION = 2;
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const;

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function problem(ctx: Ctx, path: Path, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

function checkUniqueIds(ctx: Ctx, list: ReadonlyArray<{ id: string }>, listName: string): Set<string> {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.id)) {
      problem(
        ctx,
        ['project', listName, index, 'id'],
        `id "${item.id}" is used twice in ${listName}; ids must be unique`,
      );
    }
    seen.add(item.id);
  });
  return seen;
}

/** Checks that need the whole project: references, dates, currencies. */
export function checkProjectReferences(project: Project, ctx: Ctx): void {
  const stakeholderIds = checkUniqueIds(ctx, project.stakeholders, 'stakeholders');
  const inputIds = checkUniqueIds(ctx, project.inputs, 'inputs');
  checkUniqueIds(ctx, project.outputs, 'outputs');
  const outcomeIds = checkUniqueIds(ctx, project.outcomes, 'outcomes');
  checkUniqueIds(ctx, project.evidence, 'evidence');
  checkUniqueIds(ctx, project.stories, 'stories');
  checkUniqueIds(ctx, project.strategies, 'strategies');
  checkUniqueIds(ctx, project.scenarios, 'scenarios');

  if (project.period.end < project.period.start) {
    problem(ctx, ['project', 'period', 'end'], 'the end of the period must not be before its start');
  }

  const unknownStakeholder = (id: string) =>
    `refers to stakeholder "${id}", which is not in the stakeholder list; add the group or pick an existing one`;
  project.inputs.forEach((input, i) => {
    if (!stakeholderIds.has(input.stakeholderId)) {
      problem(ctx, ['project', 'inputs', i, 'stakeholderId'], unknownStakeholder(input.stakeholderId));
    }
  });
  project.outputs.forEach((output, i) => {
    if (output.stakeholderId !== null && !stakeholderIds.has(output.stakeholderId)) {
      problem(ctx, ['project', 'outputs', i, 'stakeholderId'], unknownStakeholder(output.stakeholderId));
    }
  });
  project.outcomes.forEach((outcome, i) => {
    if (!stakeholderIds.has(outcome.stakeholderId)) {
      problem(ctx, ['project', 'outcomes', i, 'stakeholderId'], unknownStakeholder(outcome.stakeholderId));
    }
    // Only compare well-formed codes: a malformed one already has its own problem reported.
    const comparable = /^[A-Z]{3}$/.test(outcome.proxy.currency) && /^[A-Z]{3}$/.test(project.currency);
    if (comparable && outcome.proxy.currency !== project.currency && outcome.proxy.exchangeRate === null) {
      problem(
        ctx,
        ['project', 'outcomes', i, 'proxy', 'exchangeRate'],
        `the proxy is in ${outcome.proxy.currency} but the model is in ${project.currency}: add an exchange rate (with its date and source) or enter the proxy in ${project.currency}`,
      );
    }
    if (comparable && outcome.proxy.currency === project.currency && outcome.proxy.exchangeRate !== null) {
      const rate = dec(outcome.proxy.exchangeRate.rate);
      if (!rate.eq(1)) {
        problem(
          ctx,
          ['project', 'outcomes', i, 'proxy', 'exchangeRate', 'rate'],
          `the proxy is already in ${project.currency}: remove the exchange rate, or set the proxy's own currency`,
        );
      }
    }
  });
  const linkedToOutcome = (list: ReadonlyArray<{ outcomeId: string | null }>, listName: string) =>
    list.forEach((item, i) => {
      if (item.outcomeId !== null && !outcomeIds.has(item.outcomeId)) {
        problem(
          ctx,
          ['project', listName, i, 'outcomeId'],
          `refers to outcome "${item.outcomeId}", which is not in the outcome list`,
        );
      }
    });
  linkedToOutcome(project.evidence, 'evidence');
  linkedToOutcome(project.stories, 'stories');
  checkCostEffectivenessReferences(project, outcomeIds, ctx);

  project.scenarios.forEach((scenario, s) => {
    scenario.overrides.forEach((override, o) => {
      const known = override.target === 'outcome' ? outcomeIds : inputIds;
      if (!known.has(override.id)) {
        problem(
          ctx,
          ['project', 'scenarios', s, 'overrides', o, 'id'],
          `refers to ${override.target} "${override.id}", which does not exist`,
        );
      }
    });
  });
}

/** The cost-effectiveness inputs may name an outcome (the break-even value): it must exist. */
function checkCostEffectivenessReferences(project: Project, outcomeIds: ReadonlySet<string>, ctx: Ctx): void {
  const outcomeId = project.costEffectiveness.breakEven?.outcomeId;
  if (outcomeId !== null && outcomeId !== undefined && !outcomeIds.has(outcomeId)) {
    problem(
      ctx,
      ['project', 'costEffectiveness', 'breakEven', 'outcomeId'],
      `refers to outcome "${outcomeId}", which does not exist; pick an outcome of the project or enter the value`,
    );
  }
}

export const ProjectFile = z
  .object({
    schemaVersion: z.literal(READABLE_SCHEMA_VERSIONS, {
      message: `must be ${READABLE_SCHEMA_VERSIONS.join(' or ')}; this file was written by a newer or unknown version of SROI Studio`,
    }),
    app: z
      .object({ name: z.string().max(100), version: z.string().max(50) })
      .optional()
      .meta({ description: 'The program that wrote the file (informational).' }),
    exportedAt: z.iso.datetime().optional(),
    project: Project,
  })
  .superRefine((file, ctx) => checkProjectReferences(file.project, ctx))
  .meta({
    title: 'SROI Studio project file',
    description:
      'One SROI Studio project with all its data and settings. Decimals are strings; percentages are fractions 0..1.',
  });

export type ProjectFile = z.infer<typeof ProjectFile>;
