// RUN lines are shell scripts: we read them with mvdan/sh's real parser (npm mvdan-sh), command by
// command, instead of splitting on `&&` with regexes. See README "Why mvdan-sh".
// Shell form of RUN: https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
import sh from 'mvdan-sh';
import type { CallExpr, DeclClause, Node, Stmt, Word, Redirect } from 'mvdan-sh';
import { joinPath } from './paths.js';
import { fastSplit } from './shell-fast.js';

/** One simple command inside a RUN, e.g. `CGO_ENABLED=0 go build -o /app .`. */
export interface ShellCommand {
  /** Words with quotes removed; parameter expansions kept as written (`$HOME`). */
  words: string[];
  /** `NAME=value` assignments written before the command. */
  assigns: Record<string, string>;
  /** Output redirection targets (`> file`, `>> file`), `/dev/*` excluded. */
  writes: string[];
  /** Character offsets of the command in the parsed source (assignments and redirections included). */
  start: number;
  end: number;
  /** The operator that joins this command to the previous one at the top level, or null. */
  joinedBy: '&&' | '||' | ';' | '|' | null;
  /** True when the command sits inside if/for/while/case, a subshell, a function or a pipeline. */
  nested: boolean;
  /** The working directory as changed by `cd` earlier in the same RUN, or null when unchanged. */
  cwd: string | null;
}

/** A RUN script split into commands. */
export interface ShellScript {
  commands: ShellCommand[];
  /** True when the script uses control flow, subshells, pipes or functions: it is kept whole. */
  complex: boolean;
  /** Set when the shell parser refused the script; commands then come from a whitespace split. */
  error: string | null;
}

const parser = sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
const type = (node: Node) => sh.syntax.NodeType(node);

// The same RUN text is read several times per conversion (package removals, the RUN itself, the check
// re-reading the output): results are pure, so they are cached. The cache is bounded.
const cache = new Map<string, ShellScript>();
const CACHE_SIZE = 4096;

/** Split a shell script into simple commands. Never throws. */
export function parseShell(src: string): ShellScript {
  const hit = cache.get(src);
  if (hit) return hit;
  const result = fastSplit(src) ?? parseFull(src);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(src, result);
  return result;
}

/** The full parser alone (no fast path, no cache): what the fast path must agree with. */
export function parseFull(src: string): ShellScript {
  const toChar = byteToCharMap(src);
  let file;
  try {
    file = parser.Parse(src, '');
  } catch (err) {
    return fallback(src, err);
  }
  const out: ShellCommand[] = [];
  let complex = false;
  let cwd: string | null = null;
  const visitStmt = (stmt: Stmt, joinedBy: ShellCommand['joinedBy'], nested: boolean) => {
    const cmd = stmt.Cmd;
    if (!cmd) return;
    const t = type(cmd);
    if (t === 'BinaryCmd') {
      const bin = cmd as unknown as { OpPos: { Offset(): number }; X: Stmt; Y: Stmt };
      const opAt = toChar(bin.OpPos.Offset());
      const op = src.slice(opAt, opAt + 2).startsWith('&&') ? '&&' : src.slice(opAt, opAt + 2).startsWith('||') ? '||' : '|';
      if (op === '|') complex = true;
      // the right side waits on an explicit stack: a chain of thousands of && is a left-deep tree,
      // and recursing down it would overflow the call stack
      pending.push([bin.Y, op, nested || op === '|']);
      pending.push([bin.X, joinedBy, nested || op === '|']);
      return;
    }
    if (t === 'CallExpr' || t === 'DeclClause') {
      const command = simpleCommand(src, toChar, stmt, cmd, joinedBy, nested, cwd);
      if (!nested && command.words[0] === 'cd' && command.words[1]) cwd = joinPath(cwd, command.words[1]);
      out.push(command);
      return;
    }
    complex = true;
    sh.syntax.Walk(cmd, (node) => {
      // only a Stmt has Redirs: testing a field is cheap, NodeType() formats a string in Go for every node
      if (node && (node as unknown as { Redirs?: unknown }).Redirs !== undefined && type(node) === 'Stmt') {
        const inner = node as unknown as Stmt;
        if (inner.Cmd && (type(inner.Cmd) === 'CallExpr' || type(inner.Cmd) === 'DeclClause')) {
          out.push(simpleCommand(src, toChar, inner, inner.Cmd, null, true, cwd));
        }
      }
      return true;
    });
  };
  const pending: [Stmt, ShellCommand['joinedBy'], boolean][] = [];
  file.Stmts.forEach((stmt, i) => {
    pending.push([stmt, i === 0 ? null : ';', false]);
    while (pending.length) visitStmt(...pending.pop()!);
  });
  return { commands: out, complex, error: null };
}

