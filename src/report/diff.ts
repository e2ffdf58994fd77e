// Git-style unified diffs (npm `diff`), coloured on a TTY. Paths are written as git writes them, so
// the output applies with both `git apply` and `patch -p1`: a name with a space gets a tab after it
// on the ---/+++ lines (where patch stops reading the name); a name with a quote, a backslash, a
// control or a non-ASCII character is C-quoted ("a/caf\303\251/Dockerfile"), as git's core.quotePath does.
import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';

/** `prefix + name` as git prints it in diff headers: C-quoted when it must be, else as is. */
function gitPath(prefix: string, name: string): string {
  const full = `${prefix}${name}`;
  // eslint-disable-next-line no-control-regex
  if (!/["\\\u0000-\u001f\u007f-\uffff]/.test(full)) return full;
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
  let out = '';
  for (const byte of Buffer.from(full, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (escapes[ch]) out += escapes[ch];
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}

export function unifiedDiff(path: string, before: string, after: string): string {
  const name = path.replace(/^\.\//, '');
  const [a, b] = [gitPath('a/', name), gitPath('b/', name)];
  // git ends a ---/+++ name that holds a space with a tab, so that patch reads the whole name
  const tab = !a.startsWith('"') && name.includes(' ') ? '\t' : '';
  const patch = createTwoFilesPatch('A', 'B', before, after, undefined, undefined, { context: 3 });
  // drop the "Index:"/"=====" preamble npm diff writes; write git's `--- a/` `+++ b/` headers
  const body = patch
    .split('\n')
    .filter((l, i) => !(i === 0 && l.startsWith('Index:')) && !/^={10,}$/.test(l))
    .map((l) => (l.startsWith('--- A') ? `--- ${a}${tab}` : l.startsWith('+++ B') ? `+++ ${b}${tab}` : l))
    .join('\n');
  return `diff --git ${a} ${b}\n${body}`;
}

export function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((l) => {
      if (l.startsWith('+++') || l.startsWith('---') || l.startsWith('diff --git')) return pc.bold(l);
      if (l.startsWith('+')) return pc.green(l);
      if (l.startsWith('-')) return pc.red(l);
      if (l.startsWith('@@')) return pc.cyan(l);
      return l;
    })
    .join('\n');
}
