// Python virtual environment: build the venv in the builder, copy it to the same path on the same
// Python in the runtime stage (a venv hard-codes its interpreter path). https://docs.python.org/3/library/venv.html
import { distributionVenv, installsEnvironmentTooling, isEnvironmentToolPackage, isVenv, requirementsOf, runsEnvironmentPip } from '../../src/commands/python.js';
import type { Finding } from '../../src/messages.js';
import type { Override, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import { joinPath } from '../../src/paths.js';
import { hasCompiler, isTestToolsInstall, pipInstalls, pythonArtifacts, type PipCommand } from '../shared/python.js';
import { toolInstalls } from '../shared/python-tools.js';
import { distributionTool, installsToolsOnly, isToolCommand, isUv, UV_IMAGE, uvPythonDoubt } from '../../src/commands/python-env.js';
import { startedPrograms } from '../../src/runtime-contract.js';
import { isNeutral, isShellOnly, upgradesToolingOnly } from '../../src/commands/index.js';
import type { RunCommand } from '../../src/analyze/run.js';
import { parseImage } from '../../src/images.js';

/** True when the pip install `p` installs into the virtual environment at `venv`. */
function inVenv(input: PresetInput, p: PipCommand, venv: string): boolean {
  const bin = `${venv.replace(/\/+$/, '')}/bin`;
  const program = p.command.words[0] ?? '';
  if (program.startsWith('/') ? program.startsWith(`${bin}/`) : joinPath(p.command.cwd, program).startsWith(`${bin}/`)) return true;
  const env = input.analysis.scopes.get(p.index)?.env;
  const path = env?.get('PATH')?.split(':') ?? [];
  if (path.some((d) => d.replace(/\/+$/, '') === bin) || env?.get('VIRTUAL_ENV')?.replace(/\/+$/, '') === venv.replace(/\/+$/, '')) return true;
  const run = input.analysis.runs.get(p.index)?.commands ?? [];
  return run.some((c) => c.start < p.command.start && ['.', 'source'].includes(c.words[0] ?? '') && joinPath(c.cwd, c.words[1] ?? '') === `${bin}/activate`);
}

/** A command of a RUN that fills an environment which needs nothing in the runtime stage: the tools, pip, a venv, tests, cleanup, a shell builtin. */
function builderOnly(c: RunCommand): boolean {
  const name = c.words[0] ?? '';
  // an assignment alone (`V="==${V}"`) changes only the shell
  if (!name) return true;
  // an environment's own pip (`/opt/venv/bin/pip install`, `/opt/venv/bin/python -m pip`) fills what is copied
  if (runsEnvironmentPip(c.words)) return true;
  if (isToolCommand(c.words) || isVenv(c.words) || ['pip', 'test', 'cleanup', 'package-maintenance'].includes(c.kind)) return true;
  return (isShellOnly(name) || isNeutral(name)) && c.writes.length === 0;
}

/** The last CMD of the file, if any. */
function lastCmd(input: PresetInput): { line: number; words: readonly string[] } | null {
  const cmd = [...input.model.instructions].reverse().find((i) => i.keyword === 'CMD');
  if (!cmd || cmd.keyword !== 'CMD') return null;
  return { line: cmd.line, words: cmd.json ?? cmd.command.trim().split(/\s+/) };
}

/** The tools (uv, poetry, pipenv) the container starts: by CMD or ENTRYPOINT, or first in a CMD an ENTRYPOINT script is given. */
function startedTools(input: PresetInput): string[] {
  const words = [...startedPrograms(input.model).map((s) => s.word.split('/').pop() ?? ''), lastCmd(input)?.words[0]?.split('/').pop() ?? ''];
  return [...new Set(words.filter((w) => isToolCommand([w])))];
}

export default {
  id: 'python-venv',
  summary: 'the virtual environment is built in the builder and copied to the same path in the runtime stage',
  detect(input) {
    for (const [index, run] of input.analysis.runs) {
      if (run.commands.some((c) => isVenv(c.words))) return `a virtual environment is created (line ${input.model.instructions[index]!.line})`;
    }
    // uv, poetry and pipenv: an install into an environment of their own (one they put in the system's
    // site-packages is left to the pip presets and the generic split); one that cannot be located is
    // declined here only when a split would leave a compiler behind (so is one under a hashed name: the split saves nothing else)
    const tools = toolInstalls(input);
    const tool = tools.find((t) => t.place.place === 'venv' && !t.place.hashed) ?? (hasCompiler(input) ? tools.find((t) => t.place.place === 'unlocated' || (t.place.place === 'venv' && t.place.hashed)) : undefined);
    if (tool) return `${tool.words.slice(0, 2).join(' ')} installs into a virtual environment (line ${input.model.instructions[tool.index]!.line})`;
    return null;
  },
  decide(input) {
    const venvs: { path: string; index: number }[] = [];
    // a virtualenv the distribution's package gives (apt's python-virtualenv), or an interpreter under /usr/bin,
    // makes an environment whose python is the distribution's, not the image's: the slim variant has none
    const installed = [...input.analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => c.install?.packages ?? []));
    const unproven: Finding[] = [];
    for (const [index, run] of input.analysis.runs)
      for (const c of run.commands) {
        if (!isVenv(c.words)) continue;
        for (const o of c.outputs) venvs.push({ path: o, index });
        const ins = input.model.instructions[index]!;
        const written = ins.keyword === 'RUN' ? (ins.script.slice(c.start, c.end).trim().split(/\s+/)[0] ?? '') : '';
        const by = distributionVenv(c.words, written, installed);
        if (by) for (const path of c.outputs) unproven.push({ id: 'unproven-distro-venv', data: { path, by }, line: ins.line });
        const doubt = uvPythonDoubt(c.words, input.analysis.scopes.get(index)!.env);
        if (doubt) for (const path of c.outputs) unproven.push({ id: 'unproven-tool-python', data: { path, why: doubt }, line: ins.line });
      }
    const declines: Finding[] = [];
    const tools = toolInstalls(input);
    for (const t of tools) {
      const line = input.model.instructions[t.index]!.line;
      const command = t.words.slice(0, 2).join(' ');
      if (t.place.place === 'venv') {
        if (!venvs.some((v) => v.path === (t.place as { path: string }).path)) venvs.push({ path: t.place.path, index: t.index });
        if (t.pythonDoubt) unproven.push({ id: 'unproven-tool-python', data: { path: t.place.path, why: t.pythonDoubt }, line });
        // pipenv or poetry of the distribution's package makes the environment with /usr/bin/python3, which
        // the slim variant of a python image lacks
        const pkg = parseImage(input.builderImage).name === 'python' ? distributionTool(t.words[0] ?? '', installed) : null;
        if (pkg) unproven.push({ id: 'unproven-tool-python', data: { path: t.place.path, why: `the package ${pkg} runs the distribution's python (/usr/bin), not the image's` }, line });
      } else if (t.place.place === 'unlocated') declines.push({ id: 'python-env-not-located', data: { command, why: t.place.why }, line });
      else declines.push({ id: 'python-env-system', data: { command, path: venvs[0]?.path ?? '' }, line });
    }
    const replacements = new Map<number, PresetStep[]>();
    const overrides = new Map<number, Override>();
    const installs = pipInstalls(input);
    // a container that starts the tool (`pipenv run`) needs it: a pip install of the tool alone is repeated in the
    // runtime stage (pure Python: the python family's toolingOnly), else the file is declined below
    const started = startedTools(input);
    const kept = started.length ? installs.filter((p) => upgradesToolingOnly(p.command.words) && installsToolsOnly(requirementsOf(p.args)) && requirementsOf(p.args).every((r) => started.some((t) => r.toLowerCase().startsWith(t)))) : [];
    for (const v of venvs) {
      replacements.set(v.index, []);
      overrides.set(v.index, { phase: 'build', reason: 'run-preset', data: { preset: 'python-venv', detail: `creates ${v.path} in the builder` } });
    }
    for (const p of installs) {
      if (kept.includes(p)) continue;
      replacements.set(p.index, replacements.get(p.index) ?? []);
      overrides.set(p.index, isTestToolsInstall(p) ? { phase: 'build', reason: 'run-test', data: { commands: p.command.words.slice(0, 4).join(' ') } } : { phase: 'build', reason: 'run-preset', data: { preset: 'python-venv', detail: 'installs into the virtual environment, which is copied' } });
    }
    // the tools' own commands (installs, `poetry config`, `--version`) serve the builder: the environment is copied
    for (const [index, run] of input.analysis.runs) {
      if (!tools.some((t) => t.index === index) && !run.commands.every((c) => isToolCommand(c.words))) continue;
      replacements.set(index, replacements.get(index) ?? []);
      overrides.set(index, { phase: 'build', reason: 'run-preset', data: { preset: 'python-venv', detail: 'runs the environment tool; its environment is copied' } });
    }
    // uv copied in from its own image serves the builder too
    for (const ins of input.model.instructions)
      if (ins.keyword === 'COPY' && ins.from && UV_IMAGE.test(ins.from) && tools.some((t) => isUv(t.words))) overrides.set(ins.index, { phase: 'build', reason: 'run-preset', data: { preset: 'python-venv', detail: 'brings uv, which serves the builder; its environment is copied' } });
    // a container that starts the tool (`poetry run`, `pipenv run`) needs it, and it stays in the builder
    // (only a RUN the runtime stage repeats keeps it: `pip install pipenv && pipenv install` stays in the builder whole)
    const repeated = kept.filter((p) => overrides.get(p.index)?.phase !== 'build');
    for (const s of startedPrograms(input.model)) if (isToolCommand([s.word.split('/').pop() ?? '']) && !repeated.length) declines.push({ id: 'runtime-uses-toolchain', data: { command: s.word }, line: s.line });
    // (a CMD behind an ENTRYPOINT script is that script's arguments, which it may run: `pipenv run` there too)
    const cmd = lastCmd(input);
    if (cmd && !repeated.length && started.length && !declines.some((d) => d.id === 'runtime-uses-toolchain')) declines.push({ id: 'runtime-uses-toolchain', data: { command: started[0]! }, line: cmd.line });
    // an environment whose name carries a hash is copied with the directory holding it, whose parents COPY makes owned by root (not the user's)
    const asRoot = (index: number) => ['root', '0'].includes((input.analysis.scopes.get(index)?.user ?? 'root').split(':')[0]!);
    for (const t of tools) if (t.place.place === 'venv' && t.place.hashed && !asRoot(t.index)) unproven.push({ id: 'unproven-tool-venvs', data: { command: t.words.slice(0, 2).join(' '), path: t.place.path }, line: input.model.instructions[t.index]!.line });
    // a RUN the preset keeps in the builder whole must not also install what the program needs: the runtime
    // stage would lack it (`apt-get install ffmpeg && pipenv install` in one RUN)
    // stage would lack it (`apt-get install ffmpeg && pipenv install` in one RUN), nor set up or write what it
    // uses (`useradd app`, `python manage.py collectstatic` after the install)
    for (const [index, o] of overrides) {
      if (o.phase !== 'build') continue;
      const commands = input.analysis.runs.get(index)?.commands ?? [];
      const runtime = commands.flatMap((c) => c.install?.runtime ?? []).filter((p) => !isEnvironmentToolPackage(p));
      if (runtime.length) declines.push({ id: 'venv-run-runtime-packages', data: { packages: runtime.join(' ') }, line: input.model.instructions[index]!.line });
      const other = commands.find((c) => !c.install && !builderOnly(c));
      if (other) declines.push({ id: 'venv-run-runtime-command', data: { command: other.words.slice(0, 3).join(' ') }, line: input.model.instructions[index]!.line });
    }
    const { artifacts, declines: more } = pythonArtifacts(input);
    declines.push(...more);
    // an install the copied environment holds: run by the venv's own pip, after `. venv/bin/activate` in the
    // same RUN (an activation lasts only for the shell of its RUN), or with the venv's bin first on PATH
    for (const p of installs) {
      // (an install of the tooling that makes environments, `pip install virtualenv`, serves the builder)
      if (isTestToolsInstall(p) || installsEnvironmentTooling(p.args) || venvs.some((v) => inVenv(input, p, v.path))) continue;
      declines.push({ id: 'pip-outside-venv', data: { path: venvs[0]?.path ?? '' }, line: input.model.instructions[p.index]!.line });
    }
    const last = Math.max(...venvs.map((v) => v.index), ...tools.map((t) => t.index), ...installs.filter((p) => !isTestToolsInstall(p)).map((p) => p.index));
    for (const v of venvs) artifacts.push({ path: v.path, producer: last, why: { id: 'venv-copy', data: { path: v.path } } });
    return { artifacts, runtimeReplacements: replacements, overrides, declines, unproven, findings: venvs.map((v) => ({ id: 'venv-copy' as const, data: { path: v.path } })) };
  },
} satisfies Preset;
