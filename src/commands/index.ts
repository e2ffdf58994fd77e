// The command families dfsplit knows. Adding one is a new file (copy _template.ts) and one line here.
import type { CommandFamily, ConfigureStep, FamilyCommand, FileReplay, PackageManager, PackageSubcommands, PathUse, SystemPackages } from './types.js';
import android from './android.js';
import apk from './apk.js';
import { operands, optionValue } from './options.js';
import apt from './apt.js';
import archive from './archive.js';
export { unpackDirectory } from './archive.js';
import buildSystems from './build-systems.js';
import compilers, { CXX_COMPILERS } from './compilers.js';
export { linksBeyondLibc } from './compilers.js';
import conda from './conda.js';
import dotnet from './dotnet.js';
import editors from './editors.js';
import fetch from './fetch.js';
import files from './files.js';
import go from './go.js';
import haskell from './haskell.js';
import java from './java.js';
import lua from './lua.js';
import node, { NODE_MANAGERS, type NodeManager, type NodeManagerName } from './node.js';
import perl from './perl.js';
import php from './php.js';
import prefix from './prefix.js';
import python from './python.js';
import r from './r.js';
import ruby from './ruby.js';
import shell from './shell.js';
import system from './system.js';
import rust from './rust.js';
import users from './users.js';
import yum from './yum.js';
import { PACKAGE_PROGRAMS } from '../knowledge/package-programs.js';

export { copyPlacement } from './files.js';

export const families: readonly CommandFamily[] = [apt, apk, yum, node, users, archive, fetch, files, prefix, shell, system, conda, lua, perl, php, python, r, ruby, go, rust, haskell, java, dotnet, compilers, buildSystems, android, editors];

// a Map: looked up with every command's first word
const BY_NAME: ReadonlyMap<string, CommandFamily> = new Map(families.flatMap((f) => f.names.map((n) => [n, f] as const)));
const VERSIONED: ReadonlyMap<string, CommandFamily> = new Map(families.flatMap((f) => (f.versioned ?? []).map((n) => [n, f] as const)));
const RUN_MODULES = families.flatMap((family) => (family.modules ? [{ family, ...family.modules }] : []));

/**
 * What the packages an install names run at run time (`pip install ReviewBoard`: patch), from their family's
 * `runtimePrograms`; a command run by a path (`/opt/venv/bin/pip`) installs as its name does.
 */
export function runtimeProgramsOf(words: readonly string[]): { by: string; programs: readonly string[] }[] {
  const command = commandOf([(words[0] ?? '').split('/').pop()!, ...words.slice(1)]);
  if (!command) return [];
  return (command.family.installedPackages?.(command) ?? []).flatMap((name) => {
    const programs = packageRuntimePrograms(command.family.id, name);
    return programs.length ? [{ by: name, programs }] : [];
  });
}

/**
 * True for an install of packages by their registry names alone (`gem install bundler:2.0.2`, `npm install -g pm2`,
 * `pip install flask==2`): it reads no file of the directory it runs in. Not one that names a file or directory
 * (`.`, `./x`, `x.gem`, `x.whl`), a requirements or constraints file, an editable install, or a node manager's install
 * into the project.
 */
export function registryInstall(words: readonly string[]): boolean {
  const command = commandOf([(words[0] ?? '').split('/').pop()!, ...words.slice(1)]);
  const names = command?.family.installedPackages?.(command) ?? null;
  if (!names?.length || words.some((w) => /^(-r|--requirement|-c|--constraint|-e|--editable)(=|$)/.test(w))) return false;
  // a node manager's install into the project (`npm install express`) reads and writes its package.json there
  if (command!.family.id === 'node' && !(words.includes('-g') || words.includes('--global') || words[1] === 'global')) return false;
  return names.every((n) => /^@?[\w][\w.@:+=<>~^*!,-]*(\/[\w.-]+)?$/.test(n) && !/\.(gem|whl|tgz|zip|tar(\.\w+)?)$/i.test(n) && !n.startsWith('.'));
}

/** What a package of the family `familyId`'s registry runs at run time (`simple-git` of node: git), from its `runtimePrograms`. */
export function packageRuntimePrograms(familyId: string, name: string): readonly string[] {
  const table = families.find((f) => f.id === familyId)?.runtimePrograms;
  return table && Object.hasOwn(table, name) ? table[name]! : [];
}

