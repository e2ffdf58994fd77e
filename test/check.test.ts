// The check is the last line of defence: each invariant must be able to fail, under its own id.
import { describe, expect, it } from 'vitest';
import { check, type CheckInput } from '../src/check.js';
import { describe as sentence } from '../src/messages.js';
import { parse } from '../src/parse.js';

const original = parse('ARG V=1\nFROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc && useradd app\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nENV A=1\nEXPOSE 80\nUSER app\nWORKDIR /data\nCMD ["a"]\n');
const builder = 'ARG V=1\nFROM debian:bookworm AS builder\nRUN apt-get update && apt-get install -y gcc && useradd app\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nENV A=1\nEXPOSE 80\nUSER app\nWORKDIR /data\nCMD ["a"]\n\n';
const good = 'FROM debian:bookworm-slim\nRUN useradd app\nCOPY --from=builder /usr/local/bin/a /usr/local/bin/a\nENV A=1\nEXPOSE 80\nUSER app\nWORKDIR /data\nCMD ["a"]\n';
const made = ['/usr/local/bin/a', '/src/a.c', '/data'];
// each failure as its id and its sentence, so a case asserts both which check failed and what it says
const failures = (input: CheckInput) => check(input).map((f) => ({ id: f.id, sentence: sentence(f) }));
const run = (runtime: string) => failures({ original, output: builder + runtime, builderName: 'builder', madePaths: made });
// no USER anywhere: the container runs as the base image's user
const rootOriginal = parse('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nCMD ["/usr/local/bin/a"]\n');
const rootBuilder = 'FROM debian:bookworm AS builder\nRUN apt-get update && apt-get install -y gcc\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nCMD ["/usr/local/bin/a"]\n\n';

describe('check', () => {
  it('passes a faithful runtime stage', () => {
    expect(run(good)).toEqual([]);
  });
  it("leaves the original's own RUNs to the shell: only the RUNs dfsplit writes must parse", () => {
    const odd = 'FROM debian:bookworm\nRUN echo a; && echo b\nRUN apt-get update && apt-get install -y gcc\nCMD ["a"]\n';
    const output = `${odd.replace('bookworm\n', 'bookworm AS builder\n')}\nFROM debian:bookworm-slim\nRUN echo a; && echo b\nCMD ["a"]\n`;
    expect(failures({ original: parse(odd), output, builderName: 'builder', madePaths: [] })).toEqual([]);
  });
  it.each([
    ['a lost USER (root instead of app)', good.replace('USER app\n', ''), 'check-user-differs', /USER differs: app in the original, \(none\) in the runtime stage/],
    ['another CMD', good.replace('CMD ["a"]', 'CMD ["b"]'), 'check-command-differs', /CMD differs: \["a"\] vs \["b"\]/],
    ['another WORKDIR', good.replace('WORKDIR /data', 'WORKDIR /srv'), 'check-workdir-differs', /WORKDIR differs: \/data vs \/srv/],
    ['a changed ENV value', good.replace('ENV A=1', 'ENV A=2'), 'check-env-differs', /ENV differs: A=1 vs 2/],
    ['a lost EXPOSE', good.replace('EXPOSE 80\n', ''), 'check-setting-differs', /EXPOSE differs: 80 vs \(none\)/],
    ['an added STOPSIGNAL', `${good}STOPSIGNAL SIGINT\n`, 'check-setting-differs', /STOPSIGNAL differs: \(none\) vs SIGINT/],
    ['a copy of something the builder does not make', good.replace('COPY --from=builder /usr/local/bin/a /usr/local/bin/a', 'COPY --from=builder /opt/other /opt/other'), 'check-copy-not-made', /COPY --from=builder \/opt\/other: the builder does not make it/],
    ['a copy from a stage that does not exist', good.replace('--from=builder', '--from=nope'), 'check-copy-from-unknown', /COPY --from=nope names no earlier stage/],
    ['a global ARG used without being declared', good.replace('ENV A=1', 'ENV A=1 B=$V'), 'check-arg-undeclared', /global ARG V is used in stage 1 without/],
    ['a shell-form CMD on a base without /bin/sh', good.replace('debian:bookworm-slim', 'gcr.io/distroless/static-debian12').replace('RUN useradd app\n', '').replace('CMD ["a"]', 'CMD a'), 'check-shell-form', /shell-form CMD on gcr.io\/distroless\/static-debian12, which has no \/bin\/sh/],
    ['apk on a Debian runtime base', good.replace('RUN useradd app', 'RUN apk add --no-cache libssl3 && useradd app'), 'check-package-manager-differs', /`apk` runs in the runtime stage on debian:bookworm-slim, whose package manager is apt/],
    ['apt-get on an Alpine runtime base', good.replace('debian:bookworm-slim', 'alpine:3.19').replace('RUN useradd app', 'RUN sudo apt-get install -y libssl3 && useradd app'), 'check-package-manager-differs', /`apt-get` runs in the runtime stage on alpine:3.19, whose package manager is apk/],
    ['text that does not parse', 'FROM\n', 'check-output-unparsable', /it does not parse again \(.+\)/],
    ['a third stage', `${good}FROM scratch\n`, 'check-stage-count', /it has 3 stages, expected 2/],
    // issue 23, item 1: fragments re-joined with the wrong separators
    ['a written RUN that does not parse', good.replace('RUN useradd app', 'RUN chmod +x /data; && useradd app'), 'check-run-unparsable', /a RUN it writes does not parse as a shell script \(.*&&.*\)/],
  ])('fails %s', (_, runtime, id, message) => {
    expect(run(runtime)).toContainEqual({ id, sentence: expect.stringMatching(message) });
  });
  it("fails a runtime base whose own user differs from the original base's", () => {
    const output = `${rootBuilder}FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=builder /usr/local/bin/a /usr/local/bin/a\nWORKDIR /\nCMD ["/usr/local/bin/a"]\n`;
    expect(failures({ original: rootOriginal, output, builderName: 'builder', madePaths: made })).toContainEqual({ id: 'check-user-differs', sentence: expect.stringMatching(/USER differs: root \(inherited\) in the original, nonroot \(inherited\) in the runtime stage/) });
  });
});

