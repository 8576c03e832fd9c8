/**
 * The handler of every channel of the contract, over an open store. Handlers are thin: the services own the
 * rules and the transactions; the dispatcher owns validation and error shaping.
 */
import type { Handlers } from './dispatcher';
import type { ListName } from './services/list-service';
import { ExchangeService } from './services/exchange-service';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import type { Store } from './store';
import { contract } from '../../shared/ipc/contract';
import type { AppFailure } from '../../shared/ipc/result';
import type { SimulationRun } from '../../shared/model';

const done = { done: true } as const;

function listHandlers<N extends ListName>(store: Store, name: N) {
  return {
    [`${name}/save`]: ({ projectId, item }: { projectId: string; item: { id: string } }) =>
      store.lists.save(name, projectId, item),
    [`${name}/delete`]: ({ projectId, id }: { projectId: string; id: string }) => {
      store.lists.delete(name, projectId, id);
      return done;
    },
    [`${name}/reorder`]: ({ projectId, ids }: { projectId: string; ids: string[] }) => {
      store.lists.reorder(name, projectId, ids);
      return done;
    },
  };
}

export function createHandlers(store: Store): Handlers {
  const exchange = new ExchangeService(store);
  const handlers = {
    'app/info': () => ({ version: store.version, schemaVersion: LATEST_SCHEMA_VERSION, dataFile: store.file }),

    'projects/list': ({ includeArchived, search }: { includeArchived: boolean; search: string }) =>
      store.projects.list(includeArchived, search),
    'projects/create': (input: Parameters<Store['projects']['create']>[0]) => store.projects.create(input),
    'projects/get': ({ id }: { id: string }) => store.projects.get(id),
    'projects/update': ({ id, changes }: { id: string; changes: Parameters<Store['projects']['update']>[1] }) =>
      store.projects.update(id, changes),
    'projects/saveSimulation': ({ id, run }: { id: string; run: SimulationRun | null }) =>
      store.projects.saveSimulation(id, run),
    'projects/rename': ({ id, name }: { id: string; name: string }) => store.projects.rename(id, name),
    'projects/duplicate': ({ id, name, mode }: { id: string; name: string; mode: 'copy' | 'scenario' }) =>
      store.projects.duplicate(id, name, mode),
    'projects/archive': ({ id, archived }: { id: string; archived: boolean }) => store.projects.archive(id, archived),
    'projects/delete': ({ id }: { id: string }) => store.projects.delete(id),
    'projects/undoDelete': ({ id }: { id: string }) => store.projects.undoDelete(id),
    'projects/history': ({ id, limit }: { id: string; limit: number }) => store.projects.history(id, limit),
    'projects/export': ({ id }: { id: string }) => store.projects.export(id),
    'projects/import': ({ file, asCopy }: { file: unknown; asCopy: boolean }) => store.projects.import(file, asCopy),

    ...listHandlers(store, 'stakeholders'),
    ...listHandlers(store, 'inputs'),
    ...listHandlers(store, 'outputs'),
    ...listHandlers(store, 'outcomes'),
    ...listHandlers(store, 'evidence'),
    ...listHandlers(store, 'stories'),
    ...listHandlers(store, 'strategies'),
    ...listHandlers(store, 'scenarios'),

    'outputRecords/list': ({ projectId, outputId }: { projectId: string; outputId: string }) =>
      store.outputRecords.list(projectId, outputId),
    'outputRecords/replace': (input: {
      projectId: string;
      outputId: string;
      records: Parameters<Store['outputRecords']['replace']>[2];
    }) => ({
      count: store.outputRecords.replace(input.projectId, input.outputId, input.records),
    }),
    'outputRecords/importCsv': (input: {
      projectId: string;
      csv: string;
      mapping: Parameters<Store['outputRecords']['importCsv']>[2];
    }) => store.outputRecords.importCsv(input.projectId, input.csv, input.mapping),

    'exchange/exportXlsx': ({ projectId }: { projectId: string }) => exchange.exportXlsx(projectId),
    'exchange/readSpreadsheet': ({ base64, sheet }: { base64: string; sheet: string | null }) =>
      exchange.readSpreadsheet(base64, sheet),
    'exchange/importInputs': (input: {
      projectId: string;
      source: Parameters<ExchangeService['importInputs']>[1];
      mapping: Parameters<ExchangeService['importInputs']>[2];
    }) => exchange.importInputs(input.projectId, input.source, input.mapping),
    'exchange/importValueMap': ({ base64, fileName }: { base64: string; fileName: string }) =>
      exchange.importValueMap(base64, fileName),

    'backups/list': () => store.backups.list(),
    'backups/create': () => store.backups.create(store.db, 'manual'),
    'backups/restore': ({ id }: { id: string }) => store.restore(id),
    'backups/undoRestore': async ({ undoId }: { undoId: string }) => {
      await store.undoRestore(undoId);
      return done;
    },
  };
  // The contract test proves every channel has a handler; this cast only bridges the generated list channels.
  return handlers as unknown as Handlers;
}

/**
 * When the data file cannot be opened (written by a newer SROI Studio), every call answers with that
 * failure, so the interface can explain it; nothing can write, delete or reset the file.
 */
export function createLockedHandlers(failure: AppFailure): Handlers {
  const refuse = () => {
    throw failure;
  };
  return Object.fromEntries(Object.keys(contract).map((channel) => [channel, refuse])) as unknown as Handlers;
}
