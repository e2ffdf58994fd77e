// Helpers shared by a unit test file and its corpus run in test/corpus/ (a test file cannot import
// another without running its tests).
import type { DockerfileParser } from 'dockerfile-ast';
import { expect } from 'vitest';
import type { ReviewLib } from '../bench/review/detectors.mjs';
import type { ScanLib } from '../bench/safety-scan.mjs';
import { analyze, copyDestination } from '../src/analyze/index.js';
import { homeOf } from '../src/analyze/run.js';
import { packageCommand } from '../src/commands/index.js';
import { convert, madePaths } from '../src/convert.js';
import { builtOnBuildpackDeps, distributionOf, isDistributionImage, isEmptyImage, packageManagerOf, parseImage, slimVariant } from '../src/images.js';
import { IMAGES } from '../src/knowledge/images.js';
import { secretLike, systemDir } from '../src/knowledge/secrets.js';
import { flag } from '../src/model.js';
import { parse } from '../src/parse.js';
import { joinPath } from '../src/paths.js';
import { fastSplit } from '../src/shell-fast.js';
import { parseFull } from '../src/shell.js';

/** What test/parse-plain.test.ts compares between the plain parse and DockerfileParser.parse. */
export const parseShape = (d: ReturnType<typeof DockerfileParser.parse>) => ({
  escape: d.getEscapeCharacter(),
  instructions: d.getInstructions().map((i) => [i.getKeyword(), i.getRange(), i.getInstructionRange()]),
  comments: d.getComments().map((c) => c.getRange()),
  directives: d.getDirectives().map((x) => [x.getName(), x.getValue(), x.getRange()]),
});

/** test/shell-fast.test.ts: false when the fast path refuses `src`; where it accepts, it must answer what mvdan-sh answers. */
export function fastAgrees(src: string): boolean {
  const fast = fastSplit(src);
  if (!fast) return false;
  expect(fast, JSON.stringify(src)).toEqual(parseFull(src));
  return true;
}

/**
 * test/incremental-check.test.ts: for a changed result, the paths its builder makes must be the same from
 * the original's analysis as from a fresh one; tells whether the builder was unedited (the reuse applies).
 */
export function builderPathsAgree(text: string): 'reused' | 'edited' | null {
  const result = convert(text);
  if (result.status !== 'changed') return null;
  const original = parse(text);
  const analysis = analyze(original);
  const out = parse(result.output);
  const reused = madePaths(out, original, analysis);
  expect(reused.sort()).toEqual(madePaths(out, original, null).sort());
  return out.instructions.filter((i) => i.stage <= 0).every((ins, k) => ins.keyword === 'FROM' || ins.raw === original.instructions[k]?.raw) ? 'reused' : 'edited';
}

/** The library bench/safety-scan.mjs's detector reads (test/secrets.test.ts). */
export const scanLib = { parse, analyze, copyDestination, joinPath, homeOf, flag, secretLike, systemDir } as unknown as ScanLib;

/** The library bench/review/detectors.mjs and strategy.mjs read (test/review.test.ts, test/corpus/detectors.test.ts). */
export const reviewLib = { parse, analyze, copyDestination, joinPath, homeOf, flag, secretLike, systemDir, parseFull, packageCommand, parseImage, slimVariant, isEmptyImage, isDistributionImage, builtOnBuildpackDeps, packageManagerOf, distributionOf, IMAGES } as unknown as ReviewLib;
