// Reading and converting many files: in this thread, or on worker threads for a large tree on 3 cores or
// more (from POOL_THRESHOLD files: poolSize()), or --jobs up to maxJobs(). Results come back in the order of the input, one
// at a time, so the caller prints each and keeps nothing, and at most a few per worker wait behind a slow
// file: memory stays flat in the number of files.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { directoryContext, NO_CONTEXT } from './context.js';
import { convert, type ConvertOptions, type ConvertResult } from './convert.js';
import { InputError, type InputErrorId } from './errors.js';
import { readDockerfile } from './files.js';

/** The options of one conversion, as plain data (a worker builds the context itself). */
export interface JobOptions {
  path: string;
  builderName: string;
  runtimeBase?: string;
  preset: string;
  contextDir: string | null;
  /** The caller builds and compares both images (--verify): build-level conversions are proposed. */
  verify?: boolean;
  /** False: a builder tag that still moves is not pinned (--no-pin-builder). */
  pinBuilder?: boolean;
}

/** One file's outcome: its text and result, or the error that kept it from being read. */
export type Outcome = { file: string; text: string; result: ConvertResult; readError?: undefined } | { file: string; readError: { id: InputErrorId; message: string; line?: number }; text?: undefined; result?: undefined };

/**
 * Read (from the directory `cwd`) and convert one file (also what a worker runs). `-` is read by the
 * caller and passed as `text`.
 */
export function convertFile(file: string, options: JobOptions, text?: string, presets?: ConvertOptions['presets'], cwd?: string): Outcome {
  let source: string;
  try {
    source = text ?? readDockerfile(file, cwd);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { file, readError: { id: err.id, message: err.message, ...(err.line !== undefined ? { line: err.line } : {}) } };
  }
  try {
    return { file, text: source, result: convert(source, { ...convertOptions(options), ...(presets ? { presets } : {}) }) };
  } catch (err) {
    // a bug met on one file is that file's error; the rest of the tree goes on (DFSPLIT_DEBUG=1: the stack)
    const message = process.env.DFSPLIT_DEBUG ? String((err as Error).stack ?? err) : `internal error: ${(err as Error).message ?? String(err)} (DFSPLIT_DEBUG=1 shows the stack)`;
    return { file, readError: { id: 'internal-error', message } };
  }
}

/** The options convert() takes for these, with the build context read from its directory. */
export function convertOptions(options: JobOptions): ConvertOptions {
  const { contextDir, ...rest } = options;
  return { ...rest, context: contextDir ? directoryContext(contextDir) : NO_CONTEXT };
}

export function jobOptions(file: string, flags: { builderName: string; runtimeBase?: string | undefined; pinBuilder?: boolean | undefined; preset: string; context?: string | undefined; verify?: boolean | undefined }, path: string, cwd: string = process.cwd()): JobOptions {
  return {
    path,
    ...(flags.verify ? { verify: true } : {}),
    builderName: flags.builderName,
    preset: flags.preset,
    ...(flags.runtimeBase ? { runtimeBase: flags.runtimeBase } : {}),
    ...(flags.pinBuilder === false ? { pinBuilder: false } : {}),
    contextDir: flags.context !== undefined ? resolve(cwd, flags.context) : file === '-' ? null : dirname(resolve(cwd, file)),
  };
}

/**
 * Below this many files, `--jobs 0` converts in this thread. Measured with bench/pool.mjs on 2 cores
 * (README, speed): each worker loads the parsers again and sends every result back, so 2 workers were
 * slower than none on 10 to 10,000 files (3.0x on 10, 1.9x on 81, 1.1x on 10,000) and 60 to 130 MB
 * heavier; on 15,000 and 20,000 they won or lost by 10 to 50% with the machine's load.
 */
export const POOL_THRESHOLD = 15_000;
/** The most worker threads `--jobs 0` starts: each holds its own parsers (about 60 MB). */
const AUTO_MAX = 8;

/**
 * The most worker threads `--jobs` gets: twice the cores, at most 64. Each worker loads the parsers
 * (tens of MB) and the work is CPU-bound, so more only costs memory.
 */
