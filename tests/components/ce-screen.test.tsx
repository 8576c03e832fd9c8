// @vitest-environment jsdom
// The stage "Cost-effectiveness and scenarios" with the W2 worked example of METHOD.md, on the real project
// state (useProject) over a fake backend: indicators with their explanations, the funder view, who pays and
// who benefits, strategies with ICERs and dominance in words, thresholds as data, and scenarios side by side.
// The stage's own inputs (unique clients, break-even, health effects, sectors, thresholds) are saved with the
// project through updateScope: the fake backend records every `projects/update`, and a stage mounted anew
// shows what was saved. Every table downloads as CSV. Expected numbers are worked out by hand from METHOD.md.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18next from '../../renderer/src/i18n';
import { setTransport } from '../../renderer/src/api/client';
import type * as FilesModule from '../../renderer/src/api/files';
import { useProject } from '../../renderer/src/hooks/useProject';
import { ScenariosScreen } from '../../renderer/src/screens/ScenariosScreen';
import { computeSroi } from '../../shared/engine';
import { EMPTY_COST_EFFECTIVENESS, type CostEffectivenessInputs, type Project } from '../../shared/model';

const saved = vi.hoisted(() => ({ text: [] as Array<[string, string, string]> }));
vi.mock('../../renderer/src/api/files', async (original) => ({
  ...(await original<typeof FilesModule>()),
  saveTextFile: async (name: string, kind: string, content: string) => {
    saved.text.push([name, kind, content]);
    return true;
  },
}));

const w2 = (
  JSON.parse(readFileSync(resolve(__dirname, '../../docs/examples/w2-street-outreach.sroi.json'), 'utf8')) as {
    project: Project;
  }
).project;
const municipality = w2.stakeholders.find((s) => s.name === 'Municipality')!;

type ListName = 'strategies' | 'scenarios';

/** A fake backend that keeps one project, answers the channels this stage uses and records scope changes. */
function fakeBackend(start: Project) {
  let stored: Project = structuredClone(start);
  const updates: Array<Partial<Project>> = [];
  setTransport(async (channel, input) => {
    const payload = input as { projectId?: string; id?: string; item?: { id: string }; changes?: Partial<Project> };
    if (channel === 'projects/get') return { ok: true, value: structuredClone(stored) };
    if (channel === 'projects/update') {
      updates.push(structuredClone(payload.changes ?? {}));
      stored = { ...stored, ...payload.changes };
      return { ok: true, value: { id: stored.id } };
    }
    const [list, action] = channel.split('/') as [ListName, string];
    if ((list === 'strategies' || list === 'scenarios') && payload.item && action === 'save') {
      const item = payload.item as never;
      const items = stored[list] as Array<{ id: string }>;
      const next = items.some((i) => i.id === payload.item?.id)
        ? items.map((i) => (i.id === payload.item?.id ? item : i))
        : [...items, item];
      stored = { ...stored, [list]: next };
      return { ok: true, value: item };
    }
    if ((list === 'strategies' || list === 'scenarios') && action === 'delete') {
      stored = { ...stored, [list]: (stored[list] as Array<{ id: string }>).filter((i) => i.id !== payload.id) };
      return { ok: true, value: { id: payload.id } };
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
  });
  return {
    stored: () => stored,
    /** The `changes` of every projects/update, in order. */
    updates,
    /** The cost-effectiveness inputs of the last projects/update. */
    lastCe: () => updates[updates.length - 1]?.costEffectiveness as CostEffectivenessInputs | undefined,
  };
}

function Harness() {
  const state = useProject(w2.id);
  if (!state.project) return <p>loading</p>;
  return <ScenariosScreen state={state} project={state.project} result={computeSroi(state.project)} chartWidth={720} />;
}

/** Show the stage of the stored project (again: a fresh mount reads everything from the project). */
async function mount() {
  render(<Harness />);
  await screen.findByRole('heading', { level: 1, name: 'Cost-effectiveness and scenarios' });
}

async function renderStage(project: Project = w2) {
  const backend = fakeBackend(project);
  await mount();
  return backend;
}

async function remount() {
  cleanup();
  await mount();
}

/** Type into a field found by its label and leave it (fields save when left). */
async function typeInto(label: string | RegExp, text: string, within_: HTMLElement = document.body) {
  const field = within(within_).getByLabelText(label);
  await act(async () => {
    fireEvent.change(field, { target: { value: text } });
    fireEvent.blur(field);
  });
}

const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

/** The CSV text saved by the "Download CSV" button of a table (without the byte-order mark). */
async function csvOf(title: string): Promise<string> {
  const before = saved.text.length;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: `Download CSV: ${title}` }));
  });
  await waitFor(() => expect(saved.text.length).toBe(before + 1));
  return saved.text[before][2].replace(/^\ufeff/, '');
}

