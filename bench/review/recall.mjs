// The recall half of the review (issue 24, "Measure recall as well as precision"): a stratified random sample
// of the corpus files dfsplit leaves alone (declined, and unchanged but not already multi-stage), read by
// reviewers who say whether an expert would convert each, and the estimate of missed conversions per 1,000
// corpus files with its 95% interval.
import { wilson } from './tally.mjs';

/** The recall verdicts, from the most to the least confident conversion an expert would make. */
export const RECALL_VERDICTS = ['convert-clear', 'convert-context', 'marginal', 'stay'];

/** The two strata the sample is drawn from: what dfsplit declined, and what it left unchanged. */
export const STRATA = ['declined', 'unchanged'];

/** Whether a result may enter the recall sample: declined, or unchanged for a reason other than being multi-stage already. */
export function recallCandidate(result) {
  if (result.status === 'declined') return true;
  return result.status === 'unchanged' && !result.reasons.some((r) => r.id === 'multi-stage');
}

/**
 * Read a filled recall TSV (`file<TAB>verdict<TAB>ecosystem<TAB>note`); blank lines, `#` lines and the header
 * are skipped, a row without a verdict is not reviewed yet, an unknown verdict throws naming the line.
 */
export function readRecallVerdicts(text) {
  const rows = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#') || /^file\t/.test(line)) return;
    const [file, verdict = '', ecosystem = '', note = ''] = line.split('\t').map((c) => c.trim());
    if (!verdict) return;
    if (!RECALL_VERDICTS.includes(verdict)) throw new Error(`line ${i + 1}: verdict "${verdict}" is not one of ${RECALL_VERDICTS.join(', ')}`);
    rows.push({ file, verdict, ecosystem, note });
  });
  return rows;
}

const per1000 = (x) => (1000 * x).toFixed(1);

/**
 * The recall tally as markdown. `info` maps a file to { stratum, reason, family }; `population` gives each
 * stratum's size and the corpus size, and `changed` the conversions dfsplit makes. Each stratum's share of
 * `convert-clear` (and of `convert-clear` or `convert-context`) has its Wilson 95% interval; the estimate per
 * 1,000 corpus files weights each stratum by its size, and its interval is the weighted sum of the strata's
 * Wilson bounds, which covers at least 95% (conservative: the strata are independent samples).
 */