/** The programs a command runs besides itself (bower: git), from its family's `calls`; none when no family says. */
export function programsCalledBy(name: string): readonly string[] {
  const base = name.split('/').pop()!;
  for (const f of families) if (f.calls && Object.hasOwn(f.calls, base)) return f.calls[base]!;
  return [];
}

/** The interpreters that run a script by its file name's ending (`py`: python, python3), or null. */
export function scriptInterpreters(ending: string): readonly string[] | null {
  const family = families.find((f) => f.scriptExtensions?.includes(ending));
  return family?.interpreters ?? null;
}

/** The files a command makes executable (`chmod +x a.py`), or null. */
export function madeExecutable(words: readonly string[]): readonly string[] | null {
  return familyOf(words[0] ?? '')?.madeExecutable?.(words) ?? null;
}

/** The family that answers for a command name (`npm`), or undefined. */
export function familyOf(name: string): CommandFamily | undefined {
  return BY_NAME.get(name);
}

/**
 * The command a script's words run, as its family knows it: its own name (`npm`), a versioned one
 * (`pip3.11` is pip) or a module or script of an interpreter (`python3 -m pip`, `python setup.py`); undefined
 * for a command no family knows. A path (`/opt/venv/bin/pip`) is no name.
 */
export function commandOf(words: readonly string[]): FamilyCommand | undefined {
  const first = words[0] ?? '';
  const exact = BY_NAME.get(first);
  if (exact) return { family: exact, name: first, args: words.slice(1), words };
  const stem = first.replace(/[\d.]+$/, '');
  const versioned = stem !== first ? VERSIONED.get(stem) : undefined;
  if (versioned) return { family: versioned, name: stem, args: words.slice(1), words };
  for (const { family, interpreter, names, scripts = {} } of RUN_MODULES) {
    if (!interpreter.test(first)) continue;
    const second = words[1] ?? '';
    const module = second === '-m' ? (words[2] ?? '') : '';
    if (Object.hasOwn(names, module)) return { family, name: names[module] ?? module, args: words.slice(3), words };
    if (Object.hasOwn(scripts, second)) return { family, name: scripts[second] ?? second, args: words.slice(2), words };
  }
  return undefined;
}

/** A system package-manager command (`apt-get`, `apk`, `dnf`): its family's package knowledge and its own subcommands. */
export function packageCommand(name: string): { packages: SystemPackages; sub: PackageSubcommands } | undefined {
  const packages = BY_NAME.get(name)?.packages;
  const sub = packages && Object.hasOwn(packages.commands, name) ? packages.commands[name] : undefined;
  return packages && sub ? { packages, sub } : undefined;
}

/** The family of a system package manager. */
export function packageManager(manager: PackageManager): SystemPackages {
  return families.find((f) => f.packages?.manager === manager)!.packages!;
}

/** The user or group a command creates (`useradd -u 1000 app`: the user app), or undefined. */
export function createdAccount(words: readonly string[]): { creates: 'user' | 'group'; name: string; home: string | null } | undefined {
  const name = words[0] ?? '';
  const accounts = BY_NAME.get(name)?.accounts;
  const spec = accounts && Object.hasOwn(accounts, name) ? accounts[name] : undefined;
  const account = spec ? operands(words, spec.valueOptions).pop() : undefined;
  return spec && account ? { creates: spec.creates, name: account, home: spec.homeOptions ? optionValue(words, ...spec.homeOptions) : null } : undefined;
}

/** Every command that creates a user or a group. */
export const accountCommands: readonly string[] = families.flatMap((f) => Object.keys(f.accounts ?? {}));

/** Programs a package gives, as the families say, else as src/knowledge/package-programs.ts says of the packages no family owns; undefined when none says. */
export function packageProvides(pkg: string): readonly string[] | undefined {
  for (const f of families) if (f.provides && Object.hasOwn(f.provides, pkg)) return f.provides[pkg];
  return Object.hasOwn(PACKAGE_PROGRAMS, pkg) ? PACKAGE_PROGRAMS[pkg] : undefined;
}

/** The programs a package puts on PATH: what packageProvides says, else the one named like the package. */
export function packagePrograms(pkg: string): readonly string[] {
  return packageProvides(pkg) ?? [pkg];
}

