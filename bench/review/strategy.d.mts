// Types of bench/review/strategy.mjs for test/review.test.ts.
import type { ReviewLib } from './detectors.mjs';
export function runtimeKind(builder: string, runtime: string, lib: ReviewLib): string;
export function strategyOf(result: { stages: { role: string; image: string }[]; preset: { id: string } | null; proof?: unknown }, lib: ReviewLib): { strategy: string; family: string; builder: string; runtime: string; proof: string | null };
