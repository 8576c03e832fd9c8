/** The audit log: one row per changed field, newest first when read. */
import type { AuditEntry } from '../../../shared/ipc/contract';
import type { Db } from '../db/connection';

export type AuditAction = AuditEntry['action'];

export interface AuditRecord {
  projectId: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
}

export class AuditRepository {
  private readonly insert;
  private readonly select;
  private readonly removeForProject;

  constructor(
    db: Db,
    private readonly actor: string,
    private readonly now: () => string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (project_id, at, actor, entity, entity_id, action, field, old_value, new_value)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.select = db.prepare(`SELECT * FROM audit_log WHERE project_id = ? ORDER BY seq DESC LIMIT ?`);
    this.removeForProject = db.prepare(`DELETE FROM audit_log WHERE project_id = ?`);
  }

  record(entry: AuditRecord): void {
    this.insert.run(
      entry.projectId,
      this.now(),
      this.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.field ?? null,
      entry.oldValue ?? null,
      entry.newValue ?? null,
    );
  }

  history(projectId: string, limit: number): AuditEntry[] {
    const rows = this.select.all(projectId, limit) as Array<Record<string, string | number | null>>;
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: String(r.at),
      actor: String(r.actor),
      entity: String(r.entity),
      entityId: String(r.entity_id),
      action: r.action as AuditAction,
      field: r.field === null ? null : String(r.field),
      oldValue: r.old_value === null ? null : String(r.old_value),
      newValue: r.new_value === null ? null : String(r.new_value),
    }));
  }

  deleteForProject(projectId: string): void {
    this.removeForProject.run(projectId);
  }
}
