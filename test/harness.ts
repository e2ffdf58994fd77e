// One helper finds every fixture (jscodeshift's defineTest, prettier's runFormatTest). For each it checks
// the expected result, that a second run changes nothing, that CRLF and BOM variants give the same
// result, that the output parses again, and it rejects fixtures whose expected output equals the input.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, describe } from 'vitest';
import { convert, type ConvertOptions } from '../src/convert.js';
import { directoryContext, NO_CONTEXT } from '../src/context.js';
import { parse } from '../src/parse.js';
import { explainTable } from '../src/report/explain.js';

interface Expectation {
  status: 'declined' | 'unchanged' | 'error';
  reasons: string[];
}

export interface FixtureOptions {
  preset?: string;
  runtimeBase?: string;
  builderName?: string;
  /** False as under --no-pin-builder: a builder tag that still moves is not pinned. */
  pinBuilder?: boolean;
  /** As under --verify: conversions only a build proves are converted (proof `build`). */
  verify?: boolean;
}

const toCrlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export function defineFixtureTests(root: string): void {
  const cases = readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory())
    .sort();
  describe.each(cases)('%s', (name) => {
    const dir = join(root, name);
    const input = readFileSync(join(dir, 'input.Dockerfile'), 'utf8');
    const optionsFile = join(dir, 'options.json');
    const extra: FixtureOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    const context = existsSync(join(dir, 'context')) ? directoryContext(join(dir, 'context')) : NO_CONTEXT;
    const options: ConvertOptions = { ...extra, context, path: 'Dockerfile' };
    const outputFile = join(dir, 'output.Dockerfile');
    const expectFile = ['declined.json', 'unchanged.json', 'error.json'].map((f) => join(dir, f)).find(existsSync);
    if (existsSync(outputFile) === (expectFile !== undefined)) {
      it('has exactly one of output.Dockerfile, declined.json, unchanged.json, error.json', () => {
        expect.fail(`fixture ${name} must have exactly one expectation file`);
      });
      return;
    }
    if (existsSync(outputFile)) {
      const expected = readFileSync(outputFile, 'utf8');
      it('expected output differs from the input (a no-op fixture proves nothing)', () => {
        expect(expected).not.toBe(input);
      });
      it('converts to the expected output', () => {
        const r = convert(input, options);
        expect(r.reasons).toEqual([]);
        expect(r.status).toBe('changed');
        expect(r.output).toBe(expected);
      });
      it('is a fixed point: converting the output changes nothing', () => {
        const again = convert(expected, options);
        expect(again.status).toBe('unchanged');
        expect(again.output).toBe(expected);
      });
      it('gives the same result with CRLF line ends and with a BOM', () => {
        expect(convert(toCrlf(input), options).output).toBe(toCrlf(expected));
        expect(convert(`\uFEFF${input}`, options).output).toBe(`\uFEFF${expected}`);
      });
      it('output parses again, with a builder and a runtime stage', () => {
        expect(parse(expected).stages.length).toBe(2);
      });
      it('explain describes the runtime stage that is printed', () => {
        const r = convert(input, options);
        const last = r.output.slice(r.output.lastIndexOf(r.runtimeStage[0]!.text));
        expect(last.trimEnd()).toBe(
          r.runtimeStage
            .map((l) => l.text)
            .join('\n')
            .trimEnd(),
        );
        expect(explainTable('Dockerfile', r)).toContain(`Runtime stage, as written:\n  ${r.runtimeStage[0]!.text}`);
      });
    } else {
      const want: Expectation = JSON.parse(readFileSync(expectFile!, 'utf8'));
      it(`is ${want.status} with reasons ${want.reasons.join(', ')}`, () => {
        const r = convert(input, options);
        expect(r.status).toBe(want.status);
        expect(r.reasons.map((x) => x.id).sort()).toEqual([...want.reasons].sort());
        expect(r.output).toBe(input);
      });
      it('gives the same result with CRLF line ends and with a BOM', () => {
        for (const variant of [toCrlf(input), `\uFEFF${input}`]) {
          const r = convert(variant, options);
          expect(r.status).toBe(want.status);
          expect(r.reasons.map((x) => x.id).sort()).toEqual([...want.reasons].sort());
          expect(r.output).toBe(variant);
        }
      });
    }
  });
}
