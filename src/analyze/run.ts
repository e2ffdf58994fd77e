// A RUN read command by command: what each command is for, what it writes, which packages it installs.
// RUN: https://docs.docker.com/reference/dockerfile/#run
import { joinPath, parseShell } from '../shell.js';
import { isInside } from '../paths.js';
import { packageCommandKind, readInstall, removedPackages, type PackageInstall } from './packages.js';
import { commandOf, configureStep, familyOf, helperRuns, installsConfigured, isInterpreter, movesFiles, pathOperands, prefixWords, type Outputs } from '../commands/index.js';
import { operands, optionValue } from '../commands/options.js';
import type { Release } from '../knowledge/releases.js';
import type { SubcommandRule } from '../commands/types.js';

type CommandKind = 'build' | 'test' | 'fetch' | 'setup' | 'cleanup' | 'toolchain-run' | 'packages' | 'package-maintenance' | 'pip' | 'generate' | 'file-move' | 'system-compile' | 'unknown';

/** One command of a RUN and what dfsplit makes of it. */
export interface RunCommand {
  words: readonly string[];
  /** The operator joining it to the previous top-level command. */
  joinedBy: '&&' | '||' | ';' | '|' | null;
  assigns: Readonly<Record<string, string>>;
  kind: CommandKind;
  /** Start and end offsets inside the RUN's script (`RunAnalysis.script`): the command as written there. */
  start: number;
  end: number;
  /** Absolute paths this command writes that the runtime may need. */
  outputs: readonly string[];
  /** Files the command's redirections write (`> file`), absolute. */
  writes: readonly string[];
  /** Every path it writes, also those a later command of the same RUN deletes (the state model's view). */
  produced: readonly string[];
  /** True when the command builds but dfsplit cannot name its outputs (the working directory is used). */
  unnamedOutputs: boolean;
  /** The directory the command runs in. */
  cwd: string;
  install: PackageInstall | null;
  nested: boolean;
}

export interface RunAnalysis {
  /** The script read: each command's text is `script.slice(start, end)` (continuations already joined). */
  script: string;
  commands: RunCommand[];
  complex: boolean;
  shellError: string | null;
}

/** What a RUN knows about its surroundings. */
export interface RunScope {
  workdir: string;
  /** The USER in effect (null: root). */
  user: string | null;
  /** That user's home when the file made it with one of its own (`useradd -d /opt/app app`). */
  home?: string | null;
  env: EnvView;
  removedLater: ReadonlySet<string>;
  /** The release runtime packages of -dev packages are named for (null: not known; left out: installs read as written). */
  release?: Release | null;
  /** State one RUN leaves for the next ones: the install prefix a configure step cached (cmake's cache). */
  carry?: { cachedPrefix: string | null };
  /** True when the RUN is read as a build's own (its file movers carry a build's products: src/analyze/index.ts carriedOff). */
  building?: boolean;
}

/** A word's leading tilde, which the shell expands to $HOME (alone or before a slash; `~user` is left as written). */
const TILDE = /^~(?=\/|$)/;

