/** Output records: read one output's records, replace them all, or import them from CSV (all or nothing). */
import type { Readable } from 'node:stream';
import type { CsvImportReport, CsvRecordMapping } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import type { OutputRecord } from '../../../shared/model';
import type { Db } from '../db/connection';
import { importRecordsFromCsv } from './csv-import';
import type { Repositories } from './repositories';

export class OutputRecordService {
  constructor(
    private readonly db: Db,
    private readonly repos: Repositories,
  ) {}

  private requireOutput(projectId: string, outputId: string): void {
    if (!this.repos.projects.get(projectId))
      throw new AppFailure('NOT_FOUND', 'This project does not exist (it may have been deleted).');
    if (!this.repos.lists.outputs.get(projectId, outputId)) {
      throw new AppFailure('NOT_FOUND', 'This output does not exist in the project; add it first.');
    }
  }

  list(projectId: string, outputId: string): OutputRecord[] {
    this.requireOutput(projectId, outputId);
    return this.repos.outputRecords.list(projectId, outputId);
  }

  replace(projectId: string, outputId: string, records: OutputRecord[]): number {
    return this.db.transaction(() => {
      this.requireOutput(projectId, outputId);
      this.repos.outputRecords.clear(projectId, outputId);
      this.repos.outputRecords.append(projectId, outputId, records, 0);
      this.repos.audit.record({
        projectId,
        entity: 'output_records',
        entityId: outputId,
        action: 'update',
        field: 'records',
        newValue: `${records.length} records`,
      });
      this.repos.projects.touch(projectId);
      return records.length;
    })();
  }

  /** Stream a CSV into one output's records: every row checked, all imported or none (one transaction). */
  async importCsv(projectId: string, source: Readable | string, mapping: CsvRecordMapping): Promise<CsvImportReport> {
    this.requireOutput(projectId, mapping.outputId);
    return importRecordsFromCsv(this.db, this.repos, projectId, source, mapping);
  }
}
