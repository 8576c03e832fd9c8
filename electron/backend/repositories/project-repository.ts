/** The projects table: the scalar fields of a project, its life cycle (archive, soft delete) and summaries. */
import type { ProjectSummary } from '../../../shared/ipc/contract';
import { EMPTY_COST_EFFECTIVENESS, type Project } from '../../../shared/model';
import type { Db } from '../db/connection';
import { canonicalCostEffectiveness, decimalText } from './mappers';

/** The part of a project stored in its own row (everything but the lists). */
export type ProjectHeader = Omit<
  Project,
  'stakeholders' | 'inputs' | 'outputs' | 'outcomes' | 'evidence' | 'stories' | 'strategies' | 'scenarios'
>;

type Row = Record<string, string | number | null>;

function headerFromRow(r: Row): ProjectHeader {
  return {
    id: String(r.id),
    name: String(r.name),
    organisation: String(r.organisation),
    programme: String(r.programme),
    analysisType: r.analysis_type === 'evaluative' ? 'evaluative' : 'forecast',
    period: { start: String(r.period_start), end: String(r.period_end) },
    priceYear: Number(r.price_year),
    currency: String(r.currency),
    settings: {
      discountRate: String(r.discount_rate),
      yearOneConvention: r.year_one_convention === 'year0' ? 'year0' : 'guide',
    },
    effectUnit: String(r.effect_unit),
    costEffectiveness: JSON.parse(String(r.cost_effectiveness)) as Project['costEffectiveness'],
    lastSimulation:
      r.last_simulation === null ? null : (JSON.parse(String(r.last_simulation)) as Project['lastSimulation']),
  };
}

function rowFromHeader(h: ProjectHeader): Row {
  return {
    id: h.id,
    name: h.name,
    organisation: h.organisation,
    programme: h.programme,
    analysis_type: h.analysisType,
    period_start: h.period.start,
    period_end: h.period.end,
    price_year: h.priceYear,
    currency: h.currency,
    discount_rate: decimalText(h.settings.discountRate),
    year_one_convention: h.settings.yearOneConvention,
    effect_unit: h.effectUnit,
    cost_effectiveness: JSON.stringify(canonicalCostEffectiveness(h.costEffectiveness)),
    last_simulation: h.lastSimulation === null ? null : JSON.stringify(h.lastSimulation),
  };
}

const SUMMARY_SQL = `
  SELECT p.id, p.name, p.organisation, p.currency, p.analysis_type, p.created_at, p.updated_at, p.archived_at,
    (SELECT count(*) FROM stakeholders s WHERE s.project_id = p.id) AS stakeholder_count,
    (SELECT count(*) FROM inputs i WHERE i.project_id = p.id) AS input_count,
    (SELECT count(*) FROM outcomes o WHERE o.project_id = p.id) AS outcome_count
  FROM projects p`;

function summaryFromRow(r: Row): ProjectSummary {
  return {
    id: String(r.id),
    name: String(r.name),
    organisation: String(r.organisation),
    currency: String(r.currency),
    analysisType: r.analysis_type === 'evaluative' ? 'evaluative' : 'forecast',
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    archived: r.archived_at !== null,
    stakeholderCount: Number(r.stakeholder_count),
    inputCount: Number(r.input_count),
    outcomeCount: Number(r.outcome_count),
  };
}

export class ProjectRepository {
  private readonly statements;

