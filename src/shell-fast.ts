// The fast path for reading RUN lines: a splitter for the common subset of shell (plain, single- and
// double-quoted words, $NAME and ${NAME}, assignments before a command, `export NAME=value`, the
// operators && || ; | and newlines, comments, simple redirections, `!`, and the compound commands `( )`, `{ }`,
// if, for ... in and while/until, with the commands of the substitutions inside them). It answers exactly what the full parser
// (mvdan-sh, src/shell.ts) answers for such a script, and returns null for anything else, which then
// goes to the full parser. A test runs both on every RUN line of the corpus and compares them.
import type { ShellCommand, ShellScript } from './shell-words.js';
import { joinPath } from './paths.js';

interface Token {
  kind: 'word' | 'op' | 'redir';
  /** For a word: it holds a command substitution (`$(...)`, backquotes, `$((...))`). */
  subst?: boolean;
  /** The scripts of its `$(...)` and backquoted substitutions (offsets in the source), in order. */
  substs?: { start: number; end: number }[];
  /** A substitution this reader cannot list the commands of (arithmetic, or inside `${...}`). */
  opaque?: boolean;
  /** Word text with quotes removed (words), the operator (ops, redirections). */
  text: string;
  start: number;
  end: number;
  /** For a word: true when any part was quoted (`"A=1"` is not an assignment). */
  quotedName?: boolean;
}