/** Every program the families call a build or test tool (an image that runs one is a toolbox). */
export const toolboxPrograms: readonly string[] = families.flatMap((f) => f.toolbox ?? []);

/** Where a system-wide install the runtime stage repeats (`npm install -g`, `pip install`, `gem install`) puts packages (the family's `installsInto`), or none. */
export function installDirectories(words: readonly string[]): readonly string[] {
  return replayedBy(words) ? (commandOf(words)?.family.installsInto ?? []) : [];
}

/** Where an install into the project in the working directory puts its packages, relative to it, and the packages it names; null when the command is none (a family's `projectInstall`). */
export function projectInstall(words: readonly string[]): { dir: string; named: readonly string[] } | null {
  return commandOf(words)?.family.projectInstall?.(words) ?? null;
}

/** Every program the families say marks a build environment when a file installs it (`buildEnvironment`). */
export const buildEnvironmentPrograms: ReadonlySet<string> = new Set(families.flatMap((f) => f.buildEnvironment ?? []));

/** The build tools that read environment variable `name` when only they do (`CARGO_HOME`: cargo, rustc, rustup, rustdoc), else null. */
export function buildEnvReaders(name: string): readonly string[] | null {
  for (const f of families) for (const e of f.buildEnv ?? []) if (e.variables.some((v) => (v.endsWith('*') ? name.startsWith(v.slice(0, -1)) : name === v))) return e.readers;
  return null;
}

/** Every CMD/ENTRYPOINT pattern that needs a family's toolchain at runtime. */
export const toolchainAtRuntime: readonly RegExp[] = families.flatMap((f) => f.toolchainAtRuntime ?? []);

// the answers asked for every command word, as Maps and Sets made once
const PREFIXES: ReadonlyMap<string, number> = new Map(families.flatMap((f) => Object.entries(f.prefixes ?? {})));
const SHELL_ONLY: ReadonlySet<string> = new Set(families.flatMap((f) => f.shellOnly ?? []));
const NEUTRAL: ReadonlySet<string> = new Set(families.flatMap((f) => f.neutral ?? []));
const MOVERS: ReadonlySet<string> = new Set(families.flatMap((f) => f.movesFiles ?? []));
const PATHS: ReadonlyMap<string, PathUse> = new Map(families.flatMap((f) => Object.entries(f.paths ?? {})));

const HELPERS: ReadonlyMap<string, (args: readonly string[]) => readonly string[] | null> = new Map(families.flatMap((f) => Object.entries(f.helpers ?? {})));

/** The words a helper script's command stands for (`go-wrapper install` is `go install -v ./...`), from its family's `helpers`; null for any other command. */
export function helperRuns(words: readonly string[]): readonly string[] | null {
  const helper = HELPERS.get(words[0] ?? '');
  return helper ? helper(words.slice(1)) : null;
}

/** How many words a prefix command takes before the command it runs (`gosu app make`: 2), options aside; undefined for any other command. */
export function prefixWords(name: string): number | undefined {
  return PREFIXES.get(name);
}

const WRAPPERS: ReadonlySet<string> = new Set(families.flatMap((f) => f.wrapsEntrypoint ?? []));

const SUPERVISORS: ReadonlySet<string> = new Set(families.flatMap((f) => f.supervisors ?? []));

/** A process supervisor an ENTRYPOINT runs the program through as its arguments (`tini`, `dumb-init`: the prefix family). */
export function isSupervisor(name: string): boolean {
  return SUPERVISORS.has(name);
}

/** How many words an ENTRYPOINT's user switcher takes after its name before the program it starts (`gosu app`: 1); undefined for any other command. */
export function entrypointWrapperWords(name: string): number | undefined {
  return WRAPPERS.has(name) ? prefixWords(name)! - 1 : undefined;
}

/** A shell builtin that changes only the shell it runs in: no program is looked up for it. */
export function isShellOnly(name: string): boolean {
  return SHELL_ONLY.has(name);
}

/** A command with no effect on the image unless it writes a file: a runtime stage does not repeat it. */
export function isNeutral(name: string): boolean {
  return NEUTRAL.has(name);
}

/** A command that copies or unpacks files (cp, tar): inside a RUN that builds, what it writes is an artifact. */
export function movesFiles(name: string): boolean {
  return MOVERS.has(name);
}

