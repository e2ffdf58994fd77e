// Safety scan over the Docker Hub corpus (../shared/corpus), run on demand, never in CI. Needs a build
// (`npx tsc -p .`). For every `changed` result it reads the runtime stage dfsplit wrote and reports
// the steps that would put into the runtime image what the original's final image does not hold, or
// the builder's system:
//   deleted     a COPY/ADD repeated from the build context, or a file a replayed command writes, that a
//               later command of the original deletes (`rm /root/.netrc`, `rm -rf /root/.ssh`) and the
//               runtime stage does not delete again; `deleted-part` when the deletion is of something
//               inside a copied directory
//   secret      the same, for a path that looks like a credential (src/knowledge/secrets.ts)
//   system-dir  a COPY --from of the builder's root or a whole system directory (`COPY --from=builder / /`)
// The detector reads the output itself, not the plan, so it is a second opinion on the state model.
//   node bench/safety-scan.mjs [--every K] [--show N] [--json FILE]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusFiles, corpusRoot } from './corpus-files.mjs';

/**
 * The unsafe steps of one conversion's runtime stage. `lib` holds dfsplit's own readers (from dist/ in
 * this script, from src/ in test/secrets.test.ts): parse, analyze, copyDestination, joinPath, homeOf,
 * secretLike, systemDir.
 */
export function detect(input, result, lib) {
  if (result.status !== 'changed') return [];
  const original = lib.parse(input);
  const analysis = lib.analyze(original);
  const byLine = new Map(original.instructions.map((ins) => [ins.line, ins]));
  const found = [];
  // every deletion of the original, resolved to absolute paths (globs kept as patterns)
  const removals = [];
  for (const [index, run] of analysis.runs)
    for (const c of run.commands) {
      const scope = analysis.scopes.get(index);
      for (const path of removed(c, lib, lib.homeOf(scope?.user ?? null, scope?.env ?? new Map()))) removals.push({ index, path });
    }
  // the runtime stage as written, read on its own: its deletions (replayed ones undo nothing) and its writes
  const text = result.output;
  const runtimeModel = lib.parse(text.slice(text.lastIndexOf(result.runtimeStage[0].text)));
  const runtime = lib.analyze(runtimeModel);
  const replayed = new Set();
  for (const [index, run] of runtime.runs)
    for (const c of run.commands) {
      const scope = runtime.scopes.get(index);
      for (const path of removed(c, lib, lib.homeOf(scope?.user ?? null, scope?.env ?? new Map()))) replayed.add(path);
    }
  // paths the original makes with its commands (a deletion inside a copied directory of one of those is the build's own)
  const made = [];
  for (const [index, run] of analysis.runs)
    for (const c of run.commands) {
      const dirs =
        c.words[0] === 'mkdir'
          ? c.words
              .slice(1)
              .filter((w) => !w.startsWith('-'))
              .map((w) => lib.joinPath(c.cwd, w))
          : [];
      for (const p of [...c.produced, ...c.writes, ...c.outputs, ...dirs]) made.push({ index, path: p });
    }
  let at = -1; // the original instruction the runtime step stands for, or the last one before it
  result.runtimeStage.forEach((step, k) => {
    const ins = runtimeModel.instructions[k];
    if (!ins) return;
    const orig = step.line !== null ? byLine.get(step.line) : undefined;
    if (orig) at = orig.index;
    const later = removals.filter((r) => r.index > at && !replayed.has(r.path));
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && lib.flag(ins, 'from') !== undefined) {
      const words = ins.json ?? ins.args.trim().split(/\s+/);
      const src = words[0] ?? '';
      if (lib.systemDir(lib.joinPath('/', src))) found.push({ kind: 'system-dir', text: step.text, detail: src });
      return;
    }
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && orig) {
      const dest = lib.copyDestination(orig, analysis.scopes.get(orig.index)?.workdir ?? '/');
      if (!dest) return;
      const sources = (orig.json ?? orig.args.trim().split(/\s+/)).slice(0, -1).filter((w) => !w.startsWith('--'));
      // a file copied into a directory lands under its own name; of a directory copied whole, only a copy
      // of the build context is known to bring what is deleted inside it (`rm -rf .git`)
      const landed = [dest, ...sources.filter((s) => !/[$*?[]/.test(s)).map((s) => lib.joinPath(dest, s.split('/').filter(Boolean).pop() ?? '.'))];
      const context = sources.some((s) => s === '.' || s === './');
      for (const r of later) {
        const whole = landed.some((p) => matches(p, r.path));
        const part = !whole && context && !/[*?[]/.test(r.path) && r.path !== dest && r.path.startsWith(`${dest === '/' ? '' : dest}/`) && !made.some((m) => m.path !== dest && m.path.startsWith(`${dest}/`) && (inside(r.path, m.path) || inside(m.path, r.path)));
        if (!whole && !part) continue;
        found.push({ kind: whole ? 'deleted' : 'deleted-part', text: step.text, detail: `${r.path} deleted at line ${original.instructions[r.index].line}` });
        const secret = [r.path, ...landed].map(lib.secretLike).find(Boolean);
        if (secret) found.push({ kind: 'secret', text: step.text, detail: `${secret} (${r.path})` });
        break;
      }
      return;
    }
    if (ins.keyword === 'RUN') {
      for (const c of runtime.runs.get(k)?.commands ?? [])
        for (const w of [...c.writes, ...c.produced]) {
          const r = later.find((x) => matches(w, x.path));
          if (!r) continue;
          found.push({ kind: 'deleted', text: step.text.slice(0, 120), detail: `${w} written, deleted at line ${original.instructions[r.index].line}` });
          const secret = lib.secretLike(w);
          if (secret) found.push({ kind: 'secret', text: step.text.slice(0, 120), detail: `${secret} (${w})` });
        }
    }
  });
  return found;
}

