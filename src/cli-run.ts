// What the dfsplit command line does once it has its flags: loaded by src/cli.ts only when a command
// runs, so that `--version` and `--help` do not load the parsers (cold start, measured by bench/speed.mjs).
// Exit codes: 0 fine, 1 --check found changes (or verify found a difference), 2 errors.
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { convert, type ConvertResult } from './convert.js';
import { directoryContext, NO_CONTEXT } from './context.js';
import { InputError } from './errors.js';
import { decode, displayPath, expandInputs, readDockerfile, writeAtomic, type IgnoreOptions } from './files.js';
import { colorDiff } from './report/diff.js';
import { explainTable } from './report/explain.js';
import { parseShell } from './shell.js';
import { compareBuilds, verify } from './verify/index.js';
import { describe as formatFinding } from './messages.js';
import { convertAll, jobOptions } from './convert-pool.js';

export interface Flags {
  paths: string[];
  write: boolean;
  check: boolean;
  stdout: boolean;
  json: boolean;
  color: boolean | undefined;
  builderName: string;
  runtimeBase: string | undefined;
  preset: string;
  context: string | undefined;
  verify?: boolean;
  /** Worker threads for a tree (0: automatic). */
  jobs?: number;
  ignore?: IgnoreOptions;
  buildNetwork?: string | undefined;
}

export class UsageError extends Error {}

function readStdin(): string {
  return decode(readFileSync(0), '<stdin>');
}

function optionsFor(file: string, flags: Pick<Flags, 'builderName' | 'runtimeBase' | 'preset' | 'context'>) {
  const contextDir = flags.context ?? (file === '-' ? null : dirname(resolve(file)));
  return {
    path: displayPath(file),
    builderName: flags.builderName,
    ...(flags.runtimeBase ? { runtimeBase: flags.runtimeBase } : {}),
    preset: flags.preset,
    context: contextDir ? directoryContext(contextDir) : NO_CONTEXT,
  };
}

function statusLine(path: string, r: ConvertResult): string {
  switch (r.status) {
    case 'changed':
      return `${path}: changed`;
    case 'unchanged':
      return `${path}: unchanged${r.reasons.length ? ` (${r.reasons.map((x) => x.message).join('; ')})` : ''}`;
    case 'declined':
      return `${path}: declined: ${r.reasons.map((x) => `${x.line ? `line ${x.line}: ` : ''}${x.message} [${x.id}]`).join('; ')}`;
    case 'error': {
      const e = r.reasons[0];
      return `dfsplit: ${path}${e?.line ? `:${e.line}` : ''}: ${e?.message ?? 'error'}`;
    }
  }
}

export async function main(flags: Flags): Promise<number> {
  if (flags.write && flags.stdout) throw new UsageError('--write and --stdout cannot be used together: --write edits files in place, --stdout prints the result');
  if (flags.write && flags.check) throw new UsageError('--write and --check cannot be used together: --check only reports, --write edits');
  if (flags.json && flags.stdout) throw new UsageError('--json and --stdout cannot be used together: both print to standard output');
  const inputs = flags.paths.length ? flags.paths : ['.'];
  if (flags.write && inputs.includes('-')) throw new UsageError('--write and - (stdin) cannot be used together: there is no file to write');
  const { files, errors, skipped } = await expandInputs(inputs, flags.ignore);
  if (skipped.length && !flags.json) process.stderr.write(`dfsplit: skipped ${skipped.length} file${skipped.length > 1 ? 's' : ''} named like a Dockerfile whose text is not one (${skipped.slice(0, 3).map(displayPath).join(', ')}${skipped.length > 3 ? ', ...' : ''})\n`);
  if (flags.stdout && files.length + errors.length !== 1) throw new UsageError(`--stdout needs exactly one input file, got ${files.length + errors.length}`);
  const color = flags.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  let code = 0;
  for (const e of errors) {
    process.stderr.write(`dfsplit: ${e.format()}\n`);
    code = 2;
  }
  if (!files.length && !errors.length) {
    process.stderr.write(`dfsplit: ${inputs.join(' ')}: no Dockerfiles found\n`);
    return 2;
  }
  // --json streams: one document, written file by file, so nothing is kept once printed
  let first = true;
  const counts = { changed: 0, unchanged: 0, declined: 0, error: 0 };
  const emit = (entry: { path: string; status: string; [key: string]: unknown }) => {
    counts[entry.status as keyof typeof counts]++;
    if (!flags.json) return;
    process.stdout.write(`${first ? '{\n  "files": [\n' : ',\n'}${indent(JSON.stringify(entry, null, 2), 4)}`);
    first = false;
  };
  for (const e of errors) emit({ path: e.file ?? '', status: 'error', reasons: [{ id: e.id, message: e.message }] });
  for await (const outcome of convertAll(files, (file) => jobOptions(file, flags, displayPath(file)), flags.jobs ?? 0, readStdin)) {
    const file = outcome.file;
    const path = displayPath(file);
    if (outcome.readError) {
      const err = new InputError(outcome.readError.id, outcome.readError.message, outcome.readError.line, path);
      process.stderr.write(`dfsplit: ${err.format()}\n`);
      emit({ path, status: 'error', reasons: [outcome.readError] });
      code = 2;
      continue;
    }
    const { text, result: r } = outcome;
    if (flags.verify && r.status === 'changed') verified(r, text, file, flags);
    process.stderr.write(`${statusLine(path, r)}\n`);
    if (r.status === 'error') code = 2;
    let entry: { path: string; status: string; [key: string]: unknown } = { path, ...r };
    if (flags.stdout) process.stdout.write(r.output);
    if (r.status === 'changed' && flags.check) { if (code === 0) code = 1; }
    else if (r.status === 'changed' && flags.write) {
      try {
        writeAtomic(file, r.output, text);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        process.stderr.write(`dfsplit: ${err.format()}\n`);
        entry = { path, status: 'error', reasons: [{ id: err.id, message: err.message }] };
        code = 2;
      }
    } else if (r.status === 'changed' && !flags.json && !flags.stdout) {
      process.stdout.write(`${color ? colorDiff(r.diff) : r.diff}${r.diff.endsWith('\n') ? '' : '\n'}`);
    }
    emit(entry);
  }
  if (flags.json) {
    const summary = { ...counts, skipped: skipped.length };
    process.stdout.write(`${first ? '{\n  "files": [' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(summary, null, 2), 2).trimStart()},\n  "skipped": ${JSON.stringify(skipped.map(displayPath))}\n}\n`.replace('"files": [,', '"files": [],'));
    if (flags.check && code === 0 && counts.changed > 0) code = 1;
  }
  return code;
}

