// @vitest-environment jsdom
// The Inputs and budget grid as finance staff use it: keyboard navigation, editing and saving cell by cell,
// numbers in the user's locale, blocks pasted from Excel (checked as a whole, nothing half-saved) and the
// engine's totals. The backend is a fake ProjectState that keeps the project in memory.
import '../../renderer/src/i18n';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useMemo, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../renderer/src/i18n';
import { InputsScreen } from '../../renderer/src/screens/InputsScreen';
import type { ProjectState, SaveOutcome } from '../../renderer/src/hooks/useProject';
import { computeSroi } from '../../shared/engine';
import type { AppError } from '../../shared/ipc/result';
import type { Input, Project } from '../../shared/model';
import { EMPTY_COST_EFFECTIVENESS } from '../../shared/model';

// Builders (tests/engine/fixtures.ts reads files through node:url, which jsdom's URL does not allow).
type Cash = Extract<Input, { kind: 'cash' }>;
type Volunteer = Extract<Input, { kind: 'volunteer' }>;
const lineBase = { stakeholderId: 'city', category: 'Staff', funder: '', year: 1, notes: '' };
const cashInput = (amount: string, o: Partial<Cash> & { id: string; description: string }): Cash => ({
  ...lineBase,
  kind: 'cash',
  amount,
  ...o,
});
const volunteerInput = (
  hours: string,
  hourlyRate: string,
  o: Partial<Volunteer> & { id: string; description: string },
): Volunteer => ({ ...lineBase, kind: 'volunteer', hours, hourlyRate, rateSource: 'Minimum wage', ...o });
const makeStakeholder = (o: { id: string; name: string }) => ({
  size: null,
  involvement: '',
  peopleConsulted: null,
  ...o,
});
function makeProject(o: Partial<Project>): Project {
  return {
    id: 'test-project',
    name: 'Street outreach',
    organisation: '',
    programme: '',
    analysisType: 'forecast',
    period: { start: '2025-01-01', end: '2025-12-31' },
    priceYear: 2025,
    currency: 'EUR',
    settings: { discountRate: '0.035', yearOneConvention: 'guide' },
    stakeholders: [],
    inputs: [],
    outputs: [],
    outcomes: [],
    evidence: [],
    stories: [],
    strategies: [],
    effectUnit: '',
    scenarios: [],
    costEffectiveness: EMPTY_COST_EFFECTIVENESS,
    lastSimulation: null,
    ...o,
  };
}

interface Backend {
  saves: Input[];
  deletes: string[];
  project: () => Project;
}

/** Render the screen over an in-memory project; `refuse` lets the fake backend turn a save down. */
function renderScreen(initial: Project, refuse?: (item: Input) => AppError | null): Backend {
  const backend: Backend = { saves: [], deletes: [], project: () => initial };
  function Host() {
    const [project, setProject] = useState(initial);
    backend.project = () => project;
    const result = useMemo(() => computeSroi(project), [project]);
    const saveItem = async (_list: string, item: Input): Promise<SaveOutcome> => {
      const refusal = refuse?.(item);
      if (refusal) return { ok: false, error: refusal };
      backend.saves.push(item);
      setProject((p) => {
        const index = p.inputs.findIndex((i) => i.id === item.id);
        const inputs = index >= 0 ? p.inputs.map((i, n) => (n === index ? item : i)) : [...p.inputs, item];
        return { ...p, inputs };
      });
      return { ok: true };
    };
    const deleteItem = async (_list: string, id: string): Promise<SaveOutcome> => {
      backend.deletes.push(id);
      setProject((p) => ({ ...p, inputs: p.inputs.filter((i) => i.id !== id) }));
      return { ok: true };
    };
    const state: ProjectState = {
      project,
      loadError: null,
      reload: async () => undefined,
      saveItem: saveItem as unknown as ProjectState['saveItem'],
      patchItem: (async () => ({ ok: true })) as unknown as ProjectState['patchItem'],
      deleteItem,
      updateScope: async () => ({ ok: true }),
      saveSimulation: async () => ({ ok: true }),
      canUndo: false,
      canRedo: false,
      undo: async () => ({ ok: true }),
      redo: async () => ({ ok: true }),
    };
    return <InputsScreen state={state} project={project} result={result} />;
  }
  render(<Host />);
  return backend;
}

