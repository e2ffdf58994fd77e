// Helpers for the real-Docker e2e suite (see test/e2e/infra/README.md).
// Everything runs with --network none, except builds that must reach the loopback apt/pip mirrors
// (--network host, only ever used against 127.0.0.1).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripSyntaxDirective } from '../../src/verify/syntax-directive.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = process.env.E2E_CACHE ?? join(REPO_ROOT, '.e2e-cache');

/**
 * Builds run under BuildKit, Docker's default builder since Docker 23, which builds only the stages the
 * target depends on (a builder stage nothing is copied from is skipped, tests and all). Debian's own
 * client (/usr/bin/docker, 20.10) drives the daemon's built-in BuildKit with DOCKER_BUILDKIT=1; a newer
 * client elsewhere on PATH refuses without buildx, so every docker command here goes through DOCKER.
 * E2E_LEGACY=1 runs the legacy builder instead (it builds every stage, so it cannot show a skipped one).
 */
export const LEGACY = process.env.E2E_LEGACY === '1';
export const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

/**
 * A `# syntax=` directive makes BuildKit fetch a frontend image from a registry, which fails offline:
 * returns the path of a copy without it, written into workDir (or the file itself when it has none).
 * The stripping is the product's own (src/verify/syntax-directive.ts), shared with `dfsplit verify`.
 */
function withoutSyntaxDirective(dockerfile: string, workDir: string): string {
  const text = readFileSync(dockerfile, 'utf8');
  const stripped = stripSyntaxDirective(text);
  if (stripped === text) return dockerfile;
  mkdirSync(workDir, { recursive: true });
  const copy = join(workDir, 'Dockerfile.nosyntax');
  writeFileSync(copy, stripped);
  return copy;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  input?: string;
  timeoutMs?: number;
  /** also append stdout+stderr to this file */
  logFile?: string;
  env?: NodeJS.ProcessEnv;
}

/** Run a command without a shell; never throws for a non-zero exit. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, DOCKER_BUILDKIT: LEGACY ? '0' : '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let log: ReturnType<typeof createWriteStream> | undefined;
    if (opts.logFile) {
      mkdirSync(dirname(opts.logFile), { recursive: true });
      log = createWriteStream(opts.logFile, { flags: 'a' });
      log.write(`$ ${cmd} ${args.join(' ')}\n`);
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      log?.write(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      log?.write(b);
    });
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.on('error', rej);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const r: RunResult = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        ms: Date.now() - t0,
      };
      log?.end(`\n[exit ${r.code}${timedOut ? ' (timeout)' : ''} after ${r.ms} ms]\n`);
      res(r);
    });
    // a command that exits without reading its input (docker run of a short program) closes the pipe:
    // EPIPE on stdin is no failure of the command, which the exit code reports
    child.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') rej(e);
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Like run() but throws with the output tail when the command fails. */
export async function runOk(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) {
    const tail = (r.stdout + '\n' + r.stderr).trim().split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}${r.timedOut ? ' (timeout)' : ''}` + `${opts.logFile ? ` (log: ${opts.logFile})` : ''}\n${tail}`);
  }
  return r;
}

export type BuildNetwork = 'none' | 'host';

export interface BuildOptions {
  context: string;
  tag: string;
  /** Dockerfile path; default <context>/Dockerfile */
  dockerfile?: string;
  network?: BuildNetwork;
  logFile?: string;
  timeoutMs?: number;
  /** --build-arg NAME=VALUE for each entry */
  buildArgs?: Record<string, string>;
}

function buildArgs(o: BuildOptions): string[] {
  const net = o.network ?? 'none';
  if (net !== 'none' && net !== 'host') throw new Error(`refusing build network ${String(net)}`);
  const file = withoutSyntaxDirective(o.dockerfile ?? join(o.context, 'Dockerfile'), join(CACHE_DIR, 'work', 'nosyntax', o.tag.replace(/[/:]/g, '_')));
  const args = Object.entries(o.buildArgs ?? {}).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
  return ['build', ...(LEGACY ? [] : ['--progress', 'plain']), '--network', net, ...args, '-t', o.tag, '-f', file, o.context];
}

/** docker build under BuildKit (see LEGACY); "host" only reaches our loopback mirrors. Throws when the build fails. */
export async function dockerBuild(o: BuildOptions): Promise<RunResult> {
  return runOk(DOCKER, buildArgs(o), { logFile: o.logFile, timeoutMs: o.timeoutMs ?? 30 * 60_000 });
}

/** Like dockerBuild, but returns the result when the build fails instead of throwing. */
export async function dockerBuildResult(o: BuildOptions): Promise<RunResult> {
  return run(DOCKER, buildArgs(o), { logFile: o.logFile, timeoutMs: o.timeoutMs ?? 30 * 60_000 });
}

export interface DockerRunOptions {
  entrypoint?: string;
  args?: string[];
  timeoutMs?: number;
  logFile?: string;
  /** -v HOST:CONTAINER for each entry */
  volumes?: [string, string][];
  /** --user UID:GID */
  user?: string;
}

let runSeq = 0;
/** docker run --rm --network none IMAGE [args]; kills the container on timeout. */
export async function dockerRun(image: string, o: DockerRunOptions = {}): Promise<RunResult> {
  const name = `dfsplit-e2e-${process.pid}-${++runSeq}`;
  const args = ['run', '--rm', '--network', 'none', '--name', name];
  if (o.entrypoint !== undefined) args.push('--entrypoint', o.entrypoint);
  for (const [host, inside] of o.volumes ?? []) args.push('-v', `${host}:${inside}`);
  if (o.user) args.push('--user', o.user);
  args.push(image, ...(o.args ?? []));
  const r = await run(DOCKER, args, { timeoutMs: o.timeoutMs ?? 120_000, logFile: o.logFile });
  if (r.timedOut) await run(DOCKER, ['rm', '-f', name]);
  return r;
}

export async function imageSize(tag: string): Promise<number> {
  const r = await runOk(DOCKER, ['image', 'inspect', '-f', '{{.Size}}', tag]);
  return Number(r.stdout.trim());
}

export async function imageEnv(tag: string): Promise<Record<string, string>> {
  const r = await runOk(DOCKER, ['image', 'inspect', '-f', '{{json .Config.Env}}', tag]);
  const env: Record<string, string> = {};
  for (const kv of (JSON.parse(r.stdout) as string[] | null) ?? []) {
    const i = kv.indexOf('=');
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

export async function removeImage(tag: string): Promise<void> {
  await run(DOCKER, ['image', 'rm', '-f', tag]);
}

/** Pipe `docker export` of a fresh (never started) container of `tag` into `tar ...tarArgs`. Works on images without a shell. */
async function exportInto(tag: string, tarArgs: string[]): Promise<RunResult> {
  const cid = (await runOk(DOCKER, ['create', tag, '/nonexistent'])).stdout.trim();
  try {
    return await runOk('bash', ['-c', `set -o pipefail; "$1" export "$0" | tar ${tarArgs.map((a) => `'${a}'`).join(' ')}`, cid, DOCKER], { timeoutMs: 600_000 });
  } finally {
    await run(DOCKER, ['rm', '-f', cid]);
  }
}

/** Extract the image's filesystem into `dir` (emptied first) and return dir. */
export async function exportImageFs(tag: string, dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await exportInto(tag, ['-x', '-C', dir, '--exclude=dev/*', '--no-same-owner']);
  return dir;
}

// The ELF checks are the product's own (src/verify/elf.ts), shared with `dfsplit verify`.
export { pathExistsInRoot, checkElfDeps } from '../../src/verify/elf.js';

export function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
