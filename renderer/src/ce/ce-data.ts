/**
 * The data behind the "Cost-effectiveness and scenarios" stage, pure (no React, no DOM) so it is unit-tested
 * against the engine: thresholds, whether a threshold fits the project, what each funder's share bought, who
 * pays and who benefits, and the points of the cost-effectiveness plane. Money stays decimal; numbers for
 * recharts are made only at the end (`toNumber()`), and every text comes from the exact decimal.
 */
import {
  breakEven,
  costPerDalyAverted,
  costPerOutcome,
  costPerQalyGained,
  dalysAverted,
  qalysGained,
  type CostEffectRatio,
  type DalyResult,
  type OptionalFigure,
  type QalyResult,
  type SroiResult,
  type StrategyComparison,
} from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import { Dec, ZERO } from '../../../shared/money/decimal';
import {
  Sector,
  type BreakEvenSettings,
  type HealthEffects,
  type Project,
  type Threshold,
} from '../../../shared/model';
import thresholdsFile from './thresholds.json';

// ---------------------------------------------------------------------------------------------------------
// Numbers in words

/** Money to the cent in the user's locale. */
export const moneyText = (value: Dec, locale: string): string => formatDecimal(value, 2, locale);

/** A count or an effect: up to `maxPlaces` decimals, trailing zeros dropped ("2.4", "0.0267", "12"). */
export function amountText(value: Dec, locale: string, maxPlaces = 4): string {
  const rounded = value.toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_UP);
  return formatDecimal(rounded, Math.min(rounded.decimalPlaces(), maxPlaces), locale);
}

/** A figure for a CSV file: the exact decimal (no rounding, no grouping), empty when not available. */
export const decimalCell = (value: Dec | null): { decimal: string } | null =>
  value === null ? null : { decimal: value.toFixed() };

/** A signed change: "+1,250.00", "-21,250.00", "0.00". */
export function signedMoney(value: Dec, locale: string): string {
  const text = moneyText(value, locale);
  return value.gt(0) && !text.startsWith('-') && text !== moneyText(ZERO, locale) ? `+${text}` : text;
}

/** A relative change as a signed percentage with one decimal: "+20.0 %", "-20.0 %". */
export function signedPercent(fraction: Dec, locale: string): string {
  const text = formatDecimal(fraction.times(100), 1, locale);
  return `${fraction.gt(0) && text !== formatDecimal(ZERO, 1, locale) ? '+' : ''}${text} %`;
}

/**
 * One unit of effect, for "EUR per ...": "QALYs" -> "QALY", "deaths averted" -> "death averted", "overdose
 * deaths averted" -> "overdose death averted" (the first plural word made singular); empty -> "unit of effect".
 */
