// `dfsplit verify`: build the original and the converted Dockerfile with the user's own Docker engine,
// run both, compare what they do, check the converted image's shared libraries, report both sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkElfDeps, type ElfProblem } from './elf.js';
import { imageConfig, METADATA_ENV } from '../knowledge/image-config.js';
import { stripSyntaxDirective } from './syntax-directive.js';
import { compareStarts } from './probe.js';

export interface VerifyInput {
  /** Dockerfile text as it is, and as dfsplit converted it. */
  original: string;
  converted: string;
  /** Build context directory. */
  context: string;
  /** Arguments for `docker run IMAGE ...`; null: start both and check they stay up alike. */
  smoke: string[] | null;
  /** `docker build --network` value (default: the engine's default). */
  buildNetwork: string | null;
  /** The CMD/ENTRYPOINT rewrite the conversion declares (ConvertResult.command): that one setting may differ. */
  command?: { keyword: string; to: string } | null;
  /** Where the report goes. */
  log: (line: string) => void;
}

/** 0: same behaviour; 1: the converted image differs or fails; 2: no Docker engine. */
export function verify(input: VerifyInput): number {
  const outcome = compareBuilds(input);
  for (const line of outcome.lines) input.log(line);
  return outcome.kind === 'same' ? 0 : outcome.kind === 'no-engine' ? 2 : 1;
}

/** What a comparison found: the report lines and, when it is not `same`, the first difference. */
export interface VerifyOutcome {
  kind: 'same' | 'different' | 'original-failed' | 'no-engine';
  lines: string[];
  /** One line: the first difference, or why the original could not be built. */
  first: string | null;
}

