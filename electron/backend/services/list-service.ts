/**
 * Editing the lists of a project (stakeholders, inputs, outcomes, ...): save one item, delete one, reorder.
 * Each call is one transaction that checks references inside the project, writes the audit log (one row per
 * changed field) and marks the project changed. Nothing is half-saved.
 */
import { AppFailure, type FieldProblem } from '../../../shared/ipc/result';
import type { Project } from '../../../shared/model';
import { dec } from '../../../shared/money/decimal';
import type { Db } from '../db/connection';
import type { AuditRepository } from '../repositories/audit-repository';
import type { ListRepository } from '../repositories/list-repository';
import type { ProjectRepository } from '../repositories/project-repository';
import type { Repositories } from './repositories';

import type { ListName } from '../../../shared/ipc/lists';
export type { ListName };

/** Flatten an item to `field -> JSON text` so that a change is recorded per field ("proxy.value"). */
export function flatten(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return into;
}

function problem(path: string, where: string, message: string): FieldProblem {
  return { path, where, message };
}

export class ListService {
  constructor(
    private readonly db: Db,
    private readonly repos: Repositories,
  ) {}

  private get projects(): ProjectRepository {
    return this.repos.projects;
  }

  private get audit(): AuditRepository {
    return this.repos.audit;
  }

  private list<Item extends { id: string }>(name: ListName): ListRepository<Item> {
    return this.repos.lists[name] as unknown as ListRepository<Item>;
  }

  requireProject(projectId: string): NonNullable<ReturnType<ProjectRepository['get']>> {
    const header = this.projects.get(projectId);
    if (!header) throw new AppFailure('NOT_FOUND', 'This project does not exist (it may have been deleted).');
    return header;
  }

  save<Item extends { id: string }>(name: ListName, projectId: string, item: Item): Item {
    return this.db.transaction(() => {
      const header = this.requireProject(projectId);
      this.checkReferences(name, projectId, header.currency, item);
      const repo = this.list<Item>(name);
      const before = repo.get(projectId, item.id);
      repo.save(projectId, item);
      const after = repo.get(projectId, item.id) as Item;
      const entity = repo.mapper.table;
      if (!before) {
        this.audit.record({ projectId, entity, entityId: item.id, action: 'create', newValue: JSON.stringify(after) });
      } else {
        const old = flatten(before);
        const now = flatten(after);
        for (const field of new Set([...Object.keys(old), ...Object.keys(now)])) {
          if (old[field] !== now[field]) {
            this.audit.record({
              projectId,
              entity,
              entityId: item.id,
              action: 'update',
              field,
              oldValue: old[field] ?? null,
              newValue: now[field] ?? null,
            });
          }
        }
      }
      this.projects.touch(projectId);
      return after;
    })();
  }

  delete(name: ListName, projectId: string, id: string): void {
    this.db.transaction(() => {
      this.requireProject(projectId);
      const repo = this.list<{ id: string }>(name);
      const before = repo.get(projectId, id);
      if (!before) throw new AppFailure('NOT_FOUND', `There is no item "${id}" in ${name}.`);
      this.checkNotReferenced(name, projectId, id);
      if (name === 'outcomes') this.unlinkFromOutcome(projectId, id);
      repo.delete(projectId, id);
      this.audit.record({
        projectId,
        entity: repo.mapper.table,
        entityId: id,
        action: 'delete',
        oldValue: JSON.stringify(before),
      });
      this.projects.touch(projectId);
    })();
  }

  reorder(name: ListName, projectId: string, ids: readonly string[]): void {
    this.db.transaction(() => {
      this.requireProject(projectId);
      const repo = this.list<{ id: string }>(name);
      const current = repo.list(projectId).map((i) => i.id);
      const same =
        current.length === ids.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
      if (!same) {
        throw new AppFailure(
          'CONFLICT',
          `The new order must list each of the ${current.length} items of ${name} exactly once; reload and try again.`,
        );
      }
      repo.reorder(projectId, ids);
      this.audit.record({
        projectId,
        entity: repo.mapper.table,
        entityId: '*',
        action: 'update',
        field: 'order',
        newValue: JSON.stringify(ids),
      });
      this.projects.touch(projectId);
    })();
  }

