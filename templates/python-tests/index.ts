// Python test gates: an image that installs its test tools (`pip install -r requirements-dev.txt`,
// `apt-get install python3-pytest`) and runs its tests (`RUN pytest`) but builds nothing. The builder keeps
// the whole file and marks that the tests passed; the runtime stage is the same image without the test
// installs and runs, and copies the marker, so BuildKit still builds the builder and runs the tests
// (it builds only the stages the final one depends on: https://docs.docker.com/build/building/multi-stage/).
import type { Finding } from '../../src/messages.js';
import type { Preset, PresetInput } from '../../src/preset.js';
import type { RunCommand } from '../../src/analyze/run.js';
import { commandOf, isInterpreter, isNeutral, packageCommand } from '../../src/commands/index.js';
import { isTestToolPackage, pythonTestRole } from '../../src/commands/python.js';
import { parseImage } from '../../src/images.js';
import { repeatedCommands } from '../../src/runtime-stage.js';
import { safeToReplay } from '../../src/proof.js';
import { startedPrograms } from '../../src/runtime-contract.js';
import { imageConfig } from '../../src/knowledge/image-config.js';
import { requirementName } from '../../src/knowledge/compiled-packages.js';
import type { Model } from '../../src/model.js';
import { joinPath, parseShell } from '../../src/shell.js';
import { readRequirements } from '../shared/python-libs.js';
import { pipInstalls, requirementFiles, requirementsOf, type PipCommand } from '../shared/python.js';

/** The file the builder writes once its tests passed, and the runtime stage copies. */
const MARKER = '/tmp/.tests-passed';

/** A command that runs Python tests (pytest, tox, `python -m unittest`), not an install of test tools. */
function runsTests(c: RunCommand): boolean {
  return pythonTestRole(commandOf(c.words), c.kind) === 'run';
}

/** An install the split leaves behind: test tools or dev/test requirement files by pip, test-tool packages by the package manager. */
function installsTestTools(c: RunCommand): boolean {
  if (c.install) return c.install.build.length > 0 && c.install.build.every(isTestToolPackage);
  return pythonTestRole(commandOf(c.words), c.kind) === 'install';
}

/** A command the runtime stage may leave out with the tests: a test run or install, system package-list upkeep, cleanup, a command that only looks. */
function partOfTests(c: RunCommand): boolean {
  if (c.install) return c.install.runtime.length === 0 && installsTestTools(c);
  if (c.kind === 'test' || c.kind === 'cleanup') return true;
  // the system package manager's list upkeep (`apt-get update`), not pip's (`pip uninstall` of what the runtime stage installs)
  if (c.kind === 'package-maintenance') return packageCommand(c.words[0] ?? '') !== undefined;
  return isNeutral(c.words[0] ?? '') && c.writes.length === 0;
}

/** A test gate: the RUNs that run tests, whether a test install is left behind, the commands left behind, and the repeated commands that ran after a test install in the original. */
interface TestGate {
  runs: number[];
  installs: boolean;
  left: Set<RunCommand>;
  after: { index: number; command: RunCommand }[];
}

/**
 * What the generic split would leave out of the runtime stage, when all of it is the tests: the RUNs (by
 * index) that run tests, and whether a test install is among what is left. Null when anything else would
 * stay behind (a build, a download, build-only packages): that is not a test gate, or not this preset's.
 */
function testGate(input: PresetInput): TestGate | null {
  const runs: number[] = [];
  const left = new Set<RunCommand>();
  const after: { index: number; command: RunCommand }[] = [];
  let installs = false;
  for (const c of input.analysis.classifications) {
    const ins = input.model.instructions[c.index]!;
    if (ins.keyword !== 'RUN') {
      if (c.phase === 'build') return null;
      continue;
    }
    const run = input.analysis.runs.get(c.index);
    if (!run) return null;
    const repeated = new Set(repeatedCommands(run, c.phase, input.analysis.scopes.get(c.index)?.workdir ?? '/').map((x) => x.start));
    for (const command of run.commands) {
      if (repeated.has(command.start)) {
        // the runtime half repeats it; of an install, its build-only packages stay behind
        const behind = command.install?.build ?? [];
        if (!behind.every(isTestToolPackage)) return null;
        if (installs) after.push({ index: c.index, command });
        if (behind.length) installs = true;
        continue;
      }
      if (!partOfTests(command)) return null;
      left.add(command);
      if (installsTestTools(command)) installs = true;
      if (runsTests(command) && !runs.includes(c.index)) runs.push(c.index);
    }
  }
  return runs.length ? { runs, installs, left, after } : null;
}

/** Directories pip puts console scripts in, or the system's: a program started from one may be a test install's. */
const SCRIPT_DIRS = new Set(['/usr/local/bin', '/usr/bin', '/bin']);

/**
 * The programs and modules the container starts that the image itself does not give: a bare name (or one in
 * a scripts directory), and the module of `python -m MODULE`. One of them may come from a test install.
 */
