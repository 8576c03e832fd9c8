/**
 * The IPC surface, proved consistent: the preload's allowlist (CHANNEL_NAMES) is exactly the backend contract plus
 * the shell's channels; every backend channel has a handler and no handler exists outside the contract; the shell
 * handlers cover exactly the shell contract; and the preload itself (with Electron stubbed) exposes one frozen
 * object that answers unknown channels without reaching the main process.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/backend/handlers';
// electron is replaced by vi.mock below (hoisted above these imports).
import { createShellHandlers } from '../../electron/main/dialogs';
import { RPC_CHANNEL } from '../../electron/main/rpc-channel';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { contract } from '../../shared/ipc/contract';
import { MENU_COMMAND_CHANNEL, MENU_COMMANDS } from '../../shared/ipc/menu-commands';
import { shellContract } from '../../shared/ipc/shell-contract';
import { tempDir, tempStore, type TempStore } from '../support/temp-store';

interface DialogResult {
  canceled: boolean;
  filePath?: string;
  filePaths: string[];
}

type MenuListener = (event: unknown, command: unknown) => void;

/** What the preload exposes as window.sroi. */
interface SroiApi {
  invoke(channel: unknown, input: unknown): Promise<unknown>;
  onMenuCommand(listener: (command: string) => void): () => void;
}

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        exposed.set(key, api);
      }),
    },
    ipcRenderer: {
      invoke: vi.fn((..._args: unknown[]) => Promise.resolve<unknown>({ ok: true, value: 'answered by main' })),
      on: vi.fn((_channel: string, _listener: MenuListener) => undefined),
      removeListener: vi.fn((_channel: string, _listener: MenuListener) => undefined),
    },
    dialog: {
      showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve<DialogResult>({ canceled: true, filePaths: [] })),
      showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve<DialogResult>({ canceled: true, filePaths: [] })),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  dialog: electron.dialog,
}));

const contractKeys = Object.keys(contract);
const shellKeys = Object.keys(shellContract);

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

describe('the channel allowlist (CHANNEL_NAMES)', () => {
  it('has no duplicates', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it('equals the keys of the backend contract plus the keys of the shell contract', () => {
    expect(sorted(CHANNEL_NAMES)).toEqual(sorted([...contractKeys, ...shellKeys]));
  });

  it('shares no channel between the backend contract and the shell contract', () => {
    expect(contractKeys.filter((key) => shellKeys.includes(key))).toEqual([]);
  });

  it('names no channel that collides with an Object.prototype member', () => {
    for (const name of CHANNEL_NAMES) expect(name in Object.prototype, name).toBe(false);
  });
});

describe('the backend handlers (createHandlers)', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await tempStore({ backupOnStart: false });
  });
  afterAll(async () => {
    await temp.cleanup();
  });

  it('has a handler for every contract channel and none for a channel outside the contract', () => {
    const handlers: Record<string, unknown> = createHandlers(temp.store);
    expect(sorted(Object.keys(handlers))).toEqual(sorted(contractKeys));
    for (const key of contractKeys) expect(typeof handlers[key], key).toBe('function');
  });

  it('has no handler for a shell channel (those are answered by the shell, never by the backend)', () => {
    const handlers: Record<string, unknown> = createHandlers(temp.store);
    for (const key of shellKeys) expect(Object.hasOwn(handlers, key), key).toBe(false);
  });
});

