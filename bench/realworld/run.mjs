// The differential build harness (`npm run realworld`, on demand, never in CI). For each file of the
// committed sample (sample.txt) that dfsplit changes: rewrite its FROMs onto local stand-ins,
// synthesise a build context, build the original and the conversion under BuildKit on the isolated
// daemon of infra/setup.sh, and compare the two images (compare.mjs). Writes results.md and
// results.tsv next to this file. Results are cached per (original, conversion, stand-ins), so a re-run
// only builds what changed.
//   node bench/realworld/run.mjs [--jobs N] [--limit N] [--only SUBSTRING] [--timeout SECONDS] [--dfsplit DIR] [--out DIR] [--list FILE] [--sample FILE]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORPUS, ROOT } from './corpus.mjs';
import { CONFIG_FIELDS, compareEnv, extract, filesUnder, inspect, namedPaths, resolveCommand, startedCommands } from './compare.mjs';
import { substituteImages, synthesiseContext } from './context.mjs';
import { writeReport } from './report.mjs';

const HARNESS_VERSION = 3; // bump when a check changes: cached results are then rebuilt
const HERE = join(ROOT, 'bench', 'realworld');
const CACHE = join(ROOT, '.realworld-cache');
const DOCKER_HOST = process.env.REALWORLD_DOCKER_HOST ?? 'unix:///run/dfsplit-rw/docker.sock';
const ENV = { ...process.env, DOCKER_HOST, DOCKER_BUILDKIT: '1' };
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const jobs = Number(arg('--jobs', '2'));
const limit = Number(arg('--limit', '100000'));
const only = arg('--only', '');
const timeoutS = Number(arg('--timeout', '900'));
// --dfsplit DIR: measure another build of dfsplit (a worktree of an earlier commit, built) on the same sample
const DFSPLIT = arg('--dfsplit', ROOT);
const OUT = arg('--out', HERE);

const dist = (p) => import(join(DFSPLIT, 'dist', 'src', p));
const { convert, directoryContext } = await dist('index.js');
const { parse } = await dist('parse.js');
const { parseShell } = await dist('shell.js');
const { checkElfDeps, resolveInRoot } = await dist('verify/elf.js');

const docker = (args) => spawnSync('/usr/bin/docker', args, { env: ENV, encoding: 'utf8', maxBuffer: 64 << 20 });
if (docker(['info', '--format', '{{.ServerVersion}}']).status !== 0) {
  console.error(`realworld: no Docker engine at ${DOCKER_HOST}; run bash bench/realworld/infra/setup.sh first`);
  process.exit(2);
}

// --list FILE: only these sample files (for example the rows a lost daemon spoiled), merged later by merge.mjs
const listed = arg('--list', '') ? new Set(readFileSync(arg('--list', ''), 'utf8').split('\n').filter(Boolean)) : null;
// --sample FILE: another sample list (sample-presets.txt: files the language presets change)
const sample = readFileSync(arg('--sample', join(HERE, 'sample.txt')), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .filter((f) => f.includes(only) && (!listed || listed.has(f)))
  .slice(0, limit);
mkdirSync(join(CACHE, 'results'), { recursive: true });
mkdirSync(join(CACHE, 'logs'), { recursive: true });
const imageIds = new Map();
const imageId = (tag) => {
  if (!imageIds.has(tag)) imageIds.set(tag, tag === 'scratch' ? 'scratch' : docker(['image', 'inspect', '-f', '{{.Id}}', tag]).stdout.trim() || null);
  return imageIds.get(tag);
};
const sha = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 24);

const t0 = Date.now();
const rows = [];
let done = 0;
const queue = [...sample];
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const started = Date.now();
      let row;
      try {
        row = await one(file);
      } catch (err) {
        row = {
          file,
          result: 'harness-error',
          check: 'harness',
          detail: String(err.stack ?? err)
            .split('\n')
            .slice(0, 2)
            .join(' '),
        };
      }
      row.seconds ??= Math.round((Date.now() - started) / 1000);
      rows.push(row);
      done++;
      console.log(`[${done}/${sample.length} ${Math.round((Date.now() - t0) / 1000)}s] ${row.result.padEnd(14)} ${row.check ?? ''} ${file} ${row.detail ? `: ${row.detail.slice(0, 160)}` : ''}`);
      if (done % 20 === 0) docker(['builder', 'prune', '-f', '--keep-storage', '20000000000']);
    }
  }),
);
rows.sort((a, b) => sample.indexOf(a.file) - sample.indexOf(b.file));
mkdirSync(OUT, { recursive: true });
writeReport(OUT, rows, { seconds: Math.round((Date.now() - t0) / 1000), sampleSize: sample.length, jobs, sampleFile: basename(arg('--sample', join(HERE, 'sample.txt'))), cached: rows.filter((r) => r.cached).length });
console.log(`realworld: ${rows.length} files in ${Math.round((Date.now() - t0) / 1000)} s; see ${join(OUT, 'results.md')}`);

