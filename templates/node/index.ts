// Node: the builder installs every dependency and runs the build; the runtime stage, on the slim
// variant of the same node tag, gets the project directory with production dependencies only (pruned
// in the builder after the last npm/yarn/pnpm step, so native addons are built once), plus the system
// libraries of native addons that need them. The generic split places the copy and picks the slim
// image; this preset reads package.json and the lockfile to prune, to check, or to decline.
// https://docs.npmjs.com/cli/commands/npm-prune  https://pnpm.io/cli/prune
import { NODE_BINARIES, NODE_NATIVE_LIBS, NODE_SELF_CONTAINED } from '../../src/knowledge/node-packages.js';
import { NODE_INSTALL_STEPS, NODE_MANAGER_STEPS, NODE_PROJECT_PROGRAMS, NODE_PROJECT_STEPS, NODE_RUN_SCRIPT, NODE_RUNNERS, nodeManager, nodeManagers, pathOperands, type NodeManager, type NodeManagerName } from '../../src/commands/index.js';
import { libcOf, nodeMajor, parseImage, slimVariant } from '../../src/images.js';
import { packagesNeedPrograms, programsToInstall } from '../../src/runtime-contract.js';
import { releaseOfImage } from '../../src/tags.js';
import { servedDirectory } from '../../src/static-serve.js';
import { describeRelease, runtimeNamesFor } from '../../src/knowledge/runtime-packages.js';
import type { Finding } from '../../src/messages.js';
import type { CommandInstruction } from '../../src/model.js';
import type { Artifact, BuilderEdit, Override, Preset, PresetInput, PresetStep } from '../../src/preset.js';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

/** Each lockfile and the package manager that writes it (the node family's NODE_MANAGERS). */
const LOCKFILES: readonly [string, NodeManagerName][] = nodeManagers.flatMap((m) => m.lockfiles.map((file) => [file, m.name] as [string, NodeManagerName]));

/** RUN commands of the package managers that install or build the project, by instruction index. */
function managerRuns(input: PresetInput): { index: number; tool: NodeManagerName; sub: string }[] {
  const out: { index: number; tool: NodeManagerName; sub: string }[] = [];
  for (const [index, run] of input.analysis.runs)
    for (const c of run.commands) {
      const manager = nodeManager(c.words[0] ?? '');
      // a global install (`npm install -g pm2`, the node family's `setup`) goes to the system, not the project:
      // repeated in the runtime stage (or copied, src/global-copy.ts), never left in the builder with the project
      if (!manager || c.kind === 'setup') continue;
      const sub = c.words.slice(1).find((w) => !w.startsWith('-')) ?? 'install';
      // `yarn build` runs the script `build`; `npm config set ...` configures npm for the runtime too
      if (NODE_PROJECT_STEPS.includes(sub) || (manager.scriptsAsSubcommands && !NODE_MANAGER_STEPS.includes(sub))) out.push({ index, tool: manager.name, sub });
    }
  return out;
}

function readPackageJson(input: PresetInput): PackageJson | null {
  const text = input.context.read('package.json');
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as PackageJson) : null;
  } catch {
    return null;
  }
}

/** The program the container starts, through `npm start` / `yarn run x` / `npx x` when it does. */
function startedProgram(input: PresetInput, pkg: PackageJson): { program: string; via: string } | null {
  const cmd = [...input.model.instructions].reverse().find((i): i is CommandInstruction => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (!cmd) return null;
  const words = cmd.words;
  const [tool, sub, name] = words;
  if (nodeManager(tool ?? '') && sub) {
    const script = NODE_RUN_SCRIPT.includes(sub) ? name : sub;
    const body = script ? pkg.scripts?.[script] : undefined;
    if (!body) return null;
    const first = body
      .trim()
      .split(/\s+/)
      .filter((w) => !/^\w+=/.test(w));
    return { program: NODE_RUNNERS.includes(first[0] ?? '') ? (first[1] ?? '') : (first[0] ?? ''), via: `the "${script}" script` };
  }
  if (NODE_RUNNERS.includes(tool ?? '')) return { program: sub ?? '', via: cmd.keyword };
  return { program: (tool ?? '').split('/').pop() ?? '', via: cmd.keyword };
}

/** Native packages the production install holds, from a lockfile that marks install scripts (package-lock.json v2+). */
function nativePackages(input: PresetInput, pkg: PackageJson, lockfile: readonly [string, NodeManagerName] | null): { names: string[]; seen: boolean } {
  const lock = lockfile && nodeManager(lockfile[1])!.marksInstallScripts ? input.context.read(lockfile[0]) : null;
  if (lock !== null) {
    try {
      const parsed = JSON.parse(lock) as { lockfileVersion?: number; packages?: Record<string, { hasInstallScript?: boolean; dev?: boolean; optional?: boolean }> };
      if ((parsed.lockfileVersion ?? 1) >= 2 && parsed.packages) {
        const names = Object.entries(parsed.packages)
          .filter(([, p]) => p.hasInstallScript && !p.dev)
          .map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 13));
        return { names: [...new Set(names)], seen: true };
      }
    } catch {
      /* unreadable: fall back to the names below */
    }
  }
  // without install-script marks, only the packages the table knows can be seen
  return { names: Object.keys(pkg.dependencies ?? {}).filter((n) => n in NODE_NATIVE_LIBS), seen: false };
}

