// RUN lines are shell scripts: we read them with mvdan/sh's real parser (npm mvdan-sh), command by
// command, instead of splitting on `&&` with regexes. See docs/dependencies.md ("mvdan-sh").
// Shell form of RUN: https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
import { createRequire } from 'node:module';
import type shModule from 'mvdan-sh';
import { joinPath } from './paths.js';
import { fastSplit } from './shell-fast.js';
import type { ShellCommand, ShellScript } from './shell-words.js';

export type { ShellCommand, ShellScript } from './shell-words.js';

// mvdan-sh (GopherJS, about 90 ms to load) is loaded on the first script the fast path leaves to it: most
// runs never need it (the fast path reads 99.7% of the corpus's RUN lines), and every CLI start saves that
let parser: ReturnType<typeof shModule.syntax.NewParser> | null = null;
function fullParser(): ReturnType<typeof shModule.syntax.NewParser> {
  if (parser === null) {
    const sh = createRequire(import.meta.url)('mvdan-sh') as typeof shModule;
    parser = sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
  }
  return parser;
}

// The same RUN text is read several times per conversion (package removals, the RUN itself, the check
// re-reading the output): results are pure, so they are cached. The cache is bounded, in two generations:
// when the young one is full it becomes the old one and the oldest is dropped whole (evicting the first
// key one at a time made every insertion walk the deleted entries at the front of the Map).
let young = new Map<string, ShellScript>();
let old = new Map<string, ShellScript>();
const GENERATION_SIZE = 2048;

/** Split a shell script into simple commands. Never throws. */
export function parseShell(src: string): ShellScript {
  const hit = young.get(src);
  if (hit) return hit;
  const result = old.get(src) ?? shellScripts(fastSplit(src) ?? gluedComment(src, parseFull(src)));
  if (young.size >= GENERATION_SIZE) {
    old = young;
    young = new Map();
  }
  young.set(src, result);
  return result;
}

/** A POSIX shell run on a script of its own (`sh -c '...'`, `/bin/bash -ex -c "..."`). */
const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', '/usr/bin/bash', 'dash', '/bin/dash']);

/**
 * The script a shell command runs (`sh -c 'git clone URL && cd app && mvn install'`), or null: a known shell, only
 * single-letter options up to `-c` (`-e -c`, `-ex -c`, `-ec`), and the script right after it as the last word: words after
 * it would be its $0, $1, ..., and an exec form's words joined by spaces (`sh -c npm start`) lose the script's quotes.
 */
function shellScriptOf(words: readonly string[]): string | null {
  if (!SHELLS.has(words[0] ?? '')) return null;
  for (let i = 1; i < words.length - 1 && /^-[a-z]+$/.test(words[i]!); i++) if (words[i]!.includes('c')) return i + 2 === words.length ? words[i + 1]! : null;
  return null;
}

/**
 * A script's commands with each `sh -c SCRIPT` read as the commands of SCRIPT: they run in a shell of their own, so
 * they are nested (a `cd` there moves nothing after it) and start in the directory the command runs in, and each
 * spans the whole `sh -c` command of the source (a stage that repeats it repeats it whole). The script is complex.
 */
function shellScripts(script: ShellScript, depth = 0): ShellScript {
  if (depth > 2 || !script.commands.some((c) => shellScriptOf(c.words) !== null)) return script;
  const commands = script.commands.flatMap((c): ShellCommand[] => {
    const inner = shellScriptOf(c.words);
    if (inner === null || Object.keys(c.assigns).length || c.writes.length) return [c];
    const parsed = shellScripts(parseShell(inner), depth + 1);
    if (parsed.error !== null || !parsed.commands.length) return [c];
    return parsed.commands.map((x, i) => ({ ...x, start: c.start, end: c.end, joinedBy: i === 0 ? c.joinedBy : x.joinedBy, nested: true, cwd: x.cwd === null ? c.cwd : joinPath(c.cwd, x.cwd) }));
  });
  return { commands, complex: true, error: script.error };
}

