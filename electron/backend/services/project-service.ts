/**
 * Projects as wholes: create, read, edit the scope, rename, duplicate (as a copy or as a scenario), archive,
 * delete with undo, history, and the project file (export, and import that validates first and imports
 * nothing if anything is wrong). Every multi-row write is one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { NewProject, ProjectChanges, ProjectSummary } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import {
  CURRENT_SCHEMA_VERSION,
  EMPTY_COST_EFFECTIVENESS,
  parseProjectFile,
  type SimulationRun,
  type Project,
  type ProjectFile,
} from '../../../shared/model';
import { dec } from '../../../shared/money/decimal';
import type { Db } from '../db/connection';
import type { ProjectHeader } from '../repositories/project-repository';
import { flatten } from './list-service';
import type { Repositories } from './repositories';

/** A Monte Carlo run in the history: what is needed to run it again, not its results. */
const runWords = (run: SimulationRun) => `${run.iterations} iterations, seed ${run.seed}, at ${run.ranAt}`;

/** How long a deleted project can be brought back before it is removed for good. */
export const UNDO_DELETE_DAYS = 30;

export interface ProjectServiceOptions {
  now: () => Date;
  appVersion: string;
  newId?: () => string;
}

export class ProjectService {
  private readonly newId: () => string;

  constructor(
    private readonly db: Db,
    private readonly repos: Repositories,
    private readonly options: ProjectServiceOptions,
  ) {
    this.newId = options.newId ?? randomUUID;
  }

  list(includeArchived: boolean, search: string): ProjectSummary[] {
    return this.repos.projects.list(includeArchived, search.trim());
  }

  create(input: NewProject): ProjectSummary {
    const year = this.options.now().getUTCFullYear();
    const header: ProjectHeader = {
      id: this.newId(),
      name: input.name.trim(),
      organisation: input.organisation ?? '',
      programme: '',
      analysisType: input.analysisType ?? 'forecast',
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      priceYear: year,
      currency: input.currency ?? 'EUR',
      // The Green Book rate and the Guide's convention: METHOD.md's defaults.
      settings: { discountRate: '0.035', yearOneConvention: 'guide' },
      effectUnit: '',
      costEffectiveness: EMPTY_COST_EFFECTIVENESS,
      lastSimulation: null,
    };
    return this.db.transaction(() => {
      this.repos.projects.insert(header);
      this.repos.audit.record({
        projectId: header.id,
        entity: 'projects',
        entityId: header.id,
        action: 'create',
        newValue: header.name,
      });
      return this.summary(header.id);
    })();
  }

  summary(id: string): ProjectSummary {
    const summary = this.repos.projects.summary(id);
    if (!summary) throw new AppFailure('NOT_FOUND', 'This project does not exist (it may have been deleted).');
    return summary;
  }

  get(id: string): Project {
    const header = this.repos.projects.get(id);
    if (!header) throw new AppFailure('NOT_FOUND', 'This project does not exist (it may have been deleted).');
    const { lists, outputRecords } = this.repos;
    return {
      ...header,
      stakeholders: lists.stakeholders.list(id),
      inputs: lists.inputs.list(id),
      outputs: lists.outputs.list(id).map((o) => ({ ...o, records: outputRecords.list(id, o.id) })),
      outcomes: lists.outcomes.list(id),
      evidence: lists.evidence.list(id),
      stories: lists.stories.list(id),
      strategies: lists.strategies.list(id),
      scenarios: lists.scenarios.list(id),
    };
  }

