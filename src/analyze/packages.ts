// Package installs split into what only the build needs and what the program needs to run.
// apt-get: https://manpages.debian.org/bookworm/apt/apt-get.8.en.html  apk: https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
import { BUILD_ONLY_PACKAGES, DEV_TO_RUNTIME, DEV_WITHOUT_RUNTIME, type PackageManager } from './tables.js';

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
  /** False when the original passed --no-install-recommends. */
  recommends: boolean;
  /** Names that could not be read (variables): installed again in the runtime stage to be safe. */
  unresolved: string[];
  /** True for an install dfsplit writes: it runs its own `update` and removes the lists after itself. */
  selfUpdating?: boolean;
}

// a Map: looked up with every command's first word (see COMMAND_RULES in tables.ts)
const MANAGERS: ReadonlyMap<string, { manager: PackageManager; install: readonly string[]; maintenance: readonly string[] }> = new Map(Object.entries({
  'apt-get': { manager: 'apt', install: ['install'], maintenance: ['update', 'clean', 'autoclean', 'autoremove', 'purge', 'remove', 'upgrade', 'dist-upgrade'] },
  apt: { manager: 'apt', install: ['install'], maintenance: ['update', 'clean', 'autoremove', 'purge', 'remove', 'upgrade', 'dist-upgrade'] },
  apk: { manager: 'apk', install: ['add'], maintenance: ['update', 'del', 'upgrade', 'cache'] },
  yum: { manager: 'yum', install: ['install'], maintenance: ['clean', 'update', 'makecache', 'remove', 'erase', 'upgrade'] },
  dnf: { manager: 'yum', install: ['install'], maintenance: ['clean', 'update', 'makecache', 'remove', 'upgrade'] },
  microdnf: { manager: 'yum', install: ['install'], maintenance: ['clean', 'update', 'remove'] },
}));

// the build-only package lists as sets, made once (a set per install command was a visible cost)
const BUILD_ONLY_SETS: Record<PackageManager, ReadonlySet<string>> = { apt: new Set(BUILD_ONLY_PACKAGES.apt), apk: new Set(BUILD_ONLY_PACKAGES.apk), yum: new Set(BUILD_ONLY_PACKAGES.yum) };

/** Options of package managers that take a value in the next word. */
const OPTIONS_WITH_VALUE = new Set(['-o', '--option', '-t', '--target-release', '-c', '--config-file', '--virtual', '--repository', '-X', '--setopt', '--enablerepo', '--disablerepo', '--root', '-p']);

export type PackageCommandKind = 'install' | 'maintenance' | null;

/** What a package-manager command does, or null when `words` is not one. */
export function packageCommandKind(words: readonly string[]): PackageCommandKind {
  const spec = MANAGERS.get(words[0] ?? '');
  if (!spec) return null;
  const sub = subcommand(words);
  if (sub && spec.install.includes(sub)) return 'install';
  return 'maintenance';
}

function subcommand(words: readonly string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (OPTIONS_WITH_VALUE.has(w)) { i++; continue; }
    if (!w.startsWith('-')) return w;
  }
  return undefined;
}

/**
 * Read an install command. `removedLater` names packages (or apk virtual groups) that the
 * Dockerfile removes again: those were only ever needed for the build.
 */
export function readInstall(words: readonly string[], expand: (word: string) => string[] | null, removedLater: ReadonlySet<string>, mapDev = true): PackageInstall {
  const tool = words[0]!;
  const spec = MANAGERS.get(tool)!;
  const manager = spec.manager;
  const packages: string[] = [];
  const unresolved: string[] = [];
  let recommends = true;
  let virtual: string | null = null;
  let seenSub = false;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--no-install-recommends' || w === '--setopt=install_weak_deps=False') recommends = false;
    if (w === '--virtual' || (manager === 'apk' && w === '-t')) { virtual = words[i + 1] ?? null; i++; continue; }
    if (OPTIONS_WITH_VALUE.has(w)) { i++; continue; }
    if (w.startsWith('-')) continue;
    if (!seenSub) { seenSub = true; continue; }
    const expanded = w.includes('$') ? expand(w) : [w];
    if (expanded === null) unresolved.push(w);
    else packages.push(...expanded);
  }
  const build: string[] = [];
  const runtime: string[] = [];
  const implied: PackageInstall['implied'] = [];
  const keptDev: string[] = [];
  const buildOnly = BUILD_ONLY_SETS[manager];
  const groupRemoved = virtual !== null && removedLater.has(virtual);
  for (const pkg of packages) {
    const name = packageName(pkg);
    // runtime library names change between releases (libssl1.1 -> libssl3): the table is used only
    // where it is known to be right; elsewhere the -dev package itself stays, which is always correct
    const pair = mapDev || manager !== 'apt' ? (Object.hasOwn(DEV_TO_RUNTIME[manager], name) ? DEV_TO_RUNTIME[manager][name] : undefined) : undefined;
    if (pair) {
      build.push(pkg);
      implied.push({ dev: name, runtime: pair });
    } else if (buildOnly.has(name) || DEV_WITHOUT_RUNTIME.has(name) || groupRemoved || removedLater.has(name)) {
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
  return { manager, tool, packages, build, runtime, implied, keptDev, recommends, unresolved };
}

/** `libpq-dev=15.3-0+deb12u1` -> `libpq-dev`; `gcc/bookworm` -> `gcc`; `py3-pip~=23` -> `py3-pip`. */
function packageName(pkg: string): string {
  return pkg.replace(/[=~<>/].*$/, '').replace(/:(amd64|arm64|i386|armhf|all)$/, '');
}

/** Names a command removes (`apt-get purge gcc`, `apk del .build-deps`). */
export function removedPackages(words: readonly string[]): readonly string[] {
  // most commands remove nothing: one shared empty list, not a new one for each
  const spec = MANAGERS.get(words[0] ?? '');
  if (!spec) return NOTHING;
  const sub = subcommand(words);
  if (!sub || !['purge', 'remove', 'del', 'erase', 'autoremove'].includes(sub)) return NOTHING;
  const after = words.slice(words.indexOf(sub) + 1).filter((w) => !w.startsWith('-'));
  return after.map(packageName);
}

const NOTHING: readonly string[] = Object.freeze([]);

/** The RUN text that installs `packages` in a fresh stage with the same package manager. */
export function installCommand(tool: string, manager: PackageManager, packages: readonly string[], recommends: boolean): string {
  const list = packages.join(' ');
  switch (manager) {
    case 'apt':
      return `apt-get update && apt-get install -y ${recommends ? '' : '--no-install-recommends '}${list} && rm -rf /var/lib/apt/lists/*`;
    case 'apk':
      return `apk add --no-cache ${list}`;
    case 'yum':
      return `${tool} install -y ${list} && ${tool} clean all`;
  }
}
