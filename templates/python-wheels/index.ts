// Python wheels: compile packages once in the builder (`pip wheel`), install the finished wheels in
// a runtime stage without compilers. https://pip.pypa.io/en/stable/cli/pip_wheel/
import type { Finding } from '../../src/messages.js';
import type { RunAnalysis } from '../../src/analyze/run.js';
import { removedAgain } from '../../src/analyze/left-behind.js';
import { commandOf, givesCompiler, isCompilerPackage } from '../../src/commands/index.js';
import type { BuilderEdit, Override, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import { ensureWheelCommand, ERA_WHEEL_REQUIREMENT, installsEnvironmentTooling } from '../../src/commands/python.js';
import { startedPrograms } from '../../src/runtime-contract.js';
import { installsToolsOnly, isToolCommand } from '../../src/commands/python-env.js';
import { parseImage, pipBuildsWheels, pipWheelMissingOn, pipWheelRebuiltFrom } from '../../src/images.js';
import { earlierReleases, lastListed, releaseOfImage } from '../../src/tags.js';
import { runtimeLibraries } from '../shared/python-libs.js';
import { ALPINE_PIP } from '../../src/knowledge/distro-python.js';
import { repeatedWhole } from '../../src/runtime-stage.js';
import { hasCompiler, isSelfUpgrade, requirementsOf, isTestToolsInstall, offlineArgs, pipExecutable, pipInstalls, pythonArtifacts, shellWord, wheelArgs, type PipCommand } from '../shared/python.js';

const WHEEL_DIR = '/wheels';

/** Every package the file installs with apk (as the runtime stage keeps it). */
function apkRuntimePackages(input: PresetInput): string[] {
  return [...input.analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => (c.install?.manager === 'apk' ? c.install.runtime : [])));
}

/**
 * Alpine's own Python and its pip, installed with apk on the official alpine image (ALPINE_PIP), with build packages
 * that stay behind: the runtime stage is the same image, which keeps the pip the file installed.
 */
function alpinePython(input: PresetInput): boolean {
  const apk = apkRuntimePackages(input);
  if (parseImage(input.builderImage).name !== 'alpine' || !apk.some((p) => ALPINE_PIP.pipPackages.test(p))) return false;
  // Python packages apk installs (py3-zmq) satisfy pip's install, but `pip wheel` builds them again from sources
  // (review alpine-wheels-2026-12-07w: heralding's pyzmq, without zeromq's headers)
  if (apk.some((p) => ALPINE_PIP.pythonPackages.test(p) && !ALPINE_PIP.pipPackages.test(p) && !(ALPINE_PIP.wheelPackages as readonly string[]).includes(p) && !ALPINE_PIP.setuptoolsPackages.test(p))) return false;
  // a local project installed with its setup.py needs the compiler again where the runtime stage repeats it (jenkins-job-builder, cabby)
  if ([...input.analysis.runs.values()].some((r) => r.commands.some((c) => (c.kind === 'setup' || c.kind === 'build') && commandOf(c.words)?.family.id === 'python'))) return false;
  // a compiler stays behind: not removed in its own layer, nor in a RUN the runtime stage repeats as written (it also
  // downloads: `wget get-pip.py | python`); python-dev alone leaves a few MB (the same review: 5 of 21 were no gain)
  const phase = new Map(input.analysis.classifications.map((c) => [c.index, c.phase]));
  const pips = new Set(pipInstalls(input).map((p) => p.index));
  return [...input.analysis.runs].some(([index, run]) => {
    if (!pips.has(index) && repeatedWhole(run, phase.get(index) ?? 'both')) return false;
    const removedBy = removedAgain(run);
    return run.commands.some((c) => c.install?.manager === 'apk' && c.install.build.some((p) => givesCompiler(p) && !removedBy(c).removes(p)));
  });
}

/** pip installs this preset turns into wheels: not --user (python-user), not into a venv (python-venv). */
function candidates(installs: PipCommand[]): PipCommand[] {
  return installs.filter((p) => !p.args.includes('--user') && !isSelfUpgrade(p) && !isTestToolsInstall(p) && !/\/bin\/pip/.test(p.command.words[0] ?? ''));
}

/**
 * An install of only poetry, pipenv or uv that serves the builder alone: the file runs the tool only to
 * export requirements (`poetry export`), and nothing in the runtime stage runs it (`pipenv install --system`
 * would); a tool the file never runs is there for the image's users.
 */
function builderOnlyTool(input: PresetInput, p: PipCommand): boolean {
  if (!installsEnvironmentTooling(p.args) || !installsToolsOnly(requirementsOf(p.args))) return false;
  const uses = [...input.analysis.runs.values()].flatMap((r) => r.commands.filter((c) => isToolCommand(c.words)));
  return uses.some((c) => c.kind === 'generate') && uses.every((c) => c.kind === 'generate') && !startedPrograms(input.model).some((s) => isToolCommand([s.word.split('/').pop() ?? '']));
}

