// Haskell: `stack install` (or `stack build --copy-bins`) and `cabal install --install-method=copy` on a haskell
// image; the runtime stage holds the directory they install executables into on the Debian slim image of the
// builder's release, with the libraries GHC-built programs link (GMP, libffi, libnuma) and netbase and CA
// certificates. https://docs.haskellstack.org/en/stable/commands/install_command/
// https://cabal.readthedocs.io/en/stable/cabal-commands.html#cabal-install  https://hub.docker.com/_/haskell
import { parseImage } from '../../src/images.js';
import { GHC_RUNTIME_PACKAGES, HASKELL_INSTALL_SETTINGS, HASKELL_PACKAGE_FILE } from '../../src/knowledge/haskell.js';
import { isArchived } from '../../src/knowledge/releases.js';
import { runtimeNamesFor } from '../../src/knowledge/runtime-packages.js';
import type { Finding } from '../../src/messages.js';
import type { Artifact, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import type { RunCommand } from '../../src/analyze/run.js';
import { buildRelease, releaseOfImage } from '../../src/tags.js';
import { CABAL_INSTALLS, cabalInstallMethod, haskellSubcommand, haskellTargets, stackCopiesBins } from '../../src/commands/haskell.js';

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
      if (stackCopiesBins(command.words) || (command.words[0] === 'cabal' && cabalInstalls.includes(sub ?? ''))) out.push({ index, command });
    }
  return out;
}

/** The packages of the build context: each description file's package name and whether it declares data files. */
function contextPackages(input: PresetInput): { file: string; name: string | null; dataFiles: boolean }[] {
  return input.context.find((p) => HASKELL_PACKAGE_FILE.test(p)).map((file) => {
    const text = input.context.read(file) ?? '';
    const name = /^name\s*:\s*"?([\w-]+)"?/im.exec(text)?.[1] ?? null;
    // `data-files:` with a value on its line or on indented lines below it (cabal and hpack alike)
    const dataFiles = /^\s*data-files\s*:\s*(\S|\n[ \t]+\S)/im.test(text);
    return { file, name, dataFiles };
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
    // the directory each install puts executables into, and the last instruction that installs there
    const dirs = new Map<string, number>();
    for (const { index, command } of steps) {
      const line = input.model.instructions[index]!.line;
      const text = command.words.slice(0, 3).join(' ');
      const dir = command.outputs[0];
      if (!dir) {
        declines.push({ id: 'haskell-output-unknown', data: { why: `\`${text}\` names no directory dfsplit can read` }, line });
        continue;
      }
      if (command.words[0] === 'cabal' && cabalInstallMethod(command.words) === 'symlink') {
        declines.push({ id: 'haskell-symlink-install', data: { command: text, dir }, line });
        continue;
      }
      const targets = haskellTargets(command.words);
      const remote = targets.filter((t) => !localTarget(t, names));
      if (remote.length) unproven.push({ id: 'unproven-haskell-package', data: { command: text, what: `${remote.join(' ')}, which the build context does not describe` }, line });
      else if (!packages.length) unproven.push({ id: 'unproven-haskell-package', data: { command: text, what: 'a project with no .cabal file or package.yaml in the build context' }, line });
      dirs.set(dir, index);
    }
    for (const p of packages) if (p.dataFiles) declines.push({ id: 'haskell-data-files', data: { package: p.name ?? p.file } });
    const artifacts: Artifact[] = [...dirs].map(([path, producer]) => ({ path, producer, why: { id: 'artifact-output', data: { path, command: input.analysis.runs.get(producer)!.commands.find((c) => c.outputs[0] === path)!.words.slice(0, 2).join(' ') }, line: input.model.instructions[producer]!.line } }));
    // the libraries GHC-built programs link, named for the runtime image's release
    const names2 = runtimeNamesFor(GHC_RUNTIME_PACKAGES, 'apt', { distribution: 'debian', release: release?.release ?? null });
    for (const dev of names2.unknown) unproven.push({ id: 'runtime-package-unknown', data: { dev, release: `debian ${release?.release ?? '(unknown)'}`, image } });
    // the Debian mirrors no longer serve an archived release's packages: the apt-get update of the runtime stage fails there
    if (release && isArchived({ distribution: 'debian', release: release.release })) unproven.push({ id: 'unproven-added-install', data: { packages: names2.packages.join(' '), image } });
    const replacements = new Map<number, PresetStep[]>();
    const first = steps[0];
    if (first) replacements.set(first.index, [{ kind: 'install', manager: 'apt', packages: names2.packages }]);
    findings.push({ id: 'haskell-runtime-libs', data: { libs: names2.packages.join(' ') } });
    return {
      runtimeBase: { image, why: `the Debian release of ${input.builderImage}, slim: a GHC-built executable needs no toolchain` },
      artifacts,
      runtimeReplacements: replacements,
      declines,
      findings,
      unproven,
    };
  },
} satisfies Preset;
