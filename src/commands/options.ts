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
