/**
 * How a call reaches the backend: through the preload's `window.sroi` in the desktop app, or through
 * POST /rpc in browser mode. This file and files.ts are the only code that knows either exists.
 */
import type { Result } from '../../../shared/ipc/result';

export interface SroiBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onMenuCommand?(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    sroi?: SroiBridge;
  }
}

export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

const TOKEN_KEY = 'sroi-session-token';

/** Browser mode's key arrives in the address's #fragment; keep it for this tab and tidy the address bar. */
function browserModeToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function asResult(value: unknown): Result<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) return value as Result<unknown>;
  return { ok: false, error: { code: 'INTERNAL', message: 'The backend answered in an unexpected way.' } };
}

export function isDesktop(): boolean {
  return typeof window.sroi?.invoke === 'function';
}

export function createTransport(): Transport {
  const bridge = window.sroi;
  if (bridge && typeof bridge.invoke === 'function') {
    return async (channel, input) => asResult(await bridge.invoke(channel, input));
  }
  const token = browserModeToken();
  return async (channel, input) => {
    try {
      const response = await fetch('./rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input }),
      });
      return asResult(await response.json());
    } catch {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'SROI Studio is not running any more. Start it again with "npm run serve".',
        },
      };
    }
  };
}
