/**
 * The dispatcher: the backend's single entry point for both transports. It checks the channel exists,
 * validates the payload against the contract, runs the handler, validates what the handler returns, and
 * always answers with a Result. Calls run one at a time, so a long import never interleaves with an edit.
 */
import type { z } from 'zod';
import { contract, type Channel, type ChannelOutput, type ParsedInput } from '../../shared/ipc/contract';
import { AppFailure, fail, ok, type Result } from '../../shared/ipc/result';
import { toProblems } from '../../shared/model/validate';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export type Logger = (message: string, error?: unknown) => void;

const INTERNAL_MESSAGE =
  'Something went wrong and the change was not saved. Your data is safe; please try again, and if it happens again, send the log file to support.';

export class Dispatcher {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly handlers: Handlers,
    private readonly log: Logger = () => {},
  ) {}

  /** Validate and run one call. Never throws, whatever `channel` and `payload` are. */
  dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    const run = this.queue.then(() => this.run(channel, payload));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      const shown =
        typeof channel === 'string'
          ? JSON.stringify(channel).slice(0, 80)
          : `(a ${channel === null ? 'null' : typeof channel})`;
      return fail('UNKNOWN_CHANNEL', `There is no channel named ${shown}.`);
    }
    const name = channel as Channel;
    const spec = contract[name] as { input: z.ZodType; output: z.ZodType };
    const input = spec.input.safeParse(payload);
    if (!input.success) {
      const fields = toProblems(input.error, payload);
      return fail(
        'VALIDATION',
        `Some fields are not valid: ${fields.map((f) => `${f.where}: ${f.message}`).join('; ')}`,
        fields,
      );
    }
    try {
      const handler = this.handlers[name] as (input: unknown) => unknown;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        this.log(`handler for ${name} returned data that breaks the contract`, output.error);
        return fail('INTERNAL', INTERNAL_MESSAGE);
      }
      return ok(output.data);
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.code, error.message, error.fields);
      this.log(`handler for ${name} failed`, error);
      return fail('INTERNAL', INTERNAL_MESSAGE);
    }
  }
}