/** Read a RUN's shell script. `script` is the RUN's arguments (shell form) or its exec words joined. */
export function analyzeRun(script: string, scope: RunScope): RunAnalysis {
  const parsed = parseShell(script);
  // the RUN's own variables sit over the stage's environment (copying it for every RUN made long files quadratic)
  const local = new EnvOverlay(scope.env);
  // the shell Docker starts has HOME set from the user's passwd entry
  if (!local.has('HOME')) local.set('HOME', homeOf(scope.user, new Map(), scope.home));
  // whether the RUN builds decides only what a file mover (cp, tar, ...) is: read when one is met
  let hasBuilder: boolean | undefined;
  const building = (): boolean => (hasBuilder ??= scope.building === true || parsed.commands.some((c) => ['build', 'test', 'fetch', 'generate'].includes(baseKind(stripPrefix(c.words)))));
  let prefix: string | null = null;
  // install locations a configure script sets outside its prefix (--sbin-path=, --sysconfdir=, ...)
  let extraInstallPaths: readonly string[] = [];
  // where the list's own cds (not a subshell's) lead, their words expanded
  let tracked: string | null = null;
  const commands = parsed.commands.map((c): RunCommand => {
    // an unquoted `$PKGS` splits into words, the way the shell does it
    const read = normalizeCommand(stripPrefix(c.words));
    // the words themselves when none holds a `$` (most commands): read-only, like the parse they come from
    let words: readonly string[] = read;
    if (read.some((w) => w.includes('$') || TILDE.test(w))) {
      const expanded: string[] = [];
      for (const w of read) {
        const m = w.startsWith('$') ? /^\$\{?(\w+)\}?$/.exec(w) : null;
        const v = m ? valueOf(m[1]!, local) : undefined;
        // a word's leading `~` is the shell's tilde expansion: $HOME (\`rm -rf ~/go\`, \`mv ~/go/bin/x /bin/\`)
        if (v === undefined) expanded.push(expandWord(TILDE.test(w) ? w.replace(TILDE, '$HOME') : w, local));
        else for (const part of v.split(/\s+/)) if (part) expanded.push(part);
      }
      words = expanded;
    }
    if (words.length === 0) for (const [k, v] of Object.entries(c.assigns)) local.set(k, expandWord(v, local));
    // the parser chains the cd arguments as written, so `cd $HOME && cd $HOME/app` reads as `$HOME/$HOME/app`, which
    // expandCwd leaves unexpanded: the cds of the list, expanded as they run, tell where a command of it runs
    const chained = c.cwd?.includes('$') ? expandCwd(c.cwd, local) : c.cwd;
    const cwd = chained ? joinPath(scope.workdir, chained.includes('$') && !c.nested && tracked !== null && !tracked.includes('$') ? tracked : chained) : scope.workdir;
    if (!c.nested && pathOperands(words)?.changesDirectory && words[1]) tracked = joinPath(tracked, words[1]);
    const kind = classify(words, building);
    const install = kind === 'packages' ? readInstall(words, (w) => expandList(w, local), scope.removedLater, scope.release) : null;
    // a configure step's prefix serves the install steps after it (a cached one, later RUNs too)
    const step = configureStep(words);
    if (step?.prefix) {
      prefix = step.prefix;
      if (step.cached && scope.carry) scope.carry.cachedPrefix = step.prefix;
    }
    if (step?.installPaths) extraInstallPaths = step.installPaths;
    // a command's own assignments (`GOPATH=/tmp/gotty go get x`) are its environment: where it writes follows them
    const own = words.length && Object.keys(c.assigns).length ? new EnvOverlay(local) : null;
    if (own) for (const [k, v] of Object.entries(c.assigns)) own.set(k, expandWord(v, local));
    const out = outputsOf(words, kind, cwd, own ?? local, prefix ?? scope.carry?.cachedPrefix ?? null, scope.user, scope.home ?? null);
    const installed = installsConfigured(words) ? extraInstallPaths.filter((p) => !out.paths.some((o) => isInside(p, o))) : NONE;
    const writes = c.writes.length ? c.writes.map((w) => joinPath(cwd, expandWord(w, local))) : c.writes;
    const written = writes.length && (kind === 'build' || kind === 'generate' || kind === 'fetch' || kind === 'file-move') ? writes : NONE;
    const outputs = installed.length || written.length ? [...out.paths, ...installed, ...written] : out.paths;
    return {
      words,
      joinedBy: c.joinedBy,
      assigns: c.assigns,
      kind,
      start: c.start,
      end: c.end,
      cwd,
      install,
      nested: c.nested,
      outputs,
      unnamedOutputs: out.unnamed,
      writes,
      produced: outputs,
    };
  });
  return { script, commands: dropRemoved(commands), complex: parsed.complex, shellError: parsed.error };
}

/** `$NAME` / `${NAME}` as the words of its known value, or null when the word is anything else or unknown. */
function expandList(word: string, env: EnvView): string[] | null {
  const m = /^\$\{?(\w+)\}?$/.exec(word);
  const v = m ? valueOf(m[1]!, env) : undefined;
  return v === undefined ? null : v.split(/\s+/).filter(Boolean);
}

// Where a command writes (Outputs). Most commands write nothing dfsplit can name, and a long RUN holds tens
// of thousands of them until its analysis is done: they share one empty list (the lists are read-only).
const NONE: readonly string[] = Object.freeze([]);

