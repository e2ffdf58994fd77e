// Package installs split into what only the build needs and what the program needs to run.
// apt-get: https://manpages.debian.org/bookworm/apt/apt-get.8.en.html  apk: https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
import { packageCommand, packageManager, pathOperands } from '../commands/index.js';
import { isInside } from '../paths.js';
import { joinPath } from '../shell.js';
import { BUILD_DEPENDENCY_VARIABLE } from '../commands/php.js';
import { ENVIRONMENT_BUILD_PACKAGES } from '../commands/python.js';
import { BUILD_ONLY_PACKAGES, DEV_WITHOUT_RUNTIME, type PackageManager } from './tables.js';
import { runtimePackagesOf } from '../knowledge/runtime-packages.js';
import type { Release } from '../knowledge/releases.js';

/** One `apt-get install` / `apk add` / `yum install` command, its packages sorted by where they are needed. */
export interface PackageInstall {
  manager: PackageManager;
  /** The command name as written (apt-get, apt, apk, yum, dnf, microdnf). */
  tool: string;
  packages: string[];
  build: string[];
  runtime: string[];
  /** dev package -> runtime libraries it implies. */
  implied: { dev: string; runtime: readonly string[] }[];
  /** -dev packages with no known runtime library: kept in the runtime stage to be safe. */
  keptDev: string[];
  /**
   * -dev packages whose runtime packages the table knows, but not for the image's release (or the release is
   * not known): no name is guessed; they stay in `runtime` as written, which on another image than the builder's only a build proves (`runtime-package-unknown`, src/runtime-libraries.ts).
   */
  unknownRuntime: string[];
  /** False when the original passed --no-install-recommends. */
  recommends: boolean;
  /** The original's options that choose where packages come from, with their values as written (`-t`, `bookworm-backports`): the manager's `sourceOptions`. */
  sourceOptions?: string[];
  /** Names that could not be read (variables): installed again in the runtime stage to be safe. */
  unresolved: string[];
  /** True for an install dfsplit writes: it runs its own `update` and removes the lists after itself. */
  selfUpdating?: boolean;
  /** Build-only packages (git, gcc) that no later command uses, moved to `runtime`: installed for run time (src/analyze/kept-tools.ts). */
  keptTools?: string[];
}

// the package managers' commands, subcommands and options: src/commands/ (apt, apk, yum); each command is
// read past its own family's value options only

// the build-only package lists as sets, made once (a set per install command was a visible cost)
const BUILD_ONLY_SETS: Record<PackageManager, ReadonlySet<string>> = { apt: new Set(BUILD_ONLY_PACKAGES.apt), apk: new Set(BUILD_ONLY_PACKAGES.apk), yum: new Set(BUILD_ONLY_PACKAGES.yum) };

export type PackageCommandKind = 'install' | 'maintenance' | null;

/** What a package-manager command does, or null when `words` is not one. */
export function packageCommandKind(words: readonly string[]): PackageCommandKind {
  const spec = packageCommand(words[0] ?? '');
  if (!spec) return null;
  const sub = subcommand(words, spec.packages.valueOptions);
  if (sub && spec.sub.install.includes(sub)) return 'install';
  return 'maintenance';
}

/** The first word that is neither an option nor the value of one of `valueOptions`. */
function subcommand(words: readonly string[], valueOptions: readonly string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (valueOptions.includes(w)) {
      i++;
      continue;
    }
    if (!w.startsWith('-')) return w;
  }
  return undefined;
}

/**
 * Read an install command. `removedLater` names packages (or apk virtual groups) that the
 * Dockerfile removes again: those were only ever needed for the build. `at` is the release the runtime
 * packages of -dev packages are named for (src/knowledge/runtime-packages.ts); null: not known; left out:
 * the install is read as written, every -dev package kept (a step dfsplit itself writes).
 */
