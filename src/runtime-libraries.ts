// The runtime packages of -dev packages in the runtime stage: named for the runtime base's own distribution
// release (src/knowledge/runtime-packages.ts); no name is guessed from another release. A -dev package whose
// runtime name is not known stays installed as written: on the builder's own image that is always right; on
// another image (its slim variant) only a build proves it.
import type { Analysis } from './analyze/index.js';
import { describeRelease, namedForOtherRelease, namesVaryByRelease, runtimeNamesFor, runtimePackagesOf } from './knowledge/runtime-packages.js';
import { packageName } from './analyze/packages.js';
import { NODE_NATIVE_LIBS } from './knowledge/node-packages.js';
import { installedNodePackages } from './commands/index.js';
import { packageManagerOf } from './images.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import type { PackageManager } from './analyze/tables.js';
import type { Release } from './knowledge/releases.js';
import type { PresetDecision } from './preset.js';
import { earlierReleases, movesRelease, releaseOfImage } from './tags.js';

/**
 * What the runtime packages of -dev packages leave to a build, or decline:
 * - `unproven` holds `runtime-package-unknown` for each -dev package whose runtime packages the runtime stage
 *   would install but whose names are not known (the analyzer found none for the builder's release, or the
 *   runtime base is of a release the table does not know them for, or of an unknown one), and the preset's own
 *   such entries; none when the runtime base is the builder's image (the -dev package kept as written is there
 *   on the same release).
 * - `declines` holds `runtime-package-release-differs` when the table knows other names on the runtime base's
 *   release (the program links the builder's library).
 * RUNs a preset replaces or drops install nothing in the runtime stage.
 */
export function runtimePackageProof(model: Model, analysis: Analysis, builderImage: string, runtimeBase: string, decision: PresetDecision): { declines: Finding[]; unproven: Finding[] } {
  const sameImage = runtimeBase === builderImage;
  const presetUnproven = decision.unproven ?? [];
  if (sameImage) return { declines: [], unproven: presetUnproven.filter((u) => u.id !== 'runtime-package-unknown') };
  const builder = releaseOfImage(builderImage);
  const runtime = releaseOfImage(runtimeBase);
  const sameRelease = runtime !== null && builder !== null && runtime.distribution === builder.distribution && runtime.release === builder.release && runtime.release !== null;
  const declines: Finding[] = [];
  const unproven: Finding[] = [...presetUnproven];
  // a tag that still moves (`python:3`, trixie now) names today's release: the runtime names the stage installs for
  // the -dev packages (`libssl-dev` -> `libssl3t64`) hold for that release only, while the original's names hold for
  // every one; a pin of the builder (src/pin.ts) fixes the release, else a build proves it
  const moving = movesRelease(builderImage);
  let movingNamed = false;
  let eraNamed = false;
  for (const [index, run] of analysis.runs) {
    const line = model.instructions[index]!.line;
    // a library named for another release (`libvpx1`, jessie's, on a tag that is buster now): the file was
    // written for an earlier release of its base, so the names written for this one may not go with it (a
    // preset that replaces the RUN installs the packages it names as well)
    for (const c of run.commands) for (const p of c.install?.runtime ?? []) if (namedForOtherRelease(packageName(p), builder)) unproven.push({ id: 'unproven-package-release', data: { package: packageName(p), image: builderImage, release: describeRelease(builder) }, line });
    // (a RUN a preset replaces repeats its installs' runtime packages too)
    for (const c of run.commands) {
      const derived = builder && c.install ? c.install.implied.find((pair) => pair.runtime.length > 0 && namesVaryByRelease(pair.dev, builder.distribution)) : undefined;
      if (moving && derived && !movingNamed && !decision.dropFromRuntime?.has(index)) {
        movingNamed = true;
        unproven.push({ id: 'unproven-release-packages', data: { dev: derived.dev, runtime: derived.runtime.join(' '), image: builderImage, release: describeRelease(builder) }, line });
      }
    }
    // a frozen tag that moved before it froze (`python:2.7`: jessie, stretch, then buster): the names written for its
    // last release are not those of the release a file written earlier got (review review-2026-12-06g: adchpp)
    for (const c of run.commands) {
      if (moving || eraNamed || !c.install || decision.dropFromRuntime?.has(index)) continue;
      for (const pair of c.install.implied) {
        const era = pair.runtime.length ? releaseWithOtherNames(pair.dev, c.install.manager, pair.runtime, builderImage) : null;
        if (!era) continue;
        eraNamed = true;
        unproven.push({ id: 'unproven-release-era', data: { dev: pair.dev, runtime: pair.runtime.join(' '), image: builderImage, release: describeRelease(builder), earlier: describeRelease(era) }, line });
        break;
      }
    }
    if (decision.runtimeReplacements?.has(index) || decision.dropFromRuntime?.has(index)) continue;
    for (const c of run.commands) {
      if (!c.install) continue;
      // the analyzer named none for the builder's release; or it did, and the runtime base's release has others
      for (const dev of c.install.unknownRuntime) unproven.push({ id: 'runtime-package-unknown', data: { dev, release: describeRelease(builder), image: builderImage }, line });
      if (sameRelease) continue;
      for (const pair of c.install.implied) {
        const there = runtimePackagesOf(pair.dev, c.install.manager, runtime);
        if (there === null || !('packages' in there)) unproven.push({ id: 'runtime-package-unknown', data: { dev: pair.dev, release: describeRelease(runtime), image: runtimeBase }, line });
        else if (there.packages.join(' ') !== pair.runtime.join(' ')) declines.push({ id: 'runtime-package-release-differs', data: { dev: pair.dev, from: describeRelease(builder), image: runtimeBase, to: describeRelease(runtime), runtime: there.packages.join(' ') }, line });
      }
    }
  }
  return { declines, unproven };
}

