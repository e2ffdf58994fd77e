import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/index.js';
import { packageCommandKind, readInstall, removedPackages } from '../src/analyze/packages.js';
import { analyzeRun } from '../src/analyze/run.js';
import { libcOf, hasShell, slimVariant } from '../src/images.js';
import { parse } from '../src/parse.js';
import { parseShell } from '../src/shell.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const phases = (text: string) => analyze(parse(text)).classifications.map((c) => `${c.keyword}:${c.phase}:${c.reason}`);

describe('package installs', () => {
  it('splits build tools from runtime packages and adds the runtime library of each -dev package', () => {
    const r = readInstall(['apt-get', 'install', '-y', '--no-install-recommends', 'gcc', 'libpq-dev', 'curl', 'libfoo-dev'], () => null, new Set(), { distribution: 'debian', release: 'bookworm' });
    expect(r.build).toEqual(['gcc', 'libpq-dev']);
    expect(r.runtime).toEqual(['curl', 'libfoo-dev', 'libpq5']);
    expect(r.keptDev).toEqual(['libfoo-dev']);
    expect(r.recommends).toBe(false);
  });
  it('treats a package a later RUN removes as build-only, also when that RUN is a heredoc', () => {
    for (const removal of ['RUN apt-get purge -y libfoo\n', 'RUN <<EOF\nset -e\napt-get purge -y libfoo\nEOF\n']) {
      expect(phases(`FROM debian:bookworm\nRUN apt-get update && apt-get install -y libfoo\n${removal}CMD ["x"]\n`)[1], removal).toBe('RUN:build:run-packages-build');
    }
  });

  it('treats an apk virtual group deleted later as build-only', () => {
    const r = readInstall(['apk', 'add', '--virtual', '.build-deps', 'libffi', 'gcc'], () => null, new Set(['.build-deps']));
    expect(r.runtime).toEqual([]);
    expect(r.build).toEqual(['libffi', 'gcc']);
  });
  it('reads packages named through a variable set earlier in the same RUN', () => {
    const run = analyzeRun('BUILD_DEPS="gcc make" && apt-get install -y $BUILD_DEPS libxml2', scope);
    const install = run.commands.find((c) => c.install)!.install!;
    expect(install.build).toEqual(['gcc', 'make']);
    expect(install.runtime).toEqual(['libxml2']);
  });
  it('keeps a -dev package whose runtime package is not known for the release, and says so', () => {
    const r = readInstall(['apt-get', 'install', '-y', 'gcc', 'libssl-dev', 'libfoo-dev'], () => null, new Set(), { distribution: 'debian', release: null });
    expect(r.build).toEqual(['gcc']);
    expect(r.runtime).toEqual(['libssl-dev', 'libfoo-dev']);
    expect(r.unknownRuntime).toEqual(['libssl-dev']);
    expect(r.keptDev).toEqual(['libfoo-dev']);
  });
});

