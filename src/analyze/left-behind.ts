// What a split on the same image leaves behind: asked by the plan (a generic same-image split that leaves
// nothing is no split) and by the ruby preset (ruby's Alpine tags have no slim variant: the same tag is the runtime).
import type { Analysis } from './index.js';
import type { RunAnalysis, RunCommand } from './run.js';
import { packageName, removedPackages } from './packages.js';
import { lightPackages, packageCommand, usedAtRuntime } from '../commands/index.js';
import { optionValue } from '../commands/options.js';

/**
 * What a split on the same image would leave behind: `some` build-only packages or tests, `none`, or
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

/**
 * What the commands of `run` that start after `from` remove again, asked of each install command `c` of it (the
 * removals read once per RUN): `group`, the virtual group they remove whole (`apk add --virtual .build-deps ... &&
 * apk del .build-deps`), else null, and whether a package `c` installed is removed (every one of a removed group's).
 */
export function removedAgain(run: RunAnalysis, from = -1): (c: RunCommand) => { group: string | null; removes: (pkg: string) => boolean } {
  const removed = new Set(run.commands.filter((x) => x.start > from).flatMap((x) => removedPackages(x.words)));
  return (c) => {
    const virtual = optionValue(c.words, ...(packageCommand(c.words[0] ?? '')?.packages.virtualOptions ?? []));
    const group = virtual && removed.has(virtual) ? virtual : null;
    return { group, removes: (pkg) => group !== null || removed.has(packageName(pkg)) };
  };
}
