// The review's tally: filled verdicts (a TSV: file, verdict, catalogue item, note) counted by strategy and
// proof level, each share with its Wilson 95% interval.

export const VERDICTS = ['good', 'no-gain', 'broken-build', 'broken-run'];

/** Wilson score interval of k successes in n trials (z = 1.96 for 95%), as [low, high] in [0, 1]. */
export function wilson(k, n, z = 1.96) {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Read a verdicts TSV: one row per file (`file<TAB>verdict<TAB>item<TAB>note`); blank lines, lines
 * starting with `#` and a header row starting with `file` are skipped. Throws on an unknown verdict,
 * naming the line.
 */
export function readVerdicts(text) {
  const rows = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#') || /^file\t/.test(line)) return;
    const [file, verdict = '', item = '', note = ''] = line.split('\t').map((c) => c.trim());
    if (!verdict) return; // not reviewed yet
    if (!VERDICTS.includes(verdict)) throw new Error(`line ${i + 1}: verdict "${verdict}" is not one of ${VERDICTS.join(', ')}`);
    rows.push({ file, verdict, item, note });
  });
  return rows;
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

/**
 * The tally as markdown tables: for each grouping (strategy, proof level and builder family when known), one row per group
 * with the count of each verdict and the broken share (build + run) with its Wilson 95% interval, and a
 * total row. `info` maps a file to { strategy, proof, family }.
 */
export function tally(rows, info) {
  const groupings = [['strategy', (r) => info.get(r.file)?.strategy ?? 'unknown']];
  if (rows.some((r) => info.get(r.file)?.proof)) groupings.push(['proof level', (r) => info.get(r.file)?.proof ?? 'none']);
  if (rows.some((r) => info.get(r.file)?.family)) groupings.push(['builder family', (r) => info.get(r.file)?.family ?? 'unknown']);
  const lines = [];
  for (const [name, key] of groupings) {
    const groups = new Map();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    lines.push(`| ${name} | n | ${VERDICTS.join(' | ')} | broken | broken 95% (Wilson) | good 95% (Wilson) |`, `|---|---:|${VERDICTS.map(() => '---:|').join('')}---:|---|---|`);
    const entries = [...[...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])), ['**all**', rows]];
    for (const [g, rs] of entries) {
      const count = (v) => rs.filter((r) => r.verdict === v).length;
      const broken = count('broken-build') + count('broken-run');
      const [lo, hi] = wilson(broken, rs.length);
      const [glo, ghi] = wilson(count('good'), rs.length);
      lines.push(`| ${g} | ${rs.length} | ${VERDICTS.map(count).join(' | ')} | ${pct(broken / rs.length)} | ${pct(lo)} to ${pct(hi)} | ${pct(glo)} to ${pct(ghi)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