/** The paths an `rm` deletes, absolute; `~` is the home of the RUN's user; operands with variables are skipped. */
export function removed(c, lib, home) {
  if (c.words[0] !== 'rm') return [];
  const out = [];
  let options = true;
  for (const w of c.words.slice(1)) {
    if (options && w === '--') {
      options = false;
      continue;
    }
    if (options && w.startsWith('-')) continue;
    const p = w.replace(/^~(?=\/|$)/, home);
    if (!p.includes('$') && !p.startsWith('~')) out.push(lib.joinPath(c.cwd, p));
  }
  return out;
}

function inside(path, dir) {
  return dir === '/' || path === dir || path.startsWith(`${dir}/`);
}

/** True when deleting `pattern` (a path, maybe with `*`, `?`) deletes `path`: it is the path or one of its directories. */
function matches(path, pattern) {
  if (!/[*?[]/.test(pattern)) return inside(path, pattern);
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}(/|$)`,
  );
  try {
    return re.test(path);
  } catch {
    return false;
  }
}

/** Scan the corpus with dfsplit's build; returns the counts, the affected files and the files' statuses. */
export async function scanCorpus(files, lib, convert) {
  const counts = { changed: 0, files: 0 };
  const hits = [];
  const statuses = {};
  for (const file of files) {
    const input = readFileSync(file, 'utf8');
    const result = convert(input);
    statuses[file] = { status: result.status, reasons: result.reasons.map((r) => r.id) };
    if (result.status !== 'changed') continue;
    counts.changed++;
    const found = detect(input, result, lib);
    if (!found.length) continue;
    counts.files++;
    for (const kind of new Set(found.map((f) => f.kind))) counts[kind] = (counts[kind] ?? 0) + 1;
    hits.push({ file, found });
  }
  return { counts, hits, statuses };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const every = Math.max(1, Number(arg('--every', 1)));
  const show = Number(arg('--show', 10));
  const jsonOut = arg('--json', null);
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/ is missing: run `npx tsc -p .` first');
  const dir = corpusRoot();
  const files = corpusFiles();
  const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
  const [{ convert }, { parse }, { analyze, copyDestination }, { joinPath }, { homeOf }, { flag }, { secretLike, systemDir }] = await Promise.all(['src/index.js', 'src/parse.js', 'src/analyze/index.js', 'src/paths.js', 'src/analyze/run.js', 'src/model.js', 'src/knowledge/secrets.js'].map(dist));
  const lib = { parse, analyze, copyDestination, joinPath, homeOf, flag, secretLike, systemDir };
  const { counts, hits, statuses } = await scanCorpus(
    files.filter((_, i) => i % every === 0),
    lib,
    convert,
  );
  console.log(`${counts.changed} changed results, ${counts.files} with an unsafe runtime step: ${['deleted', 'deleted-part', 'secret', 'system-dir'].map((k) => `${k} ${counts[k] ?? 0}`).join(', ')}`);
  for (const h of hits.slice(0, show)) for (const f of h.found) console.log(`  ${h.file.slice(dir.length + 1)}: ${f.kind}: ${f.text} (${f.detail})`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ counts, hits, statuses }, null, 1));
}