const stakeholders = [
  makeStakeholder({ id: 'city', name: 'Municipality' }),
  makeStakeholder({ id: 'parish', name: 'Parish of Santo André' }),
  makeStakeholder({ id: 'peers', name: 'Peer volunteers' }),
];

function project(inputs: Input[] = []): Project {
  return makeProject({ stakeholders, inputs });
}

const grant = cashInput('80000', {
  id: 'grant',
  stakeholderId: 'city',
  description: 'Municipal grant',
  category: 'Staff',
  funder: 'City council',
});

function cell(line: number, field: string): HTMLElement {
  const row = screen.getByRole('grid').querySelector(`tr[data-line="${line}"]`);
  const found = row?.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!found) throw new Error(`no cell ${field} on line ${line}`);
  return found;
}

const active = () => document.activeElement as HTMLElement;
const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(active(), { key, ...init });
function editor(): HTMLInputElement | HTMLSelectElement {
  const element = active();
  if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) {
    throw new Error(`not editing: focus is on ${element.outerHTML.slice(0, 80)}`);
  }
  return element;
}
/** Type into the cell that has focus, like a user: the first key starts editing, the rest is typed. */
function typeInCell(text: string) {
  press(text[0]);
  fireEvent.change(editor(), { target: { value: text } });
}
function paste(target: HTMLElement, text: string) {
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
}

// Saves go through a queue and the model schema is loaded on first use: allow for a busy machine.
configure({ asyncUtilTimeout: 4000 });

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

/** A computer set to Portugal's locale, the interface left in English: numbers are typed "80.000,50". */
const portugueseSystem = () => vi.spyOn(navigator, 'language', 'get').mockReturnValue('pt-PT');

describe('Inputs grid: structure for screen readers', () => {
  it('is an ARIA grid with column headers, row headers, row/column indexes and one tab stop', () => {
    renderScreen(project([grant]));
    const grid = screen.getByRole('grid', { name: 'Cost lines' });
    expect(grid.getAttribute('aria-rowcount')).toBe('3'); // header, one line, the empty new line
    expect(grid.getAttribute('aria-colcount')).toBe('11');
    expect(grid.getAttribute('aria-describedby')).toBeTruthy();
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.slice(0, 10)).toEqual([
      'Description',
      'Contributed by',
      'Kind',
      'Category',
      'Funder',
      'Year',
      'Amount (EUR)',
      'Hours',
      'Hourly rate (EUR)',
      'Notes',
    ]);
    expect(within(grid).getByRole('rowheader', { name: 'Municipal grant' })).toBeTruthy();
    const rows = within(grid).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['1', '2', '3']);
    expect(cell(1, 'amount').getAttribute('aria-colindex')).toBe('7');
    const tabStops = grid.querySelectorAll('[tabindex="0"]');
    expect(tabStops).toHaveLength(1);
    expect(cell(1, 'description').getAttribute('tabindex')).toBe('0');
    expect(within(grid).getByRole('button', { name: 'Delete line 1, Municipal grant' })).toBeTruthy();
  });

  it('marks computed and unused cells read-only and shows volunteer time as hours x rate', () => {
    renderScreen(
      project([
        grant,
        volunteerInput('1500', '9.5', { id: 'vol', stakeholderId: 'peers', description: 'Peer volunteers' }),
      ]),
    );
    expect(cell(1, 'hours').getAttribute('aria-readonly')).toBe('true');
    expect(cell(2, 'amount').getAttribute('aria-readonly')).toBe('true');
    expect(cell(2, 'amount').textContent).toBe('14,250.00 (hours × hourly rate)');
    expect(cell(2, 'hours').textContent).toBe('1,500');
    expect(cell(2, 'hourlyRate').textContent).toBe('9.50');
    expect(cell(2, 'kind').textContent).toBe('Volunteer time');
  });
  it('asks for a stakeholder group first when there is none', () => {
    renderScreen(makeProject({}));
    expect(screen.getByText('Add a stakeholder group first: every input comes from someone.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to Stakeholders' }).getAttribute('href')).toBe(
      '#/projects/test-project/stakeholders',
    );
    expect(screen.getByRole('button', { name: 'Add a line' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('1');
  });
});

