// The distribution's Python on debian:* and ubuntu:* images: apt's python-pip or python3-pip, with build-essential
// and -dev packages to compile what pip installs. pip run as root installs into /usr/local/lib/pythonX.Y/dist-packages
// and its scripts into /usr/local/bin (Debian's patched install scheme), so the runtime stage, the same image, installs
// the packages the original keeps at run time (python itself, the runtime libraries of the -dev packages) and copies
// those two directories instead of running pip again without a compiler.
// https://wiki.debian.org/Python#Deviations_from_upstream
import type { Finding } from '../../src/messages.js';
import type { Artifact, Override, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import { pipPythonMajor } from '../../src/commands/python.js';
import { requirementName } from '../../src/knowledge/compiled-packages.js';
import { commandOf, familyOf, isBuildToolPackage } from '../../src/commands/index.js';
import { copiedPaths } from '../../src/analyze/index.js';
import { packagesLeftBehind } from '../../src/analyze/left-behind.js';
import { distributionOf } from '../../src/images.js';
import { imageCompiler } from '../../src/runtime-contract.js';
import { buildRelease } from '../../src/tags.js';
import { PIP_INSTALLS_AT_RUN_TIME, DISTRO_PIP_DATA, DISTRO_PYTHON2_DIST_PACKAGES, DISTRO_PIP_PACKAGES, DISTRO_PIP_SCRIPTS, distroPipWrites, externallyManaged } from '../../src/knowledge/distro-python.js';
import { runtimeLibraries } from '../shared/python-libs.js';
import { installsPipWithRecommends, runtimeWithoutPipRecommends, servesInstallBuilds } from '../../src/pip-recommends.js';
import { isSelfUpgrade, requirementsOf, pipInstalls, pythonArtifacts, type PipCommand } from '../shared/python.js';

/** Endings of archives and built packages pip installs from a file. */
const ARCHIVES = ['.tar.gz', '.tgz', '.tar.bz2', '.tar.xz', '.tar', '.zip', '.whl', '.egg'];
/** A requirement by name (`flask`, `uwsgi==2.0.18`, `celery[redis]>=4`), not a path, an archive or a URL. */
const BY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]*\])?\s*([<>=!~]=?[^/:]*)?(;.*)?$/;

/** Families whose commands write nothing into /usr/local/bin unless a path they name is there (their `produced`). */
const NAMED_WRITERS = new Set(['apt', 'users', 'files', 'shell', 'system', 'editors', 'archive', 'fetch', 'prefix']);

/** Every package the file installs with apt. */
function aptInstalled(input: PresetInput): Set<string> {
  return new Set([...input.analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => (c.install?.manager === 'apt' ? c.install.packages : []))));
}

/**
 * True when the file installs build tools or -dev packages with apt, which a pip install run again would lack, and
 * only those a pip install may use (else, with nothing else building, it is a development image: PIP_BUILD_TOOLS).
 * A version-control tool (git) is a build package only when a later command uses it (src/analyze/kept-tools.ts):
 * pip runs it for a `git+https://` requirement, or a `git clone` fetches the application; neither is a development
 * image's sign. https://pip.pypa.io/en/stable/topics/vcs-support/
 */
function buildPackages(input: PresetInput): boolean {
  const build = [...input.analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => (c.install?.manager === 'apt' ? c.install.build : [])));
  return build.some(isBuildToolPackage) && build.every(servesInstallBuilds);
}

/** The dist-packages each pip install writes, or null when one cannot be told from the name and the packages installed. */
function pythonOf(input: PresetInput, p: PipCommand, installed: ReadonlySet<string>): string | null {
  const major = pipPythonMajor(p.command.words);
  if (major === null) return null;
  // a bare `pip` is python-pip's (Python 2.7); python3-pip gives only pip3 on the releases that ship both
  const which = major === 'default' ? 2 : major;
  if (!installed.has(DISTRO_PIP_PACKAGES[which])) return null;
  const release = buildRelease(input.builderImage);
  // python-pip is Python 2.7's on every release that has it: a tag that still moves (`ubuntu:latest`) names no release,
  // but the runtime stage is that same tag, and pip's directory is the same on any of them
  if (release === null && which === 2) return DISTRO_PYTHON2_DIST_PACKAGES;
  return distroPipWrites(release, which)[0] ?? null;
}

