// Property tests: Dockerfiles built from random instruction sequences (realistic commands, comments,
// continuations, heredocs, tabs, unicode, CRLF, BOM) must never crash convert() and must keep the
// invariants in test/invariants.ts. Fixed seed, so the run is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertDetailed, type ConvertResult } from '../src/convert.js';
import { parse } from '../src/parse.js';
import { resultInvariants, STATUSES, toCrlf } from './invariants.js';

const SEED = 20_251_122;
const RUNS = 300;

const images = fc.constantFrom('golang:1.22', 'python:3.12', 'python:3.12-slim', 'node:20', 'ubuntu:22.04', 'debian:bookworm', 'alpine:3.19', 'gcc:13-bookworm', 'maven:3-eclipse-temurin-17', 'rust:1.79-bookworm');

/** Commands a RUN chains with &&: build tools, runtime packages, compilers, setup. */
const commands = fc.constantFrom(
  'apt-get update',
  'apt-get install -y gcc libpq-dev curl',
  'apt-get install -y --no-install-recommends build-essential ca-certificates',
  'apt-get install -y make libssl-dev tzdata',
  'apk add --no-cache build-base libffi-dev',
  'rm -rf /var/lib/apt/lists/*',
  'gcc -o /usr/local/bin/hello hello.c',
  'gcc -O2 -o app main.c',
  'make',
  'make install',
  'go build -o /app/server .',
  'go build -ldflags="-s -w" -o /usr/local/bin/api ./cmd/api',
  'CGO_ENABLED=0 go build -o /bin/tool ./cmd/tool',
  'go mod download',
  'pip install -r requirements.txt',
  'pip install --no-cache-dir flask gunicorn',
  'pip install --user requests',
  'python -m venv /opt/venv',
  'npm ci',
  'npm run build',
  'mvn -q package',
  'cargo build --release',
  'useradd -m app',
  'useradd -r -u 1001 svc',
  'mkdir -p /data /var/log/app',
  'echo "listen 8080" > /etc/app.conf',
  'echo "héllo ✓ 世界" > /greeting.txt',
  'chmod +x /usr/local/bin/hello',
  'cd /src',
  'ln -s /usr/local/bin/hello /usr/bin/hi',
);

const chainSep = fc.constantFrom(' && ', ' \\\n    && ', ' && \\\n\t', ' \\\n    # a comment inside the continuation ✓\n    && ', ' \\\n\n    && ');
const runShell = fc.tuple(commands, fc.array(fc.tuple(chainSep, commands), { maxLength: 4 }), fc.constantFrom('RUN ', 'RUN\t', 'run ')).map(([first, rest, kw]) => `${kw}${first}${rest.map(([s, c]) => s + c).join('')}`);
const runExec = fc.constantFrom('RUN ["make", "install"]', 'RUN ["/bin/sh", "-c", "go build -o /app ."]', 'RUN [ "gcc", "-o", "/bin/x", "x.c" ]');
const heredoc = fc.constantFrom('RUN <<EOF\nset -e\nmake\nmake install\nEOF', 'RUN << EOF\napt-get update\napt-get install -y gcc\nEOF', 'RUN <<-SCRIPT\n\tgo build -o /app .\n\tSCRIPT', 'COPY <<EOF /etc/motd\nwelcome é ✓\nEOF');
const comment = fc.constantFrom('# build the thing', '#   ünïcode comment 🐳', '# syntax-ish comment: RUN make', '\t# tab-indented comment', '#');
const blank = fc.constantFrom('', '   ', '\t');
const other = fc.constantFrom(
  'COPY . /src',
  'COPY . .',
  'COPY requirements.txt ./',
  'COPY --chown=1000:1000 app /app',
  'ADD app.tar.gz /opt/',
  'ADD https://example.com/x.tgz /tmp/x.tgz',
  'ENV PATH=/opt/venv/bin:$PATH',
  'ENV LANG C.UTF-8',
  'ENV A=1 B="two words"',
  'ENV GOFLAGS=-mod=vendor',
  'ARG VERSION',
  'ARG VERSION=1.0',
  'ARG TOKEN',
  'WORKDIR /src',
  'WORKDIR /app',
  'WORKDIR sub',
  'USER app',
  'USER 1000',
  'USER root',
  'EXPOSE 8080',
  'EXPOSE 80 443/tcp',
  'LABEL maintainer="José <j@example.com>"',
  'LABEL version=$VERSION',
  'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
  'HEALTHCHECK --interval=30s CMD ["wget", "-q", "-O-", "http://localhost/"]',
  'HEALTHCHECK NONE',
  'CMD ["./app"]',
  'CMD ["/app/server", "--port", "8080"]',
  'CMD ./app --flag',
  'CMD python app.py',
  'CMD ["bad json"',
  'CMD [ "spaced arg" ]',
  'ENTRYPOINT ["/usr/local/bin/hello"]',
  'ENTRYPOINT hello "wörld"',
  'ENTRYPOINT ["/docker-entrypoint.sh"]',
  'ENV PATH=/usr/local/go/bin:$PATH \\\n    GOPATH=/go',
  'STOPSIGNAL SIGTERM',
  'VOLUME /data',
  'SHELL ["/bin/bash", "-c"]',
  'ONBUILD RUN make',
);

