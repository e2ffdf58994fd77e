// A second sample for the differential harness: corpus files a language preset changes once the harness
// has synthesised their build context (as run.mjs does), up to N per preset, in a seeded order. The
// first sample (sample.txt) predates most presets, so it says nothing about them.
//   node bench/realworld/sample-presets.mjs [--per N] [--seed S] [--presets node,php,...]   (needs `npm run build`)
//   node bench/realworld/run.mjs --sample bench/realworld/sample-presets.txt --out bench/realworld/presets
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusFiles, ROOT } from './corpus.mjs';
import { synthesiseContext } from './context.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const seed = arg('--seed', 'dfsplit-presets-1');
const per = Number(arg('--per', '25'));
// issue 11's presets by default (go and the python ones are in sample.txt)
const wanted = new Set(arg('--presets', 'node,java,rust,dotnet,cpp,php,ruby').split(','));
const { convert } = await import(join(ROOT, 'dist', 'src', 'index.js'));
const { parse } = await import(join(ROOT, 'dist', 'src', 'parse.js'));
const { directoryContext } = await import(join(ROOT, 'dist', 'src', 'context.js'));
const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
const order = corpusFiles()
  .map((f) => ({ f, key: createHash('sha256').update(`${seed}\0${f.rel}`).digest('hex') }))
  .sort((a, b) => a.key.localeCompare(b.key));
const picked = new Map();
for (const { f } of order) {
  const text = readFileSync(f.abs, 'utf8');
  let model;
  try {
    model = parse(text);
  } catch {
    continue;
  }
  if (model.stages.length !== 1) continue;
  const ctx = mkdtempSync(join(tmpdir(), 'dfsplit-sample-'));
  try {
    synthesiseContext(model, ctx);
    const r = convert(text, { path: 'Dockerfile', context: directoryContext(ctx) });
    const id = r.preset?.id;
    if (r.status !== 'changed' || !id || !wanted.has(id)) continue;
    if (!picked.has(id)) picked.set(id, []);
    if (picked.get(id).length < per) picked.get(id).push(f.rel);
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}
const lines = [...picked].flatMap(([, files]) => files);
writeFileSync(join(ROOT, 'bench', 'realworld', 'sample-presets.txt'), `# seed ${seed}; up to ${per} files per preset that dfsplit ${head} changes with a synthesised context: ${[...picked].map(([id, f]) => `${id} ${f.length}`).join(', ')}\n${lines.join('\n')}\n`);
console.log(`sample-presets.txt: ${lines.length} files (${[...picked].map(([id, f]) => `${id} ${f.length}`).join(', ')})`);
