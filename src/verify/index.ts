// `dfsplit verify`: build the original and the converted Dockerfile with the user's own Docker engine,
// run both, compare what they do and which files they hold, check the converted image's shared
// libraries, report both sizes. Everything it makes is removed on every way out (./session.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkElfDeps, type ElfProblem } from './elf.js';
import { imageConfig, METADATA_ENV } from '../knowledge/image-config.js';
import { isEmptyImage } from '../images.js';
import { stripSyntaxDirective } from './syntax-directive.js';
import { compareStarts } from './probe.js';
import { extraFiles, runtimeBaseDockerfile } from './files.js';
import { VerifySession, type Docker, type Ran } from './session.js';
import { findEngine, type Engine } from './engine.js';
import { buildStep, type Phase } from './progress.js';

export interface VerifyInput {
  /** Dockerfile text as it is, and as dfsplit converted it. */
  original: string;
  converted: string;
  /** Build context directory. */
  context: string;
  /** Arguments for `docker run IMAGE ...`; null: start both and check they stay up alike. */
  smoke: string[] | null;
  /** `docker build --network` value (default: the engine's). */
  buildNetwork: string | null;
  /** The CMD/ENTRYPOINT rewrite the conversion declares (ConvertResult.command): that one setting may differ. */
  command?: { keyword: string; to: string } | null;
  /** The variables the conversion declares it leaves in the builder (`build-env-dropped`): only build tools read them. */
  droppedEnv?: readonly string[];
  /** The variables whose runtime base's own value the conversion declares it keeps (`env-runtime-own`: JAVA_HOME on a JRE). */
  ownEnv?: readonly string[];
  /** Where the report goes. */
  log: (line: string) => void;
}

/** 0: same behaviour; 1: the converted image differs or fails; 2: no Docker engine; 3: the original does not build here. */
export async function verify(input: VerifyInput, options: CompareOptions = {}): Promise<number> {
  const outcome = await compareBuilds(input, options);
  for (const line of outcome.lines) input.log(line);
  return EXIT[outcome.kind];
}

const EXIT = { same: 0, different: 1, 'no-engine': 2, 'original-failed': 3 } as const;

/** What a comparison found: the report lines and, when it is not `same`, the first difference. */
export interface VerifyOutcome {
  kind: 'same' | 'different' | 'original-failed' | 'no-engine';
  lines: string[];
  /** One line: the first difference, or why the original could not be built. */
  first: string | null;
  /** Both image sizes in bytes, null where that image was not built. */
  sizes: { original: number | null; converted: number | null };
}

/** What compareBuilds takes besides the files: the engine found once for a run, and where progress goes. */
export interface CompareOptions {
  /** findEngine()'s answer, shared by the verifications of one run; unset: asked now. */
  engine?: Engine;
  /** A phase begins, or a build starts a step (`#7 [builder 3/5] RUN make`). */
  progress?: (phase: Phase, step?: string) => void;
}

/** How much of a build's log is kept: its tail says why it failed. */
const BUILD_LOG_BYTES = 64 * 1024;

/**
 * Build both, compare configuration, behaviour, files and libraries; remove the images, containers and
 * temporary files afterwards. A SIGINT, SIGTERM or SIGHUP meanwhile stops the docker commands, removes
 * the same and ends the process (exit 128 + the signal's number).
 */