beforeEach(() => {
  saved.text = [];
});

afterEach(async () => {
  cleanup();
  setTransport(null);
  await i18next.changeLanguage('en');
});

describe('indicators', () => {
  it('shows total cost, benefit-cost ratio, ROI and cost per outcome net of deadweight, each explained', async () => {
    await renderStage();
    expect(screen.getByTestId('ce-total-cost').textContent).toBe('106,250.00 EUR');
    expect(screen.getByTestId('ce-bcr').textContent).toBe('1.70 : 1');
    // ROI = ratio - 1 = 0.701057 -> 70.1 %.
    expect(screen.getByTestId('ce-roi').textContent).toBe('70.1 %');
    // Overdose deaths net of deadweight 3 x 0.8 = 2.4; 106,250 / 2.4 = 44,270.83.
    expect(screen.getByTestId('ce-per-outcome-overdose').textContent).toBe('44,270.83');
    // OAT retention 25 x 0.75 = 18.75; 106,250 / 18.75 = 5,666.67.
    expect(screen.getByTestId('ce-per-outcome-oat').textContent).toBe('5,666.67');
    fireEvent.click(
      screen.getByRole('button', { name: /How was this obtained\? Cost per outcome: Overdose deaths averted/ }),
    );
    const panel = screen.getByRole('region', { name: 'Cost per outcome: Overdose deaths averted' });
    expect(panel.textContent).toContain('cost per outcome = total cost / (Q x (1 - DW))');
    expect(panel.textContent).toContain('Deadweight DW');
    expect(screen.getByText(/No outputs counted yet/)).toBeTruthy();
  });

  it('saves unique clients, break-even and health effects with the project and shows them again', async () => {
    const backend = await renderStage();
    expect(screen.queryByText(/Kept on this screen only/)).toBeNull();
    await typeInto('Unique clients', '250');
    expect(backend.lastCe()).toEqual({ ...EMPTY_COST_EFFECTIVENESS, uniqueClients: '250' });
    // 106,250 / 250 = 425.
    await waitFor(() => expect(screen.getByTestId('ce-per-client').textContent).toBe('425.00 EUR'));

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Where the value of one outcome comes from'), {
        target: { value: 'overdose' },
      });
    });
    expect(backend.lastCe()?.breakEven).toEqual({
      outcomes: '',
      valueName: '',
      valueOfOneOutcome: null,
      source: '',
      outcomeId: 'overdose',
      annualBudget: null,
    });
    // Annual budget 106,250 (one year of inputs) / proxy 40,000 = 2.66 deaths averted a year.
    await waitFor(() =>
      expect(screen.getByTestId('ce-break-even').textContent).toBe('2.66 Overdose deaths averted a year'),
    );

    // An entry is saved only once its required fields are given; until then the note says what is missing.
    const count = backend.updates.length;
    await typeInto('Utility gain per person per year', '0.192');
    expect(backend.updates.length).toBe(count);
    expect(within(screen.getByTestId('ce-qalys-entries')).getByRole('status').textContent).toBe(
      'Not saved yet: enter Persons with the gain to save this entry.',
    );
    await typeInto('Persons with the gain', '25');
    expect(backend.lastCe()?.health.qalys).toEqual([
      { label: '', utilityGain: '0.192', persons: '25', years: 1, source: '' },
    ]);
    // 0.192 x 25 = 4.8 QALYs in year 1, discounted: 4.8 / 1.035 = 4.6377.
    await waitFor(() => expect(screen.getByTestId('ce-qalys').textContent).toBe('4.6377'));
    expect(within(screen.getByTestId('ce-qalys-entries')).queryByRole('status')).toBeNull();
    // 106,250 / (4.8 / 1.035) = 22,910.16 EUR per QALY.
    expect(screen.getByTestId('ce-per-qaly').textContent).toBe('22,910.16 EUR per QALY');
    await typeInto('Deaths averted', '2.4');
    await typeInto('Years of life lost per death', '30');
    expect(backend.lastCe()?.health.deaths).toEqual([{ label: '', deaths: '2.4', yearsOfLifeLost: '30', source: '' }]);
    // DALYs 2.4 x 30 = 72; 106,250 / 72 = 1,475.69.
    await waitFor(() => expect(screen.getByTestId('ce-dalys').textContent).toBe('72'));
    expect(screen.getByTestId('ce-per-daly').textContent).toBe('1,475.69 EUR per DALY averted');
    // A comparator that costs more than the programme: the programme is cost-saving, said in words. Typed with
    // the grouping of the user's locale.
    await typeInto('Cost of the comparator', '200,000');
    expect(backend.lastCe()?.health.comparatorCost).toBe('200000');
    await waitFor(() => expect(screen.getByTestId('ce-per-qaly').textContent).toBe('dominant (cost-saving)'));

    // Every change went out as the whole object, built on the one before.
    expect(backend.stored().costEffectiveness).toEqual({
      ...EMPTY_COST_EFFECTIVENESS,
      uniqueClients: '250',
      breakEven: {
        outcomes: '',
        valueName: '',
        valueOfOneOutcome: null,
        source: '',
        outcomeId: 'overdose',
        annualBudget: null,
      },
      health: {
        comparatorCost: '200000',
        qalys: [{ label: '', utilityGain: '0.192', persons: '25', years: 1, source: '' }],
        deaths: [{ label: '', deaths: '2.4', yearsOfLifeLost: '30', source: '' }],
        disability: [],
      },
    });

    // Mounted anew, the stage reads it all from the project.
    await remount();
    expect(valueOf('Unique clients')).toBe('250');
    expect(screen.getByTestId('ce-per-client').textContent).toBe('425.00 EUR');
    expect((screen.getByLabelText('Where the value of one outcome comes from') as HTMLSelectElement).value).toBe(
      'overdose',
    );
    expect(screen.getByTestId('ce-break-even').textContent).toBe('2.66 Overdose deaths averted a year');
    expect(valueOf('Utility gain per person per year')).toBe('0.192');
    expect(valueOf('Persons with the gain')).toBe('25');
    expect(valueOf('Deaths averted')).toBe('2.4');
    expect(valueOf('Cost of the comparator')).toBe('200000');
    expect(screen.getByTestId('ce-qalys').textContent).toBe('4.6377');
    expect(screen.getByTestId('ce-per-daly').textContent).toBe('dominant (cost-saving)');
  });

  it('keeps an own break-even value and annual budget, and forgets the break-even when emptied', async () => {
    const backend = await renderStage();
    await typeInto('Outcomes (plural)', 'HIV infections averted');
    await typeInto('Value of one outcome', '250000');
    await typeInto('Annual budget', '50000');
    expect(backend.lastCe()?.breakEven).toEqual({
      outcomes: 'HIV infections averted',
      valueName: '',
      valueOfOneOutcome: '250000',
      source: '',
      outcomeId: null,
      annualBudget: '50000',
    });
    // 50,000 / 250,000 = 0.2 infections a year.
    await waitFor(() =>
      expect(screen.getByTestId('ce-break-even').textContent).toBe('0.20 HIV infections averted a year'),
    );
    await remount();
    expect(valueOf('Annual budget')).toBe('50000');
    await typeInto('Annual budget', '');
    await typeInto('Value of one outcome', '');
    await typeInto('Outcomes (plural)', '');
    expect(backend.lastCe()?.breakEven).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('ce-break-even')).toBeNull());
  });

  it('adds a second QALY entry and removes the first; the figures count every entry', async () => {
    const backend = await renderStage({
      ...w2,
      costEffectiveness: {
        ...EMPTY_COST_EFFECTIVENESS,
        health: {
          ...EMPTY_COST_EFFECTIVENESS.health,
          qalys: [{ label: 'OAT', utilityGain: '0.192', persons: '25', years: 1, source: '' }],
        },
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add another QALY gain' }));
    });
    const qalys = screen.getByTestId('ce-qalys-entries');
    const gains = within(qalys).getAllByLabelText('Utility gain per person per year');
    expect(gains).toHaveLength(2);
    await act(async () => {
      fireEvent.change(gains[1], { target: { value: '0.1' } });
      fireEvent.blur(gains[1]);
    });
    const persons = within(qalys).getAllByLabelText('Persons with the gain');
    await act(async () => {
      fireEvent.change(persons[1], { target: { value: '10' } });
      fireEvent.blur(persons[1]);
    });
    expect(backend.lastCe()?.health.qalys).toEqual([
      { label: 'OAT', utilityGain: '0.192', persons: '25', years: 1, source: '' },
      { label: '', utilityGain: '0.1', persons: '10', years: 1, source: '' },
    ]);
    // (4.8 + 1) / 1.035 = 5.6039.
    await waitFor(() => expect(screen.getByTestId('ce-qalys').textContent).toBe('5.6039'));
    await act(async () => {
      fireEvent.click(within(qalys).getByRole('button', { name: 'Remove this entry QALYs gained, entry 1' }));
    });
    expect(backend.lastCe()?.health.qalys).toEqual([
      { label: '', utilityGain: '0.1', persons: '10', years: 1, source: '' },
    ]);
    // 1 / 1.035 = 0.9662.
    await waitFor(() => expect(screen.getByTestId('ce-qalys').textContent).toBe('0.9662'));
  });

  it('does not save an invalid value and says which field and how to fix it', async () => {
    const backend = await renderStage();
    await typeInto('Unique clients', '-5');
    expect(screen.getByText('Unique clients must be at least 0.')).toBeTruthy();
    await typeInto('Unique clients', '12.5');
    expect(screen.getByText('Unique clients must be a whole number.')).toBeTruthy();
    await typeInto('Utility gain per person per year', '2');
    expect(screen.getByText('Utility gain per person per year must be at most 1.')).toBeTruthy();
    await typeInto('Value of one outcome', '0');
    expect(screen.getByText('Value of one outcome must be above 0; leave it empty if it is not known.')).toBeTruthy();
    await typeInto('Cost of the comparator', 'lots');
    expect(screen.getByText(/^Cost of the comparator is not a number/)).toBeTruthy();
    await typeInto('Disability weight', '1.5');
    expect(screen.getByText('Disability weight must be at most 1.')).toBeTruthy();
    expect(backend.updates).toEqual([]);
    expect(backend.stored().costEffectiveness).toEqual(EMPTY_COST_EFFECTIVENESS);
    expect(screen.queryByTestId('ce-per-client')).toBeNull();
  });

  it('saves a field when Enter is pressed', async () => {
    const backend = await renderStage();
    const field = screen.getByLabelText('Unique clients');
    await act(async () => {
      field.focus();
      fireEvent.change(field, { target: { value: '1,250' } });
      fireEvent.keyDown(field, { key: 'Enter' });
    });
    expect(backend.lastCe()?.uniqueClients).toBe('1250');
    expect(document.activeElement).toBe(field);
    // 106,250 / 1,250 = 85.
    await waitFor(() => expect(screen.getByTestId('ce-per-client').textContent).toBe('85.00 EUR'));
  });

  it('downloads the cost per outcome as CSV with exact decimals', async () => {
    await renderStage();
    const csv = await csvOf('Cost per outcome, net of deadweight');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Outcome,Outcomes net of deadweight,Cost per outcome (EUR)');
    // 106,250 / 2.4, not rounded to the cent.
    expect(lines[1]).toMatch(/^Overdose deaths averted,2\.4,44270\.8333333/);
  });
});

