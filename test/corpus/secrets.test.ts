// bench/safety-scan.mjs's detector over the changed results of every 10th corpus file: nothing the
// original deletes, no credential and no whole system directory reaches a runtime stage (the cases are in
// test/secrets.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from '../../bench/safety-scan.mjs';
import { convert } from '../../src/convert.js';
import { scanLib as lib } from '../shared.js';
import { corpusFiles } from './files.js';

describe("the safety scan's detector", () => {
  it('finds nothing unsafe in the changed results of every 10th corpus file', { timeout: 120_000 }, () => {
    const unsafe: string[] = [];
    let changed = 0;
    for (const file of corpusFiles().filter((_, i) => i % 10 === 0)) {
      const input = readFileSync(file, 'utf8');
      // as --verify converts: the build-level conversions are written too (after their builds match), and must be safe as well
      const r = convert(input, { verify: true });
      if (r.status !== 'changed') continue;
      changed++;
      for (const f of detect(input, r, lib)) unsafe.push(`${file}: ${f.kind}: ${f.text} (${f.detail})`);
    }
    expect(changed).toBeGreaterThan(50);
    expect(unsafe).toEqual([]);
  });
});
