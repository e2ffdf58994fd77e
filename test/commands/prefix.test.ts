// The prefix family (src/commands/prefix.ts): sudo, gosu, su-exec, chroot, time, nice, nohup, stdbuf run the
// command after them, which the analyzer reads in their place; env is neutral.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { entrypointWrapperWords, familyOf, isNeutral, isSupervisor, packageProvides, prefixWords } from '../../src/commands/index.js';
import prefix from '../../src/commands/prefix.js';
import { convert } from '../../src/convert.js';
import { parse } from '../../src/parse.js';
import { startedPrograms } from '../../src/runtime-contract.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const first = (script: string) => analyzeRun(script, scope).commands[0]!;

describe('prefix family', () => {
  it('answers for the prefix commands', () => {
    for (const name of ['sudo', 'gosu', 'su-exec', 'chroot', 'time', 'nice', 'nohup', 'stdbuf', 'env']) expect(familyOf(name), name).toBe(prefix);
  });

  it('reads the command after the prefix, past its options and arguments (prefixes)', () => {
    expect(first('sudo -E make install').words).toEqual(['make', 'install']);
    expect(first('gosu app make').words).toEqual(['make']);
    expect(first('su-exec app:app go build ./...').words).toEqual(['go', 'build', './...']);
    expect(first('chroot /srv make').words).toEqual(['make']);
    expect(first('nice -n 10 make').words).toEqual(['10', 'make']);
    for (const p of ['time', 'nohup', 'stdbuf']) expect(first(`${p} make`).kind, p).toBe('build');
    expect(first('sudo gosu app make').words).toEqual(['make']);
    expect(prefixWords('gosu')).toBe(2);
    expect(prefixWords('env')).toBeUndefined();
    expect(first('env X=1 make').words[0]).toBe('env');
  });

  it('makes env neutral and says which packages give sudo and gosu (neutral, provides)', () => {
    expect(isNeutral('env')).toBe(true);
    expect(isNeutral('sudo')).toBe(false);
    expect(packageProvides('sudo')).toEqual(['sudo']);
    expect(packageProvides('gosu')).toEqual(['gosu']);
  });

  it('leaves a build run through sudo in the builder and copies what it made', () => {
    const r = convert('FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y make gcc\nCOPY . /src\nRUN sudo make -C /src && sudo cp /src/out/app /usr/local/bin/app\nCMD ["app"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.output).toMatch(/FROM ubuntu:22.04\nCOPY \. \/src\nCOPY --from=builder \/usr\/local\/bin\/app \/usr\/local\/bin\/app\nCMD \["app"\]\n$/);
  });

  it('reads the program an ENTRYPOINT user switcher starts (wrapsEntrypoint)', () => {
    expect(entrypointWrapperWords('gosu')).toBe(1);
    expect(entrypointWrapperWords('su-exec')).toBe(1);
    expect(entrypointWrapperWords('sudo')).toBeUndefined();
    const started = (entrypoint: string) => startedPrograms(parse(`FROM debian:bookworm\nENTRYPOINT ${entrypoint}\nCMD ["prog", "x"]\n`)).map((s) => s.word);
    expect(started('["gosu", "app"]')).toEqual(['prog']);
    expect(started('["/usr/local/bin/su-exec", "app:app"]')).toEqual(['prog']);
    expect(started('["sudo", "-u", "app"]')).toEqual(['sudo']);
  });

  it('reads the program an ENTRYPOINT process supervisor starts (supervisors)', () => {
    expect(prefix.supervisors).toEqual(['tini', 'dumb-init']);
    expect(isSupervisor('tini')).toBe(true);
    expect(isSupervisor('gosu')).toBe(false);
    const started = (entrypoint: string) => startedPrograms(parse(`FROM debian:bookworm\nENTRYPOINT ${entrypoint}\nCMD ["prog", "x"]\n`)).map((s) => s.word);
    // one started by a path must be there itself (an ADD of a URL the runtime stage does not copy): it is named too
    expect(started('["/sbin/tini", "--"]')).toEqual(['/sbin/tini', 'prog']);
    expect(started('["dumb-init"]')).toEqual(['prog']);
    // the toolbox check reads past it too: a supervisor starting a test runner is a toolbox
    expect(convert('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nENTRYPOINT ["tini", "--"]\nCMD ["jest"]\n').reasons.map((r) => r.id)).toContain('toolbox-image');
  });
});
