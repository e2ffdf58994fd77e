// The check reuses the original's analysis for an output builder that repeats the original byte for
// byte (src/convert.ts madePaths). Here the reused and the re-derived answers are compared on every
// changed fixture (and on the corpus's changed files, test/corpus/incremental-check.test.ts, where
// edited builders occur too): they must be the same paths.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builderPathsAgree as compare } from './shared.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

describe('incremental check', () => {
  it('finds the same paths the builder makes as a fresh analysis, on fixtures', () => {
    const seen = { reused: 0, edited: 0 };
    for (const name of readdirSync(FIXTURES)) {
      const input = join(FIXTURES, name, 'input.Dockerfile');
      if (!existsSync(input) || existsSync(join(FIXTURES, name, 'context'))) continue;
      const k = compare(readFileSync(input, 'utf8'));
      if (k) seen[k]++;
    }
    expect(seen.reused).toBeGreaterThan(40);
  });
});
