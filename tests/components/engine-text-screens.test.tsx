// @vitest-environment jsdom
// The engine's sentences on the screens that showed its English: with the interface in Portuguese, the
// comparison of strategies (why it is refused, its steps, each strategy's explanation), the cost-effectiveness
// indicators' reasons, the tornado's labels (chart, figures table and CSV) and the method dialog's formulas are
// Portuguese. A label wrapped onto two lines of a chart still reads with its space ("discarded syringes", not
// "discardedsyringes").
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '../../renderer/src/api/client';
import type * as FilesModule from '../../renderer/src/api/files';
import { WrappedText } from '../../renderer/src/charts/primitives';
import { useProject } from '../../renderer/src/hooks/useProject';
import { setLanguage } from '../../renderer/src/i18n';
import { MethodDialog } from '../../renderer/src/screens/MethodDialog';
import { ScenariosScreen } from '../../renderer/src/screens/ScenariosScreen';
import { OneWayPanel } from '../../renderer/src/sensitivity/OneWayPanel';
import { computeSroi } from '../../shared/engine';
import { parseProjectFile, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

const w2 = loadW2();

const downloads = vi.hoisted(() => ({ text: [] as Array<[string, string]> }));
vi.mock('../../renderer/src/api/files', async (original) => ({
  ...(await original<typeof FilesModule>()),
  saveTextFile: async (name: string, _kind: string, content: string) => {
    downloads.text.push([name, content]);
    return true;
  },
}));

/** W3 of METHOD.md: A dominated, C extendedly dominated, the frontier UC -> B -> D -> E. */
const W3: Array<[string, string, string]> = [
  ['UC', '5000', '1'],
  ['A', '12000', '1.5'],
  ['B', '10000', '2'],
  ['C', '25000', '3'],
  ['D', '35000', '4'],
  ['E', '55000', '5'],
];
const withStrategies = (rows: Array<[string, string, string]>): Project => ({
  ...w2,
  effectUnit: 'QALYs',
  strategies: rows.map(([name, cost, effect]) => ({ id: name, name, cost, effect, notes: '', uncertainty: {} })),
});

function Harness() {
  const state = useProject(w2.id);
  if (!state.project) return <p>loading</p>;
  return <ScenariosScreen state={state} project={state.project} result={computeSroi(state.project)} chartWidth={720} />;
}

/** The cost-effectiveness stage of `project`, read through a backend that only answers projects/get. */
async function renderStage(project: Project) {
  setTransport(async (channel) =>
    channel === 'projects/get'
      ? { ok: true, value: structuredClone(project) }
      : { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } },
  );
  render(<Harness />);
  await screen.findByRole('heading', { level: 1, name: 'Custo-efetividade e cenários' });
}

beforeEach(async () => {
  // Numbers follow the interface language once it is picked (renderer/src/hooks/useLocale.ts).
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
  // Picked by the user (remembered), so numbers follow the language too: "5000,00", not "5,000.00".
  await act(() => setLanguage('pt'));
});

