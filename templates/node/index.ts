// Node: the builder installs every dependency and runs the build; the runtime stage, on the slim
// variant of the same node tag, gets the project directory with production dependencies only (pruned
// in the builder after the last npm/yarn/pnpm step, so native addons are built once), plus the system
// libraries of native addons that need them. The generic split places the copy and picks the slim
// image; this preset reads package.json and the lockfile to prune, to check, or to decline.
// https://docs.npmjs.com/cli/commands/npm-prune  https://pnpm.io/cli/prune
import { NODE_BINARIES, NODE_NATIVE_LIBS, NODE_SELF_CONTAINED } from '../../src/knowledge/node-packages.js';
import { pathOperands } from '../../src/commands/index.js';
import { libcOf, parseImage } from '../../src/images.js';
import { releaseOfImage } from '../../src/tags.js';
import { describeRelease, runtimeNamesFor } from '../../src/knowledge/runtime-packages.js';
import type { Finding } from '../../src/messages.js';
import type { CommandInstruction } from '../../src/model.js';
import type { Artifact, BuilderEdit, Override, Preset, PresetInput, PresetStep } from '../../src/preset.js';

type Manager = 'npm' | 'yarn' | 'pnpm';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

const LOCKFILES: readonly [string, Manager][] = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm'],
];

/** Subcommands that install the project's dependencies or run its scripts (not `config`, `cache`, `login`). */
const PROJECT_STEPS = new Set(['install', 'ci', 'i', 'add', 'run', 'run-script', 'build', 'test', 'rebuild', 'exec']);

/** RUN commands of the package managers that install or build the project, by instruction index. */
function managerRuns(input: PresetInput): { index: number; tool: Manager; sub: string }[] {
  const out: { index: number; tool: Manager; sub: string }[] = [];
  for (const [index, run] of input.analysis.runs)
    for (const c of run.commands) {
      const tool = c.words[0];
      if (tool !== 'npm' && tool !== 'yarn' && tool !== 'pnpm') continue;
      const sub = c.words.slice(1).find((w) => !w.startsWith('-')) ?? 'install';
      // `yarn build` runs the script `build`; `npm config set ...` configures npm for the runtime too
      if (PROJECT_STEPS.has(sub) || (tool !== 'npm' && !['config', 'cache', 'login', 'set', 'global', 'policies', 'dlx', 'env'].includes(sub))) out.push({ index, tool, sub });
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
  if ((tool === 'npm' || tool === 'yarn' || tool === 'pnpm') && sub) {
    const script = sub === 'run' || sub === 'run-script' ? name : sub;
    const body = script ? pkg.scripts?.[script] : undefined;
    if (!body) return null;
    const first = body
      .trim()
      .split(/\s+/)
      .filter((w) => !/^\w+=/.test(w));
    return { program: first[0] === 'npx' ? (first[1] ?? '') : (first[0] ?? ''), via: `the "${script}" script` };
  }
  if (tool === 'npx') return { program: sub ?? '', via: cmd.keyword };
  return { program: (tool ?? '').split('/').pop() ?? '', via: cmd.keyword };
}

/** Native packages the production install holds, from package-lock.json (v2+ marks install scripts). */
function nativePackages(input: PresetInput, pkg: PackageJson): { names: string[]; seen: boolean } {
  const lock = input.context.read('package-lock.json') ?? input.context.read('npm-shrinkwrap.json');
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

/** `npm prune` as the node tag's npm spells it (`--omit=dev` from npm 7, node 15). */
function npmPrune(image: string): string {
  const major = Number(/^(\d+)/.exec(parseImage(image).tag ?? '')?.[1] ?? 'NaN');
  return Number.isFinite(major) && major < 15 ? 'npm prune --production' : 'npm prune --omit=dev';
}

export default {
  id: 'node',
  summary: 'all dependencies and the build in the builder; production dependencies only (pruned in the builder), the project and the libraries of native addons on the slim node image',
  detect(input) {
    if (parseImage(input.builderImage).name !== 'node' || !input.context.known || input.context.read('package.json') === null) return null;
    const runs = managerRuns(input).filter((r) => ['install', 'ci', 'i', 'add'].includes(r.sub));
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
    const lock = LOCKFILES.find(([file]) => input.context.read(file) !== null);
    const tools = [...new Set(runs.map((r) => r.tool))];
    if (lock && tools.some((t) => t !== lock[1])) declines.push({ id: 'node-lockfile-mismatch', data: { lockfile: lock[0], tool: tools.find((t) => t !== lock[1])! } });
    // native addons: known libraries are installed in the runtime stage, unknown ones decline
    const native = nativePackages(input, pkg);
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
    if (!native.seen) findings.push({ id: 'node-native-unchecked', data: { lockfile: lock?.[0] ?? 'no lockfile' } });
    // production dependencies only: prune after the last step of the package manager. yarn has no
    // prune that works in place and `pnpm prune` skips workspaces, so there the devDependencies stay,
    // as they are in the original image. https://pnpm.io/cli/prune
    const last = Math.max(...runs.map((r) => r.index));
    const tool = lock?.[1] ?? tools[0] ?? 'npm';
    const dev = pkg.devDependencies ?? {};
    if (Object.keys(dev).length && Number.isFinite(last)) {
      const ins = input.model.instructions[last]!;
      const count = String(Object.keys(dev).length);
      const workspace = tool === 'pnpm' && input.context.read('pnpm-workspace.yaml') !== null;
      const prune = tool === 'npm' ? npmPrune(input.builderImage) : tool === 'pnpm' && !workspace ? 'pnpm prune --prod' : null;
      const why = workspace ? '`pnpm prune` does not run across a pnpm workspace' : 'yarn cannot prune in place, and a second `yarn install --production` may fetch and rebuild native addons';
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
    const only = (index: number) => input.analysis.runs.get(index)!.commands.every((c) => /^(npm|yarn|pnpm|npx|node|corepack)$/.test(c.words[0] ?? '') || (pathOperands(c.words)?.changesDirectory ?? false));
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