/**
 * mvdan-sh starts a comment at a `#` right after an expansion or a closing quote (`@$TAG#egg=x`,
 * `"a"#b`); the shell reads that `#` as part of the word and runs what follows. Such a script is not
 * read as mvdan-sh reads it, which would lose the commands after the `#`: it is left unread (a RUN
 * that has to be split is then declined).
 */
function gluedComment(src: string, script: ShellScript): ShellScript {
  const glued = script.commands.find((c) => src[c.end] === '#' && !/[\s;&|()]/.test(src[c.end - 1] ?? ' '));
  return glued ? fallback(src, new Error(`a # right after a word at offset ${glued.end}: the shell reads it as part of the word, mvdan-sh as a comment`)) : script;
}

/** The full parser alone (no fast path, no cache): what the fast path must agree with. */
export function parseFull(src: string): ShellScript {
  const toChar = byteToCharMap(src);
  let file: GoNode;
  try {
    file = internal(fullParser().Parse(src, ''));
  } catch (err) {
    return fallback(src, err);
  }
  const out: ShellCommand[] = [];
  let complex = false;
  let cwd: string | null = null;
  const pending: [GoNode, ShellCommand['joinedBy'], boolean][] = [];
  const visitStmt = (stmt: GoNode, joinedBy: ShellCommand['joinedBy'], nested: boolean) => {
    const cmd = stmt.Cmd as GoNode;
    const t = kind(cmd);
    if (t === null) return;
    if (t === 'BinaryCmd') {
      const opAt = toChar(cmd.OpPos.Offset());
      const op = src.startsWith('&&', opAt) ? '&&' : src.startsWith('||', opAt) ? '||' : '|';
      if (op === '|') complex = true;
      // the right side waits on an explicit stack: a chain of thousands of && is a left-deep tree,
      // and recursing down it would overflow the call stack
      pending.push([cmd.Y, op, nested || op === '|']);
      pending.push([cmd.X, joinedBy, nested || op === '|']);
      return;
    }
    if (t === 'CallExpr' || t === 'DeclClause') {
      const command = simpleCommand(src, toChar, stmt, cmd, t, joinedBy, nested, cwd);
      if (!nested && command.words[0] === 'cd' && command.words[1]) cwd = joinPath(cwd, command.words[1]);
      out.push(command);
      return;
    }
    complex = true;
    // every simple command below, in syntax.Walk's order, as nested commands
    walk(cmd, (inner) => {
      const innerKind = kind(inner.Cmd);
      if (innerKind === 'CallExpr' || innerKind === 'DeclClause') out.push(simpleCommand(src, toChar, inner, inner.Cmd, innerKind, null, true, cwd));
    });
  };
  forEach(file.Stmts, (stmt, i) => {
    pending.push([stmt, i === 0 ? null : ';', false]);
    while (pending.length) visitStmt(...pending.pop()!);
  });
  return { commands: out, complex, error: null };
}

// ---------------------------------------------------------------------------------------------------
// mvdan-sh is Go compiled to JavaScript by GopherJS. Its public objects are wrappers that convert every
// field on each read (most of the time spent on long RUN lines went there, about six times the parse);
// the tree is read here through the Go values behind them instead: structs are plain objects with the
// Go field names, slices are {$array, $offset, $length}, strings hold UTF-8 bytes, a nil pointer is its
// type's `nil` object and a nil interface has no Go type. The version is pinned in package.json; the
// test in test/shell-tree.test.ts compares this reader with one through the public wrappers on every
// corpus RUN line.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GoNode = any;

function internal(wrapper: unknown): GoNode {
  return (wrapper as { __internal_object__: GoNode }).__internal_object__;
}

const kinds = new Map<unknown, string>();

/** The node's type name (`CallExpr`), or null for a nil pointer or interface. */
function kind(node: GoNode): string | null {
  if (node === null || node === undefined) return null;
  const type = node.constructor;
  if (type === undefined || type.nil === node) return null;
  let name = kinds.get(type);
  if (name === undefined) {
    name = typeof type.string === 'string' ? (type.string as string).replace(/^\*?syntax\./, '') : '';
    kinds.set(type, name);
  }
  return name || null;
}

function forEach(slice: GoNode, fn: (item: GoNode, index: number) => void): void {
  if (!slice || slice.$array === undefined) return;
  for (let i = 0; i < slice.$length; i++) fn(slice.$array[slice.$offset + i], i);
}