  update(id: string, changes: ProjectChanges): ProjectSummary {
    return this.db.transaction(() => {
      const before = this.repos.projects.get(id);
      if (!before) throw new AppFailure('NOT_FOUND', 'This project does not exist (it may have been deleted).');
      const after: ProjectHeader = { ...before, ...changes };
      if (after.period.end < after.period.start) {
        throw new AppFailure('VALIDATION', 'The end of the period must not be before its start.', [
          { path: 'changes.period.end', where: 'period, end', message: 'must not be before the start' },
        ]);
      }
      if (after.currency !== before.currency) this.checkCurrencyChange(id, after.currency);
      const breakEvenOutcome = after.costEffectiveness.breakEven?.outcomeId;
      if (
        breakEvenOutcome !== null &&
        breakEvenOutcome !== undefined &&
        this.repos.lists.outcomes.get(id, breakEvenOutcome) === null
      ) {
        throw new AppFailure('VALIDATION', 'The break-even outcome is not in this project.', [
          {
            path: 'changes.costEffectiveness.breakEven.outcomeId',
            where: 'break-even, outcome',
            message: 'choose an outcome of this project, or enter the value of one outcome yourself',
          },
        ]);
      }
      this.repos.projects.update(after);
      // The last simulation is kept out of the field-by-field history: it is results, not a user's edit.
      const old = flatten({ ...before, lastSimulation: undefined });
      const now = flatten({ ...this.repos.projects.get(id), lastSimulation: undefined });
      for (const field of Object.keys(now)) {
        if (old[field] !== now[field]) {
          this.repos.audit.record({
            projectId: id,
            entity: 'projects',
            entityId: id,
            action: 'update',
            field,
            oldValue: old[field],
            newValue: now[field],
          });
        }
      }
      return this.summary(id);
    })();
  }

  /** Keep a finished Monte Carlo run with the project (replacing the last one), or forget it (null). */
  saveSimulation(id: string, run: SimulationRun | null): ProjectSummary {
    return this.db.transaction(() => {
      const before = this.repos.projects.get(id);
      if (!before) throw new AppFailure('NOT_FOUND', 'This project does not exist (it may have been deleted).');
      this.repos.projects.update({ ...before, lastSimulation: run });
      this.repos.audit.record({
        projectId: id,
        entity: 'projects',
        entityId: id,
        action: 'update',
        field: 'lastSimulation',
        oldValue: before.lastSimulation ? runWords(before.lastSimulation) : null,
        newValue: run ? runWords(run) : null,
      });
      return this.summary(id);
    })();
  }

  rename(id: string, name: string): ProjectSummary {
    return this.update(id, { name: name.trim() });
  }

  /** A copy is a new project; a scenario is a named set of overrides inside the same project (issue "scenarios"). */
  duplicate(id: string, name: string, mode: 'copy' | 'scenario'): { projectId: string; scenarioId: string | null } {
    if (mode === 'scenario') {
      return this.db.transaction(() => {
        this.summary(id);
        const scenarioId = this.newId();
        this.repos.lists.scenarios.save(id, { id: scenarioId, name: name.trim(), description: '', overrides: [] });
        this.repos.audit.record({
          projectId: id,
          entity: 'scenarios',
          entityId: scenarioId,
          action: 'create',
          newValue: name,
        });
        this.repos.projects.touch(id);
        return { projectId: id, scenarioId };
      })();
    }
    const copy = { ...this.get(id), id: this.newId(), name: name.trim() };
    this.db.transaction(() => {
      this.insertWhole(copy);
      this.repos.audit.record({
        projectId: copy.id,
        entity: 'projects',
        entityId: copy.id,
        action: 'create',
        field: 'copiedFrom',
        newValue: id,
      });
    })();
    return { projectId: copy.id, scenarioId: null };
  }

  archive(id: string, archived: boolean): ProjectSummary {
    return this.db.transaction(() => {
      this.summary(id);
      this.repos.projects.setArchived(id, archived);
      this.repos.audit.record({
        projectId: id,
        entity: 'projects',
        entityId: id,
        action: 'update',
        field: 'archived',
        newValue: String(archived),
      });
      return this.summary(id);
    })();
  }

  /** Deleting hides the project; it can be brought back for UNDO_DELETE_DAYS days. */
  delete(id: string): { id: string; undoUntil: string } {
    return this.db.transaction(() => {
      this.summary(id);
      const now = this.options.now();
      this.repos.projects.setDeleted(id, now.toISOString());
      this.repos.audit.record({ projectId: id, entity: 'projects', entityId: id, action: 'delete' });
      const undoUntil = new Date(now.getTime() + UNDO_DELETE_DAYS * 86_400_000).toISOString();
      return { id, undoUntil };
    })();
  }

  undoDelete(id: string): ProjectSummary {
    return this.db.transaction(() => {
      if (!this.repos.projects.isDeleted(id)) {
        throw new AppFailure(
          'NOT_FOUND',
          'There is no deleted project to bring back (it may have been removed for good).',
        );
      }
      this.repos.projects.setDeleted(id, null);
      this.repos.audit.record({ projectId: id, entity: 'projects', entityId: id, action: 'restore' });
      return this.summary(id);
    })();
  }

