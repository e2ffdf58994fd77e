// `dfsplit --interactive`, driven in-process (test/shared.ts) with scripted answers on a stream that says it
// is a terminal: what each answer writes or leaves, what is shown before the question, and the refusals.
// test/interactive-tmux.test.ts answers the built CLI in a real terminal.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUESTION } from '../src/cli-interactive.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const UNCHANGED = 'FROM alpine:3.19\nRUN apk add --no-cache curl\nCMD ["sh"]\n';

/** A tree: a/ b/ c/ hold three examples that convert (in this walk order), u/ one that stays unchanged. */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-interactive-'));
  for (const [sub, example] of [
    ['a', 'go-module'],
    ['b', 'node-build'],
    ['c', 'python-venv'],
  ]) {
    mkdirSync(join(dir, sub!));
    copyFileSync(join(ROOT, 'examples', example!, 'Dockerfile'), join(dir, sub!, 'Dockerfile'));
  }
  mkdirSync(join(dir, 'u'));
  writeFileSync(join(dir, 'u', 'Dockerfile'), UNCHANGED);
  return dir;
}

const read = (dir: string, sub: string) => readFileSync(join(dir, sub, 'Dockerfile'), 'utf8');
const original = (example: string) => readFileSync(join(ROOT, 'examples', example, 'Dockerfile'), 'utf8');

/** --interactive on a terminal, answering `answers`. */
const interactive = (dir: string, answers: string, args: string[] = []) => dfsplit(dir, ['--interactive', ...args], { tty: true, answers });

/** What the dry run proposes for a file: its converted text. */
async function proposed(dir: string, sub: string): Promise<string> {
  return (await dfsplit(dir, ['--stdout', `${sub}/Dockerfile`])).stdout;
}

const questions = (stdout: string) => stdout.split(QUESTION).length - 1;