afterEach(async () => {
  cleanup();
  setTransport(null);
  downloads.text.length = 0;
  await act(() => setLanguage('en', false));
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the comparison of strategies in Portuguese', () => {
  it('says the steps and each strategy’s explanation in Portuguese, and its verdicts', async () => {
    await renderStage(withStrategies(W3));
    expect(screen.getByTestId('strategy-icer-A').textContent).toContain('Dominada');
    expect(screen.getByTestId('strategy-icer-B').textContent).toMatch(/^RCEI 5\.000,00 EUR por QALYface a UC/);
    const steps = screen.getByText('Como foi feita a comparação').closest('details') as HTMLElement;
    const lines = within(steps)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines[0]).toMatch(/^Ordenadas por custo \(empates por efeito\): /);
    expect(lines.some((l) => l.startsWith('Fronteira de eficiência: UC -> B'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/\b(Sorted by cost|Efficiency frontier|Strategy)\b/);
    // One explanation per strategy, after the steps: in Portuguese too.
    const labels = Array.from(steps.querySelectorAll('ul > li'), (li) => li.textContent ?? '');
    expect(labels).toHaveLength(6);
    // Numbers inside the sentences in the reader's locale.
    expect(labels[1]).toBe(
      'B está na fronteira de eficiência: face a UC, custa mais 5.000 EUR e alcança mais 1 QALYs; RCEI 5.000 EUR por QALY',
    );
    expect(labels[0]).toBe(
      'UC é a referência: a estratégia menos dispendiosa que não é dominada; a estratégia seguinte na fronteira é comparada com ela',
    );
  });

  it('says why the strategies cannot be compared in Portuguese', async () => {
    await renderStage(withStrategies([...W3.slice(0, 2), ['Broken', 'abc', '1']]));
    const refusal = screen.getByRole('alert');
    expect(refusal.textContent).toMatch(/^As estratégias não podem ser comparadas: /);
    expect(refusal.textContent).not.toMatch(/cannot be compared|must be/);
  });

  it('gives the reason an indicator is not available in Portuguese', async () => {
    await renderStage({ ...w2, inputs: [] });
    expect(screen.getByTestId('ce-bcr').textContent).toBe(
      'n.d.: o VA dos custos é zero, por isso o rácio não está definido',
    );
  });
});

describe('the tornado in Portuguese', () => {
  it('labels the bars, the figures and the CSV in Portuguese', async () => {
    render(<OneWayPanel project={w2} />);
    const figure = screen.getByRole('figure', { name: /^Tornado/ });
    const table = figure.querySelector('.chart-data table') as HTMLTableElement;
    const labels = Array.from(table.tBodies[0].rows).map((row) => row.cells[0].textContent);
    expect(labels.slice(0, 4)).toEqual([
      'Resultado removido: Retained in opioid agonist treatment',
      'Resultado removido: Overdose deaths averted',
      'Quantidade: Retained in opioid agonist treatment',
      'Proxy: Retained in opioid agonist treatment',
    ]);
    expect(labels).toContain('Peso morto: Retained in opioid agonist treatment');
    expect(labels).toContain('Taxa de desconto');
    // The chart's own labels, as drawn (each line a <tspan>), read the same.
    const drawn = Array.from(figure.querySelectorAll('svg text'))
      .map((text) => Array.from(text.querySelectorAll('tspan'), (span) => span.textContent).join(''))
      .filter(Boolean);
    expect(drawn).toContain('Resultado removido: Overdose deaths averted');
    expect(drawn).toContain('Peso morto: Retained in opioid agonist treatment');

    await act(async () =>
      fireEvent.click(
        within(figure).getByRole('button', { name: /^Descarregar CSV: Tornado.*\(valores do gráfico\)$/ }),
      ),
    );
    const lines = downloads.text[0][1].replace(/^\ufeff/, '').split('\r\n');
    expect(lines[1]).toMatch(/^Resultado removido: Retained in opioid agonist treatment;/);
  });
});

describe('a label wrapped onto lines', () => {
  it('keeps the space between its lines in the text, drawn at size 0', () => {
    const { container } = render(
      <svg>
        <WrappedText x={100} y={0} text="Fewer discarded syringes near homes" width={120} anchor="end" />
      </svg>,
    );
    const spans = Array.from(container.querySelectorAll('text > tspan'));
    const lines = spans.filter((s) => s.getAttribute('x') !== null);
    expect(lines.length).toBeGreaterThan(1);
    expect(spans.map((s) => s.textContent).join('')).toBe('Fewer discarded syringes near homes');
    // The spaces are the only tspans without a position, and take no room.
    for (const gap of spans.filter((s) => s.getAttribute('x') === null)) {
      expect(gap.textContent).toBe(' ');
      expect(gap.getAttribute('font-size')).toBe('0');
    }
  });
});

describe('the method dialog in Portuguese', () => {
  it('writes the formulas with Portuguese words and symbols', () => {
    // jsdom has <dialog> without its modal methods.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
    render(<MethodDialog onClose={() => undefined} />);
    const formulas = Array.from(document.querySelectorAll('.formulas code'), (code) => code.textContent);
    expect(formulas).toHaveLength(6);
    expect(formulas[0]).toBe('impacto = Q × P × (1 − peso morto) × (1 − deslocamento) × (1 − atribuição)');
    expect(formulas[5]).toBe('rácio SROI = VA / Investimento; rácio SROI líquido = VAL / Investimento');
  });
});
