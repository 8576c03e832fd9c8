// @vitest-environment jsdom
// The distribution editor of the Sensitivity screen: first values offered from the entered figure, what was
// typed checked by the model's own Distribution schema (zod) with the reason next to the parameter, ranges that
// cannot fit the assumption refused, adjustments typed in percent and stored as fractions, and a valid
// distribution saved on the outcome through patchItem (the screen's autosave path); a strategy's cost and
// effect distributions saved on the strategy the same way (they used to live only in the session).
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18next from '../../renderer/src/i18n';
import type { ProjectState, SaveOutcome } from '../../renderer/src/hooks/useProject';
import { SensitivityScreen } from '../../renderer/src/screens/SensitivityScreen';
import { DistributionEditor } from '../../renderer/src/sensitivity/DistributionEditor';
import {
  buildDistribution,
  defaultParams,
  type DistributionTarget,
} from '../../renderer/src/sensitivity/distribution-form';
import { computeSroi } from '../../shared/engine';
import { Distribution, parseProjectFile, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

const t = i18next.t.bind(i18next);

const proxy: DistributionTarget = {
  key: 'oat:proxy',
  group: 'Retained in opioid agonist treatment',
  field: 'Proxy',
  kind: 'proxy',
  base: '6000',
  currency: 'EUR',
  current: undefined,
};
const deadweight: DistributionTarget = {
  key: 'oat:deadweight',
  group: 'Retained in opioid agonist treatment',
  field: 'Deadweight',
  kind: 'fraction',
  base: '0.25',
  current: undefined,
};
const quantity: DistributionTarget = {
  key: 'oat:quantity',
  group: 'Retained in opioid agonist treatment',
  field: 'Quantity',
  kind: 'quantity',
  base: '25',
  current: undefined,
};

afterEach(() => {
  cleanup();
});

describe('buildDistribution (the editor without React)', () => {
  it('offers first values from the entered figure, in percent for adjustments', () => {
    expect(defaultParams('gamma', proxy, 'en')).toEqual({ mean: '6000', se: '1200' });
    expect(defaultParams('pert', proxy, 'en')).toEqual({ min: '4800', mode: '6000', max: '7200' });
    expect(defaultParams('beta', deadweight, 'en')).toEqual({ mean: '25', se: '5' });
    expect(defaultParams('uniform', deadweight, 'en')).toEqual({ min: '15', max: '35' });
    expect(defaultParams('triangular', quantity, 'en')).toEqual({ min: '20', mode: '25', max: '30' });
    // Every first value is itself a valid distribution.
    for (const type of ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'gamma', 'beta'] as const) {
      const built = buildDistribution(type, defaultParams(type, deadweight, 'en'), deadweight, 'en', t);
      expect(built.ok).toBe(true);
    }
  });

  it('stores adjustments as fractions and proxies as typed, each accepted by the model schema', () => {
    const beta = buildDistribution('beta', { mean: '30', se: '5' }, deadweight, 'en', t);
    expect(beta).toEqual({ ok: true, value: { type: 'beta', mean: '0.3', se: '0.05' } });
    const gamma = buildDistribution('gamma', { mean: '6,000', se: '1,500.5' }, proxy, 'en', t);
    expect(gamma).toEqual({ ok: true, value: { type: 'gamma', mean: '6000', se: '1500.5' } });
    if (gamma.ok) expect(Distribution.safeParse(gamma.value).success).toBe(true);
    // Typed the Portuguese way: "1.500,5" is 1500.5.
    expect(buildDistribution('gamma', { mean: '6.000', se: '1.500,5' }, proxy, 'pt-PT', t)).toEqual(gamma);
  });

  it("gives the schema's reason next to the parameter", () => {
    expect(buildDistribution('gamma', { mean: '6000', se: '-5' }, proxy, 'en', t)).toEqual({
      ok: false,
      errors: { se: 'Standard error must be above 0' },
    });
    expect(buildDistribution('normal', { mean: 'abc', sd: '1' }, proxy, 'en', t)).toMatchObject({
      ok: false,
      errors: { mean: expect.stringMatching(/^Mean is not a number/) },
    });
    expect(buildDistribution('triangular', { min: '10', mode: '5', max: '30' }, quantity, 'en', t)).toEqual({
      ok: false,
      errors: { mode: 'The most likely value must lie between the minimum and the maximum.' },
    });
    expect(buildDistribution('uniform', { min: '30', max: '10' }, quantity, 'en', t)).toEqual({
      ok: false,
      errors: { max: 'The minimum must not be above the maximum.' },
    });
    expect(buildDistribution('beta', { mean: '30', se: '50' }, deadweight, 'en', t)).toMatchObject({
      ok: false,
      errors: { se: expect.stringContaining('The SE is too large for a beta with this mean') },
    });
    expect(buildDistribution('beta', { mean: '100', se: '5' }, deadweight, 'en', t)).toMatchObject({
      ok: false,
      errors: { mean: 'The mean of a beta must be below 100 %.' },
    });
  });

  it('refuses ranges that cannot fit the assumption', () => {
    expect(buildDistribution('uniform', { min: '-10', max: '30' }, deadweight, 'en', t)).toEqual({
      ok: false,
      errors: { min: 'Minimum must be between 0 % and 100 %.' },
    });
    expect(buildDistribution('pert', { min: '20', mode: '90', max: '120' }, deadweight, 'en', t)).toEqual({
      ok: false,
      errors: { max: 'Maximum must be between 0 % and 100 %.' },
    });
    expect(buildDistribution('uniform', { min: '-1', max: '30' }, quantity, 'en', t)).toEqual({
      ok: false,
      errors: { min: 'The minimum cannot be below 0 (a quantity is never negative).' },
    });
    expect(buildDistribution('beta', { mean: '0.5', se: '0.1' }, proxy, 'en', t)).toMatchObject({
      ok: false,
      errors: { form: expect.stringContaining('A beta draws values between 0 and 1') },
    });
  });
});

