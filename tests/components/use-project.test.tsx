// @vitest-environment jsdom
// The workspace's project state: edits are saved in order, each from the latest saved item (a user who tabs
// quickly between two fields must not have the second save carry the first field's old value), and undo /
// redo save the earlier and later versions again.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../shared/model';
import { setTransport } from '../../renderer/src/api/client';
import { useProject } from '../../renderer/src/hooks/useProject';

const w2 = (
  JSON.parse(readFileSync(resolve(__dirname, '../../docs/examples/w2-street-outreach.sroi.json'), 'utf8')) as {
    project: Project;
  }
).project;

/** A fake backend: keeps the project, answers saves after a delay (slowest first), records every save. */
function fakeBackend() {
  let stored: Project = structuredClone(w2);
  const saves: unknown[] = [];
  let delay = 40;
  setTransport(async (channel, input) => {
    const payload = input as { projectId: string; item: { id: string }; id?: string };
    if (channel === 'projects/get') return { ok: true, value: structuredClone(stored) };
    if (channel === 'outcomes/save') {
      saves.push(structuredClone(payload.item));
      const wait = delay;
      delay = Math.max(0, delay - 30); // later saves answer sooner: an out-of-order backend
      await new Promise((r) => setTimeout(r, wait));
      stored = {
        ...stored,
        outcomes: stored.outcomes.map((o) =>
          o.id === payload.item.id ? (payload.item as Project['outcomes'][number]) : o,
        ),
      };
      return { ok: true, value: payload.item };
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
  });
  return { saves, stored: () => stored };
}

afterEach(() => {
  cleanup();
  setTransport(null);
});

describe('useProject', () => {
  it('applies quick edits of two fields one after the other, each from the latest saved outcome', async () => {
    const backend = fakeBackend();
    const { result } = renderHook(() => useProject(w2.id));
    await waitFor(() => expect(result.current.project).not.toBeNull());
    await act(async () => {
      const first = result.current.patchItem('outcomes', 'overdose', (o) => ({ ...o, quantity: '5' }));
      const second = result.current.patchItem('outcomes', 'overdose', (o) => ({ ...o, deadweight: '0.4' }));
      await Promise.all([first, second]);
    });
    const saved = backend.stored().outcomes.find((o) => o.id === 'overdose');
    expect(saved?.quantity).toBe('5');
    expect(saved?.deadweight).toBe('0.4');
    expect(result.current.project?.outcomes.find((o) => o.id === 'overdose')).toMatchObject({
      quantity: '5',
      deadweight: '0.4',
    });
  });

  it('undoes and redoes a saved edit by saving the earlier and later versions again', async () => {
    const backend = fakeBackend();
    const { result } = renderHook(() => useProject(w2.id));
    await waitFor(() => expect(result.current.project).not.toBeNull());
    expect(result.current.canUndo).toBe(false);
    await act(async () => {
      await result.current.patchItem('outcomes', 'oat', (o) => ({ ...o, deadweight: '0.3' }));
    });
    expect(result.current.canUndo).toBe(true);
    await act(async () => {
      await result.current.undo();
    });
    expect(backend.stored().outcomes.find((o) => o.id === 'oat')?.deadweight).toBe('0.25');
    expect(result.current.canRedo).toBe(true);
    await act(async () => {
      await result.current.redo();
    });
    expect(backend.stored().outcomes.find((o) => o.id === 'oat')?.deadweight).toBe('0.3');
    expect(result.current.canRedo).toBe(false);
  });
});
