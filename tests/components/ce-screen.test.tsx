// @vitest-environment jsdom
// The stage "Cost-effectiveness and scenarios" with the W2 worked example of METHOD.md, on the real project
// state (useProject) over a fake backend: indicators with their explanations, the funder view, who pays and
// who benefits, strategies with ICERs and dominance in words, thresholds as data, and scenarios side by side.
// Expected numbers are worked out by hand from METHOD.md in the comments.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../renderer/src/i18n';
import { setTransport } from '../../renderer/src/api/client';
import { useProject } from '../../renderer/src/hooks/useProject';
import { ScenariosScreen } from '../../renderer/src/screens/ScenariosScreen';
import { computeSroi } from '../../shared/engine';
import type { Project } from '../../shared/model';

const w2 = (
  JSON.parse(readFileSync(resolve(__dirname, '../../docs/examples/w2-street-outreach.sroi.json'), 'utf8')) as {
    project: Project;
  }
).project;

type ListName = 'strategies' | 'scenarios';

/** A fake backend that keeps one project and answers the channels this stage uses. */
function fakeBackend(start: Project) {
  let stored: Project = structuredClone(start);
  setTransport(async (channel, input) => {
    const payload = input as { projectId?: string; id?: string; item?: { id: string }; changes?: Partial<Project> };
    if (channel === 'projects/get') return { ok: true, value: structuredClone(stored) };
    if (channel === 'projects/update') {
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
  return { stored: () => stored };
}

function Harness() {
  const state = useProject(w2.id);
  if (!state.project) return <p>loading</p>;
  return <ScenariosScreen state={state} project={state.project} result={computeSroi(state.project)} chartWidth={720} />;
}

async function renderStage(project: Project = w2) {
  const backend = fakeBackend(project);
  render(<Harness />);
  await screen.findByRole('heading', { level: 1, name: 'Cost-effectiveness and scenarios' });
  return backend;
}

/** Type into a field found by its label and leave it (fields save when left). */
async function typeInto(label: string | RegExp, text: string, within_: HTMLElement = document.body) {
  const field = within(within_).getByLabelText(label);
  await act(async () => {
    fireEvent.change(field, { target: { value: text } });
    fireEvent.blur(field);
  });
}

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

  it('adds cost per client, break-even and cost per QALY and per DALY from inputs kept on screen, marked unsaved', async () => {
    await renderStage();
    expect(screen.getAllByText('Kept on this screen only.').length).toBeGreaterThan(0);
    await typeInto('Unique clients', '250');
    // 106,250 / 250 = 425.
    expect(screen.getByTestId('ce-per-client').textContent).toBe('425.00 EUR');

    fireEvent.change(screen.getByLabelText('Where the value of one outcome comes from'), {
      target: { value: 'overdose' },
    });
    // Annual budget 106,250 (one year of inputs) / proxy 40,000 = 2.66 deaths averted a year.
    await waitFor(() =>
      expect(screen.getByTestId('ce-break-even').textContent).toBe('2.66 Overdose deaths averted a year'),
    );

    await typeInto('Utility gain per person per year', '0.192');
    await typeInto('Persons with the gain', '25');
    // 0.192 x 25 = 4.8 QALYs in year 1, discounted: 4.8 / 1.035 = 4.6377.
    expect(screen.getByTestId('ce-qalys').textContent).toBe('4.6377');
    // 106,250 / (4.8 / 1.035) = 22,910.16 EUR per QALY.
    expect(screen.getByTestId('ce-per-qaly').textContent).toBe('22,910.16 EUR per QALY');
    await typeInto('Deaths averted', '2.4');
    await typeInto('Years of life lost per death', '30');
    // DALYs 2.4 x 30 = 72; 106,250 / 72 = 1,475.69.
    expect(screen.getByTestId('ce-dalys').textContent).toBe('72');
    expect(screen.getByTestId('ce-per-daly').textContent).toBe('1,475.69 EUR per DALY averted');
    // A comparator that costs more than the programme: the programme is cost-saving, said in words.
    await typeInto('Cost of the comparator', '200000');
    expect(screen.getByTestId('ce-per-qaly').textContent).toBe('dominant (cost-saving)');
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

  it('shows who pays and who benefits by party and by sector', async () => {
    await renderStage();
    const table = screen.getByRole('table', { name: 'Who pays, who benefits' });
    const pwud = within(table).getByRole('row', { name: /People who use drugs/ });
    // Overdose 64,927.54 + OAT 112,043.10 = 176,970.63.
    expect(pwud.textContent).toContain('176,970.63');
    expect((within(pwud).getByRole('combobox') as HTMLSelectElement).value).toBe('people-and-families');
    const municipality = within(table).getByRole('row', { name: /Municipality/ });
    expect(municipality.textContent).toContain('-80,000.00');
    fireEvent.change(within(municipality).getByRole('combobox'), { target: { value: 'other' } });
    const sectors = screen.getByTestId('who-by-sector');
    expect(within(sectors).getByRole('row', { name: /Other \(funders, donors, businesses\)/ }).textContent).toContain(
      '80,000.00',
    );
    expect(within(sectors).getByRole('row', { name: /The wider community/ }).textContent).toContain('3,766.72');
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
    await renderStage({
      ...w2,
      effectUnit: 'QALYs',
      strategies: [
        { id: 'a', name: 'No service', cost: '0', effect: '0', notes: '', uncertainty: {} },
        { id: 'b', name: 'Current service', cost: '106250', effect: '4.6', notes: '', uncertainty: {} },
      ],
    });
    fireEvent.change(screen.getByLabelText('Threshold'), { target: { value: 'nice-20000-gbp-qaly' } });
    const details = screen.getByTestId('threshold-details');
    expect(details.textContent).toContain('NICE, lower end of the range: 20,000 GBP per QALY (2024-12)');
    expect(details.textContent).toContain('Bouvy, Dec 2024');
    expect(within(details).getByRole('alert').textContent).toContain('in GBP and the project in EUR');
    expect(screen.queryByRole('columnheader', { name: 'NMB (EUR)' })).toBeNull();

    fireEvent.click(screen.getByText('Enter your own threshold'));
    await typeInto('Value per unit of effect', '30000');
    await typeInto('Source', 'Regional health plan 2025, p. 12');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add and apply' }));
    });
    expect(screen.getByText('Applied: the net monetary benefit is shown below.')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'NMB (EUR)' })).toBeTruthy();
    // NMB = 30,000 x 4.6 - 106,250 = 31,750.
    expect(screen.getByTestId('highest-nmb').textContent).toBe(
      "At 30,000 EUR per QALY, the highest net monetary benefit is Current service's: 31,750.00 EUR.",
    );
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