/** Build both, compare configuration, behaviour and libraries; remove the images afterwards. */
export function compareBuilds(input: Omit<VerifyInput, 'log'>): VerifyOutcome {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  client = 'docker';
  const info = docker(['info', '--format', '{{.ServerVersion}}']);
  if (info.status !== 0) {
    log('dfsplit: no Docker engine answers; start one (e.g. `sudo systemctl start docker`, or `dockerd &`) and try again');
    return { kind: 'no-engine', lines, first: 'no Docker engine answers' };
  }
  const builder = chooseBuilder(info.stdout.trim());
  client = builder.command;
  log(`builder: ${builder.name}`);
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-verify-'));
  const tag = `dfsplit-verify/${process.pid}-${Date.now()}`;
  const images = { original: `${tag}:original`, converted: `${tag}:converted` };
  try {
    for (const [role, text] of [['original', input.original], ['converted', input.converted]] as const) {
      const file = join(dir, `${role}.Dockerfile`);
      // a `# syntax=` line would make BuildKit fetch a frontend image: build a copy without it
      writeFileSync(file, stripSyntaxDirective(text));
      const b = spawnSync(builder.command, [...builder.args, '-q', ...(input.buildNetwork ? ['--network', input.buildNetwork] : []), '-t', images[role], '-f', file, input.context], { encoding: 'utf8', env: builder.env, maxBuffer: 256 * 1024 * 1024 });
      if (b.status !== 0) {
        log(`${role}: build failed\n${tail(b.stderr)}`);
        const last = lastError(b.stderr);
        return role === 'original'
          ? { kind: 'original-failed', lines, first: `the original does not build here (${last})` }
          : { kind: 'different', lines, first: `the conversion does not build (${last})` };
      }
    }
    const sizes = { original: size(images.original), converted: size(images.converted) };
    log(`original   ${mb(sizes.original)} MB`);
    log(`converted  ${mb(sizes.converted)} MB  (${sizes.original ? ((1 - sizes.converted / sizes.original) * 100).toFixed(1) : '?'}% smaller)`);
    const config = compareConfig(images, input.converted, input.command ?? null);
    log(config.message);
    const behaviour = input.smoke ? compareRuns(images, input.smoke) : compareStarts(images, docker);
    log(behaviour.message);
    const libs = libraryProblems(images, dir);
    log(libs.length ? `libraries: ${libs.length} missing in the converted image:\n${libs.map((p) => `  ${p.file}: ${p.problem}`).join('\n')}` : 'libraries: every ELF interpreter and needed library is present');
    const ok = config.same && behaviour.same && libs.length === 0;
    log(ok ? 'verify: the converted image builds and behaves like the original' : 'verify: DIFFERENT');
    const first = ok ? null : [config, behaviour].find((x) => !x.same)?.message.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ') ?? `libraries: ${libs[0]!.file}: ${libs[0]!.problem}`;
    return { kind: ok ? 'same' : 'different', lines, first };
  } finally {
    docker(['image', 'rm', '-f', images.original, images.converted]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The build's own error line (BuildKit's `ERROR: ...` / `error: ...`), else its last line. */
function lastError(stderr: string): string {
  const lines = stderr.trim().split('\n').map((l) => l.trim()).filter(Boolean);
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
  const legacy = (why: string) => ({ name: `legacy (${why}: a builder stage is built even when nothing is copied from it)`, command: 'docker', args: ['build'], env: { ...process.env, DOCKER_BUILDKIT: '0' } });
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
function compareConfig(images: { original: string; converted: string }, converted: string, command: { keyword: string; to: string } | null): { same: boolean; message: string } {
  const cfg = (image: string) => JSON.parse(docker(['image', 'inspect', '-f', '{{json .Config}}', image]).stdout || '{}') as Record<string, unknown>;
  const a = cfg(images.original);
  const b = cfg(images.converted);
  const diffs: string[] = [];
  // the one declared change: the built program in place of the command that built and ran it
  const rewritten = command ? (command.keyword === 'CMD' ? 'Cmd' : 'Entrypoint') : null;
  for (const k of ['Entrypoint', 'Cmd', 'User', 'WorkingDir']) {
    if (k === rewritten) continue;
    if (JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)) diffs.push(`${k}: ${JSON.stringify(a[k] ?? null)} vs ${JSON.stringify(b[k] ?? null)}`);
  }
  const base = /^FROM\s+(?:--\S+\s+)*(\S+)/gim;
  const runtimeImage = [...converted.matchAll(base)].pop()?.[1];
  // BuildKit keeps the base images it pulls to itself (not in `docker image ls`): then the image table says
  const inspected = runtimeImage && runtimeImage !== 'scratch' ? (cfg(runtimeImage).Env as string[] | null | undefined) : [];
  const known = runtimeImage ? Object.entries(imageConfig(runtimeImage)?.env ?? {}).map(([k, v]) => `${k}=${v}`) : [];
  const baseEnv = new Set(inspected ?? known);
  const map = (env: unknown) => new Map(((env as string[] | null) ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const [x, y] = [map(a.Env), map(b.Env)];
  for (const [k, v] of x) if (!METADATA_ENV.test(k) && y.get(k) !== v) diffs.push(`ENV ${k}: ${v} vs ${y.get(k) ?? '(unset)'}`);
  for (const [k, v] of y) if (!x.has(k) && !METADATA_ENV.test(k) && !baseEnv.has(`${k}=${v}`)) diffs.push(`ENV ${k}: (unset) vs ${v}`);
  const note = command ? ` (${command.keyword} rewritten as the conversion declares: ${command.to})` : '';
  return diffs.length ? { same: false, message: `config: DIFFERENT\n${diffs.map((d) => `  ${d}`).join('\n')}` } : { same: true, message: `config: same ENTRYPOINT, CMD, USER, WORKDIR and ENV${note}` };
}

/** The client every docker command uses: `docker` until chooseBuilder picks the one that builds. */
let client = 'docker';

function docker(args: string[]) {
  return spawnSync(client, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function size(image: string): number {
  return Number(docker(['image', 'inspect', '-f', '{{.Size}}', image]).stdout.trim()) || 0;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}

function compareRuns(images: { original: string; converted: string }, args: string[]): { same: boolean; message: string } {
  const run = (image: string) => docker(['run', '--rm', '--network', 'none', image, ...args]);
  const a = run(images.original);
  const b = run(images.converted);
  const same = a.status === b.status && a.stdout === b.stdout;
  if (same) return { same, message: `smoke: same output and exit code (${a.status}): ${JSON.stringify(a.stdout.trim().slice(0, 200))}` };
  return { same, message: `smoke: DIFFERENT\n  original  exit ${a.status}: ${JSON.stringify(a.stdout.trim().slice(0, 300))} ${a.stderr.trim().slice(0, 200)}\n  converted exit ${b.status}: ${JSON.stringify(b.stdout.trim().slice(0, 300))} ${b.stderr.trim().slice(0, 200)}` };
}

/** Libraries missing in the converted image that the original did not miss for the same file. */
function libraryProblems(images: { original: string; converted: string }, dir: string): ElfProblem[] {
  const converted = extract(images.converted, join(dir, 'converted-fs'));
  const found = checkElfDeps(converted, ['/']).problems.filter((p) => p.problem !== 'path does not exist in image');
  if (!found.length) return [];
  const original = extract(images.original, join(dir, 'original-fs'));
  const before = new Set(checkElfDeps(original, [...new Set(found.map((p) => p.file))].filter((f) => f)).problems.map((p) => `${p.file}\0${p.problem}`));
  return found.filter((p) => !before.has(`${p.file}\0${p.problem}`));
}

function extract(image: string, into: string): string {
  const id = docker(['create', image, '/x']).stdout.trim();
  try {
    spawnSync('mkdir', ['-p', into]);
    spawnSync('sh', ['-c', `"$3" export "$1" | tar -x -C "$2" --exclude='dev/*' --no-same-owner 2>/dev/null`, 'sh', id, into, client]);
  } finally {
    docker(['rm', '-f', id]);
  }
  return into;
}
