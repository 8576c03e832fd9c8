/**
 * Typed calls through a dispatcher, for store tests: `call` returns the Result, `ok` the value (and throws
 * with the error when the call failed).
 *
 *   const { call, ok } = typedApi(new Dispatcher(createHandlers(store)));
 */
import type { Dispatcher } from '../../electron/backend/dispatcher';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

export function typedApi(dispatcher: Dispatcher) {
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    dispatcher.dispatch(channel, input) as Promise<Result<ChannelOutput<C>>>;
  const ok = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return { call, ok };
}
