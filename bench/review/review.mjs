// `npm run review` (issue 23, "Measure it as the reviewer did"): an expert review of a random sample of
// the corpus's changed outputs. Needs a build (`npx tsc -p .`, run by the npm script) and the corpus.
//   node bench/review/review.mjs [--n 150] [--seed S] [--out DIR] [--batch 25]
//     converts the 20,000 corpus files with dist/, runs every automatic detector (detectors.mjs) over
//     every changed output and prints their counts, draws N changed outputs with a seeded PRNG (the seed
//     is printed; the same seed and the same build draw the same sample), and writes into DIR (default
//     .review/<seed>/) one markdown page per pair, index.md (batches of BATCH with a verdict column),
//     verdicts-NN.tsv (one per batch, to fill), pairs.tsv (each pair's strategy and detector hits) and
//     detectors.md (every detector hit of the whole corpus).
//   node bench/review/review.mjs --tally FILE [FILE ...] [--pairs pairs.tsv]
//     reads filled verdicts (TSV: file, verdict, catalogue item, note) and prints the shares by strategy,
//     by proof level (when the results state one) and by the builder's family, with Wilson 95% intervals;
//     each file's strategy comes from the pairs.tsv beside the first FILE (or --pairs), else from
//     converting the file with the current build.
//   node bench/review/review.mjs --recall [--n 100] [--seed S] [--out DIR] [--batch 25]
//     issue 24's recall review: draws N/2 declined files and N/2 unchanged files that are not multi-stage
//     already (recall.mjs), writes one page per file with dfsplit's reasons and recall-NN.tsv batches to
//     fill, strata.tsv (stratum, family, first reason) and population.json (strata sizes, changed).
//     --tally over recall-NN.tsv files (population.json beside them) prints recall.mjs's estimate; with --now also
//     the estimate re-scored with today's statuses (the corpus converted again by the built dist/). Files of several
//     samples (each with its strata.tsv) are pooled: --now then re-scores the pool.
// The verdicts: good, no-gain, broken-build, broken-run (CONTRIBUTING.md, "Reviewing real conversions");
// for recall: convert-clear, convert-context, marginal, stay.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusFiles, corpusRoot } from '../corpus-files.mjs';
import { DETECTORS, detectAll } from './detectors.mjs';
import { draw } from './sample.mjs';
import { strategyOf } from './strategy.mjs';
import { readVerdicts, tally, VERDICTS } from './tally.mjs';
import { readRecallVerdicts, RECALL_VERDICTS, recallCandidate, recallRescore, recallTally, STRATA } from './recall.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);

/** dfsplit's readers from dist/, as the detectors and the strategy take them. */
async function loadLib() {
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/ is missing: run `npx tsc -p .` first');
  const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', 'src', p)).href);
  const [index, parse, analyze, paths, run, model, secrets, shell, images, commands, knowledge, tags] = await Promise.all(
    ['index.js', 'parse.js', 'analyze/index.js', 'paths.js', 'analyze/run.js', 'model.js', 'knowledge/secrets.js', 'shell.js', 'images.js', 'commands/index.js', 'knowledge/images.js', 'tags.js'].map(dist),
  );
  return {
    convert: index.convert,
    lib: {
      parse: parse.parse,
      analyze: analyze.analyze,
      copyDestination: analyze.copyDestination,
      joinPath: paths.joinPath,
      homeOf: run.homeOf,
      flag: model.flag,
      secretLike: secrets.secretLike,
      systemDir: secrets.systemDir,
      parseFull: shell.parseFull,
      packageCommand: commands.packageCommand,
      ...pick(images, ['parseImage', 'slimVariant', 'isEmptyImage', 'isDistributionImage', 'builtOnBuildpackDeps', 'packageManagerOf', 'distributionOf', 'hasCaCertificates', 'hasZoneinfo', 'hasNsswitchConf']),
      IMAGES: knowledge.IMAGES,
      buildRelease: tags.buildRelease,
    },
  };
}
const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));