export async function compareBuilds(input: Omit<VerifyInput, 'log'>, options: CompareOptions = {}): Promise<VerifyOutcome> {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const sizes: VerifyOutcome['sizes'] = { original: null, converted: null };
  const engine = options.engine ?? findEngine();
  if (engine.kind !== 'ready') {
    log(engine.kind === 'no-engine' ? 'dfsplit: no Docker engine answers; start one (e.g. `sudo systemctl start docker`, or `dockerd &`), or point DOCKER_HOST at one, and try again' : `dfsplit: ${engine.message}`);
    return { kind: 'no-engine', lines, first: engine.message, sizes };
  }
  const { builder } = engine;
  const progress = options.progress ?? (() => {});
  log(`builder: ${builder.name}`);
  const session = new VerifySession(builder.command);
  const docker: Docker = (args) => session.run(builder.command, args);
  const tag = `dfsplit-verify/${session.id}`;
  const images = { original: `${tag}:original`, converted: `${tag}:converted` };
  const build = async (role: 'original' | 'converted' | 'base', text: string, image: string) => {
    const file = join(session.dir, `${role}.Dockerfile`);
    // a `# syntax=` line would make BuildKit fetch a frontend image: build a copy without it
    writeFileSync(file, stripSyntaxDirective(text));
    session.images.add(image);
    progress(role);
    const onLine = (line: string) => {
      const step = buildStep(line);
      if (step) progress(role, step);
    };
    return session.run(builder.command, [...builder.args, '--label', session.label, ...(input.buildNetwork ? ['--network', input.buildNetwork] : []), '-t', image, '-f', file, input.context], { env: builder.env, keepBytes: BUILD_LOG_BYTES, onLine });
  };
  try {
    for (const [role, text] of [
      ['original', input.original],
      ['converted', input.converted],
    ] as const) {
      const b = await build(role, text, images[role]);
      if (b.status !== 0) {
        log(`${role}: build failed\n${tail(b.stderr || b.stdout)}`);
        const last = lastError(b.stderr || b.stdout);
        return role === 'original' ? { kind: 'original-failed', lines, first: `the original does not build here (${last})`, sizes } : { kind: 'different', lines, first: `the conversion does not build (${last})`, sizes };
      }
      sizes[role] = await size(docker, images[role]);
    }
    log(`original   ${mb(sizes.original!)} MB`);
    log(`converted  ${mb(sizes.converted!)} MB  (${sizes.original ? ((1 - sizes.converted! / sizes.original) * 100).toFixed(1) : '?'}% smaller)`);
    const config = await compareConfig(docker, images, input.converted, input.command ?? null, input.droppedEnv ?? [], input.ownEnv ?? []);
    log(config.message);
    progress('running');
    const behaviour = input.smoke ? await compareRuns(session, docker, images, input.smoke) : await compareStarts(images, session, docker);
    log(behaviour.message);
    const files = await compareFiles(session, docker, images, (text, image) => build('base', text, image), `${tag}:base`, input.converted, progress);
    log(files.message);
    progress('libraries');
    const libs = await libraryProblems(session, docker, images);
    log(libs.length ? `libraries: ${libs.length} missing in the converted image:\n${libs.map((p) => `  ${p.file}: ${p.problem}`).join('\n')}` : 'libraries: every ELF interpreter and needed library is present');
    const ok = config.same && behaviour.same && files.same && libs.length === 0;
    log(ok ? 'verify: the converted image builds and behaves like the original' : 'verify: DIFFERENT');
    const first = ok
      ? null
      : ([config, behaviour, files]
          .find((x) => !x.same)
          ?.message.split('\n')
          .slice(0, 2)
          .join(' ')
          .replace(/\s+/g, ' ') ?? `libraries: ${libs[0]!.file}: ${libs[0]!.problem}`);
    return { kind: ok ? 'same' : 'different', lines, first, sizes };
  } finally {
    await session.close();
  }
}

/** The build's own error line (BuildKit's `ERROR: ...` / `error: ...`), else its last line. */
function lastError(stderr: string): string {
  const lines = stderr
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.reverse().find((l) => /^(ERROR|error)\b|failed to/.test(l)) ?? lines[0] ?? 'no output').slice(0, 240);
}

export { versionBefore } from './engine.js';

/**
 * The effective configuration (inherited values count): ENTRYPOINT, CMD, USER and WORKDIR must be
 * equal; every variable of the original must keep its value, and the conversion may only add what its
 * own runtime base sets.
 */
