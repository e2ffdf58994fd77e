// 20,000 real Dockerfiles from Docker Hub (../shared/corpus; `npm run test:corpus`) through convert(), no build context.
// No exception may escape; every result must keep the invariants in test/invariants.ts. The files are
// spread over worker threads (convert() is CPU-bound) and the summary is printed for CI logs.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { corpusFiles } from './files.js';

interface FileResult {
  file: string;
  status: string;
  reasons: string[];
  broken: string[];
  ms: number;
}

// The worker loads test/invariants.ts (and through it src/) with tsx, converts its share and posts back.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
(async () => {
  const { tsImport } = await import(workerData.tsx);
  const inv = await tsImport(workerData.invariants, workerData.invariants);
  const out = [];
  for (const file of workerData.files) {
    let text;
    try { text = readFileSync(file, 'utf8'); } catch (err) { out.push({ file, status: 'unreadable', reasons: [], broken: [String(err)], ms: 0 }); continue; }
    out.push({ file, ...inv.checkConversion(text, { path: 'Dockerfile' }) });
  }
  parentPort.postMessage(out);
})().catch((err) => { throw err; });
`;

function runShard(files: string[]): Promise<FileResult[]> {
  const require = createRequire(import.meta.url);
  // the ESM build of tsx's API (require.resolve would give the CommonJS one)
  const tsx = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const invariants = pathToFileURL(join(import.meta.dirname, '..', 'invariants.ts')).href;
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { files, tsx, invariants } });
    w.once('message', (m: FileResult[]) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`corpus worker exited with code ${code}`));
    });
  });
}

it('converts every corpus Dockerfile without a crash or a broken invariant', { timeout: 30 * 60_000 }, async () => {
  const started = performance.now();
  const files = corpusFiles();
  expect(files.length, 'the corpus should hold 20,000 Dockerfiles').toBe(20_000);
  // DFSPLIT_CORPUS_SAMPLE=n checks every n-th file only (for quick local runs; CI runs them all)
  const every = Math.max(1, Number(process.env.DFSPLIT_CORPUS_SAMPLE) || 1);
  const chosen = files.filter((_, i) => i % every === 0);
  const workers = Math.max(1, Math.min(availableParallelism(), 8));
  const shards: string[][] = Array.from({ length: workers }, () => []);
  chosen.forEach((f, i) => shards[i % workers]!.push(f));
  const results = (await Promise.all(shards.map(runShard))).flat();

  const byStatus = new Map<string, number>();
  const byReason = new Map<string, number>();
  for (const r of results) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    if (r.status === 'declined' || r.status === 'error') for (const id of new Set(r.reasons)) byReason.set(`${r.status}:${id}`, (byReason.get(`${r.status}:${id}`) ?? 0) + 1);
  }
  const root = join(import.meta.dirname, '..', '..');
  const seconds = (performance.now() - started) / 1000;
  const convertMs = results.reduce((s, r) => s + r.ms, 0);
  console.log(
    [
      `corpus: ${results.length} files in ${seconds.toFixed(1)} s on ${workers} worker(s); convert() alone ${(convertMs / results.length).toFixed(1)} ms/file on average`,
      `status: ${[...byStatus]
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
      'top decline/error reasons (files):',
      ...[...byReason]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 15)
        .map(([id, n]) => `  ${String(n).padStart(6)}  ${id}`),
    ].join('\n'),
  );

  const bad = results.filter((r) => r.broken.length > 0);
  const list = bad
    .slice(0, 10)
    .map((r) => `${relative(root, r.file)} [${r.status}]: ${r.broken.join('; ')}`)
    .join('\n');
  expect(bad.length, `${bad.length} corpus file(s) crashed or broke an invariant; the first ones:\n${list}`).toBe(0);
});
