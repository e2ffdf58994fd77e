// `dfsplit verify` against the real engine: a good conversion passes (exit 0), a conversion that
// loses the C library fails (exit 1, naming the missing library), and no engine is exit 2.
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

  it('fails a conversion whose binary lost its C library, and names the library', () => {
    const dir = join(REPO_ROOT, 'examples/go-cgo');
    const original = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const good = convert(original, { context: directoryContext(dir) });
    expect(good.status).toBe('changed');
    // the mistake a hand conversion makes: a cgo binary onto the static (libc-less) image
    const broken = good.output.replace('gcr.io/distroless/base-debian12', 'gcr.io/distroless/static-debian12');
    expect(broken).not.toBe(good.output);
    const lines: string[] = [];
    const code = verify({ original, converted: broken, context: dir, smoke: ['app', '21'], buildNetwork: 'none', log: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/missing (interpreter|library) .*(ld-linux|libc\.so)/);
    expect(lines.join('\n')).toContain('verify: DIFFERENT');
  });

  it('exits 2 with a one-line hint when no Docker engine answers', () => {
    const r = spawnSync('node', [cli, 'verify', 'examples/go-ubuntu-golang-go/Dockerfile'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('no Docker engine answers');
  });
});
