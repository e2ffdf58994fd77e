// results.md (headline, failures by check, every failure) and results.tsv (one row per sampled file).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COLUMNS = ['file', 'result', 'check', 'detail', 'dfsplit', 'reasons', 'substitutions', 'orig_mb', 'conv_mb', 'seconds'];

export function writeReport(dir, rows, meta) {
  const clean = (v) => String(v ?? '').replace(/[\t\r\n]+/g, ' ');
  writeFileSync(join(dir, 'results.tsv'), [COLUMNS.join('\t'), ...rows.map((r) => COLUMNS.map((c) => clean(r[c])).join('\t'))].join('\n') + '\n');
  const count = (pred) => rows.filter(pred).length;
  const changed = count((r) => r.result !== 'not-changed');
  const noStandin = count((r) => r.result === 'no-standin');
  const origFails = count((r) => r.result === 'orig-fails');
  const buildable = count((r) => r.result === 'pass' || r.result === 'fail');
  const builds = count((r) => r.result === 'pass' || (r.result === 'fail' && !['build', 'runtime-tag'].includes(r.check)));
  const pass = count((r) => r.result === 'pass');
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  const byCheck = new Map();
  for (const r of rows.filter((x) => x.result === 'fail')) byCheck.set(r.check, (byCheck.get(r.check) ?? 0) + 1);
  const group = (pred, key) => {
    const m = new Map();
    for (const r of rows.filter(pred)) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const passing = rows.filter((r) => r.result === 'pass' && r.orig_mb);
  const ratio = passing.length ? passing.reduce((s, r) => s + Number(r.conv_mb) / Number(r.orig_mb), 0) / passing.length : NaN;
  const md = [
    '# Differential builds of real Dockerfiles: results',
    '',
    `Run of ${new Date().toISOString().slice(0, 10)}: ${meta.sampleSize} sampled files (${meta.sampleFile ?? 'sample.txt'}), ${meta.seconds} s with ${meta.jobs} jobs${meta.cached ? ` (${meta.cached} results from the cache of earlier runs: same original, conversion and stand-ins)` : ''}.`,
    '',
    `**Precision: ${pass} / ${buildable} = ${pct(pass, buildable)}** (conversions passing every comparison / conversions whose original builds here).`,
    '',
    '| | files |',
    '|---|---:|',
    `| sampled | ${rows.length} |`,
    `| changed by dfsplit now | ${changed} |`,
    `| not changed now (unchanged, declined, error) | ${rows.length - changed} |`,
    `| no stand-in for a base image | ${noStandin} |`,
    `| original does not build here | ${origFails} |`,
    `| harness errors (daemon lost, ...): not counted | ${count((r) => r.result === 'harness-error')} |`,
    `| **original builds** | ${buildable} |`,
    `| conversion builds | ${builds} |`,
    `| **conversion passes every comparison** | ${pass} |`,
    `| mean size ratio of passing conversions | ${Number.isNaN(ratio) ? 'n/a' : ratio.toFixed(2)} |`,
    '',
    '## Failures by first failing check',
    '',
    '| check | files |',
    '|---|---:|',
    ...[...byCheck].sort((a, b) => b[1] - a[1]).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '## Not buildable here, by reason',
    '',
    '| reason | files |',
    '|---|---:|',
    ...group(
      (r) => r.result === 'no-standin',
      (r) => (r.detail ?? '').replace(/^(no stand-in for) .*/, '$1 that image').replace(/ is not a tag of .*/, ': tag outside the harness grammar'),
    ).map(([k, v]) => `| ${k} | ${v} |`),
    `| the original fails to build (old releases, unreachable downloads, missing sources) | ${origFails} |`,
    '',
    '## Not changed now, by dfsplit status',
    '',
    '| status | files |',
    '|---|---:|',
    ...group(
      (r) => r.result === 'not-changed',
      (r) => `${r.dfsplit}${r.reasons ? ` (${r.reasons.split(',')[0]})` : ''}`,
    ).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '## Every failing conversion',
    '',
    '| file | check | detail |',
    '|---|---|---|',
    ...rows.filter((r) => r.result === 'fail').map((r) => `| ${r.file} | ${r.check} | ${clean(r.detail).replace(/\|/g, '\\|').slice(0, 240)} |`),
    '',
  ];
  writeFileSync(join(dir, 'results.md'), md.join('\n'));
}
