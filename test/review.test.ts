// Issue 23, "Measure it as the reviewer did": the review's automatic detectors (bench/review/detectors.mjs),
// each on small hand-written pairs, one that trips it and one that does not; the seeded sample, the
// strategy of a result and the tally's Wilson intervals. The detectors over the whole corpus are
// test/corpus/detectors.test.ts.
import { describe, expect, it } from 'vitest';
import { DETECTORS, detectAll, detectOne, knownImage, releaseOf } from '../bench/review/detectors.mjs';
import { draw } from '../bench/review/sample.mjs';
import { runtimeKind, strategyOf } from '../bench/review/strategy.mjs';
import { readRecallVerdicts, recallCandidate, recallRescore, recallTally } from '../bench/review/recall.mjs';
import { readVerdicts, tally, wilson } from '../bench/review/tally.mjs';
import { convert } from '../src/convert.js';
import { reviewLib as lib } from './shared.js';

/** The hits of detector `id` on a hand-written pair: the original and the output dfsplit would have written. */
const hits = (id: string, input: string, output: string) => detectOne(id, input, { status: 'changed', output }, lib);
const details = (id: string, input: string, output: string) => hits(id, input, output).map((h) => h.detail);

const GO = 'FROM golang:1.21\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN go build -o /out/app .\nCMD ["/out/app"]\n';
const GO_BUILDER = GO.replace('FROM golang:1.21', 'FROM golang:1.21 AS builder');

