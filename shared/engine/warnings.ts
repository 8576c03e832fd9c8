/**
 * Guard-rails (METHOD.md): things a trained practitioner would query, reported as warnings, never errors,
 * each naming the outcome or field it is about and what to check.
 */
import { Dec } from '../money/decimal';
import type { Outcome, Project } from '../model/schema';

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
  message: string;
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
    const label = `"${outcome.name}"`;
    const group = groupSize.get(outcome.stakeholderId);

    if (group && group.size !== null && new Dec(outcome.quantity).gt(group.size)) {
      warnings.push({
        code: 'QUANTITY_ABOVE_GROUP_SIZE',
        path: at('quantity'),
        message: `${label}: quantity ${outcome.quantity} is more than the ${group.size} people in "${group.name}"; check the count or the group size`,
      });
    }

    // 2 x PV_i > PV rather than PV_i > PV / 2: exact, with no rounding in the last digit of a division.
    if (totalPv.gt(0) && outcomePvs[i].times(2).gt(totalPv)) {
      const share = outcomePvs[i].div(totalPv).times(100).toDecimalPlaces(0).toFixed();
      warnings.push({
        code: 'MATERIAL_OUTCOME',
        path: at(''),
        message: `${label} is ${share} % of all value: the result depends on it, so its evidence and proxy need the most care`,
      });
    }

    const key = `${outcome.stakeholderId}|${proxyKey(outcome)}`;
    const first = seenProxies.get(key);
    if (first !== undefined) {
      warnings.push({
        code: 'PROXY_USED_TWICE',
        path: at('proxy'),
        message: `${label} uses the same proxy as "${project.outcomes[first].name}" for the same stakeholder: check the value is not counted twice`,
      });
    } else {
      seenProxies.set(key, i);
    }

    if (outcome.proxy.priceIndex === null && project.priceYear - outcome.proxy.priceYear > PRICE_YEAR_TOLERANCE) {
      warnings.push({
        code: 'OLD_PRICE_YEAR',
        path: at('proxy.priceYear'),
        message: `${label}: the proxy is in ${outcome.proxy.priceYear} prices, more than ${PRICE_YEAR_TOLERANCE} years before ${project.priceYear}; inflate it with a price index`,
      });
    }

    if (outcome.duration > VALUE_MAP_YEARS) {
      warnings.push({
        code: 'LONG_DURATION',
        path: at('duration'),
        message: `${label} lasts ${outcome.duration} years, past the ${VALUE_MAP_YEARS} years of the Value Map: a long duration needs strong evidence (it is counted in full, not truncated)`,
      });
    }

    const shares = outcome.attributionShares.reduce((acc, s) => acc.plus(s.share), new Dec(0));
    if (shares.gt(1)) {
      warnings.push({
        code: 'ATTRIBUTION_SHARES_ABOVE_100',
        path: at('attributionShares'),
        message: `${label}: the attribution shares add up to ${shares.times(100).toFixed()} %, more than 100 %`,
      });
    }
  });

  if (investment.isZero()) {
    warnings.push({
      code: 'ZERO_INVESTMENT',
      path: 'inputs',
      message: 'There are no inputs (investment is zero), so the SROI ratio is n/a; add what each stakeholder puts in',
    });
  }
  return warnings;
}
