// A repeated step that does nothing for the runtime stage is left out: a `mkdir` of a directory only the
// build wrote into (`mkdir -p build/classes && javac -d build/classes ...` repeated in a JRE stage). Narrow on
// purpose: an empty directory the program writes to at run time (logs, /var/run/x) matters, and the
// Dockerfile does not say which those are, so only a directory a build command of the builder names, and
// that nothing in the runtime stage names, is left behind.
import { COMPILING, type Analysis } from './analyze/index.js';
import { fileReplay, pathOperands } from './commands/index.js';
import type { Finding } from './messages.js';
import { isInside, joinPath } from './paths.js';
import type { RuntimeStep } from './runtime-stage.js';

/** Where programs keep what they write at run time, and homes: a directory made there is always kept. */
const RUN_TIME_PLACES = ['/var', '/run', '/tmp', '/home', '/root', '/data', '/srv', '/mnt'];

/** The runtime stage without its RUNs that only make directories the build alone used, and the findings that say so. */
export function withoutIdleSteps(analysis: Analysis, steps: readonly RuntimeStep[]): { steps: RuntimeStep[]; findings: Finding[] } {
  const builds = [...analysis.runs.values()].flatMap((run) => run.commands.filter((c) => COMPILING.has(c.kind) || c.kind === 'test'));
  const out: RuntimeStep[] = [];
  const findings: Finding[] = [];
  for (const step of steps) {
    const idle = step.keyword === 'RUN' && step.source !== null && step.commands.length > 0 && step.commands.every((c) => fileReplay(c.words[0] ?? '') === 'creates-dir' && !c.nested);
    const made = idle ? step.commands.flatMap((c) => (pathOperands(c.words)?.makes ?? []).map((d) => ({ written: d, path: joinPath(c.cwd, d) }))) : [];
    const users = made.map(({ path }) => builds.find((b) => b.words.slice(1).some((w) => !w.startsWith('-') && isInside(joinPath(b.cwd, w), path))));
    const others = steps.filter((s) => s !== step);
    if (!idle || made.length === 0 || users.some((u) => !u) || made.some(({ written, path }) => RUN_TIME_PLACES.some((p) => isInside(path, p)) || named(written, others))) {
      out.push(step);
      continue;
    }
    findings.push({ id: 'replay-idle-dropped', data: { command: step.text.replace(/^RUN\s+/, ''), path: made.map((m) => m.path).join(', '), tool: users[0]!.words[0]! } });
  }
  return { steps: out, findings };
}

/** True when another step names a part of the directory as written (`build` or `classes` of `build/classes`): it may use it. */
function named(written: string, steps: readonly RuntimeStep[]): boolean {
  return written
    .split('/')
    .filter(Boolean)
    .some((part) => {
      const word = new RegExp(`(^|[/\\s"'=:])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([/\\s"':]|$)`);
      return steps.some((s) => word.test(s.text));
    });
}
