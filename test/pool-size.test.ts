// The automatic worker pool (`--jobs 0`, issue 22): set from bench/pool.mjs's measurement on 2 cores,
// where worker threads were slower and heavier than converting in this thread on every tree below 15,000
// files, won or lost with the machine's load above, and more workers than cores were slower still.
import { describe, expect, it } from 'vitest';
import { maxJobs, POOL_THRESHOLD, poolSize } from '../src/convert-pool.js';

describe('poolSize: the automatic pool', () => {
  it('converts in this thread below the measured threshold, whatever the cores', () => {
    // 81 files: the tree where 2 workers took 1.9x the time of none (issue 22)
    for (const files of [1, 10, 81, 500, 2_000, 10_000, POOL_THRESHOLD - 1]) {
      for (const cores of [1, 2, 4, 16, 128]) expect(poolSize(0, files, cores), `${files} files, ${cores} cores`).toBe(1);
    }
  });

  it('the threshold lies between the sizes the measurement put on either side', () => {
    expect(POOL_THRESHOLD).toBeGreaterThan(10_000);
    expect(POOL_THRESHOLD).toBeLessThanOrEqual(20_000);
  });

  it('from the threshold on, one worker per core but one (none on 2 cores), at most 8', () => {
    for (const files of [POOL_THRESHOLD, 20_000, 1_000_000]) {
      expect(poolSize(0, files, 1)).toBe(1);
      // on 2 cores, 2 workers never won reliably, even on the whole corpus: this thread
      expect(poolSize(0, files, 2)).toBe(1);
      expect(poolSize(0, files, 3)).toBe(2);
      expect(poolSize(0, files, 8)).toBe(7);
      expect(poolSize(0, files, 64)).toBe(8);
    }
  });

  it('an explicit --jobs is kept, up to twice the cores (at most 64) and the files', () => {
    expect(poolSize(2, 10, 2)).toBe(2);
    expect(poolSize(1, 1_000_000, 16)).toBe(1);
    expect(poolSize(100, 1_000_000, 2)).toBe(4);
    expect(poolSize(100, 1_000_000, 48)).toBe(64);
    expect(poolSize(100, 3, 48)).toBe(3);
    expect(maxJobs(2)).toBe(4);
    expect(maxJobs(40)).toBe(64);
  });
});
