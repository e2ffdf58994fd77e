// Invariants every conversion must keep, shared by the corpus, property and CLI tests. Each check
// returns the broken invariants as sentences (empty when the result is sound), so a test can list the
// first few offending inputs instead of stopping at the first.
import { analyze, type Analysis } from '../src/analyze/index.js';
import { convert, convertDetailed, type ConvertOptions, type ConvertResult } from '../src/convert.js';
import type { BuilderEdit } from '../src/preset.js';
import { parse } from '../src/parse.js';
import { pinnedTag } from '../src/tags.js';
import { stagedInstall } from '../src/commands/build-systems.js';
import type { Model } from '../src/model.js';

export const STATUSES = ['changed', 'unchanged', 'declined', 'error'] as const;

export const toCrlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
const stripBom = (s: string): string => (s.startsWith('\uFEFF') ? s.slice(1) : s);
const show = (s: string | undefined): string => JSON.stringify(s === undefined ? '(end of file)' : s.length > 120 ? `${s.slice(0, 120)}…` : s);

/** Line (1-based) and column of an offset of `text`. */
function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) line++;
  return { line, column: at - (text.lastIndexOf('\n', at - 1) + 1) };
}

/**
 * Where the preset's declared builder edits land in the input: text put inside a line (by line, with its
 * column) and whole lines added after a line; or the edits that are not of a legal kind: a `RUN` on a line
 * of its own right after an instruction, a `NAME=value ` assignment in front of a command of a RUN, an
 * install staged into a DESTDIR in front of that install (src/staged-install.ts), or the builder's FROM image
 * replaced by the pinned tag the tag table gives for it (src/tags.ts pinnedTag).
 */