/** Outputs that an `rm` in the same RUN deletes, or an `mv` takes away, never reach an image where they were written. */
function dropRemoved(commands: RunCommand[]): RunCommand[] {
  let removed: Set<string> | null = null;
  for (const c of commands) {
    const paths = pathOperands(c.words);
    for (const w of [...(paths?.removes ?? NONE), ...(paths?.moves ?? NONE)]) (removed ??= new Set()).add(joinPath(c.cwd, w));
  }
  if (!removed) return commands;
  const rm = removed;
  // the path itself, a directory it is in (`rm -rf /tmp/src`), or a directory whose contents went
  // (`rm -rf /tmp/src/*`): looked up once per enclosing directory, not once per removed path (a RUN with
  // thousands of outputs and thousands of removals made that quadratic)
  const gone = (o: string) => {
    if (rm.has(o)) return true;
    for (let i = o.indexOf('/'); i >= 0; i = o.indexOf('/', i + 1)) {
      const dir = o.slice(0, i);
      if ((i > 0 && rm.has(dir)) || rm.has(`${dir}/*`)) return true;
    }
    return false;
  };
  // the commands were made just now by analyzeRun: set in place (a spread copy per command was slow);
  // `produced` keeps every output
  for (const c of commands) c.outputs = c.outputs.filter((o) => !gone(o));
  return commands;
}

/** `sudo make install` is `make install`, `sudo CFLAGS=-w pecl install x` is `pecl install x`; `gosu app make` is `make`. */
export function stripPrefix(words: readonly string[]): readonly string[] {
  // most commands have no prefix: the words themselves, not a copy (callers only read them)
  if (prefixWords(words[0] ?? '') === undefined) return words;
  let rest = [...words];
  for (let guard = 0; guard < 4; guard++) {
    const skip = prefixWords(rest[0] ?? '');
    if (skip === undefined) break;
    rest = rest.slice(1);
    while (rest[0]?.startsWith('-')) rest = rest.slice(1);
    rest = rest.slice(skip - 1);
    // sudo's own environment settings before the command (`sudo CFLAGS=-w pecl install v8js`)
    while (/^[A-Za-z_]\w*=/.test(rest[0] ?? '')) rest = rest.slice(1);
  }
  return rest;
}

const NOT_BUILDING = (): boolean => false;

function baseKind(words: readonly string[]): CommandKind {
  return classify(words, NOT_BUILDING);
}

