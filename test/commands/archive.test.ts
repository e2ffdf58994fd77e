// The archive family (src/commands/archive.ts): tar and unzip unpack files, which a RUN that builds makes
// artifacts of; xz-utils gives xz.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, movesFiles, packageProvides, unpackDirectory } from '../../src/commands/index.js';
import archive from '../../src/commands/archive.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const run = (script: string) => analyzeRun(script, scope).commands;

describe('archive family', () => {
  it('says where an extraction unpacks (unpackDirectory), and nothing for anything else', () => {
    expect(unpackDirectory(['tar', '-xzf', 'x.tgz'], '/tmp/h')).toBe('/tmp/h');
    expect(unpackDirectory(['tar', 'xzf', 'x.tgz'], '/tmp/h')).toBe('/tmp/h');
    expect(unpackDirectory(['tar', '--extract', '-f', 'x.tar', '-C', 'sub'], '/tmp/h')).toBe('/tmp/h/sub');
    expect(unpackDirectory(['unzip', '-q', 'x.zip', '-d', '/opt/x'], '/')).toBe('/opt/x');
    expect(unpackDirectory(['tar', '-czf', 'x.tgz', '.'], '/tmp/h')).toBeNull();
    expect(unpackDirectory(['tar', '-tzf', 'x.tgz'], '/tmp/h')).toBeNull();
    expect(unpackDirectory(['tar', '-xOzf', 'x.tgz'], '/tmp/h')).toBeNull();
    expect(unpackDirectory(['tar', '-xPf', 'x.tar'], '/tmp/h')).toBeNull();
    expect(unpackDirectory(['unzip', '-l', 'x.zip'], '/')).toBeNull();
    expect(unpackDirectory(['gunzip', 'x.gz'], '/')).toBeNull();
  });

  it('answers for the archivers', () => {
    for (const name of ['tar', 'unzip', 'gunzip', 'xz']) expect(familyOf(name), name).toBe(archive);
  });

  it('moves files in a RUN that builds, sets the system up elsewhere (movesFiles)', () => {
    expect(movesFiles('tar') && movesFiles('unzip')).toBe(true);
    expect(movesFiles('gunzip')).toBe(false);
    expect(run('make && tar -xzf x.tgz')[1]!.kind).toBe('file-move');
    expect(run('make && unzip x.zip')[1]!.kind).toBe('file-move');
    expect(run('tar -xzf x.tgz')[0]!.kind).toBe('setup');
    expect(run('gunzip x.gz')[0]!.kind).toBe('unknown');
  });

  it('names where tar and unzip unpack (outputs)', () => {
    expect(run('make && tar -C /opt/tool -xzf x.tgz')[1]!.outputs).toEqual(['/opt/tool']);
    expect(run('make && tar --directory /opt -xf x.tar')[1]!.outputs).toEqual(['/opt']);
    expect(run('make && tar -xf x.tar')[1]!.outputs).toEqual(['/src']);
    expect(run('make && unzip x.zip -d /opt/x')[1]!.outputs).toEqual(['/opt/x']);
    expect(run('make && unzip x.zip')[1]!.outputs).toEqual(['/src']);
  });

  it('says which programs xz-utils and bzip2 give (provides)', () => {
    expect(packageProvides('xz-utils')).toEqual(['xz', 'unxz']);
    expect(packageProvides('bzip2')).toEqual(['bzip2', 'bunzip2']);
  });

  it('copies what a building RUN unpacks to the runtime stage', () => {
    const r = convert('FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y make gcc curl\nCOPY . /src\nRUN curl -fsSL -o /tmp/t.tgz https://x/t.tgz && tar -C /opt/tool -xzf /tmp/t.tgz && make -C /src\nCMD ["/opt/tool/bin/run"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /opt/tool /opt/tool\n');
    expect(r.output).toContain('COPY --from=builder /tmp/t.tgz /tmp/t.tgz\n');
  });
});
