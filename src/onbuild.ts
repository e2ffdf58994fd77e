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

/** A file whose builder's FROM names an onbuild variant, read with that image's instructions written out. */
export interface Expansion {
  /** The model of the text with the instructions inserted, its builder's image the one the variant was built on. */
  model: Model;
  /** Where the inserted text starts in the original text, and its length and number of lines; where the FROM ends. */
  at: number;
  fromEnd: number;
  length: number;
  lines: number;
  /** The indices of the inserted instructions in `model`. */
  first: number;
  count: number;
  /** The FROM's line in the original, and the images. */
  fromLine: number;
  image: string;
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
  return {
    model: { ...parsed, bom: model.bom, instructions, stages: [{ ...s, image: base }], onbuild: { first: from.index + 1, count: own.length, image: stage.image } },
    at: lineEnd,
    fromEnd: from.end,
    length: inserted.length,
    lines: own.length,
    first: from.index + 1,
    count: own.length,
    fromLine: from.line,
    image: stage.image,
    base,
  };
}

/** The line of the original a line of the expanded text stands for: an inserted instruction's is the FROM's. */
export function originalLine(e: Expansion, line: number): number {
  const last = e.fromLine + e.lines;
  return line <= e.fromLine ? line : line <= last ? e.fromLine : line - e.lines;
}

/** An offset of the expanded text in the original, or null inside the inserted text. */
export function originalOffset(e: Expansion, at: number): number | null {
  return at <= e.at ? at : at >= e.at + e.length ? at - e.length : null;
}

/** Whether instruction `index` of the expanded model is one the onbuild image holds (inserted), not the file's. */
export function isInserted(e: Expansion | null | undefined, index: number): boolean {
  return !!e && index >= e.first && index < e.first + e.count;
}

/** What the reading says of the file (`onbuild-read`) and leaves unproven (`unproven-onbuild`). */
export function onbuildFindings(e: Expansion): { finding: Finding; unproven: Finding } {
  return {
    finding: { id: 'onbuild-read', data: { image: e.image, base: e.base, count: String(e.count) }, line: e.fromLine },
    unproven: { id: 'unproven-onbuild', data: { image: e.image, base: e.base }, line: e.fromLine },
  };
}
