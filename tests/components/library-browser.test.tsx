// @vitest-environment jsdom
// The proxy library on an outcome card: suggestions first, search and filters, "Use for this outcome" with
// the price-year and currency step (a different currency needs a rate; both factors are kept), and the
// user's own entries kept in localStorage. Index values and rates typed here are test inputs.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../renderer/src/i18n';
import type { ProjectState } from '../../renderer/src/hooks/useProject';
import { OutcomeLibrary } from '../../renderer/src/library/OutcomeLibrary';
import {
  STORAGE_KEY,
  effectiveSeries,
  getUserLibrary,
  resetUserLibraryForTests,
  userLibrary,
} from '../../renderer/src/library/store';
import { SHIPPED_ENTRIES } from '../../shared/library';
import { parseProjectFile, type Outcome, type Project } from '../../shared/model';
import { TEMPLATES } from '../../shared/templates';

function nspProject(): Project {
  const parsed = parseProjectFile(TEMPLATES[0].file);
  if (!parsed.ok) throw new Error('template invalid');
  return parsed.value.project;
}

function fakeState(outcome: Outcome): ProjectState & { applied: () => Outcome } {
  let latest = outcome;
  const ok = async () => ({ ok: true as const });
  return {
    project: null,
    loadError: null,
    reload: vi.fn(async () => undefined),
    saveItem: vi.fn(ok),
    patchItem: vi.fn(async (_list, _id, change) => {
      latest = change(latest as never) as Outcome;
      return { ok: true as const };
    }),
    deleteItem: vi.fn(ok),
    updateScope: vi.fn(ok),
    saveSimulation: vi.fn(ok),
    canUndo: false,
    canRedo: false,
    undo: vi.fn(ok),
    redo: vi.fn(ok),
    applied: () => latest,
  };
}

beforeEach(() => {
  localStorage.clear();
  resetUserLibraryForTests();
});
afterEach(cleanup);

function open(project: Project, outcome: Outcome, state = fakeState(outcome)) {
  render(<OutcomeLibrary state={state} project={project} outcome={outcome} />);
  fireEvent.click(screen.getByRole('button', { name: `Choose a proxy from the library for ${outcome.name}` }));
  return { state, dialog: screen.getByRole('dialog') };
}