const fence = (text, lang) => {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${text.endsWith('\n') ? text : `${text}\n`}${ticks}`;
};
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function pairPage(k, rel, input, result, info, hits) {
  const found = Object.values(hits).flat();
  return [
    `# ${k}. ${rel}`,
    '',
    `- strategy: **${info.strategy}** (builder family \`${info.family}\`)`,
    `- builder image: \`${info.builder}\`; runtime image: \`${info.runtime}\``,
    `- preset: ${result.preset ? `\`${result.preset.id}\`: ${result.preset.why}` : 'none (generic split)'}`,
    ...(info.proof ? [`- proof level: ${info.proof}`] : []),
    `- findings: ${result.findings.map((f) => `\`${f.id}\``).join(', ') || 'none'}`,
    `- artifacts: ${result.artifacts.map((a) => `\`${a.path}\` -> \`${a.to}\``).join(', ') || 'none'}`,
    '',
    '## Automatic detectors',
    '',
    ...(found.length ? found.map((h) => `- **${h.detector}** (item ${DETECTORS.find((d) => d.id === h.detector).item}): \`${h.text}\`: ${h.detail}`) : ['none']),
    '',
    '## Verdict',
    '',
    `One of ${VERDICTS.map((v) => `\`${v}\``).join(', ')}, the catalogue item (issue 23, 1-13) and a note, in the batch's verdicts TSV.`,
    '',
    '## Diff',
    '',
    fence(result.diff, 'diff'),
    '',
    '## Original',
    '',
    fence(input, 'dockerfile'),
    '',
    '## Output',
    '',
    fence(result.output, 'dockerfile'),
    '',
  ].join('\n');
}

async function review() {
  const n = Number(arg('--n', 150));
  const batch = Math.max(1, Number(arg('--batch', 25)));
  const seed = arg('--seed', randomBytes(4).toString('hex'));
  const out = arg('--out', join(ROOT, '.review', seed));
  const { convert, lib } = await loadLib();
  const root = corpusRoot();
  const changed = [];
  const counts = Object.fromEntries(DETECTORS.map((d) => [d.id, 0]));
  const all = [];
  for (const file of corpusFiles()) {
    const input = readFileSync(file, 'utf8');
    const result = convert(input);
    if (result.status !== 'changed') continue;
    const rel = relative(root, file);
    const hits = detectAll(input, result, lib);
    for (const [id, hs] of Object.entries(hits)) {
      if (hs.length) counts[id]++;
      for (const h of hs) all.push({ rel, ...h });
    }
    changed.push(rel);
  }
  console.log(`${changed.length} changed outputs; files tripping each detector: ${DETECTORS.map((d) => `${d.id} (item ${d.item}) ${counts[d.id]}`).join(', ')}`);
  const sample = draw(changed, n, seed);
  console.log(`seed ${seed}: ${sample.length} pairs drawn into ${relative(process.cwd(), out) || '.'} (again: npm run review -- --seed ${seed} --n ${n})`);
  mkdirSync(join(out, 'pairs'), { recursive: true });
  const index = [
    `# Review of ${sample.length} changed outputs (seed ${seed})`,
    '',
    `Drawn from ${changed.length} changed outputs of the corpus. Give each pair a verdict (${VERDICTS.map((v) => `\`${v}\``).join(', ')}), the catalogue item of issue 23 and a note, in its batch's \`verdicts-NN.tsv\`; then \`npm run review -- --tally ${relative(process.cwd(), out) || '.'}/verdicts-*.tsv\`.`,
    '',
  ];
  const pairs = ['file\tstrategy\tfamily\tbuilder\truntime\tproof\tdetectors'];
  for (let b = 0; b * batch < sample.length; b++) {
    const name = `verdicts-${String(b + 1).padStart(2, '0')}.tsv`;
    index.push(`## Batch ${b + 1} (${name})`, '', '| # | file | strategy | detectors | verdict | item | note |', '|---:|---|---|---|---|---|---|');
    const tsv = ['file\tverdict\titem\tnote'];
    sample.slice(b * batch, (b + 1) * batch).forEach((rel, i) => {
      const k = b * batch + i + 1;
      const input = readFileSync(join(root, rel), 'utf8');
      const result = convert(input);
      const info = strategyOf(result, lib);
      const hits = detectAll(input, result, lib);
      const tripped = Object.entries(hits)
        .filter(([, hs]) => hs.length)
        .map(([id]) => id);
      const page = `${String(k).padStart(3, '0')}-${basename(rel, '.Dockerfile')}.md`;
      writeFileSync(join(out, 'pairs', page), pairPage(k, rel, input, result, info, hits));
      index.push(`| ${k} | [${cell(rel)}](pairs/${page}) | ${info.strategy} | ${tripped.join(', ')} |  |  |  |`);
      tsv.push(`${rel}\t\t\t`);
      pairs.push([rel, info.strategy, info.family, info.builder, info.runtime, info.proof ?? '', tripped.join(',')].join('\t'));
    });
    index.push('');
    writeFileSync(join(out, name), `${tsv.join('\n')}\n`);
  }
  writeFileSync(join(out, 'index.md'), `${index.join('\n')}\n`);
  writeFileSync(join(out, 'pairs.tsv'), `${pairs.join('\n')}\n`);
  const detectorsMd = [`# Detector hits over the ${changed.length} changed outputs of the corpus`, ''];
  for (const d of DETECTORS) {
    const hs = all.filter((h) => h.detector === d.id);
    detectorsMd.push(`## ${d.id} (item ${d.item}): ${counts[d.id]} files`, '', d.title, '', ...hs.map((h) => `- ${h.rel}: \`${cell(h.text)}\`: ${cell(h.detail)}`), '');
  }
  writeFileSync(join(out, 'detectors.md'), `${detectorsMd.join('\n')}\n`);
}

