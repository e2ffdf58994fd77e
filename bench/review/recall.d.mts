// Types of bench/review/recall.mjs for test/review.test.ts.
export const RECALL_VERDICTS: readonly string[];
export const STRATA: readonly string[];
export function recallCandidate(result: { status: string; reasons: { id: string }[] }): boolean;
export function readRecallVerdicts(text: string): { file: string; verdict: string; ecosystem: string; note: string }[];
export function recallTally(rows: { file: string; verdict: string; ecosystem: string }[], info: Map<string, { stratum: string; reason: string; family: string }>, population: { strata: Record<string, number>; corpus: number; changed: number; buildLevel?: number }): string;
export function recallRescore(rows: { file: string; verdict: string; ecosystem: string }[], info: Map<string, { stratum: string; reason: string; family: string }>, now: { status: Map<string, string>; sizes: Record<string, number>; made: number }): { missed: number[]; ratio: number[]; line: string };
