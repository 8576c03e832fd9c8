// @vitest-environment jsdom
// "Start from a template" creates a project by importing the template file as a copy with a fresh identity
// and opens it; the benchmarks panel shows published results with perspective and horizon, labelled as
// context and not a target.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../renderer/src/i18n';
import { setTransport } from '../../renderer/src/api/client';
import { BenchmarksPanel } from '../../renderer/src/benchmarks/BenchmarksPanel';
import { TemplatesSection } from '../../renderer/src/templates/TemplatesSection';
import { BENCHMARKS } from '../../shared/library';
import { parseProjectFile } from '../../shared/model';

afterEach(() => {
  cleanup();
  setTransport(null);
  window.location.hash = '';
});

describe('TemplatesSection', () => {
  it('lists the templates and the demo, and creates a project from one as a copy with a new id', async () => {
    const calls: Array<{
      channel: string;
      input: { file: { project: { id: string; name: string } }; asCopy: boolean };
    }> = [];
    setTransport(async (channel, input) => {
      calls.push({ channel, input: input as never });
      const file = (input as { file: { project: { id: string; name: string } } }).file;
      return { ok: true, value: { id: file.project.id, name: file.project.name } } as never;
    });
    render(<TemplatesSection />);
    const section = screen.getByRole('region', { name: 'Start from a template' });
    expect(within(section).getAllByRole('listitem')).toHaveLength(6);
    expect(within(section).getByText('demo')).toBeTruthy();
    fireEvent.click(
      within(section).getByRole('button', {
        name: 'Create a project from the template “Needle and syringe programme”',
      }),
    );
    await waitFor(() => expect(calls).toHaveLength(1));
    const { channel, input } = calls[0];
    expect(channel).toBe('projects/import');
    expect(input.asCopy).toBe(true);
    expect(input.file.project.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(input.file.project.name).toBe('Needle and syringe programme');
    expect(parseProjectFile(input.file).ok).toBe(true);
    await waitFor(() => expect(window.location.hash).toBe(`#/projects/${input.file.project.id}/outcomes`));
  });

  it('shows the backend’s message when a project cannot be created', async () => {
    setTransport(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'The disk is full.' } }));
    render(<TemplatesSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Create a project from the template “Drop-in centre”' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The disk is full.');
  });
});

describe('BenchmarksPanel', () => {
  it('shows each published result with perspective, horizon, source and grade, as context not a target', () => {
    render(<BenchmarksPanel />);
    const panel = screen.getByRole('region', { name: 'Published results for harm reduction' });
    expect(within(panel).getByText('Context, not a target')).toBeTruthy();
    expect(within(panel).getByText(/never as a target to reach/)).toBeTruthy();
    const headers = within(panel)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Intervention', 'Published result', 'Perspective', 'Time horizon', 'Source and grade']);
    const rows = within(panel).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(BENCHMARKS.length);
    const insite = rows.find((r) => r.textContent?.includes('Bayoumi & Zaric 2008'))!;
    expect(within(insite).getByText('10 years')).toBeTruthy();
    const nsp = rows.find((r) => r.textContent?.includes('NCHECR 2009'))!;
    expect(within(nsp).getByText('B: secondary source, verify')).toBeTruthy();
    expect(panel.textContent).not.toMatch(/4[.,]70/);
  });
});
