// The only file that touches dockerfile-ast. It turns the parser's LSP ranges into character
// offsets and works around the parser's known bugs, so the rest of dfsplit reads plain data.
// Docker's syntax: https://docs.docker.com/reference/dockerfile/#format
import { DockerfileParser, Instruction as AstInstruction } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { InputError } from './errors.js';
import { describe } from './messages.js';
import type { Flag, Instruction, InstructionBase, Model, Stage } from './model.js';
import { parseShell } from './shell.js';
import { plainWords } from './shell-words.js';

/** Dockerfiles larger than this are refused: real ones are kilobytes, and the parser is quadratic on some input. */
export const MAX_BYTES = 2 * 1024 * 1024;

const KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

// Workaround: dockerfile-ast does not see `RUN << EOF` (a space after <<) as a heredoc
// (rcjsuen/dockerfile-ast heredoc parsing only matches `<<WORD`); we detect heredocs ourselves.
const HEREDOC = /<<-?\s*["']?[A-Za-z_][A-Za-z0-9_]*["']?/;

/** Parse Dockerfile text into the model. Throws InputError for text that is not a usable Dockerfile. */
export function parse(input: string): Model {
  if (input.length > MAX_BYTES) throw new InputError('too-large', `file is larger than ${MAX_BYTES} bytes`);
  if (input.includes('\u0000')) throw new InputError('binary', 'binary file (contains NUL bytes), not a Dockerfile');
  const bom = input.startsWith('\uFEFF');
  const text = bom ? input.slice(1) : input;
  // Docker ends lines at LF only: a file saved with CR alone would be one long line
  if (!text.includes('\n') && /\r[^]/.test(text)) throw new InputError('cr-line-ends', describe({ id: 'cr-line-ends' }));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = new SourceLines(text);
  // Workaround: dockerfile-ast does not see `<< EOF` (space after <<) as a heredoc (BuildKit does).
  // Parse a copy with the space moved behind the word: same length, so every offset stays true.
  const parsed = parseDockerfile(!text.includes('<<') ? text : text.replace(/<<(-?)([ \t]+)(["']?[A-Za-z_][A-Za-z0-9_]*["']?)/g, (_, dash: string, space: string, word: string) => `<<${dash}${word}${space}`));
  const escape = parsed.getEscapeCharacter();
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: number[] = [];
  for (const node of parsed.getInstructions()) {
    const range = node.getRange();
    const keyword = node.getKeyword().toUpperCase();
    const line = range.start.line + 1;
    if (!KEYWORDS.has(keyword)) {
      throw new InputError('unknown-instruction', `unknown instruction: ${node.getKeyword()}`, line);
    }
    if (range.end.line >= lines.count) throw new InputError('parse', 'the parser returned a position outside the file', line);
    const start = lines.start(range.start.line);
    const end = lines.end(range.end.line);
    const index = instructions.length;
    const body = argumentsOf(text, lines, range.start.line, range.end.line, node.getInstructionRange().end.character, escape);
    const heredoc = keyword !== 'FROM' && HEREDOC.test(lines.content(range.start.line));
    const { flags, rest, restOffsets } = splitFlags(body.text, body.offsets);
    const base = {
      index,
      line,
      endLine: range.end.line + 1,
      start,
      end,
      raw: text.slice(start, end),
      args: rest,
      argsOffsetAt: restOffsets,
      flags,
      json: jsonArray(rest),
      heredoc,
      stage: stages.length - 1,
    };
    const instruction = Object.assign(base, typed(keyword, base)) as Instruction;
    if (instruction.keyword === 'FROM') {
      if (!instruction.image) throw new InputError('empty-from', 'FROM without an image', line);
      stages.push({ index: stages.length, from: index, image: instruction.image, name: instruction.name, platform: instruction.platform, instructions: [] });
      instruction.stage = stages.length - 1;
    } else if (stages.length === 0) {
      if (keyword !== 'ARG') throw new InputError('before-from', `${keyword} before the first FROM`, line);
      globalArgs.push(index);
    }
    stages[stages.length - 1]?.instructions.push(index);
    instructions.push(instruction);
  }
  if (stages.length === 0) throw new InputError('no-from', 'no FROM instruction: not a Dockerfile', 1);
  return { text, bom, eol, escape, instructions, stages, globalArgs };
}

/**
 * The fields of an instruction that say what its arguments mean (src/model.ts), read here once so that
 * no later pass reads `args` again. `keyword` is one of KEYWORDS.
 */
function typed(keyword: string, ins: { args: string; flags: Flag[]; json: string[] | null; heredoc: boolean }): TypedFields {
  const { args, flags, json } = ins;
  switch (keyword) {
    case 'FROM': {
      const words = args.trim().split(/\s+/).filter(Boolean);
      const name = words.length >= 3 && words[1]?.toUpperCase() === 'AS' ? (words[2] ?? null) : null;
      return { keyword, image: words[0] ?? '', name: name?.toLowerCase() ?? null, platform: flags.find((f) => f.name === 'platform')?.value ?? null };
    }
    case 'COPY':
    case 'ADD': {
      const words = json ?? args.trim().split(/\s+/);
      return { keyword, words, sources: words.slice(0, -1), destination: words[words.length - 1] ?? '', from: flags.find((f) => f.name === 'from')?.value ?? null };
    }
    case 'ENV':
      return { keyword, pairs: envPairs(args) };
    case 'ARG':
      return { keyword, pairs: argPairs(args) };
    case 'RUN':
      return { keyword, form: json ? 'exec' : ins.heredoc ? 'heredoc' : 'shell', script: json ? json.join(' ') : ins.heredoc ? heredocBody(args) : args, mounts: flags.filter((f) => f.name === 'mount').map((f) => f.value) };
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      const command = args.trim();
      return { keyword, form: json ? 'exec' : 'shell', command, words: json ?? command.split(/\s+/), plain: json ?? plainWords(command) };
    }
    case 'HEALTHCHECK':
      return { keyword, form: /^\s*NONE\s*$/i.test(args) ? 'none' : /CMD\s*\[/.test(args) ? 'exec' : 'shell', command: healthcheckCommand(args) };
    case 'WORKDIR':
      // the builder reads the path as a shell word: quotes go (`WORKDIR "/var/www"` is /var/www)
      return { keyword, path: shellWord(args.trim()) };
    case 'USER':
      return { keyword, user: args.trim() };
    case 'VOLUME':
      return { keyword, paths: json ?? args.trim().split(/\s+/) };
    default:
      return { keyword: keyword as 'LABEL' };
  }
}

/** What `typed` adds to the fields every instruction has, per keyword. */
type TypedFields<I = Instruction> = I extends Instruction ? Omit<I, keyof InstructionBase> : never;

/** A value the builder reads as shell words, quotes removed (`'/opt/app'` is /opt/app); as written when it has none. */
function shellWord(value: string): string {
  const words = /["'\\]/.test(value) ? parseShell(`X ${value}`).commands[0]?.words.slice(1) : undefined;
  return words?.length ? words.join(' ') : value;
}

/** `ENV A=1 B=2` (quotes removed) or legacy `ENV A 1` (the value as written, its quotes removed). */
function envPairs(args: string): [string, string][] {
  const text = args.trim();
  if (!/^[^\s=]+=/.test(text)) {
    const m = /^(\S+)\s+([\s\S]*)$/.exec(text);
    if (!m) return [];
    // the builder reads the value as shell words: quotes go (`ENV OUT_DIR '/opt/app'` is /opt/app); a value that is
    // one `${NAME:-word}` is kept as written, for analyze to give the variable or its default (the shell reader
    // keeps only `${NAME}` of it)
    const raw = m[2]!.trim();
    return [[m[1]!, /^\$\{\w+:?-[^}$]*\}$/.test(raw) ? raw : shellWord(raw)]];
  }
  const script = parseShell(`X ${text}`);
  const out: [string, string][] = [];
  for (const c of script.commands)
    for (const w of c.words.slice(1)) {
      const eq = w.indexOf('=');
      if (eq > 0) out.push([w.slice(0, eq), w.slice(eq + 1)]);
    }
  return out;
}

/** `ARG A B=2 C="x y"`: each shell word a name, with a default after `=` (quotes removed, as the builder reads them). */
function argPairs(args: string): { name: string; value: string | null }[] {
  const out: { name: string; value: string | null }[] = [];
  const text = args.trim();
  // a quoted default may hold spaces (`ARG FLAGS="--a --prefix=/irc"` is one default): read as shell words
  const words = /["'\\]/.test(text) ? parseShell(`X ${text}`).commands[0]?.words.slice(1) : undefined;
  if (words?.length) {
    for (const w of words) {
      const eq = w.indexOf('=');
      out.push(eq > 0 ? { name: w.slice(0, eq), value: w.slice(eq + 1) } : { name: w, value: null });
    }
    return out;
  }
  for (const part of text.split(/\s+/)) {
    if (!part) continue;
    const eq = part.indexOf('=');
    out.push(eq > 0 ? { name: part.slice(0, eq), value: part.slice(eq + 1).replace(/^["']|["']$/g, '') } : { name: part, value: null });
  }
  return out;
}

/** For `RUN <<EOF ... EOF`, the shell script is the heredoc body: the lines between the first and the last. */
function heredocBody(args: string): string {
  // sliced, not split and joined: a body can be megabytes
  const first = args.indexOf('\n');
  const last = args.lastIndexOf('\n');
  return first === last ? '' : args.slice(first + 1, last);
}

/** The command of `HEALTHCHECK [options] CMD ...` (exec form when it is a JSON array of strings), or null for NONE. */
function healthcheckCommand(args: string): { text: string; json: string[] | null } | null {
  const m = /^(?:--\S+\s+)*CMD\s+([\s\S]*)$/i.exec(args.trim());
  if (!m) return null;
  const text = m[1]!.trim();
  return { text, json: text.startsWith('[') ? jsonArray(text) : null };
}

type AstDockerfile = ReturnType<typeof DockerfileParser.parse>;
type AstRange = ReturnType<AstInstruction['getRange']>;

/** dockerfile-ast's parser as this file uses it: its typings mark the methods and fields below private. */
const LibraryParser = Parser as unknown as new () => { parse(buffer: string): AstDockerfile; processHeredocs(instruction: AstInstruction, offset: number): number };

/**
 * dockerfile-ast's own parser (its lexer finds every instruction, comment, directive, continuation and
 * heredoc), building each instruction as the library's plain Instruction instead of its per-keyword
 * class. We read only an instruction's keyword and ranges, which the parser computes before it builds
 * the instruction; the per-keyword classes (Run, Cmd, Copy, ...) split their arguments into words four
 * times in their constructors (each instruction is built twice), about three quarters of the library's
 * time on the corpus, and they split a heredoc's whole body with them. ONBUILD keeps its own class: the
 * parser asks it for its trigger. The parser is internal to the library, so package.json pins its exact
 * version, and test/parse-plain.test.ts holds this parse to DockerfileParser.parse's instructions, ranges,
 * comments and directives on every corpus file. Where the internals are not as expected, the full parse
 * is used (and that test fails).
 */
class PlainInstructionParser extends LibraryParser {
  declare document: ConstructorParameters<typeof AstInstruction>[0];
  declare escapeChar: string;
  declare buffer: string;
  /** Where the instruction built last starts: the parser looks for its heredocs right after building it. */
  private lastStart = 0;
  createInstruction(dockerfile: Parameters<typeof Parser.createInstruction>[1], instruction: string, start: number, instructionEnd: number, end: number): AstInstruction {
    this.lastStart = start;
    const startPosition = this.document.positionAt(start);
    const instructionRange: AstRange = { start: startPosition, end: this.document.positionAt(instructionEnd) };
    const lineRange: AstRange = { start: startPosition, end: this.document.positionAt(end) };
    if (instruction.toUpperCase() === 'ONBUILD') return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    return new AstInstruction(this.document, lineRange, dockerfile, this.escapeChar, instruction, instructionRange);
  }

  /**
   * The library looks for heredocs by building every argument of every ADD, COPY and RUN (with a position
   * conversion each) and asking whether it starts with `<<`: on a RUN of thousands of words, that was a
   * good part of the parse. An argument can start with `<<` only when the text holds `<<`, or a `<` right
   * before the escape character (`<\<EOF`, or `<\` and a line continuation): otherwise there is none.
   */
  processHeredocs(instruction: AstInstruction, offset: number): number {
    const text = this.buffer.slice(this.lastStart, offset);
    if (!text.includes('<<') && !text.includes(`<${this.escapeChar}`)) return offset;
    return super.processHeredocs(instruction, offset);
  }
}

const internals = Parser.prototype as unknown as Record<string, unknown>;
const plainParse = typeof internals['createInstruction'] === 'function' && typeof internals['processHeredocs'] === 'function' && typeof Parser.createInstruction === 'function';

/** The parse dfsplit reads: dockerfile-ast's, with plain instructions (see PlainInstructionParser). */
export function parseDockerfile(text: string): AstDockerfile {
  return plainParse ? new PlainInstructionParser().parse(text) : DockerfileParser.parse(text);
}

/** The lines of a text: where each starts, and its content without the line ending, read when asked. */
class SourceLines {
  // one number per line, not an object and a string (a megabyte heredoc has 60,000 lines)
  private readonly starts: number[] = [];
  constructor(private readonly text: string) {
    let start = 0;
    for (;;) {
      this.starts.push(start);
      const nl = text.indexOf('\n', start);
      if (nl === -1) return;
      start = nl + 1;
    }
  }

  get count(): number {
    return this.starts.length;
  }

  start(n: number): number {
    return this.starts[n]!;
  }

  /** Where line `n` ends, before its line ending (`\n` or `\r\n`; a lone `\r` at the end of the text too). */
  end(n: number): number {
    const next = this.starts[n + 1];
    const stop = next === undefined ? this.text.length : next - 1;
    return stop > this.starts[n]! && this.text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
  }

  content(n: number): string {
    return this.text.slice(this.starts[n]!, this.end(n));
  }
}

/**
 * The arguments of an instruction as Docker sees them: continuation lines joined (the escape
 * character and line ending removed), and comment or blank lines inside a continuation dropped.
 * Heredoc bodies are kept with their newlines.
 */
function argumentsOf(text: string, lines: SourceLines, from: number, to: number, keywordEnd: number, escape: string): { text: string; offsets: Segments } {
  let out = '';
  // one entry per joined piece, not per character (a per-character array was most of parse's allocations)
  const offsets: Segments = { from: [], at: [] };
  const push = (s: string, at: number) => {
    if (!s.length) return;
    offsets.from.push(out.length);
    offsets.at.push(at);
    out += s;
  };
  let continuing = true;
  for (let n = from; n <= to; n++) {
    const lineStart = lines.start(n);
    const offset = n === from ? keywordEnd : 0;
    let content = text.slice(lineStart + offset, lines.end(n));
    if (n !== from && continuing && (/^\s*#/.test(content) || content.trim() === '')) continue;
    if (!continuing) {
      // heredoc body lines: kept verbatim with their newlines. Without a CR they are the file's own text
      // up to the instruction's end: one piece (a piece per line made a megabyte heredoc slow)
      const bodyEnd = lines.end(to);
      const cr = text.indexOf('\r', lineStart);
      if (cr === -1 || cr >= bodyEnd) {
        push(text.slice(lineStart - 1, bodyEnd), lineStart - 1);
        break;
      }
      push('\n', lineStart - 1);
      push(content, lineStart + offset);
      continue;
    }
    // the line without trailing blanks ends with one escape character (two are an escaped escape)
    let e = content.length;
    while (e > 0 && (content.charCodeAt(e - 1) === 32 || content.charCodeAt(e - 1) === 9)) e--;
    if (e > 0 && content[e - 1] === escape && !(e > 1 && content[e - 2] === escape)) {
      content = content.slice(0, e - 1);
      push(content, lineStart + offset);
    } else {
      push(content, lineStart + offset);
      continuing = n === to ? true : false;
    }
  }
  return { text: out, offsets };
}

/** Pieces of an instruction's arguments: piece k starts at index `from[k]` of the text and at `at[k]` in the file. */
interface Segments {
  from: number[];
  at: number[];
}

/** The file offset of index `i` of a text made of `segments`, starting `skip` characters into it. */
function offsetReader(segments: Segments, skip: number): (i: number) => number {
  return (i) => {
    const target = i + skip;
    let lo = 0;
    let hi = segments.from.length - 1;
    if (hi < 0) return target;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments.from[mid]! <= target) lo = mid;
      else hi = mid - 1;
    }
    return segments.at[lo]! + (target - segments.from[lo]!);
  };
}

function splitFlags(args: string, offsets: Segments): { flags: Flag[]; rest: string; restOffsets: (i: number) => number } {
  const flags: Flag[] = [];
  let at = 0;
  // most instructions have no flag: the regex runs only when `--` starts the arguments
  while (at < args.length && /\s/.test(args[at]!)) at++;
  if (!args.startsWith('--', at)) return { flags, rest: args.slice(at), restOffsets: offsetReader(offsets, at) };
  at = 0;
  const re = /\s*--([A-Za-z][\w-]*)(?:=("[^"]*"|\S*))?(?=\s|$)/y;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(args);
    if (!m) break;
    flags.push({ name: m[1]!.toLowerCase(), value: (m[2] ?? '').replace(/^"(.*)"$/, '$1') });
    at = re.lastIndex;
  }
  while (at < args.length && /\s/.test(args[at]!)) at++;
  return { flags, rest: args.slice(at), restOffsets: offsetReader(offsets, at) };
}

/**
 * The exec form's words: Docker's parser decodes the first JSON value of the arguments and ignores what follows it,
 * so `CMD ["go-wrapper", "run"] # ["app"]` is the exec form `["go-wrapper", "run"]` (checked with BuildKit of
 * Debian's docker.io 20.10: its Config.Cmd is `["go-wrapper","run"]`); arguments whose first value is no JSON array
 * of strings are the shell form (`RUN [ -f x ] || ...`).
 */
function jsonArray(args: string): string[] | null {
  let k = 0;
  while (k < args.length && /\s/.test(args[k]!)) k++;
  if (args[k] !== '[') return null;
  const end = firstJsonValueEnd(args, k);
  if (end === null) return null;
  try {
    const v: unknown = JSON.parse(args.slice(k, end));
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

/** Where the JSON array or object that starts at `start` ends (just past its closing bracket), or null when it does not end. */
function firstJsonValueEnd(text: string, start: number): number | null {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return null;
}