function classify(raw: readonly string[], inBuildingRun: () => boolean): CommandKind {
  const words = normalizeCommand(raw);
  const name = words[0];
  if (!name) return 'setup';
  const pkg = packageCommandKind(words);
  if (pkg === 'install') return 'packages';
  if (pkg === 'maintenance') return 'package-maintenance';
  // the command as its family knows it (`pip3.11` is pip, `python -m pytest` is pytest)
  const command = commandOf(words);
  const familyKind = command && (command.family.kinds?.[command.name] ?? command.family.kindOf?.([command.name, ...command.args]));
  if (familyKind) return familyKind;
  const ruled = rulesOf(command?.name ?? name) ? (command?.name ?? name) : name.includes('/') && rulesOf(name.split('/').pop() ?? '') ? name.split('/').pop()! : null;
  const rules = ruled === null ? undefined : rulesOf(ruled);
  if (rules) {
    if (rules.length === 0) return 'package-maintenance';
    const sub = operands(['', ...(command?.args ?? words.slice(1))], familyOf(ruled!)?.subcommandValueOptions?.[ruled!])[0] ?? '';
    const rule = rules.find((r) => !r.sub || r.sub.includes(sub));
    if (rule) return rule.kind;
    return 'unknown';
  }
  if (movesFiles(name)) return inBuildingRun() ? 'file-move' : 'setup';
  const interpreter = isInterpreter(name);
  // `curl ... | sh` runs an installer from stdin
  if (interpreter && (words.length === 1 || words[1] === '-' || words[1] === '-s' || (words[1] === '-c' && name !== 'python' && !name.startsWith('python')))) return 'setup';
  // installer scripts (install.sh, get-pip.py, composer-setup.php) change the system: repeated at runtime
  if (installerScript(words)) return 'setup';
  if (interpreter && words[1] && !words[1].startsWith('-') && /\.(py|js|mjs|rb|pl|php|sh)$/.test(words[1])) return 'generate';
  if (/^\.?\.?\/.*\.(sh|py)$/.test(name) || /^\.\//.test(name)) return 'generate';
  return 'unknown';
}

/**
 * A vendor's installer script (install.sh, get-pip.py, composer-setup.php, or an interpreter reading its
 * script from standard input as in `curl ... | sh`): it changes the system where its vendor chose.
 */
export function installerScript(raw: readonly string[]): boolean {
  const words = normalizeCommand(raw);
  const name = words[0] ?? '';
  const interpreter = isInterpreter(name);
  if (interpreter && (words.length === 1 || words[1] === '-' || words[1] === '-s')) return true;
  const script = interpreter ? (words[1] ?? '') : name;
  return (interpreter || /^(\.{0,2}\/|\/)/.test(name)) && /(install|setup|get-pip|bootstrap|download|init)[^/]*$/i.test(script);
}

/** The subcommand rules of a command name: its family's. */
function rulesOf(name: string): readonly SubcommandRule[] | undefined {
  return familyOf(name)?.subcommands?.[name];
}

/** The home directory of a user as Debian's useradd makes it. */
export function homeOf(user: string | null, env: EnvView, home?: string | null): string {
  const name = (user ?? 'root').split(':')[0]!;
  if (env.get('HOME')) return env.get('HOME')!;
  // the home `useradd -d` gave the user (Docker sets HOME from the passwd entry)
  if (home) return home;
  return name === 'root' || name === '0' ? '/root' : `/home/${name}`;
}

/** `/usr/bin/npm` is `npm`; `/usr/local/go/bin/go` is `go` (scripts like `./configure` keep their path). */
function normalizeCommand(words: readonly string[]): readonly string[] {
  const name = words[0] ?? '';
  // the words themselves when the name is not an absolute path to a bin directory (callers only read them)
  const named = !name.startsWith('/') || !/^\/(usr\/)?(local\/)?(s?bin|go\/bin|lib\/go[^/]*\/bin)\/[^/]+$/.test(name) ? words : [name.split('/').pop()!, ...words.slice(1)];
  // a helper script of an image's family runs one of its commands (`go-wrapper install`: `go install -v`)
  return helperRuns(named) ?? named;
}

function outputsOf(raw: readonly string[], kind: CommandKind, cwd: string, env: EnvView, prefix: string | null, user: string | null, home: string | null): Outputs {
  const words = normalizeCommand(raw);
  // a family that knows where its command writes (a download, an unpacked archive, a copy's destination,
  // `go build -o`, `make install PREFIX=`, gems, PHP extensions, a venv, pip --target) says so
  const command = commandOf(words);
  const own = command?.family.outputs?.(command, { kind, cwd, env, home: () => homeOf(user, env, home), prefix });
  if (own) return own;
  // a build step no family names the outputs of writes somewhere dfsplit cannot tell
  return { paths: NONE, unnamed: kind === 'build' || kind === 'generate' };
}

/** The environment at one point of a stage: lookups only. */
export interface EnvView {
  get(key: string): string | undefined;
  has(key: string): boolean;
  /** What expanding its variables may still add (the file's budget); none: unbounded (tests). */
  readonly budget?: ExpansionBudget | undefined;
}

/**
 * How much text the expansion of variables may add while one file is read. A value can double at each
 * ENV (`ENV B=$A$A`, `ENV C=$B$B`, ...): a file of a kilobyte took a gigabyte and failed, and one of 300
 * bytes printed a megabyte of expanded paths. Every value substituted for a variable is taken from the
 * budget; past it a variable stays as written (as an unknown one would) and `exceeded` says so, which the
 * analysis reports as an error of the file (`expansion-too-large`).
 */
export class ExpansionBudget {
  private left: number;
  exceeded = false;
  constructor(readonly limit: number) {
    this.left = limit;
  }
  /** Take `n` characters; false, taking none, when fewer are left. */
  take(n: number): boolean {
    if (n > this.left) {
      this.exceeded = true;
      return false;
    }
    this.left -= n;
    return true;
  }
}

/**
 * The budget for a file of `length` characters. Summed over every expansion, conversion included, the
 * corpus's files take at most 6,070 characters and twice their own size: 13% of their budget at most.
 */
export function expansionBudget(length: number): ExpansionBudget {
  return new ExpansionBudget(16 * 1024 + 4 * length);
}

/**
 * The working directory a `cd` chain names through variables the file sets (`cd wtfdyum-${VERSION}` after `ENV
 * VERSION=1.1.0`), or the chain as written when a variable is unknown or holds a `$`, or holds an absolute path
 * anywhere but at its start (the chain joined `cd /usr/local/src && cd $HOME` as `/usr/local/src/$HOME`).
 */
function expandCwd(chain: string, env: EnvView): string {
  let unsafe = false;
  const out = chain.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined, at: number) => {
    const v = valueOf((a ?? b)!, env);
    if (v === undefined || v.includes('$') || v === '' || (v.startsWith('/') && at !== 0)) unsafe = true;
    return v ?? '';
  });
  return unsafe ? chain : out;
}

