// Git-style unified diffs (npm `diff`), coloured on a TTY.
import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';

export function unifiedDiff(path: string, before: string, after: string): string {
  const name = path.replace(/^\.\//, '');
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
  // drop the "Index:"/"=====" preamble npm diff writes; keep git's `--- a/` `+++ b/` headers
  const body = patch.replace(/^={3,}\r?\n/m, '').split('\n').filter((l, i) => !(i === 0 && l.startsWith('Index:')) && !/^={10,}$/.test(l)).join('\n');
  return `diff --git a/${name} b/${name}\n${body}`;
}

export function colorDiff(diff: string): string {
  return diff.split('\n').map((l) => {
    if (l.startsWith('+++') || l.startsWith('---') || l.startsWith('diff --git')) return pc.bold(l);
    if (l.startsWith('+')) return pc.green(l);
    if (l.startsWith('-')) return pc.red(l);
    if (l.startsWith('@@')) return pc.cyan(l);
    return l;
  }).join('\n');
}