/** Packages the file's own installs already put in the runtime stage (the generic split replays them). */
function runtimePackages(input: PresetInput): Set<string> {
  const out = new Set<string>();
  for (const run of input.analysis.runs.values())
    for (const c of run.commands) {
      for (const p of c.install?.runtime ?? []) out.add(p);
      for (const pair of c.install?.implied ?? []) for (const p of pair.runtime) out.add(p);
    }
  return out;
}

/** The lifecycle scripts npm runs for the project itself during `npm install` (https://docs.npmjs.com/cli/using-npm/scripts). */
const INSTALL_SCRIPTS: readonly string[] = ['preinstall', 'install', 'postinstall'];

/** The manager's prune as the node tag's version spells it (`npm prune --omit=dev` from node 15), or null when it has none. */
function pruneCommand(tool: NodeManagerName, image: string): string | null {
  const prune = nodeManager(tool)!.prune;
  if (!prune) return null;
  const major = nodeMajor(image);
  return prune.older && major !== null && major < prune.older.belowNode ? prune.older.command : prune.command;
}

export default {
  id: 'node',
  summary: 'all dependencies and the build in the builder; production dependencies only (pruned in the builder), the project and the libraries of native addons on the slim node image',
  detect(input) {
    if (parseImage(input.builderImage).name !== 'node' || !input.context.known || input.context.read('package.json') === null) return null;
    const runs = managerRuns(input).filter((r) => NODE_INSTALL_STEPS.includes(r.sub));
    return runs.length ? `\`${runs[0]!.tool} ${runs[0]!.sub}\` on line ${input.model.instructions[runs[0]!.index]!.line} with package.json in the build context` : null;
  },
  decide(input) {
    const declines: Finding[] = [];
    const unproven: Finding[] = [];
    const findings: Finding[] = [];
    const edits: BuilderEdit[] = [];
    const pkg = readPackageJson(input);
    if (!pkg) return { declines: [{ id: 'node-package-json-unread' }] };
    const runs = managerRuns(input);
    const tools = [...new Set(runs.map((r) => r.tool))];
    const found = LOCKFILES.filter(([file]) => input.context.read(file) !== null);
    // the lockfile of the one manager the file runs; without one, another manager's lockfile decides nothing: the
    // builder runs the file's own installs as the original does (npm ignores yarn.lock, or reads it for guidance
    // as npm 7 does, alike in both), so it is as if there were none, unless the install needs its own (`npm ci`)
    const own = tools.length === 1 ? (found.find(([, m]) => m === tools[0]) ?? null) : null;
    const lock = own ?? (tools.length === 0 ? (found[0] ?? null) : null);
    const other = own ? undefined : found.find(([, m]) => tools.some((t) => t !== m));
    if (other && (tools.length > 1 || runs.some((r) => nodeManager(r.tool)!.needsOwnLockfile?.includes(r.sub)))) declines.push({ id: 'node-lockfile-mismatch', data: { lockfile: other[0], tool: tools.find((t) => t !== other[1])! } });
    else if (other) findings.push({ id: 'node-lockfile-other', data: { lockfile: other[0], tool: tools[0]! } });
    // native addons: known libraries are installed in the runtime stage, unknown ones decline
    // a container that starts a static file server on the build's output runs no code of the project (the runtime stage
    // copies that directory alone, src/static-serve.ts): its native addons load nothing and its dependencies are not pruned
    const served = servedDirectory(input.model, input.analysis);
    const native = served ? { names: [], seen: true } : nativePackages(input, pkg, lock);
    const libs: string[] = [];
    const replayed = runtimePackages(input);
    const musl = libcOf(input.builderImage) === 'musl';
    const release = releaseOfImage(input.builderImage);
    const manager = musl ? 'apk' : 'apt';
    for (const name of native.names) {
      const needs = NODE_NATIVE_LIBS[name];
      if (needs) {
        // named for the builder's release: the runtime stage is its slim variant, of the same release
        const named = runtimeNamesFor(needs[manager], manager, release);
        for (const dev of named.unknown) unproven.push({ id: 'runtime-package-unknown', data: { dev, release: describeRelease(release), image: input.builderImage } });
        for (const l of named.packages) if (!libs.includes(l) && !replayed.has(l)) libs.push(l);
        continue;
      }
      if (!NODE_SELF_CONTAINED.has(name)) declines.push({ id: 'node-native-unknown', data: { package: name } });
    }
    // programs production dependencies run when the app runs (simple-git: git), which the slim variant lacks
    const programs = programsToInstall(packagesNeedPrograms('node', Object.keys(pkg.dependencies ?? {})), input.builderImage, slimVariant(input.builderImage) ?? input.builderImage, replayed);
    declines.push(...programs.declines);
    findings.push(...programs.findings);
    for (const p of programs.packages) if (!libs.includes(p)) libs.push(p);
    if (!native.seen) findings.push({ id: 'node-native-unchecked', data: { lockfile: lock?.[0] ?? 'no lockfile' } });
    // production dependencies only: prune after the last step of the package manager. yarn has no
    // prune that works in place and `pnpm prune` skips workspaces, so there the devDependencies stay,
    // as they are in the original image. https://pnpm.io/cli/prune
    const last = Math.max(...runs.map((r) => r.index));
    const tool = lock?.[1] ?? tools[0] ?? nodeManagers[0]!.name;
    const dev = pkg.devDependencies ?? {};
    if (Object.keys(dev).length && Number.isFinite(last) && !served) {
      const ins = input.model.instructions[last]!;
      const count = String(Object.keys(dev).length);
      const manager: NodeManager = nodeManager(tool)!;
      const workspace = manager.workspace && input.context.read(manager.workspace.file) !== null ? manager.workspace : undefined;
      // an install script of the project (preinstall, install, postinstall) may put into node_modules what no
      // package.json lists (links to the project's own directories: docker-ui's `api`, `lib`, `config.js`), and a
      // prune removes it as extraneous (with-context review 2026-12-06: the app could no longer require them)
      const scripts = Object.keys(pkg.scripts ?? {}).filter((k) => INSTALL_SCRIPTS.includes(k));
      const prune = workspace || scripts.length ? null : pruneCommand(tool, input.builderImage);
      const why = workspace?.why ?? (scripts.length ? `the project's own ${scripts.join(', ')} script runs at install and may put into node_modules what no package.json lists, which a prune removes as extraneous` : (manager.noPrune ?? ''));
      if (prune === null) findings.push({ id: 'node-dev-kept', data: { why, count }, line: ins.line });
      else {
        edits.push({ kind: 'run', after: last, script: prune });
        findings.push({ id: 'node-pruned', data: { command: prune, count }, line: ins.line });
        // a pruned runtime must not start a program that only a devDependency provides
        const started = startedProgram(input, pkg);
        const providing = started ? (NODE_BINARIES[started.program] ?? started.program) : null;
        if (started && providing && providing in dev) declines.push({ id: 'node-runtime-needs-dev', data: { program: started.program, via: started.via, package: providing } });
      }
    }
    // every RUN of the package manager (install, build scripts) stays in the builder, and the project
    // directory is copied once the last of them (and the prune) ran
    const overrides = new Map<number, Override>();
    const only = (index: number) => input.analysis.runs.get(index)!.commands.every((c) => NODE_PROJECT_PROGRAMS.includes(c.words[0] ?? '') || (pathOperands(c.words)?.changesDirectory ?? false));
    for (const index of new Set(runs.map((r) => r.index))) {
      if (only(index)) overrides.set(index, { phase: 'build', reason: 'run-preset', data: { preset: 'node', detail: 'installs or builds the project in the builder; the project directory is copied to the runtime stage' } });
    }
    const firstRun = runs[0];
    const artifacts: Artifact[] = [];
    if (firstRun && Number.isFinite(last)) {
      const project = input.analysis.runs.get(firstRun.index)!.commands.find((c) => c.words[0] === firstRun.tool)!.cwd;
      if (project === '/') declines.push({ id: 'output-not-located', data: { why: `\`${firstRun.tool} ${firstRun.sub}\` runs in / (no WORKDIR), so the project cannot be told from the rest of the system` }, line: input.model.instructions[firstRun.index]!.line });
      else artifacts.push({ path: project, producer: last, why: { id: 'artifact-workdir', data: { path: project }, line: input.model.instructions[last]!.line } });
    }
    const replacements = new Map<number, PresetStep[]>();
    const firstInstall = runs.find((r) => ['install', 'ci', 'i', 'add'].includes(r.sub));
    if (libs.length && firstInstall) {
      replacements.set(firstInstall.index, [{ kind: 'install', manager: musl ? 'apk' : 'apt', packages: libs }]);
      findings.push({ id: 'node-native-libs', data: { packages: native.names.filter((n) => n in NODE_NATIVE_LIBS).join(', '), libs: libs.join(' ') } });
    }
    return { artifacts, overrides, builderEdits: edits, runtimeReplacements: replacements, declines, findings, unproven };
  },
} satisfies Preset;