/**
 * The first earlier release `image`'s tag was built on (earlierReleases in src/tags.ts) where the runtime packages
 * of `dev` are not `names` (or not known), or null: a file written while the tag was built on it got that release,
 * where the names dfsplit writes for the tag's last release may not exist (`libreadline7` on jessie).
 */
export function releaseWithOtherNames(dev: string, manager: PackageManager, names: readonly string[], image: string): Release | null {
  const written = [...names].sort().join(' ');
  for (const at of earlierReleases(image)) {
    const there = runtimePackagesOf(dev, manager, at);
    // a name the table does not know for this manager is installed as written, on any release
    if (there === null) continue;
    if (!('packages' in there) || [...there.packages].sort().join(' ') !== written) return at;
  }
  return null;
}

/**
 * The system libraries of the native npm packages the file installs by name (`npm install -g phantomjs-prebuilt`:
 * fontconfig; `canvas`: cairo, pango, ...; NODE_NATIVE_LIBS), which the builder's full image had and another
 * runtime base (node's slim variant) may lack: installed in the runtime stage, named for the runtime base's
 * release, unless the file or the preset installs them already; a name not known for that release, or a runtime
 * base without apt or apk, is left to a build (`runtime-package-unknown`).
 */
export function nativeNodeLibraries(analysis: Analysis, builderImage: string, runtimeBase: string, decision: PresetDecision): { packages: string[]; findings: Finding[]; unproven: Finding[] } {
  const out = { packages: [] as string[], findings: [] as Finding[], unproven: [] as Finding[] };
  if (runtimeBase === builderImage) return out;
  const installed = new Set([...analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => c.install?.runtime ?? [])));
  for (const steps of decision.runtimeReplacements?.values() ?? []) for (const s of steps) if (s.kind === 'install') for (const p of s.packages) installed.add(p);
  const manager = packageManagerOf(runtimeBase);
  const release = releaseOfImage(runtimeBase);
  for (const run of analysis.runs.values())
    for (const c of run.commands)
      for (const name of installedNodePackages(c.words)) {
        const needs = NODE_NATIVE_LIBS[name];
        if (!needs) continue;
        if (manager !== 'apt' && manager !== 'apk') {
          out.unproven.push({ id: 'runtime-package-unknown', data: { dev: needs.apt.join(' '), release: describeRelease(release), image: runtimeBase } });
          continue;
        }
        const named = runtimeNamesFor(needs[manager], manager, release);
        for (const dev of named.unknown) out.unproven.push({ id: 'runtime-package-unknown', data: { dev, release: describeRelease(release), image: runtimeBase } });
        const wanted = named.packages.filter((p) => !installed.has(p) && !out.packages.includes(p));
        if (!wanted.length) continue;
        out.packages.push(...wanted);
        out.findings.push({ id: 'node-native-libs', data: { packages: name, libs: wanted.join(' ') } });
      }
  return out;
}
