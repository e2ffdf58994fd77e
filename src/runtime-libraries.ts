// The runtime packages of -dev packages in the runtime stage: named for the runtime base's own distribution
// release (src/knowledge/runtime-packages.ts), or the file is declined; no name is guessed from another release.
import type { Analysis } from './analyze/index.js';
import { releaseOfImage } from './images.js';
import { describeRelease, runtimePackagesOf } from './knowledge/runtime-packages.js';
import type { Release } from './knowledge/releases.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import type { PresetDecision } from './preset.js';

/**
 * `runtime-package-unknown` for each -dev package whose runtime packages the runtime stage would install but
 * whose names are not known: the analyzer found none for the builder's release, or the runtime base is of
 * another release that the table does not know them for; `runtime-package-release-differs` when it knows other
 * ones there (the program links the builder's library). RUNs a preset replaces or drops install nothing in the
 * runtime stage.
 */
export function runtimePackageDeclines(model: Model, analysis: Analysis, builderImage: string, runtimeBase: string, decision: PresetDecision): Finding[] {
  const builder = releaseOfImage(builderImage);
  const runtime = runtimeBase === builderImage ? builder : releaseOfImage(runtimeBase);
  const sameRelease = runtime !== null && builder !== null && runtime.distribution === builder.distribution && runtime.release === builder.release && runtime.release !== null;
  const out: Finding[] = [];
  for (const [index, run] of analysis.runs) {
    if (decision.runtimeReplacements?.has(index) || decision.dropFromRuntime?.has(index)) continue;
    const line = model.instructions[index]!.line;
    for (const c of run.commands) {
      if (!c.install) continue;
      // the analyzer named none for the builder's release; or it did, and the runtime base's release has others
      for (const dev of c.install.unknownRuntime) out.push({ id: 'runtime-package-unknown', data: { dev, release: describeRelease(builder), image: builderImage }, line });
      if (sameRelease || runtimeBase === builderImage) continue;
      for (const pair of c.install.implied) {
        const there = runtimePackagesOf(pair.dev, c.install.manager, runtime);
        if (there === null || !('packages' in there)) out.push({ id: 'runtime-package-unknown', data: { dev: pair.dev, release: describeRelease(runtime), image: runtimeBase }, line });
        else if (there.packages.join(' ') !== pair.runtime.join(' ')) out.push({ id: 'runtime-package-release-differs', data: { dev: pair.dev, from: describeRelease(builder), image: runtimeBase, to: describeRelease(runtime), runtime: there.packages.join(' ') }, line });
      }
    }
  }
  return out;
}