export function oneUnit(unit: string, fallback = 'unit of effect'): string {
  const words = unit.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return fallback;
  const index = words.findIndex((w) => /^[A-Z]{2,}s$/.test(w) || (/^[a-z-]{4,}s$/.test(w) && !/(ss|us|is)$/.test(w)));
  if (index >= 0) words[index] = words[index].slice(0, -1);
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Thresholds

/** The shipped thresholds (data with a date and source); the user's own are saved with the project. */
export const LIBRARY_THRESHOLDS: readonly Threshold[] = thresholdsFile.thresholds;

export { normalUnit, thresholdFit, type ThresholdFit } from '../../../shared/engine/ce/thresholds';

// ---------------------------------------------------------------------------------------------------------
// Who pays, who benefits

export const SECTORS: readonly Sector[] = Sector.options;

const SECTOR_WORDS: Array<[Sector, RegExp]> = [
  ['health-system', /\b(health|hospital|nhs|clinic|gp|medical|treatment service)/i],
  ['emergency-services', /\b(ambulance|emergency|paramedic|fire)/i],
  ['justice', /\b(police|court|prison|justice|probation|criminal)/i],
  ['people-and-families', /\b(people who|person|clients?|users?|patients?|famil|parents?|children|carers?)/i],
  ['wider-community', /\b(residents?|community|neighbou?rs?|public|local people|citizens?)/i],
];

/** A first guess at a stakeholder group's sector from its name, for the user to check; null when unsure. */
export function suggestSector(name: string): Sector | null {
  for (const [sector, words] of SECTOR_WORDS) if (words.test(name)) return sector;
  return null;
}

export interface PartyRow {
  key: string;
  label: string;
  /** The stakeholder group this party is (null: a funder that is not a stakeholder group). */
  stakeholderId: string | null;
  /** Present value of the inputs this party pays for (by funder; an input without a funder, by its stakeholder). */
  pays: Dec;
  /** Present value of the outcomes of this stakeholder group. */
  benefits: Dec;
  /** benefits - pays. */
  net: Dec;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Who pays and who benefits, by party: each input is paid by its funder (matched to a stakeholder group of
 * the same name when there is one) or, when no funder is named, by the stakeholder group that puts it in
 * (volunteers give their time); benefits are the present values of each group's outcomes.
 */
export function whoPaysWhoBenefits(project: Project, result: SroiResult): PartyRow[] {
  const rows = new Map<string, PartyRow>();
  const row = (key: string, label: string, stakeholderId: string | null) => {
    const found = rows.get(key);
    if (found) return found;
    const created: PartyRow = { key, label, stakeholderId, pays: ZERO, benefits: ZERO, net: ZERO };
    rows.set(key, created);
    return created;
  };
  const groupRow = (id: string) => {
    const group = project.stakeholders.find((s) => s.id === id);
    return row(`stakeholder:${id}`, group?.name ?? id, id);
  };
  for (const s of project.stakeholders) groupRow(s.id);
  for (const item of result.investment.inputs) {
    const funder = item.funder.trim();
    let payer: PartyRow;
    if (funder === '') payer = groupRow(item.stakeholderId);
    else {
      const group = project.stakeholders.find((s) => sameName(s.name, funder));
      payer = group ? groupRow(group.id) : row(`funder:${funder.toLowerCase()}`, funder, null);
    }
    payer.pays = payer.pays.plus(item.presentValue);
  }
  for (const g of result.byStakeholder) groupRow(g.key).benefits = groupRow(g.key).benefits.plus(g.presentValue);
  return [...rows.values()]
    .map((r) => ({ ...r, net: r.benefits.minus(r.pays) }))
    .filter((r) => !r.pays.isZero() || !r.benefits.isZero());
}

export interface SectorRow {
  sector: Sector | 'unassigned';
  parties: string[];
  pays: Dec;
  benefits: Dec;
  net: Dec;
}

/** The parties summed by sector, in the order of SECTORS; parties without a sector come last. */
export function bySector(rows: readonly PartyRow[], sectorOf: (row: PartyRow) => Sector | null): SectorRow[] {
  const order: Array<Sector | 'unassigned'> = [...SECTORS, 'unassigned'];
  const sums = new Map(
    order.map((s) => [s, { sector: s, parties: [] as string[], pays: ZERO, benefits: ZERO, net: ZERO }]),
  );
  for (const r of rows) {
    const sum = sums.get(sectorOf(r) ?? 'unassigned');
    if (!sum) continue;
    sum.parties.push(r.label);
    sum.pays = sum.pays.plus(r.pays);
    sum.benefits = sum.benefits.plus(r.benefits);
    sum.net = sum.benefits.minus(sum.pays);
  }
  return order.map((s) => sums.get(s)).filter((s): s is SectorRow => s !== undefined && s.parties.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// What each funder's share bought

export interface FunderShare {
  key: string;
  label: string;
  amount: Dec;
  presentValue: Dec;
  /** The funder's share of the total cost (0..1); null when the total is not positive. */
  share: Dec | null;
  outputs: Array<{ id: string; name: string; unit: string; count: Dec | null; bought: Dec | null }>;
  outcomes: Array<{ id: string; name: string; disbenefit: boolean; net: Dec | null; bought: Dec | null }>;
  /** The project's present value x the funder's share. */
  value: Dec | null;
}

/**
 * Costs split by funder and, for each, what their share bought: outputs, outcomes (net of deadweight) and
 * value in proportion to their contribution. A convention, stated as such on screen: the programme's results
 * are not measured per funder. Inputs without a funder are grouped under the stakeholder groups that put them in.
 */
export function funderShares(project: Project, result: SroiResult, noFunderLabel: string): FunderShare[] {
  const total = result.investment.total.value;
  const outputs = project.outputs.map((o) => {
    let count: Dec | null = ZERO;
    for (const r of o.records) count = count === null || !/^\d+(\.\d+)?$/.test(r.count) ? null : count.plus(r.count);
    return { id: o.id, name: o.name, unit: o.unit, count };
  });
  const outcomes = project.outcomes.map((o) => ({
    id: o.id,
    name: o.name,
    disbenefit: new Dec(o.proxy.value).isNeg(),
    net: costPerOutcome(total, o, project.currency).netQuantity.value,
  }));
  return result.investment.byFunder
    .map((f) => {
      const share = total.gt(0) ? f.presentValue.div(total) : null;
      const times = (x: Dec | null) => (x === null || share === null ? null : x.times(share));
      let label = f.label;
      if (f.key === '') {
        const groups = [
          ...new Set(
            result.investment.inputs
              .filter((i) => i.funder === '')
              .map((i) => project.stakeholders.find((s) => s.id === i.stakeholderId)?.name ?? i.stakeholderId),
          ),
        ];
        label = groups.length > 0 ? `${groups.join(', ')} ${noFunderLabel}` : noFunderLabel;
      }
      return {
        key: f.key,
        label,
        amount: f.amount,
        presentValue: f.presentValue,
        share,
        outputs: outputs.map((o) => ({ ...o, bought: times(o.count) })),
        outcomes: outcomes.map((o) => ({ ...o, bought: times(o.net) })),
        value: times(result.presentValue.value),
      };
    })
    .sort((a, b) => b.presentValue.cmp(a.presentValue));
}

// ---------------------------------------------------------------------------------------------------------
// Break-even

/** The annual budget a break-even starts from: the inputs' nominal total over the years that have inputs. */
export function averageAnnualBudget(result: SroiResult): Dec {
  const years = Math.max(0, ...result.investment.inputs.map((i) => i.year));
  return years === 0 ? ZERO : result.investment.nominalTotal.div(years);
}

/** Where the value of one outcome comes from: an outcome's financial proxy, or the user's own value. */
export interface BreakEvenValue {
  outcomes: string;
  figure: OptionalFigure;
}

/**
 * The break-even headline from the saved settings: annual budget (the user's, else the inputs' average per
 * year) / value of one outcome (the proxy of the chosen outcome, else the user's value); null when neither
 * value is given.
 */
export function breakEvenFrom(
  settings: BreakEvenSettings | null,
  project: Project,
  result: SroiResult,
  words: { proxyOf: (name: string) => string; outcomesDefault: string },
): BreakEvenValue | null {
  if (settings === null) return null;
  const annualBudget = settings.annualBudget ?? averageAnnualBudget(result).toFixed();
  const outcome = result.outcomes.find((o) => o.id === settings.outcomeId);
  if (outcome) {
    const source = project.outcomes.find((o) => o.id === outcome.id)?.proxy.source;
    return {
      outcomes: outcome.name,
      figure: breakEven({
        annualBudget,
        valueOfOneOutcome: outcome.proxy.value,
        outcomes: outcome.name,
        valueName: words.proxyOf(outcome.name),
        currency: project.currency,
        ...(source ? { valueSource: source } : {}),
      }),
    };
  }
  if (settings.valueOfOneOutcome === null) return null;
  return {
    outcomes: settings.outcomes.trim() || words.outcomesDefault,
    figure: breakEven({
      annualBudget,
      valueOfOneOutcome: settings.valueOfOneOutcome,
      outcomes: settings.outcomes,
      valueName: settings.valueName,
      currency: project.currency,
      valueSource: settings.source,
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Health effects

export interface HealthFigures {
  /** Incremental cost: the total cost minus the comparator's. */
  dC: Dec;
  qaly: QalyResult | null;
  perQaly: CostEffectRatio | null;
  daly: DalyResult | null;
  perDaly: CostEffectRatio | null;
}

/**
 * QALYs gained and DALYs averted from the saved entries, and the cost of each: a QALY entry of N years is a
 * gain in each of years 1..N (discounted like outcome values); entries add up. Null figures: no entry given.
 */
export function healthFigures(
  health: HealthEffects,
  totalCost: Dec,
  settings: Project['settings'],
  currency: string,
  fallbackLabels: { deaths: string; condition: string },
): HealthFigures {
  const dC = totalCost.minus(health.comparatorCost);
  const qaly =
    health.qalys.length === 0
      ? null
      : qalysGained(
          health.qalys.flatMap((q) =>
            Array.from({ length: q.years }, (_, i) => ({
              year: i + 1,
              utilityGain: q.utilityGain,
              persons: q.persons,
            })),
          ),
          settings,
        );
  const daly =
    health.deaths.length + health.disability.length === 0
      ? null
      : dalysAverted({
          deaths: health.deaths.map((d) => ({ ...d, label: d.label.trim() || fallbackLabels.deaths })),
          disability: health.disability.map((d) => ({ ...d, label: d.label.trim() || fallbackLabels.condition })),
        });
  return {
    dC,
    qaly,
    perQaly: qaly?.qalys.value ? costPerQalyGained(dC, qaly.qalys.value, currency) : null,
    daly,
    perDaly: daly?.dalys.value ? costPerDalyAverted(dC, daly.dalys.value, currency) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The cost-effectiveness plane

export interface PlanePoint {
  id: string;
  name: string;
  /** For recharts only; the texts come from the decimals. */
  effect: number;
  cost: number;
  effectText: string;
  costText: string;
  status: StrategyComparison['strategies'][number]['status'];
}

export interface PlaneData {
  points: PlanePoint[];
  /** The efficiency frontier, reference first, by increasing cost and effect. */
  frontier: PlanePoint[];
  others: PlanePoint[];
}

export function planeData(comparison: StrategyComparison, locale: string): PlaneData {
  const points = comparison.strategies.map((s): PlanePoint => ({
    id: s.id,
    name: s.name,
    effect: s.effect.toNumber(),
    cost: s.cost.toNumber(),
    effectText: amountText(s.effect, locale),
    costText: moneyText(s.cost, locale),
    status: s.status,
  }));
  const byId = new Map(points.map((p) => [p.id, p]));
  const frontier = comparison.frontier.map((id) => byId.get(id)).filter((p): p is PlanePoint => p !== undefined);
  const onFrontier = new Set(comparison.frontier);
  return { points, frontier, others: points.filter((p) => !onFrontier.has(p.id)) };
}
