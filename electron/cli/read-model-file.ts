/**
 * Reading a model file from disk into a JSON value. Every failure is a CliError with exit code 3 whose message
 * names the file and says what is wrong: missing, a folder, no permission, or where the JSON breaks.
 * Checking that the JSON is a valid model is validate.ts's job, not this module's.
 */
import { readFileSync } from 'node:fs';
import { CliError, ExitCode } from './exit-codes';
import { findJsonSyntaxError } from './json-position';

function readReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file (check the path and the current folder)';
    case 'EISDIR':
      return 'it is a folder, not a model file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Parse JSON text read from `file`; a syntax error becomes a message with line, column and position. */
export function parseJsonText(text: string, file: string): unknown {
  // Editors on Windows may save UTF-8 with a byte-order mark; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new CliError(ExitCode.FileUnreadable, `${file} is not JSON: the file is empty`);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    const located = findJsonSyntaxError(body);
    if (located !== null) {
      throw new CliError(
        ExitCode.FileUnreadable,
        `${file} is not JSON: at line ${located.line}, column ${located.column} (position ${located.offset}): ${located.message}`,
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(ExitCode.FileUnreadable, `${file} is not JSON: ${detail}`);
  }
}

/** Read and parse `file` (a path as the user typed it, used verbatim in messages). */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(ExitCode.FileUnreadable, `cannot read ${file}: ${readReason(error)}`);
  }
  return parseJsonText(text, file);
}