describe('the detectors', () => {
  it('item 1: an emitted RUN that the shell parser refuses trips shell-syntax; a RUN the original already had does not', () => {
    const input = 'FROM debian:bookworm\nRUN chmod +x a; \\\n    mkdir b\nCMD ["/a"]\n';
    const out = (run: string) => `FROM debian:bookworm AS builder\nRUN chmod +x a; \\\n    mkdir b\nCMD ["/a"]\n\nFROM debian:bookworm-slim\n${run}\nCMD ["/a"]\n`;
    expect(details('shell-syntax', input, out('RUN chmod +x a; && mkdir b'))).toEqual([expect.stringMatching(/^line 7: .*&&/)]);
    expect(hits('shell-syntax', input, out('RUN chmod +x a; mkdir b'))).toEqual([]);
    // a script that does not parse in the original either is the original's, not dfsplit's
    const broken = 'FROM debian:bookworm\nRUN echo a; && echo b\nCMD ["/a"]\n';
    expect(hits('shell-syntax', broken, `${broken.replace('bookworm\n', 'bookworm AS builder\n')}\nFROM debian:bookworm-slim\nRUN echo a; && echo b\nCMD ["/a"]\n`)).toEqual([]);
  });

  it('item 4: a COPY --from of a path the builder renames, deletes, quotes or never makes trips copy-missing; of the path it makes, not', () => {
    const input = 'FROM debian:bookworm\nWORKDIR /src\nCOPY . .\nRUN gcc -o /src/app app.c && mv /src/app /usr/local/bin/\nCMD ["app"]\n';
    const out = (copy: string) => `${input.replace('bookworm\n', 'bookworm AS builder\n')}\nFROM debian:bookworm-slim\n${copy}\nCMD ["app"]\n`;
    expect(details('copy-missing', input, out('COPY --from=builder /src/app /usr/local/bin/app'))).toEqual([expect.stringMatching(/^\/src\/app: moved away by `mv \/src\/app \/usr\/local\/bin\/` at line 4/)]);
    expect(hits('copy-missing', input, out('COPY --from=builder /usr/local/bin/app /usr/local/bin/app'))).toEqual([]);
    const removed = 'FROM debian:bookworm\nWORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/app\nRUN rm -rf /opt/app/share\nCMD ["/opt/app/bin/x"]\n';
    const removedOut = (copy: string) => `${removed.replace('bookworm\n', 'bookworm AS builder\n')}\nFROM debian:bookworm-slim\n${copy}\nCMD ["/opt/app/bin/x"]\n`;
    expect(details('copy-missing', removed, removedOut('COPY --from=builder /opt/app/share/x /opt/app/share/x'))).toEqual([expect.stringMatching(/^\/opt\/app\/share\/x: deleted by `rm -rf \/opt\/app\/share` at line 5/)]);
    expect(hits('copy-missing', removed, removedOut('COPY --from=builder /opt/app /opt/app'))).toEqual([]);
    expect(details('copy-missing', input, out('COPY --from=builder ["/\\"/src\\"", "/src"]'))).toEqual(['/"/src": a quote is part of the path']);
    expect(details('copy-missing', input, out('COPY --from=builder /nowhere/app /usr/local/bin/app'))).toEqual(['/nowhere/app: no builder step makes it']);
    // a cp's destination is made (`cp target/app.jar /app.jar`, modulo12/partner-api)
    const copied = 'FROM debian:bookworm\nWORKDIR /src\nCOPY . .\nRUN make\nRUN cp /src/target/app.jar /app.jar\nCMD ["/app.jar"]\n';
    const copiedOut = `${copied.replace('bookworm\n', 'bookworm AS builder\n')}\nFROM debian:bookworm-slim\nCOPY --from=builder /app.jar /app.jar\nCMD ["/app.jar"]\n`;
    expect(hits('copy-missing', copied, copiedOut)).toEqual([]);
    expect(details('copy-missing', copied, copiedOut.replace('COPY --from=builder /app.jar', 'COPY --from=builder /other.jar'))).toEqual(['/other.jar: no builder step makes it']);
    // the CA bundle of a builder image that carries one in every tag (the image table) is there; of debian:bookworm, not
    const certs = 'COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt';
    expect(hits('copy-missing', GO, `${GO_BUILDER}\nFROM debian:bookworm-slim\n${certs}\nCMD ["/out/app"]\n`)).toEqual([]);
    expect(details('copy-missing', input, out(certs))).toEqual(['/etc/ssl/certs/ca-certificates.crt: no builder step makes it']);
    // /usr/local/bin is on every Debian and Ubuntu image (base-files: pip's scripts, python-distro); on alpine, not
    const bin = 'COPY --from=builder /usr/local/bin /usr/local/bin';
    expect(hits('copy-missing', input, out(bin))).toEqual([]);
    const alpine = 'FROM alpine:3.19\nRUN apk add --no-cache gcc musl-dev\nWORKDIR /src\nCOPY app.c .\nRUN gcc -o /src/app app.c\nCMD ["/src/app"]\n';
    expect(details('copy-missing', alpine, `${alpine.replace('3.19\n', '3.19 AS builder\n')}\nFROM alpine:3.19\n${bin}\nCMD ["/src/app"]\n`)).toEqual(['/usr/local/bin: no builder step makes it']);
    // golang's Alpine tags write /etc/nsswitch.conf from Alpine 3.8 on (the image table); debian:bookworm has no such row
    const nss = 'COPY --from=builder /etc/nsswitch.conf /etc/nsswitch.conf';
    const alpineGo = 'FROM golang:1.11.5-alpine3.8\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN go build -o /out/app .\nCMD ["/out/app"]\n';
    expect(hits('copy-missing', alpineGo, `${alpineGo.replace('FROM golang:1.11.5-alpine3.8', 'FROM golang:1.11.5-alpine3.8 AS builder')}\nFROM alpine:3.8\n${nss}\nCMD ["/out/app"]\n`)).toEqual([]);
    expect(details('copy-missing', input, out(nss))).toEqual(['/etc/nsswitch.conf: no builder step makes it']);
  });

  it('item 6: a COPY --from of / or a whole system directory (also /tmp and /opt) trips system-dir; of a file in one, not', () => {
    const out = (copy: string) => `${GO_BUILDER}\nFROM debian:bookworm-slim\n${copy}\nCMD ["/out/app"]\n`;
    expect(details('system-dir', GO, out('COPY --from=builder / /'))).toEqual(['/ copied whole']);
    expect(details('system-dir', GO, out('COPY --from=builder /usr/ /usr/'))).toEqual(['/usr copied whole']);
    expect(details('system-dir', GO, out('COPY --from=builder /tmp /tmp'))).toEqual(['/tmp copied whole']);
    expect(hits('system-dir', GO, out('COPY --from=builder /out/app /out/app'))).toEqual([]);
  });

  it("item 7: another distribution's package manager, or a package name its release lacks, trips wrong-packages", () => {
    const input = 'FROM alpine:3.9\nRUN apk add --no-cache gcc musl-dev\nCOPY . /src\nRUN gcc -o /usr/local/bin/app /src/app.c\nCMD ["app"]\n';
    const out = (from: string, run: string) => `${input.replace('alpine:3.9\n', 'alpine:3.9 AS builder\n')}\nFROM ${from}\n${run}\nCOPY --from=builder /usr/local/bin/app /usr/local/bin/app\nCMD ["app"]\n`;
    expect(details('wrong-packages', input, out('alpine:3.9', 'RUN apt-get update && apt-get install -y libssl1.1'))).toEqual(expect.arrayContaining([expect.stringMatching(/^apt-get on alpine:3.9, whose package manager is apk/)]));
    expect(details('wrong-packages', input, out('alpine:3.9', 'RUN apk add --no-cache libssl3'))).toEqual(['libssl3 does not exist in alpine 3.9 (3.17 to now)']);
    expect(hits('wrong-packages', input, out('alpine:3.18', 'RUN apk add --no-cache libssl3'))).toEqual([]);
    expect(details('wrong-packages', input, out('debian:stretch-slim', 'RUN apt-get update && apt-get install -y libssl3'))).toEqual(['libssl3 does not exist in debian stretch (bookworm to now)']);
    expect(hits('wrong-packages', input, out('debian:bookworm-slim', 'RUN apt-get update && apt-get install -y libssl3'))).toEqual([]);
    // a release dfsplit cannot read from the tag is not judged
    expect(hits('wrong-packages', input, out('alpine', 'RUN apk add --no-cache libssl1.1'))).toEqual([]);
  });

  it('item 8: a program moved from a full image onto a bare one without CA certificates trips ca-certificates; with them, not', () => {
    const out = (runtime: string) => `${GO_BUILDER}\n${runtime}\nCOPY --from=builder /out/app /out/app\nCMD ["/out/app"]\n`;
    expect(details('ca-certificates', GO, out('FROM debian:bookworm-slim'))).toEqual([expect.stringMatching(/^golang:1.21 has CA certificates, debian:bookworm-slim has none/)]);
    expect(hits('ca-certificates', GO, out('FROM scratch'))).toHaveLength(1);
    expect(hits('ca-certificates', GO, out('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y ca-certificates && rm -rf /var/lib/apt/lists/*'))).toEqual([]);
    expect(hits('ca-certificates', GO, out('FROM scratch\nCOPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/'))).toEqual([]);
    expect(hits('ca-certificates', GO, out('FROM gcr.io/distroless/static-debian12'))).toEqual([]);
  });

  it('item 12: a COPY --from of a toolchain path no builder step makes, from an image the table does not know, trips unknown-image-tool', () => {
    const input = (from: string) => `FROM ${from}\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nCMD ["app"]\n`;
    const out = (from: string) => `${input(from).replace(`FROM ${from}\n`, `FROM ${from} AS builder\n`)}\nFROM debian:bookworm-slim\nCOPY --from=builder /root/.cargo/bin/app /usr/local/bin/app\nCMD ["app"]\n`;
    expect(details('unknown-image-tool', input('rustlang/rust:nightly-slim'), out('rustlang/rust:nightly-slim'))).toEqual(['/root/.cargo/bin/app (/root/.cargo) assumed of rustlang/rust:nightly-slim, not in the image table']);
    expect(hits('unknown-image-tool', input('rust:1.75'), out('rust:1.75'))).toEqual([]);
    // a toolchain path the builder's own commands fill is no assumption about the image
    const made = (text: string) => text.replace('RUN cargo build --release', 'RUN cargo build --release && mkdir -p /root/.cargo/bin && cp target/release/app /root/.cargo/bin/app');
    expect(hits('unknown-image-tool', made(input('rustlang/rust:nightly-slim')), made(out('rustlang/rust:nightly-slim')))).toEqual([]);
    expect(knownImage('rust:1.75', lib)).toBe(true);
    expect(knownImage('rustlang/rust:nightly-slim', lib)).toBe(false);
  });

  it('item 13: the same image with only cleanup, upgrades, git or make left out trips no-gain; a compiler left out does not', () => {
    const input = (pkgs: string) => `FROM node:18-alpine\nRUN apk update && apk upgrade && apk add ${pkgs}\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "index.js"]\n`;
    const out = (pkgs: string) => `${input(pkgs).replace('FROM node:18-alpine\n', 'FROM node:18-alpine AS builder\n')}\nFROM node:18-alpine\nWORKDIR /app\nCOPY --from=builder /app /app\nCMD ["node", "index.js"]\n`;
    expect(hits('no-gain', input('git make'), out('git make'))).toHaveLength(1);
    expect(hits('no-gain', input('git make python3 g++'), out('git make python3 g++'))).toEqual([]);
  });

  it('reads nothing but changed results, and every detector answers for every changed result', () => {
    expect(Object.values(detectAll(GO, { status: 'unchanged', output: GO }, lib)).flat()).toEqual([]);
    const r = convert(GO);
    expect(r.status).toBe('changed');
    expect(Object.keys(detectAll(GO, r, lib)).sort()).toEqual(DETECTORS.map((d) => d.id).sort());
  });

  it("reads the distribution release of an image from its tag and dfsplit's image table", () => {
    expect(releaseOf('alpine:3.9', lib)).toEqual({ name: 'alpine', release: '3.9' });
    expect(releaseOf('python:3.7-alpine3.8', lib)).toEqual({ name: 'alpine', release: '3.8' });
    expect(releaseOf('python:3.7-alpine', lib)).toEqual({ name: 'alpine', release: null });
    expect(releaseOf('debian:9-slim', lib)).toEqual({ name: 'debian', release: 'stretch' });
    expect(releaseOf('node:8-jessie', lib)).toEqual({ name: 'debian', release: 'jessie' });
    expect(releaseOf('ubuntu:xenial', lib)).toEqual({ name: 'ubuntu', release: '16.04' });
    expect(releaseOf('ubuntu:18.04', lib)).toEqual({ name: 'ubuntu', release: '18.04' });
  });
});

