/**
 * One project loaded from the backend, kept in memory while its workspace is open. Each edit is saved at
 * once (when a field is left) and the project is updated with what the backend stored, so the screen and
 * the database never disagree; results are recomputed from it by the engine on every change.
 *
 * Edits are saved one at a time, in order, and each is applied to the latest saved version of its item:
 * a user who tabs quickly from "quantity" to "proxy" must not have the proxy save carry the old quantity.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { ListName } from '../../../shared/ipc/lists';
import type { AppError } from '../../../shared/ipc/result';
import type { Project, SimulationRun } from '../../../shared/model';
import { api } from '../api/client';

type ItemOf<L extends ListName> = ChannelInput<`${L}/save`>['item'];
type StoredItem<L extends ListName> = Project[L][number];
export type SaveOutcome = { ok: true } | { ok: false; error: AppError };
type ScopeChanges = ChannelInput<'projects/update'>['changes'];

/** One reversible edit: an item before and after (null = not there), or scope fields before and after. */
type Edit =
  | { kind: 'item'; list: ListName; before: { id: string } | null; after: { id: string } | null }
  | { kind: 'scope'; before: ScopeChanges; after: ScopeChanges };

export interface ProjectState {
  project: Project | null;
  loadError: AppError | null;
  reload: () => Promise<void>;
  /** Save a whole item (new or changed). */
  saveItem: <L extends ListName>(list: L, item: ItemOf<L>) => Promise<SaveOutcome>;
  /** Change an item starting from its latest saved version (use this for field edits). */
  patchItem: <L extends ListName>(
    list: L,
    id: string,
    change: (item: StoredItem<L>) => ItemOf<L>,
  ) => Promise<SaveOutcome>;
  deleteItem: (list: ListName, id: string) => Promise<SaveOutcome>;
  /** Change scope fields; a function receives the latest saved project. */
  updateScope: (changes: ScopeChanges | ((project: Project) => ScopeChanges)) => Promise<SaveOutcome>;
  /** Keep a finished Monte Carlo run with the project (null forgets it). Results, not an edit: no undo. */
  saveSimulation: (run: SimulationRun | null) => Promise<SaveOutcome>;
  /** Undo and redo of saved edits (each is saved again, so the database follows). */
  canUndo: boolean;
  canRedo: boolean;
  undo: () => Promise<SaveOutcome>;
  redo: () => Promise<SaveOutcome>;
}

const MAX_UNDO = 200;

function withItem(project: Project, list: ListName, saved: { id: string }): Project {
  const items = project[list] as unknown as Array<{ id: string }>;
  const index = items.findIndex((i) => i.id === saved.id);
  // Outputs are saved without their records; keep the records we have.
  const merged = list === 'outputs' ? { ...(items[index] ?? { records: [] }), ...saved } : saved;
  const next = index >= 0 ? items.map((i, n) => (n === index ? merged : i)) : [...items, merged];
  return { ...project, [list]: next };
}

