// Issue 23: the review's automatic detectors (bench/review/detectors.mjs) over every changed output of the
// corpus: no changed output may trip one. Each detector's count is printed. A detector whose catalogue
// item is not fixed yet is listed in PENDING: its test is skipped, its name saying how many outputs trip
// it now; when the fix lands, take it out of PENDING and the test asserts that none does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DETECTORS, detectAll, type Hit } from '../../bench/review/detectors.mjs';
import { convert } from '../../src/convert.js';
import { reviewLib as lib } from '../shared.js';
import { corpusFiles } from './files.js';

/** The detectors whose catalogue item (issue 23) awaits its fix, and what the fix is. */
const PENDING: Record<string, string> = {};

// every changed output's hits, by detector (computed when the tests are collected: the skipped ones name their count)
const found = new Map<string, { file: string; hit: Hit }[]>(DETECTORS.map((d) => [d.id, []]));
let changed = 0;
for (const file of corpusFiles()) {
  const input = readFileSync(file, 'utf8');
  const result = convert(input);
  if (result.status !== 'changed') continue;
  changed++;
  for (const [id, hits] of Object.entries(detectAll(input, result, lib))) for (const hit of hits) found.get(id)!.push({ file: file.slice(file.indexOf('vsoch_dockerfiles_v2/') + 21), hit });
}
const files = (id: string) => new Set(found.get(id)!.map((h) => h.file)).size;
console.log(`${changed} changed outputs; files tripping each detector: ${DETECTORS.map((d) => `${d.id} (item ${d.item}) ${files(d.id)}`).join(', ')}`);

describe('the review detectors over every changed output of the corpus', () => {
  it('has changed outputs to read', () => {
    expect(changed).toBeGreaterThan(100);
  });
  for (const d of DETECTORS) {
    const pending = PENDING[d.id];
    const name = `${d.id} (item ${d.item}): no changed output trips it (${d.title})`;
    if (pending) it.skip(`${name}: SKIPPED, ${files(d.id)} changed outputs trip it today; on when ${pending} lands`, () => {});
    else
      it(name, () => {
        expect(found.get(d.id)!.map((h) => `${h.file}: ${h.hit.text}: ${h.hit.detail}`)).toEqual([]);
      });
  }
  it('lists only detectors that exist as pending', () => {
    expect(Object.keys(PENDING).filter((id) => !DETECTORS.some((d) => d.id === id))).toEqual([]);
  });
});
