// `dfsplit explain`: one row per instruction with its phase and the reason, then the decisions, the proof and
// what a conversion saves. And what `--interactive` shows under each diff: the same sections without the table.
import type { ConvertResult, Reason } from '../convert.js';
import { savesText } from './saves.js';

export function explainTable(path: string, r: ConvertResult): string {
  const rows = r.instructions.map((i) => [String(i.line), truncate(i.text, 48), i.phase, i.message]);
  const head = ['LINE', 'INSTRUCTION', 'PHASE', 'REASON'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const fmt = (row: string[]) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  const out = [`${path}: ${r.status}${r.preset ? ` (preset ${r.preset.id}: ${r.preset.why})` : ''}`, fmt(head), ...rows.map(fmt), ...decisions(r)];
  if (r.runtimeStage.length) {
    // the stage as printed in the output (the plan's steps after every pass), not a re-derivation
    out.push('', 'Runtime stage, as written:', ...r.runtimeStage.map((s) => `  ${s.text.split(/\r?\n/)[0]}${s.text.includes('\n') ? ' …' : ''}${s.line ? `    (line ${s.line})` : ''}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A conversion under review (`--interactive`, below its diff): its reasons, decisions, proof and what it saves
 * (the result's `saves`, as `--json` gives it), as `explain` prints them.
 */
export function reviewText(r: ConvertResult): string {
  return `${decisions(r).slice(1).join('\n')}\n`;
}

/** The sections after explain's table, each after a blank line: reasons, decisions, proof, and what a conversion saves. */
function decisions(r: ConvertResult): string[] {
  const out: string[] = [];
  if (r.reasons.length) out.push('', 'Reasons:', ...reasonLines(r.reasons));
  if (r.findings.length) out.push('', 'Decisions:', ...reasonLines(r.findings));
  if (r.proof) out.push('', `Proof: ${proofText(r.proof)}`, ...reasonLines(r.proof.unproven));
  if (r.saves) out.push('', `Saves: ${savesText(r.saves)}`);
  return out;
}

function reasonLines(reasons: readonly Reason[]): string[] {
  return reasons.map((x) => `  - ${x.line ? `line ${x.line}: ` : ''}${x.message} [${x.id}]`);
}

/** A conversion's proof level in words, for explain and the CI formats. */
function proofText(proof: NonNullable<ConvertResult['proof']>): string {
  return proof.level === 'static' ? 'static (every fact it relies on is known from data)' : 'build (only building both images and comparing them proves it: dfsplit --verify)';
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
