// The table `--verify` prints after all files (text output, on standard error): each verified file with
// its outcome, both image sizes where they are known, and the first difference or why it could not be
// verified.
import type { FileVerify } from './formats.js';

const OUTCOME_ORDER = ['verified', 'differs', 'unverifiable'] as const;

function mb(bytes: number | null): string {
  return bytes === null ? '-' : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The table, one row per file in the order given, and a count line; '' when nothing was verified. */
export function verifyTable(rows: readonly { path: string; verify: FileVerify }[]): string {
  if (!rows.length) return '';
  const head = ['FILE', 'OUTCOME', 'ORIGINAL', 'CONVERTED', 'DETAIL'];
  const cells = rows.map(({ path, verify: v }) => [path, v.outcome, mb(v.sizes.original), mb(v.sizes.converted), v.detail ?? (v.sizes.original && v.sizes.converted !== null ? `${((1 - v.sizes.converted / v.sizes.original) * 100).toFixed(1)}% smaller` : '')]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  // sizes right-aligned, the rest left; the last column is not padded
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === c.length - 1 ? x : i === 2 || i === 3 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const counts = OUTCOME_ORDER.map((o) => `${rows.filter((r) => r.verify.outcome === o).length} ${o}`).join(', ');
  return `dfsplit --verify: ${rows.length} file${rows.length === 1 ? '' : 's'}: ${counts}\n${[head, ...cells].map((c) => `  ${line(c)}\n`).join('')}`;
}