  /** Removes for good the projects deleted more than UNDO_DELETE_DAYS ago (run at start). */
  purgeExpiredDeletions(): number {
    const before = new Date(this.options.now().getTime() - UNDO_DELETE_DAYS * 86_400_000).toISOString();
    return this.db.transaction(() => {
      const ids = this.repos.projects.purgeDeletedBefore(before);
      for (const id of ids) this.repos.audit.deleteForProject(id);
      return ids.length;
    })();
  }

  history(id: string, limit: number) {
    this.summary(id);
    return this.repos.audit.history(id, limit);
  }

  export(id: string): ProjectFile {
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      app: { name: 'SROI Studio', version: this.options.appVersion },
      exportedAt: this.options.now().toISOString(),
      project: this.get(id),
    };
  }

  /** Validates the whole file first; imports nothing if anything is wrong, everything in one transaction. */
  import(data: unknown, asCopy: boolean): ProjectSummary {
    const parsed = parseProjectFile(data);
    if (!parsed.ok) {
      throw new AppFailure(
        'VALIDATION',
        `The project file has ${parsed.problems.length} problem${parsed.problems.length > 1 ? 's' : ''}; nothing was imported.`,
        parsed.problems,
      );
    }
    const project = parsed.value.project;
    if (this.repos.projects.exists(project.id)) {
      if (!asCopy) {
        throw new AppFailure(
          'CONFLICT',
          `A project with the same identity is already here ("${this.repos.projects.summary(project.id)?.name ?? 'deleted project'}"). Import the file as a copy to keep both.`,
        );
      }
      project.id = this.newId();
    }
    return this.db.transaction(() => {
      this.insertWhole(project);
      this.repos.audit.record({
        projectId: project.id,
        entity: 'projects',
        entityId: project.id,
        action: 'import',
        newValue: project.name,
      });
      return this.summary(project.id);
    })();
  }

  /** Insert a project and all its lists; call inside a transaction. Order follows the foreign keys. */
  private insertWhole(project: Project): void {
    const { stakeholders, inputs, outputs, outcomes, evidence, stories, strategies, scenarios, ...header } = project;
    const { lists, outputRecords } = this.repos;
    this.repos.projects.insert(header);
    stakeholders.forEach((s, i) => lists.stakeholders.save(project.id, s, i));
    inputs.forEach((x, i) => lists.inputs.save(project.id, x, i));
    outputs.forEach(({ records, ...output }, i) => {
      lists.outputs.save(project.id, output, i);
      outputRecords.append(project.id, output.id, records, 0);
    });
    outcomes.forEach((o, i) => lists.outcomes.save(project.id, o, i));
    evidence.forEach((e, i) => lists.evidence.save(project.id, e, i));
    stories.forEach((s, i) => lists.stories.save(project.id, s, i));
    strategies.forEach((s, i) => lists.strategies.save(project.id, s, i));
    scenarios.forEach((s, i) => lists.scenarios.save(project.id, s, i));
  }

  /** Changing the project's currency must not leave proxies in a currency with no conversion. */
  private checkCurrencyChange(id: string, currency: string): void {
    const outcomes = this.repos.lists.outcomes.list(id);
    const convertedToItself = outcomes.filter(
      (o) => o.proxy.currency === currency && o.proxy.exchangeRate !== null && !dec(o.proxy.exchangeRate.rate).eq(1),
    );
    if (convertedToItself.length > 0) {
      throw new AppFailure(
        'VALIDATION',
        `${convertedToItself.length} proxy value(s) are already in ${currency} but carry an exchange rate (${convertedToItself
          .map((o) => `"${o.name}"`)
          .join(', ')}); remove those rates first.`,
        [
          {
            path: 'changes.currency',
            where: 'currency',
            message: `remove the exchange rates of the proxies already in ${currency} first`,
          },
        ],
      );
    }
    const unconvertible = outcomes.filter((o) => o.proxy.currency !== currency && o.proxy.exchangeRate === null);
    if (unconvertible.length > 0) {
      throw new AppFailure(
        'VALIDATION',
        `Changing the currency to ${currency} would leave ${unconvertible.length} proxy value(s) with no exchange rate (${unconvertible
          .map((o) => `"${o.name}"`)
          .join(', ')}); add exchange rates first.`,
        [{ path: 'changes.currency', where: 'currency', message: 'add exchange rates to the proxies first' }],
      );
    }
  }
}
