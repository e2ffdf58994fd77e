// Types of bench/review/detectors.mjs for the tests (test/review.test.ts, test/corpus/detectors.test.ts),
// which run the detectors on src/ instead of dist/.
import type { ScanLib } from '../safety-scan.mjs';

export interface Hit {
  detector: string;
  text: string;
  detail: string;
}
/** dfsplit's readers the detectors and the strategy take (test/shared.ts's reviewLib): the safety scan's, and more. */
export interface ReviewLib extends ScanLib {
  parseFull: (src: string) => { error: string | null };
  packageCommand: (name: string) => unknown;
  parseImage: (ref: string) => { name: string; registry: string | null; tag: string | null; digest: string | null };
  slimVariant: (image: string) => string | null;
  isEmptyImage: (image: string) => boolean;
  isDistributionImage: (image: string) => boolean;
  builtOnBuildpackDeps: (image: string) => boolean;
  packageManagerOf: (image: string) => string | null;
  distributionOf: (image: string) => { name: string; release: string | null } | null;
  hasCaCertificates: (image: string) => boolean | null;
  hasZoneinfo: (image: string) => boolean | null;
  hasNsswitchConf: (image: string, release: string | null) => boolean | null;
  IMAGES: readonly unknown[];
  buildRelease: (image: string) => { distribution: string; release: string | null } | null;
}
export interface Detector {
  id: string;
  item: number;
  title: string;
}
export const DETECTORS: readonly Detector[];
export function detectAll(input: string, result: { status: string; output: string }, lib: ReviewLib): Record<string, Hit[]>;
export function detectOne(id: string, input: string, result: { status: string; output: string }, lib: ReviewLib): Hit[];
export function releaseOf(image: string, lib: ReviewLib): { name: string; release: string | null } | null;
export function knownImage(image: string, lib: ReviewLib): boolean;