export function recallTally(rows, info, population) {
  const { strata, corpus, changed } = population;
  const lines = ['| stratum | files | reviewed | ' + RECALL_VERDICTS.join(' | ') + ' | clear share (Wilson 95%) | clear or context (Wilson 95%) |', `|---|---:|---:|${RECALL_VERDICTS.map(() => '---:|').join('')}---|---|`];
  const estimate = { clear: [0, 0, 0], any: [0, 0, 0] };
  for (const s of STRATA) {
    const rs = rows.filter((r) => info.get(r.file)?.stratum === s);
    const count = (v) => rs.filter((r) => r.verdict === v).length;
    const clear = count('convert-clear');
    const any = clear + count('convert-context');
    const [lo, hi] = wilson(clear, rs.length);
    const [alo, ahi] = wilson(any, rs.length);
    const weight = (strata[s] ?? 0) / corpus;
    if (rs.length) {
      estimate.clear = [estimate.clear[0] + weight * (clear / rs.length), estimate.clear[1] + weight * lo, estimate.clear[2] + weight * hi];
      estimate.any = [estimate.any[0] + weight * (any / rs.length), estimate.any[1] + weight * alo, estimate.any[2] + weight * ahi];
    }
    const share = (k, a, b) => (rs.length ? `${((100 * k) / rs.length).toFixed(1)}% (${(100 * a).toFixed(1)} to ${(100 * b).toFixed(1)}%)` : 'none reviewed');
    lines.push(`| ${s} | ${strata[s] ?? 0} | ${rs.length} | ${RECALL_VERDICTS.map(count).join(' | ')} | ${share(clear, lo, hi)} | ${share(any, alo, ahi)} |`);
  }
  const [c, clo, chi] = estimate.clear;
  const [a, alo, ahi] = estimate.any;
  lines.push(
    '',
    `Missed clear conversions: ${per1000(c)} per 1,000 corpus files (95%: ${per1000(clo)} to ${per1000(chi)}), about ${Math.round(c * corpus)} files (${Math.round(clo * corpus)} to ${Math.round(chi * corpus)}); dfsplit converts ${changed} (${per1000(changed / corpus)} per 1,000), so missed clear per conversion made: ${(
      (c * corpus) /
      Math.max(1, changed)
    ).toFixed(2)} (${((clo * corpus) / Math.max(1, changed)).toFixed(2)} to ${((chi * corpus) / Math.max(1, changed)).toFixed(2)}).`,
    `Missed clear or with-context conversions: ${per1000(a)} per 1,000 (95%: ${per1000(alo)} to ${per1000(ahi)}).`,
    '',
  );
  // counting what dfsplit proposes through --verify (declined needs-verify, build level) as conversions made, not as misses
  if (typeof population.buildLevel === 'number') {
    const nv = population.buildLevel;
    let est = [0, 0, 0];
    for (const s of STRATA) {
      const rs = rows.filter((r) => info.get(r.file)?.stratum === s && !(s === 'declined' && info.get(r.file)?.reason === 'needs-verify'));
      const size = (strata[s] ?? 0) - (s === 'declined' ? nv : 0);
      const clear = rs.filter((r) => r.verdict === 'convert-clear').length;
      const [lo, hi] = wilson(clear, rs.length);
      if (rs.length) est = [est[0] + (size * clear) / rs.length, est[1] + size * lo, est[2] + size * hi];
    }
    const made = changed + nv;
    lines.push(
      `With build-level conversions counted as made (${nv} declined needs-verify, proposed through --verify): ${changed} static + ${nv} build = ${made} conversions (${per1000(made / corpus)} per 1,000); missed clear conversions ${per1000(est[0] / corpus)} per 1,000 (95%: ${per1000(est[1] / corpus)} to ${per1000(est[2] / corpus)}), missed clear per conversion made: ${(est[0] / Math.max(1, made)).toFixed(2)} (${(est[1] / Math.max(1, made)).toFixed(2)} to ${(est[2] / Math.max(1, made)).toFixed(2)}).`,
      '',
    );
  }
  for (const [name, key] of [
    ['ecosystem', (r) => r.ecosystem || info.get(r.file)?.family || 'unknown'],
    ['blocking reason', (r) => info.get(r.file)?.reason || 'none'],
  ]) {
    const groups = new Map();
    for (const r of rows.filter((x) => x.verdict === 'convert-clear' || x.verdict === 'convert-context')) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    lines.push(`| ${name} | convert-clear | convert-context | estimated clear misses in the corpus |`, '|---|---:|---:|---:|');
    const scaled = (rs) =>
      Math.round(
        rs
          .filter((r) => r.verdict === 'convert-clear')
          .reduce((sum, r) => {
            const s = info.get(r.file)?.stratum;
            const n = rows.filter((x) => info.get(x.file)?.stratum === s).length;
            return sum + (strata[s] ?? 0) / Math.max(1, n);
          }, 0),
      );
    for (const [g, rs] of [...groups].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0]))) lines.push(`| ${g} | ${rs.filter((r) => r.verdict === 'convert-clear').length} | ${rs.filter((r) => r.verdict === 'convert-context').length} | ${scaled(rs)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The estimate re-scored with today's statuses (`npm run review -- --tally ... --now`): the same verdicts, a sampled
 * file that dfsplit now converts (statically or through --verify) no longer counted as missed, and today's stratum
 * sizes and conversion counts. `now.status` maps a sampled file to `changed`, `build` (declined needs-verify),
 * `declined` or `unchanged`; `now.sizes` are today's declined (needs-verify aside) and unchanged single-stage counts;
 * `now.made` the conversions made, static and build level. Declined files that were build level at the draw are
 * left out of their stratum, as the tally does. Returns the missed files with their Wilson bounds and the ratio.
 */
export function recallRescore(rows, info, now) {
  let est = [0, 0, 0];
  const parts = [];
  for (const s of STRATA) {
    const rs = rows.filter((r) => info.get(r.file)?.stratum === s && !(s === 'declined' && info.get(r.file)?.reason === 'needs-verify'));
    const missed = rs.filter((r) => r.verdict === 'convert-clear' && ['declined', 'unchanged'].includes(now.status.get(r.file) ?? 'unchanged')).length;
    const [lo, hi] = wilson(missed, rs.length);
    if (rs.length) est = [est[0] + (now.sizes[s] * missed) / rs.length, est[1] + now.sizes[s] * lo, est[2] + now.sizes[s] * hi];
    parts.push(`${s} ${missed} of ${rs.length} still missed (stratum ${now.sizes[s]})`);
  }
  const made = Math.max(1, now.made);
  const ratio = est.map((x) => x / made);
  return { missed: est, ratio, line: `Re-scored with today's statuses: ${parts.join('; ')}; ${now.made} conversions made; missed clear per conversion made: ${ratio[0].toFixed(2)} (${ratio[1].toFixed(2)} to ${ratio[2].toFixed(2)}).` };
}
