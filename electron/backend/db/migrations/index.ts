/**
 * Every migration, in order. The list is explicit (no directory scanning) so a packaged app and a test run
 * apply exactly the same steps; `PRAGMA user_version` records the last one applied.
 */
import { initialSchema } from './001-initial';
import { costEffectivenessAndSimulations } from './002-cost-effectiveness-and-simulations';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [initialSchema, costEffectivenessAndSimulations];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;

export type { Migration } from './types';
