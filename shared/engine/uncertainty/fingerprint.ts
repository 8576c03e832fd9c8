/**
 * A short hash of what a Monte Carlo run depends on, stored with the run (SimulationRun.modelFingerprint) so the
 * Sensitivity stage can say "the model has changed since this run". Two runs with the same fingerprint,
 * iterations, seed and settings give the same numbers.
 *
 * It covers the figures, settings and distributions of the inputs, outcomes and strategies, and the names shown
 * in the results. Free text that never reaches a figure (notes, sources, descriptions, indicators) is left out,
 * so writing a note does not mark a run as out of date. The text hashed is canonical JSON (keys sorted,
 * undefined left out), so a project read back from the store, whatever order its keys come in, gives the same
 * fingerprint as the copy the run used.
 */
import type { Project } from '../../model/schema';
import { fnv1a32 } from './random';

/** Keys of free text, at any depth, that no figure of a run depends on. */
const IGNORED = new Set([
  'notes',
  'description',
  'indicator',
  'evidenceSource',
  'source',
  'sourceUrl',
  'valuationSource',
  'rateSource',
  'category',
  'funder',
  'libraryId',
]);

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, v]) => v !== undefined && !IGNORED.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
}

export function modelFingerprint(
  project: Pick<Project, 'currency' | 'priceYear' | 'settings' | 'inputs' | 'outcomes' | 'strategies' | 'effectUnit'>,
): string {
  const text = canonical({
    currency: project.currency,
    priceYear: project.priceYear,
    settings: project.settings,
    effectUnit: project.effectUnit,
    inputs: project.inputs,
    outcomes: project.outcomes,
    strategies: project.strategies,
  });
  // Two 32-bit hashes (the text and its reverse): 64 bits, so two different models practically never match.
  const reversed = [...text].reverse().join('');
  const hex = (h: number) => h.toString(16).padStart(8, '0');
  return hex(fnv1a32(text)) + hex(fnv1a32(reversed));
}
