// `dfsplit --interactive` in a real terminal: the built CLI (dist/src/cli.js) runs in a detached tmux
// session on a server of its own (a private socket, killed afterwards), answered with send-keys and read
// with capture-pane. Needs tmux (test/all.sh installs it); skipped without it. About a second.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUESTION } from '../src/cli-interactive.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = join(mkdtempSync(join(tmpdir(), 'tmux-')), 'socket');
// the terminal's environment (the server's, which its panes inherit): a terminal type, colour not turned off
const ENV = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR')), TERM: 'xterm-256color' };

/** tmux on the test's own server; throws when it fails. */
function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-S', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The whole pane, history included, wrapped lines joined; with `-e`, its colours as escape sequences. */
const screen = (...flags: string[]) => tmux('capture-pane', '-p', '-J', '-S', '-', ...flags, '-t', 'dfsplit');

/** The pane once `ready` holds of it, polled every 50 ms for up to 10 s. */
async function waitFor(ready: (text: string) => boolean, what: string): Promise<string> {
  const until = Date.now() + 10_000;
  for (;;) {
    const text = screen();
    if (ready(text)) return text;
    if (Date.now() > until) throw new Error(`no ${what} on the terminal within 10 s; it shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const asked = (n: number) => (text: string) => text.split(QUESTION.trimEnd()).length - 1 >= n;

describe.skipIf(!HAS_TMUX)('dfsplit --interactive in a terminal (tmux)', () => {
  afterAll(() => {
    spawnSync('tmux', ['-S', SOCKET, 'kill-server']);
  });

  it('shows each diff with its proof and savings, writes the file answered y, leaves the one answered n', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dfsplit-tmux-'));
    for (const [sub, example] of [
      ['a', 'go-module'],
      ['b', 'node-build'],
    ]) {
      mkdirSync(join(dir, sub!));
      copyFileSync(join(ROOT, 'examples', example!, 'Dockerfile'), join(dir, sub!, 'Dockerfile'));
    }
    const expected = (await dfsplit(dir, ['--stdout', 'a/Dockerfile'])).stdout;
    const b = readFileSync(join(dir, 'b', 'Dockerfile'), 'utf8');
    // the shell stays after dfsplit ends, so that its last lines and exit code can be read
    const command = `cd ${quote(dir)} && ${quote(process.execPath)} ${quote(CLI)} --interactive .; echo "exit=$?"; exec sleep 600`;
    tmux('new-session', '-d', '-s', 'dfsplit', '-x', '160', '-y', '50', command);

    const first = await waitFor(asked(1), 'first question');
    expect(first).toContain('diff --git a/a/Dockerfile b/a/Dockerfile');
    expect(first).toContain('+FROM gcr.io/distroless/');
    expect(first).toContain('Proof: static');
    expect(first).toContain('Saves: runs on gcr.io/distroless/');
    expect(first).not.toContain('b/Dockerfile');
    // the diff is coloured, as the dry run colours it on a terminal
    // (tmux writes a colour where it changes: the first removed line and the first added one)
    // eslint-disable-next-line no-control-regex
    expect(screen('-e')).toMatch(/\x1b\[[0-9;]*31m-FROM golang:1\.22\n\x1b\[[0-9;]*32m\+FROM golang:1\.22 AS builder\n/);
    tmux('send-keys', '-t', 'dfsplit', 'y', 'Enter');

    const second = await waitFor(asked(2), 'second question');
    expect(second).toContain('a/Dockerfile: changed');
    expect(second).toContain('diff --git a/b/Dockerfile b/b/Dockerfile');
    expect(readFileSync(join(dir, 'a', 'Dockerfile'), 'utf8')).toBe(expected);
    tmux('send-keys', '-t', 'dfsplit', 'n', 'Enter');

    const end = await waitFor((text) => text.includes('exit='), 'exit code');
    expect(end).toMatch(/\ndfsplit: 2 files in \d+\.\d s: 1 written, 1 skipped; not asked: 0 unchanged, 0 declined, 0 errors\nexit=0\n/);
    // the answers as typed, echoed by the terminal after each question
    expect(end).toContain(`${QUESTION}y\n`);
    expect(end).toContain(`${QUESTION}n\n`);
    expect(readFileSync(join(dir, 'a', 'Dockerfile'), 'utf8')).toBe(expected);
    expect(readFileSync(join(dir, 'b', 'Dockerfile'), 'utf8')).toBe(b);
  });
});