export function readInstall(words: readonly string[], expand: (word: string) => string[] | null, removedLater: ReadonlySet<string>, at?: Release | null): PackageInstall {
  const tool = words[0]!;
  const spec = packageCommand(tool)!.packages;
  const manager = spec.manager;
  const packages: string[] = [];
  const unresolved: string[] = [];
  let recommends = true;
  const sourceOptions: string[] = [];
  let virtual: string | null = null;
  let seenSub = false;
  // what the image declares as its build dependencies (php's $PHPIZE_DEPS: autoconf, re2c, dpkg-dev, file, ...) serves builds only
  const declaredBuild = new Set((expand(BUILD_DEPENDENCY_VARIABLE) ?? []).filter((p) => !p.includes('$')).map(packageName));
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (spec.noRecommends?.includes(w)) recommends = false;
    if (spec.virtualOptions?.includes(w)) {
      virtual = words[i + 1] ?? null;
      i++;
      continue;
    }
    // `--enablerepo=epel` and `-tbookworm-backports` carry their value in the word
    const joined = spec.sourceOptions?.find((o) => w.startsWith(o.startsWith('--') ? `${o}=` : o) && w !== o);
    if (joined) {
      sourceOptions.push(w);
      continue;
    }
    if (spec.valueOptions.includes(w)) {
      if (spec.sourceOptions?.includes(w) && words[i + 1] !== undefined) sourceOptions.push(w, words[i + 1]!);
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    if (!seenSub) {
      seenSub = true;
      continue;
    }
    const expanded = w.includes('$') ? expand(w) : [w];
    if (expanded === null) unresolved.push(w);
    else packages.push(...expanded);
  }
  const build: string[] = [];
  const runtime: string[] = [];
  const implied: PackageInstall['implied'] = [];
  const keptDev: string[] = [];
  const unknownRuntime: string[] = [];
  const buildOnly = BUILD_ONLY_SETS[manager];
  const groupRemoved = virtual !== null && removedLater.has(virtual);
  for (const pkg of packages) {
    const name = packageName(pkg);
    // runtime library names change between releases (libssl1.1 -> libssl3): named only for a release the
    // table knows them for; a -dev package the file removes again needs no name (the original keeps none)
    const removed = buildOnly.has(name) || ENVIRONMENT_BUILD_PACKAGES.has(name) || declaredBuild.has(name) || DEV_WITHOUT_RUNTIME.has(name) || groupRemoved || removedLater.has(name);
    const answer = at === undefined ? null : runtimePackagesOf(name, manager, at);
    if (answer && 'packages' in answer) {
      build.push(pkg);
      implied.push({ dev: name, runtime: answer.packages });
    } else if (answer && !removed) {
      // kept as written (what the builder installed is there in its release); on another image only a build proves it
      runtime.push(pkg);
      unknownRuntime.push(name);
    } else if (removed) {
      build.push(pkg);
    } else if (/-(dev|devel)$/.test(name)) {
      keptDev.push(pkg);
      runtime.push(pkg);
    } else {
      runtime.push(pkg);
    }
  }
  for (const { runtime: libs } of implied) for (const lib of libs) if (!runtime.includes(lib)) runtime.push(lib);
  runtime.push(...unresolved);
  return { manager, tool, packages, build, runtime, implied, keptDev, unknownRuntime, recommends, unresolved, ...(sourceOptions.length ? { sourceOptions } : {}) };
}

/** `libpq-dev=15.3-0+deb12u1` -> `libpq-dev`; `gcc/bookworm` -> `gcc`; `py3-pip~=23` -> `py3-pip`. */
export function packageName(pkg: string): string {
  return pkg.replace(/[=~<>/].*$/, '').replace(/:(amd64|arm64|i386|armhf|all)$/, '');
}

/** Names a command removes (`apt-get purge gcc`, `apk del .build-deps`). */
export function removedPackages(words: readonly string[]): readonly string[] {
  // most commands remove nothing: one shared empty list, not a new one for each
  const spec = packageCommand(words[0] ?? '');
  if (!spec) return NOTHING;
  const sub = subcommand(words, spec.packages.valueOptions);
  if (!sub || !spec.sub.removes.includes(sub)) return NOTHING;
  const after = words.slice(words.indexOf(sub) + 1).filter((w) => !w.startsWith('-'));
  return after.map(packageName);
}

const NOTHING: readonly string[] = Object.freeze([]);

/** The RUN text that installs `packages` in a fresh stage with the same package manager. */
export function installCommand(tool: string, manager: PackageManager, packages: readonly string[], recommends: boolean, options: readonly string[] = []): string {
  return packageManager(manager).installLine(tool, packages, recommends, options);
}

/**
 * Whether apt's package lists are there after a command, given whether they were before: `apt-get update` fetches
 * them; an install dfsplit writes (selfUpdating: it runs its own update) and an rm of /var/lib/apt/lists remove them.
 * The state model's view of a stage (src/state-model.ts).
 */
export function aptListsAfter(before: boolean, c: { words: readonly string[]; cwd: string; install: { selfUpdating?: boolean } | null }): boolean {
  let lists = before;
  if (c.install?.selfUpdating) lists = false;
  const refresh = packageCommand(c.words[0] ?? '')?.packages.refreshesLists;
  if (refresh && c.words.includes(refresh)) lists = true;
  const paths = pathOperands(c.words);
  for (const p of [...(paths?.removes ?? []), ...(paths?.moves ?? [])]) if (isInside('/var/lib/apt/lists', joinPath(c.cwd, p).replace(/\/\*$/, ''))) lists = false;
  return lists;
}
