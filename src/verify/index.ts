// `dfsplit verify`: build the original and the converted Dockerfile with the user's own Docker engine,
// run both, compare what they do and which files they hold, check the converted image's shared
// libraries, report both sizes. Everything it makes is removed on every way out (./session.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkElfDeps, type ElfProblem } from './elf.js';
import { imageConfig, METADATA_ENV } from '../knowledge/image-config.js';
import { isEmptyImage } from '../images.js';
import { stripSyntaxDirective } from './syntax-directive.js';
import { compareStarts } from './probe.js';
import { extraFiles, runtimeBaseDockerfile } from './files.js';
import { VerifySession, type Docker, type Ran } from './session.js';

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
  /** Where the report goes. */
  log: (line: string) => void;
}

/** 0: same behaviour; 1: the converted image differs or fails; 2: no Docker engine; 3: the original does not build here. */
export async function verify(input: VerifyInput): Promise<number> {
  const outcome = await compareBuilds(input);
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
}

/**
 * Build both, compare configuration, behaviour, files and libraries; remove the images, containers and
 * temporary files afterwards. A SIGINT, SIGTERM or SIGHUP meanwhile stops the docker commands, removes
 * the same and ends the process (exit 128 + the signal's number).
 */
export async function compareBuilds(input: Omit<VerifyInput, 'log'>): Promise<VerifyOutcome> {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (info.status !== 0) {
    log('dfsplit: no Docker engine answers; start one (e.g. `sudo systemctl start docker`, or `dockerd &`) and try again');
    return { kind: 'no-engine', lines, first: 'no Docker engine answers' };
  }
  const builder = chooseBuilder(info.stdout.trim());
  log(`builder: ${builder.name}`);
  const session = new VerifySession(builder.command);
  const docker: Docker = (args) => session.run(builder.command, args);
  const tag = `dfsplit-verify/${session.id}`;
  const images = { original: `${tag}:original`, converted: `${tag}:converted` };
  const build = async (role: string, text: string, image: string) => {
    const file = join(session.dir, `${role}.Dockerfile`);
    // a `# syntax=` line would make BuildKit fetch a frontend image: build a copy without it
    writeFileSync(file, stripSyntaxDirective(text));
    session.images.add(image);
    return session.run(builder.command, [...builder.args, '-q', '--label', session.label, ...(input.buildNetwork ? ['--network', input.buildNetwork] : []), '-t', image, '-f', file, input.context], { env: builder.env });
  };
  try {
    for (const [role, text] of [
      ['original', input.original],
      ['converted', input.converted],
    ] as const) {
      const b = await build(role, text, images[role]);
      if (b.status !== 0) {
        log(`${role}: build failed\n${tail(b.stderr)}`);
        const last = lastError(b.stderr);
        return role === 'original' ? { kind: 'original-failed', lines, first: `the original does not build here (${last})` } : { kind: 'different', lines, first: `the conversion does not build (${last})` };
      }
    }
    const sizes = { original: await size(docker, images.original), converted: await size(docker, images.converted) };
    log(`original   ${mb(sizes.original)} MB`);
    log(`converted  ${mb(sizes.converted)} MB  (${sizes.original ? ((1 - sizes.converted / sizes.original) * 100).toFixed(1) : '?'}% smaller)`);
    const config = await compareConfig(docker, images, input.converted, input.command ?? null, input.droppedEnv ?? []);
    log(config.message);
    const behaviour = input.smoke ? await compareRuns(session, docker, images, input.smoke) : await compareStarts(images, session, docker);
    log(behaviour.message);
    const files = await compareFiles(session, docker, images, (text, image) => build('base', text, image), `${tag}:base`, input.converted);
    log(files.message);
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
    return { kind: ok ? 'same' : 'different', lines, first };
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

/**
 * BuildKit when the engine offers it: it builds only the stages the final one depends on, as Docker
 * 23+ does by default, so a builder stage the runtime never copies from (and its tests) would show as
 * skipped. It needs a daemon of 18.09 or later and a client that drives it: Debian's client
 * (/usr/bin/docker, 18.09 to 22) does with DOCKER_BUILDKIT=1; a client of 23 or later needs buildx.
 * Otherwise the legacy builder, said so. Every later docker command uses the same client.
 */
function chooseBuilder(serverVersion: string): { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv } {
  // --force-rm: the legacy builder's intermediate containers go even when a build fails or is stopped
  const legacy = (why: string) => ({ name: `legacy (${why}: a builder stage is built even when nothing is copied from it)`, command: 'docker', args: ['build', '--force-rm'], env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  if (versionBefore(serverVersion, 18, 9)) return legacy(`the engine ${serverVersion} predates BuildKit (18.09)`);
  const env = { ...process.env, DOCKER_BUILDKIT: '1' };
  for (const client of ['/usr/bin/docker', 'docker']) {
    if (client.startsWith('/') && !existsSync(client)) continue;
    const v = spawnSync(client, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8' });
    if (v.error || !v.stdout.trim()) continue;
    const version = v.stdout.trim();
    if (versionBefore(version, 18, 9)) continue;
    if (versionBefore(version, 23, 0)) return { name: 'BuildKit', command: client, args: ['build', '--progress', 'plain'], env };
    if (spawnSync(client, ['buildx', 'version'], { encoding: 'utf8' }).status === 0) return { name: 'BuildKit (buildx)', command: client, args: ['buildx', 'build', '--load', '--progress', 'plain'], env };
  }
  return legacy('no BuildKit client found: neither /usr/bin/docker before 23 nor `docker buildx`');
}

/** Whether a Docker version (`20.10.24+dfsg1`, `18.09.7`, `27.3.1`) is older than major.minor; an unreadable one is not. */
export function versionBefore(version: string, major: number, minor: number): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a < major || (a === major && b < minor);
}

/**
 * The effective configuration (inherited values count): ENTRYPOINT, CMD, USER and WORKDIR must be
 * equal; every variable of the original must keep its value, and the conversion may only add what its
 * own runtime base sets.
 */
async function compareConfig(docker: Docker, images: { original: string; converted: string }, converted: string, command: { keyword: string; to: string } | null, droppedEnv: readonly string[]): Promise<{ same: boolean; message: string }> {
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
  for (const [k, v] of x) if (!METADATA_ENV.test(k) && y.get(k) !== v && !left.includes(k)) diffs.push(`ENV ${k}: ${v} vs ${y.get(k) ?? '(unset)'}`);
  for (const [k, v] of y) if (!x.has(k) && !METADATA_ENV.test(k) && !baseEnv.has(`${k}=${v}`)) diffs.push(`ENV ${k}: (unset) vs ${v}`);
  const notes = [...(command ? [`${command.keyword} rewritten as the conversion declares: ${command.to}`] : []), ...(left.length ? [`left in the builder as the conversion declares: ${left.join(', ')}`] : [])];
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
async function compareFiles(session: VerifySession, docker: Docker, images: { original: string; converted: string }, build: (text: string, image: string) => Promise<Ran>, baseImage: string, converted: string): Promise<{ same: boolean; message: string }> {
  const baseFile = runtimeBaseDockerfile(converted);
  let base: string[] | null = null;
  if (baseFile !== null && isEmptyImage(runtimeBaseName(baseFile))) base = [];
  else if (baseFile !== null && (await build(baseFile, baseImage)).status === 0) base = await listFiles(session, docker, baseImage);
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
