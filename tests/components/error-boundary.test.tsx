// @vitest-environment jsdom
// A rendering error shows a readable message and a way to go on, never a blank window.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../renderer/src/i18n';
import { ErrorBoundary } from '../../renderer/src/app/ErrorBoundary';

function Broken(): never {
  throw new Error('the chart data was malformed');
}

afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows what happened and a way back instead of a blank window', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Your work is safe'));
    expect(screen.getByText('the chart data was malformed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back to projects' })).toBeTruthy();
    quiet.mockRestore();
  });

  it('goes back to the projects and renders again when asked', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    function Sometimes() {
      if (fail) throw new Error('once');
      return <p>projects list</p>;
    }
    render(
      <ErrorBoundary>
        <Sometimes />
      </ErrorBoundary>,
    );
    fail = false;
    act(() => screen.getByRole('button', { name: 'Back to projects' }).click());
    expect(screen.getByText('projects list')).toBeTruthy();
    expect(window.location.hash).toBe('#/');
    quiet.mockRestore();
  });
});