function recallPage(k, rel, input, result, stratum, family) {
  return [
    `# ${k}. ${rel}`,
    '',
    `- dfsplit: **${result.status}** (stratum ${stratum}; builder family \`${family}\`)`,
    ...result.reasons.map((r) => `- \`${r.id}\`: ${r.message}`),
    '',
    '## Verdict',
    '',
    `One of ${RECALL_VERDICTS.map((v) => `\`${v}\``).join(', ')}, the ecosystem and a note, in the batch's recall TSV.`,
    '',
    '## Original',
    '',
    fence(input, 'dockerfile'),
    '',
  ].join('\n');
}

const familyOf = (input, lib) => {
  try {
    const model = lib.parse(input);
    return lib.parseImage(model.stages[0]?.image ?? '').name || 'unknown';
  } catch {
    return 'unknown';
  }
};

async function recall() {
  const n = Number(arg('--n', 100));
  const batch = Math.max(1, Number(arg('--batch', 25)));
  const seed = arg('--seed', randomBytes(4).toString('hex'));
  const out = arg('--out', join(ROOT, '.review', `recall-${seed}`));
  const { convert, lib } = await loadLib();
  const root = corpusRoot();
  const byStratum = Object.fromEntries(STRATA.map((s) => [s, []]));
  let corpus = 0;
  let changed = 0;
  let buildLevel = 0;
  for (const file of corpusFiles()) {
    corpus++;
    const result = convert(readFileSync(file, 'utf8'));
    if (result.status === 'changed') changed++;
    if (recallCandidate(result)) byStratum[result.status].push(relative(root, file));
    if (recallCandidate(result) && result.reasons[0]?.id === 'needs-verify') buildLevel++;
  }
  const drawn = STRATA.map((s, i) => draw(byStratum[s], Math.ceil(n / STRATA.length) - (i && n % 2 ? 1 : 0), `${seed}/${s}`).map((rel) => ({ rel, stratum: s })));
  // the strata interleaved, one file of each in turn, so that every batch holds both
  const sample = Array.from({ length: Math.max(...drawn.map((d) => d.length)) }, (_, i) => drawn.flatMap((d) => (i < d.length ? [d[i]] : []))).flat();
  // buildLevel: the declined files dfsplit proposes through --verify (needs-verify), which the tally can also count as conversions made
  const population = { seed, corpus, changed, buildLevel, strata: Object.fromEntries(STRATA.map((s) => [s, byStratum[s].length])) };
  console.log(`${corpus} corpus files, ${changed} changed; recall strata: ${STRATA.map((s) => `${s} ${byStratum[s].length}`).join(', ')}`);
  console.log(`seed ${seed}: ${sample.length} files drawn into ${relative(process.cwd(), out) || '.'} (again: npm run review -- --recall --seed ${seed} --n ${n})`);
  mkdirSync(join(out, 'pairs'), { recursive: true });
  const info = ['file\tstratum\tfamily\treason'];
  for (let b = 0; b * batch < sample.length; b++) {
    const tsv = ['file\tverdict\tecosystem\tnote'];
    sample.slice(b * batch, (b + 1) * batch).forEach(({ rel, stratum }, i) => {
      const k = b * batch + i + 1;
      const input = readFileSync(join(root, rel), 'utf8');
      const result = convert(input);
      const family = familyOf(input, lib);
      writeFileSync(join(out, 'pairs', `${String(k).padStart(3, '0')}-${basename(rel, '.Dockerfile')}.md`), recallPage(k, rel, input, result, stratum, family));
      tsv.push(`${rel}\t\t\t`);
      info.push([rel, stratum, family, result.reasons[0]?.id ?? ''].join('\t'));
    });
    writeFileSync(join(out, `recall-${String(b + 1).padStart(2, '0')}.tsv`), `${tsv.join('\n')}\n`);
  }
  writeFileSync(join(out, 'strata.tsv'), `${info.join('\n')}\n`);
  writeFileSync(join(out, 'population.json'), `${JSON.stringify(population, null, 2)}\n`);
}