  private checkReferences(name: ListName, projectId: string, currency: string, item: unknown): void {
    const problems: FieldProblem[] = [];
    const record = item as Record<string, unknown>;
    const stakeholderExists = (id: unknown) =>
      typeof id === 'string' && this.list('stakeholders').get(projectId, id) !== null;
    const outcomeExists = (id: unknown) => typeof id === 'string' && this.list('outcomes').get(projectId, id) !== null;

    if ((name === 'inputs' || name === 'outcomes') && !stakeholderExists(record.stakeholderId)) {
      problems.push(
        problem(
          'item.stakeholderId',
          'stakeholder',
          'choose a stakeholder group of this project (add the group first if it is missing)',
        ),
      );
    }
    if (name === 'outputs' && record.stakeholderId !== null && !stakeholderExists(record.stakeholderId)) {
      problems.push(
        problem('item.stakeholderId', 'stakeholder', 'choose a stakeholder group of this project, or none'),
      );
    }
    if ((name === 'evidence' || name === 'stories') && record.outcomeId !== null && !outcomeExists(record.outcomeId)) {
      problems.push(problem('item.outcomeId', 'outcome', 'choose an outcome of this project, or none'));
    }
    if (name === 'outcomes') {
      const proxy = (item as Project['outcomes'][number]).proxy;
      if (proxy.currency === currency && proxy.exchangeRate !== null && !dec(proxy.exchangeRate.rate).eq(1)) {
        problems.push(
          problem(
            'item.proxy.exchangeRate.rate',
            'proxy, exchange rate',
            `the proxy is already in ${currency}: remove the exchange rate, or set the proxy's own currency`,
          ),
        );
      }
      if (proxy.currency !== currency && proxy.exchangeRate === null) {
        problems.push(
          problem(
            'item.proxy.exchangeRate',
            'proxy, exchange rate',
            `the proxy is in ${proxy.currency} but the project is in ${currency}: add an exchange rate (with its date and source) or enter the proxy in ${currency}`,
          ),
        );
      }
    }
    if (name === 'scenarios') {
      const scenario = item as Project['scenarios'][number];
      scenario.overrides.forEach((o, i) => {
        const exists =
          (o.target === 'outcome' ? this.list('outcomes') : this.list('inputs')).get(projectId, o.id) !== null;
        if (!exists)
          problems.push(
            problem(
              `item.overrides[${i}].id`,
              `override ${i + 1}`,
              `there is no ${o.target} "${o.id}" in this project`,
            ),
          );
      });
    }
    if (problems.length > 0) {
      throw new AppFailure('VALIDATION', problems.map((p) => `${p.where}: ${p.message}`).join('; '), problems);
    }
  }

  private checkNotReferenced(name: ListName, projectId: string, id: string): void {
    const uses: string[] = [];
    if (name === 'stakeholders') {
      const count = (list: ListName) =>
        this.list<{ id: string; stakeholderId?: string | null }>(list)
          .list(projectId)
          .filter((i) => i.stakeholderId === id).length;
      const inputs = count('inputs');
      const outcomes = count('outcomes');
      const outputs = count('outputs');
      if (inputs) uses.push(`${inputs} input${inputs > 1 ? 's' : ''}`);
      if (outcomes) uses.push(`${outcomes} outcome${outcomes > 1 ? 's' : ''}`);
      if (outputs) uses.push(`${outputs} output${outputs > 1 ? 's' : ''}`);
    }
    if (name === 'outcomes' || name === 'inputs') {
      const target = name === 'outcomes' ? 'outcome' : 'input';
      const scenarios = this.list<Project['scenarios'][number]>('scenarios')
        .list(projectId)
        .filter((s) => s.overrides.some((o) => o.target === target && o.id === id));
      if (scenarios.length)
        uses.push(`scenario${scenarios.length > 1 ? 's' : ''} ${scenarios.map((s) => `"${s.name}"`).join(', ')}`);
    }
    if (uses.length > 0) {
      throw new AppFailure(
        'CONFLICT',
        `This item is still used by ${uses.join(' and ')}; change or delete those first.`,
      );
    }
  }

  /** Evidence and stories outlive the outcome they were attached to: they are kept, unattached. */
  private unlinkFromOutcome(projectId: string, outcomeId: string): void {
    for (const name of ['evidence', 'stories'] as const) {
      const repo = this.list<{ id: string; outcomeId: string | null }>(name);
      for (const item of repo.list(projectId).filter((i) => i.outcomeId === outcomeId)) {
        repo.save(projectId, { ...item, outcomeId: null });
        this.audit.record({
          projectId,
          entity: name,
          entityId: item.id,
          action: 'update',
          field: 'outcomeId',
          oldValue: outcomeId,
          newValue: null,
        });
      }
    }
    // The break-even headline read its value from this outcome's proxy: keep that value, without the link.
    const header = this.projects.get(projectId);
    const breakEven = header?.costEffectiveness.breakEven;
    if (header && breakEven && breakEven.outcomeId === outcomeId) {
      const outcome = this.list<Project['outcomes'][number]>('outcomes').get(projectId, outcomeId);
      const value = outcome && dec(outcome.proxy.value).gt(0) ? outcome.proxy.value : breakEven.valueOfOneOutcome;
      const kept = { ...breakEven, outcomeId: null, valueOfOneOutcome: value };
      this.projects.update({ ...header, costEffectiveness: { ...header.costEffectiveness, breakEven: kept } });
      this.audit.record({
        projectId,
        entity: 'projects',
        entityId: projectId,
        action: 'update',
        field: 'costEffectiveness.breakEven.outcomeId',
        oldValue: outcomeId,
        newValue: null,
      });
    }
  }
}