/**
 * `--verify`: build the original and the conversion with the user's engine and compare them before the
 * conversion is shown or written. A difference, or an original that does not build here, turns the
 * result into a decline that says why (nothing unverified is written).
 */
function verified(r: ConvertResult, text: string, file: string, flags: Flags): void {
  if (file === '-') { declineAs(r, text, 'verify-unavailable', 'standard input has no build context'); return; }
  const outcome = compareBuilds({ original: text, converted: r.output, context: flags.context ?? dirname(resolve(file)), smoke: null, buildNetwork: flags.buildNetwork ?? null });
  if (outcome.kind === 'same') return;
  if (outcome.kind === 'no-engine') throw new UsageError('--verify needs a Docker engine, and none answers; start one (e.g. `sudo systemctl start docker`, or `dockerd &`) or drop --verify');
  declineAs(r, text, outcome.kind === 'different' ? 'verify-failed' : 'verify-unavailable', outcome.first ?? 'no detail');
}

function declineAs(r: ConvertResult, text: string, id: 'verify-failed' | 'verify-unavailable', detail: string): void {
  r.status = 'declined';
  r.reasons = [{ id, message: formatFinding({ id, data: { detail } }) }];
  r.output = text;
  r.diff = '';
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((l) => pad + l).join('\n');
}

export async function explain(file: string, flags: Pick<Flags, 'builderName' | 'runtimeBase' | 'preset' | 'context' | 'json'>): Promise<number> {
  const text = file === '-' ? readStdin() : readDockerfile(file);
  const r = convert(text, optionsFor(file, flags));
  if (flags.json) process.stdout.write(`${JSON.stringify({ path: displayPath(file), ...r }, null, 2)}\n`);
  else process.stdout.write(explainTable(displayPath(file), r));
  return r.status === 'error' ? 2 : 0;
}

export async function verifyCommand(file: string, flags: Pick<Flags, 'builderName' | 'runtimeBase' | 'preset' | 'context'> & { smoke: string | undefined; buildNetwork: string | undefined }): Promise<number> {
  const text = readDockerfile(file);
  const r = convert(text, optionsFor(file, flags));
  process.stderr.write(`${statusLine(displayPath(file), r)}\n`);
  if (r.status === 'error') return 2;
  if (r.status !== 'changed') return r.status === 'declined' ? 1 : 0;
  const smoke = flags.smoke === undefined ? null : parseShell(flags.smoke).commands.flatMap((c) => c.words);
  return verify({
    original: text, converted: r.output, context: flags.context ?? dirname(resolve(file)), smoke,
    buildNetwork: flags.buildNetwork ?? null, log: (line) => process.stdout.write(`${line}\n`),
  });
}

