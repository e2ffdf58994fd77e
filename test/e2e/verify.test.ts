// `dfsplit verify` against the real engine: a good conversion passes (exit 0) and says it built with
// BuildKit, a conversion that loses the C library fails (exit 1, naming the missing library), one that
// changes the image configuration fails (exit 1, naming the field), and no engine is exit 2.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { directoryContext } from '../../src/context.js';
import { verify } from '../../src/verify/index.js';
import { REPO_ROOT } from './lib.js';

const cli = join(REPO_ROOT, 'dist/src/cli.js');

describe('dfsplit verify', () => {
  it('passes a conversion that behaves like the original, printing both sizes', () => {
    const r = spawnSync('node', [cli, 'verify', 'examples/go-ubuntu-golang-go/Dockerfile', '--smoke', '2 + 3', '--build-network', 'host'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stderr + r.stdout).toContain('verify: the converted image builds and behaves like the original');
    expect(r.stdout).toMatch(/^builder: BuildKit/m);
    expect(r.stdout).toContain('config: same ENTRYPOINT, CMD, USER, WORKDIR and ENV');
    expect(r.stdout).toMatch(/^original +[\d.]+ MB$/m);
    expect(r.stdout).toMatch(/^converted +[\d.]+ MB/m);
    expect(r.status).toBe(0);
  });

  it('accepts exactly the CMD rewrite a conversion declares (cargo run -> the binary), and no other', async () => {
    const dir = join(REPO_ROOT, 'examples/rust-cargo-run');
    const original = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const r = convert(original, { context: directoryContext(dir) });
    expect(r.status).toBe('changed');
    expect(r.command?.keyword).toBe('CMD');
    const run = async (command: typeof r.command, droppedEnv: readonly string[] = r.saves?.env ?? [], converted = r.output) => {
      const lines: string[] = [];
      const code = await verify({ original, converted, context: dir, smoke: null, buildNetwork: 'host', command, droppedEnv, log: (l) => lines.push(l) });
      return { code, out: lines.join('\n') };
    };
    const declared = await run(r.command);
    expect(declared.out).toContain('CMD rewritten as the conversion declares');
    // the rust image's CARGO_HOME and RUSTUP_HOME stay in the builder as the conversion declares (saves.env)
    expect(r.saves?.env).toEqual(expect.arrayContaining(['CARGO_HOME', 'RUSTUP_HOME']));
    expect(declared.out).toMatch(/left in the builder as the conversion declares: .*CARGO_HOME/);
    expect(declared.out).toContain('verify: the converted image builds and behaves like the original');
    expect(declared.code).toBe(0);
    // the same output without the declaration: the changed CMD is a difference
    const undeclared = await run(null);
    expect(undeclared.out).toMatch(/Cmd: \["cargo","run"/);
    expect(undeclared.code).toBe(1);
    // and the variables left in the builder without their declaration are a difference too
    const envUndeclared = await run(r.command, []);
    expect(envUndeclared.out).toMatch(/ENV CARGO_HOME: \/usr\/local\/cargo vs \(unset\)/);
    expect(envUndeclared.code).toBe(1);
  });

  it('fails a conversion whose binary lost its C library, and names the library', async () => {
    const dir = join(REPO_ROOT, 'examples/go-cgo');
    const original = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const good = convert(original, { context: directoryContext(dir) });
    expect(good.status).toBe('changed');
    // the mistake a hand conversion makes: a cgo binary onto the static (libc-less) image
    const broken = good.output.replace('gcr.io/distroless/base-debian12', 'gcr.io/distroless/static-debian12');
    expect(broken).not.toBe(good.output);
    const lines: string[] = [];
    const code = await verify({ original, converted: broken, context: dir, smoke: ['app', '21'], buildNetwork: 'none', log: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/missing (interpreter|library) .*(ld-linux|libc\.so)/);
    expect(lines.join('\n')).toContain('verify: DIFFERENT');
  });

  it('reports a changed image configuration (exit 1), and builds a file with a # syntax= line offline', async () => {
    const dir = join(REPO_ROOT, 'examples/go-tests-in-build');
    // BuildKit would fetch the frontend image of a `# syntax=` line (no registry here): verify builds a copy without it
    const original = `# syntax=docker/dockerfile:1\n${readFileSync(join(dir, 'Dockerfile'), 'utf8')}`;
    const good = convert(original, { context: directoryContext(dir) });
    expect(good.status).toBe('changed');
    expect(good.output.startsWith('# syntax=docker/dockerfile:1\n')).toBe(true);
    // a hand edit that changes what the container starts in and with, not what it prints
    const drifted = `${good.output.trimEnd()}\nWORKDIR /tmp\nENV MODE=debug\n`;
    const lines: string[] = [];
    const code = await verify({ original, converted: drifted, context: dir, smoke: ['2', '3'], buildNetwork: 'none', log: (l) => lines.push(l) });
    const out = lines.join('\n');
    expect(out).toMatch(/^builder: BuildKit/m);
    expect(out).toContain('smoke: same output and exit code (0): "5"');
    expect(out).toContain('config: DIFFERENT');
    expect(out).toContain('WorkingDir: "/src" vs "/tmp"');
    expect(out).toContain('ENV MODE: (unset) vs debug');
    expect(out).toContain('verify: DIFFERENT');
    expect(code).toBe(1);
  });

  it('exits 2 with a one-line hint when no Docker engine answers', () => {
    const r = spawnSync('node', [cli, 'verify', 'examples/go-ubuntu-golang-go/Dockerfile'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('no Docker engine answers');
  });
});