/** System packages programs often call at runtime too (git): installing only them is no reason to split. */
export const usedAtRuntime: ReadonlySet<string> = new Set(families.flatMap((f) => f.usedAtRuntime ?? []));

/** Build-tool packages whose absence alone saves next to nothing (`make`): leaving only these behind is no reason to split. */
export const lightPackages: ReadonlySet<string> = new Set(families.flatMap((f) => f.lightPackages ?? []));

const DEPENDENCY_CACHES: ReadonlyMap<string, string> = new Map(families.flatMap((f) => Object.entries(f.dependencyCaches ?? {})));

/** The directory under the home where a build by `name` (a path or a wrapper's `./gradlew` too) keeps downloaded dependencies (`mvn`: `.m2`), or undefined. */
export function dependencyCache(name: string): string | undefined {
  return DEPENDENCY_CACHES.get(name.split('/').pop() ?? '');
}

const INTERPRETERS: ReadonlySet<string> = new Set(families.flatMap((f) => f.interpreters ?? []));
const COMPANIONS: ReadonlySet<string> = new Set(families.flatMap((f) => f.installerCompanions ?? []));

/**
 * A command that may sit in a RUN that fetches a build tool's installer and puts it in place (curl, mv,
 * sha384sum, the interpreter that runs it, by any version: `php8.2`): the families' `installerCompanions`.
 */
export function installerCompanion(name: string): boolean {
  return COMPANIONS.has(name) || (isInterpreter(name) && COMPANIONS.has(name.replace(/[\d.]+$/, '')));
}

/** A fetch that checks sources out (`git clone`: 'checkout') or works on such a checkout ('on-checkout'), or null: the families' `checksOut`. */
export function checkoutOf(words: readonly string[]): 'checkout' | 'on-checkout' | null {
  return familyOf(words[0] ?? '')?.checksOut?.(words) ?? null;
}

/** An interpreter that runs a script file (`python gen.py`, `sh -`), by its name with any version (`python3.11`). */
export function isInterpreter(name: string): boolean {
  return INTERPRETERS.has(name.replace(/[\d.]+$/, ''));
}

/** What a file command does with the paths it names (src/commands/types.ts), or undefined. */
export function pathUse(name: string): PathUse | undefined {
  return PATHS.get(name);
}

const ANY_DIRECTORY: ReadonlyMap<string, 'names' | 'paths'> = new Map(families.flatMap((f) => Object.entries(f.anyDirectory ?? {})));

/**
 * True when a command does the same in any working directory (src/commands/types.ts `anyDirectory`): a command
 * listed there none of whose operands is a relative path (for one whose operands are paths, each is absolute).
 */
export function ignoresDirectory(words: readonly string[]): boolean {
  const of = ANY_DIRECTORY.get(words[0] ?? '');
  if (!of) return false;
  return words.slice(1).every((w) => w.startsWith('-') || w.startsWith('/') || (of === 'names' && !w.includes('/') && w !== '.' && w !== '..'));
}

/** How the runtime stage may replay a file command with no build to prove it (`mkdir`: `creates-dir`), or undefined. */
export function fileReplay(name: string): FileReplay | undefined {
  return PATHS.get(name)?.replay;
}

/**
 * The paths a file command makes, removes and needs, as written (relative ones against its working
 * directory); `needs` is null when the family does not say (any operand that looks like a path then).
 */