describe('funder view', () => {
  it('splits costs by funder and states what each share bought, in proportion to the contribution', async () => {
    await renderStage();
    const municipality = screen.getByTestId('funder-Municipality');
    // 80,000 / 106,250 = 75.3 %; value 180,737.35 x 0.752941 = 136,084.59; 2.4 x 0.752941 = 1.81 deaths.
    expect(within(municipality).getByText('75.3 %')).toBeTruthy();
    expect(within(municipality).getByText('136,084.59')).toBeTruthy();
    expect(municipality.textContent).toContain('1.81 × Overdose deaths averted');
    expect(municipality.textContent).toContain('(a disbenefit)');
    expect(screen.getByTestId('funder-none').textContent).toContain('Peer volunteers (no funder named)');
    expect(screen.getByText(/Stated in proportion to contribution/)).toBeTruthy();
  });

  it('shows who pays and who benefits by sector; only a chosen sector is saved, and shown again', async () => {
    const backend = await renderStage();
    const table = screen.getByRole('table', { name: 'Who pays, who benefits' });
    const pwud = within(table).getByRole('row', { name: /People who use drugs/ });
    // Overdose 64,927.54 + OAT 112,043.10 = 176,970.63.
    expect(pwud.textContent).toContain('176,970.63');
    // A sector suggested from the name fills the gap, says so, and is not saved.
    const pwudSector = within(pwud).getByRole('combobox') as HTMLSelectElement;
    expect(pwudSector.value).toBe('');
    expect(pwudSector.selectedOptions[0].textContent).toBe('The people themselves and their families (suggested)');
    expect(backend.updates).toEqual([]);
    const sectors = () => screen.getByTestId('who-by-sector');
    expect(within(sectors()).getByRole('row', { name: /The wider community/ }).textContent).toContain('3,766.72');

    const row = within(table).getByRole('row', { name: /Municipality/ });
    expect(row.textContent).toContain('-80,000.00');
    await act(async () => {
      fireEvent.change(within(row).getByRole('combobox'), { target: { value: 'other' } });
    });
    expect(backend.lastCe()?.sectors).toEqual({ [`stakeholder:${municipality.id}`]: 'other' });
    await waitFor(() =>
      expect(
        within(sectors()).getByRole('row', { name: /Other \(funders, donors, businesses\)/ }).textContent,
      ).toContain('80,000.00'),
    );

    await remount();
    const again = within(screen.getByRole('table', { name: 'Who pays, who benefits' }));
    expect((again.getByRole('combobox', { name: 'Sector of Municipality' }) as HTMLSelectElement).value).toBe('other');
    // Back to "not chosen": the choice is forgotten.
    await act(async () => {
      fireEvent.change(again.getByRole('combobox', { name: 'Sector of Municipality' }), { target: { value: '' } });
    });
    expect(backend.lastCe()?.sectors).toEqual({});
  });

  it('downloads the funder view and who pays, who benefits as CSV', async () => {
    await renderStage();
    const funders = (await csvOf('Costs by funder and what each share bought')).split('\r\n');
    expect(funders[0]).toBe('Funder,Cost (EUR),Share of the cost,Value in proportion (EUR),What their share bought');
    // Exact decimals: 80,000 / 106,250 and 180,737.35... x that share, not rounded.
    expect(funders[1]).toMatch(
      /^Municipality,80000,0\.75294117647058823529411764\d*,136084\.59\d*,1\.81 × Overdose deaths averted; /,
    );
    expect(funders[1]).toContain('7.53 × Nuisance displaced to a nearby street (a disbenefit)');
    const who = (await csvOf('Who pays, who benefits')).split('\r\n');
    expect(who[0]).toBe('Party,Sector,Pays (EUR),Benefits (EUR),Benefits - pays (EUR)');
    expect(who).toContain('Municipality,Not assigned,80000,0,-80000');
    const bySector = (await csvOf('Who pays, who benefits, by sector')).split('\r\n');
    expect(bySector[0]).toBe('Sector,Parties,Pays (EUR),Benefits (EUR),Benefits - pays (EUR)');
    expect(bySector[bySector.length - 2]).toBe(
      'Not assigned,"Municipality, Local business, Peer volunteers",106250,0,-106250',
    );
  });
});

