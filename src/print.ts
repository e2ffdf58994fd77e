// Build the new text from slices of the original plus generated lines. Untouched instructions are
// never re-printed: the builder is the original text with a few edits, so comments, continuations,
// spacing, CRLF line ends and the BOM come out byte for byte.
import type { Model } from './model.js';

/** A text edit on the original file: naming the builder, and the builder edits of a preset (src/step-printer.ts). */
export interface Edit {
  /** Character offset in the original text (BOM excluded). */
  at: number;
  /** Characters to remove at `at` (0 for an insertion). */
  remove: number;
  text: string;
}

/** One line (or multi-line instruction) of the runtime stage. */
export interface RuntimeLine {
  text: string;
  /** Index of the original instruction copied verbatim, or null for generated text. */
  source: number | null;
  keyword: string;
}

export function print(model: Model, edits: readonly Edit[], runtime: readonly RuntimeLine[]): string {
  let text = model.text;
  for (const e of [...edits].sort((a, b) => b.at - a.at || b.remove - a.remove)) {
    text = text.slice(0, e.at) + e.text + text.slice(e.at + e.remove);
  }
  const endsWithEol = /\r?\n$/.test(text);
  const body = text.replace(/(\r?\n)+$/, '');
  const eol = model.eol;
  const stage = runtime.map((l) => l.text).join(eol);
  return `${model.bom ? '\uFEFF' : ''}${body}${eol}${eol}${stage}${endsWithEol ? eol : ''}`;
}