export function pathOperands(words: readonly string[]): { makes: string[]; removes: string[]; moves: string[]; failsIfExists: boolean; needs: string[] | null; owner: string | null; changesDirectory: boolean; valued: boolean } | undefined {
  const use = PATHS.get(words[0] ?? '');
  if (!use || (use.onlyWith !== undefined && !words.slice(1).some((w) => w.startsWith(use.onlyWith!)))) return undefined;
  const ops = operands(words, use.valueOptions);
  // an option given alone or among combined short ones (`-pv`, `-rf`)
  const given = (options: readonly string[]) => words.slice(1).some((w) => options.includes(w) || options.some((o) => /^-[a-zA-Z]$/.test(o) && new RegExp(`^-[a-zA-Z]*${o[1]}`).test(w)));
  // `cp -t DIR a b`, `install --target-directory=DIR a`: every operand is a source, each lands in DIR under its name
  const target = targetOf(words, use.targetOptions ?? []);
  const sources = target === null ? ops.slice(0, -1) : ops;
  const needed = use.needs === 'first' ? ops.slice(0, 1) : use.needs === 'each' ? ops : use.needs === 'after-first' ? ops.slice(1) : use.needs === 'but-last' ? sources : null;
  const needs = needed && use.needsNothingWith && given(use.needsNothingWith) ? [] : needed;
  const makes = use.makes === 'each' ? ops : use.makes === 'last' ? (target === null ? ops.slice(-1) : ops.map((o) => `${target.replace(/\/+$/, '')}/${o.replace(/\/+$/, '').split('/').pop()}`)) : [];
  const allowed = use.existingFailsWithout;
  const failsIfExists = !!allowed && !given(allowed);
  // an option with a value changes what it makes (`mkdir -m 700`)
  const valued = (use.valueOptions ?? []).some((o) => words.slice(1).some((w) => w === o || w.startsWith(o.startsWith('--') ? `${o}=` : o)));
  return { makes, removes: use.removes ? ops : [], moves: use.moves ? sources : [], failsIfExists, needs, owner: use.owner ? (ops[0] ?? null) : null, changesDirectory: use.changesDirectory ?? false, valued };
}

/** The value of the first of `options` a command gives (`-t DIR`, `--target-directory=DIR`), or null. */
function targetOf(words: readonly string[], options: readonly string[]): string | null {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (options.includes(w)) return words[i + 1] ?? null;
    const long = options.find((o) => o.startsWith('--') && w.startsWith(`${o}=`));
    if (long) return w.slice(long.length + 1);
  }
  return null;
}

/** A language package install the runtime stage repeats (`gem install`, `pip install`, a global npm install). */
export function replayedBy(words: readonly string[]): boolean {
  const c = commandOf(words);
  return c?.family.replayed?.includes(c.name) ?? false;
}

/** A language package install that the runtime stage repeats (the families' `replayed`: gem, pip, `python setup.py install`, a global npm install). */
export function isReplayedInstall(c: { kind: string; words: readonly string[] }): boolean {
  return (c.kind === 'setup' || c.kind === 'pip') && replayedBy(c.words);
}

/** An install that only upgrades its installer's own tooling (`pip install -U pip`, `gem update --system`). */
export function upgradesToolingOnly(words: readonly string[]): boolean {
  const c = commandOf(words);
  return c?.family.toolingOnly?.(c) ?? false;
}

/** An install that needs no compiler: it only upgrades its installer's tooling, or unpacks prebuilt packages (`conda install`). */
export function compilesNothing(words: readonly string[]): boolean {
  const c = commandOf(words);
  return !!c && ((c.family.toolingOnly?.(c) ?? false) || (c.family.compilesNothing?.(c) ?? false));
}

/** A language installer that installs from lists dfsplit cannot read (npm, pip -r, bundle). */
export function installsLanguagePackages(words: readonly string[]): boolean {
  const c = commandOf(words);
  return c?.family.languageInstallers?.includes(c.name) ?? false;
}

/** Paths a command reads, as written (pip's requirement files); null when no family says. */
export function readsPaths(words: readonly string[]): readonly string[] | null {
  const c = commandOf(words);
  return c?.family.reads?.(c) ?? null;
}

/** A configure step (`./configure --prefix=/opt`, `../configure`, `cmake -DCMAKE_INSTALL_PREFIX=/opt`), or null. */
export function configureStep(words: readonly string[]): ConfigureStep | null {
  const name = words[0] ?? '';
  const family = BY_NAME.get(name) ?? (name.includes('/') ? BY_NAME.get(name.split('/').pop()!) : undefined);
  return family?.configure?.(words) ?? null;
}

/** True when the command installs what the configure steps before it set up (`make install`). */
export function installsConfigured(words: readonly string[]): boolean {
  return BY_NAME.get(words[0] ?? '')?.installsConfigured?.(words) ?? false;
}

/** Commands whose unnamed outputs are intermediate when the same RUN installs the result somewhere named. */
export const compileSteps: ReadonlySet<string> = new Set(families.flatMap((f) => f.compileSteps ?? []));

