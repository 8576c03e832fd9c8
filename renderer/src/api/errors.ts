/** Backend errors every screen should hear about (a database from a newer version locks the whole app). */
import type { AppError } from '../../../shared/ipc/result';

type Listener = (error: AppError) => void;
const listeners = new Set<Listener>();

export function onBackendError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportBackendError(error: AppError): void {
  for (const listener of listeners) listener(error);
}
