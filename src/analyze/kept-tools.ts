// Build-only packages (git, gcc, a JDK) are left behind because a build step uses them. One that no later
// command of the file uses was installed for run time: a bot that updates itself with `git pull`, a
// program that shells out to its tools (issue 23 item 10), and so was a light tool (make, git) the file keeps while it
// removes the other build packages of the same install by name. Such a package stays in the runtime stage's install,
// as does one whose program an installed package runs at run time (helper-programs.ts: ReviewBoard's patch).
import { familyOf, installsLanguagePackages, isInterpreter, lightPackages, packageCommand, packagePrograms, readsPaths, replayedBy, usedAtRuntime } from '../commands/index.js';
import { operands, optionValue } from '../commands/options.js';
import { BUILD_ONLY_PACKAGES } from './tables.js';
import { JDK_PACKAGES } from '../knowledge/toolbox.js';
import { packageName } from './packages.js';
import type { RunAnalysis, RunCommand } from './run.js';
import { helperProgramsOf } from './helper-programs.js';

/** Kinds of command that may use any build tool without naming it: a compile, a test, a code generator, a language install. */
const MAY_BUILD_KINDS: ReadonlySet<string> = new Set(['build', 'test', 'generate', 'system-compile', 'toolchain-run', 'pip']);
/** Words that name only packages of a registry (`PyNaCl`, `flask==2.0`): no URL, path or VCS requirement. */
const REGISTRY_NAME = /^[A-Za-z0-9][\w.-]*([<>=!~^][\w.*,<>=!~^-]*)?$/;

/**
 * Move every build-only package that no later command uses to the runtime packages of its install, and
 * return the RUNs (instruction indexes) whose installs changed. `removedLater` are packages the file
 * removes itself: those stay build-only.
 */
export function keepUnusedTools(runs: ReadonlyMap<number, RunAnalysis>, removedLater: ReadonlySet<string>): Set<number> {
  const all = [...runs.entries()].sort((a, b) => a[0] - b[0]).flatMap(([index, run]) => run.commands.map((c) => ({ index, c })));
  const changed = new Set<number>();
  const helpers = new Set(helperProgramsOf(runs).flatMap((h) => h.programs));
  all.forEach(({ index, c }, at) => {
    const install = c.install;
    if (!install?.build.length) return;
    const virtual = optionValue(c.words, ...(packageCommand(c.words[0] ?? '')?.packages.virtualOptions ?? []));
    if (virtual && removedLater.has(virtual)) return;
    const later = all.slice(at + 1).map((x) => x.c);
    // a file that removes some of the install's build packages by name keeps the light tools among the others on purpose
    // (make, git: abyss removes g++ and automake, not make, and its abyss-pe driver is a make script; review
    // moved-2026-12-07p); a compiler left installed is rather forgotten, and stays the builder's
    const trimmed = install.build.some((p) => removedLater.has(packageName(p)));
    const kept = install.build.filter((p) => {
      const name = packageName(p);
      if (!BUILD_ONLY_PACKAGES[install.manager].includes(name) || /-(dev|devel)$/.test(name) || removedLater.has(name)) return false;
      // a program of it that an installed package or a script runs at run time (ReviewBoard's patch)
      return (trimmed && (lightPackages.has(name) || usedAtRuntime.has(name))) || packagePrograms(name).some((t) => helpers.has(t)) || !later.some((l) => uses(l, name));
    });
    if (!kept.length) return;
    c.install = { ...install, build: install.build.filter((p) => !kept.includes(p)), runtime: [...install.runtime, ...kept], keptTools: kept };
    changed.add(index);
  });
  return changed;
}

/** True when `c` may use the package `name`: it runs one of its programs, or it may build (a version-control tool only for a requirement that is not a registry name). */
function uses(c: RunCommand, name: string): boolean {
  const program = (c.words[0] ?? '').split('/').pop() ?? '';
  if (packagePrograms(name).includes(program)) return true;
  const script = c.kind === 'unknown' && ((c.words[0] ?? '').includes('/') || isInterpreter(program));
  const install = installsLanguagePackages(c.words) || replayedBy(c.words) || (c.kind === 'fetch' && familyOf(program)?.id !== 'fetch');
  // a JDK serves Java builds: another language's package install (`npm ci`, `pip install`) never compiles with it
  if (JDK_PACKAGES.test(name) && installsLanguagePackages(c.words) && !familyOf(program)?.buildEnvironment?.length) return false;
  if (!MAY_BUILD_KINDS.has(c.kind) && !script && !install) return false;
  if (!usedAtRuntime.has(name)) return true;
  // a version-control tool serves an install only of a URL, a path or a list it cannot see
  const named = operands(c.words).slice(1);
  return script || !install || (readsPaths(c.words)?.length ?? 0) > 0 || named.length === 0 || !named.every((w) => REGISTRY_NAME.test(w));
}
