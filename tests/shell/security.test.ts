/**
 * The Electron security checklist as pure functions (electron/main/security.ts and electron/backend/safe-path.ts):
 * web preferences, the Content-Security-Policy, which URLs the window may show or hand to the system browser,
 * which frames may call the backend, and the path-traversal guard of the app:// protocol and browser mode.
 */
import { posix, win32 } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveInsideRoot } from '../../electron/backend/safe-path';
import {
  APP_ORIGIN,
  buildContentSecurityPolicy,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  resolveAppPath,
  secureWebPreferences,
} from '../../electron/main/security';

const ROOT = '/opt/sroi/resources/app/dist/renderer';
const WIN_ROOT = 'C:\\Program Files\\SROI Studio\\resources\\app\\dist\\renderer';

/** The CSP as a map of directive -> sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `directive ${name} appears twice`).toBe(false);
    directives.set(name, values);
  }
  return directives;
}

/**
 * True when `file` is strictly below `root` once normalised (`..` collapsed) in the given path flavour. A string
 * prefix test on the normalised path, because path.win32.relative mis-handles a "C:" segment in the middle.
 */
function isInside(file: string, root: string, flavour: typeof posix): boolean {
  const normalised = flavour.normalize(file);
  const prefix = root.endsWith(flavour.sep) ? root : root + flavour.sep;
  return normalised === file && normalised.startsWith(prefix) && normalised.length > prefix.length;
}

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives the page no Node, in no frame or worker', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webviews, insecure content and experimental features', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
  });

  it('uses the given preload and sets nothing that weakens the defaults', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    const record: Record<string, unknown> = { ...prefs };
    for (const risky of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'enableRemoteModule']) {
      expect(record[risky], risky).toBeUndefined();
    }
    // Every boolean that would weaken the window when true is false.
    const mustBeFalse = [
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webviewTag',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'navigateOnDragDrop',
    ];
    for (const key of mustBeFalse) expect(record[key], key).toBe(false);
  });
});

