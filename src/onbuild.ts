// The official images' onbuild variants (`golang:1.8-onbuild`, `python:3-onbuild`, `node:6-onbuild`) hold the build
// in ONBUILD triggers, which run when a file's FROM names them: `FROM golang:onbuild` with nothing else builds the
// context into /go/bin/app. dfsplit reads such a file as the image's own instructions and its triggers written out
// after the FROM (src/knowledge/onbuild.ts, from docker-library's Dockerfiles), on the image the variant was built
// from: the plan and the runtime stage come from that reading. The output's builder keeps the original FROM, byte
// for byte, so the triggers still run there, as in the original; the runtime stage's image has none.
import type { Finding } from './messages.js';
import type { Instruction, Model } from './model.js';
import { parse } from './parse.js';
import { parseImage } from './images.js';
import { onbuildImage } from './knowledge/onbuild.js';

/** The instructions a reading inserted (`Model.onbuild`): the first one's index, how many (one line each), and the image. */
type Inserted = NonNullable<Model['onbuild']>;

/** A file whose builder's FROM names an onbuild variant, read with that image's instructions written out. */
export interface Expansion {
  /** The model of the text with the instructions inserted, its builder's image the one the variant was built on. */
  model: Model;
  /** The inserted instructions: `model.onbuild` itself. */
  inserted: Inserted;
  /** Where the inserted text starts in the original text, and its length; where the FROM ends. */
  at: number;
  fromEnd: number;
  length: number;
  /** The FROM's line in the original, and the image the variant was built on. */
  fromLine: number;
  base: string;
}

/** The file read with its onbuild base image's instructions and triggers written out, or null when its FROM names none the table knows. */
export function expandOnbuild(model: Model): Expansion | null {
  if (model.stages.length !== 1) return null;
  const stage = model.stages[0]!;
  const from = model.instructions[stage.from]!;
  if (from.keyword !== 'FROM' || stage.name !== null || from.flags.length) return null;
  const ref = parseImage(stage.image);
  if (ref.registry !== null || ref.digest !== null || ref.tag === null) return null;
  const row = onbuildImage(ref.name.replace(/^library\//, ''), ref.tag);
  if (!row) return null;
  const eol = model.eol;
  // right after the FROM's line ending (a FROM on the last line gets one first)
  const lineEnd = model.text.startsWith(eol, from.end) ? from.end + eol.length : from.end;
  const lead = lineEnd === from.end ? eol : '';
  // an ENTRYPOINT the file sets resets the CMD it inherits from the image (not one set in the file itself): the
  // image's CMD is left out then
  const entrypoint = model.instructions.some((i) => i.keyword === 'ENTRYPOINT');
  const own = entrypoint ? row.instructions.filter((l) => !/^CMD\s/i.test(l)) : row.instructions;
  const inserted = lead + own.map((l) => l + eol).join('');
  const text = model.text.slice(0, lineEnd) + inserted + model.text.slice(lineEnd);
  let parsed: Model;
  try {
    parsed = parse(text);
  } catch {
    return null;
  }
  if (parsed.stages.length !== 1 || parsed.instructions.length !== model.instructions.length + own.length) return null;
  const base = row.base;
  const s = parsed.stages[0]!;
  const instructions = parsed.instructions.map((ins): Instruction => (ins.index === s.from && ins.keyword === 'FROM' ? { ...ins, image: base } : ins));
  const written: Inserted = { first: from.index + 1, count: own.length, image: stage.image };
  return {
    model: { ...parsed, bom: model.bom, instructions, stages: [{ ...s, image: base }], onbuild: written },
    inserted: written,
    at: lineEnd,
    fromEnd: from.end,
    length: inserted.length,
    fromLine: from.line,
    base,
  };
}

/** The line of the original a line of the expanded text stands for: an inserted instruction's is the FROM's. */
export function originalLine(e: Expansion, line: number): number {
  const { count } = e.inserted;
  return line <= e.fromLine ? line : line <= e.fromLine + count ? e.fromLine : line - count;
}

/** An offset of the expanded text in the original, or null inside the inserted text. */
export function originalOffset(e: Expansion, at: number): number | null {
  return at <= e.at ? at : at >= e.at + e.length ? at - e.length : null;
}

/** Whether instruction `index` of a model is one its onbuild image holds (inserted by the reading), not the file's. */
export function isInserted(model: Model, index: number): boolean {
  const o = model.onbuild;
  return !!o && index >= o.first && index < o.first + o.count;
}

/** What the reading says of the file (`onbuild-read`) and leaves unproven (`unproven-onbuild`). */
export function onbuildFindings(e: Expansion): { finding: Finding; unproven: Finding } {
  return {
    finding: { id: 'onbuild-read', data: { image: e.inserted.image, base: e.base, count: String(e.inserted.count) }, line: e.fromLine },
    unproven: { id: 'unproven-onbuild', data: { image: e.inserted.image, base: e.base }, line: e.fromLine },
  };
}
