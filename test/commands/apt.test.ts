// The apt family (src/commands/apt.ts): apt-get, apt, dpkg and Debian's key, source and debconf tools, asked
// through the analyzer, the package reader, the runtime stage's install line and the state model.
import { describe, expect, it } from 'vitest';
import { installCommand, packageCommandKind, readInstall, removedPackages } from '../../src/analyze/packages.js';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, packageManager, packageProvides } from '../../src/commands/index.js';
import apt from '../../src/commands/apt.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;
const read = (words: string[]) => readInstall(words, () => null, new Set());

describe('apt family', () => {
  it('answers for apt-get, apt, dpkg and the tools that change what apt installs', () => {
    for (const name of ['apt-get', 'apt', 'dpkg', 'apt-key', 'add-apt-repository', 'debconf-set-selections']) expect(familyOf(name), name).toBe(apt);
  });

  it('reads install and maintenance subcommands (packages.commands)', () => {
    expect(packageCommandKind(['apt-get', 'install', '-y', 'gcc'])).toBe('install');
    expect(packageCommandKind(['apt', 'install', 'gcc'])).toBe('install');
    expect(kind('apt-get update')).toBe('package-maintenance');
    expect(kind('apt-get dist-upgrade -y')).toBe('package-maintenance');
    expect(kind('apt-get install -y curl')).toBe('packages');
    // a path the analyzer does not shorten is still the package manager, not an unknown program
    expect(kind('/opt/bin/apt-get install -y curl')).toBe('package-maintenance');
  });

  it('makes dpkg, keys, sources and debconf answers setup, repeated in the runtime stage (subcommands)', () => {
    for (const c of ['dpkg -i /tmp/x.deb', 'apt-key add /tmp/key.gpg', 'add-apt-repository ppa:x/y', 'debconf-set-selections /tmp/answers']) expect(kind(c), c).toBe('setup');
  });

  it('skips the values of its options (valueOptions)', () => {
    expect(read(['apt-get', '-o', 'Dpkg::Options::=--force-confold', 'install', '-y', 'gcc']).packages).toEqual(['gcc']);
    expect(read(['apt-get', 'install', '-t', 'bookworm-backports', 'gcc']).packages).toEqual(['gcc']);
    expect(packageCommandKind(['apt-get', '--option', 'Acquire::Retries=3', 'install', 'gcc'])).toBe('install');
    expect(packageCommandKind(['apt-get', '--target-release', 'bookworm', 'install', 'gcc'])).toBe('install');
    expect(packageCommandKind(['apt-get', '--config-file', '/etc/x', 'install', 'gcc'])).toBe('install');
  });

  it('reads --no-install-recommends (noRecommends)', () => {
    expect(read(['apt-get', 'install', '-y', '--no-install-recommends', 'gcc']).recommends).toBe(false);
    expect(read(['apt-get', 'install', '-y', 'gcc']).recommends).toBe(true);
  });

  it('reads what purge, remove and autoremove remove (removes)', () => {
    expect(removedPackages(['apt-get', 'purge', '-y', 'gcc', 'make'])).toEqual(['gcc', 'make']);
    expect(removedPackages(['apt', 'remove', 'gcc=4:12.2.0-3'])).toEqual(['gcc']);
    expect(removedPackages(['apt-get', 'autoremove', '--purge', '-y', 'gcc'])).toEqual(['gcc']);
    expect(removedPackages(['apt-get', 'install', 'gcc'])).toEqual([]);
  });

  it("writes the runtime stage's install with its own update and cleanup (installLine, defaultTool)", () => {
    expect(installCommand('apt', 'apt', ['libpq5', 'curl'], false)).toBe('apt-get update && apt-get install -y --no-install-recommends libpq5 curl && rm -rf /var/lib/apt/lists/*');
    expect(installCommand('apt-get', 'apt', ['libpq5'], true)).toBe('apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*');
    expect(packageManager('apt').defaultTool).toBe('apt-get');
  });

  it('tells the state model that apt-get update fetches the lists an install needs (refreshesLists)', () => {
    // the runtime stage repeats `apt-get update && apt-get install nodejs` as written: the lists are there
    const r = convert('FROM python:3.11\nRUN apt-get update && apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nWORKDIR /app\nRUN pip install --no-cache-dir flask\nCMD ["python", "app.py"]\n');
    expect(r.reasons.map((x) => x.id)).toEqual([]);
    expect(r.status).toBe('changed');
  });

  it('tells the state model that software-properties-common gives add-apt-repository (provides)', () => {
    expect(packageProvides('software-properties-common')).toEqual(['add-apt-repository']);
  });

  it('gives the plan the removals the analyzer reads: a RUN that autoremoves its build tools leaves nothing behind (removes)', () => {
    for (const removal of ['apt-get autoremove --purge -y gcc', 'apt-get -o APT::Get::Assume-Yes=true purge gcc', 'apt-get purge -y gcc']) {
      const r = convert(`FROM ubuntu:22.04\nCOPY hello.c /src/\nRUN apt-get update && apt-get install -y gcc=4:11.2.0-1ubuntu1 && gcc -o /usr/local/bin/hello /src/hello.c && ${removal} && rm -rf /var/lib/apt/lists/*\nCMD ["hello"]\n`);
      expect(
        r.reasons.map((x) => x.id),
        removal,
      ).toEqual(['build-deps-removed-in-layer']);
      expect(r.status, removal).toBe('unchanged');
    }
  });

  it('keeps the options that choose where packages come from in the install it writes again (sourceOptions)', () => {
    const separate = read(['apt-get', 'install', '-y', '-t', 'bullseye-backports', 'certbot']);
    expect(separate.packages).toEqual(['certbot']);
    expect(separate.sourceOptions).toEqual(['-t', 'bullseye-backports']);
    expect(read(['apt-get', 'install', '--target-release=buster-backports', 'certbot']).sourceOptions).toEqual(['--target-release=buster-backports']);
    // a value option that is no source option (-o) is read past, not repeated
    expect(read(['apt-get', 'install', '-o', 'Dpkg::Options::=--force-confold', 'certbot']).sourceOptions).toBeUndefined();
    expect(installCommand('apt-get', 'apt', ['certbot'], false, separate.sourceOptions)).toBe('apt-get update && apt-get install -y -t bullseye-backports --no-install-recommends certbot && rm -rf /var/lib/apt/lists/*');
  });
});
