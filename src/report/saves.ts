// What a conversion saves (the result's `saves`, src/proof.ts), in words, for every report: `explain` and
// `--interactive` (savesText), the CI formats (savesBrief) and the summary lines (leftBehind). The sizes are the
// image table's estimates of the two base images (src/knowledge/images.ts): what a Dockerfile installs on top of
// them is not counted.
import type { Savings } from '../proof.js';

/** The two base images' estimated sizes: `≈ 1100 MB → 200 MB`. */
function sizeText(size: NonNullable<Savings['size']>): string {
  return `≈ ${size.before} MB → ${size.after} MB`;
}

/** What the runtime stage leaves in the builder, in words (`explain`, `--interactive`). */
export function savesText(saves: Savings): string {
  const parts = [
    saves.image ? `runs on ${saves.image.to} instead of ${saves.image.from}${saves.size ? ` (base images ${sizeText(saves.size)})` : ''}` : 'runs on the same image',
    saves.tools.length ? `leaves the build and test tools behind (${saves.tools.join(', ')})` : '',
    saves.packages.length ? `leaves the build-only packages behind (${saves.packages.join(', ')})` : '',
    saves.caches.length ? `leaves the dependency caches in the builder (${saves.caches.join(', ')})` : '',
    saves.env.length ? `leaves the build-tool variables in the builder (${saves.env.join(', ')})` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/**
 * The same, short, for a CI annotation or a report's table cell (the images are named beside it): the base images'
 * sizes, the tools, the packages and the dependency caches left behind; `name` writes a name from the Dockerfile (markdown escapes it).
 * Empty when nothing is known to be saved.
 */
export function savesBrief(saves: Savings, name: (s: string) => string = (s) => s): string {
  const parts = [
    saves.size ? `base images ${sizeText(saves.size)}` : '',
    saves.tools.length ? `tools left behind: ${saves.tools.map(name).join(', ')}` : '',
    saves.packages.length ? `packages left behind: ${saves.packages.map(name).join(', ')}` : '',
    saves.caches.length ? `caches left behind: ${saves.caches.map(name).join(', ')}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** The base images' estimated sizes summed over the changed files that have an estimate. */
export interface SizeTotal {
  /** Changed files whose two base images the image table has sizes for. */
  files: number;
  before: number;
  after: number;
}

/** A changed file's estimate added to the total. */
export function addSize(total: SizeTotal, saves: Savings | null | undefined): void {
  if (!saves?.size) return;
  total.files++;
  total.before += saves.size.before;
  total.after += saves.size.after;
}

/** The summary's clause (`≈ 2.4 GB of base image left behind`), or '' when no changed file has an estimate or nothing is saved. */
export function leftBehind(total: SizeTotal): string {
  const saved = total.before - total.after;
  return total.files && saved > 0 ? `≈ ${saved >= 1000 ? `${(saved / 1000).toFixed(1)} GB` : `${saved} MB`} of base image left behind` : '';
}