describe('the shell handlers (createShellHandlers)', () => {
  let dir: string;

  beforeAll(() => {
    dir = tempDir('sroi-shell-');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    electron.dialog.showSaveDialog.mockReset();
    electron.dialog.showOpenDialog.mockReset();
  });

  it('cover exactly the shell contract', () => {
    const handlers: Record<string, unknown> = createShellHandlers(() => null);
    expect(sorted(Object.keys(handlers))).toEqual(sorted(shellKeys));
    for (const key of shellKeys) expect(typeof handlers[key], key).toBe('function');
  });

  it('files/save writes text where the user chose and answers with the file name only', async () => {
    const target = join(dir, 'chosen', 'report.csv');
    mkdirSync(join(dir, 'chosen'), { recursive: true });
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target, filePaths: [] });
    const input = shellContract['files/save'].input.parse({
      suggestedName: 'report.csv',
      kind: 'csv',
      content: 'a;b\n1;2\n',
    });
    const answer = await createShellHandlers(() => null)['files/save'](input);
    expect(answer).toEqual({ saved: true, fileName: 'report.csv' });
    expect(readFileSync(target, 'utf8')).toBe('a;b\n1;2\n');
    expect(shellContract['files/save'].output.parse(answer)).toEqual(answer);
  });

  it('files/save decodes base64 content for binary kinds', async () => {
    const target = join(dir, 'chart.png');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target, filePaths: [] });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const input = shellContract['files/save'].input.parse({
      suggestedName: 'chart.png',
      kind: 'png',
      content: bytes.toString('base64'),
      encoding: 'base64',
    });
    await createShellHandlers(() => null)['files/save'](input);
    expect(readFileSync(target)).toEqual(bytes);
  });

  it('files/save writes nothing when the user cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '', filePaths: [] });
    const input = shellContract['files/save'].input.parse({ suggestedName: 'x.json', kind: 'json', content: '{}' });
    expect(await createShellHandlers(() => null)['files/save'](input)).toEqual({ saved: false, fileName: null });
  });

  // Security regression: the renderer may suggest a file name, never a folder (it could otherwise pre-select
  // ~/.config/autostart or the Windows Startup folder, and the user would only have to press Save). The contract
  // refuses a name with a folder, and the handler keeps only the base name even if called without the contract.
  it('files/save lets the renderer suggest a file name only, never a folder', async () => {
    const withFolder = {
      suggestedName: '../../.config/autostart/sroi.desktop',
      kind: 'json',
      content: '[Desktop Entry]',
    };
    expect(shellContract['files/save'].input.safeParse(withFolder).success).toBe(false);
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await createShellHandlers(() => null)['files/save']({ ...withFolder, kind: 'json', encoding: 'utf8' });
    const options = electron.dialog.showSaveDialog.mock.calls[0]?.at(-1) as { defaultPath?: string };
    expect(options.defaultPath).toBe('sroi.desktop');
  });

  it('files/open reads the chosen file and answers with its name and text', async () => {
    const source = join(dir, 'project.sroi.json');
    writeFileSync(source, '{"format":"sroi"}');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    const answer = await createShellHandlers(() => null)['files/open']({ kind: 'project' });
    expect(answer).toEqual({ file: { name: 'project.sroi.json', content: '{"format":"sroi"}' } });
    expect(shellContract['files/open'].output.parse(answer)).toEqual(answer);
  });

  it('files/open answers null when the user cancels', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await createShellHandlers(() => null)['files/open']({ kind: 'csv' })).toEqual({ file: null });
  });

  it('files/open refuses a file larger than 60 MB', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(60 * 1024 * 1024 + 1, 0x41));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    await expect(createShellHandlers(() => null)['files/open']({ kind: 'csv' })).rejects.toThrow(/larger than 60 MB/);
  });

  it('the shell contract refuses kinds the open dialog does not offer', () => {
    expect(shellContract['files/open'].input.safeParse({ kind: 'pdf' }).success).toBe(false);
    expect(shellContract['files/save'].input.safeParse({ suggestedName: '', kind: 'csv', content: '' }).success).toBe(
      false,
    );
  });
});

