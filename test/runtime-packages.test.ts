import { describe, expect, it } from 'vitest';
import { MANAGER_OF, RUNTIME_PACKAGES, releaseSpan, runtimePackagesOf } from '../src/knowledge/runtime-packages.js';
import type { Distribution } from '../src/knowledge/releases.js';

const at = (distribution: Distribution, release: string | null) => ({ distribution, release });
const names = (dev: string, manager: 'apt' | 'apk' | 'yum', distribution: Distribution, release: string | null) => {
  const answer = runtimePackagesOf(dev, manager, at(distribution, release));
  return answer === null ? null : 'packages' in answer ? answer.packages : 'unknown';
};

describe('runtime packages of -dev packages, by distribution release', () => {
  it('names libssl for each Debian and Ubuntu release it changed in', () => {
    expect(['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie'].map((r) => names('libssl-dev', 'apt', 'debian', r))).toEqual([['libssl1.0.0'], ['libssl1.1'], ['libssl1.1'], ['libssl1.1'], ['libssl3'], ['libssl3t64']]);
    expect(['trusty', 'xenial', 'bionic', 'focal', 'jammy', 'noble'].map((r) => names('libssl-dev', 'apt', 'ubuntu', r))).toEqual([['libssl1.0.0'], ['libssl1.0.0'], ['libssl1.1'], ['libssl1.1'], ['libssl3'], ['libssl3t64']]);
  });
  it('names OpenSSL 1.1 on Alpine 3.9 to 3.16 and OpenSSL 3 from 3.17, and nothing before 3.9 (LibreSSL)', () => {
    expect(names('openssl-dev', 'apk', 'alpine', '3.9')).toEqual(['libssl1.1', 'libcrypto1.1']);
    expect(names('openssl-dev', 'apk', 'alpine', '3.16')).toEqual(['libssl1.1', 'libcrypto1.1']);
    expect(names('openssl-dev', 'apk', 'alpine', '3.17')).toEqual(['libssl3', 'libcrypto3']);
    expect(names('openssl-dev', 'apk', 'alpine', '3.8')).toBe('unknown');
  });
  it('writes no MariaDB 3 library on jessie, nor bookworm names on Ubuntu', () => {
    expect(names('libmariadb-dev', 'apt', 'debian', 'jessie')).toBe('unknown');
    expect(names('default-libmysqlclient-dev', 'apt', 'ubuntu', 'jammy')).toEqual(['libmysqlclient21']);
    expect(names('libjpeg-dev', 'apt', 'ubuntu', 'jammy')).toEqual(['libjpeg8']);
    expect(names('libicu-dev', 'apt', 'ubuntu', 'jammy')).toEqual(['libicu70']);
  });
  it('is unknown for an unknown release, an Alpine branch past the newest one it knows, or another distribution of the manager', () => {
    expect(names('libssl-dev', 'apt', 'debian', null)).toBe('unknown');
    expect(names('zlib-dev', 'apk', 'alpine', '3.99')).toBe('unknown');
    expect(names('libssl-dev', 'apt', 'alpine', '3.9')).toBe('unknown');
    expect(runtimePackagesOf('libssl-dev', 'apt', null)).toEqual({ unknown: true });
  });
  it('answers null for a -dev package it does not know for that manager (kept as written)', () => {
    expect(names('libfoo-dev', 'apt', 'debian', 'bookworm')).toBeNull();
    expect(names('openssl-dev', 'apt', 'debian', 'bookworm')).toBeNull();
    expect(names('toString', 'apt', 'debian', 'bookworm')).toBeNull();
  });
  it('uses the names every RPM release shares on any release', () => {
    expect(names('openssl-devel', 'yum', 'centos', null)).toEqual(['openssl-libs']);
    expect(names('sqlite-devel', 'yum', 'centos', '7')).toBeNull();
  });
  it('has only keys that name releases, in order, without overlaps, and names for each', () => {
    for (const [dev, entry] of Object.entries(RUNTIME_PACKAGES)) {
      for (const [distribution, byRelease] of Object.entries(entry) as [Distribution, Record<string, readonly string[]>][]) {
        expect(MANAGER_OF[distribution], dev).toBeDefined();
        const spans = Object.keys(byRelease).map((k) => releaseSpan(distribution, k));
        if (spans.includes(null)) expect(spans, `${dev} ${distribution}: * stands alone`).toHaveLength(1);
        const sorted = (spans.filter((s) => s !== null) as [number, number][]).sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0], `${dev} ${distribution}: ranges overlap`).toBeGreaterThan(sorted[i - 1]![1]);
        for (const packages of Object.values(byRelease)) expect(packages.length, dev).toBeGreaterThan(0);
      }
    }
    expect(() => releaseSpan('debian', 'bookworm..stretch')).toThrow();
    expect(() => releaseSpan('debian', 'wheezy')).toThrow();
  });
});