describe('DistributionEditor', () => {
  function renderEditor(
    onSave = vi.fn((_target: DistributionTarget, _distribution: Distribution): string | null => null),
  ) {
    render(
      <DistributionEditor
        id="test"
        title="Distributions for Monte Carlo"
        targets={[proxy, deadweight, quantity]}
        onSave={onSave}
        onRemove={() => null}
      />,
    );
    const form = screen.getByRole('form', { name: 'Set a distribution: Distributions for Monte Carlo' });
    return { form, onSave };
  }

  it('shows the reason next to the parameter and saves nothing until the distribution is valid', async () => {
    const { form, onSave } = renderEditor();
    fireEvent.change(within(form).getByLabelText('Assumption'), { target: { value: 'oat:proxy' } });
    expect(within(form).getByText('Entered value: 6,000.00 EUR')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Distribution'), { target: { value: 'gamma' } });
    expect((within(form).getByLabelText('Mean') as HTMLInputElement).value).toBe('6000');
    expect((within(form).getByLabelText('Standard error') as HTMLInputElement).value).toBe('1200');

    fireEvent.change(within(form).getByLabelText('Standard error'), { target: { value: '-5' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save distribution' })));
    const se = within(form).getByLabelText('Standard error');
    expect(se.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(se.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Standard error must be above 0',
    );
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(se, { target: { value: '1500' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save distribution' })));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]).toEqual([proxy, { type: 'gamma', mean: '6000', se: '1500' }]);
    expect(within(form).getByRole('status').textContent).toBe(
      'Saved the distribution of Proxy: Retained in opioid agonist treatment.',
    );
  });

  it('takes adjustments in percent and refuses a uniform below 0 %', async () => {
    const { form, onSave } = renderEditor();
    fireEvent.change(within(form).getByLabelText('Assumption'), { target: { value: 'oat:deadweight' } });
    fireEvent.change(within(form).getByLabelText('Distribution'), { target: { value: 'uniform' } });
    fireEvent.change(within(form).getByLabelText('Minimum'), { target: { value: '-5' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save distribution' })));
    expect(
      within(form)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual(['Minimum must be between 0 % and 100 %.']);
    fireEvent.change(within(form).getByLabelText('Minimum'), { target: { value: '10' } });
    fireEvent.change(within(form).getByLabelText('Maximum'), { target: { value: '40' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save distribution' })));
    expect(onSave.mock.calls[0][1]).toEqual({ type: 'uniform', min: '0.1', max: '0.4' });
  });

  it('shows a refusal from the backend next to the form', async () => {
    const { form } = renderEditor(vi.fn(() => 'The project is read-only.'));
    fireEvent.change(within(form).getByLabelText('Assumption'), { target: { value: 'oat:quantity' } });
    fireEvent.change(within(form).getByLabelText('Distribution'), { target: { value: 'pert' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save distribution' })));
    expect(within(form).getByRole('alert').textContent).toBe('The project is read-only.');
  });
});

describe('SensitivityScreen saves distributions on the outcome', () => {
  it("patches the outcome's uncertainty and lists the distribution with its mean and SD", async () => {
    let project = loadW2();
    const patches: Array<{ list: string; id: string }> = [];
    const patchItem = vi.fn(
      async (list: string, id: string, change: (item: never) => unknown): Promise<SaveOutcome> => {
        patches.push({ list, id });
        const outcome = project.outcomes.find((o) => o.id === id);
        const changed = change(outcome as never) as Project['outcomes'][number];
        project = { ...project, outcomes: project.outcomes.map((o) => (o.id === id ? changed : o)) };
        return { ok: true };
      },
    );
    const state = { patchItem } as unknown as ProjectState;
    const view = render(<SensitivityScreen state={state} project={project} result={computeSroi(project)} />);
    const form = screen.getByRole('form', { name: 'Set a distribution: Distributions for Monte Carlo' });
    fireEvent.change(within(form).getByLabelText('Assumption'), { target: { value: 'oat:proxy' } });
    fireEvent.change(within(form).getByLabelText('Distribution'), { target: { value: 'lognormal' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save distribution' })));
    expect(patches).toEqual([{ list: 'outcomes', id: 'oat' }]);
    expect(project.outcomes.find((o) => o.id === 'oat')?.uncertainty).toEqual({
      proxy: { type: 'lognormal', mean: '6000', se: '1200' },
    });

    view.rerender(<SensitivityScreen state={state} project={project} result={computeSroi(project)} />);
    const list = screen.getByRole('table', { name: 'Distributions: Distributions for Monte Carlo' });
    const row = within(list).getByRole('row', { name: /Proxy: Retained in opioid agonist treatment/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 4),
    ).toEqual(['Lognormal: mean 6,000.00 EUR, SE 1,200.00 EUR', '6,000.00 EUR', '6,000.00 EUR', '1,200.00 EUR']);

    await act(async () =>
      fireEvent.click(
        within(row).getByRole('button', {
          name: 'Remove the distribution of Proxy: Retained in opioid agonist treatment',
        }),
      ),
    );
    await waitFor(() => expect(project.outcomes.find((o) => o.id === 'oat')?.uncertainty).toEqual({}));
  });
});

describe('SensitivityScreen saves strategy distributions on the strategy', () => {
  it("patches the strategy's uncertainty through the project state, and shows it from the model", async () => {
    const strategy = (id: string, name: string, cost: string, effect: string) => ({
      id,
      name,
      cost,
      effect,
      notes: '',
      uncertainty: {},
    });
    let project: Project = {
      ...loadW2(),
      effectUnit: 'deaths averted',
      strategies: [strategy('none', 'No outreach', '0', '0'), strategy('outreach', 'Street outreach', '106250', '2.1')],
    };
    const patches: Array<{ list: string; id: string }> = [];
    const patchItem = vi.fn(
      async (list: string, id: string, change: (item: never) => unknown): Promise<SaveOutcome> => {
        patches.push({ list, id });
        const current = project.strategies.find((s) => s.id === id);
        const changed = change(current as never) as Project['strategies'][number];
        project = { ...project, strategies: project.strategies.map((s) => (s.id === id ? changed : s)) };
        return { ok: true };
      },
    );
    const state = { patchItem } as unknown as ProjectState;
    const view = render(<SensitivityScreen state={state} project={project} result={computeSroi(project)} />);
    const form = screen.getByRole('form', { name: 'Set a distribution: Distributions of the strategies' });
    fireEvent.change(within(form).getByLabelText('Assumption'), { target: { value: 'outreach:cost' } });
    fireEvent.change(within(form).getByLabelText('Distribution'), { target: { value: 'gamma' } });
    fireEvent.change(within(form).getByLabelText('Standard error'), { target: { value: '10000' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save distribution' })));
    expect(patches).toEqual([{ list: 'strategies', id: 'outreach' }]);
    expect(project.strategies[1].uncertainty).toEqual({ cost: { type: 'gamma', mean: '106250', se: '10000' } });
    // Nothing else of the strategy changed.
    expect({ ...project.strategies[1], uncertainty: {} }).toEqual(
      strategy('outreach', 'Street outreach', '106250', '2.1'),
    );

    // What is listed comes from the model (a fresh screen shows it), not from the session.
    view.unmount();
    render(<SensitivityScreen state={state} project={project} result={computeSroi(project)} />);
    const list = screen.getByRole('table', { name: 'Distributions: Distributions of the strategies' });
    expect(within(list).getByRole('row', { name: /Cost: Street outreach/ }).textContent).toContain(
      'Gamma: mean 106,250.00 EUR, SE 10,000.00 EUR',
    );

    // A refusal from the backend is shown next to the form, and nothing is saved.
    patchItem.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Not saved',
        fields: [{ path: 'uncertainty.effect.sd', where: 'Street outreach', message: 'sd must be above 0' }],
      },
    });
    const again = screen.getByRole('form', { name: 'Set a distribution: Distributions of the strategies' });
    fireEvent.change(within(again).getByLabelText('Assumption'), { target: { value: 'outreach:effect' } });
    fireEvent.change(within(again).getByLabelText('Distribution'), { target: { value: 'normal' } });
    await act(async () => fireEvent.click(within(again).getByRole('button', { name: 'Save distribution' })));
    expect(within(again).getByRole('alert').textContent).toBe('sd must be above 0');
  });
});