describe('strategies', () => {
  it('builds "No service" against "Current service" from the project and reads the ICER', async () => {
    const backend = await renderStage();
    expect(screen.getByText('Add at least two strategies to compare them.')).toBeTruthy();
    await typeInto('Unit of effect', 'deaths averted');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add "No service" (no cost, no effect)' }));
    });
    fireEvent.change(screen.getByLabelText('Effect: outcome net of deadweight'), { target: { value: 'overdose' } });
    expect(screen.getByText('Cost 106,250.00 EUR, effect 2.4.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add from this project' }));
    });
    await waitFor(() => expect(backend.stored().strategies).toHaveLength(2));
    expect(backend.stored().strategies[1]).toMatchObject({ name: 'Current service', cost: '106250', effect: '2.4' });
    // 106,250 / 2.4 = 44,270.83 EUR per death averted.
    await waitFor(() =>
      expect(screen.getByTestId('strategy-icer-Current service').textContent).toContain(
        'ICER 44,270.83 EUR per death averted',
      ),
    );
    expect(screen.getByTestId('strategy-row-No service').textContent).toContain('reference');

    // A costlier, less effective design is dominated, and the current service is said to be cost-saving.
    await typeInto('Name', 'Van only', screen.getByRole('form', { name: 'Add a strategy' }));
    await typeInto('Cost (EUR)', '110000', screen.getByRole('form', { name: 'Add a strategy' }));
    await typeInto('Effect (deaths averted)', '1', screen.getByRole('form', { name: 'Add a strategy' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add strategy' }));
    });
    await waitFor(() =>
      expect(screen.getByTestId('dominance-message').textContent).toBe(
        'Current service is dominant (cost-saving) over Van only: it costs 3,750.00 EUR less and achieves 1.4 deaths averted more.',
      ),
    );
    expect(screen.getByTestId('strategy-icer-Van only').textContent).toContain('Dominated');
    const plane = screen.getByRole('figure', { name: 'Cost-effectiveness plane' });
    expect(plane.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(plane.querySelector('.chart-summary')?.textContent).toBe(
      'The efficiency frontier runs No service → Current service; one strategy is off it: Van only (dominated).',
    );
  });

  it('reproduces W3: A dominated, C extendedly dominated, frontier UC -> B -> D -> E with ICERs', async () => {
    const w3: Array<[string, string, string]> = [
      ['UC', '5000', '1'],
      ['A', '12000', '1.5'],
      ['B', '10000', '2'],
      ['C', '25000', '3'],
      ['D', '35000', '4'],
      ['E', '55000', '5'],
    ];
    await renderStage({
      ...w2,
      effectUnit: 'QALYs',
      strategies: w3.map(([name, cost, effect]) => ({ id: name, name, cost, effect, notes: '', uncertainty: {} })),
    });
    const icer = (name: string) => screen.getByTestId(`strategy-icer-${name}`).textContent;
    expect(icer('B')).toContain('ICER 5,000.00 EUR per QALY');
    expect(icer('D')).toContain('ICER 12,500.00 EUR per QALY');
    expect(icer('E')).toContain('ICER 20,000.00 EUR per QALY');
    expect(screen.getByTestId('strategy-row-A').textContent).toContain('dominated');
    expect(screen.getByTestId('strategy-row-C').textContent).toContain('extendedly dominated');
    expect(screen.getByTestId('dominance-message').textContent).toBe(
      'B is dominant (cost-saving) over A: it costs 2,000.00 EUR less and achieves 0.5 QALYs more.',
    );
  });

  it('treats thresholds as data: a GBP threshold is not applied to a EUR project; an own one adds NMB', async () => {
    const backend = await renderStage({
      ...w2,
      effectUnit: 'QALYs',
      strategies: [
        { id: 'a', name: 'No service', cost: '0', effect: '0', notes: '', uncertainty: {} },
        { id: 'b', name: 'Current service', cost: '106250', effect: '4.6', notes: '', uncertainty: {} },
      ],
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Threshold'), { target: { value: 'nice-20000-gbp-qaly' } });
    });
    expect(backend.lastCe()).toEqual({ ...EMPTY_COST_EFFECTIVENESS, thresholdId: 'nice-20000-gbp-qaly' });
    const details = await screen.findByTestId('threshold-details');
    expect(details.textContent).toContain('NICE, lower end of the range: 20,000 GBP per QALY (2024-12)');
    expect(details.textContent).toContain('Bouvy, Dec 2024');
    expect(within(details).getByRole('alert').textContent).toContain('in GBP and the project in EUR');
    expect(screen.queryByRole('columnheader', { name: 'NMB (EUR)' })).toBeNull();

    fireEvent.click(screen.getByText('Enter your own threshold'));
    const form = screen.getByText('Enter your own threshold').closest('details')!;
    await typeInto('Currency', 'euro', form);
    await typeInto('Value per unit of effect', '30000', form);
    await typeInto('Source', 'Regional health plan 2025, p. 12', form);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add and apply' }));
    });
    // A bad currency is named and nothing is saved.
    expect(screen.getByText('Currency must be a three-letter code, such as EUR, GBP or USD.')).toBeTruthy();
    expect(backend.updates).toHaveLength(1);
    await typeInto('Currency', 'eur', form);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add and apply' }));
    });
    const own = backend.lastCe()?.thresholds[0];
    expect(own).toMatchObject({
      label: 'My threshold',
      value: '30000',
      unit: 'QALYs',
      currency: 'EUR',
      date: '',
      source: 'Regional health plan 2025, p. 12',
    });
    expect(own?.id).toMatch(/^own-/);
    expect(backend.lastCe()?.thresholdId).toBe(own?.id);
    expect(await screen.findByText('Applied: the net monetary benefit is shown below.')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'NMB (EUR)' })).toBeTruthy();
    // NMB = 30,000 x 4.6 - 106,250 = 31,750.
    expect(screen.getByTestId('highest-nmb').textContent).toBe(
      "At 30,000 EUR per QALY, the highest net monetary benefit is Current service's: 31,750.00 EUR.",
    );

    // Mounted anew: the own threshold is still there and still applied.
    await remount();
    expect((screen.getByLabelText('Threshold') as HTMLSelectElement).value).toBe(own?.id);
    expect(screen.getByTestId('highest-nmb').textContent).toContain('31,750.00 EUR');
    const comparison = (await csvOf('Comparison of strategies')).split('\r\n');
    expect(comparison[0]).toBe(
      'Strategy,Cost (EUR),Effect (QALYs),Status,Incremental cost against the strategy it is compared with,' +
        'Incremental effect against the strategy it is compared with,Compared with,ICER (EUR per QALY),' +
        'ICER or verdict,NMB (EUR)',
    );
    // ICER 106,250 / 4.6 = 23,097.8260869...
    expect(comparison[2]).toMatch(
      /^Current service,106250,4\.6,on the frontier,106250,4\.6,No service,23097\.826086956521739130434\d*,"ICER 23,097\.83 EUR per QALY",31750$/,
    );

    // Removing it forgets the choice too.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove My threshold' }));
    });
    expect(backend.lastCe()).toMatchObject({ thresholds: [], thresholdId: null });
    await waitFor(() => expect(screen.queryByTestId('highest-nmb')).toBeNull());
  });
});

