// Helpers shared by a unit test file and its corpus run in test/corpus/ (a test file cannot import
// another without running its tests).
import { PassThrough } from 'node:stream';
import type { DockerfileParser } from 'dockerfile-ast';
import { expect } from 'vitest';
import type { ReviewLib } from '../bench/review/detectors.mjs';
import type { ScanLib } from '../bench/safety-scan.mjs';
import { analyze, copyDestination } from '../src/analyze/index.js';
import { run } from '../src/cli-main.js';
import { homeOf } from '../src/analyze/run.js';
import { packageCommand } from '../src/commands/index.js';
import { convert, madePaths } from '../src/convert.js';
import { builtOnBuildpackDeps, distributionOf, hasCaCertificates, hasNsswitchConf, hasZoneinfo, isDistributionImage, isEmptyImage, packageManagerOf, parseImage, slimVariant } from '../src/images.js';
import { IMAGES } from '../src/knowledge/images.js';
import { secretLike, systemDir } from '../src/knowledge/secrets.js';
import { flag } from '../src/model.js';
import { parse } from '../src/parse.js';
import { joinPath } from '../src/paths.js';
import { fastSplit } from '../src/shell-fast.js';
import { parseFull } from '../src/shell.js';
import { buildRelease } from '../src/tags.js';

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
export const reviewLib = {
  parse,
  analyze,
  copyDestination,
  joinPath,
  homeOf,
  flag,
  secretLike,
  systemDir,
  parseFull,
  packageCommand,
  parseImage,
  slimVariant,
  isEmptyImage,
  isDistributionImage,
  builtOnBuildpackDeps,
  packageManagerOf,
  distributionOf,
  hasCaCertificates,
  hasZoneinfo,
  hasNsswitchConf,
  IMAGES,
  buildRelease,
} as unknown as ReviewLib;

/** What one run of the command line gave: its exit code, standard output and error, and the error's lines. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  lines: string[];
}

/**
 * dfsplit run in this process (run() of src/cli-main.ts) from the directory `cwd`, as `dfsplit ...args`
 * would run there: no child process, no build of dist/. `stdin` is what `-` reads, `env` the only
 * environment it sees, `tty` makes standard output a terminal. The CLI tests use it wherever a real
 * process is not what they test (signals, a closed pipe, standard input from a file, exit by signal,
 * umask, another user, node's own flags). `answers` is standard input as a stream (--interactive reads
 * its answers from it, line by line, and its end is the end of input), a terminal unless `answersTTY` is false.
 */
export async function dfsplit(cwd: string, args: readonly string[], opts: { stdin?: string | Buffer; env?: Record<string, string>; tty?: boolean; answers?: string; answersTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    env: { NO_COLOR: '1', ...opts.env },
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.tty === true },
    stderr: { write: (t: string) => (stderr += t) },
    readStdin: () => Buffer.from(opts.stdin ?? ''),
    stdin: () => Object.assign(new PassThrough().end(opts.answers ?? ''), { isTTY: opts.answersTTY !== false }),
  });
  return { code, stdout, stderr, lines: stderr.split('\n').filter(Boolean) };
}

/**
 * A family's `toolbox` programs: each one run as the CMD of `file` makes the image a toolbox, and the
 * application's own command `app` does not (the same check for every family that names such programs).
 */
export function expectToolboxCommands(toolbox: readonly string[], file: (cmd: string) => string, app: string): void {
  for (const name of toolbox)
    expect(
      convert(file(`["${name}"]`)).reasons.map((r) => r.id),
      name,
    ).toContain('toolbox-image');
  expect(convert(file(app)).reasons.map((r) => r.id)).not.toContain('toolbox-image');
}