describe('Inputs grid: keyboard', () => {
  it('moves between cells with the arrow keys, Tab, Home, End and Ctrl+Home', () => {
    renderScreen(project([grant, cashInput('500', { id: 'fees', stakeholderId: 'city', description: 'Fees' })]));
    act(() => cell(1, 'description').focus());
    press('ArrowRight');
    expect(active()).toBe(cell(1, 'stakeholder'));
    expect(active().getAttribute('tabindex')).toBe('0');
    expect(cell(1, 'description').getAttribute('tabindex')).toBe('-1');
    press('ArrowDown');
    expect(active()).toBe(cell(2, 'stakeholder'));
    press('Tab');
    expect(active()).toBe(cell(2, 'kind'));
    press('Tab', { shiftKey: true });
    expect(active()).toBe(cell(2, 'stakeholder'));
    press('End');
    expect(active()).toEqual(screen.getByRole('button', { name: 'Delete line 2, Fees' }));
    press('Home');
    expect(active()).toBe(cell(2, 'description'));
    press('ArrowDown');
    expect(active()).toBe(cell(3, 'description')); // the empty new line
    press('ArrowDown');
    expect(active()).toBe(cell(3, 'description')); // stays at the last line
    press('Home', { ctrlKey: true });
    expect(active()).toBe(cell(1, 'description'));
    press('ArrowUp');
    expect(active()).toBe(cell(1, 'description'));
  });

  it('starts editing on typing, saves on Enter and moves down', async () => {
    const backend = renderScreen(project([grant]));
    act(() => cell(1, 'funder').focus());
    typeInCell('European Social Fund');
    expect(editor().getAttribute('aria-label')).toBe('Funder, line 1');
    press('Enter');
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0]).toMatchObject({ id: 'grant', funder: 'European Social Fund', amount: '80000' });
    expect(active()).toBe(cell(2, 'funder'));
    await waitFor(() => expect(cell(1, 'funder').textContent).toBe('European Social Fund'));
  });

  it('Enter starts editing with the current value; Tab saves and moves right; Escape cancels', async () => {
    const backend = renderScreen(project([grant]));
    act(() => cell(1, 'category').focus());
    press('Enter');
    expect(editor().value).toBe('Staff');
    fireEvent.change(editor(), { target: { value: 'Outreach staff' } });
    press('Tab');
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0].category).toBe('Outreach staff');
    expect(active()).toBe(cell(1, 'funder'));

    typeInCell('Nobody');
    press('Escape');
    expect(active()).toBe(cell(1, 'funder'));
    expect(cell(1, 'funder').textContent).toBe('City council');
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.saves).toHaveLength(1);
  });

  it('chooses the kind and the stakeholder from lists, switching a line to volunteer time', async () => {
    const backend = renderScreen(project([grant]));
    act(() => cell(1, 'kind').focus());
    press('v'); // the first kind starting with "v"
    expect(editor().tagName).toBe('SELECT');
    expect(editor().value).toBe('volunteer');
    press('Enter');
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0]).toMatchObject({ kind: 'volunteer', hours: '0', hourlyRate: '0' });

    act(() => cell(1, 'stakeholder').focus());
    press(' '); // Space opens the list, as Enter does
    expect(editor().value).toBe('city');
    fireEvent.change(editor(), { target: { value: 'peers' } });
    press('Enter');
    await waitFor(() => expect(backend.saves).toHaveLength(2));
    expect(backend.saves[1].stakeholderId).toBe('peers');
  });

  it('Delete clears a cell; a required cell cleared is refused with its reason, not saved', async () => {
    const backend = renderScreen(project([{ ...grant, notes: 'Signed in March' }]));
    act(() => cell(1, 'notes').focus());
    press('Delete');
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0].notes).toBe('');

    act(() => cell(1, 'description').focus());
    press('Delete');
    await waitFor(() => expect(cell(1, 'description').getAttribute('aria-invalid')).toBe('true'));
    expect(cell(1, 'description').textContent).toContain('Describe the line');
    expect(backend.saves).toHaveLength(1);
    press('Escape'); // gives up the change: the saved value is back
    expect(cell(1, 'description').getAttribute('aria-invalid')).toBeNull();
    expect(cell(1, 'description').textContent).toBe('Municipal grant');
  });

  it('refuses to type into a computed cell and says why', () => {
    renderScreen(project([volunteerInput('10', '9.5', { id: 'v', stakeholderId: 'peers', description: 'Peers' })]));
    act(() => cell(1, 'amount').focus());
    press('5');
    expect(active()).toBe(cell(1, 'amount'));
    expect(screen.getByText(/For volunteer time the amount is hours × hourly rate/)).toBeTruthy();
  });

  it('adds a line by typing in the empty last row, with sensible defaults', async () => {
    const backend = renderScreen(project([grant]));
    fireEvent.click(screen.getByRole('button', { name: 'Add a line' }));
    await waitFor(() => expect(editor().getAttribute('aria-label')).toBe('Description, line 2'));
    fireEvent.change(editor(), { target: { value: 'Donated van' } });
    press('Tab');
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0]).toMatchObject({
      description: 'Donated van',
      kind: 'cash',
      stakeholderId: 'city',
      category: 'General',
      year: 1,
      amount: '0',
    });
    await waitFor(() => expect(screen.getByRole('rowheader', { name: 'Donated van' })).toBeTruthy());
    expect(active()).toBe(cell(2, 'stakeholder'));
    // a fresh empty line is ready below
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('4');
  });

  it('deletes a line with its Delete button', async () => {
    const backend = renderScreen(project([grant]));
    fireEvent.click(screen.getByRole('button', { name: 'Delete line 1, Municipal grant' }));
    await waitFor(() => expect(backend.deletes).toEqual(['grant']));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Municipal grant' })).toBeNull());
  });

  it('shows what the backend refused in the cell, with its reason', async () => {
    renderScreen(project([grant]), () => ({ code: 'CONFLICT', message: 'The project was changed elsewhere.' }));
    act(() => cell(1, 'funder').focus());
    typeInCell('Someone');
    press('Enter');
    await waitFor(() => expect(cell(1, 'funder').getAttribute('aria-invalid')).toBe('true'));
    expect(cell(1, 'funder').textContent).toBe('SomeoneThe project was changed elsewhere.');
  });
});

