// The check reuses the original's analysis for an output builder that repeats the original byte for
// byte (src/convert.ts madePaths). Here the reused and the re-derived answers are compared on every
// changed fixture and on the corpus's changed files: they must be the same paths.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze/index.js';
import { convert, madePaths } from '../src/convert.js';
import { parse } from '../src/parse.js';
import { corpusFiles } from './invariants.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

function compare(text: string): 'reused' | 'edited' | null {
  const result = convert(text);
  if (result.status !== 'changed') return null;
  const original = parse(text);
  const analysis = analyze(original);
  const out = parse(result.output);
  const reused = madePaths(out, original, analysis);
  expect(reused.sort()).toEqual(madePaths(out, original, null).sort());
  // tell whether the builder was unedited (reuse applies) or not
  return out.instructions.filter((i) => i.stage <= 0).every((ins, k) => ins.keyword === 'FROM' || ins.raw === original.instructions[k]?.raw) ? 'reused' : 'edited';
}

describe('incremental check', () => {
  it('finds the same paths the builder makes as a fresh analysis, on fixtures and corpus files', { timeout: 10 * 60_000 }, () => {
    const seen = { reused: 0, edited: 0 };
    for (const name of readdirSync(FIXTURES)) {
      const input = join(FIXTURES, name, 'input.Dockerfile');
      if (!existsSync(input) || existsSync(join(FIXTURES, name, 'context'))) continue;
      const k = compare(readFileSync(input, 'utf8'));
      if (k) seen[k]++;
    }
    for (const file of corpusFiles().filter((_, i) => i % 4 === 0)) {
      const k = compare(readFileSync(file, 'utf8'));
      if (k) seen[k]++;
    }
    console.log(`incremental check: builder analysis reused ${seen.reused}, re-derived ${seen.edited}`);
    // both paths are exercised
    expect(seen.reused).toBeGreaterThan(100);
    expect(seen.edited).toBeGreaterThan(10);
  });
});