describe('RUN commands', () => {
  it('follows cds through variables, an absolute one after another (`cd $HOME && cd $HOME/app`)', () => {
    const cwds = (script: string) => analyzeRun(script, { ...scope, env: new Map([['CI_HOME', '/usr/local/chip-in']]) }).commands.map((c) => c.cwd);
    // the parser chains the arguments as written ($CI_HOME/$CI_HOME/x); the analyzer follows the expanded cds
    expect(cwds('cd ${CI_HOME} && git clone u x && cd ${CI_HOME}/x/server/ && npm i')).toEqual(['/src', '/usr/local/chip-in', '/usr/local/chip-in', '/usr/local/chip-in/x/server']);
    expect(cwds('cd $CI_HOME && cd sub && make')).toEqual(['/src', '/usr/local/chip-in', '/usr/local/chip-in/sub']);
    // a variable with no value stays as written
    expect(cwds('cd $NOPE && cd $NOPE/x && make').at(-1)).toContain('$');
  });
  it('splits && chains command by command, following cd', () => {
    const s = parseShell('apt-get update && cd /x && make -j4 && echo "a && b" > out.txt');
    expect(s.commands.map((c) => c.words[0])).toEqual(['apt-get', 'cd', 'make', 'echo']);
    expect(s.commands[2]!.cwd).toBe('/x');
    expect(s.commands[3]!.writes).toEqual(['out.txt']);
    expect(s.complex).toBe(false);
  });
  it('names the outputs of go build, go install, gcc and pip wheel', () => {
    const outputs = (script: string, env = new Map<string, string>()) => analyzeRun(script, { ...scope, env }).commands.flatMap((c) => c.outputs);
    expect(outputs('go build -o bin/app ./cmd/app')).toEqual(['/src/bin/app']);
    expect(outputs('go build ./cmd/server')).toEqual(['/src/server']);
    expect(outputs('go install ./cmd/tool', new Map([['GOPATH', '/go']]))).toEqual(['/go/bin/tool']);
    expect(outputs('gcc -O2 -o /usr/local/bin/hi hi.c')).toEqual(['/usr/local/bin/hi']);
    expect(outputs('pip wheel --wheel-dir /wheels -r requirements.txt')).toEqual(['/wheels']);
    expect(outputs('curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz && rm -f /tmp/x.tgz')).toEqual([]);
    expect(outputs('curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz')).toEqual(['/tmp/x.tgz']);
  });
  it("drops outputs a later rm in the same RUN deletes: the path, a directory holding it, or that directory's contents", () => {
    const outputs = (script: string) => analyzeRun(script, scope).commands.flatMap((c) => c.outputs);
    const fetch = 'curl -o /tmp/dl/x.tgz https://example.com/x.tgz';
    expect(outputs(`${fetch} && rm /tmp/dl/x.tgz`)).toEqual([]);
    expect(outputs(`${fetch} && rm -rf /tmp/dl`)).toEqual([]);
    expect(outputs(`${fetch} && rm -rf /tmp`)).toEqual([]);
    expect(outputs(`${fetch} && rm -rf /tmp/dl/*`)).toEqual([]);
    expect(outputs(`${fetch} && rm -rf /*`)).toEqual([]);
    expect(outputs(`${fetch} && cd /tmp && rm -rf dl`)).toEqual([]);
    // a sibling whose name starts the same, globs that are not a directory's whole contents, and the
    // contents of the output itself (a file) leave it, as does an rm of another command's output
    expect(outputs(`${fetch} && rm -rf /tmp/d`)).toEqual(['/tmp/dl/x.tgz']);
    expect(outputs(`${fetch} && rm -rf /tmp/dl/x.tgz.part /tmp/dl/*.zip`)).toEqual(['/tmp/dl/x.tgz']);
    expect(outputs(`${fetch} && rm -rf /tmp/dl/x.tgz/*`)).toEqual(['/tmp/dl/x.tgz']);
    expect(outputs(`${fetch} && curl -o /tmp/b https://example.com/b && rm /tmp/b`)).toEqual(['/tmp/dl/x.tgz']);
  });
  it('falls back to the working directory when a build names no output', () => {
    const run = analyzeRun('npm ci && npm run build', scope);
    expect(run.commands.map((c) => [c.kind, c.unnamedOutputs])).toEqual([
      ['build', true],
      ['build', true],
    ]);
  });
});

describe('instruction phases', () => {
  it('classifies each instruction with a reason id', () => {
    expect(phases('FROM debian\nRUN apt-get update && apt-get install -y gcc\nRUN useradd app\nCOPY . /src\nRUN gcc -o /app /src/a.c\nRUN python3 -m pytest\nEXPOSE 80\nUSER app\nCMD ["/app"]\n')).toEqual([
      'FROM:both:from-base',
      'RUN:build:run-packages-build',
      'RUN:both:run-setup',
      'COPY:both:copy-context',
      'RUN:build:run-build',
      'RUN:build:run-test',
      'EXPOSE:runtime:metadata',
      'USER:both:user',
      'CMD:runtime:runtime-command',
    ]);
  });
  it('keeps package installs of runtime libraries in both stages', () => {
    expect(phases('FROM debian\nRUN apt-get install -y gcc libpq-dev\n')[1]).toBe('RUN:both:run-packages-mixed');
    expect(phases('FROM debian\nRUN apt-get install -y curl\n')[1]).toBe('RUN:both:run-packages-runtime');
  });
  it('sees a global ARG inside a stage only when the stage declares it again', () => {
    const a = analyze(parse('ARG V=1\nFROM x\nRUN echo $V\nARG V\nRUN echo $V\n'));
    expect(a.scopes.get(2)!.env.get('V')).toBeUndefined();
    expect(a.scopes.get(4)!.env.get('V')).toBe('1');
  });
});

describe('images', () => {
  it('maps images to their slim variants', () => {
    expect(slimVariant('python:3.11')).toBe('python:3.11-slim');
    expect(slimVariant('python:3.11-bookworm')).toBe('python:3.11-slim-bookworm');
    expect(slimVariant('node:20')).toBe('node:20-slim');
    expect(slimVariant('debian:bookworm')).toBe('debian:bookworm-slim');
    expect(slimVariant('python:3.11-alpine')).toBeNull();
    expect(slimVariant('ubuntu:22.04')).toBeNull();
    expect(slimVariant('python@sha256:abc')).toBeNull();
  });
  it('knows C libraries and shells', () => {
    expect(libcOf('python:3.9-alpine')).toBe('musl');
    expect(libcOf('python:3.9')).toBe('glibc');
    expect(libcOf('scratch')).toBe('none');
    expect(hasShell('gcr.io/distroless/static-debian12')).toBe(false);
    expect(hasShell('debian:bookworm-slim')).toBe(true);
  });
});

