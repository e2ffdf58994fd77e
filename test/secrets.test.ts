// Issue 21, items 6 and 8: nothing the original deletes comes back in the runtime stage (a token, a key,
// sources), no credential is repeated into it, and no whole system directory of the builder is copied.
// The state model and the plan decline; the check is their backstop; bench/safety-scan.mjs's detector
// reads the outputs themselves (over a share of the corpus in test/corpus/secrets.test.ts).
import { describe, expect, it } from 'vitest';
import { detect } from '../bench/safety-scan.mjs';
import { check } from '../src/check.js';
import { convert } from '../src/convert.js';
import { secretLike, systemDir } from '../src/knowledge/secrets.js';
import { parse } from '../src/parse.js';
import { scanLib as lib } from './shared.js';

const SETUP = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential git ca-certificates && rm -rf /var/lib/apt/lists/*\n';
const BUILD = 'WORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/app\n';
const CMD = 'CMD ["/opt/app/bin/hello"]\n';
const ids = (text: string) => convert(text).reasons.map((r) => r.id);

describe('a file the original deletes never reaches the runtime stage', () => {
  it('leaves a .netrc copied outside the working directory and deleted by a later RUN in the builder (removed-input-dropped)', () => {
    const r = convert(`${SETUP}COPY .netrc /root/.netrc\n${BUILD}RUN rm /root/.netrc\n${CMD}`);
    expect(r.status).toBe('changed');
    expect(r.output.split('FROM debian:bookworm-slim')[1]).not.toContain('.netrc');
    expect(r.findings.filter((f) => f.id === 'removed-input-dropped').map((f) => f.message)).toEqual(['`COPY .netrc /root/.netrc`: not repeated in the runtime stage; the builder deletes /root/.netrc again (`rm /root/.netrc`), so the original image does not hold what it copies']);
  });

  it('leaves a key copied into ~/.ssh/ when a later command deletes the directory through ~ (removed-input-dropped)', () => {
    const r = convert(`${SETUP}COPY id_rsa /root/.ssh/\n${BUILD.replace('PREFIX=/opt/app', 'PREFIX=/opt/app && rm -rf ~/.ssh')}${CMD}`);
    expect(r.status).toBe('changed');
    expect(r.output.split('FROM debian:bookworm-slim')[1]).not.toContain('id_rsa');
    expect(r.findings.map((f) => f.id)).toContain('removed-input-dropped');
  });

  it('keeps a key copied into ~/.ssh/ when the deletion leaves its dot files (`rm -rf ~/.ssh/*`)', () => {
    expect(ids(`${SETUP}COPY .id_rsa /root/.ssh/\n${BUILD.replace('PREFIX=/opt/app', 'PREFIX=/opt/app && rm -rf ~/.ssh/*')}${CMD}`)).toEqual([]);
    expect(convert(`${SETUP}COPY .id_rsa /root/.ssh/\n${BUILD.replace('PREFIX=/opt/app', 'PREFIX=/opt/app && rm -rf ~/.ssh/*')}${CMD}`).output.split('FROM debian:bookworm-slim')[1]).toContain('COPY .id_rsa /root/.ssh/');
  });

  it('leaves pip.conf and .npmrc copied to the system and deleted later in the builder, whatever their name', () => {
    for (const [copy, rm, name] of [
      ['COPY pip.conf /etc/pip.conf', 'RUN rm -f /etc/pip.conf', 'pip.conf'],
      ['COPY npmrc /usr/local/etc/npmrc', 'RUN rm -f /usr/local/etc/npmrc', 'npmrc'],
    ]) {
      const r = convert(`${SETUP}${copy}\n${BUILD}${rm}\n${CMD}`);
      expect(r.status, name).toBe('changed');
      expect(r.output.split('FROM debian:bookworm-slim')[1], name).not.toContain(name);
    }
  });

  it('leaves any single file copied outside the working directory and deleted later in the builder', () => {
    const r = convert(`${SETUP}COPY notify.c /var/\n${BUILD}RUN gcc -o /usr/local/bin/notify /var/notify.c && rm /var/notify.c\n${CMD}`);
    expect(r.status).toBe('changed');
    expect(r.output.split('FROM debian:bookworm-slim')[1]).not.toContain('notify.c');
  });

  it('leaves out a context copy whose parent directory a later command deletes (removed-input-dropped)', () => {
    const r = convert(`${SETUP}COPY . /build/src/hello\nWORKDIR /build/src/hello\nRUN make && make install PREFIX=/opt/app\nRUN rm -rf /build\n${CMD}`);
    expect(r.status).toBe('changed');
    expect(r.output.split('FROM debian:bookworm-slim')[1]).not.toContain('COPY . ');
  });

  it('copies a context a later command deletes only in part from the builder as the build left it (context-rest-copied)', () => {
    const r = convert(`${SETUP}COPY . /build/src/hello\nWORKDIR /build/src/hello\nRUN make && make install PREFIX=/opt/app\nRUN rm -rf /build/src/hello/.git\n${CMD}`);
    expect(r.status).toBe('changed');
    expect(r.runtimeStage.map((l) => l.text)).toContain('COPY --from=builder /build/src/hello /build/src/hello');
    expect(r.runtimeStage.map((l) => l.text)).not.toContain('COPY . /build/src/hello');
  });

  it('declines a context copied into a system directory and deleted there in part (/root is never copied whole)', () => {
    expect(ids(`${SETUP}ADD . /root\nRUN cd /root && make && make install PREFIX=/opt/app\nRUN rm -rf /root/.git\n${CMD}`)).toEqual(['runtime-keeps-removed']);
  });

  it('declines a file a repeated command writes and a builder-only command deletes', () => {
    const text = `FROM debian:bookworm\nRUN echo 'deb http://deb.debian.org/debian bookworm-backports main' > /etc/apt/sources.list.d/backports.list && apt-get update && apt-get install -y --no-install-recommends libssl3\n${SETUP.split('\n')[1]}\n${BUILD.replace('PREFIX=/opt/app', 'PREFIX=/opt/app && rm /etc/apt/sources.list.d/backports.list')}${CMD}`;
    expect(ids(text)).toEqual(['runtime-keeps-removed']);
  });

  it('still converts a credential the original keeps: its final image has it too', () => {
    const r = convert(`${SETUP}COPY server.key /etc/ssl/private/server.key\n${BUILD}${CMD}`);
    expect(r.status).toBe('changed');
    expect(r.runtimeStage.map((l) => l.text)).toContain('COPY server.key /etc/ssl/private/server.key');
  });
});

describe('no whole system directory is copied from the builder', () => {
  it('declines an archive unpacked into / instead of writing COPY --from=builder / /', () => {
    const r = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSL https://example.com/s6.tar.gz -o /tmp/s6.tar.gz && tar xzf /tmp/s6.tar.gz -C / && rm /tmp/s6.tar.gz\nCMD ["/init"]\n');
    expect(r.status).toBe('declined');
    expect(r.reasons.map((x) => x.id)).toEqual(['copies-system-dir']);
    expect(r.output).not.toMatch(/COPY --from=\S+ \/ \//);
  });

  it.each(['/usr', '/usr/bin', '/etc'])('never copies an install whose output is %s whole: it is staged into a DESTDIR (src/staged-install.ts)', (dir) => {
    const r = convert(`${SETUP}${BUILD.replace('PREFIX=/opt/app', `PREFIX=${dir}`)}CMD ["hello"]\n`, { verify: true });
    expect(r.output).toContain('COPY --from=builder /staging /\n');
    expect(r.output).not.toMatch(/COPY --from=\S+ \/(usr|etc)\/?(bin)?\/? /);
    expect(ids(`${SETUP}${BUILD.replace('PREFIX=/opt/app', `PREFIX=${dir}`)}CMD ["hello"]\n`)).toEqual(['needs-verify']);
  });

  it('keeps install prefixes that are not system directories (/usr/local, /opt/app); /opt and /tmp whole are (issue 23 item 6)', () => {
    expect(convert(`${SETUP}${BUILD}${CMD}`, { verify: true }).status).toBe('changed');
    expect(systemDir('/usr/local')).toBe(false);
    expect(systemDir('/opt/app')).toBe(false);
    expect(systemDir('/opt')).toBe(true);
    expect(systemDir('/tmp/')).toBe(true);
  });
});

describe('the check, as a backstop', () => {
  const original = parse(`${SETUP}COPY .netrc /root/.netrc\n${BUILD}RUN rm /root/.netrc\n${CMD}`);
  const builder = `${SETUP.replace('bookworm\n', 'bookworm AS builder\n')}COPY .netrc /root/.netrc\n${BUILD}RUN rm /root/.netrc\n${CMD}\n`;
  const runtime = (lines: string) => `FROM debian:bookworm-slim\n${lines}WORKDIR /src\nCOPY . .\nCOPY --from=builder /opt/app /opt/app\n${CMD}`;
  const run = (lines: string) => check({ original, output: builder + runtime(lines), builderName: 'builder', madePaths: ['/opt/app', '/', '/src'] }).map((f) => f.id);
  it('passes a runtime stage without the credential', () => {
    expect(run('')).toEqual([]);
  });
  it('fails a runtime stage that repeats the COPY of a credential the original deletes', () => {
    expect(run('COPY .netrc /root/.netrc\n')).toEqual(['runtime-copies-secret']);
  });
  it("fails a COPY --from of the builder's root", () => {
    expect(run('COPY --from=builder / /\n')).toEqual(['copies-system-dir']);
  });
});

describe('the table of credential-like paths', () => {
  it.each([
    ['/root/.netrc', '.netrc'],
    ['/home/app/.npmrc', '.npmrc'],
    ['/root/.pypirc', '.pypirc'],
    ['/etc/pip.conf', 'pip.conf'],
    ['/root/.ssh/id_rsa', '.ssh'],
    ['/tmp/id_ed25519', 'id_ed25519'],
    ['/etc/ssl/private/server.key', '*.key'],
    ['/app/cert.pem', '*.pem'],
    ['/root/.aws/credentials', '.aws'],
    ['/root/.docker/config.json', '.docker/config.json'],
    ['/root/.git-credentials', '.git-credentials'],
  ])('%s is credential-like (%s)', (path, pattern) => {
    expect(secretLike(path)).toBe(pattern);
  });
  it.each(['/app/main.py', '/root/.docker/daemon.json', '/usr/lib/keyring', '/app/keys.txt', '/app/id_list'])('%s is not', (path) => {
    expect(secretLike(path)).toBeNull();
  });
});

describe("the safety scan's detector", () => {
  it('flags a runtime stage that repeats a deleted credential and one that copies the builder root', () => {
    const input = `${SETUP}COPY .netrc /root/.netrc\n${BUILD}RUN rm /root/.netrc\n${CMD}`;
    const output = `${SETUP.replace('bookworm\n', 'bookworm AS builder\n')}COPY .netrc /root/.netrc\n${BUILD}RUN rm /root/.netrc\n${CMD}\nFROM debian:bookworm-slim\nCOPY .netrc /root/.netrc\nCOPY --from=builder / /\n${CMD}`;
    const runtimeStage = [
      { text: 'FROM debian:bookworm-slim', line: null },
      { text: 'COPY .netrc /root/.netrc', line: 3 },
      { text: 'COPY --from=builder / /', line: null },
      { text: CMD.trim(), line: 8 },
    ];
    const kinds = detect(input, { status: 'changed', output, runtimeStage }, lib).map((f) => f.kind);
    expect(new Set(kinds)).toEqual(new Set(['deleted', 'secret', 'system-dir']));
  });
});
