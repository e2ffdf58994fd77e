// Programs the image's own code runs at run time besides its start command: those the language packages it
// installs shell out to (`pip install ReviewBoard` runs patch, `npm install -g lerna` git: each family's
// `runtimePrograms`, src/commands/), and an interpreter of each script it makes executable (`chmod +x hash.py`:
// python). A slim runtime base lacks what the full image had from buildpack-deps (issue 23 item 8). Read by
// kept-tools (a build tool such a program is stays installed) and, through helperPrograms
// (src/runtime-contract.ts), by the state model (the runtime stage has one of them).
import { madeExecutable, runtimeProgramsOf, scriptInterpreters } from '../commands/index.js';
import type { RunAnalysis } from './run.js';

/** One program needed at run time: any of `programs`, for `by` (a package or a script), installed or made executable by RUN `index`. */
export interface HelperProgram {
  programs: readonly string[];
  by: string;
  index: number;
}

export function helperProgramsOf(runs: ReadonlyMap<number, RunAnalysis>): HelperProgram[] {
  const out: HelperProgram[] = [];
  for (const [index, run] of runs)
    for (const c of run.commands) {
      for (const { by, programs } of runtimeProgramsOf(c.words)) out.push({ programs, by, index });
      for (const file of madeExecutable(c.words) ?? []) {
        const interpreters = scriptInterpreters(/\.(\w+)$/.exec(file)?.[1] ?? '');
        if (interpreters) out.push({ programs: interpreters, by: file.split('/').pop()!, index });
      }
    }
  return out;
}