  constructor(
    db: Db,
    private readonly now: () => string,
  ) {
    // SQLite's lower() folds ASCII only; search must find "École" for "école" and "ASSOCIAÇÃO" for "Associação".
    db.function('sroi_fold', { deterministic: true }, (text: unknown) => String(text ?? '').toLowerCase());
    const columns = Object.keys(rowFromHeader(emptyHeaderForColumns));
    this.statements = {
      insert: db.prepare(
        `INSERT INTO projects (${columns.join(', ')}, created_at, updated_at)
         VALUES (${columns.map((c) => `@${c}`).join(', ')}, @created_at, @updated_at)`,
      ),
      update: db.prepare(
        `UPDATE projects SET ${columns
          .filter((c) => c !== 'id')
          .map((c) => `${c} = @${c}`)
          .join(', ')}, updated_at = @updated_at WHERE id = @id`,
      ),
      get: db.prepare(`SELECT * FROM projects WHERE id = ? AND deleted_at IS NULL`),
      getAny: db.prepare(`SELECT * FROM projects WHERE id = ?`),
      summary: db.prepare(`${SUMMARY_SQL} WHERE p.id = ? AND p.deleted_at IS NULL`),
      list: db.prepare(
        `${SUMMARY_SQL} WHERE p.deleted_at IS NULL AND (@includeArchived = 1 OR p.archived_at IS NULL)
           AND (@search = '' OR instr(sroi_fold(p.name || ' ' || p.organisation), sroi_fold(@search)) > 0)
         ORDER BY p.updated_at DESC, p.name`,
      ),
      touch: db.prepare(`UPDATE projects SET updated_at = ? WHERE id = ?`),
      setArchived: db.prepare(`UPDATE projects SET archived_at = ?, updated_at = ? WHERE id = ?`),
      setDeleted: db.prepare(`UPDATE projects SET deleted_at = ? WHERE id = ?`),
      purge: db.prepare(`DELETE FROM projects WHERE deleted_at IS NOT NULL AND deleted_at < ?`),
      purgedIds: db.prepare(`SELECT id FROM projects WHERE deleted_at IS NOT NULL AND deleted_at < ?`),
    };
  }

  insert(header: ProjectHeader): void {
    const at = this.now();
    this.statements.insert.run({ ...rowFromHeader(header), created_at: at, updated_at: at });
  }

  update(header: ProjectHeader): void {
    this.statements.update.run({ ...rowFromHeader(header), updated_at: this.now() });
  }

  /** The header of a live (not deleted) project, or null. */
  get(id: string): ProjectHeader | null {
    const row = this.statements.get.get(id) as Row | undefined;
    return row ? headerFromRow(row) : null;
  }

  /** Whether the id is taken at all, including by a deleted project that can still be restored. */
  exists(id: string): boolean {
    return this.statements.getAny.get(id) !== undefined;
  }

  isDeleted(id: string): boolean {
    const row = this.statements.getAny.get(id) as Row | undefined;
    return row !== undefined && row.deleted_at !== null;
  }

  summary(id: string): ProjectSummary | null {
    const row = this.statements.summary.get(id) as Row | undefined;
    return row ? summaryFromRow(row) : null;
  }

  list(includeArchived: boolean, search: string): ProjectSummary[] {
    return (this.statements.list.all({ includeArchived: includeArchived ? 1 : 0, search }) as Row[]).map(
      summaryFromRow,
    );
  }

  /** Mark a project changed now (every edit to any of its lists calls this). */
  touch(id: string): void {
    this.statements.touch.run(this.now(), id);
  }

  setArchived(id: string, archived: boolean): void {
    const at = this.now();
    this.statements.setArchived.run(archived ? at : null, at, id);
  }

  setDeleted(id: string, deletedAt: string | null): void {
    this.statements.setDeleted.run(deletedAt, id);
  }

  /** Remove for good the projects deleted before `before`; returns their ids (for the audit cleanup). */
  purgeDeletedBefore(before: string): string[] {
    const ids = (this.statements.purgedIds.all(before) as Row[]).map((r) => String(r.id));
    this.statements.purge.run(before);
    return ids;
  }
}

const emptyHeaderForColumns: ProjectHeader = {
  id: '',
  name: '',
  organisation: '',
  programme: '',
  analysisType: 'forecast',
  period: { start: '', end: '' },
  priceYear: 0,
  currency: '',
  settings: { discountRate: '0', yearOneConvention: 'guide' },
  effectUnit: '',
  costEffectiveness: EMPTY_COST_EFFECTIVENESS,
  lastSimulation: null,
};
