// Everything one verification makes (a temporary directory, images, containers, running docker
// commands), so that every way out removes it: the end of the comparison, an exception, and SIGINT,
// SIGTERM or SIGHUP in the middle of a build or a run. Containers and images carry the label
// `dfsplit.verify=<id>` (the id starts with the process id), so a container the engine made for a
// `docker run` that was killed before it printed an id is found as well, and after a `kill -9` the
// leftovers can be found by hand: `docker ps -a --filter label=dfsplit.verify`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';

export const LABEL = 'dfsplit.verify';

/**
 * Limits for every container verify starts: the same for the original and the conversion, so they stay
 * a fair comparison, and a program that forks or allocates without end stops there instead of taking
 * the machine with it.
 */
export const CONTAINER_LIMITS = ['--memory', '1g', '--pids-limit', '512'] as const;

export interface Ran {
  /** Exit code; null when killed (a timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** What the comparison runs docker commands with. */
export type Docker = (args: string[]) => Promise<Ran>;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let sessions = 0;

/**
 * The sessions not yet closed. One signal handler serves them all while any is open, so that verifications
 * running side by side (`--verify --jobs N`) are all stopped and removed before the process exits.
 */
const live = new Set<VerifySession>();
let stopping = false;

function onSignal(signal: NodeJS.Signals): void {
  const code = 128 + (constants.signals[signal] ?? 0);
  // a second signal while cleaning up: the user wants out now
  if (stopping) process.exit(code);
  stopping = true;
  process.stderr.write(`dfsplit: ${signal}: stopping verify and removing its containers, images and temporary files\n`);
  void cleanAll().finally(() => process.exit(code));
}

/** Every open session cleaned up, those opened meanwhile too. */
async function cleanAll(): Promise<void> {
  for (let done = new Set<VerifySession>(); [...live].some((s) => !done.has(s));) {
    const now = [...live];
    await Promise.all(now.map((s) => s.interrupt()));
    done = new Set(now);
  }
}

export class VerifySession {
  readonly id = `${process.pid}-${Date.now()}-${++sessions}`;
  /** `docker build --label` / `docker run --label` value. */
  readonly label = `${LABEL}=${this.id}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'dfsplit-verify-'));
  /** Image tags this session builds (removed even when the build was cut short). */
  readonly images = new Set<string>();
  private readonly running = new Set<ChildProcess>();
  private interrupted = false;
  private cleaning: Promise<void> | null = null;

  /** client: the docker command every later one uses (the one that builds), the cleanup too. */
  constructor(readonly client: string) {
    if (!live.size) for (const s of SIGNALS) process.on(s, onSignal);
    live.add(this);
    // opened while a signal's cleanup runs: it is removed with the others
    if (stopping) void this.interrupt();
  }

  /** `docker run`/`docker create` options: the label and the limits. */
  containerOptions(): string[] {
    return ['--label', this.label, ...CONTAINER_LIMITS];
  }

  /**
   * Run a command in its own process group (a Ctrl-C reaches dfsplit, which then stops the whole group:
   * `docker export | tar` included). After an interruption it never settles: the process is exiting.
   */
  run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Ran> {
    if (this.interrupted) return new Promise(() => {});
    return new Promise((resolve) => {
      const child = spawn(command, args, { env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      this.running.add(child);
      const out = new Collected(options.keepBytes, options.onLine);
      const err = new Collected(options.keepBytes, options.onLine);
      child.stdout!.on('data', (b: Buffer) => out.add(b));
      child.stderr!.on('data', (b: Buffer) => err.add(b));
      const timer = options.timeoutMs ? setTimeout(() => stop(child, 'SIGKILL'), options.timeoutMs) : null;
      const done = (status: number | null, error?: Error) => {
        if (timer) clearTimeout(timer);
        this.running.delete(child);
        if (this.interrupted) return;
        resolve({ status, stdout: out.text(), stderr: error ? String(error.message) : err.text() });
      };
      child.on('error', (e) => done(127, e));
      child.on('close', (code) => done(code));
    });
  }

  /** Stop what still runs, remove the containers, images and directory; the same promise every time. */
  cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      const children = [...this.running];
      for (const c of children) stop(c, 'SIGINT');
      await Promise.all(children.map((c) => exited(c, 2000)));
      const plain = (args: string[]) =>
        new Promise<string>((resolve) => {
          const c = spawn(this.client, args, { stdio: ['ignore', 'pipe', 'ignore'] });
          const out: Buffer[] = [];
          c.stdout.on('data', (b: Buffer) => out.push(b));
          c.on('error', () => resolve(''));
          c.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
        });
      const ids = (text: string) => text.split(/\s+/).filter(Boolean);
      const containers = ids(await plain(['ps', '-aq', '--filter', `label=${this.label}`]));
      if (containers.length) await plain(['rm', '-f', ...containers]);
      const images = [...this.images, ...ids(await plain(['image', 'ls', '-q', '--filter', `label=${this.label}`]))];
      if (images.length) await plain(['image', 'rm', '-f', ...new Set(images)]);
      rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.cleaning;
  }

  /** The normal way out: clean up and stop listening for signals (once no other session is open). */
  async close(): Promise<void> {
    try {
      await this.cleanup();
    } finally {
      live.delete(this);
      if (!live.size && !stopping) for (const s of SIGNALS) process.off(s, onSignal);
    }
  }

  /** A signal: nothing it runs settles any more, and everything it made is removed. */
  interrupt(): Promise<void> {
    this.interrupted = true;
    return this.cleanup();
  }
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Keep only about the last this many bytes of each stream (a build's log: its tail tells why it failed). */
  keepBytes?: number;
  /** Each complete line of either stream, as it comes (a build's progress). */
  onLine?: (line: string) => void;
}

/** One stream of a command: its text (or the tail of it), and its lines handed on as they come. */
class Collected {
  private chunks: Buffer[] = [];
  private size = 0;
  private partial = '';
  constructor(
    private readonly keep: number | undefined,
    private readonly onLine: ((line: string) => void) | undefined,
  ) {}

  add(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
    if (this.keep !== undefined && this.size > 2 * this.keep) {
      const all = Buffer.concat(this.chunks);
      this.chunks = [all.subarray(all.length - this.keep)];
      this.size = this.keep;
    }
    if (!this.onLine) return;
    const lines = (this.partial + b.toString('utf8')).split(/\r?\n|\r/);
    this.partial = lines.pop()!;
    for (const line of lines) this.onLine(line);
  }

  text(): string {
    if (this.partial && this.onLine) this.onLine(this.partial);
    this.partial = '';
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Signal a child's whole process group (it was started detached), or the child when that fails. */
function stop(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Resolves when the child has exited, killing its group after `ms`. */
function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop(child, 'SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
