// Invariants every conversion must keep, shared by the corpus, property and CLI tests. Each check
// returns the broken invariants as sentences (empty when the result is sound), so a test can list the
// first few offending inputs instead of stopping at the first.
import { convert, type ConvertOptions, type ConvertResult } from '../src/convert.js';
import { parse } from '../src/parse.js';
import type { Model } from '../src/model.js';

export const STATUSES = ['changed', 'unchanged', 'declined', 'error'] as const;

export const toCrlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
const stripBom = (s: string): string => (s.startsWith('\uFEFF') ? s.slice(1) : s);
const show = (s: string | undefined): string => JSON.stringify(s === undefined ? '(end of file)' : s.length > 120 ? `${s.slice(0, 120)}…` : s);

/** `CGO_ENABLED=0 ` inserted before a `go build`/`go install` (templates/go): the only in-line edit besides naming the stage. */
const CGO = 'CGO_ENABLED=0 ';
/** A line the python-wheels preset inserts after a `pip install` RUN (templates/python-wheels). */
const WHEEL_LINE = /^RUN (cd \S+ && )?\S+( -m pip)? wheel --wheel-dir \/wheels( |$)/;

/**
 * The builder stage of a `changed` output is the input with exactly these edits:
 * - the FROM gets ` AS <name>` at the end of its last line (transforms/name-builder.ts), unless it has a name;
 * - `CGO_ENABLED=0 ` is inserted once in a line, right before `go build` / `go install` (templates/go);
 * - whole `RUN ... pip wheel --wheel-dir /wheels ...` lines are inserted (templates/python-wheels);
 * - the blank lines at the end of the input give way to the one blank line before the runtime stage.
 * Every other input line must come back byte for byte, in order.
 */
function builderKeepsInput(input: string, output: string, out: Model = parse(output)): string[] {
  const src = parse(input);
  const inLines = stripBom(input).split(/\r?\n/);
  const outLines = stripBom(output).split(/\r?\n/);
  const runtimeFrom = out.instructions[out.stages[out.stages.length - 1]!.from]!;
  const builderOut = outLines.slice(0, runtimeFrom.line - 1);
  const from = src.instructions[src.stages[0]!.from]!;
  const builderName = out.stages[0]!.name ?? '';
  let j = 0;
  for (let i = 0; i < inLines.length; i++) {
    const want = inLines[i]!;
    const got = builderOut[j];
    const lineNo = i + 1;
    if (lineNo === from.endLine && src.stages[0]!.name === null) {
      const trimmed = want.replace(/\s+$/, '');
      const named = `${trimmed} AS ${builderName}${want.slice(trimmed.length)}`;
      if (got !== named) return [`FROM on input line ${lineNo}: expected ${show(named)}, got ${show(got)}`];
      j++;
      continue;
    }
    if (got === want) {
      j++;
      continue;
    }
    if (got !== undefined && WHEEL_LINE.test(got)) {
      j++;
      i--;
      continue;
    }
    if (got !== undefined && got.includes(CGO)) {
      const at = got.indexOf(CGO);
      if (/^go (build|install)\b/.test(got.slice(at + CGO.length)) && got.slice(0, at) + got.slice(at + CGO.length) === want) {
        j++;
        continue;
      }
    }
    if (inLines.slice(i).every((l) => l.trim() === '')) break;
    return [`input line ${lineNo} ${show(want)} is missing or changed in the builder stage (output line ${j + 1}: ${show(got)})`];
  }
  const extra = builderOut.slice(j).find((l) => l.trim() !== '' && !WHEEL_LINE.test(l));
  if (extra !== undefined) return [`the builder stage has extra lines after the input ends: ${show(extra)}`];
  return [];
}

/** Checks every result must pass, whatever its status. */
export function resultInvariants(input: string, r: ConvertResult, options: ConvertOptions = {}): string[] {
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
  if (out.stages.length >= 2) broken.push(...builderKeepsInput(input, r.output, out));
  return broken;
}

/**
 * Convert `input` and check it; an exception is reported, never thrown.
 * @public test/corpus/convert.test.ts loads it in its worker threads through tsx, out of knip's sight
 */
export function checkConversion(input: string, options: ConvertOptions = {}): { status: string; reasons: string[]; broken: string[]; ms: number } {
  const start = performance.now();
  let r: ConvertResult;
  try {
    r = convert(input, options);
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
  return { status: r.status, reasons: r.reasons.map((x) => x.id), broken, ms };
}
