// Issue 22: a crash outside convert() is one line and exit 2 (1 means only that --check found changes);
// ids are types; and the main command, explain and verify resolve each file's options the same way.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reason } from '../src/convert.js';
import { InputError } from '../src/errors.js';
import type { Finding } from '../src/messages.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n';
// no engine answers here: verify stops after its conversion step instead of building anything (verify runs
// docker with the process's environment, so a verify that gets that far runs in a process of its own)
const NO_ENGINE = { DOCKER_HOST: 'unix:///nonexistent/dfsplit-test.sock' };

/** The built CLI in a process of its own: for node's own flags (--import) and for verify (NO_ENGINE). */
function spawned(cwd: string, args: string[], env: Record<string, string> = {}, node: string[] = []) {
  const r = spawnSync(process.execPath, [...node, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DFSPLIT_DEBUG: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter(Boolean) };
}

/** In-process (test/shared.ts), for everything else. */
const run = (cwd: string, args: string[]) => dfsplit(cwd, args);

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-errors-'));
  writeFileSync(join(dir, 'Dockerfile'), GO);
  return dir;
}

describe('a crash outside convert()', () => {
  // a module loaded before the CLI (node --import) breaks what main() calls first, outside convert():
  // a bug of the CLI's own, provoked without a hook in the product
  const preload = (body: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'dfsplit-errors-preload-')), 'break.mjs');
    writeFileSync(file, body);
    return ['--import', file];
  };
  it("prints one line and exits 2, not node's 1 with a stack", () => {
    const r = spawned(tmp(), ['Dockerfile'], {}, preload('process.hrtime.bigint = () => { throw new Error("clock broke"); };\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dfsplit: internal error: clock broke (please report; run with DFSPLIT_DEBUG=1 for the stack)\n');
  });
  it('prints the stack as well with DFSPLIT_DEBUG=1', () => {
    const r = spawned(tmp(), ['Dockerfile'], { DFSPLIT_DEBUG: '1' }, preload('process.hrtime.bigint = () => { throw new Error("clock broke"); };\n'));
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe('dfsplit: internal error: clock broke (please report; run with DFSPLIT_DEBUG=1 for the stack)');
    expect(r.stderr).toMatch(/\n\s+at .*cli-run\.js/);
  });
  it("does the same for an error thrown outside a command's promise (an event handler)", () => {
    const r = spawned(tmp(), ['Dockerfile'], {}, preload('process.hrtime.bigint = () => { setImmediate(() => { throw new Error("late"); }); return 0n; };\n'));
    expect(r.code).toBe(2);
    // when the handler runs depends on how far the run got (a status line may come first): the crash
    // itself is one line, the last, and no stack
    expect(r.lines.at(-1)).toBe('dfsplit: internal error: late (please report; run with DFSPLIT_DEBUG=1 for the stack)');
    expect(r.lines.filter((l) => l.includes('internal error') || /^\s+at /.test(l))).toHaveLength(1);
  });
  it("a --config file that does not exist is the user's mistake: one line naming it, exit 2", async () => {
    const dir = tmp();
    const r = await run(dir, ['--config', 'nope.json', 'Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['dfsplit: nope.json: no such file']);
    // and no crash when no file's options are asked for
    mkdirSync(join(dir, 'empty'));
    expect((await run(dir, ['--no-ignore', '--config', 'nope.json', 'empty'])).lines).toEqual(['dfsplit: empty: no Dockerfiles found']);
  });
});

describe('one option resolver for the main command, explain and verify', () => {
  // the configuration's override makes svc/Dockerfile generic, where nothing is left behind; the main
  // command alone used to read it, and explain said `changed` where the main command said `unchanged`
  function repo(): string {
    const dir = tmp();
    mkdirSync(join(dir, 'svc'));
    writeFileSync(join(dir, 'svc', 'Dockerfile'), GO);
    writeFileSync(join(dir, 'dfsplit.config.json'), JSON.stringify({ overrides: [{ files: 'svc/**', preset: 'generic' }] }));
    writeFileSync(join(dir, 'scratch.json'), JSON.stringify({ runtimeBase: 'scratch' }));
    return dir;
  }
  const mainStatus = async (dir: string, ...args: string[]) => (JSON.parse((await run(dir, ['--format', 'json', ...args])).stdout) as { files: { status: string }[] }).files[0]!.status;
  const explained = async (dir: string, ...args: string[]) => {
    const r = await run(dir, ['explain', '--json', ...args]);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { status: string; reasons: { id: string }[]; stages: { image: string; role: string }[] };
  };
  const verifyLine = (dir: string, ...args: string[]) => spawned(dir, ['verify', ...args], NO_ENGINE).lines[0];

  it('agree on a file the configuration overrides', async () => {
    const dir = repo();
    expect(await mainStatus(dir, 'svc/Dockerfile')).toBe('unchanged');
    const e = await explained(dir, 'svc/Dockerfile');
    expect(e.status).toBe('unchanged');
    expect(e.reasons.map((x) => x.id)).toEqual(['nothing-to-leave-behind']);
    expect(verifyLine(dir, 'svc/Dockerfile')).toMatch(/^svc\/Dockerfile: unchanged \(nothing to leave behind/);
    // the file the override does not match converts, in all three
    expect(await mainStatus(dir, 'Dockerfile')).toBe('changed');
    expect((await explained(dir, 'Dockerfile')).status).toBe('changed');
    expect(verifyLine(dir, 'Dockerfile')).toBe('Dockerfile: changed');
  });
  it('--no-config, --config and the command line win alike', async () => {
    const dir = repo();
    expect(await mainStatus(dir, '--no-config', 'svc/Dockerfile')).toBe('changed');
    expect((await explained(dir, '--no-config', 'svc/Dockerfile')).status).toBe('changed');
    expect(verifyLine(dir, '--no-config', 'svc/Dockerfile')).toBe('svc/Dockerfile: changed');
    expect((await explained(dir, '--preset', 'go', 'svc/Dockerfile')).status).toBe('changed');
    expect(verifyLine(dir, '--preset', 'go', 'svc/Dockerfile')).toBe('svc/Dockerfile: changed');
    const runtime = (await explained(dir, '--config', 'scratch.json', 'svc/Dockerfile')).stages.find((s) => s.role === 'runtime');
    expect(runtime?.image).toBe('scratch');
  });
  it('explain and verify take --no-color and --no-js-config', async () => {
    const dir = repo();
    const e = await run(dir, ['explain', '--no-color', 'svc/Dockerfile']);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('nothing to leave behind');
    expect(spawned(dir, ['verify', '--no-color', 'svc/Dockerfile'], NO_ENGINE).code).toBe(0);
    writeFileSync(join(dir, 'svc', 'dfsplit.config.mjs'), 'export default { preset: "generic" };\n');
    for (const args of [
      ['explain', '--no-js-config', 'svc/Dockerfile'],
      ['verify', '--no-js-config', 'svc/Dockerfile'],
      ['--no-js-config', 'svc/Dockerfile'],
    ]) {
      const r = await run(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.lines, args.join(' ')).toEqual([expect.stringMatching(/^dfsplit: svc\/dfsplit\.config\.mjs: a JavaScript configuration runs code/)]);
    }
  });
});

// Compile-time: `npx tsc -p tsconfig.test.json` fails on an unused @ts-expect-error, so each line below
// fails the build the day its id type widens back to string. Never called.
export function misspeltIdsDoNotCompile(): unknown[] {
  return [
    // @ts-expect-error: not a message id
    { id: 'check-faild' } satisfies Finding,
    // @ts-expect-error: not a reason id
    { id: 'unreadabel', message: '' } satisfies Reason,
    // @ts-expect-error: not an input error id
    new InputError('unreadabel', 'cannot read'),
  ];
}