export function useProject(projectId: string): ProjectState {
  const [project, setProjectState] = useState<Project | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  // The latest saved project, updated synchronously so queued edits never start from a stale copy.
  const latest = useRef<Project | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const undoStack = useRef<Edit[]>([]);
  const redoStack = useRef<Edit[]>([]);
  const [, setHistoryVersion] = useState(0);

  const setProject = useCallback((next: Project | null) => {
    latest.current = next;
    setProjectState(next);
  }, []);

  /** Run edits one after another, in the order they were made. */
  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(work, work);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const load = useCallback(async () => {
    const result = await api.projects.get(projectId);
    if (result.ok) {
      setProject(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error);
    }
  }, [projectId, setProject]);

  useEffect(() => {
    void load();
  }, [load]);

  const find = useCallback(
    (list: ListName, id: string): { id: string } | null =>
      ((latest.current?.[list] ?? []) as unknown as Array<{ id: string }>).find((i) => i.id === id) ?? null,
    [],
  );
  const historyChanged = useCallback(() => setHistoryVersion((v) => v + 1), []);
  const record = useCallback(
    (edit: Edit) => {
      undoStack.current = [...undoStack.current.slice(-(MAX_UNDO - 1)), edit];
      redoStack.current = [];
      historyChanged();
    },
    [historyChanged],
  );

  // The raw operations: save, delete, update, without queueing or recording.
  const rawSave = useCallback(
    async (list: ListName, item: { id: string }): Promise<SaveOutcome & { saved?: { id: string } }> => {
      const result = await api[list].save(projectId, item as never);
      if (!result.ok) return { ok: false, error: result.error };
      const saved = result.value as unknown as { id: string };
      if (latest.current) setProject(withItem(latest.current, list, saved));
      return { ok: true, saved };
    },
    [projectId, setProject],
  );
  const rawDelete = useCallback(
    async (list: ListName, id: string): Promise<SaveOutcome> => {
      const result = await api[list].delete(projectId, id);
      if (!result.ok) return { ok: false, error: result.error };
      await load(); // deleting an outcome also detaches its stories: take the backend's word for it
      return { ok: true };
    },
    [projectId, load],
  );
  const rawUpdate = useCallback(
    async (changes: ScopeChanges): Promise<SaveOutcome> => {
      const result = await api.projects.update(projectId, changes);
      if (!result.ok) return { ok: false, error: result.error };
      await load();
      return { ok: true };
    },
    [projectId, load],
  );

  const saveRecorded = useCallback(
    async (list: ListName, item: { id: string }): Promise<SaveOutcome> => {
      const before = find(list, item.id);
      const outcome = await rawSave(list, item);
      if (outcome.ok && outcome.saved) record({ kind: 'item', list, before, after: outcome.saved });
      return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
    },
    [find, rawSave, record],
  );

  const saveItem = useCallback(
    <L extends ListName>(list: L, item: ItemOf<L>) => enqueue(() => saveRecorded(list, item as { id: string })),
    [enqueue, saveRecorded],
  );

  const patchItem = useCallback(
    <L extends ListName>(list: L, id: string, change: (item: StoredItem<L>) => ItemOf<L>) =>
      enqueue(async (): Promise<SaveOutcome> => {
        const current = find(list, id);
        if (!current) {
          return {
            ok: false,
            error: { code: 'NOT_FOUND', message: 'This item no longer exists (it may have been deleted).' },
          };
        }
        return saveRecorded(list, change(current as StoredItem<L>) as { id: string });
      }),
    [enqueue, find, saveRecorded],
  );

  const deleteItem = useCallback(
    (list: ListName, id: string) =>
      enqueue(async (): Promise<SaveOutcome> => {
        const before = find(list, id);
        const outcome = await rawDelete(list, id);
        if (outcome.ok && before) record({ kind: 'item', list, before, after: null });
        return outcome;
      }),
    [enqueue, find, rawDelete, record],
  );

  const updateScope = useCallback(
    (changesOrFn: ScopeChanges | ((project: Project) => ScopeChanges)) =>
      enqueue(async (): Promise<SaveOutcome> => {
        const current = latest.current;
        if (!current) return { ok: true };
        const changes = typeof changesOrFn === 'function' ? changesOrFn(current) : changesOrFn;
        const before: ScopeChanges = {};
        for (const key of Object.keys(changes) as Array<keyof ScopeChanges>) {
          (before as Record<string, unknown>)[key] = (current as unknown as Record<string, unknown>)[key];
        }
        const outcome = await rawUpdate(changes);
        if (outcome.ok) record({ kind: 'scope', before, after: changes });
        return outcome;
      }),
    [enqueue, rawUpdate, record],
  );

  const apply = useCallback(
    async (edit: Edit, direction: 'undo' | 'redo'): Promise<SaveOutcome> => {
      if (edit.kind === 'scope') return rawUpdate(direction === 'undo' ? edit.before : edit.after);
      const target = direction === 'undo' ? edit.before : edit.after;
      const other = direction === 'undo' ? edit.after : edit.before;
      if (target === null) return other ? rawDelete(edit.list, other.id) : { ok: true };
      const outcome = await rawSave(edit.list, target);
      return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
    },
    [rawDelete, rawSave, rawUpdate],
  );

  const step = useCallback(
    (direction: 'undo' | 'redo') =>
      enqueue(async (): Promise<SaveOutcome> => {
        const from = direction === 'undo' ? undoStack : redoStack;
        const to = direction === 'undo' ? redoStack : undoStack;
        const edit = from.current[from.current.length - 1];
        if (!edit) return { ok: true };
        const outcome = await apply(edit, direction);
        if (outcome.ok) {
          from.current = from.current.slice(0, -1);
          to.current = [...to.current, edit];
          historyChanged();
        }
        return outcome;
      }),
    [apply, enqueue, historyChanged],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  const reload = useCallback(() => enqueue(load), [enqueue, load]);
  const saveSimulation = useCallback(
    (run: SimulationRun | null) =>
      enqueue(async (): Promise<SaveOutcome> => {
        const result = await api.projects.saveSimulation(projectId, run);
        if (!result.ok) return { ok: false, error: result.error };
        if (latest.current) setProject({ ...latest.current, lastSimulation: run });
        return { ok: true };
      }),
    [enqueue, projectId, setProject],
  );

  return {
    project,
    loadError,
    reload,
    saveItem,
    patchItem,
    deleteItem,
    updateScope,
    saveSimulation,
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
    undo,
    redo,
  };
}