describe('dev -> runtime table scope', () => {
  it('applies to Debian 12 and images built on it, not to older releases', async () => {
    const { devTableApplies } = await import('../src/images.js');
    expect(['debian:bookworm', 'debian:12-slim', 'python:3.11', 'python:3.12-slim-bookworm', 'node:20', 'golang:1.22', 'ubuntu:22.04'].map(devTableApplies)).toEqual([true, true, true, true, true, true, true]);
    expect(['debian:buster', 'debian:10', 'python:3.7', 'python:3.11-bullseye', 'node:10', 'ubuntu:14.04', 'ubuntu:24.04', 'centos:7', 'myorg/base:1'].map(devTableApplies)).toEqual([false, false, false, false, false, false, false, false, false]);
  });
});

describe('install locations', () => {
  const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
  it('make install writes the prefix and every path configure sets outside it, not runtime files', () => {
    const run = analyzeRun('./configure --prefix=/usr/local/nginx --sbin-path=/usr/sbin/nginx --conf-path=/etc/nginx/nginx.conf --pid-path=/var/run/nginx.pid --http-log-path=/var/log/nginx/access.log && make && make install', scope);
    expect(run.commands.at(-1)!.outputs).toEqual(['/usr/local/nginx', '/usr/sbin/nginx', '/etc/nginx']);
  });
});

describe('virtual environments', () => {
  const scope = { workdir: '/', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
  it('reads the directory, not the value of an option (virtualenv -p python3.6 /env)', () => {
    expect(analyzeRun('virtualenv -p python3.6 /env', scope).commands[0]!.outputs).toEqual(['/env']);
    expect(analyzeRun('python3 -m venv --prompt app /opt/venv', scope).commands[0]!.outputs).toEqual(['/opt/venv']);
  });
});

describe('the install reader asks only the family of the command for its value options', () => {
  // `-t` takes a value for apt-get (--target-release) and apk (--virtual); for yum it is the flag --tolerant
  it('reads the word after a flag that only another manager takes a value with', () => {
    expect(readInstall(['yum', 'install', '-t', 'gcc'], () => null, new Set()).packages).toEqual(['gcc']);
    expect(removedPackages(['yum', '-t', 'remove', 'gcc'])).toEqual(['gcc']);
    expect(packageCommandKind(['yum', '-t', 'install', 'gcc'])).toBe('install');
    // apk's --repository is no option of apt-get: the word after it is read
    expect(readInstall(['apt-get', 'install', '--repository', 'gcc'], () => null, new Set()).packages).toEqual(['gcc']);
  });

  it('still skips the values of its own options', () => {
    expect(readInstall(['apt-get', 'install', '-t', 'bookworm-backports', 'gcc'], () => null, new Set()).packages).toEqual(['gcc']);
    expect(readInstall(['yum', 'install', '--setopt', 'x=1', 'gcc'], () => null, new Set()).packages).toEqual(['gcc']);
  });
});

describe('rm of a package configuration', () => {
  const kinds = (text: string) => [...analyze(parse(text)).runs.values()].flatMap((r) => r.commands.filter((c) => c.words[0] === 'rm').map((c) => c.kind));
  it('is setup when every path is in /etc/<name> of a package the file installed before it', () => {
    expect(kinds('FROM debian\nRUN apt-get update && apt-get install -y nginx\nRUN rm /etc/nginx/sites-enabled/default\n')).toEqual(['setup']);
    expect(kinds('FROM debian\nRUN apt-get update && apt-get install -y php7.4-fpm && rm -f /etc/php/7.4/fpm/pool.d/www.conf\n')).toEqual(['setup']);
  });
  it('is cleanup for a file the Dockerfile put there, a package it did not install, or apt sources', () => {
    expect(kinds('FROM debian\nCOPY pip.conf /etc/pip.conf\nRUN rm -f /etc/pip.conf\n')).toEqual(['cleanup']);
    expect(kinds('FROM debian\nCOPY conf /etc/app/\nRUN rm -rf /etc/app/conf\n')).toEqual(['cleanup']);
    expect(kinds('FROM debian\nRUN rm /etc/nginx/sites-enabled/default\n')).toEqual(['cleanup']);
    expect(kinds('FROM debian\nRUN apt-get update && apt-get install -y apt-transport-https && rm /etc/apt/sources.list.d/x.list\n')).toEqual(['cleanup']);
  });
});
