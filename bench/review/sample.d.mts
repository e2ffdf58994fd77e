// Types of bench/review/sample.mjs for test/review.test.ts.
export function seedOf(text: string): number;
export function prng(seed: number): () => number;
export function draw<T>(items: readonly T[], n: number, seed: string): T[];
