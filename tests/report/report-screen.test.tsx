// @vitest-environment jsdom
// The report screen in jsdom (no browser needed): the preview of every section with the ratio sentence, the
// @page rule with the page counters, stories only with consent and no anonymised name, the section and story
// choosers, and "Save as PDF" in the desktop app sending the project and the choices to the shell.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../renderer/src/i18n';
import { ReportScreen } from '../../renderer/src/screens/ReportScreen';
import { cssString, pageCounterContent } from '../../renderer/src/report/ReportView';
import { computeSroi } from '../../shared/engine';
import { ANONYMISED_NAME, ANONYMISED_TEXT, NAMED_TEXT, richW2, SECRET_NAME, SECRET_TEXT } from './fixtures';

// (jsdom's CSS parser does not know page-margin boxes, @page { @bottom-right { ... } }, which Chromium prints:
// it says "Could not parse CSS stylesheet" for every report drawn here. That is all it is.)
afterEach(() => {
  cleanup();
  delete window.sroi;
});

function renderScreen() {
  const project = richW2();
  render(<ReportScreen project={project} result={computeSroi(project)} />);
  return project;
}

const sections = () =>
  Array.from(screen.getByTestId('report-document').querySelectorAll('section.report-section > h2')).map((h) =>
    h.textContent?.replace(/\s+/g, ' ').trim(),
  );

describe('the report screen', () => {
  it('previews every section, with the ratio sentence and the stories rules', () => {
    renderScreen();
    expect(screen.getByTestId('report-headline').textContent).toBe(
      'Every 1 EUR invested creates 1.70 EUR of social value: an SROI ratio of 1.70 : 1.',
    );
    expect(sections()).toHaveLength(11);
    const text = screen.getByTestId('report-document').textContent ?? '';
    expect(text).toContain(ANONYMISED_TEXT);
    expect(text).toContain(NAMED_TEXT);
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain(SECRET_NAME);
    expect(text).not.toContain(ANONYMISED_NAME);
  });

  it('writes the paper and the running footer with page counters as an @page rule', () => {
    renderScreen();
    const style = screen.getByTestId('report-document').querySelector('style')?.textContent ?? '';
    expect(style).toContain('size: A4');
    expect(style).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages)');
    expect(style).toContain('@bottom-left { content: "Street outreach and naloxone (METHOD.md W2)"');
    expect(cssString('a "quoted" \\ name</style>')).toBe('"a \\"quoted\\" \\\\ name\\3c /style>"');
    expect(pageCounterContent('{{page}} / {{pages}}')).toBe('counter(page) " / " counter(pages)');
  });

  it('leaves out the sections and stories not chosen', async () => {
    renderScreen();
    const controls = screen.getByRole('group', { name: 'Sections' });
    await act(async () => {
      fireEvent.click(within(controls).getByRole('checkbox', { name: /^Sensitivity/ }));
      fireEvent.click(within(controls).getByRole('checkbox', { name: /^Theory of change/ }));
    });
    await vi.waitFor(() => expect(sections()).toHaveLength(9));
    expect(sections()[2]).toBe('3. Impact map');
    const stories = screen.getByRole('group', { name: 'Stories' });
    expect(within(stories).queryByText(/NO CONSENT/)).toBeNull();
    expect(within(stories).getByText('1 story without consent is never included.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(stories).getByRole('checkbox', { name: /^The van was there/ }));
    });
    await vi.waitFor(() => expect(screen.getAllByTestId('report-story')).toHaveLength(1));
  });

  it('in the desktop app, "Save as PDF" sends the project and the choices to the shell', async () => {
    const invoke = vi.fn(async (_channel: string, _input: unknown) => ({
      ok: true,
      value: { saved: true, fileName: 'w2.pdf', pages: 12 },
    }));
    window.sroi = { invoke };
    const project = renderScreen();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    });
    await vi.waitFor(() => expect(invoke).toHaveBeenCalled());
    const [channel, input] = invoke.mock.calls[0] as [
      string,
      { suggestedName: string; report: Record<string, unknown> },
    ];
    expect(channel).toBe('files/printPdf');
    expect(input.suggestedName).toBe('street-outreach-and-naloxone-methodmd-w2-sroi-report.pdf');
    expect(input.report.project).toEqual(project);
    expect(input.report.options).toMatchObject({ paper: 'A4', storyIds: null });
    await vi.waitFor(() => expect(screen.getByText('Saved the PDF (w2.pdf).')).toBeTruthy());
  });
});
