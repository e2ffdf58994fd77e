// What one run of the command line reads and writes: the process's own streams, directory and
// environment (src/cli.ts), or a test's (test/shared.ts runs the CLI in-process through src/cli-main.ts).

/** An output stream: process.stdout or process.stderr, or anything that collects text. */
export interface Output {
  write(text: string): unknown;
  /** A terminal: colour and the progress line are on by default. */
  isTTY?: boolean;
  columns?: number;
  /** A stream's `error` event and state, where `EPIPE` says its reader is gone (`dfsplit . | head`). */
  on?(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
  errored?: Error | null;
}

/** An input stream: process.stdin, or a test's scripted answers. */
export interface Input extends NodeJS.ReadableStream {
  /** A terminal: --interactive reads its answers only from one. */
  isTTY?: boolean;
}

export interface CliIO {
  /** The directory relative paths are read from and shown relative to (the process's own: process.cwd()). */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Output;
  stderr: Output;
  /** Standard input's bytes, read when a path is `-`; unset: file descriptor 0, up to the size limit. */
  readStdin?: () => Buffer;
  /**
   * Standard input as a stream, where --interactive reads its answers line by line (a function: node makes
   * process.stdin on first use, and only --interactive uses it). Unset: no terminal to ask.
   */
  stdin?: () => Input;
  /**
   * The run owns its process: --write holds SIGINT, SIGTERM and SIGHUP while a file is written and acts
   * on them between files (src/files.ts holdSignals). Only src/cli.ts sets it.
   */
  holdSignals?: boolean;
}