const instruction = fc.oneof({ arbitrary: runShell, weight: 6 }, { arbitrary: runExec, weight: 1 }, { arbitrary: heredoc, weight: 1 }, { arbitrary: comment, weight: 2 }, { arbitrary: blank, weight: 1 }, { arbitrary: other, weight: 6 });

const fromLine = fc.tuple(images, fc.constantFrom('', '', ' AS build', ' as Builder', '   ', '\t'), fc.constantFrom('FROM ', 'from ', 'FROM --platform=$BUILDPLATFORM ', 'FROM \\\n  ')).map(([image, as, kw]) => `${kw}${image}${as}`);
const preamble = fc.constantFrom<{ lines: string[]; from?: string }>(
  { lines: [] },
  { lines: ['# syntax=docker/dockerfile:1'] },
  { lines: ['ARG BASE=golang:1.22'], from: 'FROM ${BASE}' },
  { lines: ['ARG GO_VERSION=1.22'], from: 'FROM golang:${GO_VERSION}-bookworm' },
  { lines: ['ARG VERSION=2.0', ''] },
  { lines: ['# escape=`'], from: 'FROM golang:1.22' },
);

/** A whole Dockerfile with LF line ends and no BOM. */
const dockerfile = fc.tuple(preamble, fromLine, fc.array(instruction, { maxLength: 14 }), fc.boolean()).map(([pre, from, body, finalEol]) => {
  const text = [...pre.lines, pre.from ?? from, ...body].join('\n');
  return finalEol ? `${text}\n` : text;
});

const params = { seed: SEED, numRuns: RUNS, endOnFailure: false } as const;

const AS_VERIFIED = { verify: true };

describe('convert() on generated Dockerfiles', () => {
  it('never throws and keeps every invariant; CRLF and BOM variants give the CRLF and BOM forms of the LF result', { timeout: 300_000 }, () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(dockerfile, (text) => {
        // as under --verify: splits only a build proves are written too, and must keep the same invariants
        const detailed = [text, toCrlf(text), `\uFEFF${text}`].map((variant) => ({ variant, ...convertDetailed(variant, AS_VERIFIED) }));
        for (const d of detailed) {
          expect(STATUSES).toContain(d.result.status);
          expect(resultInvariants(d.variant, d)).toEqual([]);
        }
        const [lf, crlf, bom] = detailed.map((d) => d.result) as [ConvertResult, ConvertResult, ConvertResult];
        expect(crlf.status).toBe(lf.status);
        expect(crlf.reasons.map((x) => x.id)).toEqual(lf.reasons.map((x) => x.id));
        expect(crlf.output).toBe(toCrlf(lf.output));
        expect(bom.status).toBe(lf.status);
        expect(bom.output).toBe(`\uFEFF${lf.output}`);
        seen.set(lf.status, (seen.get(lf.status) ?? 0) + 1);
      }),
      params,
    );
    console.log(`property runs by status: ${[...seen].map(([s, n]) => `${s} ${n}`).join(', ')}`);
    // the generator must reach the interesting outcomes, or the properties prove little
    // precision first (issue 9) declines more of these random files, and so do runtime packages named only for a
    // known release (issue 23 item 7: apt-get on Alpine, apk on Debian, an image named through an ARG), and so does
    // a pip install outside the virtual environment the python-venv preset copies (the generator's
    // `python -m venv /opt/venv` without the venv on PATH: pip-outside-venv), and so does a program started by a
    // path no step is known to make (`CMD ./app` after a `make install` whose outputs are unknown: command-missing);
    // a split must still be reached often
    expect(seen.get('changed') ?? 0).toBeGreaterThan(RUNS / 60);
    expect(seen.get('declined') ?? 0).toBeGreaterThan(0);
    expect(seen.get('unchanged') ?? 0).toBeGreaterThan(0);
  });
});

describe('parse() on generated Dockerfiles', () => {
  it("maps every character of every instruction's arguments back to the same character of the file", () => {
    let checked = 0;
    fc.assert(
      fc.property(dockerfile, (text) => {
        for (const variant of [text, toCrlf(text)]) {
          let model;
          try {
            model = parse(variant);
          } catch {
            return;
          }
          for (const ins of model.instructions) {
            for (let i = 0; i < ins.args.length; i++) {
              const at = ins.argsOffsetAt(i);
              if (model.text[at] !== ins.args[i]) expect({ line: ins.line, i, at, file: model.text[at] }).toEqual({ line: ins.line, i, at, file: ins.args[i] });
              checked++;
            }
          }
        }
      }),
      params,
    );
    expect(checked).toBeGreaterThan(10_000);
  });
});
