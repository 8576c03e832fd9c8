/**
 * The desktop shell's wiring (electron/main/main.ts and what it registers), run under plain Node with the
 * `electron` module replaced by a recording fake and a real store on a temporary folder: the app:// scheme and its
 * path-traversal guard, denied permissions, the window's web preferences, navigation and new-window guards, the
 * sender check on the one IPC channel, the shell's own channels, and the menu's commands.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleAppProtocol } from '../../electron/main/app-protocol';
import { RPC_CHANNEL } from '../../electron/main/rpc-channel';
import { buildContentSecurityPolicy, secureWebPreferences } from '../../electron/main/security';
import { MENU_COMMAND_CHANNEL, MENU_COMMANDS } from '../../shared/ipc/menu-commands';
import { tempDir } from '../support/temp-store';

type AnyHandler = (...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Promise<Response>;
type RpcHandler = (event: unknown, channel: unknown, input: unknown) => Promise<Answer>;

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

interface MenuItem {
  label?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

const fake = vi.hoisted(() => {
  const appHandlers = new Map<string, AnyHandler[]>();
  const state = { userData: '' };

  class FakeWindow {
    static instances: FakeWindow[] = [];
    readonly handlers = new Map<string, AnyHandler>();
    readonly webContents = { send: vi.fn((_channel: string, _command: unknown) => undefined) };
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly show = vi.fn(() => undefined);
    readonly focus = vi.fn(() => undefined);
    readonly restore = vi.fn(() => undefined);
    constructor(readonly options: { webPreferences?: Record<string, unknown>; show?: boolean }) {
      FakeWindow.instances.push(this);
    }
    once(event: string, handler: AnyHandler): void {
      this.handlers.set(event, handler);
    }
    on(event: string, handler: AnyHandler): void {
      this.handlers.set(event, handler);
    }
    isMinimized(): boolean {
      return true;
    }
  }

  return {
    state,
    appHandlers,
    FakeWindow,
    app: {
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(() => undefined),
      on: vi.fn((event: string, handler: AnyHandler) => {
        appHandlers.set(event, [...(appHandlers.get(event) ?? []), handler]);
      }),
      whenReady: vi.fn(() => Promise.resolve()),
      getPath: vi.fn((_name: string) => state.userData),
      getVersion: vi.fn(() => '0.0.0-test'),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => undefined),
      handle: vi.fn((_scheme: string, _handler: ProtocolHandler) => undefined),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((_handler: AnyHandler) => undefined),
        setPermissionCheckHandler: vi.fn((_handler: AnyHandler) => undefined),
        setDevicePermissionHandler: vi.fn((_handler: AnyHandler) => undefined),
      },
    },
    ipcMain: { handle: vi.fn((_channel: string, _handler: RpcHandler) => undefined) },
    Menu: {
      setApplicationMenu: vi.fn((_menu: unknown) => undefined),
      buildFromTemplate: vi.fn((template: MenuItem[]) => ({ template })),
    },
    dialog: {
      showErrorBox: vi.fn((_title: string, _content: string) => undefined),
      showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn((..._args: unknown[]) =>
        Promise.resolve<{ canceled: boolean; filePaths: string[] }>({ canceled: true, filePaths: [] }),
      ),
    },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  dialog: fake.dialog,
  session: fake.session,
  protocol: fake.protocol,
  shell: fake.shell,
}));

const MAIN_DIR = resolve(__dirname, '..', '..', 'electron', 'main');
let dir: string;
let rpc: RpcHandler;

const appFrame = { url: 'app://sroi/index.html' };
const trusted = { senderFrame: appFrame, sender: { mainFrame: appFrame } };

function appHandler(event: string): AnyHandler {
  const handler = fake.appHandlers.get(event)?.[0];
  expect(handler, `app.on('${event}')`).toBeDefined();
  return handler!;
}

beforeAll(async () => {
  dir = tempDir('sroi-main-');
  fake.state.userData = join(dir, 'userData');
  mkdirSync(fake.state.userData, { recursive: true });
  vi.stubEnv('SROI_DATA_FILE', '');
  // main.ts starts a five-minute backup timer; keep it from outliving the test.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  await import('../../electron/main/main');
  await vi.waitFor(() => expect(fake.FakeWindow.instances[0]?.loadURL).toHaveBeenCalled(), { timeout: 30_000 });
  vi.useRealTimers();
  rpc = fake.ipcMain.handle.mock.calls.find(([channel]) => channel === RPC_CHANNEL)![1];
});

afterAll(() => {
  // Graceful shutdown closes the store.
  fake.appHandlers.get('before-quit')?.forEach((handler) => handler());
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('start-up', () => {
  it('takes the single-instance lock and registers app:// as a standard, secure scheme before ready', () => {
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = fake.protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).toMatchObject({ standard: true, secure: true });
    // Nothing that would weaken the page: no CSP bypass, no service workers, no unrestricted CORS.
    expect(schemes[0].privileges.bypassCSP).not.toBe(true);
    expect(schemes[0].privileges.allowServiceWorkers).not.toBe(true);
  });

  it('denies every permission request, check and device request', () => {
    const session = fake.session.defaultSession;
    const request = session.setPermissionRequestHandler.mock.calls[0][0];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      const callback = vi.fn((_granted: boolean) => undefined);
      request({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(session.setPermissionCheckHandler.mock.calls[0][0]({}, 'media', 'app://sroi', {})).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0][0]({ deviceType: 'usb' })).toBe(false);
  });

  it('opens one hidden window with the secure web preferences and the bundled preload', () => {
    expect(fake.FakeWindow.instances).toHaveLength(1);
    const window = fake.FakeWindow.instances[0];
    expect(window.options.webPreferences).toEqual(secureWebPreferences(join(MAIN_DIR, 'preload.cjs')));
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://sroi/index.html');
  });

  it('shows the window once it is ready, and quits when all windows are closed', () => {
    const window = fake.FakeWindow.instances[0];
    window.handlers.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalled();
    appHandler('window-all-closed')();
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('brings the existing window forward when a second instance starts', () => {
    const window = fake.FakeWindow.instances[0];
    appHandler('second-instance')();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('opens the database in the user-data folder (SROI_DATA_FILE unset)', async () => {
    const answer = await rpc(trusted, 'app/info', {});
    expect(answer.ok).toBe(true);
    expect((answer.value as { dataFile: string; version: string }).dataFile).toBe(
      join(fake.state.userData, 'sroi-studio.sqlite'),
    );
    expect((answer.value as { version: string }).version).toBe('0.0.0-test');
  });
});

describe('web contents guards (every window, frame and webview)', () => {
  interface FakeContents {
    handlers: Map<string, AnyHandler>;
    openHandler: ((details: { url: string }) => { action: string }) | null;
  }

  function guarded(): FakeContents {
    const contents: FakeContents = { handlers: new Map(), openHandler: null };
    const target = {
      on: (event: string, handler: AnyHandler) => contents.handlers.set(event, handler),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
        contents.openHandler = handler;
      },
    };
    appHandler('web-contents-created')({}, target);
    return contents;
  }

  function prevented(contents: FakeContents, event: string, url: string): boolean {
    const preventDefault = vi.fn(() => undefined);
    contents.handlers.get(event)!({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  }

  it.each(['will-navigate', 'will-redirect'])('%s: stays on app://sroi and blocks everything else', (event) => {
    const contents = guarded();
    expect(prevented(contents, event, 'app://sroi/index.html#/projects')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://other/',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(prevented(contents, event, url), url).toBe(true);
    }
  });

  it('refuses to attach webviews', () => {
    const contents = guarded();
    const preventDefault = vi.fn(() => undefined);
    contents.handlers.get('will-attach-webview')!({ preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it('never opens a new window; hands only safe http(s) links to the system browser', () => {
    const contents = guarded();
    fake.shell.openExternal.mockClear();
    expect(contents.openHandler!({ url: 'https://www.socialvalueuk.org/' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://www.socialvalueuk.org/');
    fake.shell.openExternal.mockClear();
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'app://sroi/index.html',
      'https://user:pw@example.org/',
      'smb://host/share',
    ]) {
      expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('the IPC channel', () => {
  async function projectCount(): Promise<number> {
    const listed = await rpc(trusted, 'projects/list', {});
    return (listed.value as unknown[]).length;
  }

  it('is registered once, on the RPC channel', () => {
    expect(fake.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual([RPC_CHANNEL]);
  });

  it("runs calls from the app's main frame: projects/create then projects/list", async () => {
    const created = await rpc(trusted, 'projects/create', { name: 'Needle exchange' });
    expect(created.ok).toBe(true);
    const listed = await rpc(trusted, 'projects/list', {});
    expect((listed.value as { name: string }[]).map((p) => p.name)).toContain('Needle exchange');
  });

  it.each<[string, unknown]>([
    ['an iframe on the app origin', { senderFrame: { url: 'app://sroi/index.html' }, sender: { mainFrame: appFrame } }],
    ['a main frame on another origin', { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: null } }],
    ['a main frame on file://', { senderFrame: { url: 'file:///tmp/x.html' }, sender: { mainFrame: null } }],
    ['a destroyed frame (senderFrame null)', { senderFrame: null, sender: { mainFrame: null } }],
  ])('refuses %s with FORBIDDEN and runs nothing', async (_label, event) => {
    const sameFrameEvent = event as { senderFrame: { url: string } | null; sender: { mainFrame: unknown } };
    // For "another origin" the frame is its own main frame.
    if (sameFrameEvent.sender.mainFrame === null && sameFrameEvent.senderFrame !== null)
      sameFrameEvent.sender.mainFrame = sameFrameEvent.senderFrame;
    const before = await projectCount();
    const answer = await rpc(sameFrameEvent, 'projects/create', { name: 'Intruder' });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('FORBIDDEN');
    const shellAnswer = await rpc(sameFrameEvent, 'files/open', { kind: 'project' });
    expect(shellAnswer.error?.code).toBe('FORBIDDEN');
    expect(await projectCount()).toBe(before);
  });

  it.each<unknown>([
    'admin/exec',
    '__proto__',
    'hasOwnProperty',
    'constructor',
    42,
    null,
    undefined,
    { channel: 'projects/list' },
  ])('answers the unknown channel %j with UNKNOWN_CHANNEL', async (channel) => {
    const answer = await rpc(trusted, channel, {});
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('UNKNOWN_CHANNEL');
  });

  it('validates the input of shell channels before showing any dialog', async () => {
    fake.dialog.showOpenDialog.mockClear();
    const answer = await rpc(trusted, 'files/open', { kind: 'exe' });
    expect(answer.error?.code).toBe('VALIDATION');
    const save = await rpc(trusted, 'files/save', { suggestedName: 'x.csv', kind: 'csv', content: 1 });
    expect(save.error?.code).toBe('VALIDATION');
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('answers shell channels itself, with the dialog owned by the app window', async () => {
    fake.dialog.showSaveDialog.mockClear();
    const answer = await rpc(trusted, 'files/save', { suggestedName: 'x.csv', kind: 'csv', content: 'a' });
    expect(answer).toEqual({ ok: true, value: { saved: false, fileName: null } });
    expect(fake.dialog.showSaveDialog.mock.calls[0][0]).toBe(fake.FakeWindow.instances[0]);
  });

  it('answers a refused file (larger than 60 MB) with VALIDATION and a message the user can act on', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(60 * 1024 * 1024 + 1, 0x41));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    const answer = await rpc(trusted, 'files/open', { kind: 'csv' });
    expect(answer.error?.code).toBe('VALIDATION');
    expect(answer.error?.message).toMatch(/larger than 60 MB/);
    rmSync(big);
  });

  // Regression (DESIGN.md "internal errors are logged, not leaked"): a system error such as "ENOENT ... open
  // '/home/<user>/...'" must not reach the page; it is logged and answered with a fixed message.
  it('answers an unexpected file-system error with INTERNAL without the raw system message', async () => {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [join(dir, 'vanished', 'project.sroi.json')],
    });
    const answer = await rpc(trusted, 'files/open', { kind: 'project' });
    expect(answer.error?.code).toBe('INTERNAL');
    expect(answer.error?.message).not.toMatch(/ENOENT|EACCES|no such file|\/|\\/);
  });
});

describe('the application menu', () => {
  function items(list: MenuItem[]): MenuItem[] {
    return list.flatMap((item) => [item, ...items(item.submenu ?? [])]);
  }

  it('sends every menu command, and only known ones, to the window on the menu channel', () => {
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = fake.Menu.buildFromTemplate.mock.calls[0][0];
    const window = fake.FakeWindow.instances[0];
    window.webContents.send.mockClear();
    for (const item of items(template)) item.click?.();
    const sent = window.webContents.send.mock.calls;
    expect(sent.every(([channel]) => channel === MENU_COMMAND_CHANNEL)).toBe(true);
    expect(new Set(sent.map(([, command]) => command))).toEqual(new Set(MENU_COMMANDS));
  });
});

describe('the app:// protocol handler', () => {
  let root: string;
  let handler: ProtocolHandler;
  const SECRET = 'SECRET-BESIDE-THE-RENDERER';

  beforeAll(() => {
    root = join(dir, 'site', 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'a.js'), 'export {};');
    writeFileSync(join(dir, 'site', 'secret.txt'), SECRET);
    handleAppProtocol(root);
    const calls = fake.protocol.handle.mock.calls;
    expect(calls.at(-1)?.[0]).toBe('app');
    handler = calls.at(-1)![1];
  });

  it('is registered for app:// by main.ts, over dist/renderer beside the bundled main process', async () => {
    const [scheme, mainHandler] = fake.protocol.handle.mock.calls[0];
    expect(scheme).toBe('app');
    // main.ts serves join(__dirname, '..', 'renderer'); from electron/main that is electron/renderer, so a
    // traversal to electron/main/main.ts would be one "../" away.
    const response = await mainHandler(new Request('app://sroi/..%2fmain%2fmain.ts'));
    expect(response.status).toBe(404);
  });

  it('serves index.html with the CSP and nosniff', async () => {
    const response = await handler(new Request('app://sroi/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('id="root"');
    expect((await handler(new Request('app://sroi/'))).status).toBe(200);
  });

  it('serves assets with their type', async () => {
    const response = await handler(new Request('app://sroi/assets/a.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://sroi/..%2fsecret.txt',
    'app://sroi/%2e%2e%2fsecret.txt',
    'app://sroi/assets/..%2f..%2fsecret.txt',
    'app://sroi/..%5csecret.txt',
    'app://sroi/index.html%00',
    'app://evil/index.html',
    'app://sroi/missing.js',
    'app://sroi/assets',
  ])('answers %s with 404 and leaks nothing', async (url) => {
    const response = await handler(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });
});