function goString(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(value) ? value : Buffer.from(value, 'latin1').toString('utf8');
}

/** The children syntax.Walk visits, in its order (mvdan/sh syntax/walk.go); a dotted name reads a field of a field. */
const WALK: Record<string, string[]> = {
  File: ['Stmts'],
  Stmt: ['Cmd', 'Redirs'],
  Assign: ['Name', 'Value', 'Index', 'Array'],
  Redirect: ['N', 'Word', 'Hdoc'],
  CallExpr: ['Assigns', 'Args'],
  Subshell: ['Stmts'],
  Block: ['Stmts'],
  IfClause: ['Cond', 'Then', 'Else'],
  WhileClause: ['Cond', 'Do'],
  ForClause: ['Loop', 'Do'],
  WordIter: ['Name', 'Items'],
  CStyleLoop: ['Init', 'Cond', 'Post'],
  BinaryCmd: ['X', 'Y'],
  FuncDecl: ['Name', 'Body'],
  Word: ['Parts'],
  Lit: [],
  SglQuoted: [],
  DblQuoted: ['Parts'],
  CmdSubst: ['Stmts'],
  ParamExp: ['Param', 'Index', 'Repl.Orig', 'Repl.With', 'Exp.Word'],
  ArithmExp: ['X'],
  ArithmCmd: ['X'],
  BinaryArithm: ['X', 'Y'],
  BinaryTest: ['X', 'Y'],
  UnaryArithm: ['X'],
  UnaryTest: ['X'],
  ParenArithm: ['X'],
  ParenTest: ['X'],
  CaseClause: ['Word', 'Items'],
  CaseItem: ['Patterns', 'Stmts'],
  TestClause: ['X'],
  DeclClause: ['Variant', 'Args'],
  ArrayExpr: ['Elems'],
  ArrayElem: ['Index', 'Value'],
  ExtGlob: ['Pattern'],
  ProcSubst: ['Stmts'],
  TimeClause: ['Stmt'],
  CoprocClause: ['Name', 'Stmt'],
  LetClause: ['Exprs'],
};

