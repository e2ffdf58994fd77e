// The command families dfsplit knows. Adding one is a new file (copy _template.ts) and one line here.
import type { CommandFamily, ConfigureStep, FamilyCommand, PackageManager, PackageSubcommands, SystemPackages } from './types.js';
import apk from './apk.js';
import { operands } from './options.js';
import apt from './apt.js';
import buildSystems from './build-systems.js';
import compilers from './compilers.js';
import dotnet from './dotnet.js';
import go from './go.js';
import java from './java.js';
import node from './node.js';
import rust from './rust.js';
import users from './users.js';
import yum from './yum.js';

export const families: readonly CommandFamily[] = [apt, apk, yum, node, users, go, rust, java, dotnet, compilers, buildSystems];

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

/** The command a script's words run, as its family knows it (`go build`: go with the arguments `build`), or undefined. */
export function commandOf(words: readonly string[]): FamilyCommand | undefined {
  const first = words[0] ?? '';
  const family = BY_NAME.get(first);
  return family ? { family, name: first, args: words.slice(1), words } : undefined;
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

/** Programs whose purpose is building or testing, as the families say (an image that runs one is a toolbox). */
export const toolboxPrograms: readonly string[] = families.flatMap((f) => f.toolbox ?? []);

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

export type { CommandFamily, ConfigureStep, FamilyCommand, PackageManager, PackageSubcommands, SystemPackages } from './types.js';
