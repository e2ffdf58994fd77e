// The reader of mvdan-sh's tree through its public JavaScript wrappers (sh.syntax.Walk, NodeType and
// the wrapped fields), as src/shell.ts did before it read the Go values behind the wrappers. Kept as the
// oracle for test/shell-tree.test.ts: both must give the same commands on every script.
import sh from 'mvdan-sh';
import type { CallExpr, DeclClause, Node, Stmt, Word, Redirect } from 'mvdan-sh';
import { joinPath } from '../../src/paths.js';
import { byteToCharMap, fallback, type ShellCommand, type ShellScript } from '../../src/shell.js';

const parser = sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
const type = (node: Node) => sh.syntax.NodeType(node);

/** The full parser alone (no fast path, no cache): what the fast path must agree with. */
export function parseFullReference(src: string): ShellScript {
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