export function maxJobs(cores = availableParallelism()): number {
  return Math.min(64, 2 * cores);
}

/**
 * Worker threads for `files` files (1: this thread). `jobs` 0 is automatic: none below POOL_THRESHOLD
 * files, and from there one per core but one, which this thread keeps (it holds the parsers too and
 * reads every result), at most AUTO_MAX. On 2 cores that is none at all: 2 workers never won reliably
 * there, and 4 lost to 2 at every size.
 */
export function poolSize(jobs: number, files: number, cores = availableParallelism()): number {
  const n = jobs > 0 ? Math.min(jobs, maxJobs(cores)) : files >= POOL_THRESHOLD ? Math.max(1, Math.min(cores - 1, AUTO_MAX)) : 1;
  return Math.min(n, files);
}

/** A worker as the scheduler sees it: it is sent item ids and answers each with a result. */
export interface PoolWorker<R> {
  send(id: number): void;
  onResult(handler: (id: number, result: R) => void): void;
  onError(handler: (err: unknown) => void): void;
}

/** Items a worker holds at once (one running, one queued, so it never waits for the next). */
const PER_WORKER = 2;
/** Finished and running results allowed ahead of the one the caller waits for, per worker. */
export const AHEAD_PER_WORKER = 4;

/**
 * Results of items 0..count-1 in input order. Results finished after a slow item wait for it in a
 * buffer; no new item is handed out while the buffer and the items running would exceed
 * AHEAD_PER_WORKER per worker, so one slow file cannot make the others pile up in memory.
 */
export async function* inOrder<R>(count: number, workers: readonly PoolWorker<R>[]): AsyncGenerator<R> {
  const limit = AHEAD_PER_WORKER * workers.length;
  const done = new Map<number, R>();
  const held = new Map<PoolWorker<R>, number>(workers.map((w) => [w, 0]));
  let running = 0;
  let waiting: (() => void) | null = null;
  let failure: unknown = null;
  let next = 0;
  const feed = () => {
    for (const w of workers) {
      while (next < count && held.get(w)! < PER_WORKER && done.size + running < limit) {
        held.set(w, held.get(w)! + 1);
        running++;
        w.send(next++);
      }
    }
  };
  for (const w of workers) {
    w.onResult((id, result) => {
      held.set(w, held.get(w)! - 1);
      running--;
      done.set(id, result);
      feed();
      waiting?.();
    });
    w.onError((err) => {
      failure = err;
      waiting?.();
    });
  }
  feed();
  for (let i = 0; i < count; i++) {
    while (!done.has(i)) {
      if (failure) throw failure;
      await new Promise<void>((r) => {
        waiting = r;
      });
      waiting = null;
    }
    const result = done.get(i)!;
    done.delete(i);
    feed();
    yield result;
  }
}

/** Outcomes in input order: on worker threads (poolSize), or in this thread for one. Relative files are read from `cwd`. */
export async function* convertAll(files: readonly string[], optionsOf: (file: string) => JobOptions, jobs: number, stdinText: () => string, cwd: string = process.cwd()): AsyncGenerator<Outcome> {
  const n = poolSize(jobs, files.length);
  // the worker is the compiled file next to this one (running from sources under tsx, there is none)
  const worker = new URL('./convert-worker.js', import.meta.url);
  if (n <= 1 || files.includes('-') || !existsSync(fileURLToPath(worker))) {
    for (const file of files) yield convertFile(file, optionsOf(file), file === '-' ? stdinText() : undefined, undefined, cwd);
    return;
  }
  const threads = Array.from({ length: n }, () => new Worker(worker));
  const workers = threads.map((t): PoolWorker<Outcome> => ({
    send: (id) => t.postMessage({ id, file: files[id], options: optionsOf(files[id]!), cwd }),
    onResult: (handler) => t.on('message', (m: { id: number; outcome: Outcome }) => handler(m.id, m.outcome)),
    onError: (handler) => t.on('error', handler),
  }));
  try {
    yield* inOrder(files.length, workers);
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