describe('dfsplit --interactive', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('y writes the file as --write would, n leaves it byte for byte; the unchanged file is not asked about', async () => {
    const dir = tree();
    const [a, c] = [await proposed(dir, 'a'), await proposed(dir, 'c')];
    const dry = (await dfsplit(dir, ['b/Dockerfile'])).stdout;
    const r = await interactive(dir, 'y\nn\ny\n');
    expect(r.code).toBe(0);
    expect(read(dir, 'a')).toBe(a);
    expect(read(dir, 'b')).toBe(original('node-build'));
    expect(read(dir, 'c')).toBe(c);
    expect(read(dir, 'u')).toBe(UNCHANGED);
    expect(questions(r.stdout)).toBe(3);
    // each file: the dry run's diff, then its decisions, proof and savings, then the question
    const b = r.stdout.split(QUESTION)[1]!;
    expect(b.startsWith(dry)).toBe(true);
    expect(b).toContain('\nDecisions:\n  - runtime base node:20-slim: the slim variant of node:20 [runtime-base-slim]\n');
    expect(b).toContain('\nProof: static (every fact it relies on is known from data)\n');
    expect(b).toMatch(/\nSaves: runs on node:20-slim instead of node:20 \(base images ≈ 1100 MB → 200 MB\); leaves the build and test tools behind \(npm\)\n$/);
    expect(r.lines).toEqual(['a/Dockerfile: changed', 'c/Dockerfile: changed', expect.stringMatching(/^dfsplit: 4 files in \d+\.\d s: 2 written, 1 skipped; not asked: 1 unchanged, 0 declined, 0 errors$/)]);
  });

  it("y on a file --write refuses is that file's error: exit 2, nothing written, the next file still asked", async () => {
    const dir = tree();
    chmodSync(join(dir, 'a', 'Dockerfile'), 0o444);
    const r = await interactive(dir, 'y\nn\nn\n');
    expect(r.code).toBe(2);
    expect(questions(r.stdout)).toBe(3);
    expect(read(dir, 'a')).toBe(original('go-module'));
    expect(r.lines).toEqual(['dfsplit: a/Dockerfile: is read-only; not writing it', expect.stringMatching(/: 0 written, 2 skipped; not asked: 1 unchanged, 0 declined, 1 error$/)]);
  });

  it('-i is --interactive', async () => {
    const dir = tree();
    const a = await proposed(dir, 'a');
    const r = await dfsplit(dir, ['-i', 'a/Dockerfile'], { tty: true, answers: 'y\n' });
    expect(r.code).toBe(0);
    expect(read(dir, 'a')).toBe(a);
  });

  it('q stops: the files written stay written, the one asked and every later one are left as they are', async () => {
    const dir = tree();
    const a = await proposed(dir, 'a');
    const r = await interactive(dir, 'y\nq\ny\n');
    expect(r.code).toBe(0);
    expect(read(dir, 'a')).toBe(a);
    expect(read(dir, 'b')).toBe(original('node-build'));
    expect(read(dir, 'c')).toBe(original('python-venv'));
    // c was never shown nor asked about
    expect(questions(r.stdout)).toBe(2);
    expect(r.stdout).not.toContain('c/Dockerfile');
    expect(r.lines.at(-1)).toMatch(/: 1 written, 0 skipped; not asked: 0 unchanged, 0 declined, 0 errors; 3 not reviewed \(quit\)$/);
  });

  it('e prints what `dfsplit explain` prints for the file, then asks again', async () => {
    const dir = tree();
    const explained = (await dfsplit(dir, ['explain', 'a/Dockerfile'])).stdout;
    expect(explained).toContain('LINE  INSTRUCTION');
    const r = await interactive(dir, 'e\nn\n', ['a/Dockerfile']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${QUESTION}${explained}${QUESTION}`);
    expect(questions(r.stdout)).toBe(2);
    expect(read(dir, 'a')).toBe(original('go-module'));
    expect(r.lines).toEqual([expect.stringMatching(/: 0 written, 1 skipped;/)]);
  });

  it('an unknown answer (or ?) prints the help and asks again', async () => {
    const dir = tree();
    const a = await proposed(dir, 'a');
    const r = await interactive(dir, 'maybe\n?\n\ny\n', ['a/Dockerfile']);
    expect(r.code).toBe(0);
    expect(questions(r.stdout)).toBe(4);
    const help = r.stdout.split(QUESTION)[1]!;
    expect(help).toMatch(/^y - write this conversion to the file\nn - .*\ne - show explain .*\nq - quit: .*\n\? - print this help\n$/);
    expect(r.stdout.split(QUESTION).slice(1, 4)).toEqual([help, help, help]);
    expect(read(dir, 'a')).toBe(a);
  });

  it('the end of input quits: nothing more is written', async () => {
    const dir = tree();
    const r = await interactive(dir, 'n\n');
    expect(r.code).toBe(0);
    expect(questions(r.stdout)).toBe(2);
    for (const [sub, example] of [
      ['a', 'go-module'],
      ['b', 'node-build'],
      ['c', 'python-venv'],
    ]) {
      expect(read(dir, sub!)).toBe(original(example!));
    }
    expect(r.lines.at(-1)).toMatch(/: 0 written, 1 skipped; not asked: 0 unchanged, 0 declined, 0 errors; 3 not reviewed \(quit\)$/);
  });

  it('--verify builds first and asks only about verified files: with no Docker engine, it stops before any question', async () => {
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/dfsplit-test.sock');
    const dir = tree();
    const r = await interactive(dir, 'y\ny\ny\n', ['--verify', 'a/Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([expect.stringMatching(/^dfsplit: --verify needs a Docker engine, and none answers/)]);
    expect(questions(r.stdout)).toBe(0);
    expect(read(dir, 'a')).toBe(original('go-module'));
  });

  it.each([
    [['--write'], '--interactive and --write cannot be used together: --write writes every file without asking'],
    [['--check'], '--interactive and --check cannot be used together: --check only reports'],
    [['--stdout'], '--interactive and --stdout cannot be used together: --stdout prints the result instead of writing it'],
    [['--json'], '--interactive and --json cannot be used together: --json prints a document, the review is text on a terminal'],
    [['--format', 'markdown'], '--interactive and --format markdown cannot be used together: --format markdown prints a report, the review is text on a terminal'],
    [['--quiet'], '--interactive and --quiet cannot be used together: --quiet hides the diffs the review shows'],
    [['-'], '--interactive and - (stdin) cannot be used together: standard input holds the answers, and there is no file to write'],
  ])('refuses %j with one line, exit 2, nothing written', async (args, line) => {
    const dir = tree();
    const r = await interactive(dir, 'y\ny\ny\n', args);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([`dfsplit: ${line}`]);
    expect(r.stdout).toBe('');
    expect(read(dir, 'a')).toBe(original('go-module'));
  });

  it('refuses to run without a terminal on standard output or standard input', async () => {
    const dir = tree();
    const noOut = await dfsplit(dir, ['--interactive'], { tty: false, answers: 'y\n' });
    expect([noOut.code, noOut.lines, noOut.stdout]).toEqual([2, ['dfsplit: --interactive needs a terminal: standard output is not a TTY'], '']);
    const noIn = await dfsplit(dir, ['--interactive'], { tty: true, answers: 'y\n', answersTTY: false });
    expect([noIn.code, noIn.lines, noIn.stdout]).toEqual([2, ['dfsplit: --interactive needs a terminal: standard input is not a TTY'], '']);
    expect(read(dir, 'a')).toBe(original('go-module'));
  });
});
