// Benchmark on the Docker Hub corpus (../shared/corpus), run on demand (`npm run bench`), never in CI.
// Needs a build (`npx tsc -p .`). Prints convert() throughput, the time per file of changed vs unchanged
// results, and the CLI on one directory of N files vs N single invocations. Ratios come from one run.
//   node bench/corpus.mjs [--every K] [--cli-files N]
//     --every K      convert every K-th corpus file only (default 1: all 20,000)
//     --cli-files N  files for the CLI comparison (default 500)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles } from './corpus-files.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const every = Math.max(1, arg('--every', 1));
const cliFiles = Math.max(1, arg('--cli-files', 500));

if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/ is missing: run `npx tsc -p .` first');
const files = corpusFiles();

const { convert } = await import(join(ROOT, 'dist', 'src', 'index.js'));

// --- convert() throughput -------------------------------------------------------------------------
const chosen = files.filter((_, i) => i % every === 0);
const texts = chosen.map((f) => readFileSync(f, 'utf8'));
for (const t of texts.slice(0, 50)) convert(t); // warm up the JIT and module caches
const per = { changed: [], unchanged: [], declined: [], error: [] };
const started = process.hrtime.bigint();
for (const text of texts) {
  const t0 = process.hrtime.bigint();
  const r = convert(text);
  per[r.status].push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};
const all = Object.values(per).flat();
console.log(`convert(): ${texts.length} files in ${(totalMs / 1000).toFixed(1)} s = ${(texts.length / (totalMs / 1000)).toFixed(0)} files/s (mean ${mean(all).toFixed(1)} ms, median ${pct(all, 0.5).toFixed(1)} ms, p99 ${pct(all, 0.99).toFixed(1)} ms, max ${Math.max(...all).toFixed(0)} ms)`);
for (const [s, xs] of Object.entries(per)) console.log(`  ${s.padEnd(9)} ${String(xs.length).padStart(6)} files, mean ${mean(xs).toFixed(1)} ms/file`);
console.log(`  time per file, changed / unchanged: ${(mean(per.changed) / mean(per.unchanged)).toFixed(2)}x`);

// --- CLI: one directory of N files vs N invocations ------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'dfsplit-bench-cli-'));
const sample = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / cliFiles)) === 0).slice(0, cliFiles);
mkdirSync(join(dir, 'files'));
for (const f of sample) copyFileSync(f, join(dir, 'files', basename(f)));
const time = (fn) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const once = time(() => spawnSync(process.execPath, [CLI, '--check', 'files'], { cwd: dir, stdio: 'ignore' }));
const single = time(() => {
  for (const f of readdirSync(join(dir, 'files'))) spawnSync(process.execPath, [CLI, '--check', join('files', f)], { cwd: dir, stdio: 'ignore' });
});
console.log(`CLI on ${sample.length} files: one run over the directory ${(once / 1000).toFixed(1)} s, ${sample.length} single runs ${(single / 1000).toFixed(1)} s: ${(single / once).toFixed(1)}x slower one file at a time (${(single / sample.length).toFixed(0)} ms per invocation)`);
rmSync(dir, { recursive: true, force: true });
