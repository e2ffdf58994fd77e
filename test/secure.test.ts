// The runtime stage never receives what only the build needed, and never runs as a more powerful user.
import { describe, expect, it } from 'vitest';
import { convert } from '../src/convert.js';
import { memoryContext } from '../src/context.js';
import { parse } from '../src/parse.js';

/** The text of the last stage of a converted file. */
function runtimeStage(output: string): string {
  const m = parse(output);
  const last = m.stages[m.stages.length - 1]!;
  return last.instructions.map((i) => m.instructions[i]!.raw).join('\n');
}

function converted(text: string, context?: Record<string, string>): string {
  // as --verify converts: the runtime stage's content is what these tests read, whatever its proof level
  const r = convert(text, context ? { context: memoryContext(context), verify: true } : { verify: true });
  expect(r.reasons).toEqual([]);
  expect(r.status).toBe('changed');
  return runtimeStage(r.output);
}

describe('secure output', () => {
  it('installs no compiler, header package or toolchain in the runtime stage', () => {
    const rt = converted('FROM debian:bookworm\nRUN apt-get update && apt-get install -y build-essential gcc g++ make cmake git libssl-dev libpq-dev zlib1g-dev pkg-config curl\nWORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/app\nCMD ["/opt/app/bin/x"]\n');
    for (const pkg of ['build-essential', 'gcc', 'g++', 'make', 'cmake', 'git', 'libssl-dev', 'libpq-dev', 'zlib1g-dev', 'pkg-config']) {
      expect(rt).not.toMatch(new RegExp(`(^|\\s)${pkg.replace(/\+/g, '\\+')}(\\s|$)`, 'm'));
    }
    expect(rt).toMatch(/apt-get install -y curl libssl3 libpq5 zlib1g && rm -rf \/var\/lib\/apt\/lists\/\*/);
  });

  it('leaves no package cache behind in the runtime stage', () => {
    const rt = converted('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc libxml2-dev\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nCMD ["a"]\n');
    for (const line of rt.split('\n').filter((l) => /apt-get install/.test(l))) expect(line).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*$/);
    const apk = converted('FROM alpine:3.19\nRUN apk add gcc musl-dev libxml2-dev\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nCMD ["a"]\n');
    expect(apk).toMatch(/apk add --no-cache libxml2/);
  });

  it('does not carry build secrets passed as ARG into the runtime stage', () => {
    const rt = converted('FROM golang:1.22\nARG NPM_TOKEN\nARG GITHUB_TOKEN=abc\nWORKDIR /src\nCOPY . .\nRUN GOPRIVATE=x GITHUB_TOKEN=$GITHUB_TOKEN go build -o /bin/app .\nCMD ["/bin/app"]\n', { 'main.go': 'package main\nfunc main() {}\n' });
    expect(rt).not.toMatch(/TOKEN/);
  });

  it('keeps test runs and test tools in the builder', () => {
    const rt = converted('FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN pip install pytest pytest-cov\nRUN pytest -q\nRUN pip install -r requirements-dev.txt && python -m pytest\nCMD ["python", "app.py"]\n', { 'requirements.txt': 'flask\n', 'requirements-dev.txt': 'pytest\n' });
    expect(rt).not.toMatch(/pytest|requirements-dev/);
  });

  it('keeps a final non-root USER, after the user is created', () => {
    const rt = converted('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc && useradd -u 1001 app\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nUSER app\nCMD ["a"]\n');
    const lines = rt.split('\n');
    expect(lines[lines.length - 2]).toBe('USER app');
    expect(lines.findIndex((l) => /useradd -u 1001 app/.test(l))).toBeLessThan(lines.indexOf('USER app'));
  });

  it('keeps a numeric USER as written', () => {
    const rt = converted('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY a.c /src/a.c\nRUN gcc -o /usr/local/bin/a /src/a.c\nUSER 1001:1001\nCMD ["a"]\n');
    expect(rt).toMatch(/^USER 1001:1001$/m);
  });
});
