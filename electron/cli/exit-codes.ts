/**
 * The exit codes of `sroi`, documented here once: `sroi --help`, docs/cli.md and the tests read this list.
 * Scripts may rely on them; never renumber, only add.
 */
export const ExitCode = {
  /** The command did what was asked (a valid model, even with guard-rail warnings). */
  Ok: 0,
  /** The model file was read but is not a valid model: every problem is listed. */
  InvalidModel: 1,
  /** The command line is wrong: unknown command or option, missing argument. */
  Usage: 2,
  /** The file cannot be read (missing, a folder, no permission) or is not JSON. */
  FileUnreadable: 3,
  /** A bug in sroi: the message is shown; the stack only with SROI_DEBUG=1. */
  Internal: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODE_MEANINGS: ReadonlyArray<readonly [ExitCode, string]> = [
  [ExitCode.Ok, 'ok (a valid model, even with guard-rail warnings)'],
  [ExitCode.InvalidModel, 'the model is invalid (every problem is listed)'],
  [ExitCode.Usage, 'usage error: unknown command or option, missing argument'],
  [ExitCode.FileUnreadable, 'the file cannot be read or is not JSON'],
  [ExitCode.Internal, 'internal error (set SROI_DEBUG=1 to see the stack)'],
];

/** The epilogue of `sroi --help`. */
export function exitCodesHelp(): string {
  return ['', 'Exit codes:', ...EXIT_CODE_MEANINGS.map(([code, meaning]) => `  ${code}  ${meaning}`)].join('\n');
}

/** An expected failure: its message is for the user (no stack) and it ends the run with `exitCode`. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
