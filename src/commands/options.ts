// Reading a command's words: what the families' small functions and the state model share.

/** The non-option operands of a command (option values that the command takes are skipped). */
export function operands(words: readonly string[], valued: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      out.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('-')) {
      if (valued.includes(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The value of the first of `names` in `words` (`-o x`, `--out=x`, `-ox`), or null. */
export function optionValue(words: readonly string[], ...names: string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    for (const n of names) {
      if (w === n) return words[i + 1] ?? null;
      if (n.startsWith('--') && w.startsWith(`${n}=`)) return w.slice(n.length + 1);
      if (!n.startsWith('--') && w.startsWith(n) && w.length > n.length) return w.slice(n.length);
    }
  }
  return null;
}
