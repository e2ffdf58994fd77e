// The command that starts the JVM: the last ENTRYPOINT (else CMD) as startCommand reads it, or the one command
// of a shell it hands a script to (`["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]`, `bash -c "java ..."`).
// https://docs.docker.com/reference/dockerfile/#entrypoint (a shell started for its variables and options)
import type { Instruction } from '../../src/model.js';
import { startCommand } from '../../src/runtime-contract.js';
import { parseShell } from '../../src/shell.js';

/** A POSIX shell by its name or path, as ENTRYPOINTs write it to expand variables in the command. */
const SHELL = /^(\/usr)?(\/bin\/)?(sh|bash|dash|ash)$/;

export interface JvmStart {
  words: readonly string[];
  ins: Instruction;
  /** The shell whose `-c` script is the command (its variables and patterns are expanded), when there is one. */
  shell?: string;
}

/** The words the container starts, through a shell's `-c` script of one simple command when so written; null otherwise. */
export function jvmStart(input: { model: Parameters<typeof startCommand>[0] }): JvmStart | null {
  const start = startCommand(input.model);
  if (!start) return null;
  const [shell, flag, script, ...rest] = start.words;
  if (!shell || !SHELL.test(shell) || flag !== '-c') return start;
  // a command substitution (`$(ip route ...)`) runs programs the runtime stage is not checked for
  if (script === undefined || rest.length || /\$\(|`/.test(script)) return null;
  const parsed = parseShell(script);
  const inner = parsed.commands[0];
  if (parsed.complex || parsed.commands.length !== 1 || !inner || inner.nested || Object.keys(inner.assigns ?? {}).length) return null;
  return { words: inner.words[0] === 'exec' ? inner.words.slice(1) : inner.words, ins: start.ins, shell };
}