describe('the sample, the strategy and the tally', () => {
  const files = Array.from({ length: 934 }, (_, i) => `f${i}`);

  it('draws the same sample for the same seed, another for another seed, without repeats, the smaller drawing a prefix of the larger', () => {
    const a = draw(files, 150, 'abc');
    expect(a).toEqual(draw(files, 150, 'abc'));
    expect(new Set(a).size).toBe(150);
    expect(a).not.toEqual(draw(files, 150, 'abd'));
    expect(draw(files, 30, 'abc')).toEqual(a.slice(0, 30));
    expect(draw(files, 2000, 'abc').sort()).toEqual([...files].sort());
  });

  it('names the strategy of a result by its preset and its runtime image relative to the builder', () => {
    expect(runtimeKind('node:18', 'node:18', lib)).toBe('same-base');
    expect(runtimeKind('node:18', 'node:18-slim', lib)).toBe('slim');
    expect(runtimeKind('golang:1.21', 'scratch', lib)).toBe('scratch');
    expect(runtimeKind('golang:1.21', 'debian:bookworm-slim', lib)).toBe('distro-slim');
    expect(runtimeKind('golang:1.21', 'gcr.io/distroless/static-debian12', lib)).toBe('distroless');
    const r = convert(GO);
    expect(strategyOf(r, lib)).toEqual({ strategy: `${r.preset?.id ?? 'generic'}/${runtimeKind('golang:1.21', r.stages.find((s) => s.role === 'runtime')!.image, lib)}`, family: 'golang', builder: 'golang:1.21', runtime: r.stages.find((s) => s.role === 'runtime')!.image, proof: 'static' });
    expect(strategyOf({ ...r, proof: { level: 'build', unproven: [] } }, lib).proof).toBe('build');
    expect(strategyOf({ ...r, proof: null }, lib).proof).toBe(null);
  });

  it("gives Wilson's 95% interval", () => {
    const [lo, hi] = wilson(7, 20);
    expect(lo).toBeCloseTo(0.1812, 3);
    expect(hi).toBeCloseTo(0.5671, 3);
    expect(wilson(0, 150)[0]).toBe(0);
    expect(wilson(0, 150)[1]).toBeCloseTo(0.02497, 4);
  });

  it('reads filled verdicts, skips the unfilled, refuses an unknown verdict, and tallies by strategy and proof level', () => {
    const rows = readVerdicts('file\tverdict\titem\tnote\na\tgood\t\t\nb\tbroken-build\t1\tsyntax\nc\t\t\t\nd\tbroken-run\t8\tcerts\n');
    expect(rows.map((r) => r.verdict)).toEqual(['good', 'broken-build', 'broken-run']);
    expect(() => readVerdicts('a\tfine\t\t\n')).toThrow(/line 1: verdict "fine"/);
    const info = new Map([
      ['a', { strategy: 'node/slim', proof: 'static' }],
      ['b', { strategy: 'generic/same-base', proof: 'build' }],
      ['d', { strategy: 'generic/same-base', proof: 'build' }],
    ]);
    const table = tally(rows, info);
    expect(table).toContain('| generic/same-base | 2 | 0 | 0 | 1 | 1 | 100.0% | 34.2% to 100.0% |');
    expect(table).toContain('| **all** | 3 | 1 | 0 | 1 | 1 | 66.7% |');
    expect(table).toContain('| proof level |');
    expect(tally(rows, new Map([['a', { strategy: 'x', proof: null }]]))).not.toContain('proof level');
    expect(tally(rows, new Map([['a', { strategy: 'x', proof: null, family: 'node' }]]))).toContain('| builder family |');
  });
});