/** The compiler package (or the virtual group holding it) a RUN installs and removes again after `start`, or null. */
function compilerRemovedAfter(run: RunAnalysis, start: number): string | null {
  const removedBy = removedAgain(run, start);
  for (const c of run.commands) {
    const compilers = c.install?.build.filter(isCompilerPackage) ?? [];
    if (!compilers.length) continue;
    const again = removedBy(c);
    const gone = again.group ?? compilers.find(again.removes);
    if (gone) return gone;
  }
  return null;
}

export default {
  id: 'python-wheels',
  summary: 'pip packages become wheels in the builder and are installed from /wheels in a runtime stage without compilers',
  detect(input) {
    const installs = candidates(pipInstalls(input));
    if (!installs.length) return null;
    // a file that uses the wheel directory itself (`rm -rf /wheels/*` in its cleanup: dafire/sentry) would empty or
    // fill the one the builder hands over (review exposed-2026-12-07r)
    if (new RegExp(`(^|[\\s=:'"])${WHEEL_DIR}(/|\\b)`).test(input.model.text)) return null;
    if (!hasCompiler(input)) return null;
    // only the official python images ship pip with `wheel` and a Python built the same way in their
    // slim variant; a distribution pip (apt's python-pip, yum, easy_install) may not build wheels at all
    if (parseImage(input.builderImage).name !== 'python' && !alpinePython(input)) return null;
    return `pip install on ${input.builderImage} with a compiler present (line ${input.model.instructions[installs[0]!.index]!.line})`;
  },
  decide(input) {
    const all = pipInstalls(input);
    const tools = all.filter((p) => builderOnlyTool(input, p));
    const installs = candidates(all).filter((p) => !tools.includes(p));
    const declines: Finding[] = [];
    const edits: BuilderEdit[] = [];
    const replacements = new Map<number, PresetStep[]>();
    const overrides = new Map<number, Override>();
    for (const p of tools) {
      overrides.set(p.index, { phase: 'build', reason: 'run-preset', data: { preset: 'python-wheels', detail: 'installs the tool that exports the requirements, which only the builder runs' } });
      replacements.set(p.index, replacements.get(p.index) ?? []);
    }
    for (const p of all.filter(isTestToolsInstall)) {
      overrides.set(p.index, { phase: 'build', reason: 'run-test', data: { commands: p.command.words.slice(0, 4).join(' ') } });
      replacements.set(p.index, replacements.get(p.index) ?? []);
    }
    // the pip of Python 3.4-era images has no `wheel` package, nor had the jessie builds of the 3.x tags and the 2.7
    // images before pip 7.0 (a file written then): `pip wheel` fails there unless the file installs it, so the
    // builder installs the era's `wheel` first where its pip has none (ensureWheelCommand), a declared edit
    const installsWheel = all.some((p) => p.args.some((a) => /^wheel([<>=~!].*)?$/i.test(a)));
    // a tag whose last rebuild came after its library installed `wheel` (python:3.4, rebuilt until 2019) has it
    const since = pipWheelRebuiltFrom(input.builderImage);
    const listed = since === null ? null : lastListed(input.builderImage);
    const rebuilt = listed === 'now' || (listed !== null && since !== null && listed >= since);
    // a tag once built on the release whose images ran pip without `wheel` (`python:3.6`: jessie until 2017; review
    // review-2026-12-06h: shinobu on `python:3`, written in 2016; review-2026-12-06l: flexget on `python:2.7`, 2015)
    const missingOn = pipWheelMissingOn(input.builderImage);
    const built = [releaseOfImage(input.builderImage), ...earlierReleases(input.builderImage)].map((r) => r?.release ?? null);
    // or a tag whose release the tag table does not record (`3.4-wheezy`, `3.5.2`), which may have been built then: the
    // guarded install of `wheel` costs nothing where pip has it (review local-2026-12-06o, reqs: jupyter/tmpnb, a 3.5.2 file)
    const onMissing = missingOn !== null && (built.includes(missingOn) || built.every((r) => r === null));
    // Alpine's pip comes without `wheel` unless the file installs its apk package
    const alpine = alpinePython(input);
    const alpineWheel = alpine && !apkRuntimePackages(input).some((p) => (ALPINE_PIP.wheelPackages as readonly string[]).includes(p));
    const wheelMissing = !installsWheel && (alpine ? alpineWheel : (!pipBuildsWheels(input.builderImage) && !rebuilt) || onMissing);
    const wheelRequirement = alpine ? ALPINE_PIP.wheelRequirement : ERA_WHEEL_REQUIREMENT;
    for (const index of new Set(installs.map((p) => p.index))) {
      const ins = input.model.instructions[index]!;
      const here = installs.filter((p) => p.index === index);
      // the RUN removes the compiler it installed after the pip install (`apk del .build-deps`): the `pip wheel` added
      // after the RUN would find none (review local-2026-12-06o, reqs: three such files broken at build)
      const removed = compilerRemovedAfter(input.analysis.runs.get(index)!, Math.min(...here.map((p) => p.command.start)));
      if (removed) {
        declines.push({ id: 'wheel-compiler-removed', data: { package: removed }, line: ins.line });
        continue;
      }
      if (here.some((p) => p.args.some((a) => a === '-e' || a === '--editable' || a.startsWith('--editable=')))) {
        declines.push({ id: 'editable-install', line: ins.line });
        continue;
      }
      // pip wheel has no --install-option, and pip installs no wheel under it
      if (here.some((p) => p.args.some((a) => a === '--install-option' || a.startsWith('--install-option=')))) {
        declines.push({ id: 'pip-install-option', line: ins.line });
        continue;
      }
      if (ins.json || ins.heredoc) {
        declines.push({ id: 'complex-run', data: { command: 'pip install' }, line: ins.line });
        continue;
      }
      const wheel = here.map((p) => `${wheelMissing ? `${ensureWheelCommand(pipExecutable(p.command.words), wheelRequirement)} && ` : ''}${pipExecutable(p.command.words)} wheel --wheel-dir ${WHEEL_DIR} ${wheelArgs(p.args).map(shellWord).join(' ')}`.trim());
      const cd = here[0]!.command.cwd !== (input.analysis.scopes.get(index)?.workdir ?? '/') ? `cd ${here[0]!.command.cwd} && ` : '';
      edits.push({ kind: 'run', after: index, script: `${cd}${wheel.join(' && ')}` });
      const install = here.map((p) => `${pipExecutable(p.command.words)} install --no-index --find-links=${WHEEL_DIR} ${offlineArgs(p.args).map(shellWord).join(' ')}`.trim());
      replacements.set(index, [
        { kind: 'copy', source: WHEEL_DIR, dest: WHEEL_DIR },
        { kind: 'run', script: `${cd}${install.join(' && ')} && rm -rf ${WHEEL_DIR}` },
      ]);
      overrides.set(index, { phase: 'both', reason: 'run-preset', data: { preset: 'python-wheels', detail: 'pip install becomes pip wheel in the builder and an install from /wheels in the runtime stage' } });
    }
    // a tag last built with a pip before 7.0 (python:2.7.8, 3.4.3) has no pip that installs manylinux wheels (8.1,
    // 2016) either: every compiled package the install pulls in, named or not, is built from source against the full
    // image's libraries, which its slim variant lacks (review wheels-2026-12-06: blockdiag's Pillow on python:2.7.8)
    const sourceBuilt: Finding[] = installs.length && !alpine && !pipBuildsWheels(input.builderImage) && !rebuilt ? [{ id: 'unproven-source-builds', data: { image: input.builderImage }, line: input.model.instructions[installs[0]!.index]!.line }] : [];
    const eraFindings: Finding[] = installs.length && wheelMissing ? [{ id: alpine ? 'alpine-pip-wheel-added' : 'pip-wheel-package-added', data: { image: input.builderImage, requirement: wheelRequirement }, line: input.model.instructions[installs[0]!.index]!.line }] : [];
    const { artifacts, declines: more } = pythonArtifacts(input);
    // compiled packages load libraries the full image had: install them on slim, or decline
    const libs = runtimeLibraries(input, installs);
    const first = [...replacements.keys()].filter((i) => installs.some((p) => p.index === i)).sort((a, b) => a - b)[0];
    if (libs.packages.length && first !== undefined) replacements.set(first, [{ kind: 'install', manager: libs.manager, packages: libs.packages }, ...replacements.get(first)!]);
    return {
      artifacts,
      builderEdits: edits,
      runtimeReplacements: replacements,
      overrides,
      // requirements the build context does not show (none given, or a file outside it): what they compile and the
      // libraries it loads only a build shows, which --verify does with the context (its ELF check finds a missing one)
      declines: [...declines, ...more, ...libs.declines],
      unproven: [...sourceBuilt, ...libs.unproven, ...libs.unread.map((u): Finding => ({ id: 'unproven-requirements-unread', data: { file: u.file }, line: u.line }))],
      findings: [{ id: 'pip-wheels' }, ...eraFindings, ...libs.findings],
    };
  },
} satisfies Preset;
