// A FROM of an official onbuild variant is read with the image's instructions and triggers written out
// (src/onbuild.ts, src/knowledge/onbuild.ts); the output keeps the FROM and every line of the original.
import { describe, expect, it } from 'vitest';
import { convert, convertDetailed } from '../src/convert.js';
import { onbuildImage } from '../src/knowledge/onbuild.js';
import { expandOnbuild, originalLine } from '../src/onbuild.js';
import { parse } from '../src/parse.js';
import { resultInvariants } from './invariants.js';

describe('the onbuild variants (src/knowledge/onbuild.ts)', () => {
  it('names the image each was built from, a floating tag by the version it last named', () => {
    expect(onbuildImage('golang', 'onbuild')?.base).toBe('golang:1.8');
    expect(onbuildImage('golang', '1.6-onbuild')?.base).toBe('golang:1.6');
    expect(onbuildImage('python', '3-onbuild')?.base).toBe('python:3.6-jessie');
    expect(onbuildImage('python', '2.7.12-onbuild')?.base).toBe('python:2.7-jessie');
    expect(onbuildImage('python', '2.7.8-onbuild')?.base).toBe('python:2.7.8');
    expect(onbuildImage('node', 'onbuild')?.base).toBe('node:9.11.1');
    expect(onbuildImage('rails', 'onbuild')?.base).toBe('ruby:2.3');
    expect(onbuildImage('maven', '3.3-jdk-8-onbuild')?.base).toBe('maven:3.3-jdk-8');
    for (const [repository, tag] of [
      ['python', '3.7-onbuild'],
      ['golang', '1.9-onbuild'],
      ['golang', '1.8'],
      ['node', 'onbuild-x'],
      ['debian', 'onbuild'],
    ] as const)
      expect(onbuildImage(repository, tag), `${repository}:${tag}`).toBeNull();
  });

  it("writes each version's triggers as its Dockerfile had them", () => {
    expect(onbuildImage('golang', '1.8-onbuild')?.instructions.slice(-3)).toEqual(['COPY . /go/src/app', 'RUN go-wrapper download', 'RUN go-wrapper install']);
    // pip's cache skipped from 2015-06-04 on
    expect(onbuildImage('python', '2.7.8-onbuild')?.instructions).toContain('RUN pip install -r requirements.txt');
    expect(onbuildImage('python', '3.5-onbuild')?.instructions).toContain('RUN pip install --no-cache-dir -r requirements.txt');
    expect(onbuildImage('pypy', '3-onbuild')?.instructions).toContain('RUN pip install -r requirements.txt');
    // node: NODE_ENV from 2016-09-19, `npm cache clean` from 2017-01-06, with --force from mid-2017
    expect(onbuildImage('node', '5-onbuild')?.instructions).not.toContain('ARG NODE_ENV');
    expect(onbuildImage('node', '0.12.4-onbuild')?.instructions).toContain('RUN npm install');
    expect(onbuildImage('node', '6.9.5-onbuild')?.instructions).toContain('RUN npm install && npm cache clean');
    expect(onbuildImage('node', '4-onbuild')?.instructions).toEqual(expect.arrayContaining(['ARG NODE_ENV', 'ENV NODE_ENV $NODE_ENV', 'RUN npm install && npm cache clean --force']));
  });
});