function simpleCommand(src: string, toChar: (b: number) => number, stmt: Stmt, cmd: Node, joinedBy: ShellCommand['joinedBy'], nested: boolean, cwd: string | null): ShellCommand {
  const assigns: Record<string, string> = {};
  let words: string[];
  if (type(cmd) === 'DeclClause') {
    const decl = cmd as DeclClause;
    words = [decl.Variant.Value, ...decl.Args.map((a) => (a.Name ? `${a.Name.Value}=${a.Value ? wordText(a.Value) : ''}` : ''))];
  } else {
    const call = cmd as CallExpr;
    for (const a of call.Assigns) if (a.Name) assigns[a.Name.Value] = a.Value ? wordText(a.Value) : '';
    words = call.Args.map(wordText);
  }
  const writes = stmt.Redirs.map((r) => redirectTarget(src, toChar, r)).filter((w): w is string => w !== null);
  return { words, assigns, writes, start: toChar(stmt.Pos().Offset()), end: toChar(stmt.End().Offset()), joinedBy, nested, cwd };
}

function redirectTarget(src: string, toChar: (b: number) => number, r: Redirect): string | null {
  if (!r.Word) return null;
  const op = src.slice(toChar(r.OpPos.Offset()), toChar(r.Word.Pos().Offset())).trim();
  if (!/^(>|>>|>\||&>|&>>)$/.test(op)) return null;
  const target = wordText(r.Word);
  return target.startsWith('/dev/') || target.startsWith('&') ? null : target;
}

/** The value of a word with quotes removed; expansions are kept as written so callers can see them. */
function wordText(word: Word): string {
  return word.Parts.map(partText).join('');
}

function partText(part: Node): string {
  switch (partType(part)) {
    case 'Lit':
      return (part as unknown as { Value: string }).Value.replace(/\\(.)/g, '$1');
    case 'SglQuoted':
      return (part as unknown as { Value: string }).Value;
    case 'DblQuoted':
      return (part as unknown as { Parts: Node[] }).Parts.map(partText).join('');
    case 'ParamExp': {
      const p = part as unknown as { Param: { Value: string }; Short: boolean };
      return p.Short ? `$${p.Param.Value}` : `\${${p.Param.Value}}`;
    }
    default:
      return '$(...)';
  }
}

/**
 * The type of a word part, told from its fields (Lit: ValueEnd; SglQuoted: Value and Right; DblQuoted:
 * Parts; ParamExp: Param), falling back to NodeType() for the rest: NodeType() formats a string in Go
 * and was most of the time spent reading long RUN lines.
 */
function partType(part: Node): string {
  const p = part as unknown as { ValueEnd?: unknown; Parts?: unknown; Param?: unknown; Right?: unknown; Value?: unknown; Dollar?: unknown };
  if (p.ValueEnd !== undefined) return 'Lit';
  if (p.Param !== undefined && p.Param !== null) return 'ParamExp';
  if (p.Parts !== undefined && p.Right !== undefined) return 'DblQuoted';
  if (p.Value !== undefined && p.Right !== undefined) return 'SglQuoted';
  return type(part);
}

function fallback(src: string, err: unknown): ShellScript {
  const message = typeof err === 'object' && err !== null && 'message' in err ? String((err as { message: unknown }).message) : 'shell syntax error';
  const words = src.split(/\s+/).filter(Boolean);
  return { commands: [{ words, assigns: {}, writes: [], start: 0, end: src.length, joinedBy: null, nested: true, cwd: null }], complex: true, error: message };
}

/** mvdan-sh reports UTF-8 byte offsets; JavaScript strings index UTF-16 code units. */
function byteToCharMap(src: string): (byte: number) => number {
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

export { joinPath, normalizePath } from './paths.js';
