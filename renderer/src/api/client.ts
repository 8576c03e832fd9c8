/**
 * The interface's API: named functions over the contract, typed from it. Components call these, never a
 * channel string, and get a Result they can show (no exceptions cross the boundary).
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { ListName } from '../../../shared/ipc/lists';
import { reportBackendError } from './errors';
import { createTransport, type Transport } from './transport';

let transport: Transport | null = null;

/** Tests install a fake transport; the app uses the real one, created on first use. */
export function setTransport(fake: Transport | null): void {
  transport = fake;
}

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  transport ??= createTransport();
  const result = (await transport(channel, input)) as Result<ChannelOutput<C>>;
  if (!result.ok) reportBackendError(result.error);
  return result;
}

type ItemOf<L extends ListName> = ChannelInput<`${L}/save`>['item'];

function listApi<L extends ListName>(name: L) {
  return {
    save: (projectId: string, item: ItemOf<L>) =>
      call(`${name}/save` as `${L}/save`, { projectId, item } as ChannelInput<`${L}/save`>),
    delete: (projectId: string, id: string) =>
      call(`${name}/delete` as `${L}/delete`, { projectId, id } as ChannelInput<`${L}/delete`>),
    reorder: (projectId: string, ids: string[]) =>
      call(`${name}/reorder` as `${L}/reorder`, { projectId, ids } as ChannelInput<`${L}/reorder`>),
  };
}

export const api = {
  appInfo: () => call('app/info', {}),
  projects: {
    list: (includeArchived = false, search = '') => call('projects/list', { includeArchived, search }),
    create: (input: ChannelInput<'projects/create'>) => call('projects/create', input),
    get: (id: string) => call('projects/get', { id }),
    update: (id: string, changes: ChannelInput<'projects/update'>['changes']) =>
      call('projects/update', { id, changes }),
    rename: (id: string, name: string) => call('projects/rename', { id, name }),
    saveSimulation: (id: string, run: ChannelInput<'projects/saveSimulation'>['run']) =>
      call('projects/saveSimulation', { id, run }),
    duplicate: (id: string, name: string, mode: 'copy' | 'scenario') => call('projects/duplicate', { id, name, mode }),
    archive: (id: string, archived: boolean) => call('projects/archive', { id, archived }),
    delete: (id: string) => call('projects/delete', { id }),
    undoDelete: (id: string) => call('projects/undoDelete', { id }),
    history: (id: string, limit = 200) => call('projects/history', { id, limit }),
    exportFile: (id: string) => call('projects/export', { id }),
    importFile: (file: unknown, asCopy = false) => call('projects/import', { file, asCopy }),
  },
  stakeholders: listApi('stakeholders'),
  inputs: listApi('inputs'),
  outputs: listApi('outputs'),
  outcomes: listApi('outcomes'),
  evidence: listApi('evidence'),
  stories: listApi('stories'),
  strategies: listApi('strategies'),
  scenarios: listApi('scenarios'),
  outputRecords: {
    list: (projectId: string, outputId: string) => call('outputRecords/list', { projectId, outputId }),
    replace: (projectId: string, outputId: string, records: ChannelInput<'outputRecords/replace'>['records']) =>
      call('outputRecords/replace', { projectId, outputId, records }),
    importCsv: (projectId: string, csv: string, mapping: ChannelInput<'outputRecords/importCsv'>['mapping']) =>
      call('outputRecords/importCsv', { projectId, csv, mapping }),
  },
  backups: {
    list: () => call('backups/list', {}),
    create: () => call('backups/create', {}),
    restore: (id: string) => call('backups/restore', { id }),
    undoRestore: (undoId: string) => call('backups/undoRestore', { undoId }),
  },
};

export type Api = typeof api;
