// Known errors are typed so the CLI can print them as one line; anything else is a bug and keeps its stack.

/**
 * The ids of input errors (`--json` and the other formats report them as the file's reason), each
 * thrown with its own sentence. Those convert() can also return (a file that reads but is no Dockerfile)
 * share the `error` status with src/messages.ts' error ids; `internal-error` is a bug met on one file.
 */
export type InputErrorId =
  // reading (src/files.ts, src/parse.ts)
  | 'unreadable'
  | 'no-match'
  | 'symlink-loop'
  | 'is-directory'
  | 'not-regular'
  | 'too-large'
  | 'binary'
  | 'utf16'
  | 'invalid-utf8'
  | 'cr-line-ends'
  // parsing (src/parse.ts)
  | 'unknown-instruction'
  | 'parse'
  | 'empty-from'
  | 'before-from'
  | 'no-from'
  // writing (src/files.ts)
  | 'read-only'
  | 'hard-link'
  | 'changed-meanwhile'
  | 'owner'
  | 'write-failed'
  | 'symlink-escape'
  | 'internal-error';

/** An input problem the user can fix: printed as `dfsplit: <file>:<line>: <message>`, exit 2. */
export class InputError extends Error {
  constructor(
    readonly id: InputErrorId,
    message: string,
    readonly line?: number,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  withFile(file: string): InputError {
    return new InputError(this.id, this.message, this.line, file);
  }

  /** `file:line: message`, the one-line form the CLI prints. */
  format(): string {
    const where = [this.file ?? '<input>', this.line].filter((p) => p !== undefined).join(':');
    return `${where}: ${this.message}`;
  }
}