function placeEdits(src: Model, edits: readonly BuilderEdit[]): { inline: Map<number, { column: number; text: string; remove?: number }[]>; after: Map<number, string[]>; broken: string[] } {
  const inline = new Map<number, { column: number; text: string; remove?: number }[]>();
  const after = new Map<number, string[]>();
  const broken: string[] = [];
  let analysis: Analysis | null = null;
  for (const e of edits) {
    if (e.kind === 'run') {
      const ins = src.instructions[e.after];
      if (!ins || /[\r\n]/.test(e.script)) {
        broken.push(`a RUN edit that is not one line after an instruction of the input: ${show(JSON.stringify(e))}`);
        continue;
      }
      const { line } = position(src.text, ins.end);
      after.set(line, [...(after.get(line) ?? []), `RUN ${e.script}`]);
      continue;
    }
    if (e.kind === 'image') {
      const ins = src.instructions[e.index];
      if (ins?.keyword !== 'FROM' || e.index !== src.stages[0]?.from || ins.image !== e.from || pinnedTag(e.from) !== e.to) {
        broken.push(`an image edit that is not the builder's FROM pinned to the tag the tag table gives: ${show(JSON.stringify(e))}`);
        continue;
      }
      const { line, column } = position(src.text, ins.argsOffsetAt(ins.args.length - ins.args.trimStart().length));
      inline.set(line, [...(inline.get(line) ?? []), { column, text: e.to, remove: e.from.length }]);
      continue;
    }
    if (e.kind === 'insert') {
      const ins = src.instructions[e.index];
      analysis ??= analyze(src);
      const run = analysis.runs.get(e.index);
      const c = run?.commands.find((k) => k.start === e.at);
      const destdir = /DESTDIR=(\/[\w./-]+)/.exec(e.script)?.[1];
      if (ins?.keyword !== 'RUN' || !c || !destdir || e.script !== stagedInstall(c.words, run!.script.slice(c.start, c.end), destdir)) {
        broken.push(`an insert edit that is not the install at its offset staged into a DESTDIR: ${show(JSON.stringify(e))}`);
        continue;
      }
      const { line, column } = position(src.text, ins.argsOffsetAt(e.at));
      inline.set(line, [...(inline.get(line) ?? []), { column, text: `${e.script} && ` }]);
      continue;
    }
    const ins = src.instructions[e.index];
    analysis ??= analyze(src);
    const starts = ins?.keyword === 'RUN' && analysis.runs.get(e.index)?.commands.some((c) => c.start === e.at);
    if (!ins || !starts || !/^[A-Za-z_]\w*$/.test(e.name) || /[\s\\'"$`;&|]/.test(e.value)) {
      broken.push(`an assignment edit that is not NAME=value in front of a command of a RUN: ${show(JSON.stringify(e))}`);
      continue;
    }
    const { line, column } = position(src.text, ins.argsOffsetAt(e.at));
    inline.set(line, [...(inline.get(line) ?? []), { column, text: `${e.name}=${e.value} ` }]);
  }
  return { inline, after, broken };
}

/**
 * The builder stage of a `changed` output is the input with exactly these edits:
 * - the FROM gets ` AS <name>` at the end of its last line (transforms/name-builder.ts), unless it has a name;
 * - the edits the preset declared (`BuilderEdit` in src/preset.ts, read from `convertDetailed`): a `RUN`
 *   line of its own right after an instruction, or `NAME=value ` in front of a command inside a line, or the
 *   image of the builder's FROM replaced by its pinned tag (src/pin.ts);
 * - the blank lines at the end of the input give way to the one blank line before the runtime stage.
 * Every other input line must come back byte for byte, in order.
 */
function builderKeepsInput(input: string, output: string, edits: readonly BuilderEdit[], out: Model = parse(output)): string[] {
  const src = parse(input);
  const placed = placeEdits(src, edits);
  if (placed.broken.length) return placed.broken;
  const inLines = stripBom(input).split(/\r?\n/);
  const outLines = stripBom(output).split(/\r?\n/);
  const runtimeFrom = out.instructions[out.stages[out.stages.length - 1]!.from]!;
  const builderOut = outLines.slice(0, runtimeFrom.line - 1);
  const from = src.instructions[src.stages[0]!.from]!;
  const builderName = out.stages[0]!.name ?? '';
  let j = 0;
  for (let i = 0; i < inLines.length; i++) {
    const lineNo = i + 1;
    let want = inLines[i]!;
    for (const { column, text, remove } of [...(placed.inline.get(lineNo) ?? [])].sort((a, b) => b.column - a.column)) want = want.slice(0, column) + text + want.slice(column + (remove ?? 0));
    const got = builderOut[j];
    if (lineNo === from.endLine && src.stages[0]!.name === null) {
      const trimmed = want.replace(/\s+$/, '');
      const named = `${trimmed} AS ${builderName}${want.slice(trimmed.length)}`;
      if (got !== named) return [`FROM on input line ${lineNo}: expected ${show(named)}, got ${show(got)}`];
      j++;
    } else if (got === want) {
      j++;
    } else {
      if (inLines.slice(i).every((l) => l.trim() === '')) break;
      return [`input line ${lineNo} ${show(want)} is missing or changed in the builder stage (output line ${j + 1}: ${show(got)})`];
    }
    for (const added of placed.after.get(lineNo) ?? []) {
      if (builderOut[j] !== added) return [`the preset's ${show(added)} should follow input line ${lineNo} (output line ${j + 1}: ${show(builderOut[j])})`];
      j++;
    }
  }
  const extra = builderOut.slice(j).find((l) => l.trim() !== '');
  if (extra !== undefined) return [`the builder stage has extra lines after the input ends: ${show(extra)}`];
  return [];
}

/** Checks every result must pass, whatever its status (`convertDetailed`'s answer: the result and the preset's builder edits). */
export function resultInvariants(input: string, detailed: { result: ConvertResult; builderEdits: readonly BuilderEdit[] }, options: ConvertOptions = {}): string[] {
  const r = detailed.result;
  const broken: string[] = [];
  if (!STATUSES.includes(r.status)) return [`unknown status ${String(r.status)}`];
  if ((r.status === 'declined' || r.status === 'error') && !r.reasons.some((x) => typeof x.id === 'string' && x.id.length > 0)) broken.push(`${r.status} without a reason id`);
  if (r.status !== 'changed') {
    if (r.output !== input) broken.push(`${r.status} but the output differs from the input`);
    if (r.diff !== '') broken.push(`${r.status} but the diff is not empty`);
    return broken;
  }
  let out: Model;
  try {
    out = parse(r.output);
  } catch (err) {
    return [...broken, `the output does not parse: ${(err as Error).message}`];
  }
  if (out.stages.length < 2) broken.push(`changed output has ${out.stages.length} stage(s)`);
  if (input.startsWith('\uFEFF') !== r.output.startsWith('\uFEFF')) broken.push('the BOM was not kept');
  // (a file with mixed line ends keeps its lone \n lines byte for byte, so only all-CRLF input is held to this)
  if (input.includes('\r\n') && !/(^|[^\r])\n/.test(input) && /(^|[^\r])\n/.test(r.output)) broken.push('CRLF input, but the output has a lone \\n');
  if (!input.includes('\r\n') && r.output.includes('\r\n')) broken.push('LF input, but the output has CRLF');
  const again = convert(r.output, options);
  if (again.status !== 'unchanged' || again.output !== r.output) broken.push(`not a fixed point: converting the output gives ${again.status} (${again.reasons.map((x) => x.id).join(', ')})`);
  if (out.stages.length >= 2) broken.push(...builderKeepsInput(input, r.output, detailed.builderEdits, out));
  return broken;
}

/**
 * Convert `input` and check it; an exception is reported, never thrown.
 * @public test/corpus/convert.test.ts loads it in its worker threads through tsx, out of knip's sight
 */
export function checkConversion(input: string, options: ConvertOptions = {}): { status: string; reasons: string[]; broken: string[]; ms: number } {
  const start = performance.now();
  let r: ReturnType<typeof convertDetailed>;
  try {
    r = convertDetailed(input, options);
  } catch (err) {
    const e = err as Error;
    return { status: 'exception', reasons: [], broken: [`convert threw: ${e.stack?.split('\n').slice(0, 6).join(' | ') ?? String(err)}`], ms: performance.now() - start };
  }
  const ms = performance.now() - start;
  let broken: string[];
  try {
    broken = resultInvariants(input, r, options);
  } catch (err) {
    const e = err as Error;
    broken = [`checking the result threw: ${e.stack?.split('\n').slice(0, 6).join(' | ') ?? String(err)}`];
  }
  return { status: r.result.status, reasons: r.result.reasons.map((x) => x.id), broken, ms };
}