describe('proxy library on an outcome', () => {
  it('shows the suggested entries first, with grade, source and link', () => {
    const project = nspProject();
    const { dialog } = open(project, project.outcomes[0]);
    const suggested = within(dialog).getByRole('region', { name: 'Suggested for this outcome' });
    const cards = within(suggested).getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      SHIPPED_ENTRIES.find((e) => e.id === 'hiv_averted_net_saving_us')!.description,
      SHIPPED_ENTRIES.find((e) => e.id === 'hiv_lifetime_cost_uk')!.description,
      SHIPPED_ENTRIES.find((e) => e.id === 'hiv_lifetime_cost_us')!.description,
    ]);
    expect(within(cards[0]).getByText('A: primary source')).toBeTruthy();
    expect(within(cards[0]).getByRole('link', { name: 'Open the source' }).getAttribute('href')).toBe(
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC4359630',
    );
  });

  it('searches and filters by outcome, country, currency, grade and type', () => {
    const project = nspProject();
    const { dialog } = open(project, project.outcomes[0]);
    const count = () => within(dialog).getByText(/\d+ entr(y|ies)$/).textContent;
    const proxies = SHIPPED_ENTRIES.filter((e) => e.kind === 'proxy').length;
    expect(count()).toBe(`${proxies} entries`);
    fireEvent.change(within(dialog).getByLabelText('Search'), { target: { value: 'prison' } });
    expect(count()).toBe('1 entry');
    fireEvent.change(within(dialog).getByLabelText('Search'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('Evidence grade'), { target: { value: 'B' } });
    expect(count()).toBe('3 entries');
    fireEvent.change(within(dialog).getByLabelText('Evidence grade'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('Currency'), { target: { value: 'EUR' } });
    expect(count()).toBe('2 entries');
    fireEvent.change(within(dialog).getByLabelText('Currency'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('Country'), { target: { value: 'England' } });
    expect(count()).toBe('4 entries');
    fireEvent.change(within(dialog).getByLabelText('Country'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('Outcome'), { target: { value: 'Overdose death averted' } });
    expect(count()).toBe('3 entries');
    fireEvent.change(within(dialog).getByLabelText('Type'), { target: { value: 'all' } });
    expect(count()).toBe('4 entries'); // + kits per death averted, a conversion factor
    expect(within(dialog).getByText(/use it to estimate the quantity, not as a value/)).toBeTruthy();
  });

  it('uses an entry in another currency and year: a rate is required, both factors are kept', async () => {
    const project = nspProject();
    const { state, dialog } = open(project, project.outcomes[0]);
    fireEvent.click(
      within(dialog).getAllByRole('button', {
        name: new RegExp(`^Use for this outcome: Medical cost saved per HIV infection averted`),
      })[0],
    );
    expect(within(dialog).getByRole('heading', { name: 'Use this value for “HIV infections averted”' })).toBeTruthy();
    expect(within(dialog).getByText(/From 229,800 USD at 2012 prices to EUR at 2025 prices/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Use this proxy' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/Rate \(EUR per USD\)/);
    expect(state.patchItem).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText('Series'), { target: { value: 'Test index' } });
    fireEvent.change(within(dialog).getByLabelText('Index in 2012'), { target: { value: '100' } });
    fireEvent.change(within(dialog).getByLabelText('Index in 2025'), { target: { value: '110' } });
    fireEvent.change(within(dialog).getByLabelText('Source of the index values'), { target: { value: 'Test data' } });
    fireEvent.change(within(dialog).getByLabelText('Rate (EUR per USD)'), { target: { value: '0.9' } });
    fireEvent.change(within(dialog).getByLabelText('Date of the rate'), { target: { value: '2025-06-30' } });
    fireEvent.change(within(dialog).getByLabelText('Source of the rate'), { target: { value: 'Test rate' } });
    expect(within(dialog).getByTestId('adjust-preview').textContent).toMatch(
      /229,800 USD × 1\.1 \(price index\) × 0\.9 \(exchange rate\) = 227,502\.00 EUR/,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use this proxy' }));
    await waitFor(() => expect(state.patchItem).toHaveBeenCalledTimes(1));
    expect(state.applied().proxy).toEqual({
      description: SHIPPED_ENTRIES.find((e) => e.id === 'hiv_averted_net_saving_us')!.description,
      value: '229800',
      currency: 'USD',
      priceYear: 2012,
      source: SHIPPED_ENTRIES.find((e) => e.id === 'hiv_averted_net_saving_us')!.source,
      sourceUrl: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4359630',
      libraryId: 'hiv_averted_net_saving_us',
      priceIndex: { series: 'Test index', indexAtPriceYear: '100', indexAtModelYear: '110', source: 'Test data' },
      exchangeRate: { rate: '0.9', date: '2025-06-30', source: 'Test rate' },
    });
    // The typed figures were kept in the user's price data for the next proxy.
    const lib = getUserLibrary();
    expect(lib.exchangeRates).toMatchObject([{ from: 'USD', to: 'EUR', rate: '0.9', source: 'Test rate' }]);
    expect(lib.priceIndexSeries).toMatchObject([
      { name: 'Test index', currency: 'USD', points: [{ year: 2012 }, { year: 2025 }] },
    ]);
    // Typed over the shipped US CPI-U (offered first for USD): its published 2012 value is left as published.
    const cpi = effectiveSeries(lib).find((s) => s.id === 'cpi-u-us-bls');
    expect(cpi?.points.find((p) => p.year === 2012)?.value).toBe('229.594');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).exchangeRates).toHaveLength(1);
  });

  it('uses an entry in the model currency without a rate, and warns that no index leaves old prices', async () => {
    const project = nspProject();
    const outcome = { ...project.outcomes[0], id: 'custom' };
    const { state, dialog } = open(project, outcome);
    fireEvent.change(within(dialog).getByLabelText('Currency'), { target: { value: 'EUR' } });
    fireEvent.click(
      within(dialog).getAllByRole('button', { name: /^Use for this outcome: Value of a statistical life, EU-27/ })[0],
    );
    expect(within(dialog).queryByLabelText(/^Rate/)).toBeNull();
    expect(within(dialog).getByText(/No price index: the value stays in 2011 prices/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use this proxy' }));
    await waitFor(() => expect(state.patchItem).toHaveBeenCalledTimes(1));
    expect(state.applied().proxy).toMatchObject({
      value: '3387000',
      currency: 'EUR',
      priceYear: 2011,
      libraryId: 'vsl_eu27_heat',
      priceIndex: null,
      exchangeRate: null,
    });
  });

  it('adds, edits and deletes the user’s own entries, which the browser then lists', async () => {
    const project = nspProject();
    const { dialog } = open(project, project.outcomes[3]);
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Your entries' }));
    expect(within(dialog).getByText(/never shipped with SROI Studio/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add an entry' }));
    const form = within(dialog).getByRole('form', { name: 'New entry' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add entry' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/Value/);
    const fill = (name: string, value: string) =>
      fireEvent.change(within(form).getByRole('textbox', { name }), { target: { value } });
    fill('What the value is', 'Municipal cost of collecting a discarded syringe');
    fill('Outcome', 'Fewer discarded syringes');
    fill('Unit', 'per syringe');
    fill('Value', '2.5');
    fill('Country', 'IT');
    fill('Source', 'Municipal cleaning contract 2024, clause 4');
    fireEvent.click(within(form).getByRole('button', { name: 'Add entry' }));
    await within(dialog).findByRole('heading', { name: 'Municipal cost of collecting a discarded syringe' });
    expect(getUserLibrary().entries).toMatchObject([
      { value: '2.5', currency: 'EUR', priceYear: 2025, grade: 'own', origin: 'user' },
    ]);

    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Edit Municipal cost of collecting a discarded syringe' }),
    );
    const edit = within(dialog).getByRole('form', { name: 'Edit entry' });
    fireEvent.change(within(edit).getByRole('textbox', { name: 'Value' }), { target: { value: '3' } });
    fireEvent.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(getUserLibrary().entries[0].value).toBe('3'));

    fireEvent.click(within(dialog).getByRole('tab', { name: 'Browse the library' }));
    fireEvent.change(within(dialog).getByLabelText('Evidence grade'), { target: { value: 'own' } });
    expect(within(dialog).getByText('1 entry')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('tab', { name: 'Your entries' }));
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Delete Municipal cost of collecting a discarded syringe' }),
    );
    expect(getUserLibrary().entries).toEqual([]);
  });

  it('shows the price data as editable data with no shipped figures', () => {
    const project = nspProject();
    const { dialog } = open(project, project.outcomes[0]);
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Price indices and exchange rates' }));
    expect(within(dialog).getByText(/No other index values and no exchange rates are shipped/)).toBeTruthy();
    const hicp = within(dialog).getByRole('article', { name: 'HICP, euro area, annual average' });
    fireEvent.change(within(hicp).getByLabelText('Year'), { target: { value: '2024' } });
    fireEvent.change(within(hicp).getByLabelText('Index value'), { target: { value: '125.5' } });
    fireEvent.click(within(hicp).getByRole('button', { name: 'Add value' }));
    expect(getUserLibrary().priceIndexSeries).toMatchObject([
      { id: 'hicp-euro-area', origin: 'shipped', points: [{ year: 2024, value: '125.5' }] },
    ]);
  });
});

describe('library file', () => {
  it('exports the user’s entries and price data and imports them back, refusing a bad file whole', () => {
    const own = {
      ...SHIPPED_ENTRIES.find((e) => e.id === 'vpf_uk')!,
      id: 'user-x',
      grade: 'own' as const,
      origin: 'user' as const,
    };
    userLibrary.saveEntry(own);
    const file = userLibrary.exportFile(new Date('2025-01-01T00:00:00Z'));
    expect(file).toMatchObject({ format: 'sroi-studio-proxy-library', version: 1, entries: [own] });

    localStorage.clear();
    resetUserLibraryForTests();
    expect(getUserLibrary().entries).toEqual([]);
    const bad = userLibrary.importFile({ ...file, entries: [{ ...own, grade: 'R' }] });
    expect(bad.ok).toBe(false);
    expect(getUserLibrary().entries).toEqual([]);
    expect(userLibrary.importFile(JSON.parse(JSON.stringify(file)))).toEqual({
      ok: true,
      entries: 1,
      series: 0,
      rates: 0,
    });
    expect(getUserLibrary().entries).toEqual([own]);
    // An imported copy of a shipped entry never replaces the shipped one.
    userLibrary.importFile({ ...file, entries: [{ ...own, id: 'vpf_uk' }] });
    expect(getUserLibrary().entries.map((e) => e.id)).toEqual(['user-x', 'user-vpf_uk']);
  });
});
