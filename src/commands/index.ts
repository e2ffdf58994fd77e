// The command families dfsplit knows. Adding one is a new file (copy _template.ts) and one line here.
import type { CommandFamily, PackageManager, PackageSubcommands, PathUse, SystemPackages } from './types.js';
import apk from './apk.js';
import { operands } from './options.js';
import apt from './apt.js';
import archive from './archive.js';
import fetch from './fetch.js';
import files from './files.js';
import node from './node.js';
import prefix from './prefix.js';
import shell from './shell.js';
import system from './system.js';
import users from './users.js';
import yum from './yum.js';

export const families: readonly CommandFamily[] = [apt, apk, yum, node, users, archive, fetch, files, prefix, shell, system];

// a Map: looked up with every command's first word
const BY_NAME: ReadonlyMap<string, CommandFamily> = new Map(families.flatMap((f) => f.names.map((n) => [n, f] as const)));

/** The family that answers for a command name (`npm`), or undefined. */
export function familyOf(name: string): CommandFamily | undefined {
  return BY_NAME.get(name);
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

/** Every CMD/ENTRYPOINT pattern that needs a family's toolchain at runtime. */
export const toolchainAtRuntime: readonly RegExp[] = families.flatMap((f) => f.toolchainAtRuntime ?? []);

// the answers asked for every command word, as Maps and Sets made once
const PREFIXES: ReadonlyMap<string, number> = new Map(families.flatMap((f) => Object.entries(f.prefixes ?? {})));
const SHELL_ONLY: ReadonlySet<string> = new Set(families.flatMap((f) => f.shellOnly ?? []));
const NEUTRAL: ReadonlySet<string> = new Set(families.flatMap((f) => f.neutral ?? []));
const MOVERS: ReadonlySet<string> = new Set(families.flatMap((f) => f.movesFiles ?? []));
const PATHS: ReadonlyMap<string, PathUse> = new Map(families.flatMap((f) => Object.entries(f.paths ?? {})));

/** How many words a prefix command takes before the command it runs (`gosu app make`: 2), options aside; undefined for any other command. */
export function prefixWords(name: string): number | undefined {
  return PREFIXES.get(name);
}

const WRAPPERS: ReadonlySet<string> = new Set(families.flatMap((f) => f.wrapsEntrypoint ?? []));

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

/** What a file command does with the paths it names (src/commands/types.ts), or undefined. */
export function pathUse(name: string): PathUse | undefined {
  return PATHS.get(name);
}

/**
 * The paths a file command makes, removes and needs, as written (relative ones against its working
 * directory); `needs` is null when the family does not say (any operand that looks like a path then).
 */
export function pathOperands(words: readonly string[]): { makes: string[]; removes: string[]; needs: string[] | null; owner: string | null; changesDirectory: boolean } | undefined {
  const use = PATHS.get(words[0] ?? '');
  if (!use) return undefined;
  const ops = operands(words, use.valueOptions);
  const needs = use.needs === 'first' ? ops.slice(0, 1) : use.needs === 'each' ? ops : use.needs === 'after-first' ? ops.slice(1) : use.needs === 'but-last' ? ops.slice(0, -1) : null;
  const makes = use.makes === 'each' ? ops : use.makes === 'last' ? ops.slice(-1) : [];
  return { makes, removes: use.removes ? ops : [], needs, owner: use.owner ? (ops[0] ?? null) : null, changesDirectory: use.changesDirectory ?? false };
}

export type { CommandFamily, Outputs, PackageManager, PackageSubcommands, PathUse, SystemPackages } from './types.js';
