// What the runtime stage may replay with no build to prove it (src/proof.ts `safeToReplay`), and the proof
// a conversion carries (issue 23, "proof levels").
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../src/analyze/run.js';
import { convert } from '../src/convert.js';
import { safeToReplay } from '../src/proof.js';

const command = (script: string) => analyzeRun(script, { workdir: '/app', user: null, env: new Map(), removedLater: new Set() }).commands[0]!;
const copied = new Set(['/app/bin', '/usr/local/bin/hello']);

describe('safeToReplay', () => {
  it.each([
    ['useradd -u 1001 app', true],
    ['groupadd app', true],
    ['apt-get install -y curl', true],
    ['mkdir /data', true],
    ['mkdir -p /app/bin', true],
    ['mkdir /app/bin/x', false],
    ['ln -s /usr/local/bin/hello /usr/bin/hello', true],
    ['chmod +x /usr/local/bin/hello', true],
    ['chmod +x bin/run.sh', true],
    ['chmod +x /opt/run.sh', false],
    ['chown -R app /app/bin', true],
    ['rm -rf /var/lib/apt/lists/*', true],
    ['rm /var/lib/apt/lists/x', false],
    ['rm -rf /app', false],
    ['sed -i s/a/b/ /etc/x.conf', false],
    ['wget https://example.com/x.tgz', false],
    ['echo hello', true],
  ])('%s: %s', (script, safe) => {
    expect(safeToReplay(command(script), copied)).toBe(safe);
  });
});

describe('the proof of a conversion', () => {
  const sameBase = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y gcc libc6-dev && sed -i s/a/b/ /etc/x.conf\nCOPY hello.c /src/hello.c\nRUN gcc -o /usr/local/bin/hello /src/hello.c\nCMD ["hello"]\n';
  it('is build level, with what is unproven, for a replayed fragment on the same image', () => {
    const r = convert(sameBase, { verify: true });
    expect(r.status).toBe('changed');
    expect(r.proof?.level).toBe('build');
    expect(r.proof?.unproven.map((u) => [u.id, u.line])).toEqual([['unproven-replay', 2]]);
  });
  it('is declined needs-verify without --verify, naming what is unproven and how to prove it', () => {
    const r = convert(sameBase, { path: 'svc/Dockerfile' });
    expect(r.status).toBe('declined');
    expect(r.reasons.map((x) => x.id)).toEqual(['needs-verify']);
    expect(r.reasons[0]!.message).toContain('`sed -i s/a/b/`');
    expect(r.reasons[0]!.message).toContain('dfsplit --verify --write svc/Dockerfile');
    expect(r.output).toBe(sameBase);
  });
  it('is static for an official image moved to its slim variant, and says what it saves', () => {
    const r = convert('FROM python:3.11\nRUN apt-get update && apt-get install -y gcc\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nCMD ["a"]\n');
    expect(r.status).toBe('changed');
    expect(r.proof).toEqual({ level: 'static', unproven: [] });
    expect(r.saves).toEqual({ packages: ['gcc'], tools: ['gcc'], image: { from: 'python:3.11', to: 'python:3.11-slim' } });
  });
});
