/**
 * Where the commands write. The entry point passes the real streams; keeping them behind this interface lets a
 * test (or another front end) run a command in-process and capture what it printed.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
  };
}
