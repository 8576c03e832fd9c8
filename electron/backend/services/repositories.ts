/** All repositories over one connection, built once when the store opens (statements are prepared once). */
import type { Evidence, Input, Outcome, Scenario, StakeholderGroup, Story, Strategy } from '../../../shared/model';
import type { OutputWithoutRecords } from '../../../shared/ipc/contract';
import type { Db } from '../db/connection';
import { AuditRepository } from '../repositories/audit-repository';
import { ListRepository } from '../repositories/list-repository';
import {
  evidenceMapper,
  inputMapper,
  outcomeMapper,
  outputMapper,
  scenarioMapper,
  stakeholderMapper,
  storyMapper,
  strategyMapper,
} from '../repositories/mappers';
import { OutputRecordRepository } from '../repositories/output-record-repository';
import { ProjectRepository } from '../repositories/project-repository';

export function createRepositories(db: Db, actor: string, now: () => string) {
  return {
    projects: new ProjectRepository(db, now),
    audit: new AuditRepository(db, actor, now),
    outputRecords: new OutputRecordRepository(db),
    lists: {
      stakeholders: new ListRepository<StakeholderGroup>(db, stakeholderMapper),
      inputs: new ListRepository<Input>(db, inputMapper),
      outputs: new ListRepository<OutputWithoutRecords>(db, outputMapper),
      outcomes: new ListRepository<Outcome>(db, outcomeMapper),
      evidence: new ListRepository<Evidence>(db, evidenceMapper),
      stories: new ListRepository<Story>(db, storyMapper),
      strategies: new ListRepository<Strategy>(db, strategyMapper),
      scenarios: new ListRepository<Scenario>(db, scenarioMapper),
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
