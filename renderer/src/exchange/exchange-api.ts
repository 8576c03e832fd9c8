/**
 * The exchange channels (contract: 'exchange/...'), typed from the contract. Kept beside the exchange components
 * rather than in api/client.ts so this area can be worked on alone; it uses the same transport as the client
 * (window.sroi in the app, POST /rpc in browser mode) and reports backend errors the same way. Tests install a
 * fake with setExchangeTransport.
 */
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { reportBackendError } from '../api/errors';
import { createTransport, type Transport } from '../api/transport';

let transport: Transport | null = null;

export function setExchangeTransport(fake: Transport | null): void {
  transport = fake;
}

type ExchangeChannel =
  'exchange/exportXlsx' | 'exchange/readSpreadsheet' | 'exchange/importInputs' | 'exchange/importValueMap';

async function call<C extends ExchangeChannel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  transport ??= createTransport();
  const result = (await transport(channel, input)) as Result<ChannelOutput<C>>;
  if (!result.ok) reportBackendError(result.error);
  return result;
}

export const exchangeApi = {
  exportXlsx: (projectId: string) => call('exchange/exportXlsx', { projectId }),
  readSpreadsheet: (base64: string, sheet: string | null = null) => call('exchange/readSpreadsheet', { base64, sheet }),
  importInputs: (
    projectId: string,
    source: ChannelInput<'exchange/importInputs'>['source'],
    mapping: ChannelInput<'exchange/importInputs'>['mapping'],
  ) => call('exchange/importInputs', { projectId, source, mapping }),
  importValueMap: (base64: string, fileName: string) => call('exchange/importValueMap', { base64, fileName }),
};