describe('Inputs grid: numbers in the user locale', () => {
  it('reads "80.000,50" in Portuguese as 80000.5 and shows it back as 80.000,50', async () => {
    portugueseSystem();
    const backend = renderScreen(project([grant]));
    expect(cell(1, 'amount').textContent).toBe('80.000,00');
    act(() => cell(1, 'amount').focus());
    press('Enter');
    expect(editor().value).toBe('80000'); // edited without grouping
    fireEvent.change(editor(), { target: { value: '80.000,50' } });
    press('Enter');
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0]).toMatchObject({ amount: '80000.5' });
    await waitFor(() => expect(cell(1, 'amount').textContent).toBe('80.000,50'));
    expect(screen.getByTestId('investment-total').textContent).toBe('80.000,50 EUR');
  });

  it('refuses "1.5" typed in Portuguese (a misplaced group separator) and says how to type it', async () => {
    portugueseSystem();
    const backend = renderScreen(project([grant]));
    act(() => cell(1, 'amount').focus());
    typeInCell('1.5');
    press('Enter');
    await waitFor(() => expect(cell(1, 'amount').getAttribute('aria-invalid')).toBe('true'));
    expect(cell(1, 'amount').textContent).toBe('1.5Not a number. Use “,” for decimals, e.g. 1.234,50.');
    expect(backend.saves).toHaveLength(0);
    // Enter again edits what was typed, so it can be corrected
    act(() => cell(1, 'amount').focus());
    press('Enter');
    expect(editor().value).toBe('1.5');
    fireEvent.change(editor(), { target: { value: '1,5' } });
    press('Enter');
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0]).toMatchObject({ amount: '1.5' });
    expect(cell(1, 'amount').getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses a negative amount and a year that is not a year of activity', async () => {
    const backend = renderScreen(project([grant]));
    act(() => cell(1, 'amount').focus());
    typeInCell('-5');
    press('Enter');
    await waitFor(() => expect(cell(1, 'amount').textContent).toContain('Cannot be negative.'));
    act(() => cell(1, 'year').focus());
    typeInCell('2024');
    press('Enter');
    await waitFor(() => expect(cell(1, 'year').textContent).toContain('Not a year of activity'));
    expect(backend.saves).toHaveLength(0);
  });
});

