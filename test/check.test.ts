// The check is the last line of defence: each invariant must be able to fail.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { parse } from '../src/parse.js';

const original = parse('ARG V=1\nFROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc && useradd app\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nENV A=1\nEXPOSE 80\nUSER app\nWORKDIR /data\nCMD ["a"]\n');
const builder = 'ARG V=1\nFROM debian:bookworm AS builder\nRUN apt-get update && apt-get install -y gcc && useradd app\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nENV A=1\nEXPOSE 80\nUSER app\nWORKDIR /data\nCMD ["a"]\n\n';
const good = 'FROM debian:bookworm-slim\nRUN useradd app\nCOPY --from=builder /usr/local/bin/a /usr/local/bin/a\nENV A=1\nEXPOSE 80\nUSER app\nWORKDIR /data\nCMD ["a"]\n';
const made = ['/usr/local/bin/a', '/src/a.c', '/data'];
const run = (runtime: string) => check({ original, output: builder + runtime, builderName: 'builder', madePaths: made }).map((f) => f.data?.detail ?? '');

describe('check', () => {
  it('passes a faithful runtime stage', () => {
    expect(run(good)).toEqual([]);
  });
  it.each([
    ['a lost USER (root instead of app)', good.replace('USER app\n', ''), /USER differs/],
    ['another CMD', good.replace('CMD ["a"]', 'CMD ["b"]'), /CMD differs/],
    ['another WORKDIR', good.replace('WORKDIR /data', 'WORKDIR /srv'), /WORKDIR differs/],
    ['a changed ENV value', good.replace('ENV A=1', 'ENV A=2'), /ENV differs/],
    ['a lost EXPOSE', good.replace('EXPOSE 80\n', ''), /EXPOSE differs/],
    ['a copy of something the builder does not make', good.replace('COPY --from=builder /usr/local/bin/a /usr/local/bin/a', 'COPY --from=builder /opt/other /opt/other'), /does not make it/],
    ['a copy from a stage that does not exist', good.replace('--from=builder', '--from=nope'), /names no earlier stage/],
    ['a global ARG used without being declared', good.replace('ENV A=1', 'ENV A=1 B=$V'), /global ARG V/],
    ['a shell-form CMD on a base without /bin/sh', good.replace('debian:bookworm-slim', 'gcr.io/distroless/static-debian12').replace('RUN useradd app\n', '').replace('CMD ["a"]', 'CMD a'), /shell-form CMD/],
    ['text that does not parse', 'FROM\n', /does not parse/],
  ])('fails %s', (_, runtime, message) => {
    expect(run(runtime).join('\n')).toMatch(message);
  });
});

describe('check with a preset\'s command rewrite', () => {
  const rewrite = { keyword: 'CMD', args: '["/usr/local/bin/a", "--serve"]' };
  const rewritten = good.replace('CMD ["a"]', 'CMD ["/usr/local/bin/a", "--serve"]');
  const runWith = (runtime: string, command: { keyword: string; args: string } | null) =>
    check({ original, output: builder + runtime, builderName: 'builder', madePaths: made, command }).map((f) => f.data?.detail ?? '');
  it('holds the runtime stage to exactly the declared command', () => {
    expect(runWith(rewritten, rewrite)).toEqual([]);
  });
  it('fails the original command, another command, or none in place of the declared one', () => {
    expect(runWith(good, rewrite).join('\n')).toMatch(/CMD differs from the preset's rewrite/);
    expect(runWith(rewritten.replace('--serve', '--other'), rewrite).join('\n')).toMatch(/CMD differs from the preset's rewrite/);
    expect(runWith(rewritten.replace(/CMD .*\n/, ''), rewrite).join('\n')).toMatch(/CMD differs from the preset's rewrite: .* vs \(none\)/);
  });
  it('fails a rewritten command nobody declared, and keeps checking the other keywords', () => {
    expect(runWith(rewritten, null).join('\n')).toMatch(/CMD differs/);
    expect(runWith(rewritten.replace('USER app\n', ''), rewrite).join('\n')).toMatch(/USER differs/);
  });
});
