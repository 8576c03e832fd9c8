/**
 * Schema version 2: the inputs of the cost-effectiveness stage (unique clients, health effects, break-even,
 * sectors, the user's thresholds and the chosen one), the distributions of each strategy's cost and effect,
 * and the last Monte Carlo run of a project. Each is a JSON document read and written whole (validated by zod
 * in shared/model on the way in and out), so the columns only check that the text is JSON.
 */
import { EMPTY_COST_EFFECTIVENESS } from '../../../../shared/model/cost-effectiveness';
import type { Migration } from './types';

const emptyCostEffectiveness = JSON.stringify(EMPTY_COST_EFFECTIVENESS).replaceAll("'", "''");

export const costEffectivenessAndSimulations: Migration = {
  version: 2,
  name: 'cost-effectiveness inputs, strategy distributions, last Monte Carlo run',
  up(db) {
    db.exec(`
      ALTER TABLE projects ADD COLUMN cost_effectiveness TEXT NOT NULL
        DEFAULT '${emptyCostEffectiveness}' CHECK (json_valid(cost_effectiveness));
      ALTER TABLE projects ADD COLUMN last_simulation TEXT
        CHECK (last_simulation IS NULL OR json_valid(last_simulation));
      ALTER TABLE strategies ADD COLUMN uncertainty TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(uncertainty));
    `);
  },
};