/** A variable's value where the text expands it, taken from the budget: the one place variables are expanded. */
function valueOf(key: string, env: EnvView, budget = env.budget): string | undefined {
  const v = env.get(key);
  return v === undefined || !budget || budget.take(v.length) ? v : undefined;
}

/** Variables set inside one RUN, over the stage's environment; lookups fall through to the stage. */
class EnvOverlay implements EnvView {
  private readonly own = new Map<string, string>();
  readonly budget: ExpansionBudget | undefined;
  constructor(private readonly base: EnvView) {
    this.budget = base.budget;
  }
  get(key: string): string | undefined {
    return this.own.has(key) ? this.own.get(key) : this.base.get(key);
  }
  has(key: string): boolean {
    return this.own.has(key) || this.base.has(key);
  }
  set(key: string, value: string): void {
    this.own.set(key, value);
  }
}

/**
 * Every value each variable takes along a stage, so that a view of the environment at any instruction
 * costs nothing to keep (a copy per instruction made files with many ENV lines quadratic).
 */
export class EnvHistory {
  private readonly values = new Map<string, { at: number; value: string }[]>();
  private version = 0;
  constructor(
    initial: Iterable<[string, string]>,
    private readonly budget?: ExpansionBudget,
  ) {
    for (const [k, v] of initial) this.set(k, v);
  }
  set(key: string, value: string): void {
    this.version++;
    const list = this.values.get(key);
    if (list) list.push({ at: this.version, value });
    else this.values.set(key, [{ at: this.version, value }]);
  }
  /** The environment as it is now; later sets do not change what the view sees. */
  view(): EnvView {
    const at = this.version;
    const lookup = (key: string): string | undefined => {
      const list = this.values.get(key);
      if (!list) return undefined;
      let lo = 0;
      let hi = list.length - 1;
      let found: string | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.at <= at) {
          found = list[mid]!.value;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    };
    return { get: lookup, has: (key) => lookup(key) !== undefined, budget: this.budget };
  }
}

/** `$NAME` / `${NAME}` replaced by values dfsplit knows (ENV, ARG defaults, assignments earlier in the RUN). */
export function expandWord(word: string, env: EnvView, budget = env.budget): string {
  if (!word.includes('$')) return word;
  // `${NAME:-word}` and `${NAME-word}`: the variable's value, or the word where the file never sets it (an ENV
  // `${PKG:-"emacs-25.2.tar.gz"}` with no ARG PKG: docs.docker.com, "Environment replacement"); a variable the
  // file or the base image sets but whose value is not known stays as written
  const defaulted = word.replace(/\$\{(\w+)(:?)-([^}$]*)\}/g, (m, name: string, colon: string, fallback: string) => {
    const given = fallback.replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
    if (!env.has(name)) return given;
    const v = valueOf(name, env, budget);
    return v === undefined ? m : v === '' && colon ? given : v;
  });
  return defaulted.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a: string | undefined, b: string | undefined) => valueOf((a ?? b)!, env, budget) ?? m);
}

export { optionValue, removedPackages };