async function recallTallyMode(files, dir) {
  const population = JSON.parse(readFileSync(join(dir, 'population.json'), 'utf8'));
  // each sample's strata beside its verdicts: files of several samples pool them (a file drawn twice counts once, as
  // its first sample read it); the estimate at the draw is the first sample's, the re-score (--now) the pool's
  const info = new Map();
  const dirs = [...new Set(files.map((f) => dirname(f)))];
  for (const d of dirs)
    for (const line of readFileSync(join(d, 'strata.tsv'), 'utf8').split('\n').slice(1)) {
      const [file, stratum, family, reason] = line.split('\t');
      if (file && !info.has(file)) info.set(file, { stratum, family, reason });
    }
  const seen = new Set();
  const rows = files.flatMap((f) => readRecallVerdicts(readFileSync(f, 'utf8'))).filter((r) => !seen.has(r.file) && seen.add(r.file));
  console.log(`${rows.length} recall verdicts from ${files.length} file(s), seed ${population.seed}${dirs.length > 1 ? ` and ${dirs.length - 1} more sample(s), pooled` : ''}\n`);
  if (dirs.length === 1) console.log(recallTally(rows, info, population));
  if (argv.includes('--now')) console.log(recallRescore(rows, info, await statusesNow()).line);
}

/** Today's statuses of every corpus file, its recall strata's sizes and the conversions made (static and build level), from the built dist/. */
async function statusesNow() {
  const { convert } = await loadLib();
  const root = corpusRoot();
  const status = new Map();
  const sizes = { declined: 0, unchanged: 0 };
  let made = 0;
  for (const file of corpusFiles()) {
    const result = convert(readFileSync(file, 'utf8'));
    const build = result.status === 'declined' && result.reasons[0]?.id === 'needs-verify';
    const s = build ? 'build' : result.status;
    status.set(relative(root, file), s);
    if (s === 'changed' || s === 'build') made++;
    else if (recallCandidate(result)) sizes[result.status]++;
  }
  return { status, sizes, made };
}

async function tallyMode() {
  const files = argv.slice(argv.indexOf('--tally') + 1).filter((a, i, xs) => !a.startsWith('--') && xs[i - 1] !== '--pairs');
  if (!files.length) throw new Error('usage: npm run review -- --tally VERDICTS.tsv [...] [--pairs pairs.tsv]');
  if (existsSync(join(dirname(files[0]), 'population.json'))) return recallTallyMode(files, dirname(files[0]));
  const rows = files.flatMap((f) => readVerdicts(readFileSync(f, 'utf8')).map((r) => ({ ...r, source: f })));
  const pairsFile = arg('--pairs', join(dirname(files[0]), 'pairs.tsv'));
  const info = new Map();
  if (existsSync(pairsFile))
    for (const line of readFileSync(pairsFile, 'utf8').split('\n').slice(1)) {
      const [file, strategy, family, , , proof] = line.split('\t');
      if (file) info.set(file, { strategy, family, proof: proof || null });
    }
  const missing = rows.filter((r) => !info.has(r.file));
  if (missing.length) {
    const { convert, lib } = await loadLib();
    for (const r of missing) {
      const result = convert(readFileSync(join(corpusRoot(), r.file), 'utf8'));
      info.set(r.file, result.status === 'changed' ? strategyOf(result, lib) : { strategy: `(${result.status} now)`, proof: null });
    }
  }
  console.log(`${rows.length} verdicts from ${files.length} file(s)${existsSync(pairsFile) ? `, strategies from ${relative(process.cwd(), pairsFile)}` : ', strategies from the current build'}\n`);
  console.log(tally(rows, info));
}

await (argv.includes('--tally') ? tallyMode() : argv.includes('--recall') ? recall() : review());