async function one(file) {
  const text = readFileSync(join(CORPUS, 'vsoch_dockerfiles_v2', file), 'utf8');
  const work = join(CACHE, 'work', file.replace(/[/.]/g, '_'));
  rmSync(work, { recursive: true, force: true });
  const ctx = join(work, 'context');
  let model;
  try {
    model = parse(text);
  } catch (err) {
    return { file, result: 'not-changed', dfsplit: 'error', detail: err.message };
  }
  synthesiseContext(model, ctx);
  const res = convert(text, { path: 'Dockerfile', context: directoryContext(ctx) });
  const base = { file, dfsplit: res.status, reasons: res.reasons.map((r) => r.id).join(',') };
  if (res.status !== 'changed') return { ...base, result: 'not-changed' };
  const orig = substituteImages(model, text);
  if (!orig.text) return { ...base, result: 'no-standin', check: orig.missingTag ? 'orig-tag' : 'stand-in', detail: orig.none ?? orig.missingTag };
  const conv = substituteImages(parse(res.output), res.output);
  const tags = [...new Set([...orig.text.matchAll(/^FROM\s+(?:--\S+\s+)?(\S+)/gim)].map((m) => m[1]))];
  const missing = tags.find((t) => !imageId(t));
  if (missing) return { ...base, result: 'no-standin', check: 'stand-in', detail: `stand-in ${missing} is not built` };
  const ids = tags.map(imageId).join(',');
  const substitutions = [...orig.substitutions, ...(conv.substitutions ?? [])].filter((s, i, a) => a.indexOf(s) === i).join('; ');
  const key = sha(HARNESS_VERSION, ids, text, res.output);
  const cached = join(CACHE, 'results', `${key}.json`);
  if (existsSync(cached)) return { ...JSON.parse(readFileSync(cached, 'utf8')), ...base, cached: true };
  const row = await differential(file, work, ctx, orig, conv, { ...base, substitutions, ids }, res.command);
  delete row.ids;
  if (row.result !== 'harness-error') writeFileSync(cached, JSON.stringify(row));
  rmSync(work, { recursive: true, force: true });
  return row;
}