/** The file's pip installs this preset takes, or null when it cannot take the file. */
function supported(input: PresetInput): PipCommand[] | null {
  const d = distributionOf(input.builderImage);
  if (!d || (d.name !== 'debian' && d.name !== 'ubuntu')) return null;
  const release = buildRelease(input.builderImage);
  if (input.requestedRuntimeBase !== null && input.requestedRuntimeBase !== input.builderImage) return null;
  const pips = pipInstalls(input);
  // (with no release only Python 2's pip, whose directory every release shares: pythonOf; and not on an image with its
  // own compilers, buildpack-deps:bionic, whose runtime stage would keep them)
  if (!release && (imageCompiler(input.builderImage) !== undefined || pips.some((p) => !['default', 2].includes(pipPythonMajor(p.command.words) ?? 3)))) return null;
  // nor when a -dev package's runtime library would be named: the names differ between the releases the tag has
  // given (libssl1.1, libssl3t64; review moved-2026-12-07o found three such outputs failing at build)
  if (!release && [...input.analysis.runs.values()].some((r) => r.commands.some((c) => (c.install?.implied.length ?? 0) > 0))) return null;
  // as the generic split: no build step, or build packages the original removes in their own layer, leave nothing to gain
  if (!pips.length || !input.analysis.hasBuildStep || packagesLeftBehind(input.analysis) !== 'some' || !buildPackages(input)) return null;
  // pip upgrading only itself leaves nothing to copy; a container that runs pip when it starts needs the compilers then
  if (pips.every(isSelfUpgrade)) return null;
  if (input.model.instructions.some((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && i.words.some((w) => pipPythonMajor([w.split('/').pop() ?? '']) !== null))) return null;
  const installed = aptInstalled(input);
  if (pips.some((p) => (commandOf(p.command.words)?.family.installsElsewhere?.(p.command.words) ?? false) || pythonOf(input, p, installed) === null)) return null;
  // pip as another user cannot write /usr/local; an externally managed Python (PEP 668) refuses without the flag
  if (pips.some((p) => !['root', '0', null].includes(input.analysis.scopes.get(p.index)?.user ?? null))) return null;
  if (release && externallyManaged(release) && pips.some((p) => !p.args.includes('--break-system-packages'))) return null;
  // (and a library the compiled packages load would be named for no release either)
  if (!release && runtimeLibraries(input, pips).packages.length) return null;
  return pips;
}

/** What else in the builder may write into /usr/local/bin, which the runtime stage copies whole: a sentence, or null. */
function otherScriptWriter(input: PresetInput, pipIndexes: ReadonlySet<number>): string | null {
  const under = (p: string) => p === DISTRO_PIP_SCRIPTS || p.startsWith(`${DISTRO_PIP_SCRIPTS}/`) || DISTRO_PIP_SCRIPTS.startsWith(`${p.replace(/\/+$/, '')}/`);
  for (const ins of input.model.instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const paths = copiedPaths(ins, input.analysis.scopes.get(ins.index) ?? '/');
    if (paths === null || paths.some(under)) return `line ${ins.line} copies files there`;
  }
  for (const [index, run] of input.analysis.runs) {
    for (const c of run.commands) {
      if (c.kind === 'pip' && pipIndexes.has(index)) continue;
      const family = familyOf(c.words[0] ?? '')?.id;
      if (c.produced.some(under) || c.outputs.some(under) || c.unnamedOutputs || !family || !NAMED_WRITERS.has(family)) {
        if (c.produced.some(under) || c.outputs.some(under) || c.unnamedOutputs || !['cleanup', 'package-maintenance', 'test'].includes(c.kind)) return `\`${c.words.slice(0, 3).join(' ')}\` (line ${input.model.instructions[index]!.line}) may write there`;
      }
    }
  }
  return null;
}

export default {
  id: 'python-distro',
  summary: "pip installs into the distribution Python's /usr/local dist-packages in the builder; the runtime stage, the same image without compilers, copies it and /usr/local/bin",
  detect(input) {
    const pips = supported(input);
    return pips ? `pip install with the distribution's Python on ${input.builderImage} (line ${input.model.instructions[pips[0]!.index]!.line})` : null;
  },
  decide(input) {
    const pips = supported(input)!;
    const installed = aptInstalled(input);
    const declines: Finding[] = [];
    const unproven: Finding[] = [];
    const replacements = new Map<number, PresetStep[]>();
    const overrides = new Map<number, Override>();
    const dirs = [...new Set(pips.map((p) => pythonOf(input, p, installed)!))].sort();
    const indexes = [...new Set(pips.map((p) => p.index))].sort((a, b) => a - b);
    // the RUNs that pip installs in, and those that install pip with its Recommends (build-essential, the -dev package)
    const aptRuns = [...input.analysis.runs].filter(([, run]) => run.commands.some(installsPipWithRecommends)).map(([index]) => index);
    for (const index of [...new Set([...indexes, ...aptRuns])].sort((a, b) => a - b)) {
      const ins = input.model.instructions[index]!;
      const run = input.analysis.runs.get(index)!;
      // the RUN stays in the builder; the runtime stage runs what else it does (an install of runtime packages, a chmod)
      const rest = run.commands.filter((c) => c.kind !== 'pip');
      const tangled = rest.find((c) => c.nested && (c.kind === 'setup' || c.kind === 'unknown' || (c.install?.runtime.length ?? 0) > 0));
      if (tangled || run.shellError || ins.keyword !== 'RUN' || ins.json || ins.heredoc) {
        declines.push({ id: 'complex-run', data: { command: (tangled?.words ?? ['the script']).slice(0, 2).join(' ') }, line: ins.line });
        continue;
      }
      const text = runtimeWithoutPipRecommends(run, rest, input.analysis.scopes.get(index)?.workdir ?? '/');
      replacements.set(index, text ? [{ kind: 'run', script: text }] : []);
      const detail = indexes.includes(index) ? `installs into ${dirs.join(' and ')}, which is copied with ${DISTRO_PIP_SCRIPTS}` : 'installs pip, whose Recommends bring build-essential back: the runtime stage installs it without them, and setuptools';
      overrides.set(index, { phase: 'build', reason: 'run-preset', data: { preset: 'python-distro', detail } });
    }
    const image = input.builderImage;
    // a tag that still moves (`ubuntu:latest`, `debian:latest`) names no release: what the runtime stage installs again
    // (the -dev packages' runtime libraries are named for the release the image table assumes) is that release's
    if (buildRelease(image) === null)
      unproven.push({
        id: 'unproven-distro-pip',
        data: { command: pips[0]!.command.words.slice(0, 2).join(' '), path: dirs.join(' and '), why: `${image} names no release, and the packages the runtime stage installs again are those of the release it gives when built` },
        line: input.model.instructions[pips[0]!.index]!.line,
      });
    // a bare `pip` after pip3 upgraded itself runs /usr/local/bin/pip, which is then pip3's
    const upgraded3 = pips.find((p) => isSelfUpgrade(p) && pipPythonMajor(p.command.words) === 3);
    if (upgraded3 && pips.some((p) => p.index >= upgraded3.index && pipPythonMajor(p.command.words) === 'default'))
      unproven.push({
        id: 'unproven-distro-pip',
        data: {
          command: pips
            .find((p) => pipPythonMajor(p.command.words) === 'default')!
            .command.words.slice(0, 2)
            .join(' '),
          path: dirs.join(' and '),
          why: 'pip3 upgraded itself into /usr/local/bin, where a later bare pip command may then run Python 3',
        },
        line: input.model.instructions[upgraded3.index]!.line,
      });
    // a package from a path, an archive or a URL: its dependencies are not read, and a compiled one may load any library of the builder
    for (const p of pips) {
      const other = requirementsOf(p.args).find((r) => !BY_NAME.test(r) || ARCHIVES.some((a) => r.toLowerCase().endsWith(a)));
      if (other)
        unproven.push({
          id: 'unproven-distro-pip',
          data: { command: `${p.command.words.slice(0, 2).join(' ')} ${other}`, path: dirs.join(' and '), why: 'its dependencies are not read, and a compiled one among them may load a library of a -dev package the runtime stage leaves behind' },
          line: input.model.instructions[p.index]!.line,
        });
    }
    // a program that pip-installs more packages when it runs needs the compilers then
    const installer = pips
      .flatMap((p) => requirementsOf(p.args))
      .map((r) => requirementName(r))
      .find((n) => n !== null && PIP_INSTALLS_AT_RUN_TIME.includes(n));
    if (installer) unproven.push({ id: 'unproven-runtime-compiler', data: { program: installer } });
    // a package installed from a file (`dpkg -i vendor.deb`): what it depends on, the build packages may have met
    for (const [index, run] of input.analysis.runs)
      for (const c of run.commands)
        if (c.kind === 'setup' && !c.install && familyOf(c.words[0] ?? '')?.id === 'apt')
          unproven.push({
            id: 'unproven-distro-pip',
            data: { command: pips[0]!.command.words.slice(0, 2).join(' '), path: dirs.join(' and '), why: `\`${c.words.slice(0, 3).join(' ')}\` (line ${input.model.instructions[index]!.line}) installs a package whose dependencies dfsplit does not read, which the build packages left in the builder may have met` },
          });
    const writer = otherScriptWriter(input, new Set(indexes));
    if (writer) unproven.push({ id: 'unproven-distro-pip', data: { command: pips[0]!.command.words.slice(0, 2).join(' '), path: DISTRO_PIP_SCRIPTS, why: `${DISTRO_PIP_SCRIPTS} is copied whole, and ${writer}` } });
    // the libraries the known compiled packages load; requirements it cannot read may link any library of the builder
    const libs = runtimeLibraries(input, pips);
    declines.push(...libs.declines);
    for (const u of libs.unread)
      unproven.push({
        id: 'unproven-distro-pip',
        data: {
          command: `${(pips.find((p) => input.model.instructions[p.index]!.line === u.line) ?? pips[0]!).command.words.slice(0, 2).join(' ')} -r ${u.file}`,
          path: dirs.join(' and '),
          why: 'the requirements are not read, and a compiled package among them may load a library of a -dev package the runtime stage leaves behind',
        },
        line: u.line,
      });
    const first = indexes.find((i) => replacements.has(i));
    if (libs.packages.length && first !== undefined) replacements.set(first, [{ kind: 'install', manager: libs.manager, packages: libs.packages }, ...replacements.get(first)!]);
    const { artifacts, declines: more } = pythonArtifacts(input);
    const producer = Math.max(...indexes);
    const line = input.model.instructions[producer]!.line;
    const copied: Artifact[] = [...dirs, DISTRO_PIP_SCRIPTS, ...DISTRO_PIP_DATA].map((path) => ({ path, producer, why: { id: 'distro-pip-copy', data: { path: dirs.join(' and '), scripts: DISTRO_PIP_SCRIPTS, image }, line } }));
    return {
      runtimeBase: { image, why: `the builder's own image, ${image}: the same distribution Python, without the compilers and -dev packages` },
      artifacts: [...artifacts, ...copied],
      runtimeReplacements: replacements,
      overrides,
      declines: [...declines, ...more],
      unproven: [...unproven, ...libs.unproven],
      findings: [{ id: 'distro-pip-copy', data: { path: dirs.join(' and '), scripts: DISTRO_PIP_SCRIPTS, image } }, ...libs.findings],
    };
  },
} satisfies Preset;