/** Words that start shell syntax the fast path does not read (control flow, groups, tests, negation). */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select', 'in', '{', '}', '[[', ']]', '!', 'time', 'coproc']);
const DECL = new Set(['export', 'declare', 'local', 'readonly', 'typeset', 'nameref']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REDIR_OPS = ['>>', '>|', '&>>', '&>', '>&', '<&', '<>', '>', '<'];
const NO_ASSIGNS: Readonly<Record<string, string>> = Object.freeze({});
const NO_WORDS: readonly string[] = Object.freeze([]);

/** Split a script in the common subset, or null when it needs the full parser. */
export function fastSplit(src: string): ShellScript | null {
  const tokens = tokenize(src);
  if (!tokens) return null;
  const commands: ShellCommand[] = [];
  let complex = false;
  let cwd: string | null = null;
  let i = 0;
  let statementIndex = 0;
  while (i < tokens.length) {
    // skip empty statements (leading newlines); a stray operator needs the full parser's error
    if (tokens[i]!.kind === 'op' && tokens[i]!.text === 'nl') {
      i++;
      continue;
    }
    // one statement: commands joined by && || |, up to ; or a newline
    const chain: { tokens: Token[]; joinedBy: ShellCommand['joinedBy']; negatedAt: number | null; compound: ShellCommand[] | null }[] = [];
    let joinedBy: ShellCommand['joinedBy'] = statementIndex === 0 ? null : ';';
    let end = -1;
    for (;;) {
      const el = element({ src, tokens, i, cwd });
      if (!el) return null;
      i = el.next;
      chain.push({ tokens: el.tokens, joinedBy, negatedAt: el.negatedAt, compound: el.compound });
      const op = tokens[i];
      if (!op) break;
      if (op.text === ')' || op.text === '(') return null;
      if (op.text === ';' || op.text === 'nl') {
        if (op.text === ';') end = op.end;
        i++;
        break;
      }
      joinedBy = op.text as '&&' | '||' | '|';
      i++;
      // a newline may follow && || | before the next command
      while (i < tokens.length && tokens[i]!.kind === 'op' && tokens[i]!.text === 'nl') i++;
      if (i >= tokens.length) return null;
    }
    const piped = chain.map((c, k) => c.joinedBy === '|' || chain[k + 1]?.joinedBy === '|');
    if (piped.some(Boolean)) complex = true;
    // a pipeline binds tighter than && and ||: `a | b && c` runs c after the pipeline
    for (let k = 0; k < chain.length; k++) {
      const c = chain[k]!;
      const nested = piped[k]!;
      // `!` negates a whole pipeline: its offsets are the pipeline's, not the command's
      if (c.negatedAt !== null && nested) return null;
      if (c.compound) {
        // a compound command: every simple command inside, nested, as syntax.Walk lists them
        complex = true;
        // they run in the directory of the top-level commands before them (read after the chain was)
        for (const x of c.compound) {
          x.cwd = cwd;
          commands.push(x);
        }
        continue;
      }
      const command = simple(c.tokens, c.joinedBy, nested, cwd, chain.length === 1 && end >= 0 ? end : null, c.negatedAt);
      if (!command) return null;
      // its substitutions' commands are not listed here, but the full parser reads them: one it would
      // refuse (`$(export --x)`) makes the whole script the full parser's
      if (!substitutions({ src, tokens: c.tokens, i: 0, cwd }, c.tokens, [], false)) return null;
      // a statement of redirections alone has no command (the full parser skips it too)
      if (!command.words.length && !Object.keys(command.assigns).length) continue;
      if (!nested && command.words[0] === 'cd' && command.words[1]) cwd = joinPath(cwd, command.words[1]);
      commands.push(command);
    }
    statementIndex++;
  }
  return { commands, complex, error: null };
}

/** A position in the token list while reading compound commands, and the working directory they run in. */
interface Cursor {
  src: string;
  tokens: Token[];
  i: number;
  cwd: string | null;
  /** Compound commands open around the cursor: deep nesting goes to the full parser (this reader recurses). */
  depth?: number;
}
const MAX_DEPTH = 32;

const isKeyword = (t: Token | undefined, ...words: string[]): boolean => t !== undefined && t.kind === 'word' && !t.quotedName && words.includes(t.text);
const isOp = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'op' && t.text === text;

/**
 * One command of a chain at the cursor: a simple command's tokens (after a leading `!`, whose offset is
 * kept: the full parser starts the statement there), or a compound command read whole with the simple
 * commands inside it. Null outside the subset.
 */
function element(c: Cursor): { tokens: Token[]; negatedAt: number | null; compound: ShellCommand[] | null; next: number } | null {
  let t = c.tokens[c.i];
  let negatedAt: number | null = null;
  if (isKeyword(t, '!')) {
    negatedAt = t!.start;
    t = c.tokens[++c.i];
  }
  if (isOp(t, '(') || isKeyword(t, '{', 'if', 'for', 'while', 'until')) {
    if (negatedAt !== null) return null;
    const inner: ShellCommand[] = [];
    if (!compound(c, inner)) return null;
    // redirections of the compound command: the full reader lists no writes for them
    while (c.tokens[c.i]?.kind === 'redir') {
      const target = c.tokens[c.i + 1];
      if (!target || target.kind !== 'word' || target.subst) return null;
      c.i += 2;
    }
    if (c.tokens[c.i] && c.tokens[c.i]!.kind !== 'op') return null;
    return { tokens: [], negatedAt: null, compound: inner, next: c.i };
  }
  const cmd: Token[] = [];
  while (c.i < c.tokens.length && c.tokens[c.i]!.kind !== 'op') cmd.push(c.tokens[c.i++]!);
  if (!cmd.length) return null;
  return { tokens: cmd, negatedAt, compound: null, next: c.i };
}

/** A compound command at the cursor (`(`, `{`, if, for, while, until), its simple commands appended to `out`. */
function compound(c: Cursor, out: ShellCommand[]): boolean {
  if ((c.depth ?? 0) >= MAX_DEPTH) return false;
  c.depth = (c.depth ?? 0) + 1;
  const ok = compoundBody(c, out);
  c.depth--;
  return ok;
}

function compoundBody(c: Cursor, out: ShellCommand[]): boolean {
  const open = c.tokens[c.i++]!;
  const kw =
    (...words: string[]) =>
    (t: Token) =>
      isKeyword(t, ...words);
  if (open.kind === 'op') {
    if (!list(c, (t) => isOp(t, ')'), out)) return false;
    c.i++;
    return true;
  }
  switch (open.text) {
    case '{':
      if (!list(c, kw('}'), out)) return false;
      c.i++;
      return true;
    case 'if':
      for (;;) {
        if (!list(c, kw('then'), out)) return false;
        c.i++;
        if (!list(c, kw('elif', 'else', 'fi'), out)) return false;
        const next = c.tokens[c.i++]!.text;
        if (next === 'fi') return true;
        if (next === 'else') {
          if (!list(c, kw('fi'), out)) return false;
          c.i++;
          return true;
        }
      }
    case 'for': {
      const name = c.tokens[c.i];
      if (!name || name.kind !== 'word' || name.quotedName || !NAME.test(name.text) || !isKeyword(c.tokens[c.i + 1], 'in')) return false;
      c.i += 2;
      // the words it iterates over, up to ; or a newline (the commands of their substitutions come first)
      while (c.tokens[c.i]?.kind === 'word') if (!substitutions(c, [c.tokens[c.i++]!], out)) return false;
      if (!isOp(c.tokens[c.i], ';') && !isOp(c.tokens[c.i], 'nl')) return false;
      c.i++;
      while (isOp(c.tokens[c.i], 'nl')) c.i++;
      if (!isKeyword(c.tokens[c.i], 'do')) return false;
      c.i++;
      if (!list(c, kw('done'), out)) return false;
      c.i++;
      return true;
    }
    default: // while, until
      if (!list(c, kw('do'), out)) return false;
      c.i++;
      if (!list(c, kw('done'), out)) return false;
      c.i++;
      return true;
  }
}

/**
 * Statements up to a token that `stop` accepts at the start of a statement (not consumed), their simple
 * commands appended to `out` as nested ones; false when the list is empty or never stopped.
 */
function list(c: Cursor, stop: (t: Token) => boolean, out: ShellCommand[], toEnd = false): boolean {
  let count = 0;
  for (;;) {
    while (isOp(c.tokens[c.i], 'nl')) c.i++;
    const t = c.tokens[c.i];
    if (!t) return toEnd;
    if (stop(t)) return count > 0;
    // one statement: elements joined by && || |, ended by ; or a newline (consumed) or what follows
    const parts: { tokens: Token[]; negatedAt: number | null; compound: ShellCommand[] | null }[] = [];
    let semicolonEnd: number | null = null;
    let piped = false;
    for (;;) {
      const el = element(c);
      if (!el) return false;
      // `!` negates a whole pipeline: its offsets are the pipeline's, not the command's
      if (el.negatedAt !== null && piped) return false;
      parts.push(el);
      const op = c.tokens[c.i];
      if (isOp(op, '(')) return false;
      if (!op || op.kind !== 'op' || op.text === ')') break;
      piped = op.text === '|';
      if (piped && el.negatedAt !== null) return false;
      c.i++;
      if (op.text === ';' || op.text === 'nl') {
        if (op.text === ';') semicolonEnd = op.end;
        break;
      }
      while (isOp(c.tokens[c.i], 'nl')) c.i++;
    }
    for (const part of parts) {
      if (part.compound) {
        out.push(...part.compound);
        continue;
      }
      const command = simple(part.tokens, null, true, c.cwd, parts.length === 1 ? semicolonEnd : null, part.negatedAt);
      if (!command) return false;
      if (command.words.length || Object.keys(command.assigns).length) out.push(command);
      else if (part.tokens.some((t) => t.subst)) return false;
      // then the commands of its substitutions: assignments and words first, redirections last (syntax.Walk's order)
      const redirected = new Set(part.tokens.flatMap((t, k) => (t.kind === 'redir' ? [k + 1] : [])));
      if (
        !substitutions(
          c,
          part.tokens.filter((t, k) => !redirected.has(k)),
          out,
        ) ||
        !substitutions(
          c,
          part.tokens.filter((t, k) => redirected.has(k)),
          out,
        )
      )
        return false;
    }
    count++;
  }
}

/** The simple commands of the substitutions in `tokens`, appended to `out` as nested ones; false when one cannot be read. */
function substitutions(c: Cursor, tokens: readonly Token[], out: ShellCommand[], listed = true): boolean {
  for (const t of tokens) {
    // unlisted (a top-level command's substitutions, only checked to read as the full parser would read
    // them), an arithmetic expansion or one inside ${...} is taken as it is
    if (t.opaque) {
      if (listed) return false;
      continue;
    }
    for (const range of t.substs ?? []) {
      if ((c.depth ?? 0) >= MAX_DEPTH) return false;
      const inner = tokenize(c.src, range.start, range.end);
      if (!inner) return false;
      if (!list({ src: c.src, tokens: inner, i: 0, cwd: c.cwd, depth: (c.depth ?? 0) + 1 }, () => false, out, true)) return false;
    }
  }
  return true;
}

function simple(tokens: Token[], joinedBy: ShellCommand['joinedBy'], nested: boolean, cwd: string | null, semicolonEnd: number | null, negatedAt: number | null = null): ShellCommand | null {
  // most commands assign nothing and redirect nothing: they share one empty record and list (read-only)
  let assigns: Record<string, string> | null = null;
  const words: string[] = [];
  const quoted: boolean[] = [];
  let writes: string[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'redir') {
      const target = tokens[k + 1];
      if (!target || target.kind !== 'word') return null;
      k++;
      if (/^(>|>>|>\||&>|&>>)$/.test(t.text) && !target.text.startsWith('/dev/') && !target.text.startsWith('&')) (writes ??= []).push(target.text);
      continue;
    }
    const eq = t.text.indexOf('=');
    if (words.length === 0 && eq > 0 && !t.quotedName && NAME.test(t.text.slice(0, eq))) {
      (assigns ??= {})[t.text.slice(0, eq)] = t.text.slice(eq + 1);
      continue;
    }
    if (words.length === 0 && (RESERVED.has(t.text) || t.text.startsWith('{') || t.text.startsWith('}')) && !t.quotedName) return null;
    words.push(t.text);
    quoted.push(t.quotedName === true || t.text.slice(0, Math.max(0, t.text.indexOf('='))).includes('$('));
  }
  if (DECL.has(words[0] ?? '')) {
    // `export NAME=value NAME`: the full parser reads each argument as an assignment
    if (assigns || quoted.some(Boolean)) return null;
    for (let k = 1; k < words.length; k++) {
      const w = words[k]!;
      const eq = w.indexOf('=');
      const name = eq < 0 ? w : w.slice(0, eq);
      if (!NAME.test(name)) return null;
      if (eq < 0) words[k] = `${w}=`;
    }
  }
  const start = negatedAt ?? tokens[0]!.start;
  const end = semicolonEnd ?? tokens[tokens.length - 1]!.end;
  // a copy of the exact size: an array grown by push holds room for 17 words, and parses are cached
  return { words: words.slice(), assigns: assigns ?? NO_ASSIGNS, writes: writes ?? NO_WORDS, start, end, joinedBy, nested, cwd };
}

