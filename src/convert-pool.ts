// Reading and converting many files: in this thread for a few, on worker threads for a tree (one per
// core, at most --jobs). Results come back in the order of the input, one at a time, so the caller
// prints each and keeps nothing: memory stays flat in the number of files.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { directoryContext, NO_CONTEXT } from './context.js';
import { convert, type ConvertOptions, type ConvertResult } from './convert.js';
import { InputError } from './errors.js';
import { readDockerfile } from './files.js';

/** The options of one conversion, as plain data (a worker builds the context itself). */
export interface JobOptions {
  path: string;
  builderName: string;
  runtimeBase?: string;
  preset: string;
  contextDir: string | null;
}

/** One file's outcome: its text and result, or the error that kept it from being read. */
export type Outcome =
  | { file: string; text: string; result: ConvertResult; readError?: undefined }
  | { file: string; readError: { id: string; message: string; line?: number }; text?: undefined; result?: undefined };

/** Read and convert one file (also what a worker runs). `-` is read by the caller and passed as `text`. */
export function convertFile(file: string, options: JobOptions, text?: string, presets?: ConvertOptions['presets']): Outcome {
  let source: string;
  try {
    source = text ?? readDockerfile(file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { file, readError: { id: err.id, message: err.message, ...(err.line !== undefined ? { line: err.line } : {}) } };
  }
  const { contextDir, ...rest } = options;
  try {
    return { file, text: source, result: convert(source, { ...rest, context: contextDir ? directoryContext(contextDir) : NO_CONTEXT, ...(presets ? { presets } : {}) }) };
  } catch (err) {
    // a bug met on one file is that file's error; the rest of the tree goes on (DFSPLIT_DEBUG=1: the stack)
    const message = process.env.DFSPLIT_DEBUG ? String((err as Error).stack ?? err) : `internal error: ${(err as Error).message ?? String(err)} (DFSPLIT_DEBUG=1 shows the stack)`;
    return { file, readError: { id: 'internal-error', message } };
  }
}

export function jobOptions(file: string, flags: { builderName: string; runtimeBase?: string | undefined; preset: string; context?: string | undefined }, path: string): JobOptions {
  return {
    path, builderName: flags.builderName, preset: flags.preset,
    ...(flags.runtimeBase ? { runtimeBase: flags.runtimeBase } : {}),
    contextDir: flags.context ?? (file === '-' ? null : dirname(resolve(file))),
  };
}

/** Below this many files, starting workers costs more than it saves. */
const POOL_THRESHOLD = 64;

/**
 * Outcomes in input order. `jobs` 0 means automatic (the cores, for trees of POOL_THRESHOLD files or
 * more); 1 converts in this thread.
 */
export async function* convertAll(files: readonly string[], optionsOf: (file: string) => JobOptions, jobs: number, stdinText: () => string): AsyncGenerator<Outcome> {
  const n = jobs > 0 ? jobs : files.length >= POOL_THRESHOLD ? Math.min(cpus().length, 8) : 1;
  // the worker is the compiled file next to this one (running from sources under tsx, there is none)
  const worker = new URL('./convert-worker.js', import.meta.url);
  if (n <= 1 || files.includes('-') || !existsSync(fileURLToPath(worker))) {
    for (const file of files) yield convertFile(file, optionsOf(file), file === '-' ? stdinText() : undefined);
    return;
  }
  const workers = Array.from({ length: Math.min(n, files.length) }, () => new Worker(worker));
  const done = new Map<number, Outcome>();
  let waiting: ((o: void) => void) | null = null;
  let failure: unknown = null;
  let next = 0;
  const feed = (w: Worker) => {
    if (next >= files.length) return;
    const id = next++;
    w.postMessage({ id, file: files[id], options: optionsOf(files[id]!) });
  };
  for (const w of workers) {
    w.on('message', (m: { id: number; outcome: Outcome }) => {
      done.set(m.id, m.outcome);
      // keep at most a few results waiting to be printed
      feed(w);
      waiting?.();
    });
    w.on('error', (err) => { failure = err; waiting?.(); });
    feed(w);
    feed(w);
  }
  try {
    for (let i = 0; i < files.length; i++) {
      while (!done.has(i)) {
        if (failure) throw failure;
        await new Promise<void>((r) => { waiting = r; });
        waiting = null;
      }
      const outcome = done.get(i)!;
      done.delete(i);
      yield outcome;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