describe('language tables name -dev packages the release table knows', () => {
  it('every -dev name of the compiled pip packages resolves through the table on its manager', async () => {
    const { PYTHON_COMPILED } = await import('../src/knowledge/compiled-packages.js');
    for (const [pkg, libs] of Object.entries(PYTHON_COMPILED)) for (const manager of ['apt', 'apk'] as const) for (const name of libs[manager]) if (/-dev$/.test(name)) expect(runtimePackagesOf(name, manager, null), `${pkg}: ${name}`).not.toBeNull();
  });
});

describe('every language table names -dev packages the release table knows', () => {
  it('native npm packages', async () => {
    const { NODE_NATIVE_LIBS } = await import('../src/knowledge/node-packages.js');
    for (const [pkg, libs] of Object.entries(NODE_NATIVE_LIBS)) for (const manager of ['apt', 'apk'] as const) for (const name of libs[manager]) if (/-dev$/.test(name)) expect(runtimePackagesOf(name, manager, null), `${pkg}: ${name}`).not.toBeNull();
  });
});

describe('the release runtime packages are named for, and what a conversion does when it is unknown', () => {
  it("takes the release a tag names, else the tag table's for a published tag, never an assumed bookworm", async () => {
    const { releaseOfImage } = await import('../src/tags.js');
    const { releaseOf } = await import('../src/tags.js');
    expect(releaseOfImage('gcc:13-bookworm')).toEqual({ distribution: 'debian', release: 'bookworm' });
    expect(releaseOfImage('alpine:3.9')).toEqual({ distribution: 'alpine', release: '3.9' });
    // floating tags: the tag table's release at the tag's last listing, read as the release-keyed tables name it
    for (const image of ['python:3.11', 'node:20', 'debian:latest', 'ruby:2.7']) expect(releaseOfImage(image)?.release).toBe(releaseOf(image));
    expect(releaseOfImage('python:3.9-alpine')?.release).toBe(releaseOf('python:3.9-alpine')!.replace('alpine', ''));
    // a release the tag table does not record, or that no release-keyed table knows: unknown
    expect(releaseOfImage('debian:stable')).toEqual({ distribution: 'debian', release: null });
    expect(releaseOfImage('ubuntu:latest')?.release).toBeNull();
    expect(releaseOfImage('myorg/app:1')).toBeNull();
  });
  it("keeps a -dev package whose runtime name is unknown as written on the builder's own image, with no decline and nothing unproven about it", async () => {
    const { convert } = await import('../src/convert.js');
    // (a generic split on its own image is build level for where it installs: converted as --verify does)
    const r = convert('FROM alpine:latest\nRUN apk add --no-cache gcc musl-dev make openssl-dev\nWORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/t\nCMD ["/opt/t/bin/t"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.proof?.unproven.map((u) => u.id)).toEqual(['unproven-same-base-split']);
    expect(r.output).toContain('FROM alpine:latest\nRUN apk add --no-cache openssl-dev\n');
  });
  it('leaves it to a build on another image (runtime-package-unknown, unproven): declined needs-verify, written under --verify', async () => {
    const { convert } = await import('../src/convert.js');
    const input = 'FROM debian:trixie\nRUN apt-get update && apt-get install -y gcc make libxml2-dev\nWORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/t\nCMD ["/opt/t/bin/t"]\n';
    const r = convert(input);
    expect(r.status).toBe('declined');
    expect(r.reasons.map((x) => x.id)).toEqual(['needs-verify']);
    expect(r.proof?.unproven.map((u) => [u.id, u.line])).toEqual([['runtime-package-unknown', 2]]);
    const v = convert(input, { verify: true });
    expect(v.status).toBe('changed');
    expect(v.output).toContain('FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y libxml2-dev && rm -rf /var/lib/apt/lists/*\n');
  });
  it('still declines a runtime base of another release whose runtime packages differ', async () => {
    const { convert } = await import('../src/convert.js');
    const r = convert('FROM debian:stretch\nRUN apt-get update && apt-get install -y gcc make libssl-dev\nWORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/t\nCMD ["/opt/t/bin/t"]\n', { runtimeBase: 'debian:bookworm-slim', verify: true });
    expect(r.reasons.map((x) => x.id)).toEqual(['runtime-package-release-differs']);
  });
});
