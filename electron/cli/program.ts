/**
 * The `sroi` command line: commander wiring, and the one place that turns every outcome of a run into an exit
 * code (see exit-codes.ts). Usage errors from commander are 2 (exitOverride, so commander never calls
 * process.exit itself); CliErrors carry their own code; anything else is an internal error, 4.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { computeCommand, type ComputeOptions } from './compute-command';
import { CliError, ExitCode, exitCodesHelp } from './exit-codes';
import type { CliIo } from './io';
import { reportCommand, type ReportCommandOptions } from './report-command';
import { schemaCommand } from './schema-command';
import { simulateCommand, type SimulateOptions } from './simulate-command';
import { validateCommand, type ValidateOptions } from './validate-command';

export function createProgram(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('sroi');
  // Set before the subcommands are added: commander copies these settings into each of them.
  program
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run "sroi --help" for usage)');

  program
    .description('SROI Studio on the command line: compute, check and describe SROI model files (*.sroi.json).')
    .version(version, '-V, --version', 'print the version of sroi')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', exitCodesHelp());

  program
    .command('compute')
    .description('compute the SROI result of a model file and print it as a report, or as JSON with --json')
    .argument('<file>', 'the model file (*.sroi.json)')
    .option('--json', 'print the full result as JSON (decimals as full-precision strings, with explanations)')
    .option('--year0', 'use the year0 convention for this run (year 1 undiscounted) whatever the file says')
    .action((file: string, options: ComputeOptions) => setExitCode(computeCommand(file, options, io)));

  program
    .command('validate')
    .description('check a model file: list every problem (exit 1), or say it is valid with its warnings (exit 0)')
    .argument('<file>', 'the model file (*.sroi.json)')
    .option('--json', 'print problems and warnings as JSON')
    .action((file: string, options: ValidateOptions) => setExitCode(validateCommand(file, options, io)));

  program
    .command('simulate')
    .description(
      'Monte Carlo over the distributions of a model file: percentiles of PV, NPV, ratio; P(ratio > 1); for strategies, the CE plane and CEAC',
    )
    .argument('<file>', 'the model file (*.sroi.json)')
    .option('--iterations <n>', 'number of iterations, 1 to 1,000,000 (default 10,000)')
    .option('--seed <s>', 'seed of the generator, 0 to 4,294,967,295 (default: drawn at random and printed)')
    .option('--bins <n>', 'bins of the ratio histogram (default 20)')
    .option('--comparator <id>', 'with two strategies or more: compare them against this one (default: the first)')
    .option('--wtp-max <x>', "end of the acceptability curve's willingness-to-pay grid (default: from the strategies)")
    .option('--wtp-points <n>', 'points of the willingness-to-pay grid, 2 to 1,001 (default 11)')
    .option('--json', 'print the run settings, seed and summary as JSON')
    .option('--progress', 'report progress on standard error even when it is not a terminal')
    .action((file: string, options: SimulateOptions) => setExitCode(simulateCommand(file, options, io)));

  program
    .command('report')
    .description('write the report of a model file: PDF (printed by Chromium), Word (.docx), Excel (.xlsx)')
    .argument('<file>', 'the model file (*.sroi.json)')
    .option('--pdf <out>', 'write the report as PDF to OUT')
    .option('--docx <out>', 'write the report as a Word document to OUT')
    .option('--xlsx <out>', 'write the Excel workbook (Value Map, inputs by funder, outputs by month) to OUT')
    .option('--paper <size>', 'paper of the PDF and Word report: A4 (default) or Letter')
    .option('--sections <list>', 'sections of the PDF and Word report, comma-separated (default: all)')
    .option('--language <code>', 'language of the report: en, es, pt, it or fr (default: from --locale or LANG)')
    .option('--locale <tag>', 'how numbers and dates are written, e.g. en-GB, pt-PT (default: from LANG)')
    .option('--date <date>', 'the date printed on the report, YYYY-MM-DD (default: today)')
    .option('--iterations <n>', 'Monte Carlo iterations when assumptions carry distributions (default 10,000)')
    .option('--seed <s>', 'Monte Carlo seed (default 20250101)')
    // Asynchronous (Chromium, exceljs): run through runAsync, which the entry point uses.
    .action((file: string, options: ReportCommandOptions) => reportCommand(file, options, io).then(setExitCode));

  program
    .command('schema')
    .description('print the JSON Schema of the model file (generated from the model itself)')
    .action(() => setExitCode(schemaCommand(io)));

  return program;
}

function internalError(error: unknown, io: CliIo): ExitCode {
  const message = error instanceof Error ? error.message : String(error);
  io.err(`sroi: internal error: ${message}\n`);
  if (io.env.SROI_DEBUG === '1' && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('This is a bug in sroi. Run again with SROI_DEBUG=1 to see the details, and report them.\n');
  return ExitCode.Internal;
}

/**
 * Like `run`, for every command including the asynchronous ones (`report`): resolves with the exit code once the
 * command has finished. The entry point (sroi.ts) uses this.
 */
export async function runAsync(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.Ok;
  try {
    await createProgram(io, (code) => {
      exitCode = code;
    }).parseAsync([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    if (error instanceof CliError) {
      io.err(`sroi: ${error.message}\n`);
      return error.exitCode;
    }
    return internalError(error, io);
  }
}

/** Run the command line `argv` (process.argv form: node, script, ...args) and return the exit code. */
export function run(argv: readonly string[], io: CliIo): ExitCode {
  let exitCode: ExitCode = ExitCode.Ok;
  try {
    createProgram(io, (code) => {
      exitCode = code;
    }).parse([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof CliError) {
      io.err(`sroi: ${error.message}\n`);
      return error.exitCode;
    }
    return internalError(error, io);
  }
}