describe('check with build-tool variables left in the builder', () => {
  const withGo = (text: string) => text.replace('ENV A=1', 'ENV A=1 GOPATH=/go');
  const runDropped = (runtime: string, droppedEnv: readonly string[]) => failures({ original: parse(withGo(builder.replace(' AS builder', '')).trimEnd() + '\n'), output: withGo(builder) + runtime, builderName: 'builder', madePaths: made, droppedEnv });
  it('accepts the absence of a variable only build tools read when the plan left it behind', () => {
    expect(runDropped(good, ['GOPATH'])).toEqual([]);
    expect(runDropped(good, [])).toContainEqual({ id: 'check-env-differs', sentence: expect.stringMatching(/GOPATH=\/go vs \(none\)/) });
  });
  it('still fails any other lost variable, or a build-tool variable with another value', () => {
    expect(runDropped(good.replace('ENV A=1', 'ENV B=1'), ['GOPATH', 'A'])).toContainEqual({ id: 'check-env-differs', sentence: expect.stringMatching(/A=1 vs \(none\)/) });
    expect(runDropped(good.replace('ENV A=1', 'ENV A=1 GOPATH=/src'), ['GOPATH'])).toContainEqual({ id: 'check-env-differs', sentence: expect.stringMatching(/GOPATH=\/go vs \/src/) });
  });
});

describe("check with a runtime base's own location variable (env-runtime-own)", () => {
  const body = 'COPY Hello.class /app/\nCMD ["java", "-cp", "/app", "Hello"]\n';
  const java = parse(`FROM java:8\n${body}`);
  const output = (runtime: string) => `FROM java:8 AS builder\n${body}\nFROM java:8-jre\n${runtime}COPY --from=builder /app /app\nCMD ["java", "-cp", "/app", "Hello"]\n`;
  const runOwn = (runtime: string, ownEnv?: readonly string[]) => failures({ original: java, output: output(runtime), builderName: 'builder', madePaths: ['/app'], ...(ownEnv ? { ownEnv } : {}) });
  it("accepts the JRE image's own JAVA_HOME only where the plan declares it", () => {
    expect(runOwn('', ['JAVA_HOME'])).toEqual([]);
    expect(runOwn('')).toContainEqual({ id: 'check-env-differs', sentence: expect.stringMatching(/JAVA_HOME=\/usr\/lib\/jvm\/java-8-openjdk-amd64 vs \/usr\/lib\/jvm\/java-8-openjdk-amd64\/jre/) });
  });
  it('still fails another value the stage writes, or another variable', () => {
    expect(runOwn('ENV JAVA_HOME=/opt/java\n', ['JAVA_HOME'])).toContainEqual({ id: 'check-env-differs', sentence: expect.stringMatching(/JAVA_HOME=/) });
    expect(runOwn('ENV LANG=en_US.UTF-8\n', ['JAVA_HOME', 'LANG'])).toContainEqual({ id: 'check-env-differs', sentence: expect.stringMatching(/LANG=C.UTF-8 vs en_US.UTF-8/) });
  });
});

describe("check with a preset's command rewrite", () => {
  const rewrite = { keyword: 'CMD', args: '["/usr/local/bin/a", "--serve"]' };
  const rewritten = good.replace('CMD ["a"]', 'CMD ["/usr/local/bin/a", "--serve"]');
  const runWith = (runtime: string, command: { keyword: string; args: string } | null) => failures({ original, output: builder + runtime, builderName: 'builder', madePaths: made, command });
  it('holds the runtime stage to exactly the declared command', () => {
    expect(runWith(rewritten, rewrite)).toEqual([]);
  });
  it('fails the original command, another command, or none in place of the declared one', () => {
    const differs = (message: RegExp) => ({ id: 'check-rewrite-differs', sentence: expect.stringMatching(message) });
    expect(runWith(good, rewrite)).toContainEqual(differs(/CMD differs from the preset's rewrite/));
    expect(runWith(rewritten.replace('--serve', '--other'), rewrite)).toContainEqual(differs(/CMD differs from the preset's rewrite/));
    expect(runWith(rewritten.replace(/CMD .*\n/, ''), rewrite)).toContainEqual(differs(/CMD differs from the preset's rewrite: .* vs \(none\)/));
  });
  it('fails a rewritten command nobody declared, and keeps checking the other keywords', () => {
    expect(runWith(rewritten, null)).toContainEqual({ id: 'check-command-differs', sentence: expect.stringMatching(/CMD differs/) });
    expect(runWith(rewritten.replace('USER app\n', ''), rewrite)).toContainEqual({ id: 'check-user-differs', sentence: expect.stringMatching(/USER differs/) });
  });
});
