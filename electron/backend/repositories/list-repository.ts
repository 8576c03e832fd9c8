/**
 * One repository shape for every list of a project (stakeholders, inputs, outcomes, ...): read in the user's
 * order, upsert one item, delete one, reorder. The SQL is built once per table from the mapper's columns.
 */
import type { Db } from '../db/connection';
import type { ListMapper, Row } from './mappers';

export class ListRepository<Item extends { id: string }> {
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsert;
  private readonly remove;
  private readonly setPosition;
  private readonly nextPosition;

  constructor(
    db: Db,
    readonly mapper: ListMapper<Item>,
  ) {
    const { table, columns } = mapper;
    const all = ['project_id', 'id', 'position', ...columns];
    this.selectAll = db.prepare(`SELECT * FROM ${table} WHERE project_id = ? ORDER BY position, id`);
    this.selectOne = db.prepare(`SELECT * FROM ${table} WHERE project_id = ? AND id = ?`);
    this.upsert = db.prepare(
      `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (project_id, id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    this.remove = db.prepare(`DELETE FROM ${table} WHERE project_id = ? AND id = ?`);
    this.setPosition = db.prepare(`UPDATE ${table} SET position = ? WHERE project_id = ? AND id = ?`);
    this.nextPosition = db.prepare(`SELECT coalesce(max(position) + 1, 0) AS next FROM ${table} WHERE project_id = ?`);
  }

  list(projectId: string): Item[] {
    return (this.selectAll.all(projectId) as Row[]).map((row) => this.mapper.fromRow(row));
  }

  get(projectId: string, id: string): Item | null {
    const row = this.selectOne.get(projectId, id) as Row | undefined;
    return row ? this.mapper.fromRow(row) : null;
  }

  /** Insert at the end of the list, or update in place (keeping its position). */
  save(projectId: string, item: Item, position?: number): void {
    const existing = this.selectOne.get(projectId, item.id) as Row | undefined;
    const at =
      position ?? (existing ? Number(existing.position) : (this.nextPosition.get(projectId) as { next: number }).next);
    this.upsert.run({ ...this.mapper.toRow(item), project_id: projectId, id: item.id, position: at });
  }

  delete(projectId: string, id: string): boolean {
    return this.remove.run(projectId, id).changes > 0;
  }

  reorder(projectId: string, ids: readonly string[]): void {
    ids.forEach((id, position) => this.setPosition.run(position, projectId, id));
  }
}
