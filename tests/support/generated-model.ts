// A large, realistic-looking model for benchmarks: N outcomes over up to `years` years, spread over a few
// stakeholder groups, with every adjustment set. Deterministic (no randomness) so runs are comparable.
import type { Outcome, Project } from '../../shared/model';
import { EMPTY_COST_EFFECTIVENESS } from '../../shared/model';

export function generatedProject(outcomeCount: number, years: number): Project {
  const stakeholders = [
    'People who use drugs',
    'Families',
    'Health system',
    'Local residents',
    'Police and justice',
  ].map((name, i) => ({ id: `s${i}`, name, size: 5000, involvement: 'Survey', peopleConsulted: 50 }));
  const outcomes: Outcome[] = Array.from({ length: outcomeCount }, (_, i) => ({
    id: `o${i}`,
    stakeholderId: `s${i % stakeholders.length}`,
    name: `Outcome ${i + 1}`,
    indicator: 'Indicator',
    evidenceSource: 'Service records',
    quantity: String(10 + (i % 37)),
    proxy: {
      description: `Proxy ${i + 1}`,
      value: (100 + ((i * 7919) % 9000) + 0.37).toFixed(2),
      currency: 'EUR',
      priceYear: 2024,
      source: 'Benchmark',
      sourceUrl: '',
      libraryId: null,
      priceIndex: null,
      exchangeRate: null,
    },
    duration: 1 + (i % years),
    start: i % 3 === 0 ? 'after' : 'during',
    deadweight: ((i % 5) / 10).toString(),
    displacement: ((i % 3) / 20).toString(),
    attribution: ((i % 4) / 10).toString(),
    dropOff: ((i % 6) / 20).toString(),
    attributionShares: [],
    intended: true,
    notes: '',
    uncertainty: {},
  }));
  return {
    id: 'bench',
    name: `Generated model, ${outcomeCount} outcomes, ${years} years`,
    organisation: 'Benchmark',
    programme: '',
    analysisType: 'forecast',
    period: { start: '2024-01-01', end: '2024-12-31' },
    priceYear: 2024,
    currency: 'EUR',
    settings: { discountRate: '0.035', yearOneConvention: 'guide' },
    stakeholders,
    inputs: Array.from({ length: years }, (_, y) => ({
      id: `i${y}`,
      kind: 'cash' as const,
      stakeholderId: 's2',
      description: `Grant, year ${y + 1}`,
      category: 'Grant',
      funder: 'Health authority',
      year: y + 1,
      notes: '',
      amount: '250000',
    })),
    outputs: [],
    outcomes,
    evidence: [],
    stories: [],
    strategies: [],
    effectUnit: '',
    scenarios: [],
    costEffectiveness: EMPTY_COST_EFFECTIVENESS,
    lastSimulation: null,
  };
}
