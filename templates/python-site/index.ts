// Python site-packages: `python setup.py install` (and any pip install beside it) fills the official python image's
// own site-packages; the runtime stage, the slim variant of the same tag (the same Python built to the same
// prefix), copies that directory and the scripts in /usr/local/bin instead of building the sources again
// without a compiler. https://docs.python.org/3/install/#how-installation-works
import type { Finding } from '../../src/messages.js';
import type { Artifact, Override, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import { setupInstall } from '../../src/commands/python.js';
import { commandOf } from '../../src/commands/index.js';
import { pythonSitePackages, pythonVersion, shipsCompiler, slimVariant } from '../../src/images.js';
import { PYTHON_SCRIPTS_DIR } from '../../src/knowledge/images.js';
import { runtimePart } from '../../src/runtime-stage.js';
import type { RunCommand } from '../../src/analyze/run.js';
import { runtimeLibraries } from '../shared/python-libs.js';
import { pipInstalls, pythonArtifacts, type PipCommand } from '../shared/python.js';

interface SetupInstall {
  index: number;
  command: RunCommand;
}

/** Every `python setup.py install` of the file, with the RUN it is in. */
function setupInstalls(input: PresetInput): SetupInstall[] {
  const out: SetupInstall[] = [];
  for (const [index, run] of input.analysis.runs) for (const command of run.commands) if (setupInstall(command.words) !== null) out.push({ index, command });
  return out.sort((a, b) => a.index - b.index);
}

/** The command's first word as the script wrote it (`/usr/bin/python`, before the analyzer reads it as `python`). */
function written(input: PresetInput, s: SetupInstall): string {
  const ins = input.model.instructions[s.index]!;
  return ins.keyword === 'RUN' ? (ins.script.slice(s.command.start, s.command.end).trim().split(/\s+/)[0] ?? '') : '';
}

/** True when the preset cannot take the file: each install must go into the image's own site-packages, on the slim variant. */
function unsupported(input: PresetInput, setups: readonly SetupInstall[], pips: readonly PipCommand[]): boolean {
  const slim = slimVariant(input.builderImage);
  if (!slim || !shipsCompiler(input.builderImage) || pythonVersion(input.builderImage) === null) return true;
  if (input.requestedRuntimeBase !== null && input.requestedRuntimeBase !== slim) return true;
  // the distribution's python (/usr/bin) installs into its own dist-packages, which the slim variant lacks
  if (setups.some((s) => setupInstall(s.command.words) !== 'system' || written(input, s).startsWith('/usr/bin/'))) return true;
  return pips.some((p) => (commandOf(p.command.words)?.family.installsElsewhere?.(p.command.words) ?? false) || /\/bin\/pip/.test(p.command.words[0] ?? ''));
}

export default {
  id: 'python-site',
  summary: "python setup.py install fills the image's site-packages in the builder; the slim variant of the same tag copies it and /usr/local/bin",
  detect(input) {
    const setups = setupInstalls(input);
    if (!setups.length || unsupported(input, setups, pipInstalls(input))) return null;
    return `python setup.py install on ${input.builderImage} (line ${input.model.instructions[setups[0]!.index]!.line})`;
  },
  decide(input) {
    const slim = slimVariant(input.builderImage)!;
    const site = pythonSitePackages(input.builderImage)!;
    const setups = setupInstalls(input);
    const pips = pipInstalls(input);
    const declines: Finding[] = [];
    const unproven: Finding[] = [];
    const replacements = new Map<number, PresetStep[]>();
    const overrides = new Map<number, Override>();
    const installing = (c: RunCommand) => c.kind === 'pip' || setupInstall(c.words) !== null;
    const indexes = [...new Set([...setups.map((s) => s.index), ...pips.map((p) => p.index)])].sort((a, b) => a - b);
    for (const index of indexes) {
      const ins = input.model.instructions[index]!;
      const run = input.analysis.runs.get(index)!;
      // the RUN stays in the builder; the runtime stage runs what else it does (an install of runtime packages, a chmod)
      const rest = run.commands.filter((c) => !installing(c));
      const tangled = rest.find((c) => c.nested && (c.kind === 'setup' || c.kind === 'unknown' || (c.install?.runtime.length ?? 0) > 0));
      if (tangled || run.shellError) {
        declines.push({ id: 'complex-run', data: { command: (tangled?.words ?? ['the script']).slice(0, 2).join(' ') }, line: ins.line });
        continue;
      }
      const part = runtimePart(run.script, rest, input.analysis.scopes.get(index)?.workdir ?? '/');
      replacements.set(index, part.text ? [{ kind: 'run', script: part.text }] : []);
      overrides.set(index, { phase: 'build', reason: 'run-preset', data: { preset: 'python-site', detail: `installs into ${site}, which is copied with ${PYTHON_SCRIPTS_DIR}` } });
    }
    for (const s of setups) unproven.push({ id: 'unproven-setup-install', data: { command: s.command.words.slice(0, 3).join(' '), path: site, image: slim }, line: input.model.instructions[s.index]!.line });
    // the libraries the known compiled pip packages load, installed on slim; requirements it cannot read are left to the build
    const libs = runtimeLibraries(input, pips);
    declines.push(...libs.declines);
    for (const u of libs.unread) unproven.push({ id: 'unproven-setup-install', data: { command: `pip install -r ${u.file}`, path: site, image: slim }, line: u.line });
    const first = indexes[0];
    if (libs.packages.length && first !== undefined && replacements.has(first)) replacements.set(first, [{ kind: 'install', manager: libs.manager, packages: libs.packages }, ...replacements.get(first)!]);
    const { artifacts, declines: more } = pythonArtifacts(input);
    const producer = Math.max(...indexes);
    const line = input.model.instructions[producer]!.line;
    const copied: Artifact[] = [site, PYTHON_SCRIPTS_DIR].map((path) => ({ path, producer, why: { id: 'site-packages-copy', data: { path: site, scripts: PYTHON_SCRIPTS_DIR }, line } }));
    return {
      runtimeBase: { image: slim, why: `the slim variant of ${input.builderImage}: the same Python at the same prefix` },
      artifacts: [...artifacts, ...copied],
      runtimeReplacements: replacements,
      overrides,
      declines: [...declines, ...more],
      unproven: [...unproven, ...libs.unproven],
      findings: [{ id: 'site-packages-copy', data: { path: site, scripts: PYTHON_SCRIPTS_DIR } }, ...libs.findings],
    };
  },
} satisfies Preset;
