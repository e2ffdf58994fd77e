// The worker pool's measurement, run on demand (`node bench/pool.mjs`), never in CI: the numbers behind
// the automatic `--jobs 0` (poolSize() in src/convert-pool.ts) and the README's table. Needs a build
// (`npm run build`) and the corpus (../shared/corpus). For trees of N corpus files (every k-th file of the
// sorted corpus, so each tree is a spread of it), it times `dfsplit --check DIR` with `--jobs 1`, `--jobs 2`
// and the automatic default: wall time and peak memory (`/usr/bin/time`, the largest resident set of the
// process and its threads). Each is run REPS times and keeps its least time and memory (noise on a shared
// machine only ever adds), and the variants take turns, so that load from other work falls on all alike.
//   node bench/pool.mjs [--reps R] [--sizes 1,10,81,500,2000,20000] [--jobs 1,2,0]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, corpusRoot } from './corpus-files.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const REPS = Number(arg('--reps', '3'));
const SIZES = arg('--sizes', '1,10,81,500,2000,20000').split(',').map(Number);
const JOBS = arg('--jobs', '1,2,0').split(',').map(Number);

const work = mkdtempSync(join(tmpdir(), 'dfsplit-pool-'));
try {
  const root = corpusRoot();
  const files = corpusFiles();
  const trees = new Map();
  for (const n of SIZES) {
    if (n >= files.length) {
      trees.set(n, root);
      continue;
    }
    const dir = join(work, `n${n}`);
    mkdirSync(dir);
    for (let i = 0; i < n; i++) {
      const f = files[Math.floor((i * files.length) / n)];
      copyFileSync(f, join(dir, basename(f)));
    }
    trees.set(n, dir);
  }
  const best = new Map();
  const run = (n, jobs) => {
    const s = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, '--check', '--jobs', String(jobs), trees.get(n)], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const wall = Number(process.hrtime.bigint() - s) / 1e9;
    // exit 1: --check found changes; 2: some corpus files are not Dockerfiles Docker would build
    if (![0, 1, 2].includes(r.status) || /internal error/.test(r.stderr)) throw new Error(`--jobs ${jobs} on ${n} files exited ${r.status}: ${r.stderr.slice(-2000)}`);
    const peak = Number(r.stderr.trim().split('\n').pop()) / 1024;
    console.error(`${n} files, --jobs ${jobs}: ${wall.toFixed(2)} s, ${peak.toFixed(0)} MB`);
    const key = `${n} ${jobs}`;
    const b = best.get(key) ?? { wall: Infinity, peak: Infinity };
    best.set(key, { wall: Math.min(b.wall, wall), peak: Math.min(b.peak, peak) });
  };
  // the variants take turns within each repetition, and the sizes too
  for (let rep = 0; rep < REPS; rep++) {
    for (const n of SIZES) for (const jobs of JOBS) run(n, jobs);
    console.error(`repetition ${rep + 1} of ${REPS} done`);
  }
  const name = (jobs) => (jobs === 0 ? 'automatic' : `--jobs ${jobs}`);
  console.log(`| files | ${JOBS.map(name).join(' | ')} |\n|---|${JOBS.map(() => '---|').join('')}`);
  for (const n of SIZES) {
    const cells = JOBS.map((jobs) => {
      const { wall, peak } = best.get(`${n} ${jobs}`);
      return `${wall.toFixed(2)} s, ${peak.toFixed(0)} MB`;
    });
    console.log(`| ${n.toLocaleString('en')} | ${cells.join(' | ')} |`);
  }
  console.log(`\n(${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}, node ${process.version}, ${availableParallelism()} cores, least of ${REPS} runs each)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
