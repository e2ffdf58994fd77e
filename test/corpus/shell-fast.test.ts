// The fast path agrees with the full shell parser on every corpus RUN line it accepts; the edge cases are
// in test/shell-fast.test.ts.
import { describe, expect, it } from 'vitest';
import { fastAgrees as compare } from '../shared.js';
import { corpusShellRuns } from './run-lines.js';

describe('fast path for RUN lines', () => {
  it('agrees with the full parser on every corpus RUN line it accepts, and accepts most of them', { timeout: 10 * 60_000 }, () => {
    let total = 0;
    let accepted = 0;
    for (const ins of corpusShellRuns()) {
      if (ins.heredoc) continue;
      total++;
      if (compare(ins.args)) accepted++;
    }
    console.log(`fast path: ${accepted} of ${total} corpus RUN lines (${((100 * accepted) / total).toFixed(1)}%)`);
    expect(total).toBeGreaterThan(50_000);
    expect(accepted / total).toBeGreaterThan(0.8);
  });
});
