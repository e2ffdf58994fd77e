// The shell-form RUN instructions of every corpus file that parses: what the shell readers are compared on.
import { readFileSync } from 'node:fs';
import type { Instruction } from '../../src/model.js';
import { parse } from '../../src/parse.js';
import { corpusFiles } from './files.js';

/** Every shell-form RUN of the corpus (exec-form RUNs have no script to read), file by file. */
export function* corpusShellRuns(): Generator<Extract<Instruction, { keyword: 'RUN' }>> {
  for (const file of corpusFiles()) {
    let model;
    try {
      model = parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    for (const ins of model.instructions) if (ins.keyword === 'RUN' && !ins.json) yield ins;
  }
}