describe('Inputs grid: paste from Excel', () => {
  const W2_PT = [
    'Municipal grant\tMunicipality\tCash\tStaff\tCâmara Municipal\t1\t80.000,00\t\t\tAnnual grant',
    'Donated van\tParish of Santo André\tIn kind\tTransport\t\t1\t12.000,00\t\t\tMarket value of a used van',
    'Peer volunteers\tpeer volunteers\tVolunteer time\tVolunteering\t\t1\t\t1.500\t9,50\tMinimum wage',
  ].join('\r\n');

  it('creates a line for each pasted row, in the user locale, and the totals follow', async () => {
    portugueseSystem();
    const backend = renderScreen(project());
    const start = cell(1, 'description'); // the empty new line
    act(() => start.focus());
    paste(start, `${W2_PT}\r\n`);
    await waitFor(() => expect(backend.saves).toHaveLength(3));
    expect(backend.saves.map((s) => s.description)).toEqual(['Municipal grant', 'Donated van', 'Peer volunteers']);
    expect(backend.saves[0]).toMatchObject({
      kind: 'cash',
      stakeholderId: 'city',
      amount: '80000',
      funder: 'Câmara Municipal',
    });
    expect(backend.saves[1]).toMatchObject({ kind: 'in-kind', stakeholderId: 'parish', amount: '12000' });
    expect(backend.saves[2]).toMatchObject({
      kind: 'volunteer',
      stakeholderId: 'peers',
      hours: '1500',
      hourlyRate: '9.5',
    });
    await waitFor(() => expect(screen.getByTestId('investment-total').textContent).toBe('106.250,00 EUR'));
    expect(cell(3, 'amount').textContent).toContain('14.250,00');
    expect(new Set(backend.saves.map((s) => s.id)).size).toBe(3);
  });

  it('saves nothing when one row has a bad number, and shows each problem with its line and column', async () => {
    portugueseSystem();
    const backend = renderScreen(project([grant]));
    const bad = W2_PT.replace('12.000,00', '12.000,0O').replace('peer volunteers', 'Peer helpers');
    const start = cell(1, 'description');
    act(() => start.focus());
    paste(start, bad);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Nothing was pasted: 2 problems to fix');
    const problems = within(alert).getAllByTestId('paste-problem');
    expect(problems.map((p) => [...p.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent))).toEqual([
      ['2 (new line)', 'Amount', '12.000,0O'],
      ['3 (new line)', 'Contributed by', 'Peer helpers'],
    ]);
    expect(problems[0].textContent).toContain('Not a number. Use “,” for decimals');
    expect(problems[1].textContent).toContain('No stakeholder group is called “Peer helpers”');
    await new Promise((r) => setTimeout(r, 20));
    expect(backend.saves).toHaveLength(0);
    expect(screen.getByTestId('investment-total').textContent).toBe('80.000,00 EUR');
  });

  it('marks a problem in an existing line in its cell', async () => {
    const backend = renderScreen(project([grant]));
    const start = cell(1, 'funder');
    act(() => start.focus());
    paste(start, 'EU\t1\tlots');
    await waitFor(() => expect(cell(1, 'amount').getAttribute('aria-invalid')).toBe('true'));
    expect(cell(1, 'amount').textContent).toContain('lots');
    expect(cell(1, 'amount').textContent).toContain('Not a number');
    expect(backend.saves).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Show the cell' }));
    await waitFor(() => expect(active()).toBe(cell(1, 'amount')));
  });

  it('pastes a column of amounts over existing lines and skips a copied header row', async () => {
    const backend = renderScreen(
      project([grant, cashInput('1', { id: 'fees', stakeholderId: 'city', description: 'Fees' })]),
    );
    const start = cell(1, 'description');
    act(() => start.focus());
    paste(start, 'Description\tContributed by\nMunicipal grant (2025)\tMunicipality\nFees\tParish of Santo André\n');
    await waitFor(() => expect(backend.saves).toHaveLength(2));
    expect(backend.saves[0]).toMatchObject({ id: 'grant', description: 'Municipal grant (2025)' });
    expect(backend.saves[1]).toMatchObject({ id: 'fees', stakeholderId: 'parish' });
  });

  it('takes back what it saved when the backend refuses a line, and says so', async () => {
    const backend = renderScreen(project([grant]), (item) =>
      item.description === 'Donated van' ? { code: 'VALIDATION', message: 'The store is read-only.' } : null,
    );
    const start = cell(2, 'description');
    act(() => start.focus());
    paste(
      start,
      'Office rent\tMunicipality\tCash\tPremises\t\t1\t500\nDonated van\tMunicipality\tIn kind\tTransport\t\t1\t12000',
    );
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Line 3 was not accepted: The store is read-only.'));
    expect(alert.textContent).toContain('Nothing from this paste was kept.');
    expect(backend.saves.map((s) => s.description)).toEqual(['Office rent']);
    expect(backend.deletes).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Office rent' })).toBeNull());
  });

  it('copies a cell as text a spreadsheet understands', () => {
    renderScreen(project([grant]));
    act(() => cell(1, 'stakeholder').focus());
    let copied = '';
    fireEvent.copy(cell(1, 'stakeholder'), {
      clipboardData: { setData: (_type: string, value: string) => (copied = value) },
    });
    expect(copied).toBe('Municipality');
  });
});