/** Tokens of the subset, or null at the first thing outside it. */
function tokenize(src: string, from = 0, to = src.length): Token[] | null {
  const out: Token[] = [];
  const n = to;
  let i = from;
  while (i < n) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    } // a line continuation between tokens
    if (ch === '\n') {
      out.push({ kind: 'op', text: 'nl', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '\r') return null;
    // `#` at the start of a word starts a comment, up to the end of the line (the full parser drops it)
    if (ch === '#') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 || nl > n ? n : nl;
      continue;
    }
    if (ch === '&') {
      if (src[i + 1] === '&') {
        out.push({ kind: 'op', text: '&&', start: i, end: i + 2 });
        i += 2;
        continue;
      }
      if (src[i + 1] === '>') {
        const op = src[i + 2] === '>' ? '&>>' : '&>';
        out.push({ kind: 'redir', text: op, start: i, end: i + op.length });
        i += op.length;
        continue;
      }
      // `a & b`: the full reader ends the statement at `&` exactly as at `;` (the command is not waited
      // for by the shell, but what it runs and writes is the same)
      out.push({ kind: 'op', text: ';', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '|') {
      if (src[i + 1] === '|') {
        out.push({ kind: 'op', text: '||', start: i, end: i + 2 });
        i += 2;
        continue;
      }
      if (src[i + 1] === '&') return null;
      out.push({ kind: 'op', text: '|', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === ';') {
      if (src[i + 1] === ';' || src[i + 1] === '&') return null;
      out.push({ kind: 'op', text: ';', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '(' && src[i + 1] === '(') return null; // `((` is arithmetic to the full parser
    if (ch === '(' || ch === ')') {
      out.push({ kind: 'op', text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    // `!` alone: negation at the start of a command, a plain word elsewhere (`[ ! -f x ]`)
    if (ch === '!' && (i + 1 === n || src[i + 1] === ' ' || src[i + 1] === '\t' || src[i + 1] === '\n')) {
      out.push({ kind: 'word', text: '!', start: i, end: i + 1, quotedName: false });
      i++;
      continue;
    }
    // a redirection, with an optional file descriptor number before it
    const redir = redirection(src, i);
    if (redir === false) return null;
    if (redir) {
      out.push(redir);
      i = redir.end;
      continue;
    }
    const word = readWord(src, i, n);
    if (!word) return null;
    out.push(word);
    i = word.end;
  }
  return out;
}

function redirection(src: string, i: number): Token | null | false {
  let j = i;
  while (j < src.length && src[j]! >= '0' && src[j]! <= '9') j++;
  if (src[j] !== '>' && src[j] !== '<') return null;
  if (src.startsWith('<<', j)) return false; // here-documents and here-strings
  for (const op of REDIR_OPS) if (src.startsWith(op, j)) return { kind: 'redir', text: op, start: i, end: j + op.length };
  return false;
}

// the characters that end a run of characters taken literally: unquoted, and inside "..." (indexed by code unit)
const table = (chars: string): Uint8Array => {
  const t = new Uint8Array(65536);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
};
const PLAIN_STOP = table('\'"`$\\ \t\n;&|><)(\r!#');
const IN_DOUBLE = table('"\\`$!');

/** One word: unquoted characters, '...' and "..." parts, $NAME and ${NAME}; null outside the subset. */
function readWord(src: string, start: number, n: number): Token | null {
  let text = '';
  let i = start;
  let quotedName = false;
  let sawEq = false;
  let subst = false;
  let opaque = false;
  // where the last run of plain characters ended: `#` right after one is literal; after a quote or an
  // expansion (`$TAG#egg`) the full parser starts a comment there, so such a word is left to it
  let plainEnd = -1;
  const substs: { start: number; end: number }[] = [];
  // a substitution from `at` to `end`: its script, or opaque when it is arithmetic
  const substitution = (at: number, end: number) => {
    subst = true;
    if (src[at] === '`') substs.push({ start: at + 1, end: end - 1 });
    else if (src[at + 2] === '(') opaque = true;
    else substs.push({ start: at + 2, end: end - 1 });
  };
  while (i < n) {
    const ch = src[i]!;
    if (ch === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0 || close >= n) return null;
      if (!sawEq) quotedName = true;
      text += src.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      if (!sawEq) quotedName = true;
      i++;
      for (;;) {
        if (i >= n) return null;
        const c = src[i]!;
        if (c === '"') {
          i++;
          break;
        }
        if (!IN_DOUBLE[c.charCodeAt(0)]) {
          // a run of characters taken as they are, sliced at once
          const from = i;
          while (i < n && !IN_DOUBLE[src.charCodeAt(i)]) i++;
          text += src.slice(from, i);
          continue;
        }
        if (c === '!' && src[i + 1] === '(') return null;
        if (c === '\\') {
          // the full reader drops the backslash of any escape inside double quotes
          const next = src[i + 1];
          if (next === undefined || next === '\n' || next === '\r') return null;
          text += next;
          i += 2;
          continue;
        }
        if (c === '`' || (c === '$' && src[i + 1] === '(')) {
          const end = substitutionEnd(src, i);
          if (end < 0 || end > n) return null;
          text += '$(...)';
          substitution(i, end);
          i = end;
          continue;
        }
        if (c === '$') {
          const p = param(src, i, true);
          if (!p || p.end > n) return null;
          if (/[`]|\$\(/.test(src.slice(i, p.end))) opaque = subst = true;
          text += p.text;
          i = p.end;
          continue;
        }
        text += c;
        i++;
      }
      continue;
    }
    if (ch === '`' || (ch === '$' && src[i + 1] === '(')) {
      // command substitution (and $((arithmetic))): read as a whole, its commands listed only inside compound commands
      const end = substitutionEnd(src, i);
      if (end < 0 || end > n) return null;
      text += '$(...)';
      substitution(i, end);
      i = end;
      continue;
    }
    if (ch === '$') {
      const p = param(src, i);
      if (!p || p.end > n) return null;
      if (/[`]|\$\(/.test(src.slice(i, p.end))) opaque = subst = true;
      text += p.text;
      i = p.end;
      continue;
    }
    if (ch === '\\') {
      // an escaped character is taken literally; a continuation inside a word is left to the full parser
      const next = src[i + 1];
      if (next === undefined || next === '\n' || next === '\r') return null;
      text += next;
      i += 2;
      continue;
    }
    if (!PLAIN_STOP[ch.charCodeAt(0)]) {
      // a run of plain characters, sliced at once (`=` only marks where an assignment's name ends)
      const from = i;
      for (; i < n; i++) {
        const code = src.charCodeAt(i);
        if (PLAIN_STOP[code]) break;
        if (code === 61) sawEq = true;
      }
      text += src.slice(from, i);
      plainEnd = i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === ';' || ch === '&' || ch === '|' || ch === '>' || ch === '<' || ch === ')') break;
    // `#` is literal only right after a plain character (the full parser reads it after a quote as a comment)
    if (ch === '(' || ch === '\r' || (ch === '!' && src[i + 1] === '(') || (ch === '#' && (plainEnd !== i || !/[\w./:=@%+,~-]/.test(src[i - 1] ?? ' ')))) return null;
    if (ch === '=') sawEq = true;
    text += ch;
    i++;
    plainEnd = i;
  }
  if (i === start) return null;
  // `[[`, `((` and words glued to a redirection's digits are full-parser territory
  if (text === '[[' || text.startsWith('((')) return null;
  return { kind: 'word', text, start, end: i, quotedName, subst, ...(substs.length ? { substs } : {}), ...(opaque ? { opaque } : {}) };
}

const LITERAL_DOLLAR_BEFORE = ' \t\n/.:,]=%+^~';

/**
 * A parameter expansion as the full parser prints it back: `$NAME`, `$1`, `$@` and the other special
 * parameters as written; `${NAME}` for `${NAME}` and for every `${NAME<operator>...}` form (`:-`, `#`,
 * `%`, `/`, `[index]`, `${#NAME}`: the full reader keeps the name alone). Null for anything else.
 */
function param(src: string, i: number, inDouble = false): { text: string; end: number } | null {
  // a `$` that cannot start an expansion is a literal `$` (`s/x$/y/`, `echo $ a`, `"x$"`)
  const next = src[i + 1];
  if (next === undefined || LITERAL_DOLLAR_BEFORE.includes(next) || (inDouble && next === '"')) return { text: '$', end: i + 1 };
  if (src[i + 1] === '{') {
    let j = i + 2;
    if (src[j] === '#' && /[A-Za-z_]/.test(src[j + 1] ?? '')) j++;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(j, j + 65));
    if (!m || m[0].length === 64) return null;
    j += m[0].length;
    if (src[j] === '}') return { text: `\${${m[0]}}`, end: j + 1 };
    // an operator and its word: read up to the matching brace
    if (!/^(:?[-=+?]|##?|%%?|\/\/?|\^\^?|,,?|:|\[)/.test(src.slice(j, j + 2))) return null;
    const close = braceEnd(src, j);
    return close < 0 ? null : { text: `\${${m[0]}}`, end: close + 1 };
  }
  if (/[0-9@*#?$!-]/.test(src[i + 1] ?? '')) return { text: `$${src[i + 1]}`, end: i + 2 };
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1, i + 65));
  if (!m || m[0].length === 64) return null;
  return { text: `$${m[0]}`, end: i + 1 + m[0].length };
}

/** The index of the `}` closing a `${...}` whose operator starts at `j`, or -1 when it is not simple to tell. */
function braceEnd(src: string, j: number): number {
  for (let k = j; k < src.length; k++) {
    const c = src[k]!;
    if (c === '}') return k;
    if (c === '{' || c === '`' || c === '\\' || c === '\n' || c === '!') return -1;
    if (c === "'") {
      const close = src.indexOf("'", k + 1);
      if (close < 0) return -1;
      k = close;
      continue;
    }
    if (c === '"') {
      const close = quotedEnd(src, k);
      if (close < 0) return -1;
      k = close;
      continue;
    }
    if (c === '$' && src[k + 1] === '(') {
      const end = substitutionEnd(src, k);
      if (end < 0) return -1;
      k = end - 1;
      continue;
    }
    if (c === '$' && src[k + 1] === '{') return -1;
  }
  return -1;
}

/** The index of the `"` closing a double-quoted string opened at `j` inside a substitution, or -1. */
function quotedEnd(src: string, j: number): number {
  for (let k = j + 1; k < src.length; k++) {
    const c = src[k]!;
    if (c === '"') return k;
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '`' || c === '!') return -1;
    if (c === '$' && src[k + 1] === '(') {
      const end = substitutionEnd(src, k);
      if (end < 0) return -1;
      k = end - 1;
    }
  }
  return -1;
}

/**
 * The index after a command substitution starting at `i` (`$(...)`, `$((...))` or a backquoted one),
 * or -1 when its end cannot be told simply (backslashes in backquotes; backquotes, escapes, comments, `case` and
 * here-documents inside `$(...)`).
 */
function substitutionEnd(src: string, i: number): number {
  if (src[i] === '`') {
    const close = src.indexOf('`', i + 1);
    // a backslash inside changes what the backquotes hold; anything else is read by the tokenizer again
    return close < 0 || src.slice(i + 1, close).includes('\\') ? -1 : close + 1;
  }
  let depth = 0;
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j]!;
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === "'") {
      const close = src.indexOf("'", j + 1);
      if (close < 0) return -1;
      j = close;
    } else if (c === '"') {
      const close = quotedEnd(src, j);
      if (close < 0) return -1;
      j = close;
    } else if (c === '`' || c === '\\' || c === '#') return -1;
    else if (c === '<' && src[j + 1] === '<') return -1;
    else if (c === 'c' && src.startsWith('case', j)) return -1;
  }
  return -1;
}
