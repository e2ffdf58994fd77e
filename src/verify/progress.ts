// What a running verification shows on standard error (never standard output, which carries the diff or
// the machine format): on a terminal one line per running verification, rewritten in place, with the
// build it runs and the builder's current step; elsewhere (CI logs, a file) one plain line each time a
// verification moves on to another phase, and no carriage returns or escape sequences.
import type { Output } from '../cli-io.js';

/** What a verification is doing. */
export type Phase = 'original' | 'converted' | 'running' | 'base' | 'files' | 'libraries';

const PHASES: Record<Phase, string> = {
  original: 'building the original',
  converted: 'building the conversion',
  running: 'running both',
  base: 'building the runtime base alone',
  files: 'comparing files',
  libraries: 'checking libraries',
};

/**
 * The step a build log line starts, or null. BuildKit's `--progress plain`: `#7 [builder 3/5] RUN make`,
 * `#5 [internal] load metadata for docker.io/library/golang:1.22` (not its `#7 DONE 0.3s`, `#7 CACHED`,
 * `#7 0.412 output` lines); the legacy builder's `Step 3/5 : RUN make`.
 */
export function buildStep(line: string): string | null {
  const kit = /^(#\d+) (\[[^\]]+\] .*\S)\s*$/.exec(line);
  if (kit) return `${kit[1]} ${kit[2]}`;
  const legacy = /^(Step \d+\/\d+ : .*\S)\s*$/.exec(line);
  return legacy ? legacy[1]! : null;
}

/** Progress of the verifications of one run. */
export interface VerifyProgress {
  /** A verification (named by its file) enters a phase, or its build a step. */
  update(file: string, phase: Phase, step?: string): void;
  /** A verification ended: its line goes. */
  done(file: string): void;
  /** Take the terminal lines away before something else is written to the terminal. */
  clear(): void;
  /** And put them back after it. */
  redraw(): void;
}

/** The least time between two rewrites of the terminal lines. */
const REDRAW_MS = 100;

/**
 * On a terminal (`stderr.isTTY`): the block of lines, redrawn at most every 100 ms, each cut to the
 * terminal's width so that it stays one line; otherwise plain lines per phase change.
 */
export function verifyProgress(stderr: Output, enabled = true): VerifyProgress {
  if (!enabled) return { update() {}, done() {}, clear() {}, redraw() {} };
  return stderr.isTTY === true ? new TerminalLines(stderr) : new PlainLines(stderr);
}

class PlainLines implements VerifyProgress {
  private readonly phases = new Map<string, Phase>();
  constructor(private readonly out: Output) {}
  update(file: string, phase: Phase): void {
    if (this.phases.get(file) === phase) return;
    this.phases.set(file, phase);
    this.out.write(`dfsplit: verify ${file}: ${PHASES[phase]}\n`);
  }
  done(file: string): void {
    this.phases.delete(file);
  }
  clear(): void {}
  redraw(): void {}
}

class TerminalLines implements VerifyProgress {
  private readonly lines = new Map<string, string>();
  private shown = 0;
  private last = 0;
  private timer: NodeJS.Timeout | null = null;
  private held = false;
  /** What is on the screen now. */
  private text = '';
  constructor(private readonly out: Output) {}

  update(file: string, phase: Phase, step?: string): void {
    this.lines.set(file, `verify ${file}: ${PHASES[phase]}${step ? `  ${step}` : ''}`);
    this.soon();
  }
  done(file: string): void {
    this.lines.delete(file);
    this.soon();
  }
  clear(): void {
    this.held = true;
    if (this.shown) this.out.write(this.erase());
    this.shown = 0;
    this.text = '';
  }
  redraw(): void {
    this.held = false;
    this.draw();
  }

  /** A rewrite now, or when REDRAW_MS have passed since the last one. */
  private soon(): void {
    if (this.held || this.timer) return;
    const wait = this.last + REDRAW_MS - Date.now();
    if (wait <= 0) return this.draw();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.held) this.draw();
    }, wait);
    this.timer.unref();
  }

  private erase(): string {
    return this.shown ? `\x1b[${this.shown}A\r\x1b[J` : '';
  }

  private draw(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.last = Date.now();
    // a terminal of unknown width (0: a pseudo-terminal nobody sized) is taken as 80 columns
    const width = Math.max(20, (this.out.columns || 80) - 1);
    const text = [...this.lines.values()].map((l) => `${l.length > width ? `${l.slice(0, width - 1)}…` : l}\n`).join('');
    if (text === this.text && this.shown === this.lines.size) return;
    this.out.write(this.erase() + text);
    this.text = text;
    this.shown = this.lines.size;
  }
}
