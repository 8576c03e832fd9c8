/**
 * The preload: the renderer's only door to the backend. It exposes one frozen function, `window.sroi.invoke`,
 * which forwards allowlisted channels over one IPC channel; anything else is answered without reaching main.
 * Runs sandboxed, so it may import nothing but Electron and what the bundler inlines.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { MENU_COMMAND_CHANNEL, MENU_COMMANDS } from '../../shared/ipc/menu-commands';

import { RPC_CHANNEL } from '../main/rpc-channel';
const allowed: ReadonlySet<string> = new Set(CHANNEL_NAMES);

const api = Object.freeze({
  invoke(channel: unknown, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'UNKNOWN_CHANNEL',
          message: `There is no channel named ${typeof channel === 'string' ? channel.slice(0, 80) : `(a ${typeof channel})`}.`,
        },
      });
    }
    return ipcRenderer.invoke(RPC_CHANNEL, channel, input);
  },
  /** Menu commands (new project, import, ...); returns a function that stops listening. */
  onMenuCommand(listener: (command: string) => void): () => void {
    const known: ReadonlySet<string> = new Set(MENU_COMMANDS);
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && known.has(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
  },
});

contextBridge.exposeInMainWorld('sroi', api);