describe('the preload (window.sroi)', () => {
  let api: SroiApi;

  beforeAll(async () => {
    await import('../../electron/preload/preload');
    api = electron.exposed.get('sroi') as SroiApi;
  });
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockClear();
  });

  it('exposes exactly one object, as window.sroi, with invoke and onMenuCommand only', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...electron.exposed.keys()]).toEqual(['sroi']);
    expect(sorted(Object.keys(api))).toEqual(['invoke', 'onMenuCommand']);
  });

  it('is frozen: the page cannot replace invoke', () => {
    expect(Object.isFrozen(api)).toBe(true);
    const record = api as unknown as Record<string, unknown>;
    expect(() => {
      record.invoke = () => Promise.resolve('hijacked');
    }).toThrow(TypeError);
    expect(() => {
      record.extra = 1;
    }).toThrow(TypeError);
  });

  it('forwards every allowed channel on the one RPC channel, with its input unchanged', async () => {
    for (const channel of CHANNEL_NAMES) {
      const input = { probe: channel };
      await expect(api.invoke(channel, input)).resolves.toEqual({ ok: true, value: 'answered by main' });
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(RPC_CHANNEL, channel, input);
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
  });

  it.each<[string, unknown]>([
    ['an unknown name', 'admin/exec'],
    ['a near miss', 'projects/List'],
    ['a channel with a trailing space', 'projects/list '],
    ['the raw RPC channel', RPC_CHANNEL],
    ['the menu channel', MENU_COMMAND_CHANNEL],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['the empty string', ''],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array holding an allowed name', ['projects/list']],
    ['an object that stringifies to an allowed name', { toString: () => 'projects/list' }],
  ])('answers %s with UNKNOWN_CHANNEL without calling the main process', async (_label, channel) => {
    const answer = (await api.invoke(channel, {})) as { ok: boolean; error: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('UNKNOWN_CHANNEL');
    expect(answer.error.message.length).toBeLessThan(200);
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('shortens a long unknown channel name in its message', async () => {
    const answer = (await api.invoke('x'.repeat(10_000), {})) as { error: { message: string } };
    expect(answer.error.message.length).toBeLessThan(200);
  });

  // Regression (fixed): the preload builds its message with String(channel), which throws for values that cannot become a
  // string (an object with a null prototype, or whose toString throws), so invoke throws instead of answering
  // UNKNOWN_CHANNEL. Fix in electron/preload/preload.ts (line 18): show `typeof channel === 'string' ?
  // channel.slice(0, 80) : \`(a ${typeof channel})\`` as the dispatcher does.
  it('answers a channel that cannot be turned into a string with UNKNOWN_CHANNEL instead of throwing', async () => {
    const hostile = {
      toString(): string {
        throw new Error('boom');
      },
    };
    const answer = (await api.invoke(hostile, {})) as { error: { code: string } };
    expect(answer.error.code).toBe('UNKNOWN_CHANNEL');
  });

  describe('onMenuCommand', () => {
    function registeredHandler(): MenuListener {
      const call = electron.ipcRenderer.on.mock.calls.at(-1);
      expect(call?.[0]).toBe(MENU_COMMAND_CHANNEL);
      return call![1];
    }

    it('passes every known menu command to the listener', () => {
      const listener = vi.fn((_command: string) => undefined);
      api.onMenuCommand(listener);
      const handler = registeredHandler();
      for (const command of MENU_COMMANDS) handler({}, command);
      expect(listener.mock.calls.map(([command]) => command)).toEqual([...MENU_COMMANDS]);
    });

    it.each<unknown>([
      'delete-everything',
      'NEW-PROJECT',
      '',
      42,
      null,
      undefined,
      { command: 'new-project' },
      ['new-project'],
    ])('ignores the unknown command %j', (command) => {
      const listener = vi.fn((_command: string) => undefined);
      api.onMenuCommand(listener);
      registeredHandler()({}, command);
      expect(listener).not.toHaveBeenCalled();
    });

    it('returns a function that removes exactly the listener it added', () => {
      const stop = api.onMenuCommand(() => undefined);
      const handler = registeredHandler();
      stop();
      expect(electron.ipcRenderer.removeListener).toHaveBeenLastCalledWith(MENU_COMMAND_CHANNEL, handler);
    });
  });
});
