// The command families dfsplit knows. Adding one is a new file (copy _template.ts) and one line here.
import type { CommandFamily, PackageManager, PackageSubcommands, SystemPackages } from './types.js';
import apk from './apk.js';
import { operands } from './options.js';
import apt from './apt.js';
import node from './node.js';
import users from './users.js';
import yum from './yum.js';

export const families: readonly CommandFamily[] = [apt, apk, yum, node, users];

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

export type { CommandFamily, PackageManager, PackageSubcommands, SystemPackages } from './types.js';
