/**
 * Every call across the boundary returns a Result instead of throwing (DESIGN.md "One contract, two
 * transports"): the renderer can always show a message, and internal errors are never leaked as stacks.
 */
import { z } from 'zod';

export const ErrorCode = z.enum([
  'VALIDATION', // the payload or the data broke a rule; `fields` says where
  'NOT_FOUND',
  'CONFLICT', // e.g. a name already taken, a stale edit, an import already running
  'FUTURE_SCHEMA', // the database was written by a newer SROI Studio
  'UNKNOWN_CHANNEL',
  'FORBIDDEN', // a call from a frame or origin that may not call
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldProblem = z.object({ path: z.string(), where: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblem>;

export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  fields: z.array(FieldProblem).optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: FieldProblem[]): Result<never> {
  return fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } };
}

/** Thrown inside the backend to end a call with a known error; the dispatcher turns it into a Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