async function compareConfig(docker: Docker, images: { original: string; converted: string }, converted: string, command: { keyword: string; to: string } | null, droppedEnv: readonly string[], ownEnv: readonly string[] = []): Promise<{ same: boolean; message: string }> {
  const cfg = async (image: string) => JSON.parse((await docker(['image', 'inspect', '-f', '{{json .Config}}', image])).stdout || '{}') as Record<string, unknown>;
  const a = await cfg(images.original);
  const b = await cfg(images.converted);
  const diffs: string[] = [];
  // the one declared change: the built program in place of the command that built and ran it
  const rewritten = command ? (command.keyword === 'CMD' ? 'Cmd' : 'Entrypoint') : null;
  for (const k of ['Entrypoint', 'Cmd', 'User', 'WorkingDir']) {
    if (k === rewritten) continue;
    if (JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)) diffs.push(`${k}: ${JSON.stringify(a[k] ?? null)} vs ${JSON.stringify(b[k] ?? null)}`);
  }
  const runtimeImage = runtimeBaseName(converted) || undefined;
  // BuildKit keeps the base images it pulls to itself (not in `docker image ls`): then the image table says
  const inspected = runtimeImage && runtimeImage !== 'scratch' ? ((await cfg(runtimeImage)).Env as string[] | null | undefined) : [];
  const known = runtimeImage ? Object.entries(imageConfig(runtimeImage)?.env ?? {}).map(([k, v]) => `${k}=${v}`) : [];
  const baseEnv = new Set(inspected ?? known);
  const map = (env: unknown) => new Map(((env as string[] | null) ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const [x, y] = [map(a.Env), map(b.Env)];
  // the declared ones: a build tool's variable the conversion leaves in the builder, unset in the converted image
  const left = [...x.keys()].filter((k) => droppedEnv.includes(k) && !y.has(k));
  // and a variable naming where the runtime base installed its runtime, with that base's own value
  const kept = [...x.keys()].filter((k) => ownEnv.includes(k) && y.has(k) && baseEnv.has(`${k}=${y.get(k)}`));
  for (const [k, v] of x) if (!METADATA_ENV.test(k) && y.get(k) !== v && !left.includes(k) && !kept.includes(k)) diffs.push(`ENV ${k}: ${v} vs ${y.get(k) ?? '(unset)'}`);
  for (const [k, v] of y) if (!x.has(k) && !METADATA_ENV.test(k) && !baseEnv.has(`${k}=${v}`)) diffs.push(`ENV ${k}: (unset) vs ${v}`);
  const notes = [...(command ? [`${command.keyword} rewritten as the conversion declares: ${command.to}`] : []), ...(left.length ? [`left in the builder as the conversion declares: ${left.join(', ')}`] : []), ...(kept.length ? [`the runtime base's own ${kept.join(', ')} as the conversion declares`] : [])];
  const note = notes.length ? ` (${notes.join('; ')})` : '';
  return diffs.length ? { same: false, message: `config: DIFFERENT\n${diffs.map((d) => `  ${d}`).join('\n')}` } : { same: true, message: `config: same ENTRYPOINT, CMD, USER, WORKDIR and ENV${note}` };
}

async function size(docker: Docker, image: string): Promise<number> {
  return Number((await docker(['image', 'inspect', '-f', '{{.Size}}', image])).stdout.trim()) || 0;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}

async function compareRuns(session: VerifySession, docker: Docker, images: { original: string; converted: string }, args: string[]): Promise<{ same: boolean; message: string }> {
  const run = (image: string) => docker(['run', '--rm', '--network', 'none', ...session.containerOptions(), image, ...args]);
  const a = await run(images.original);
  const b = await run(images.converted);
  const same = a.status === b.status && a.stdout === b.stdout;
  if (same) return { same, message: `smoke: same output and exit code (${a.status}): ${JSON.stringify(a.stdout.trim().slice(0, 200))}` };
  return { same, message: `smoke: DIFFERENT\n  original  exit ${a.status}: ${JSON.stringify(a.stdout.trim().slice(0, 300))} ${a.stderr.trim().slice(0, 200)}\n  converted exit ${b.status}: ${JSON.stringify(b.stdout.trim().slice(0, 300))} ${b.stderr.trim().slice(0, 200)}` };
}

/** How many of the extra files a report names. */
const SHOWN_FILES = 20;

/**
 * Files in the converted image that neither the original image nor the converted file's runtime base
 * has (./files.ts): a secret the original deletes and the conversion keeps shows up here.
 */
async function compareFiles(session: VerifySession, docker: Docker, images: { original: string; converted: string }, build: (text: string, image: string) => Promise<Ran>, baseImage: string, converted: string, progress: (phase: Phase) => void): Promise<{ same: boolean; message: string }> {
  const baseFile = runtimeBaseDockerfile(converted);
  let base: string[] | null = null;
  if (baseFile !== null && isEmptyImage(runtimeBaseName(baseFile))) base = [];
  else if (baseFile !== null && (await build(baseFile, baseImage)).status === 0) base = await listFiles(session, docker, baseImage);
  progress('files');
  if (base === null) return { same: true, message: 'files: not compared (the runtime base could not be built alone, or not listed)' };
  const [convertedFiles, originalFiles] = [await listFiles(session, docker, images.converted), await listFiles(session, docker, images.original)];
  if (!convertedFiles || !originalFiles) return { same: true, message: 'files: not compared (an image could not be listed)' };
  const extra = extraFiles(convertedFiles, originalFiles, base);
  if (!extra.length) return { same: true, message: 'files: every file of the converted image is in the original or in its runtime base' };
  const shown = extra
    .slice(0, SHOWN_FILES)
    .map((f) => `  ${f}`)
    .join('\n');
  return { same: false, message: `files: DIFFERENT: ${extra.length} file${extra.length === 1 ? '' : 's'} in the converted image that the original does not have:\n${shown}${extra.length > SHOWN_FILES ? `\n  ... and ${extra.length - SHOWN_FILES} more` : ''}` };
}

/** The image word of the last FROM line (`scratch`, `debian:bookworm-slim`). */
function runtimeBaseName(dockerfile: string): string {
  return [...dockerfile.matchAll(/^FROM\s+(?:--\S+\s+)*(\S+)/gim)].pop()?.[1] ?? '';
}

/** `tar -t` names of an image's filesystem (`docker export` of a container that never starts); null when that fails. */
async function listFiles(session: VerifySession, docker: Docker, image: string): Promise<string[] | null> {
  const id = (await docker(['create', ...session.containerOptions(), image, '/x'])).stdout.trim();
  if (!id) return null;
  try {
    // an export that fails gives tar no archive, or half of one: tar then fails too
    const r = await session.run('sh', ['-c', '"$2" export "$1" | tar -t', 'sh', id, session.client]);
    return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : null;
  } finally {
    await docker(['rm', '-f', id]);
  }
}

/** Libraries missing in the converted image that the original did not miss for the same file. */
async function libraryProblems(session: VerifySession, docker: Docker, images: { original: string; converted: string }): Promise<ElfProblem[]> {
  const converted = await extract(session, docker, images.converted, join(session.dir, 'converted-fs'));
  const found = checkElfDeps(converted, ['/']).problems.filter((p) => p.problem !== 'path does not exist in image');
  if (!found.length) return [];
  const original = await extract(session, docker, images.original, join(session.dir, 'original-fs'));
  const before = new Set(
    checkElfDeps(
      original,
      [...new Set(found.map((p) => p.file))].filter((f) => f),
    ).problems.map((p) => `${p.file}\0${p.problem}`),
  );
  return found.filter((p) => !before.has(`${p.file}\0${p.problem}`));
}

async function extract(session: VerifySession, docker: Docker, image: string, into: string): Promise<string> {
  const id = (await docker(['create', ...session.containerOptions(), image, '/x'])).stdout.trim();
  try {
    mkdirSync(into, { recursive: true });
    await session.run('sh', ['-c', `"$3" export "$1" | tar -x -C "$2" --exclude='dev/*' --no-same-owner 2>/dev/null`, 'sh', id, into, session.client]);
  } finally {
    await docker(['rm', '-f', id]);
  }
  return into;
}
