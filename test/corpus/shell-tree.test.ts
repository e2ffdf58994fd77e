// src/shell.ts's reader through mvdan-sh's Go values against the reader through its public wrappers
// (test/tools/shell-reference.ts) on the corpus's RUN lines; the hand-written scripts are in
// test/shell-tree.test.ts.
import { describe, expect, it } from 'vitest';
import { fastSplit } from '../../src/shell-fast.js';
import { parseFull } from '../../src/shell.js';
import { parseFullReference } from '../tools/shell-reference.js';
import { corpusShellRuns } from './run-lines.js';

describe('shell reader through the Go values', () => {
  // the lines the fast path refuses are the ones that reach this reader (the fast path is compared with
  // it on the others in test/corpus/shell-fast.test.ts); the compound commands the fast path reads too, as the
  // fast path's answer for them is checked against this reader, and so are lines with comments and backquotes
  it('agrees with the reader through the public wrappers on every corpus RUN line the fast path refuses or reads as compound, commented or backquoted', { timeout: 10 * 60_000 }, () => {
    let total = 0;
    for (const ins of corpusShellRuns()) {
      const fast = fastSplit(ins.args);
      if (fast && !/(^|[\s;&|(])(if|for|while|until|\{|\(|#)|`/.test(ins.args)) continue;
      total++;
      const got = parseFull(ins.args);
      const want = parseFullReference(ins.args);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, JSON.stringify(ins.args)).toEqual(want);
    }
    expect(total).toBeGreaterThan(1_500);
  });
});
