// A `make install` (or `cmake --install`) into a system prefix (`./configure --prefix=/usr`, `PREFIX=/`,
// `--sysconfdir=/etc`) is the program an expert moves to the runtime stage, but its prefix is a whole system
// directory, which is never copied (item 6 of issue 23). What experts write instead: the install staged into a
// directory of its own, `make install DESTDIR=/staging`, and only that directory copied (`COPY --from=builder
// /staging /`). The builder runs the staged install right before the original one (a declared builder edit,
// `insert`), so every later builder step still finds the installed files where the original put them; the
// runtime stage gets exactly what the install wrote. Whether the install honours DESTDIR, and whether a later
// builder step changes what it installed, only a build shows: always `build` level (`unproven-staged-install`).
// https://www.gnu.org/prep/standards/html_node/DESTDIR.html  https://cmake.org/cmake/help/latest/envvar/DESTDIR.html
import type { Analysis } from './analyze/index.js';
import type { RunCommand } from './analyze/run.js';
import { configureStep, familyOf, installsConfigured } from './commands/index.js';
import { stagedInstall } from './commands/build-systems.js';
import { systemDir } from './knowledge/secrets.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import type { Artifact, BuilderEdit } from './preset.js';

/** Where the builder stages the installs; a file that names it itself is left as it is. */
const STAGING = '/staging';

/** The generic split with its system-prefix installs staged: the artifacts, the builder edits and what a build must prove. */
export interface StagedInstalls {
  artifacts: Artifact[];
  declines: Finding[];
  edits: BuilderEdit[];
  unproven: Finding[];
}

/**
 * The generic split with every build-system install into a system directory staged into {@link STAGING}, when
 * that leaves no system directory to copy; null when there is none to stage, or one that cannot be (an install
 * inside a subshell or after `||`, a system directory another command writes too). `generic` computes the
 * generic artifacts of an analysis (src/artifacts.ts genericArtifacts, as the plan calls it).
 */
export function stageInstalls(model: Model, analysis: Analysis, generic: (analysis: Analysis) => { artifacts: Artifact[]; declines: Finding[] }): StagedInstalls | null {
  const staged: { index: number; c: RunCommand; script: string }[] = [];
  for (const [index, run] of analysis.runs)
    for (const c of run.commands) {
      if (!c.outputs.some(systemDir) || familyOf(c.words[0] ?? '')?.id !== 'build-systems' || !installsConfigured(c.words)) continue;
      const script = stageable(model, analysis, index, c);
      if (script === null) return null;
      staged.push({ index, c, script });
    }
  if (!staged.length || model.text.includes(STAGING)) return null;
  // the same split, with the staged installs writing the staging directory instead of their prefixes
  const moved = new Set(staged.map((s) => s.c));
  const runs = new Map([...analysis.runs].map(([index, run]) => [index, { ...run, commands: run.commands.map((c) => (moved.has(c) ? { ...c, outputs: [STAGING] } : c)) }]));
  const split = generic({ ...analysis, runs });
  if (split.artifacts.some((a) => systemDir(a.path) || systemDir(a.to ?? a.path))) return null;
  const last = staged[staged.length - 1]!;
  const line = (index: number) => model.instructions[index]!.line;
  const command = (c: RunCommand) => c.words.slice(0, 3).join(' ');
  const artifacts = split.artifacts.map((a): Artifact => (a.path === STAGING ? { ...a, to: '/', byPreset: true, brings: [...new Set(staged.flatMap((s) => s.c.outputs))], why: { id: 'artifact-staged', data: { path: STAGING, command: command(last.c) }, line: line(last.index) } } : a));
  return {
    artifacts,
    declines: split.declines,
    edits: staged.map(({ index, c, script }): BuilderEdit => ({ kind: 'insert', index, at: c.start, script })),
    unproven: staged.map(({ index, c }): Finding => ({ id: 'unproven-staged-install', data: { command: command(c), path: c.outputs.filter(systemDir).join(' '), destdir: STAGING }, line: line(index) })),
  };
}

/**
 * The staged install that can run right before install `c` of RUN `index` (`<staged> && <install>` means what
 * the RUN meant): a shell-form RUN, `c` at its top level, first or after `&&` or `;`, written on one line. Else null.
 */
function stageable(model: Model, analysis: Analysis, index: number, c: RunCommand): string | null {
  const ins = model.instructions[index]!;
  if (ins.keyword !== 'RUN' || ins.form !== 'shell' || c.nested || (c.joinedBy !== null && c.joinedBy !== '&&' && c.joinedBy !== ';')) return null;
  // a relative prefix (`-DCMAKE_INSTALL_PREFIX=./`) installs into the build tree, which no DESTDIR moves
  const prefixes = [...analysis.runs].filter(([i]) => i <= index).flatMap(([, run]) => run.commands.map((k) => configureStep(k.words)?.prefix));
  const named = c.words.find((w) => /^(PREFIX|prefix)=|^--prefix=/.test(w))?.replace(/^[\w-]+=/, '');
  if ([...prefixes, named].some((p) => p != null && !p.startsWith('/'))) return null;
  const text = analysis.runs.get(index)!.script.slice(c.start, c.end);
  if (/[\r\n#`$(){}<>|&;\\]/.test(text) || text.trim() !== text) return null;
  return stagedInstall(c.words, text, STAGING);
}
