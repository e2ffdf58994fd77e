// Types of bench/review/tally.mjs for test/review.test.ts.
export const VERDICTS: readonly string[];
export function wilson(k: number, n: number, z?: number): [number, number];
export function readVerdicts(text: string): { file: string; verdict: string; item: string; note: string }[];
export function tally(rows: { file: string; verdict: string }[], info: Map<string, { strategy: string; proof: string | null; family?: string }>): string;
