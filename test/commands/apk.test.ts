// The apk family (src/commands/apk.ts), asked through the analyzer and the package reader.
import { describe, expect, it } from 'vitest';
import { installCommand, packageCommandKind, readInstall, removedPackages } from '../../src/analyze/packages.js';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, packageManager } from '../../src/commands/index.js';
import apk from '../../src/commands/apk.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;

describe('apk family', () => {
  it('answers for apk', () => {
    expect(familyOf('apk')).toBe(apk);
  });

  it('reads add as an install and the rest as maintenance (packages.commands)', () => {
    expect(kind('apk add --no-cache curl')).toBe('packages');
    expect(kind('apk update')).toBe('package-maintenance');
    expect(kind('apk upgrade')).toBe('package-maintenance');
    expect(readInstall(['apk', 'add', 'curl'], () => null, new Set()).manager).toBe('apk');
  });

  it('skips the values of its options (valueOptions)', () => {
    expect(readInstall(['apk', 'add', '--repository', 'http://dl-cdn.alpinelinux.org/alpine/edge/testing', 'gcc'], () => null, new Set()).packages).toEqual(['gcc']);
    expect(readInstall(['apk', 'add', '-X', 'http://x', 'gcc'], () => null, new Set()).packages).toEqual(['gcc']);
    expect(packageCommandKind(['apk', '--root', '/sysroot', 'add', 'gcc'])).toBe('install');
    expect(packageCommandKind(['apk', '-p', '/sysroot', 'add', 'gcc'])).toBe('install');
    // `--wait 10` (seconds to wait for the database lock) is no package named 10
    expect(readInstall(['apk', 'add', '--update', '--no-cache', '--wait', '10', 'libstdc++'], () => null, new Set()).packages).toEqual(['libstdc++']);
    expect(readInstall(['apk', 'add', '--cache-dir', '/var/cache/apk', 'gcc'], () => null, new Set()).packages).toEqual(['gcc']);
  });

  it('reads a virtual group that a later `apk del` removes: its packages were only for the build (virtualOptions, removes)', () => {
    for (const option of ['--virtual', '-t']) {
      const r = readInstall(['apk', 'add', option, '.build-deps', 'gcc', 'libffi'], () => null, new Set(['.build-deps']));
      expect(r.build, option).toEqual(['gcc', 'libffi']);
      expect(r.runtime, option).toEqual([]);
    }
    expect(removedPackages(['apk', 'del', '.build-deps'])).toEqual(['.build-deps']);
    expect(removedPackages(['apk', 'add', 'gcc'])).toEqual([]);
  });

  it("writes the runtime stage's install without a cache (installLine, defaultTool)", () => {
    expect(installCommand('apk', 'apk', ['libpq', 'curl'], true)).toBe('apk add --no-cache libpq curl');
    expect(packageManager('apk').defaultTool).toBe('apk');
  });

  it('gives the plan the removals the analyzer reads: a version-pinned build tool deleted in its RUN leaves nothing behind (removes)', () => {
    const r = convert('FROM alpine:3.19\nCOPY . /src\nWORKDIR /src\nRUN apk add --no-cache make=4.4.1-r2 && make install && apk del make\nENTRYPOINT ["hello"]\n');
    expect(r.reasons.map((x) => x.id)).toEqual(['build-deps-removed-in-layer']);
  });
});
