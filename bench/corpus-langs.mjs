// Issue 11's table: per language of the corpus (index-trim.tsv's lang_final, single-stage files only),
// how many files dfsplit changes (and with which preset), declines (by reason) or leaves unchanged,
// for one or two builds side by side (e.g. before and after a preset).
//   node bench/corpus-langs.mjs [--lang java,php] LABEL=DIST_DIR [LABEL=DIST_DIR ...]
// DIST_DIR is a built tree's `dist` (its src/cli.js is run over the corpus with --format ndjson).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './corpus-files.mjs';

const CORPUS = corpusDir();
const args = process.argv.slice(2);
const langArg = args.indexOf('--lang') >= 0 ? args.splice(args.indexOf('--lang'), 2)[1].split(',') : null;
const builds = args.map((a) => {
  const [label, dir] = a.split('=');
  return { label, dir };
});
if (!builds.length) throw new Error('usage: node bench/corpus-langs.mjs [--lang java,php] LABEL=DIST_DIR ...');

const lang = new Map();
for (const line of readFileSync(join(CORPUS, 'index-trim.tsv'), 'utf8').split('\n').slice(1)) {
  const cols = line.split('\t');
  if (cols.length < 9 || cols[4] !== '1') continue;
  if (!langArg || langArg.includes(cols[8])) lang.set(cols[0], cols[8]);
}

function run(dist) {
  const cli = join(dist, 'src', 'cli.js');
  const dir = join(CORPUS, 'vsoch_dockerfiles_v2');
  let r = spawnSync(process.execPath, [cli, '--format', 'ndjson', '--no-config', '--no-ignore', dir], { encoding: 'utf8', maxBuffer: 2 ** 31 });
  let records = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  if (!records.length) {
    // builds from before `--format` (issue 10) print one JSON document
    r = spawnSync(process.execPath, [cli, '--json', dir], { encoding: 'utf8', maxBuffer: 2 ** 31 });
    records = JSON.parse(r.stdout).files;
  }
  const byFile = new Map();
  for (const o of records) {
    if (!o.path) continue;
    const rel = o.path.slice(o.path.indexOf('vsoch_dockerfiles_v2'));
    byFile.set(rel, { status: o.status, reasons: (o.reasons ?? []).map((x) => x.id), preset: o.preset?.id ?? null });
  }
  return byFile;
}

const results = builds.map((b) => ({ ...b, byFile: run(b.dir) }));
const langs = [...new Set(lang.values())].sort((a, b) => [...lang.values()].filter((l) => l === b).length - [...lang.values()].filter((l) => l === a).length);
for (const l of langs) {
  const files = [...lang].filter(([, x]) => x === l).map(([f]) => f);
  console.log(`\n## ${l} (${files.length} single-stage files)`);
  for (const r of results) {
    const count = (pred) => files.filter((f) => pred(r.byFile.get(f))).length;
    const changed = count((x) => x?.status === 'changed');
    const presets = new Map();
    const reasons = new Map();
    for (const f of files) {
      const x = r.byFile.get(f);
      if (x?.status === 'changed') presets.set(x.preset ?? 'generic', (presets.get(x.preset ?? 'generic') ?? 0) + 1);
      if (x?.status === 'declined') for (const id of new Set(x.reasons)) reasons.set(id, (reasons.get(id) ?? 0) + 1);
    }
    const fmt = (m, n = 8) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    console.log(`- ${r.label}: changed ${changed} (${fmt(presets)}), declined ${count((x) => x?.status === 'declined')}, unchanged ${count((x) => x?.status === 'unchanged')}, error ${count((x) => x?.status === 'error')}, missing ${count((x) => !x)}`);
    console.log(`  declined by reason: ${fmt(reasons)}`);
  }
}
