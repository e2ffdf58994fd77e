// Merge results.tsv files of runs over parts of the same sample (later files win per file) into one
// results.md and results.tsv: for a run that a lost daemon interrupted, re-run the spoiled rows with
// `run.mjs --list` and merge.
//   node bench/realworld/merge.mjs OUT_DIR first/results.tsv second/results.tsv ...
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus.mjs';
import { writeReport } from './report.mjs';

const [out, ...inputs] = process.argv.slice(2);
const order = readFileSync(join(ROOT, 'bench', 'realworld', 'sample.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'));
const rows = new Map();
let seconds = 0;
for (const file of inputs) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split('\t');
  for (const line of lines) {
    const row = Object.fromEntries(line.split('\t').map((v, i) => [cols[i], v]));
    if (/Cannot connect to the Docker daemon|failed to dial gRPC/.test(row.detail)) continue; // spoiled: never a result
    rows.set(row.file, row);
    seconds += Number(row.seconds) || 0;
  }
}
mkdirSync(out, { recursive: true });
const merged = order.filter((f) => rows.has(f)).map((f) => rows.get(f));
writeReport(out, merged, { seconds, sampleSize: merged.length, jobs: 'several' });
console.log(`merged ${merged.length} of ${order.length} sample files into ${out}`);
