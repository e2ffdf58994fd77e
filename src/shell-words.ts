// What reading a RUN script yields: its simple commands. Both readers answer in these terms, the fast
// path (src/shell-fast.ts) and the full parser (src/shell.ts, which tries the fast path first), so the
// terms live apart from both and the fast path does not import the module that calls it. And the words
// of a command that needs no shell at all (the exec form of a CMD or ENTRYPOINT).

/** One simple command inside a RUN, e.g. `CGO_ENABLED=0 go build -o /app .`. */
export interface ShellCommand {
  /** Words with quotes removed; parameter expansions kept as written (`$HOME`). */
  words: readonly string[];
  /** `NAME=value` assignments written before the command. */
  assigns: Readonly<Record<string, string>>;
  /** Output redirection targets (`> file`, `>> file`), `/dev/*` excluded. */
  writes: readonly string[];
  /** Character offsets of the command in the parsed source (assignments and redirections included). */
  start: number;
  end: number;
  /** The operator that joins this command to the previous one at the top level, or null. */
  joinedBy: '&&' | '||' | ';' | '|' | null;
  /** True when the command sits inside if/for/while/case, a subshell, a function or a pipeline. */
  nested: boolean;
  /** The working directory as changed by `cd` earlier in the same RUN, or null when unchanged. */
  cwd: string | null;
}

/** A RUN script split into commands. */
export interface ShellScript {
  commands: ShellCommand[];
  /** True when the script uses control flow, subshells, pipes or functions: it is kept whole. */
  complex: boolean;
  /** Set when the shell parser refused the script; commands then come from a whitespace split. */
  error: string | null;
}

/** Words of a shell-form command that needs no shell, or null. */
export function plainWords(command: string): string[] | null {
  const t = command.trim();
  if (!/^[A-Za-z0-9_./:=,+@%-]+(\s+[A-Za-z0-9_./:=,+@%-]+)*$/.test(t)) return null;
  return t.split(/\s+/);
}