function startedNames(model: Model, image: string): { name: string; keyword: string; line: number }[] {
  const tools = new Set(imageConfig(image)?.tools ?? []);
  const out = startedPrograms(model).flatMap((s) => {
    const slash = s.word.lastIndexOf('/');
    const name = s.word.slice(slash + 1);
    if (slash >= 0 && !SCRIPT_DIRS.has(s.word.slice(0, slash))) return [];
    return tools.has(name) ? [] : [{ name, keyword: s.keyword, line: s.line }];
  });
  for (const keyword of ['ENTRYPOINT', 'CMD']) {
    const ins = [...model.instructions].reverse().find((i) => i.keyword === keyword);
    if (!ins || (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT')) continue;
    const commands = ins.json ? [ins.json] : parseShell(ins.command).commands.map((c) => c.words);
    for (const words of commands) {
      const at = words.findIndex((w, k) => isInterpreter(w.split('/').pop() ?? '') && words[k + 1] === '-m');
      if (at >= 0 && words[at + 2]) out.push({ name: words[at + 2]!.split('.')[0]!, keyword, line: ins.line });
    }
  }
  return out;
}

/** The requirement names of pip installs, read from their arguments and requirement files (with the files they include); `unread` names the first file not in the build context. */
function requirementNames(input: PresetInput, installs: readonly PipCommand[]): { names: Set<string>; unread: string | null } {
  const names = new Set<string>();
  let unread: string | null = null;
  const seen = new Set<string>();
  const readFile = (p: PipCommand, file: string, depth: number): void => {
    if (seen.has(file) || depth > 4) return;
    seen.add(file);
    const text = readRequirements(input, joinPath(p.command.cwd, file), file);
    if (text === null) {
      unread ??= file;
      return;
    }
    for (const l of text.split(/\r?\n/)) {
      const include = /^\s*(?:-r|--requirement)[\s=]+(\S+)/.exec(l);
      if (include) readFile(p, joinPath(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.', include[1]!).replace(/^\.\//, ''), depth + 1);
      const n = requirementName(l);
      if (n) names.add(n);
    }
  };
  for (const p of installs) {
    for (const r of requirementsOf(p.args)) {
      const n = requirementName(r);
      if (n) names.add(n);
    }
    for (const file of requirementFiles(p.args)) readFile(p, file, 0);
  }
  return { names, unread };
}

/**
 * A program or module the container starts that only a test install may bring (`gunicorn` in
 * requirements-dev.txt): the runtime stage leaves that install out, so the container would not start.
 */
function startedFromTests(input: PresetInput, left: ReadonlySet<RunCommand>): Finding[] {
  const started = startedNames(input.model, input.builderImage);
  if (!started.length) return [];
  // the test installs (kind `test`, which pipInstalls leaves out) and the installs the runtime stage repeats
  const dropped: PipCommand[] = [];
  for (const [index, run] of input.analysis.runs)
    for (const command of run.commands) {
      const args = commandOf(command.words)?.args ?? [];
      if (left.has(command) && installsTestTools(command) && !command.install) dropped.push({ index, command, args: args.slice(args.indexOf('install') + 1) });
    }
  const kept = requirementNames(input, pipInstalls(input)).names;
  const tests = requirementNames(input, dropped);
  const normal = (n: string) => n.toLowerCase().replace(/_/g, '-');
  for (const s of started) {
    if (kept.has(normal(s.name))) continue;
    if (tests.names.has(normal(s.name))) return [{ id: 'command-missing', data: { keyword: s.keyword, command: s.name, why: 'a test install brings it, and the runtime stage leaves the test installs out' }, line: s.line }];
  }
  if (tests.unread !== null) return [{ id: 'tests-requirements-unread', data: { file: tests.unread, command: started.map((s) => s.name).join(', ') } }];
  return [];
}

export default {
  id: 'python-tests',
  summary: 'a test gate (test tools installed, tests run, nothing built): the same image without the tests, copying a marker from the builder so that BuildKit still runs them',
  detect(input) {
    if (parseImage(input.builderImage).name !== 'python') return null;
    const gate = testGate(input);
    // without a test install to leave behind, the split saves nothing but the test run (no-artifact)
    if (!gate?.installs) return null;
    return `tests run on ${input.builderImage} (line ${input.model.instructions[gate.runs[0]!]!.line}) and all the file leaves behind is them and their tools`;
  },
  decide(input) {
    const gate = testGate(input)!;
    const last = gate.runs[gate.runs.length - 1]!;
    const line = input.model.instructions[last]!.line;
    const why: Finding = { id: 'tests-marker', data: { path: MARKER }, line };
    return {
      runtimeBase: { image: input.builderImage, why: 'the same image: the test tools and test runs are all that is left behind' },
      artifacts: [{ path: MARKER, producer: last, why, byPreset: true }],
      builderEdits: [{ kind: 'run', after: last, script: `touch ${MARKER}` }],
      findings: [{ id: 'tests-gate', data: { image: input.builderImage } }],
      declines: startedFromTests(input, gate.left),
      // a repeated command that ran after a test install in the original (`python manage.py check`, a later pip
      // install) may have read what it installed: proven only by a build, unless it is safe to repeat anyway
      unproven: gate.after.filter((a) => !safeToReplay(a.command, new Set())).map((a): Finding => ({ id: 'unproven-replay', data: { command: a.command.words.slice(0, 3).join(' ') }, line: input.model.instructions[a.index]!.line })),
    };
  },
} satisfies Preset;
