// `dfsplit --interactive`: the question asked under each file that would change, as `git add -p` asks
// it: one line, answered with a letter and Enter (the terminal stays in its usual line mode, so typing,
// erasing and Ctrl-C behave as everywhere else). src/cli-run.ts shows the diff and writes the file.
import { createInterface } from 'node:readline/promises';
import type { Input, Output } from './cli-io.js';

export const QUESTION = 'Apply this conversion [y,n,e,q,?]? ';

const HELP = `y - write this conversion to the file
n - do not write it; go on to the next file
e - show explain for this file, then ask again
q - quit: write neither this file nor any later one (files written so far stay written)
? - print this help
`;

/** What the user decided for one file: write it, skip it, or stop. */
export type Answer = 'y' | 'n' | 'q';

/** The answers, line by line. */
export interface Prompt {
  /** The next line typed, or null at the end of input (Ctrl-D, a closed terminal). */
  line(): Promise<string | null>;
  close(): void;
}

/** Lines read from `input` (the terminal, or a test's scripted answers). */
export function openPrompt(input: Input): Prompt {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  // the iterator keeps lines typed ahead of the question (question() would drop them)
  const lines = rl[Symbol.asyncIterator]();
  return {
    async line() {
      const next = await lines.next();
      return next.done ? null : next.value;
    },
    close: () => rl.close(),
  };
}

/**
 * Ask whether to write a file until the answer is y, n or q: e prints `explain()` and asks again, ? and
 * anything else print the help and ask again. The end of input is q.
 */
export async function askApply(prompt: Prompt, out: Output, explain: () => string): Promise<Answer> {
  for (;;) {
    out.write(QUESTION);
    const line = await prompt.line();
    if (line === null) {
      out.write('\n');
      return 'q';
    }
    const answer = line.trim().toLowerCase();
    if (answer === 'y' || answer === 'n' || answer === 'q') return answer;
    out.write(answer === 'e' ? explain() : HELP);
  }
}