const BUILD_PACKAGES = families.flatMap((f) => f.buildPackages ?? []);
const matches = (list: readonly (string | RegExp)[], pkg: string) => list.some((p) => (typeof p === 'string' ? p === pkg : p.test(pkg)));

/** True when a system package gives a build tool or headers to compile against (`gcc`, `make`, `libpq-dev`): an install repeated after it may need it. */
export function isBuildToolPackage(pkg: string): boolean {
  return matches(BUILD_PACKAGES, pkg);
}

/** True when a system package gives a C compiler or headers to compile against (`gcc`, `build-base`, `libpq-dev`). */
export function isCompilerPackage(pkg: string): boolean {
  return matches(compilers.buildPackages, pkg);
}

/** True when a system package gives a C or C++ compiler itself (`gcc`, `build-essential`), headers aside. */
export function isCompilerProgramPackage(pkg: string): boolean {
  return compilers.buildPackages.some((p) => typeof p === 'string' && p === pkg);
}

/** A node package manager (npm, yarn, pnpm) as the node preset reads it (src/commands/node.ts NODE_MANAGERS), or undefined. */
export function nodeManager(name: string): (NodeManager & { name: NodeManagerName }) | undefined {
  return Object.hasOwn(NODE_MANAGERS, name) ? { name: name as NodeManagerName, ...NODE_MANAGERS[name as NodeManagerName] } : undefined;
}

/** The node package managers, in the order their lockfiles are looked for (npm first: the one a project is taken to use when nothing says). */
export const nodeManagers: readonly (NodeManager & { name: NodeManagerName })[] = Object.keys(NODE_MANAGERS).map((n) => nodeManager(n)!);

export { installedNodePackages, npmCacheCommand, npmConfigSet, npmGlobalPackages, runsBuildScript, NODE_INSTALL_STEPS, NODE_MANAGER_STEPS, NODE_PROJECT_PROGRAMS, NODE_PROJECT_STEPS, NODE_RUN_SCRIPT, NODE_RUNNERS } from './node.js';
export type { NodeManager, NodeManagerName } from './node.js';

export type { CommandFamily, ConfigureStep, FamilyCommand, FileReplay, Outputs, PackageManager, PackageSubcommands, PathUse, SystemPackages } from './types.js';

/** True when a system package gives a C++ compiler (`g++`, `build-base`): what it compiles loads the C++ runtime. */
export function givesCxxCompiler(pkg: string): boolean {
  return packagePrograms(pkg).some((p) => CXX_COMPILERS.includes(p));
}

/** The C compilers' program names (the compilers family): an image that has one can build C extensions. */
export const compilerPrograms: readonly string[] = compilers.names;

/** True when a system package gives a C compiler (`gcc`, `build-essential`, `build-base`), not only headers. */
export function givesCompiler(pkg: string): boolean {
  return packagePrograms(pkg).some((p) => compilerPrograms.includes(p));
}

/** The command families that build programs from sources: make, cmake, gcc, go, cargo, cabal (not npm's scripts). */
const NATIVE_BUILDS: ReadonlySet<string> = new Set(['build-systems', 'compilers', 'go', 'rust', 'haskell']);

/** True for a command of a family that builds programs from sources (`make`, `gcc`, `go build`, `cargo`, `cabal`). */
export function buildsNativePrograms(name: string): boolean {
  return NATIVE_BUILDS.has(familyOf(name)?.id ?? '');
}

/**
 * Where toolchains keep the programs they install (GOPATH's bin, ~/.cabal/bin, ~/.local/bin, ~/.cargo/bin, Go's and
 * GHC's own trees under /usr/local or /opt): a PATH entry there names a build environment's tools, not a program the
 * image was built to run (src/runtime-contract.ts builtToolOnPath).
 */
const TOOLCHAIN_HOMES = /(^\/go|\/\.cabal|\/\.local|\/\.cargo|\/\.stack|\/\.rbenv|\/\.pyenv|\/\.nvm|\/(go|ghc|cabal|rust|cargo|sdk|jdk|gradle|maven)[\w.-]*)(\/|$)/;

/** True for a directory inside a toolchain's home (src/runtime-contract.ts builtToolOnPath). */
export function inToolchainHome(dir: string): boolean {
  return TOOLCHAIN_HOMES.test(dir);
}
