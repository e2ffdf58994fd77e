// `--check --fail-on` (issue 25): the statuses that fail a check run, from the command line or the
// configuration's failOn; changed and declined exit 1, an error exits 2, a usage mistake is one line, exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dfsplit } from './shared.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
const PLAIN = 'FROM alpine:3.19\nRUN apk add --no-cache curl\nCMD ["sh"]\n';
const DECLINED = readFileSync(join(FIXTURES, 'apt-install-without-update-declined', 'input.Dockerfile'), 'utf8');
/** Named like a Dockerfile, found by the walk, but not one: an error of its own when named. */
const NOT_DOCKERFILE = 'FROM debian:bookworm\nRUN \u0000\n';

/** A directory holding one Dockerfile per name given. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-fail-on-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const code = async (dir: string, args: string[]) => (await dfsplit(dir, args)).code;

describe('--check --fail-on', () => {
  it('by default fails on changed (1) and errors (2), not on declined', async () => {
    expect(await code(tree({ 'a.Dockerfile': PLAIN, 'b.Dockerfile': DECLINED }), ['--check', '.'])).toBe(0);
    expect(await code(tree({ 'a.Dockerfile': GO, 'b.Dockerfile': DECLINED }), ['--check', '.'])).toBe(1);
    expect(await code(tree({ Dockerfile: NOT_DOCKERFILE }), ['--check', 'Dockerfile'])).toBe(2);
  });

  it('declined fails the run with exit 1 when listed', async () => {
    const dir = tree({ 'a.Dockerfile': PLAIN, 'b.Dockerfile': DECLINED });
    const r = await dfsplit(dir, ['--check', '--fail-on', 'changed,declined,error', '.']);
    expect(r.code).toBe(1);
    expect(r.lines.some((l) => l.startsWith('b.Dockerfile: declined:'))).toBe(true);
    expect(await code(dir, ['--check', '--fail-on=declined', '.'])).toBe(1);
    // repeatable, with spaces after the commas
    expect(await code(dir, ['--check', '--fail-on', 'changed', '--fail-on', 'error, declined', '.'])).toBe(1);
    // a tree with no declined file passes
    expect(await code(tree({ 'a.Dockerfile': PLAIN }), ['--check', '--fail-on', 'changed,declined,error', '.'])).toBe(0);
  });

  it('a status left out of the list does not fail the run', async () => {
    expect(await code(tree({ Dockerfile: GO }), ['--check', '--fail-on', 'declined', '.'])).toBe(0);
    expect(await code(tree({ Dockerfile: GO }), ['--check', '--fail-on', 'declined,error', '.'])).toBe(0);
    expect(await code(tree({ Dockerfile: NOT_DOCKERFILE }), ['--check', '--fail-on', 'changed', 'Dockerfile'])).toBe(0);
    // the error is still printed
    const r = await dfsplit(tree({ Dockerfile: NOT_DOCKERFILE }), ['--check', '--fail-on', 'changed', 'Dockerfile']);
    expect(r.lines[0]).toMatch(/^dfsplit: Dockerfile:2: /);
  });

  it('the worst status listed decides: an error (2) over a change (1)', async () => {
    const dir = tree({ 'a.Dockerfile': GO, 'b.Dockerfile': DECLINED });
    writeFileSync(join(dir, 'c.Dockerfile'), NOT_DOCKERFILE);
    expect(await code(dir, ['--check', '--fail-on', 'declined', 'a.Dockerfile', 'b.Dockerfile', 'c.Dockerfile'])).toBe(1);
    expect(await code(dir, ['--check', 'a.Dockerfile', 'b.Dockerfile', 'c.Dockerfile'])).toBe(2);
  });

  it('a path that names nothing exits 2 whatever the list (a mistake in the command, not a file status)', async () => {
    expect(await code(tree({ Dockerfile: PLAIN }), ['--check', '--fail-on', 'changed', 'missing.Dockerfile', 'Dockerfile'])).toBe(2);
  });

  it('the machine formats exit the same', async () => {
    const dir = tree({ 'b.Dockerfile': DECLINED });
    const r = await dfsplit(dir, ['--check', '--fail-on', 'declined', '--format', 'github', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::notice file=b\.Dockerfile,/m);
  });

  it('an unknown status, an empty list or --fail-on without --check is a one-line usage error, exit 2', async () => {
    const dir = tree({ Dockerfile: GO });
    for (const [args, message] of [
      [['--check', '--fail-on', 'changed,unchanged', '.'], 'dfsplit: --fail-on takes a comma-separated list of changed, declined, error; got "unchanged"\n'],
      [['--check', '--fail-on', '', '.'], 'dfsplit: --fail-on takes a comma-separated list of changed, declined, error; got ""\n'],
      [['--check', '--fail-on=changed,', '.'], 'dfsplit: --fail-on takes a comma-separated list of changed, declined, error; got ""\n'],
      [['--fail-on', 'declined', '.'], 'dfsplit: --fail-on applies only to --check: it chooses the statuses that fail the check\n'],
    ] as const) {
      const r = await dfsplit(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(message);
      expect(r.stdout).toBe('');
    }
  });

  it('from the configuration (failOn), the command line winning; validated like every key', async () => {
    const dir = tree({ 'b.Dockerfile': DECLINED, 'dfsplit.config.json': JSON.stringify({ failOn: ['changed', 'declined'] }) });
    expect(await code(dir, ['--check', '.'])).toBe(1);
    expect(await code(dir, ['--check', '--fail-on', 'changed', '.'])).toBe(0);
    expect(await code(dir, ['--check', '--no-config', '.'])).toBe(0);
    // without --check it changes nothing: only errors fail a dry run
    expect(await code(dir, ['.'])).toBe(0);
    writeFileSync(join(dir, 'dfsplit.config.json'), JSON.stringify({ failOn: ['unchanged'] }));
    const r = await dfsplit(dir, ['--check', '.']);
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^dfsplit: dfsplit\.config\.json: failOn\[0\]: /);
  });
});
