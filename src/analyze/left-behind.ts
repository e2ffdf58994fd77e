// What a split on the same image leaves behind: asked by the plan (a generic same-image split that leaves
// nothing is no split) and by the ruby preset (ruby's Alpine tags have no slim variant: the same tag is the runtime).
import type { Analysis } from './index.js';
import type { RunAnalysis, RunCommand } from './run.js';
import { packageName, removedPackages } from './packages.js';
import { dependencyCache, lightPackages, packageCommand, pathOperands, usedAtRuntime } from '../commands/index.js';
import { optionValue } from '../commands/options.js';

/**
 * What a split on the same image would leave behind: `some` build-only packages, tests or a JVM build's dependency cache, `none`, or
 * `removed-in-layer` when the original already removes every build-only package in the RUN that
 * installed it (`apt-get purge`, `apk del .build-deps`; read as the analyzer reads them, src/commands/): its
 * image does not hold them either. `repeatedWhole`: the RUNs the runtime stage repeats as written (a preset's answer).
 */
export function packagesLeftBehind(analysis: Analysis, repeatedWhole: (index: number) => boolean = () => false): 'some' | 'none' | 'removed-in-layer' {
  let removedOnly = false;
  for (const [index, run] of analysis.runs) {
    // a RUN the runtime stage repeats as written leaves none of its packages behind
    if (repeatedWhole(index)) continue;
    const removedBy = removedAgain(run);
    for (const c of run.commands) {
      if (c.kind === 'test') return 'some';
      // a JVM build's dependency cache (~/.m2 of hundreds of MB), unless the same RUN removes it again (review maven-cache-2026-12-07v)
      if (c.kind === 'build' && cacheLeft(run, c)) return 'some';
      // version-control tools alone are not worth a split: they are often used at runtime too
      const build = c.install?.build.filter((p) => !usedAtRuntime.has(p)) ?? [];
      if (!build.length) continue;
      const again = removedBy(c);
      if (again.group !== null || build.every(again.removes)) {
        removedOnly = true;
        continue;
      }
      // nor are the light build tools alone (make, issue 23 item 13: the build-systems family's lightPackages)
      if (build.every((p) => lightPackages.has(p))) continue;
      return 'some';
    }
  }
  return removedOnly ? 'removed-in-layer' : 'none';
}

/** True when build command `c` fills a dependency cache (src/commands/ `dependencyCaches`) that no later command of its RUN removes. */
function cacheLeft(run: RunAnalysis, c: RunCommand): boolean {
  const dir = dependencyCache(c.words[0] ?? '');
  if (!dir) return false;
  return !run.commands.some((x) => x.start > c.start && (pathOperands(x.words)?.removes ?? []).some((p) => p.split('/').includes(dir)));
}

/** The dependency caches the file's builds leave in the home directory (`~/.m2`), each once: what a split leaves in the builder besides packages. */
export function cachesLeft(analysis: Analysis): string[] {
  const dirs = [...analysis.runs.values()].flatMap((run) => run.commands.filter((c) => c.kind === 'build' && cacheLeft(run, c)).map((c) => `~/${dependencyCache(c.words[0] ?? '')!}`));
  return [...new Set(dirs)];
}

/**
 * What the commands of `run` that start after `from` remove again, asked of each install command `c` of it (the
 * removals read once per RUN): `group`, the virtual group they remove whole (`apk add --virtual .build-deps ... &&
 * apk del .build-deps`), else null, and whether a package `c` installed is removed (every one of a removed group's).
 */
export function removedAgain(run: RunAnalysis, from = -1): (c: RunCommand) => { group: string | null; removes: (pkg: string) => boolean } {
  const after = run.commands.filter((x) => x.start > from);
  // a metapackage removed alone leaves its dependencies (`apt-get remove --purge build-essential` keeps gcc) unless
  // the removal or a later command of the RUN removes what nothing needs any more (`--auto-remove`, `autoremove`)
  const removed = new Set(
    after.flatMap((x, k) => {
      const names = removedPackages(x.words);
      const meta = packageCommand(x.words[0] ?? '')?.packages.metaPackages;
      if (!meta || !names.some((n) => meta.names.includes(n))) return names;
      const auto = x.words.some((w) => meta.autoRemoveOptions.includes(w)) || after.slice(k).some((y) => packageCommand(y.words[0] ?? '') !== undefined && y.words.includes(meta.autoRemoveSub));
      return auto ? names : names.filter((n) => !meta.names.includes(n));
    }),
  );
  return (c) => {
    const virtual = optionValue(c.words, ...(packageCommand(c.words[0] ?? '')?.packages.virtualOptions ?? []));
    const group = virtual && removed.has(virtual) ? virtual : null;
    return { group, removes: (pkg) => group !== null || removed.has(packageName(pkg)) };
  };
}
