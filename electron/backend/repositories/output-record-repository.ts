/** Monthly (or yearly, or ranged) output records: possibly a million rows, so reads and writes are batched. */
import type { OutputRecord } from '../../../shared/model';
import type { Db } from '../db/connection';
import { decimalText } from './mappers';

export class OutputRecordRepository {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      list: db.prepare(
        `SELECT period, count, breakdown FROM output_records WHERE project_id = ? AND output_id = ? ORDER BY position, seq`,
      ),
      insert: db.prepare(
        `INSERT INTO output_records (project_id, output_id, position, period, count, breakdown) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      clear: db.prepare(`DELETE FROM output_records WHERE project_id = ? AND output_id = ?`),
      nextPosition: db.prepare(
        `SELECT coalesce(max(position) + 1, 0) AS next FROM output_records WHERE project_id = ? AND output_id = ?`,
      ),
    };
  }

  list(projectId: string, outputId: string): OutputRecord[] {
    const rows = this.statements.list.all(projectId, outputId) as Array<{
      period: string;
      count: string;
      breakdown: string;
    }>;
    return rows.map((r) => ({ period: r.period, count: r.count, breakdown: JSON.parse(r.breakdown) }));
  }

  clear(projectId: string, outputId: string): void {
    this.statements.clear.run(projectId, outputId);
  }

  nextPosition(projectId: string, outputId: string): number {
    return (this.statements.nextPosition.get(projectId, outputId) as { next: number }).next;
  }

  /** Append records from `position` on. Call inside a transaction. */
  append(projectId: string, outputId: string, records: Iterable<OutputRecord>, position: number): number {
    let at = position;
    for (const record of records) {
      const breakdown = record.breakdown.map((b) => ({ categories: b.categories, count: decimalText(b.count) }));
      this.statements.insert.run(
        projectId,
        outputId,
        at,
        record.period,
        decimalText(record.count),
        JSON.stringify(breakdown),
      );
      at++;
    }
    return at;
  }
}
