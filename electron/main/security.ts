/**
 * The Electron security checklist as pure functions, so each rule is unit-tested without Electron:
 * web preferences, the Content-Security-Policy, which URLs the window may show or hand to the system browser,
 * and which frames may call the backend.
 */
import { resolveInsideRoot } from '../backend/safe-path';

/** The custom scheme the renderer is served from (never file://, never http:// in the app). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sroi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The BrowserWindow webPreferences: isolated, sandboxed, no Node, no webview, no remote content. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    safeDialogs: true,
  } as const;
}

/**
 * The Content-Security-Policy of every page: only the app's own code, styles and images; no remote content,
 * no eval, no plugins, no framing. `blob:` and `data:` images are needed for chart export (PNG/SVG).
 * `connectSrc` is 'self' in the app; browser mode adds nothing because its RPC is same-origin.
 */
export function buildContentSecurityPolicy(): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The window may only ever show the app's own pages. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Links the user clicks may open in the system browser: http and https only, with a host, no credentials.
 * Everything else (file:, javascript:, custom schemes that launch programs) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return false;
  return true;
}

/** Only the app's own top-level page may call the backend (not an iframe, not another origin). */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

/**
 * Maps an app:// URL to a file inside the renderer's build folder, or null (path-traversal guarded: the
 * result is always inside `root`).
 */
export function resolveAppPath(
  url: string,
  root: string,
  join: (...parts: string[]) => string,
  sep: string,
): string | null {
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveInsideRoot(parsed.pathname, root, join, sep);
}
