// lines, words and the most frequent word (ties: the first seen) of a text
export function stats(text) {
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  const counts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let top = '';
  for (const [w, n] of counts) if (top === '' || n > counts.get(top)) top = w;
  return { lines, words: words.length, top, topCount: counts.get(top) ?? 0 };
}