describe('a file read with its onbuild image written out (src/onbuild.ts)', () => {
  const file = '# app\nFROM golang:1.8-onbuild\nEXPOSE 8080\nLABEL a=b\n';

  it('inserts the instructions after the FROM, on the image the variant was built from', () => {
    const e = expandOnbuild(parse(file))!;
    expect(e.model.stages[0]!.image).toBe('golang:1.8');
    expect(e.model.text).toBe('# app\nFROM golang:1.8-onbuild\nRUN mkdir -p /go/src/app\nWORKDIR /go/src/app\nCMD ["go-wrapper", "run"]\nCOPY . /go/src/app\nRUN go-wrapper download\nRUN go-wrapper install\nEXPOSE 8080\nLABEL a=b\n');
    expect(e.model.onbuild).toEqual({ first: 1, count: 6, image: 'golang:1.8-onbuild' });
    // lines of the expanded text in the original: an inserted instruction's is the FROM's
    expect([1, 2, 3, 8, 9, 10].map((n) => originalLine(e, n))).toEqual([1, 2, 2, 2, 3, 4]);
    expect(expandOnbuild(parse('FROM golang:1.8-onbuild')!)?.model.text).toBe('FROM golang:1.8-onbuild\nRUN mkdir -p /go/src/app\nWORKDIR /go/src/app\nCMD ["go-wrapper", "run"]\nCOPY . /go/src/app\nRUN go-wrapper download\nRUN go-wrapper install\n');
    expect(expandOnbuild(parse('FROM golang:1.8\nRUN go build\n'))).toBeNull();
    expect(expandOnbuild(parse('FROM golang:1.8-onbuild AS b\nFROM scratch\n'))).toBeNull();
  });

  it('keeps the FROM and every line of the original, reports lines of the original, and needs a build to prove it', () => {
    const r = convert(file, { verify: true });
    expect(r.status).toBe('changed');
    expect(r.output.split('\n').slice(0, 4)).toEqual(['# app', 'FROM golang:1.8-onbuild AS builder', 'EXPOSE 8080', 'LABEL a=b']);
    expect(r.proof?.level).toBe('build');
    expect(r.proof?.unproven[0]).toMatchObject({ id: 'unproven-onbuild', line: 2 });
    expect(r.findings.find((f) => f.id === 'onbuild-read')?.line).toBe(2);
    expect(r.runtimeStage.find((l) => l.text === 'EXPOSE 8080')?.line).toBe(3);
    expect(r.instructions.map((i) => i.line)).toEqual([2, 2, 2, 2, 2, 2, 2, 3, 4]);
    expect(r.instructions[1]!.text).toBe('(golang:1.8-onbuild) RUN mkdir -p /go/src/app');
    // the preset's own words name the original's line too (`go install` of the trigger, on the FROM's line)
    expect(r.preset?.why).toBe('`go install` on line 2');
    expect(convert(r.output).status).toBe('unchanged');
    expect(resultInvariants(file, convertDetailed(file, { verify: true }), { verify: true })).toEqual([]);
    expect(convert(file).reasons.map((x) => x.id)).toEqual(['needs-verify']);
  });

  it('puts a builder RUN a preset adds after a trigger right after the FROM, where every trigger has run', () => {
    const py = 'FROM python:3.5-onbuild\nCMD ["python", "app.py"]\n';
    const d = convertDetailed(py, { verify: true });
    expect(d.result.status).toBe('changed');
    expect(d.result.output.split('\n')[1]).toMatch(/^RUN .*pip wheel --wheel-dir \/wheels/);
    expect(d.builderEdits.every((e) => e.kind !== 'run' || e.after === 0)).toBe(true);
    expect(resultInvariants(py, d, { verify: true })).toEqual([]);
  });

  it('leaves a file as it is when the reading converts nothing', () => {
    // the image's own CMD, python3: an interpreter's prompt, no application
    expect(convert('FROM python:3-onbuild\n', { verify: true }).reasons.map((r) => r.id)).toEqual(['nothing-to-split']);
    expect(convert('FROM python:3.7-onbuild\nCMD ["python", "app.py"]\n').reasons.map((r) => r.id)).toEqual(['nothing-to-split']);
  });
});

describe('an ENTRYPOINT of the file', () => {
  it("resets the CMD it inherits from the onbuild image: the image's CMD is not written out", () => {
    const e = expandOnbuild(parse('FROM node:5-onbuild\nENTRYPOINT ["node", "stats.js"]\n'))!;
    expect(e.model.text).not.toContain('CMD');
    expect(e.inserted.count).toBe(5);
    const r = convert('FROM node:5-onbuild\nENTRYPOINT ["node", "stats.js"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.runtimeStage.map((l) => l.text).filter((t) => t.startsWith('CMD'))).toEqual([]);
    expect(expandOnbuild(parse('FROM node:5-onbuild\nEXPOSE 1\n'))!.model.text).toContain('CMD [ "npm", "start" ]');
  });
});
