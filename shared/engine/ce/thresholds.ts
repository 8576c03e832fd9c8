/**
 * Whether a willingness-to-pay threshold can be applied to a project's strategies (METHOD.md section 2:
 * thresholds are data, never converted silently): the same currency as the project and the same unit of
 * effect as the strategies. One rule for the cost-effectiveness screen and `sroi simulate`.
 */
import type { Project } from '../../model/schema';

/** "QALYs gained" -> "qaly", "DALYs averted" -> "daly averted", "Deaths averted" -> "death averted". */
export function normalUnit(unit: string): string {
  return unit
    .toLowerCase()
    .replace(/\bgained\b/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== 'per')
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

export type ThresholdFit = { ok: true } | { ok: false; reason: 'currency' | 'unit' | 'value' };

export function thresholdFit(
  threshold: { value: string; currency: string; unit: string },
  project: Pick<Project, 'currency' | 'effectUnit'>,
): ThresholdFit {
  if (!/^\d+(\.\d+)?$/.test(threshold.value)) return { ok: false, reason: 'value' };
  if (threshold.currency.trim().toUpperCase() !== project.currency) return { ok: false, reason: 'currency' };
  if (normalUnit(threshold.unit) !== normalUnit(project.effectUnit)) return { ok: false, reason: 'unit' };
  return { ok: true };
}
