// The plan owns the whole runtime stage (issue 22, section 3): the ARGs it declares again, the tools it
// installs and the exec-form rewrites are in the plan's steps, which the state model proves, and the
// transform passes print them as they are. So on every fixture the printed runtime stage after its FROM
// is the plan's steps, line for line, and a command that needs a shell the runtime base lacks declines
// the plan itself.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../src/analyze/index.js';
import { convert } from '../src/convert.js';
import { directoryContext, NO_CONTEXT, type BuildContext } from '../src/context.js';
import type { Model } from '../src/model.js';
import { parse } from '../src/parse.js';
import { pinBuilder } from '../src/pin.js';
import { expandOnbuild } from '../src/onbuild.js';
import { makePlan, type Plan } from '../src/plan.js';
import { presets } from '../templates/index.js';
import type { FixtureOptions } from './harness.js';

const root = fileURLToPath(new URL('./fixtures', import.meta.url));

function fixture(name: string): { input: string; options: FixtureOptions; context: BuildContext } {
  const dir = join(root, name);
  const optionsFile = join(dir, 'options.json');
  return {
    input: readFileSync(join(dir, 'input.Dockerfile'), 'utf8'),
    options: existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {},
    context: existsSync(join(dir, 'context')) ? directoryContext(join(dir, 'context')) : NO_CONTEXT,
  };
}

/** The plan convert() prints: with the builder pinned when a moving tag alone held it back (src/pin.ts), of the file read with its onbuild image written out when it names one (src/onbuild.ts). */
function planOf(input: string, options: FixtureOptions, context: BuildContext): Plan {
  const parsed = parse(input);
  const model = expandOnbuild(parsed)?.model ?? parsed;
  const replan = (m: Model, a: Analysis) => makePlan(m, a, { builderName: options.builderName ?? 'builder', runtimeBase: options.runtimeBase ?? null, preset: options.preset ?? 'auto', context }, presets);
  const plan = replan(model, analyze(model));
  return (options.pinBuilder === false ? null : pinBuilder(model, plan, replan))?.plan ?? plan;
}

const converted = readdirSync(root)
  .filter((d) => existsSync(join(root, d, 'output.Dockerfile')))
  .sort();

describe("the printed runtime stage is the plan's", () => {
  it('covers fixtures with re-declared ARGs, an extra install and exec-form rewrites', () => {
    const stages = converted.map((name) => {
      const { input, options, context } = fixture(name);
      return convert(input, { ...options, context }).runtimeStage.map((l) => l.text);
    });
    expect(stages.some((s) => s.some((t) => t.startsWith('ARG ')))).toBe(true);
    expect(stages.some((s) => s.some((t) => /^RUN (apt-get|apk|yum)\b.* (curl|wget)\b/.test(t)))).toBe(true);
    expect(stages.some((s) => s.some((t) => /^(CMD|ENTRYPOINT) \[/.test(t)))).toBe(true);
  });

  it.each(converted)('%s', (name) => {
    const { input, options, context } = fixture(name);
    const printed = convert(input, { ...options, context }).runtimeStage.map((l) => l.text);
    const plan = planOf(input, options, context);
    expect(plan.outcome).toBe('split');
    expect(plan.runtimeSteps.map((s) => s.text)).toEqual(printed.slice(1));
  });
});

it('a command that needs the shell the runtime base lacks declines the plan', () => {
  const input = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY main.c /src/main.c\nRUN gcc -o /usr/local/bin/app /src/main.c\nCMD /usr/local/bin/app --port $PORT\n';
  const plan = planOf(input, { runtimeBase: 'gcr.io/distroless/cc-debian12' }, NO_CONTEXT);
  expect(plan.outcome).toBe('declined');
  expect(plan.reasons).toEqual([{ id: 'shell-needed', data: { keyword: 'CMD', image: 'gcr.io/distroless/cc-debian12' }, line: 5 }]);
});

it('the runtime half of a RUN leaves out an assignment whose substitution runs a program, unless a repeated command reads it', () => {
  const runtimeRun = (script: string) =>
    convert(`FROM golang:1.12-alpine\nWORKDIR /go/src/app\nCOPY main.go ./\nRUN ${script}\nCMD ["/app"]\n`)
      .runtimeStage.map((l) => l.text)
      .find((t) => t.startsWith('RUN '));
  // VERSION feeds only the build's -ldflags: git is the builder's alone
  expect(runtimeRun('VERSION="$(git describe)" && mkdir -p /data && go build -ldflags "-X main.v=$VERSION" -o /app .')).toBe('RUN mkdir -p /data');
  // through another assignment to a repeated mkdir: kept
  expect(runtimeRun('D="$(date +%Y)" && DIR=/data/$D && mkdir -p $DIR && go build -o /app .')).toBe('RUN D="$(date +%Y)" && DIR=/data/$D && mkdir -p $DIR');
});
