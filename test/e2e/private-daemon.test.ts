// The suite never touches the engine it runs on: every docker command (lib.ts, and `dfsplit verify` in the
// processes the tests start) goes to the suite's own dockerd, whose data-root is .e2e-cache/docker, and the
// stand-ins reach the loopback mirrors (apt, pypi, npm, git) on the ports setup.sh picked, not on fixed ones.
// (run.sh also checks, after the run, that no image name the suite uses changed on the default engine.)
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, DOCKER, REPO_ROOT, runOk } from './lib.js';

const setupEnv = Object.fromEntries(
  readFileSync(join(CACHE_DIR, 'e2e.env'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

function httpStatus(url: string): Promise<number> {
  return new Promise((res, rej) => {
    request(url, { method: 'HEAD', timeout: 5000 }, (r) => {
      r.resume();
      res(r.statusCode ?? 0);
    })
      .on('error', rej)
      .end();
  });
}

describe("the suite's own dockerd", () => {
  it('is what DOCKER_HOST names, for the tests and the processes they start, and is not the default engine', async () => {
    expect(setupEnv.DOCKER_HOST).toMatch(/^unix:\/\/\/run\/dfsplit-e2e-[0-9a-f]{8}\/docker\.sock$/);
    expect(process.env.DOCKER_HOST).toBe(setupEnv.DOCKER_HOST);
    const child = spawnSync('node', ['-e', "process.stdout.write(process.env.DOCKER_HOST ?? '')"], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(child.stdout).toBe(setupEnv.DOCKER_HOST);
    // the daemon answering there keeps its data in the cache directory, as the suite's own one does
    const root = (await runOk(DOCKER, ['info', '-f', '{{.DockerRootDir}}'])).stdout.trim();
    expect(root).toBe(realpathSync(join(CACHE_DIR, 'docker')));
  });

  it('holds the stand-ins, pointed at the loopback mirrors on the ports setup.sh picked', async () => {
    const apt = Number(setupEnv.E2E_APT_PORT);
    const pypi = Number(setupEnv.E2E_PYPI_PORT);
    expect(apt).toBeGreaterThan(0);
    expect(pypi).toBeGreaterThan(0);
    expect(apt).not.toBe(pypi);
    const files = (await runOk(DOCKER, ['run', '--rm', '--network', 'none', 'python:3.11-slim', 'cat', '/etc/apt/sources.list', '/etc/pip.conf'])).stdout;
    expect(files).toContain(`deb [trusted=yes] http://127.0.0.1:${apt}/ ./`);
    expect(files).toContain(`index-url = http://127.0.0.1:${pypi}/simple/`);
    expect(await httpStatus(`http://127.0.0.1:${apt}/Packages.gz`)).toBe(200);
    expect(await httpStatus(`http://127.0.0.1:${pypi}/simple/`)).toBe(200);
  });

  it('holds the node stand-ins, pointed at the loopback npm registry and (node:20, which has git) the git daemon', async () => {
    const npm = Number(setupEnv.E2E_NPM_PORT);
    const git = Number(setupEnv.E2E_GIT_PORT);
    expect(npm).toBeGreaterThan(0);
    expect(git).toBeGreaterThan(0);
    expect(new Set([npm, git, Number(setupEnv.E2E_APT_PORT), Number(setupEnv.E2E_PYPI_PORT)]).size).toBe(4);
    for (const image of ['node:20', 'node:20-slim', 'node:20-bookworm', 'node:20-bookworm-slim']) {
      const registry = (await runOk(DOCKER, ['run', '--rm', '--network', 'none', image, 'npm', 'config', 'get', 'registry'])).stdout.trim();
      expect(registry, image).toBe(`http://127.0.0.1:${npm}/`);
    }
    const insteadOf = (await runOk(DOCKER, ['run', '--rm', '--network', 'none', 'node:20', 'git', 'config', '--system', '--get-regexp', 'insteadof'])).stdout.trim();
    expect(insteadOf).toBe(`url.git://127.0.0.1:${git}/.insteadof https://example.org/`);
    // the registry serves the packages of test/e2e/npmpkgs, the daemon the repositories of examples/*/git
    expect(await httpStatus(`http://127.0.0.1:${npm}/wordstat-cli`)).toBe(200);
    const refs = spawnSync('git', ['ls-remote', `git://127.0.0.1:${git}/team/chat-bot.git`], { encoding: 'utf8', timeout: 10_000 });
    expect(refs.status, refs.stderr).toBe(0);
    expect(refs.stdout).toMatch(/\trefs\/tags\/v2\.1\.0$/m);
  });
});
