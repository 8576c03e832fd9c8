// @vitest-environment jsdom
// Stories of one outcome: consent is never assumed (unticked by default, and a story without it is marked
// "not used in reports"), a story is anonymised by default and then who said it is hidden, with a note.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../renderer/src/i18n';
import type { ProjectState } from '../../renderer/src/hooks/useProject';
import { StoriesPanel } from '../../renderer/src/stories/StoriesPanel';
import type { Project, Story } from '../../shared/model';
import { EMPTY_COST_EFFECTIVENESS } from '../../shared/model';

afterEach(cleanup);

const OUTCOME = 'retained';

function projectWith(stories: Story[]): Project {
  return {
    id: 'p1',
    name: 'Harm reduction, Rome 2012',
    organisation: 'Foundation',
    programme: '',
    analysisType: 'evaluative',
    period: { start: '2012-01-01', end: '2012-12-31' },
    priceYear: 2012,
    currency: 'EUR',
    settings: { discountRate: '0.035', yearOneConvention: 'guide' },
    stakeholders: [],
    inputs: [],
    outputs: [],
    outcomes: [],
    evidence: [],
    stories,
    strategies: [],
    effectUnit: '',
    scenarios: [],
    costEffectiveness: EMPTY_COST_EFFECTIVENESS,
    lastSimulation: null,
  };
}

function fakeState(): ProjectState {
  const ok = async () => ({ ok: true as const });
  return {
    project: null,
    loadError: null,
    reload: vi.fn(async () => undefined),
    saveItem: vi.fn(ok),
    patchItem: vi.fn(ok),
    deleteItem: vi.fn(ok),
    updateScope: vi.fn(ok),
    saveSimulation: vi.fn(ok),
    canUndo: false,
    canRedo: false,
    undo: vi.fn(ok),
    redo: vi.fn(ok),
  };
}

const story = (changes: Partial<Story>): Story => ({
  id: 's1',
  outcomeId: OUTCOME,
  kind: 'quote',
  text: 'The outreach van was the first place nobody judged me.',
  consent: true,
  anonymised: true,
  attributedTo: 'Marco, 41',
  date: '2012-06-14',
  ...changes,
});

describe('StoriesPanel', () => {
  it('adds a story with consent unticked and anonymised ticked unless the user changes them', async () => {
    const state = fakeState();
    render(<StoriesPanel state={state} project={projectWith([])} outcomeId={OUTCOME} />);
    expect(screen.getByText(/No stories yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a story' }));

    const consent = screen.getByRole('checkbox', {
      name: 'The person agreed to this story being used in reports',
    }) as HTMLInputElement;
    const anonymised = screen.getByRole('checkbox', {
      name: 'Anonymised: do not show who said it',
    }) as HTMLInputElement;
    expect(consent.checked).toBe(false);
    expect(anonymised.checked).toBe(true);
    // Anonymised: the attribution is hidden, with a note saying so.
    expect(screen.queryByLabelText('Attributed to (optional)')).toBeNull();
    expect(screen.getByText(/who told this story is not shown, here or in reports/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add story' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write the quote or the narrative.');
    expect(state.saveItem).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('The quote'), { target: { value: '  I got my life back.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add story' }));
    await waitFor(() => expect(state.saveItem).toHaveBeenCalledTimes(1));
    expect(state.saveItem).toHaveBeenCalledWith('stories', {
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      outcomeId: OUTCOME,
      kind: 'quote',
      text: 'I got my life back.',
      consent: false,
      anonymised: true,
      attributedTo: '',
      date: null,
    });
  });

  it('shows the attribution field when the story is not anonymised, and saves a case narrative', async () => {
    const state = fakeState();
    render(<StoriesPanel state={state} project={projectWith([])} outcomeId={OUTCOME} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a story' }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'case' } });
    fireEvent.change(screen.getByLabelText('The narrative'), { target: { value: 'After two overdoses, A. ...' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Anonymised: do not show who said it' }));
    fireEvent.change(screen.getByLabelText('Attributed to (optional)'), { target: { value: 'Anna, peer worker' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'The person agreed to this story being used in reports' }));
    fireEvent.change(screen.getByLabelText('Date (optional)'), { target: { value: '2012-11-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add story' }));
    await waitFor(() => expect(state.saveItem).toHaveBeenCalledTimes(1));
    expect(vi.mocked(state.saveItem).mock.calls[0][1]).toMatchObject({
      kind: 'case',
      consent: true,
      anonymised: false,
      attributedTo: 'Anna, peer worker',
      date: '2012-11-02',
    });
  });

  it('marks a story without consent and hides who said an anonymised one', () => {
    render(
      <StoriesPanel
        state={fakeState()}
        project={projectWith([
          story({ id: 's1', consent: false, anonymised: true }),
          story({ id: 's2', consent: true, anonymised: false, text: 'Named with agreement.' }),
          story({ id: 's3', outcomeId: 'another-outcome', text: 'Not this outcome.' }),
        ])}
        outcomeId={OUTCOME}
      />,
    );
    const [first, second] = screen.getAllByRole('article');
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(within(first).getByText('Not used in reports: no consent')).toBeTruthy();
    expect(within(first).queryByText(/Marco/)).toBeNull();
    expect(within(first).getByText('Anonymised: who said it is hidden.')).toBeTruthy();
    expect(within(second).queryByText('Not used in reports: no consent')).toBeNull();
    expect(within(second).getByText('Consent given')).toBeTruthy();
    expect(within(second).getByText('— Marco, 41')).toBeTruthy();
    expect(screen.queryByText(/Not this outcome/)).toBeNull();
  });

  it('edits and deletes a story', async () => {
    const state = fakeState();
    render(<StoriesPanel state={state} project={projectWith([story({ consent: false })])} outcomeId={OUTCOME} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit story' }));
    const consent = screen.getByRole('checkbox', {
      name: 'The person agreed to this story being used in reports',
    }) as HTMLInputElement;
    expect(consent.checked).toBe(false);
    fireEvent.click(consent);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(state.saveItem).toHaveBeenCalledTimes(1));
    expect(state.saveItem).toHaveBeenCalledWith('stories', story({ consent: true }));

    fireEvent.click(await screen.findByRole('button', { name: 'Delete story' }));
    await waitFor(() => expect(state.deleteItem).toHaveBeenCalledWith('stories', 's1'));
  });
});
