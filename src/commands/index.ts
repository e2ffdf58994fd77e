// The command families dfsplit knows. Adding one is a new file (copy _template.ts) and one line here.
import type { CommandFamily, FamilyCommand, PackageManager, PackageSubcommands, SystemPackages } from './types.js';
import apk from './apk.js';
import { operands } from './options.js';
import apt from './apt.js';
import conda from './conda.js';
import lua from './lua.js';
import node from './node.js';
import perl from './perl.js';
import php from './php.js';
import python from './python.js';
import r from './r.js';
import ruby from './ruby.js';
import users from './users.js';
import yum from './yum.js';

export const families: readonly CommandFamily[] = [apt, apk, yum, node, users, conda, lua, perl, php, python, r, ruby];

// a Map: looked up with every command's first word
const BY_NAME: ReadonlyMap<string, CommandFamily> = new Map(families.flatMap((f) => f.names.map((n) => [n, f] as const)));
const VERSIONED: ReadonlyMap<string, CommandFamily> = new Map(families.flatMap((f) => (f.versioned ?? []).map((n) => [n, f] as const)));
const RUN_MODULES = families.flatMap((family) => (family.modules ? [{ family, ...family.modules }] : []));

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
export function createdAccount(words: readonly string[]): { creates: 'user' | 'group'; name: string } | undefined {
  const name = words[0] ?? '';
  const accounts = BY_NAME.get(name)?.accounts;
  const spec = accounts && Object.hasOwn(accounts, name) ? accounts[name] : undefined;
  const account = spec ? operands(words, spec.valueOptions).pop() : undefined;
  return spec && account ? { creates: spec.creates, name: account } : undefined;
}

/** Every command that creates a user or a group. */
export const accountCommands: readonly string[] = families.flatMap((f) => Object.keys(f.accounts ?? {}));

/** Programs a package gives, as the families say; undefined when none says. */
export function packageProvides(pkg: string): readonly string[] | undefined {
  for (const f of families) if (f.provides && Object.hasOwn(f.provides, pkg)) return f.provides[pkg];
  return undefined;
}

/** Every program the families call a build or test tool (an image that runs one is a toolbox). */
export const toolboxPrograms: readonly string[] = families.flatMap((f) => f.toolbox ?? []);

/** Every CMD/ENTRYPOINT pattern that needs a family's toolchain at runtime. */
export const toolchainAtRuntime: readonly RegExp[] = families.flatMap((f) => f.toolchainAtRuntime ?? []);

/** A language package install the runtime stage repeats (`gem install`, `pip install`, a global npm install). */
export function replayedBy(words: readonly string[]): boolean {
  const c = commandOf(words);
  return c?.family.replayed?.includes(c.name) ?? false;
}

/** An install that only upgrades its installer's own tooling (`pip install -U pip`, `gem update --system`). */
export function upgradesToolingOnly(words: readonly string[]): boolean {
  const c = commandOf(words);
  return c?.family.toolingOnly?.(c) ?? false;
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

export type { CommandFamily, FamilyCommand, PackageManager, PackageSubcommands, SystemPackages } from './types.js';