async function differential(file, work, ctx, orig, conv, base, command) {
  const name = `rw-${sha(file)}`;
  const logs = join(CACHE, 'logs', file.replace(/\//g, '_'));
  writeFileSync(join(work, 'original.Dockerfile'), orig.text);
  // an original that failed once fails again whatever dfsplit does: its result is kept per original
  const origKey = join(CACHE, 'orig', `${sha(HARNESS_VERSION, base.ids, orig.text, readdirSync(ctx).join('/'))}.json`);
  if (existsSync(origKey)) return { ...base, result: 'orig-fails', check: 'orig-build', detail: JSON.parse(readFileSync(origKey, 'utf8')).error };
  const o = await build(join(work, 'original.Dockerfile'), ctx, `${name}:orig`, `${logs}.orig.log`);
  if (!o.ok && /Cannot connect to the Docker daemon|failed to dial gRPC|error during connect/.test(o.error)) throw new Error(`the daemon went away: ${o.error}`);
  if (!o.ok) {
    mkdirSync(join(CACHE, 'orig'), { recursive: true });
    writeFileSync(origKey, JSON.stringify({ error: o.error }));
    return { ...base, result: 'orig-fails', check: 'orig-build', detail: o.error };
  }
  try {
    if (!conv.text) return { ...base, result: 'fail', check: 'runtime-tag', detail: conv.none ?? conv.missingTag };
    writeFileSync(join(work, 'converted.Dockerfile'), conv.text);
    const c = await build(join(work, 'converted.Dockerfile'), ctx, `${name}:conv`, `${logs}.conv.log`);
    if (!c.ok) return { ...base, result: 'fail', check: 'build', detail: c.error };
    const a = inspect(docker, `${name}:orig`);
    const b = inspect(docker, `${name}:conv`);
    const sizes = { orig_mb: (a.size / 1e6).toFixed(1), conv_mb: (b.size / 1e6).toFixed(1) };
    const runtimeTag = [...conv.text.matchAll(/^FROM\s+(?:--\S+\s+)?(\S+)/gim)].pop()?.[1];
    const runtimeEnv = runtimeTag && runtimeTag !== 'scratch' ? (inspect(docker, runtimeTag).config.Env ?? []) : [];
    const failure = compareImages(work, name, a, b, runtimeEnv, command);
    if (failure) return { ...base, ...sizes, result: 'fail', ...failure };
    if (b.size >= a.size) return { ...base, ...sizes, result: 'fail', check: 'not-smaller', detail: `${sizes.conv_mb} MB >= ${sizes.orig_mb} MB` };
    return { ...base, ...sizes, result: 'pass' };
  } finally {
    docker(['image', 'rm', '-f', `${name}:orig`, `${name}:conv`]);
  }
}

function compareImages(work, name, a, b, runtimeEnv, command) {
  // a preset's declared rewrite (`cargo run` -> the binary): that field must be exactly the declared line
  const rewritten = command ? (command.keyword === 'CMD' ? 'Cmd' : 'Entrypoint') : null;
  for (const k of CONFIG_FIELDS.filter((f) => f !== 'Env')) {
    if (k === rewritten) {
      const want = JSON.stringify(command.to.startsWith('[') ? JSON.parse(command.to) : ['/bin/sh', '-c', command.to]);
      if (JSON.stringify(b.config[k] ?? null) !== want) return { check: `config-${k.toLowerCase()}`, detail: `declared ${want} vs ${JSON.stringify(b.config[k] ?? null)}`.slice(0, 400) };
      continue;
    }
    const x = JSON.stringify(a.config[k] ?? null);
    const y = JSON.stringify(b.config[k] ?? null);
    if (x !== y) return { check: `config-${k.toLowerCase()}`, detail: `${x} vs ${y}`.slice(0, 400) };
  }
  const envDiff = compareEnv(a.config.Env ?? [], b.config.Env ?? [], runtimeEnv);
  if (envDiff) return { check: 'config-env', detail: envDiff };
  const ra = extract(docker, ENV, `${name}:orig`, join(work, 'orig-fs'));
  const rb = extract(docker, ENV, `${name}:conv`, join(work, 'conv-fs'));
  for (const cmd of startedCommands(b.config, parseShell)) {
    if (resolveCommand(ra, cmd, a.config, resolveInRoot) && !resolveCommand(rb, cmd, b.config, resolveInRoot)) return { check: 'command', detail: `${cmd} does not resolve on the converted image's PATH` };
  }
  const dirs = [...(b.config.WorkingDir && b.config.WorkingDir !== '/' ? [b.config.WorkingDir] : []), ...namedPaths(b.config)];
  for (const d of dirs) {
    const want = filesUnder(ra, d, resolveInRoot);
    const have = new Set(filesUnder(rb, d, resolveInRoot));
    const lost = want.filter((f) => !have.has(f));
    if (lost.length)
      return {
        check: 'files',
        detail: `${lost.length} of ${want.length} files under ${d} missing, e.g. ${lost
          .slice(0, 3)
          .map((f) => (f ? `${d}/${f}` : d))
          .join(' ')}`,
      };
  }
  const problems = checkElfDeps(rb, ['/']).problems.filter((p) => p.problem !== 'path does not exist in image');
  if (problems.length) {
    const before = new Set(checkElfDeps(ra, [...new Set(problems.map((p) => p.file))]).problems.map((p) => `${p.file}\0${p.problem}`));
    const fresh = problems.filter((p) => !before.has(`${p.file}\0${p.problem}`));
    if (fresh.length) return { check: 'libraries', detail: `${fresh.length} problems, e.g. ${fresh[0].file}: ${fresh[0].problem}` };
  }
  return null;
}

/** BuildKit build on the isolated daemon; `--network host` there reaches only its loopback proxies. */
function build(dockerfile, ctx, tag, log) {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/docker', ['build', '--progress', 'plain', '--network', 'host', '-t', tag, '-f', dockerfile, ctx], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const out = Buffer.concat(chunks).toString('utf8');
      writeFileSync(log, out);
      if (code === 0) return resolve({ ok: true });
      resolve({ ok: false, error: code === null ? `timeout after ${timeoutS}s` : firstError(out) });
    });
  });
}

/** The line that says why a BuildKit build failed. */
function firstError(out) {
  const lines = out.split('\n');
  const err = lines.find((l) => /^(ERROR|error):|failed to solve|executor failed|did not complete successfully/.test(l.replace(/^#\d+ /, '')));
  const ctx = lines
    .filter((l) => /^#\d+ [\d.]+ /.test(l))
    .slice(-2)
    .map((l) => l.replace(/^#\d+ [\d.]+ /, ''))
    .join(' | ');
  return `${(err ?? lines.filter(Boolean).pop() ?? '').replace(/^#\d+ /, '').slice(0, 200)}${ctx ? ` [${ctx.slice(0, 200)}]` : ''}`;
}
