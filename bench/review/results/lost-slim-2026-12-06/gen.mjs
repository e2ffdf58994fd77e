import { readFileSync, writeFileSync } from 'node:fs';
const oldI = await import('/work/wt-old/dist/src/index.js');
const newI = await import('/work/main/dist/src/index.js');
const files = readFileSync('files.txt', 'utf8').trim().split('\n');
const fence = (t) => '````\n' + (t.endsWith('\n') ? t : t + '\n') + '````';
let k = 0;
const rows = ['file\tverdict\titem\tnote'];
for (const f of files) {
  k++;
  const text = readFileSync('/work/corpus-x/vsoch_dockerfiles_v2/' + f, 'utf8');
  const o = oldI.convert(text, { file: f });
  const n = newI.convert(text, { file: f });
  const page = [
    `# ${k}. ${f}`,
    '',
    `- the OLD build (f1ebcf5) converted it (${o.status}); the CURRENT build says: **${n.status}**`,
    ...n.reasons.map((r) => `  - \`${r.id}\`${r.line ? ` (line ${r.line})` : ''}: ${r.message}`),
    '',
    '## Original',
    fence(text),
    '',
    '## Output of the OLD build (to judge)',
    fence(o.output ?? ''),
  ].join('\n');
  writeFileSync(`pages/${String(k).padStart(3, '0')}.md`, page + '\n');
  rows.push(`${f}\t\t\t`);
}
writeFileSync('verdicts-all.tsv', rows.join('\n') + '\n');
console.log(k);
