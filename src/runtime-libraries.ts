// The runtime packages of -dev packages in the runtime stage: named for the runtime base's own distribution
// release (src/knowledge/runtime-packages.ts); no name is guessed from another release. A -dev package whose
// runtime name is not known stays installed as written: on the builder's own image that is always right; on
// another image (its slim variant) only a build proves it.
import type { Analysis } from './analyze/index.js';
import { describeRelease, runtimePackagesOf } from './knowledge/runtime-packages.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import type { PresetDecision } from './preset.js';
import { releaseOfImage } from './tags.js';

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
  for (const [index, run] of analysis.runs) {
    if (decision.runtimeReplacements?.has(index) || decision.dropFromRuntime?.has(index)) continue;
    const line = model.instructions[index]!.line;
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
