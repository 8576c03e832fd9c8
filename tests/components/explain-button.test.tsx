// @vitest-environment jsdom
// "How was this obtained?" in the interface's language: the engine writes English and a message beside it; the
// button shows the message in Portuguese when the interface is in Portuguese (label, formula, input names,
// units, words among the values, the reason a figure is not available, numbers inside a sentence), keeps
// symbols and the project's own names as they are, and falls back to the engine's English when a message's key
// is unknown. The guard-rail warnings on the Outcomes screen are translated the same way.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExplainButton } from '../../renderer/src/components/ExplainButton';
import i18next, { setLanguage } from '../../renderer/src/i18n';
import { EngineMessage } from '../../renderer/src/i18n/engine-text';
import { compareStrategies, computeSroi, type Explanation } from '../../shared/engine';
import { parseProjectFile, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

const w2 = loadW2();
const result = computeSroi(w2);

function open(explanation: Explanation, currency = 'EUR'): HTMLElement {
  render(<ExplainButton explanation={explanation} currency={currency} />);
  fireEvent.click(screen.getByRole('button'));
  return screen.getByRole('region');
}

beforeEach(async () => {
  // Numbers follow the interface language once it is picked (renderer/src/hooks/useLocale.ts).
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
  await act(() => setLanguage('pt'));
});

afterEach(async () => {
  cleanup();
  await act(() => setLanguage('en'));
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the explanation of a figure in Portuguese', () => {
  it('translates the label, also in the hidden name a screen reader reads with the button', () => {
    render(<ExplainButton explanation={result.outcomes[0].impact.explain} currency="EUR" />);
    const button = screen.getByRole('button');
    expect(button.textContent).toBe('Como foi obtido? Impacto: Overdose deaths averted');
    expect(button.querySelector('.visually-hidden')?.textContent).toBe(' Impacto: Overdose deaths averted');
  });

  it('translates the formula, the input names, units and words, and keeps symbols and currency codes', () => {
    const panel = open(result.outcomes[1].presentValue.explain);
    expect(panel.getAttribute('aria-label')).toBe('Valor atual: Retained in opioid agonist treatment');
    expect(panel.querySelector('code')?.textContent).toBe('VA = soma em t de V(t) / (1 + r)^t');
    const text = panel.textContent ?? '';
    for (const words of ['Declínio DO', 'Duração D', '3 anos', 'Começa', 'após a atividade', 'Taxa de desconto r']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('V(1)');
    expect(text).toMatch(/Impacto[\d.,]+ EUR/);
    expect(text).not.toMatch(/Drop-off|Duration|after the activity|years/);
  });

  it('chooses the plural form of a unit by the number: 1 ano, 3 anos', () => {
    const one = result.outcomes[0].presentValue.explain;
    expect(one.inputs.find((i) => i.name === 'Duration D')?.unit).toBe('year');
    expect(open(one).textContent).toContain('Duração D1 ano');
  });

  it('translates the reason a figure is not available', () => {
    const noInputs = computeSroi({ ...w2, inputs: [] });
    const panel = open(noInputs.ratio.explain);
    expect(panel.querySelector('em')?.textContent).toBe(
      'n.d.: o investimento é zero, por isso o rácio não está definido',
    );
    expect(panel.querySelector('strong')?.textContent).toBe('Rácio SROI');
  });

  it('shows numbers inside a sentence in the locale: the W3 strategy that is extendedly dominated', () => {
    const w3 = compareStrategies(
      [
        { id: 'UC', name: 'UC', cost: '5000', effect: '1' },
        { id: 'B', name: 'B', cost: '10000', effect: '2' },
        { id: 'C', name: 'C', cost: '25000', effect: '3' },
        { id: 'D', name: 'D', cost: '35000', effect: '4' },
      ],
      { currency: 'USD', effectUnit: 'QALYs' },
    );
    if (!w3.ok) throw new Error(w3.explanation);
    const c = w3.value.strategies.find((s) => s.id === 'C');
    if (!c) throw new Error('no C');
    const panel = open(c.explain, 'USD');
    expect(panel.querySelector('strong')?.textContent).toBe(
      'C é dominada por extensão por uma combinação de B e D: o RCEI B -> C (15.000 USD por QALY) é superior ao RCEI ' +
        'C -> D (10.000 USD por QALY); 50 % de B e 50 % de D alcançariam o mesmo efeito por 22.500 USD em vez de 25.000 USD',
    );
  });

  it('falls back to the English of the engine when a message key is unknown', () => {
    const explanation: Explanation = {
      ...result.presentValue.explain,
      label: 'Total present value',
      labelText: { key: 'engine.nothing.here' },
    };
    render(<ExplainButton explanation={explanation} currency="EUR" />);
    expect(screen.getByRole('button').textContent).toBe('Como foi obtido? Total present value');
  });

  it('is in English again when the interface is', async () => {
    await act(() => setLanguage('en'));
    render(<ExplainButton explanation={result.outcomes[0].impact.explain} currency="EUR" />);
    expect(screen.getByRole('button').textContent).toBe('How was this obtained? Impact: Overdose deaths averted');
  });
});

describe('an engine warning in Portuguese', () => {
  it('is translated, with the outcome named as the project names it', () => {
    const [warning] = result.warnings;
    render(<EngineMessage text={warning.text} english={warning.message} />);
    expect(document.body.textContent).toBe(
      '«Retained in opioid agonist treatment» representa 62 % de todo o valor: o resultado depende dele, ' +
        'por isso a sua evidência e o seu proxy exigem o máximo cuidado',
    );
    expect(i18next.language).toBe('pt');
  });
});