describe('Inputs grid: totals', () => {
  it('shows the investment and the engine split by category, funder, year, stakeholder and kind', () => {
    renderScreen(
      project([
        grant,
        cashInput('20000', { id: 'g2', stakeholderId: 'city', description: 'Top-up', category: 'Staff', funder: '' }),
        volunteerInput('1500', '9.5', {
          id: 'v',
          stakeholderId: 'peers',
          description: 'Peer volunteers',
          category: 'Volunteering',
          funder: '',
        }),
      ]),
    );
    expect(screen.getByTestId('investment-total').textContent).toBe('114,250.00 EUR');
    const table = (name: string) => screen.getByRole('table', { name });
    const rows = (name: string) =>
      within(table(name))
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows('By category')).toEqual([
      ['Staff', '100,000.00'],
      ['Volunteering', '14,250.00'],
    ]);
    expect(rows('By funder')).toEqual([
      ['City council', '80,000.00'],
      ['No funder named', '34,250.00'],
    ]);
    expect(rows('By year')).toEqual([['Year 1', '114,250.00']]);
    expect(rows('By stakeholder')).toEqual([
      ['Municipality', '100,000.00'],
      ['Peer volunteers', '14,250.00'],
    ]);
    expect(rows('By kind')).toEqual([
      ['Cash', '100,000.00'],
      ['Volunteer time', '14,250.00'],
    ]);
  });

  it('shows present values when some inputs fall in later years', () => {
    renderScreen(
      project([grant, cashInput('10350', { id: 'y2', stakeholderId: 'city', description: 'Year two', year: 2 })]),
    );
    // 80,000 + 10,350 / 1.035 = 90,000
    expect(screen.getByTestId('investment-total').textContent).toBe('90,000.00 EUR');
    expect(screen.getByText(/Investment \(present value\)/)).toBeTruthy();
    expect(screen.getByText(/add up to 90,350.00 EUR/)).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'By year' }))
        .getAllByRole('row')
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual([
      ['Year', 'Amount (EUR)', 'Present value (EUR)'],
      ['Year 1', '80,000.00', '80,000.00'],
      ['Year 2', '10,350.00', '10,000.00'],
    ]);
  });
});
