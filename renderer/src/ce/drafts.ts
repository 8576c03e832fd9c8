/**
 * Inputs of the cost-effectiveness stage that the project model cannot hold yet (no field in
 * shared/model/schema.ts): unique clients, health effects (QALYs, DALYs), the break-even outcome, the sector of
 * each party, the chosen threshold and the user's own thresholds. They live in the screen's state only and are
 * marked on screen as not saved; each is listed, with the field it needs, in the report.
 *
 * UNSAVED: everything in `CeDrafts` is lost when the stage is left. Replace with project fields when the schema
 * has them (Project.uniqueClients, Project.health, Project.breakEven, StakeholderGroup.sector,
 * Project.thresholds, Project.willingnessToPay).
 */
import type { Sector, Threshold } from './ce-data';

export interface HealthDraft {
  /** Cost of the comparator ("no service"): dC = the programme's total cost - this. */
  comparatorCost: string;
  /** QALYs: a utility gain per person per year, for some persons, over some years starting in year 1. */
  qalyLabel: string;
  utilityGain: string;
  qalyPersons: string;
  qalyYears: string;
  /** DALYs: deaths averted x years of life lost per death (YLL) + persons x disability weight x duration (YLD). */
  deaths: string;
  yearsOfLifeLost: string;
  disabilityLabel: string;
  disabilityPersons: string;
  disabilityWeight: string;
  disabilityYears: string;
}

export interface BreakEvenDraft {
  /** '' = the user's own value below; otherwise an outcome id whose proxy is the value of one outcome. */
  fromOutcome: string;
  outcomes: string;
  valueName: string;
  value: string;
  source: string;
  /** '' = the default (the inputs' average per year). */
  annualBudget: string;
}

export interface CeDrafts {
  /** '' = not given. */
  uniqueClients: string;
  health: HealthDraft;
  breakEven: BreakEvenDraft;
  /** Sector of each party of the "who pays, who benefits" table, by the party's key ('' = not assigned). */
  sectors: Record<string, Sector | ''>;
  /** The threshold used as the willingness to pay ('' = none). */
  thresholdId: string;
  ownThresholds: Threshold[];
}

export const EMPTY_DRAFTS: CeDrafts = {
  uniqueClients: '',
  health: {
    comparatorCost: '0',
    qalyLabel: '',
    utilityGain: '',
    qalyPersons: '',
    qalyYears: '1',
    deaths: '',
    yearsOfLifeLost: '',
    disabilityLabel: '',
    disabilityPersons: '',
    disabilityWeight: '',
    disabilityYears: '',
  },
  breakEven: { fromOutcome: '', outcomes: '', valueName: '', value: '', source: '', annualBudget: '' },
  sectors: {},
  thresholdId: '',
  ownThresholds: [],
};

export type DraftUpdate = (change: (drafts: CeDrafts) => CeDrafts) => void;