describe('buildContentSecurityPolicy', () => {
  const csp = buildContentSecurityPolicy();
  const directives = parseCsp(csp);

  it("denies by default (default-src 'none')", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it("allows only the app's own scripts: no eval, no inline script", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'strict-dynamic'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    // script-src-elem/-attr would override script-src for their cases; none may exist with weaker sources.
    expect(directives.has('script-src-elem')).toBe(false);
    expect(directives.has('script-src-attr')).toBe(false);
  });

  it('allows no remote source in any directive (no http:, https:, ws:, * or host names)', () => {
    const allowedTokens = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']);
    for (const [name, values] of directives) {
      for (const value of values) {
        expect(allowedTokens.has(value), `${name} ${value}`).toBe(true);
      }
    }
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
  });

  it('allows no framing, plugins, base rewriting or form posts', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it("connects only to its own origin ('self'), which is where browser mode's /rpc lives", () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('is a single header value (no newline or comma that would split it)', () => {
    expect(csp).not.toMatch(/[\r\n,]/);
  });
});

describe('isAppUrl', () => {
  it.each([
    `${APP_ORIGIN}/index.html`,
    'app://sroi/',
    'app://sroi/assets/index-abc.js',
    'app://sroi/index.html#/projects',
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'file:///opt/sroi/index.html',
    'http://127.0.0.1:5173/',
    'https://sroi/',
    'app://evil/index.html',
    'app://sroi.evil.example/index.html',
    'app://sroi:8080/index.html',
    'app:sroi/index.html',
    'APP-x://sroi/',
    'javascript:alert(1)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('isSafeExternalUrl', () => {
  it.each(['https://www.socialvalueuk.org/', 'http://example.org/report?a=1#b', 'https://example.org:8443/x'])(
    'accepts %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(true),
  );

  it.each([
    ['javascript:', 'javascript:alert(document.domain)'],
    ['javascript: with whitespace', ' javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['UNC file', 'file://attacker.example/share/payload.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://example.org/1234'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['custom scheme (ms-msdt)', 'ms-msdt:/id PCWDiagnostic'],
    ['custom scheme (search-ms)', 'search-ms:query=x&crumb=location:\\\\attacker.example\\share'],
    ['custom scheme (steam)', 'steam://run/123'],
    ['smb:', 'smb://attacker.example/share'],
    ['ftp:', 'ftp://example.org/file'],
    ['the app itself', 'app://sroi/index.html'],
    ['credentials: user', 'https://user@example.org/'],
    ['credentials: user and password', 'https://user:secret@example.org/'],
    ['credentials: deceptive host', 'https://www.google.com@attacker.example/'],
    ['empty', ''],
    ['malformed', 'http//example.org'],
    ['malformed: no host', 'https://'],
    ['relative', '/projects'],
    ['malformed: bad port', 'https://example.org:99999/'],
  ])('refuses %s', (_label, url) => expect(isSafeExternalUrl(url)).toBe(false));

  it('never accepts a URL whose parsed protocol is not http: or https:', () => {
    fc.assert(
      fc.property(fc.string(), fc.webUrl(), (prefix, web) => {
        for (const url of [prefix, `${prefix}${web}`, `${prefix}:${web}`]) {
          if (!isSafeExternalUrl(url)) continue;
          const parsed = new URL(url);
          expect(['http:', 'https:']).toContain(parsed.protocol);
          expect(parsed.username).toBe('');
          expect(parsed.password).toBe('');
          expect(parsed.hostname).not.toBe('');
        }
      }),
    );
  });
});

describe('isTrustedSender', () => {
  it("accepts the app's own main frame", () => {
    expect(isTrustedSender('app://sroi/index.html', true)).toBe(true);
    expect(isTrustedSender('app://sroi/index.html#/projects/1', true)).toBe(true);
  });

  it('refuses an iframe, even one on the app origin', () => {
    expect(isTrustedSender('app://sroi/index.html', false)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:1234/',
    'file:///tmp/x.html',
    'about:blank',
    'app://other/',
    'data:text/html,x',
    '',
  ])('refuses a main frame on %s', (url) => expect(isTrustedSender(url, true)).toBe(false));

  it('refuses an unknown frame (undefined url: the frame was destroyed or navigated)', () => {
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(undefined, false)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const resolve = (url: string) => resolveAppPath(url, ROOT, posix.join, posix.sep);

  it('maps app:// paths to files in the renderer folder', () => {
    expect(resolve('app://sroi/index.html')).toBe(`${ROOT}/index.html`);
    expect(resolve('app://sroi/assets/index-abc.js')).toBe(`${ROOT}/assets/index-abc.js`);
    expect(resolve('app://sroi/index.html?x=1#/projects')).toBe(`${ROOT}/index.html`);
  });

  it('serves index.html for the empty path', () => {
    expect(resolve('app://sroi')).toBe(`${ROOT}/index.html`);
    expect(resolve('app://sroi/')).toBe(`${ROOT}/index.html`);
    expect(resolve('app://sroi/./')).toBe(`${ROOT}/index.html`);
  });

  it('refuses other schemes and hosts', () => {
    expect(resolve('file:///opt/sroi/resources/app/dist/renderer/index.html')).toBeNull();
    expect(resolve('app://evil/index.html')).toBeNull();
    expect(resolve('http://sroi/index.html')).toBeNull();
    expect(resolve('nonsense')).toBeNull();
  });

  it.each([
    'app://sroi/../../../etc/passwd',
    'app://sroi/%2e%2e/%2e%2e/etc/passwd',
    'app://sroi/..%2f..%2f..%2fetc%2fpasswd',
    'app://sroi/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fpackage.json',
    'app://sroi/..%5c..%5cpackage.json',
    'app://sroi/assets\\..\\..\\package.json',
    'app://sroi/index.html%00.png',
    'app://sroi/%E0%A4%A',
  ])('never leaves the renderer folder: %s', (url) => {
    const file = resolve(url);
    if (file !== null) expect(isInside(file, ROOT, posix)).toBe(true);
  });
});

describe('resolveInsideRoot', () => {
  const resolve = (pathname: string) => resolveInsideRoot(pathname, ROOT, posix.join, posix.sep);
  const resolveWin = (pathname: string) => resolveInsideRoot(pathname, WIN_ROOT, win32.join, win32.sep);

  it('maps plain paths inside the root', () => {
    expect(resolve('/index.html')).toBe(`${ROOT}/index.html`);
    expect(resolve('/assets/a.js')).toBe(`${ROOT}/assets/a.js`);
    expect(resolve('/assets//./a.js')).toBe(`${ROOT}/assets/a.js`);
    expect(resolveWin('/assets/a.js')).toBe(`${WIN_ROOT}\\assets\\a.js`);
  });

  it('serves index.html for the empty path', () => {
    expect(resolve('')).toBe(`${ROOT}/index.html`);
    expect(resolve('/')).toBe(`${ROOT}/index.html`);
    expect(resolve('//')).toBe(`${ROOT}/index.html`);
    expect(resolveWin('/')).toBe(`${WIN_ROOT}\\index.html`);
  });

  it.each([
    ['../', '/../package.json'],
    ['nested ../', '/assets/../../package.json'],
    ['%2e%2e', '/%2e%2e/%2e%2e/etc/passwd'],
    ['%2E%2e mixed case', '/%2E%2e/package.json'],
    ['%2F..', '/assets%2F..%2F..%2Fpackage.json'],
    ['..%2F', '/..%2Fpackage.json'],
    ['backslash', '/..\\package.json'],
    ['%5c backslash', '/..%5cpackage.json'],
    ['backslash alone', '/assets\\a.js'],
    ['NUL', '/index.html\0.png'],
    ['%00 NUL', '/index.html%00.png'],
    ['malformed escape', '/%E0%A4%A'],
    ['lone %', '/%'],
  ])('refuses %s', (_label, pathname) => {
    expect(resolve(pathname)).toBeNull();
    expect(resolveWin(pathname)).toBeNull();
  });

  it('keeps absolute-looking paths inside the root', () => {
    expect(resolve('//etc/passwd')).toBe(`${ROOT}/etc/passwd`);
    expect(resolve('/%2fetc%2fpasswd')).toBe(`${ROOT}/etc/passwd`);
    const drive = resolveWin('/C:/Windows/win.ini');
    expect(drive === null || isInside(drive, WIN_ROOT, win32)).toBe(true);
    const unc = resolveWin('//attacker.example/share/x');
    expect(unc === null || isInside(unc, WIN_ROOT, win32)).toBe(true);
  });

  it('decodes only once: a double-encoded ../ is a literal file name inside the root', () => {
    const file = resolve('/%252e%252e/%252e%252e/etc/passwd');
    expect(file).toBe(`${ROOT}/%2e%2e/%2e%2e/etc/passwd`);
    expect(resolve('/%252e%252e%252fpackage.json')).toBe(`${ROOT}/%2e%2e%2fpackage.json`);
  });

  it('refuses a sibling folder whose name starts with the root name', () => {
    // "/opt/sroi/resources/app/dist/renderer-evil" starts with the root string but is outside it.
    expect(resolve('/../renderer-evil/x')).toBeNull();
  });

  const dangerousPiece = fc.constantFrom(
    '..',
    '.',
    '/',
    '//',
    '\\',
    '%2e',
    '%2E',
    '%2f',
    '%2F',
    '%5c',
    '%00',
    '%25',
    '%252e',
    '%',
    ':',
    'C:',
    '~',
    'etc',
    'passwd',
    'index.html',
    ' ',
    '\0',
  );
  const pathLike = fc.oneof(
    fc.array(dangerousPiece, { maxLength: 16 }).map((pieces) => pieces.join('')),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 40 }).map((s) => `/${s}`),
  );

  it('property: for any string the result is null or a file inside the root (POSIX)', () => {
    fc.assert(
      fc.property(pathLike, (pathname) => {
        const file = resolve(pathname);
        if (file !== null) expect(isInside(file, ROOT, posix)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: for any string the result is null or a file inside the root (Windows paths)', () => {
    fc.assert(
      fc.property(pathLike, (pathname) => {
        const file = resolveWin(pathname);
        if (file !== null) expect(isInside(file, WIN_ROOT, win32)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: an app:// URL built from any string resolves to null or inside the root', () => {
    fc.assert(
      fc.property(pathLike, (pathname) => {
        const file = resolveAppPath(`app://sroi/${pathname}`, ROOT, posix.join, posix.sep);
        if (file !== null) expect(isInside(file, ROOT, posix)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