/** Call `onStmt` for every Stmt below `root` in syntax.Walk's pre-order, without recursion. */
function walk(root: GoNode, onStmt: (stmt: GoNode) => void): void {
  const stack: GoNode[] = [root];
  while (stack.length) {
    const node = stack.pop();
    const k = kind(node);
    if (k === null) continue;
    if (k === 'Stmt') onStmt(node);
    const fields = WALK[k];
    if (!fields) throw new Error(`shell reader: unknown node type ${k}`);
    // children go on the stack last-first so that they come off in order
    const children: GoNode[] = [];
    for (const field of fields) {
      const dot = field.indexOf('.');
      const value = dot < 0 ? node[field] : kind(node[field.slice(0, dot)]) === null ? null : node[field.slice(0, dot)][field.slice(dot + 1)];
      if (value && value.$array !== undefined) forEach(value, (item) => children.push(item));
      else children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function simpleCommand(src: string, toChar: (b: number) => number, stmt: GoNode, cmd: GoNode, cmdKind: string, joinedBy: ShellCommand['joinedBy'], nested: boolean, cwd: string | null): ShellCommand {
  const assigns: Record<string, string> = {};
  const words: string[] = [];
  if (cmdKind === 'DeclClause') {
    words.push(goString(cmd.Variant.Value));
    forEach(cmd.Args, (a) => words.push(kind(a.Name) ? `${goString(a.Name.Value)}=${kind(a.Value) ? wordText(a.Value) : ''}` : ''));
  } else {
    forEach(cmd.Assigns, (a) => {
      if (kind(a.Name)) assigns[goString(a.Name.Value)] = kind(a.Value) ? wordText(a.Value) : '';
    });
    forEach(cmd.Args, (w) => words.push(wordText(w)));
  }
  const writes: string[] = [];
  forEach(stmt.Redirs, (r) => {
    const target = redirectTarget(src, toChar, r);
    if (target !== null) writes.push(target);
  });
  return { words, assigns, writes, start: toChar(stmt.Pos().Offset()), end: toChar(stmt.End().Offset()), joinedBy, nested, cwd };
}

function redirectTarget(src: string, toChar: (b: number) => number, r: GoNode): string | null {
  if (!kind(r.Word)) return null;
  const op = src.slice(toChar(r.OpPos.Offset()), toChar(r.Word.Pos().Offset())).trim();
  if (!/^(>|>>|>\||&>|&>>)$/.test(op)) return null;
  const target = wordText(r.Word);
  return target.startsWith('/dev/') || target.startsWith('&') ? null : target;
}

/** The value of a word with quotes removed; expansions are kept as written so callers can see them. */
function wordText(word: GoNode): string {
  let text = '';
  forEach(word.Parts, (part) => {
    text += partText(part);
  });
  return text;
}

function partText(part: GoNode): string {
  switch (kind(part)) {
    case 'Lit':
      return goString(part.Value).replace(/\\(.)/g, '$1');
    case 'SglQuoted':
      return goString(part.Value);
    case 'DblQuoted': {
      let text = '';
      forEach(part.Parts, (p) => {
        text += partText(p);
      });
      return text;
    }
    case 'ParamExp': {
      const name = goString(part.Param.Value);
      return part.Short ? `$${name}` : `\${${name}}`;
    }
    default:
      return '$(...)';
  }
}

/** The result for a script the parser refuses: one nested command of whitespace-split words. */
export function fallback(src: string, err: unknown): ShellScript {
  // mvdan-sh throws Go errors, whose text comes from Error() (`1:6: reached EOF without closing quote "`)
  const goError = typeof err === 'object' && err !== null && typeof (err as { Error?: unknown }).Error === 'function';
  const message = goError ? String((err as { Error: () => unknown }).Error()) : typeof err === 'object' && err !== null && 'message' in err ? String((err as { message: unknown }).message) : 'shell syntax error';
  const words = src.split(/\s+/).filter(Boolean);
  return { commands: [{ words, assigns: {}, writes: [], start: 0, end: src.length, joinedBy: null, nested: true, cwd: null }], complex: true, error: message };
}

/** The quote (`"`, `'` or a backquote) a script ends inside, never closed, from its parse error; or null. */
export function unterminatedQuote(error: string | null): string | null {
  return error === null ? null : (/reached EOF without closing quote (["'`])$/.exec(error)?.[1] ?? null);
}

/** mvdan-sh reports UTF-8 byte offsets; JavaScript strings index UTF-16 code units. */
export function byteToCharMap(src: string): (byte: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(src)) return (b) => b;
  const map: number[] = [];
  let i = 0;
  for (const ch of src) {
    const bytes = Buffer.byteLength(ch, 'utf8');
    for (let k = 0; k < bytes; k++) map.push(i);
    i += ch.length;
  }
  map.push(i);
  return (b) => map[b] ?? src.length;
}

export { joinPath } from './paths.js';

/**
 * The quote (`"`, `'` or a backquote) a script ends inside by a plain POSIX scan, or null when every
 * quote closes. A second opinion on mvdan-sh, which refuses some scripts /bin/sh reads: a `'` inside
 * `${...}` inside double quotes is literal to dash and bash --posix (`"${A:-it's}"`), not to mvdan-sh.
 * A backslash escapes the next character outside single quotes; a `#` starting a word outside quotes
 * starts a comment to the end of the line. Heredocs are not read (only a RUN without one is checked).
 */
export function scanUnclosedQuote(script: string): string | null {
  const open: string[] = [];
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    const top = open[open.length - 1];
    if (top === "'") {
      if (c === "'") open.pop();
    } else if (c === '\\') {
      i++;
    } else if (top === '"') {
      if (c === '"') open.pop();
      else if (c === '`') open.push(c);
    } else if (top === '`') {
      if (c === '`') open.pop();
    } else if (c === '"' || c === "'" || c === '`') {
      open.push(c);
    } else if (c === '#' && (i === 0 || /[\s;&|()<>]/.test(script[i - 1]!))) {
      const end = script.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    }
  }
  return open[open.length - 1] ?? null;
}
