/**
 * Guard-rails (METHOD.md): things a trained practitioner would query, reported as warnings, never errors,
 * each naming the outcome or field it is about and what to check.
 */
import { Dec } from '../money/decimal';
import type { Outcome, Project } from '../model/schema';
import type { Message } from '../i18n/message';
import { english, message } from './text';

export type WarningCode =
  | 'QUANTITY_ABOVE_GROUP_SIZE'
  | 'MATERIAL_OUTCOME'
  | 'PROXY_USED_TWICE'
  | 'OLD_PRICE_YEAR'
  | 'LONG_DURATION'
  | 'ATTRIBUTION_SHARES_ABOVE_100'
  | 'ZERO_INVESTMENT';

export interface EngineWarning {
  code: WarningCode;
  /** Field path in the project, e.g. `outcomes[2].quantity`; empty for the project as a whole. */
  path: string;
  /** In English: `text` filled in from shared/i18n/engine/en.json. */
  message: string;
  /** The same warning as a message the interface translates (key `engine.warnings.<...>`). */
  text: Message;
}

export function warning(code: WarningCode, path: string, text: Message): EngineWarning {
  return { code, path, message: english(text), text };
}

/** Longest duration the Social Value International Value Map has columns for. */
export const VALUE_MAP_YEARS = 5;
/** A proxy priced more than this many years before the model should be inflated. */
export const PRICE_YEAR_TOLERANCE = 5;

function proxyKey(outcome: Outcome): string {
  const p = outcome.proxy;
  if (p.libraryId) return `library:${p.libraryId}`;
  return `${p.description.trim().toLowerCase()}|${new Dec(p.value).toFixed()}|${p.currency}`;
}

export function guardRails(project: Project, outcomePvs: Dec[], totalPv: Dec, investment: Dec): EngineWarning[] {
  const warnings: EngineWarning[] = [];
  const groupSize = new Map(project.stakeholders.map((s) => [s.id, s]));
  const seenProxies = new Map<string, number>();

  project.outcomes.forEach((outcome, i) => {
    const at = (field: string) => `outcomes[${i}]${field ? `.${field}` : ''}`;
    const name = outcome.name;
    const group = groupSize.get(outcome.stakeholderId);

    if (group && group.size !== null && new Dec(outcome.quantity).gt(group.size)) {
      warnings.push(
        warning(
          'QUANTITY_ABOVE_GROUP_SIZE',
          at('quantity'),
          message('engine.warnings.quantityAboveGroupSize', {
            outcome: name,
            quantity: { number: outcome.quantity, exact: true },
            size: { number: String(group.size), exact: true },
            group: group.name,
          }),
        ),
      );
    }

    // 2 x PV_i > PV rather than PV_i > PV / 2: exact, with no rounding in the last digit of a division.
    if (totalPv.gt(0) && outcomePvs[i].times(2).gt(totalPv)) {
      const share = outcomePvs[i].div(totalPv).times(100).toDecimalPlaces(0).toNumber();
      warnings.push(
        warning('MATERIAL_OUTCOME', at(''), message('engine.warnings.materialOutcome', { outcome: name, share })),
      );
    }

    const key = `${outcome.stakeholderId}|${proxyKey(outcome)}`;
    const first = seenProxies.get(key);
    if (first !== undefined) {
      warnings.push(
        warning(
          'PROXY_USED_TWICE',
          at('proxy'),
          message('engine.warnings.proxyUsedTwice', { outcome: name, other: project.outcomes[first].name }),
        ),
      );
    } else {
      seenProxies.set(key, i);
    }

    if (outcome.proxy.priceIndex === null && project.priceYear - outcome.proxy.priceYear > PRICE_YEAR_TOLERANCE) {
      warnings.push(
        warning(
          'OLD_PRICE_YEAR',
          at('proxy.priceYear'),
          message('engine.warnings.oldPriceYear', {
            outcome: name,
            priceYear: outcome.proxy.priceYear,
            tolerance: PRICE_YEAR_TOLERANCE,
            modelYear: project.priceYear,
          }),
        ),
      );
    }

    if (outcome.duration > VALUE_MAP_YEARS) {
      warnings.push(
        warning(
          'LONG_DURATION',
          at('duration'),
          message('engine.warnings.longDuration', {
            outcome: name,
            years: outcome.duration,
            valueMapYears: VALUE_MAP_YEARS,
          }),
        ),
      );
    }

    const shares = outcome.attributionShares.reduce((acc, s) => acc.plus(s.share), new Dec(0));
    if (shares.gt(1)) {
      warnings.push(
        warning(
          'ATTRIBUTION_SHARES_ABOVE_100',
          at('attributionShares'),
          message('engine.warnings.attributionSharesAbove100', {
            outcome: name,
            total: { number: shares.times(100).toFixed(), exact: true },
          }),
        ),
      );
    }
  });

  if (investment.isZero()) {
    warnings.push(warning('ZERO_INVESTMENT', 'inputs', message('engine.warnings.zeroInvestment')));
  }
  return warnings;
}
