// Known errors are typed so the CLI can print them as one line; anything else is a bug and keeps its stack.

/** An input problem the user can fix: printed as `dfsplit: <file>:<line>: <message>`, exit 2. */
export class InputError extends Error {
  constructor(
    readonly id: string,
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
