// The yum family (src/commands/yum.ts): yum, dnf, microdnf and rpm, asked through the analyzer and the
// package reader.
import { describe, expect, it } from 'vitest';
import { installCommand, packageCommandKind, readInstall, removedPackages } from '../../src/analyze/packages.js';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, packageManager } from '../../src/commands/index.js';
import yum from '../../src/commands/yum.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;

describe('yum family', () => {
  it('answers for yum, dnf, microdnf and rpm', () => {
    for (const name of ['yum', 'dnf', 'microdnf', 'rpm']) expect(familyOf(name), name).toBe(yum);
  });

  it('reads install and maintenance subcommands of each command (packages.commands)', () => {
    for (const tool of ['yum', 'dnf', 'microdnf']) {
      expect(kind(`${tool} install -y gcc`), tool).toBe('packages');
      expect(readInstall([tool, 'install', 'gcc'], () => null, new Set()).manager, tool).toBe('yum');
      expect(kind(`${tool} clean all`), tool).toBe('package-maintenance');
    }
  });

  it('makes rpm setup, repeated in the runtime stage (subcommands)', () => {
    expect(kind('rpm -i /tmp/x.rpm')).toBe('setup');
  });

  it('skips the values of its options (valueOptions)', () => {
    expect(readInstall(['yum', '--enablerepo', 'epel', 'install', '-y', 'jq'], () => null, new Set()).packages).toEqual(['jq']);
    expect(packageCommandKind(['dnf', '--disablerepo', 'x', 'install', 'jq'])).toBe('install');
    expect(packageCommandKind(['dnf', '--setopt', 'tsflags=nodocs', 'install', 'jq'])).toBe('install');
  });

  it('reads install_weak_deps=False (noRecommends)', () => {
    expect(readInstall(['dnf', 'install', '-y', '--setopt=install_weak_deps=False', 'gcc'], () => null, new Set()).recommends).toBe(false);
  });

  it('reads what remove, erase and autoremove remove (removes)', () => {
    expect(removedPackages(['yum', 'remove', '-y', 'gcc'])).toEqual(['gcc']);
    expect(removedPackages(['dnf', 'erase', 'gcc'])).toEqual(['gcc']);
    expect(removedPackages(['yum', 'autoremove', '-y', 'gcc'])).toEqual(['gcc']);
    expect(removedPackages(['dnf', 'autoremove', 'gcc'])).toEqual(['gcc']);
    expect(removedPackages(['microdnf', 'remove', 'gcc'])).toEqual(['gcc']);
    expect(removedPackages(['microdnf', 'erase', 'gcc'])).toEqual([]);
  });

  it("writes the runtime stage's install with the original's command and a clean (installLine, defaultTool)", () => {
    expect(installCommand('microdnf', 'yum', ['libpq', 'jq'], true)).toBe('microdnf install -y libpq jq && microdnf clean all');
    expect(packageManager('yum').defaultTool).toBe('yum');
  });
});