describe('the recall review (issue 24)', () => {
  it('samples declined files and unchanged ones that are not multi-stage already', () => {
    expect(recallCandidate({ status: 'declined', reasons: [{ id: 'complex-run' }] })).toBe(true);
    expect(recallCandidate({ status: 'unchanged', reasons: [{ id: 'nothing-to-split' }] })).toBe(true);
    expect(recallCandidate({ status: 'unchanged', reasons: [{ id: 'multi-stage' }] })).toBe(false);
    expect(recallCandidate({ status: 'changed', reasons: [] })).toBe(false);
  });

  it('reads recall verdicts, refusing a precision verdict, and estimates missed conversions per 1,000 files by stratum weight', () => {
    expect(() => readRecallVerdicts('a\tgood\t\t\n')).toThrow(/line 1: verdict "good"/);
    const rows = readRecallVerdicts('file\tverdict\tecosystem\tnote\nd1\tconvert-clear\tgo\tx\nd2\tstay\t\t\nu1\tconvert-context\tjava\t\nu2\tstay\t\t\nu3\t\t\t\n');
    expect(rows).toHaveLength(4);
    const info = new Map([
      ['d1', { stratum: 'declined', family: 'golang', reason: 'runtime-config-differs' }],
      ['d2', { stratum: 'declined', family: 'node', reason: 'complex-run' }],
      ['u1', { stratum: 'unchanged', family: 'maven', reason: 'nothing-to-split' }],
      ['u2', { stratum: 'unchanged', family: 'debian', reason: 'nothing-to-split' }],
    ]);
    const table = recallTally(rows, info, { strata: { declined: 100, unchanged: 900 }, corpus: 2000, changed: 10 });
    // declined: 1 clear of 2 reviewed, weight 100/2000 -> 0.025 of the corpus -> 25 per 1,000, 50 files
    expect(table).toContain('| declined | 100 | 2 | 1 | 0 | 0 | 1 | 50.0% (9.5 to 90.5%) |');
    expect(table).toContain('Missed clear conversions: 25.0 per 1,000 corpus files (95%: 4.7 to ');
    expect(table).toContain('about 50 files');
    expect(table).toContain('missed clear per conversion made: 5.00');
    // the unchanged stratum's context verdict counts only in the wider estimate: 25 + 225 per 1,000
    expect(table).toContain('Missed clear or with-context conversions: 250.0 per 1,000');
    expect(table).toContain('| runtime-config-differs | 1 | 0 | 50 |');
    expect(table).toContain('| java | 0 | 1 | 0 |');
    // an old population without buildLevel prints no build-level line
    expect(table).not.toContain('build-level conversions counted');
  });

  // d1 build level at the draw, d2 and d3 declined, u1 unchanged: the strata of the two build-level tests
  const BUILD_LEVEL_STRATA: [string, { stratum: string; family: string; reason: string }][] = [
    ['d1', { stratum: 'declined', family: 'golang', reason: 'needs-verify' }],
    ['d2', { stratum: 'declined', family: 'golang', reason: 'complex-run' }],
    ['d3', { stratum: 'declined', family: 'node', reason: 'complex-run' }],
    ['u1', { stratum: 'unchanged', family: 'debian', reason: 'nothing-to-split' }],
  ];

  it('counts declined needs-verify files, which dfsplit proposes through --verify, as conversions made when asked', () => {
    const rows = readRecallVerdicts('file\tverdict\tecosystem\tnote\nd1\tconvert-clear\tgo\tx\nd2\tconvert-clear\tgo\t\nd3\tstay\t\t\nu1\tstay\t\t\n');
    const info = new Map(BUILD_LEVEL_STRATA);
    const table = recallTally(rows, info, { strata: { declined: 100, unchanged: 900 }, corpus: 2000, changed: 10, buildLevel: 40 });
    // without the build level: 2 clear of 3 declined -> 66.7 files of 100
    expect(table).toContain('missed clear per conversion made: 6.67');
    // with it: d1 is not a miss; 1 clear of the 2 other declined, over the 60 declined files that are not build level -> 30 files;
    // 10 static + 40 build = 50 conversions
    expect(table).toContain('10 static + 40 build = 50 conversions (25.0 per 1,000); missed clear conversions 15.0 per 1,000');
    expect(table).toContain('missed clear per conversion made: 0.60');
  });

  it("re-scores with today's statuses: a clear miss dfsplit now converts is no longer missed, over today's strata and conversions", () => {
    const rows = readRecallVerdicts('file\tverdict\tecosystem\tnote\nd1\tconvert-clear\tgo\tx\nd2\tconvert-clear\tgo\t\nd3\tconvert-clear\t\t\nu1\tconvert-clear\t\t\nu2\tstay\t\t\n');
    const info = new Map([...BUILD_LEVEL_STRATA, ['u2', { stratum: 'unchanged', family: 'debian', reason: 'nothing-to-split' }]]);
    // d1 was build level at the draw (left out); d2 is converted now, d3 still declined: 1 of 2 over 50 declined -> 25;
    // u1 still unchanged: 1 of 2 over 900 -> 450; 475 missed over 100 conversions made
    const now = {
      status: new Map([
        ['d2', 'build'],
        ['d3', 'declined'],
        ['u1', 'unchanged'],
        ['u2', 'unchanged'],
      ]),
      sizes: { declined: 50, unchanged: 900 },
      made: 100,
    };
    const r = recallRescore(rows, info, now);
    expect(r.missed[0]).toBeCloseTo(475);
    expect(r.line).toContain('declined 1 of 2 still missed (stratum 50); unchanged 1 of 2 still missed (stratum 900)');
    expect(r.line).toContain('missed clear per conversion made: 4.75');
    // converting u1 too leaves only d3's share
    expect(recallRescore(rows, info, { ...now, status: new Map([...now.status, ['u1', 'changed']]) }).missed[0]).toBeCloseTo(25);
  });
});
