// The fixed sample the differential harness builds: corpus files in a seeded pseudo-random order,
// the first N that dfsplit changed when the sample was drawn. The list is committed (sample.txt) so
// later runs build the same files: files dfsplit no longer changes then count against recall, never
// against precision.
//   node bench/realworld/sample.mjs [--seed S] [--size N]   (needs `npm run build`)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles, ROOT } from './corpus.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const seed = arg('--seed', 'dfsplit-realworld-1');
const size = Number(arg('--size', '400'));
const { convert } = await import(join(ROOT, 'dist', 'src', 'index.js'));
const head = execHead();
const order = corpusFiles()
  .map((f) => ({ f, key: createHash('sha256').update(`${seed}\0${f.rel}`).digest('hex') }))
  .sort((a, b) => a.key.localeCompare(b.key));
const picked = [];
for (const { f } of order) {
  if (picked.length >= size) break;
  if (convert(readFileSync(f.abs, 'utf8'), { path: 'Dockerfile' }).status === 'changed') picked.push(f.rel);
}
writeFileSync(join(ROOT, 'bench', 'realworld', 'sample.txt'), `# seed ${seed}; the first ${size} files dfsplit ${head} changed, in sha256(seed, path) order\n${picked.join('\n')}\n`);
console.log(`sample.txt: ${picked.length} files (seed ${seed})`);

function execHead() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