describe('scenarios', () => {
  it('creates "Budget -20 %" as overrides on every input and compares it with the base case', async () => {
    const backend = await renderStage();
    expect(screen.getByText('No scenarios yet.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create scenario' }));
    });
    await waitFor(() => expect(backend.stored().scenarios).toHaveLength(1));
    expect(backend.stored().scenarios[0]).toMatchObject({
      name: 'Budget -20 %',
      overrides: [
        { target: 'input', id: 'grant', field: 'amount', value: '64000' },
        { target: 'input', id: 'van', field: 'amount', value: '9600' },
        { target: 'input', id: 'volunteers', field: 'amount', value: '11400' },
      ],
    });
    const id = backend.stored().scenarios[0].id;
    const cell = await screen.findByTestId(`cmp-cost-${id}`);
    expect(cell.textContent).toContain('85,000.00');
    expect(cell.textContent).toContain('-21,250.00 (-20.0 %)');
    expect(cell.className).toContain('ce-better');
    // 180,737.35 / 85,000 = 2.13 : 1, up from 1.70.
    expect(screen.getByTestId(`cmp-ratio-${id}`).textContent).toContain('2.13 : 1');
    // PV is the same: not highlighted.
    expect(screen.getByTestId(`cmp-pv-${id}`).className).not.toContain('ce-changed');
    // 85,000 / 2.4 = 35,416.67.
    expect(screen.getByTestId(`cmp-per-outcome-overdose-${id}`).textContent).toContain('35,416.67');
    expect(screen.getByRole('figure', { name: 'Scenarios: cost and present value' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Cost per outcome, by outcome' })).toBeTruthy();

    const side = (await csvOf('Scenarios side by side')).split('\r\n');
    expect(side[0]).toBe('Figure,Base case,Budget -20 %');
    expect(side[1]).toBe('Cost (EUR),106250,85000');
    expect(side).toContain(
      'Cost per outcome: Overdose deaths averted (EUR),44270.83333333333333333333333,35416.66666666666666666666667',
    );
    const changes = (await csvOf('Changes in Budget -20 %')).split('\r\n');
    expect(changes.slice(0, 2)).toEqual([
      'Item,Assumption,Base case,In this scenario',
      `${w2.inputs.find((i) => i.id === 'grant')!.description},Amount,80000,64000`,
    ]);
  });

  it('edits one override and adds another; the comparison follows', async () => {
    const backend = await renderStage({
      ...w2,
      scenarios: [
        {
          id: 'sc',
          name: 'Less deadweight',
          description: '',
          overrides: [{ target: 'outcome', id: 'overdose', field: 'deadweight', value: '0.2' }],
        },
      ],
    });
    await typeInto('Overdose deaths averted: Deadweight in this scenario', '10');
    await waitFor(() => expect(backend.stored().scenarios[0].overrides[0].value).toBe('0.1'));
    // 3 x 0.9 = 2.7 net; 106,250 / 2.7 = 39,351.85.
    await waitFor(() => expect(screen.getByTestId('cmp-per-outcome-overdose-sc').textContent).toContain('39,351.85'));
    fireEvent.change(screen.getByLabelText('Change another assumption'), {
      target: { value: 'input|grant|amount' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add change' }));
    });
    await waitFor(() => expect(backend.stored().scenarios[0].overrides).toHaveLength(2));
    expect(backend.stored().scenarios[0].overrides[1]).toEqual({
      target: 'input',
      id: 'grant',
      field: 'amount',
      value: '80000',
    });
  });
});
