#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { stats } from 'wordstat';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: wordstat FILE...');
  process.exit(2);
}
for (const file of files) {
  const s = stats(readFileSync(file, 'utf8'));
  console.log(`${file}: ${s.lines} lines, ${s.words} words, most frequent "${s.top}" (${s.topCount}x) [wordstat-cli ${version}, node ${process.versions.node.split('.')[0]}]`);
}
