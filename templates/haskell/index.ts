// Haskell: `stack install` (or `stack build --copy-bins`) and `cabal install --install-method=copy` on a haskell
// image; the runtime stage holds the directory they install executables into on the Debian slim image of the
// builder's release, with the libraries GHC-built programs link (GMP, libffi, libnuma) and netbase and CA
// certificates. https://docs.haskellstack.org/en/stable/commands/install_command/
// https://cabal.readthedocs.io/en/stable/cabal-commands.html#cabal-install  https://hub.docker.com/_/haskell
import { HASKELL_SOURCES, leaveSources } from '../shared/runtime-files.js';
import { parseImage } from '../../src/images.js';
import { DEFAULT_PATH } from '../../src/knowledge/images.js';
import { systemDir } from '../../src/knowledge/secrets.js';
import { CABAL_V1_TAG, GHC_RUNTIME_PACKAGES, HASKELL_DATA_FILE_LIBRARIES, HASKELL_INSTALL_SETTINGS, HASKELL_PACKAGE_FILE } from '../../src/knowledge/haskell.js';
import { isArchived } from '../../src/knowledge/releases.js';
import { runtimeNamesFor } from '../../src/knowledge/runtime-packages.js';
import type { Finding } from '../../src/messages.js';
import type { Artifact, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import type { RunCommand } from '../../src/analyze/run.js';
import { buildRelease, releaseOfImage } from '../../src/tags.js';
import { CABAL_INSTALLS, cabalInstallMethod, isCabal, haskellSubcommand, haskellTargets, stackCopiesBins } from '../../src/commands/haskell.js';

/** Options of `stack install` and `cabal install` that install dependencies or libraries only. */
const NO_EXECUTABLES = ['--only-dependencies', '--dependencies-only', '--only-snapshot', '--lib'];

interface InstallStep {
  index: number;
  command: RunCommand;
}

/** `stack install`, `stack build --copy-bins` and every kind of `cabal install`, in order. */
function installSteps(input: PresetInput): InstallStep[] {
  const out: InstallStep[] = [];
  const cabalInstalls: readonly string[] = [...CABAL_INSTALLS.v1, ...CABAL_INSTALLS.v2];
  for (const [index, run] of input.analysis.runs)
    for (const command of run.commands) {
      const sub = haskellSubcommand(command.words);
      // an install of dependencies or libraries only puts no executable anywhere
      if (command.words.some((w) => NO_EXECUTABLES.includes(w))) continue;
      if (stackCopiesBins(command.words) || (isCabal(command.words) && cabalInstalls.includes(sub ?? ''))) out.push({ index, command });
    }
  return out;
}

/** The packages of the build context: each description file's package name and whether it declares data files. */
function contextPackages(input: PresetInput): { file: string; name: string | null; dataFiles: boolean; dataLibrary: string | null }[] {
  return input.context
    .find((p) => HASKELL_PACKAGE_FILE.test(p))
    .map((file) => {
      const text = input.context.read(file) ?? '';
      const name = /^name\s*:\s*"?([\w-]+)"?/im.exec(text)?.[1] ?? null;
      // `data-files:` with a value on its line or on indented lines below it (cabal and hpack alike)
      const dataFiles = /^\s*data-files\s*:\s*(\S|\n[ \t]+\S)/im.test(text);
      // a dependency that reads its own data files (`build-depends: base, pandoc >= 2`, hpack's `- pandoc`)
      const dataLibrary = HASKELL_DATA_FILE_LIBRARIES.find((lib) => new RegExp(`(^\\s*-\\s*|[:,]\\s*)${lib}(?![\\w-])`, 'm').test(text.replace(/^\s*name\s*:.*$/gim, ''))) ?? null;
      return { file, name, dataFiles, dataLibrary };
    });
}

/** A target that names the project in the working directory or a path of it (`.`, `./app`, `exe:server`, `mypkg:exe:server`). */
function localTarget(target: string, names: ReadonlySet<string>): boolean {
  if (target === '.' || target.startsWith('./') || target.startsWith('/') || target.startsWith('../')) return true;
  const pkg = target.split(':')[0]!;
  return pkg === '' || pkg === 'exe' || pkg === 'exes' || pkg === 'all' || names.has(pkg);
}

/**
 * The Debian release the runtime image is chosen for: the one the tag names or a frozen tag's (static), else a
 * release the tag table records for a tag that still moves (then only a build proves it), else none.
 */
function releaseFor(image: string): { release: string; moves: boolean } | null {
  const fixed = buildRelease(image);
  if (fixed?.distribution === 'debian' && fixed.release) return { release: fixed.release, moves: false };
  const now = releaseOfImage(image);
  return now?.distribution === 'debian' && now.release ? { release: now.release, moves: true } : null;
}

export default {
  id: 'haskell',
  summary: 'stack install or cabal install --install-method=copy in the builder; the runtime stage holds the executables on the Debian slim image of the same release, with GMP, libffi, libnuma, netbase and CA certificates',
  detect(input) {
    if (parseImage(input.builderImage).name !== 'haskell') return null;
    const steps = installSteps(input);
    return steps.length ? `\`${steps[0]!.command.words.slice(0, 2).join(' ')}\` on line ${input.model.instructions[steps[0]!.index]!.line}` : null;
  },
  decide(input) {
    const declines: Finding[] = [];
    const findings: Finding[] = [];
    const unproven: Finding[] = [];
    const steps = installSteps(input);
    const release = releaseFor(input.builderImage);
    if (!release) declines.push({ id: 'haskell-release-unknown', data: { image: input.builderImage } });
    const image = release ? `debian:${release.release}-slim` : input.builderImage;
    if (release?.moves) unproven.push({ id: 'unproven-release', data: { from: input.builderImage, to: image } });
    for (const s of HASKELL_INSTALL_SETTINGS) if (s.field.test(input.context.read(s.file) ?? '')) declines.push({ id: 'haskell-output-unknown', data: { why: `${s.file} sets where executables are installed` } });
    const packages = contextPackages(input);
    const names = new Set(packages.flatMap((p) => (p.name ? [p.name] : [])));
    // what the runtime stage copies (the directories the installs put executables into), and the last install that writes it
    const copies = new Map<string, { index: number; command: string }>();
    for (const { index, command } of steps) {
      const line = input.model.instructions[index]!.line;
      const text = command.words.slice(0, 6).join(' ');
      const dir = command.outputs[0];
      if (!dir) {
        declines.push({ id: 'haskell-output-unknown', data: { why: `\`${text}\` names no directory dfsplit can read` }, line });
        continue;
      }
      if (isCabal(command.words) && cabalInstallMethod(command.words, CABAL_V1_TAG.test(parseImage(input.builderImage).tag ?? 'latest')) === 'symlink') {
        declines.push({ id: 'haskell-symlink-install', data: { command: text, dir }, line });
        continue;
      }
      const targets = haskellTargets(command.words);
      const remote = targets.filter((t) => !localTarget(t, names));
      if (remote.length) unproven.push({ id: 'unproven-haskell-package', data: { what: `\`${text}\` installs ${remote.join(' ')}, which the build context does not describe` }, line });
      else if (!packages.length) unproven.push({ id: 'unproven-haskell-package', data: { what: `\`${text}\` installs a project with no .cabal file or package.yaml in the build context` }, line });
      // the directory is copied whole: one the image's own programs live in (/usr/local/bin holds stack and cabal) is not
      if (systemDir(dir) || DEFAULT_PATH.split(':').includes(dir)) {
        declines.push({ id: 'haskell-output-unknown', data: { why: `\`${text}\` installs into ${dir}, which holds the image's own programs too` }, line });
        continue;
      }
      copies.set(dir, { index, command: text });
    }
    for (const p of packages) if (p.dataFiles) declines.push({ id: 'haskell-data-files', data: { package: p.name ?? p.file } });
    for (const p of packages) if (p.dataLibrary) unproven.push({ id: 'unproven-haskell-package', data: { what: `${p.file} depends on ${p.dataLibrary}, a library that reads its own data files at run time` } });
    const artifacts: Artifact[] = [...copies].map(([path, { index, command }]) => ({ path, producer: index, why: { id: 'artifact-output', data: { path, command }, line: input.model.instructions[index]!.line } }));
    // the libraries GHC-built programs link, named for the runtime image's release
    const manager = 'apt' as const;
    const runtime = runtimeNamesFor(GHC_RUNTIME_PACKAGES, manager, { distribution: 'debian', release: release?.release ?? null });
    for (const dev of runtime.unknown) unproven.push({ id: 'runtime-package-unknown', data: { dev, release: `debian ${release?.release ?? '(unknown)'}`, image } });
    // the Debian mirrors no longer serve an archived release's packages: the apt-get update of the runtime stage fails there
    if (release && isArchived({ distribution: 'debian', release: release.release })) unproven.push({ id: 'unproven-added-install', data: { packages: runtime.packages.join(' '), image } });
    const replacements = new Map<number, PresetStep[]>();
    const first = steps[0];
    if (first) {
      // apt-get runs as root: under another USER the stage switches to root for the install and back
      const user = input.analysis.scopes.get(first.index)?.user ?? null;
      const install: PresetStep = { kind: 'install', manager, packages: runtime.packages };
      replacements.set(first.index, user && !/^(root|0)(:|$)/.test(user) ? [{ kind: 'user', user: 'root' }, install, { kind: 'user', user }] : [install]);
    }
    findings.push({ id: 'haskell-runtime-libs', data: { libs: runtime.packages.join(' ') } });
    // the sources stay in the builder unless the program reads files of them at run time (what it names is copied)
    const sources = leaveSources(input, { language: HASKELL_SOURCES, cwds: steps.map((s) => s.command.cwd), producer: Math.max(...steps.map((s) => s.index)), what: 'executable', keptId: 'haskell-sources-kept' });
    artifacts.push(...sources.artifacts);
    findings.push(...sources.findings);
    unproven.push(...sources.unproven);
    return {
      runtimeBase: { image, why: `the Debian release of ${input.builderImage}, slim: a GHC-built executable needs no toolchain` },
      dropFromRuntime: sources.drop,
      artifacts,
      runtimeReplacements: replacements,
      declines,
      findings,
      unproven,
    };
  },
} satisfies Preset;
