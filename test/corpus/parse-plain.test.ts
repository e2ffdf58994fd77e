// The plain parse (src/parse.ts) finds what DockerfileParser.parse finds on every corpus file; the edge
// cases are in test/parse-plain.test.ts.
import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/parse.js';
import { parseShape as shape } from '../shared.js';
import { corpusFiles } from './files.js';

describe('dockerfile-ast parse with plain instructions', () => {
  it('finds what DockerfileParser.parse finds on every corpus file', { timeout: 10 * 60_000 }, () => {
    let files = 0;
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8');
      const plain = shape(parseDockerfile(text));
      const full = shape(DockerfileParser.parse(text));
      // toEqual on 20,000 files is slow: compare as JSON, and show the difference only for a file that differs
      if (JSON.stringify(plain) !== JSON.stringify(full)) expect(plain, file).toEqual(full);
      files++;
    }
    expect(files).toBeGreaterThan(19_000);
  });
});
