/**
 * What the Sensitivity screen keeps for each project while the app is open: the last Monte Carlo run (its
 * settings, seed and summary) and the strategies' distributions. The model has no field for either yet, so they
 * live here, outside the component, to survive a visit to another stage; they are lost when the app closes.
 */
import { useCallback, useState } from 'react';
import type { Project } from '../../../shared/model/schema';
import { fnv1a32 } from '../../../shared/engine/uncertainty/random';
import type { RunRecord, StrategyUncertainty } from './protocol';

interface ProjectSession {
  lastRun: RunRecord | null;
  strategies: Record<string, StrategyUncertainty>;
}

const sessions = new Map<string, ProjectSession>();

function sessionOf(projectId: string): ProjectSession {
  let session = sessions.get(projectId);
  if (session === undefined) {
    session = { lastRun: null, strategies: {} };
    sessions.set(projectId, session);
  }
  return session;
}

/** A value of the project's session, as React state that also writes through to the session. */
export function useSessionValue<K extends keyof ProjectSession>(
  projectId: string,
  key: K,
): [ProjectSession[K], (next: ProjectSession[K]) => void] {
  const [state, setState] = useState(() => ({ projectId, value: sessionOf(projectId)[key] }));
  // Another project shown by the same component: its own session, not the last one's.
  const value = state.projectId === projectId ? state.value : sessionOf(projectId)[key];
  const set = useCallback(
    (next: ProjectSession[K]) => {
      sessionOf(projectId)[key] = next;
      setState({ projectId, value: next });
    },
    [projectId, key],
  );
  return [value, set];
}

/** Forget every session (tests). */
export function clearSessions(): void {
  sessions.clear();
}

/**
 * A short hash of what a run depends on: the model's figures and distributions, and the strategies'
 * distributions. Two runs with the same fingerprint, iterations and seed give the same numbers.
 */
export function modelFingerprint(project: Project, strategies: Record<string, StrategyUncertainty>): string {
  const relevant = {
    currency: project.currency,
    priceYear: project.priceYear,
    settings: project.settings,
    inputs: project.inputs,
    outcomes: project.outcomes,
    strategies: project.strategies,
    strategyUncertainty: strategies,
  };
  return fnv1a32(JSON.stringify(relevant)).toString(16).padStart(8, '0');
}
