// Files a compiled program reads at run time from its source tree (templates, static assets, JSON or YAML
// next to the sources). The Go and Rust presets leave the sources in the builder; before they may, they read
// them: string literals that name files of the build context are copied to the runtime stage, and when the
// program opens paths it computes while the context holds files it could mean, the sources stay. Files the
// compiler embeds (`//go:embed`, Rust's `include_str!`/`include_bytes!`) are in the binary and need nothing.
// Each language is data (`SourceLanguage`): its source files, the calls that open files, what it embeds.
// https://pkg.go.dev/embed  https://doc.rust-lang.org/std/macro.include_str.html
import type { BuildContext } from '../../src/context.js';
import type { Finding, MessageId } from '../../src/messages.js';
import type { Artifact, PresetInput } from '../../src/preset.js';
import { containerWorkdir, copyDestination } from '../../src/analyze/index.js';
import { isInside } from '../../src/paths.js';

/** Context files of any language that are never read at run time: docs, repository and container files. */
const NOT_DATA_COMMON = /(^|\/)(\.git|\.github|node_modules)\/|\.(md|markdown|rst|txt)$|(^|\/)(LICEN[CS]E[^/]*|NOTICE|AUTHORS|CONTRIBUTORS|Makefile|Dockerfile[^/]*|[^/]*\.Dockerfile|\.dockerignore|\.gitignore|\.gitattributes|\.editorconfig|docker-compose[^/]*\.ya?ml)$/i;

/** What the scan knows of one language. */
export interface SourceLanguage {
  /** The program's source files (tests, examples and vendored code excluded). */
  source: (path: string) => boolean;
  /** Context files of the language's build that are never data: its sources, build files, output directories. */
  notData: RegExp;
  /** Calls that open files by a path given as an argument; the last group is the argument (a computed one cannot be followed). */
  opens: RegExp;
  /** The source with what the compiler embeds taken out, and the patterns of the files it embeds. */
  embedded: (source: string) => { text: string; patterns: string[] };
}

/** Go: `.go` files outside tests, vendor and testdata; `//go:embed` patterns. */
export const GO_SOURCES: SourceLanguage = {
  source: (p) => p.endsWith('.go') && !p.endsWith('_test.go') && !/(^|\/)(vendor|testdata)\//.test(p),
  notData: /(^|\/)(vendor|testdata)\/|\.(go|mod|sum)$|(^|\/)(\.golangci\.ya?ml|\.goreleaser\.ya?ml)$/i,
  opens:
    /\b(os\.(Open|OpenFile|ReadFile|ReadDir|Stat)|ioutil\.(ReadFile|ReadDir)|http\.(Dir|ServeFile)|template\.(ParseFiles|ParseGlob|Must\(template\.ParseGlob)|(\w+)\.(ParseFiles|ParseGlob|LoadHTMLGlob|LoadHTMLFiles|Static|StaticFile|StaticFS|SetConfigFile|AddConfigPath)|filepath\.(Glob|Walk|WalkDir))\(\s*([^)"`\s][^),]*)/g,
  embedded: (text) => ({ text, patterns: embedPatterns(text) }),
};

/**
 * Rust: `.rs` files outside tests, benches, examples and target; `include_str!`, `include_bytes!` and `include!`
 * compile a file into the binary (its literal is no run-time read). https://doc.rust-lang.org/std/fs/
 */
export const RUST_SOURCES: SourceLanguage = {
  source: (p) => p.endsWith('.rs') && !/(^|\/)(tests|benches|examples|target)\//.test(p) && !/(^|\/)build\.rs$/.test(p),
  notData: /(^|\/)(target|\.cargo)\/|\.rs$|(^|\/)(Cargo\.(toml|lock)|rust-toolchain(\.toml)?|rustfmt\.toml|clippy\.toml)$/i,
  opens: /\b(File::(open|create)|fs::(read_to_string|read|read_dir|metadata|File::open)|OpenOptions::new\(\)[^;]*?\.open|Path::new|PathBuf::from|Tera::new|ServeDir::new|Files::new|NamedFile::open|File::with_name|from_path|glob)\(\s*&?([^)"\s&][^),]*)/g,
  embedded: (text) => ({ text: text.replace(/\binclude(_str|_bytes)?!\s*\(\s*(concat!\s*\([^)]*\)|"(?:[^"\\]|\\.)*")\s*\)/g, 'include!()'), patterns: [] }),
};
/**
 * C and C++: their source and header files outside tests, examples and build directories; what `#include` and
 * `#embed` name is compiled in. https://en.cppreference.com/w/c/io/fopen
 */
export const C_SOURCES: SourceLanguage = {
  source: (p) => /\.(c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|inl|ipp|tcc)$/i.test(p) && !/(^|\/)(tests?|examples?|benchmarks?|build)\//.test(p),
  notData: /(^|\/)(build|cmake|\.deps|autom4te\.cache)\/|\.(c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|inl|ipp|tcc|o|a|so|la|lo|cmake|m4|am|in|ac|pc)$|(^|\/)(CMakeLists\.txt|configure|autogen\.sh|bootstrap(\.sh)?|meson\.build|conanfile\.(txt|py)|vcpkg\.json|\.clang-(format|tidy)|compile_commands\.json)$/i,
  opens: /\b(fopen|freopen|open|opendir|(?:i|o)?fstream(?:\s+\w+)?)\s*\(\s*([^)"\s][^),]*)/g,
  embedded: (text) => ({ text: text.replace(/^\s*#\s*(include|embed)\s*"[^"\n]*"/gm, ''), patterns: [] }),
};

/**
 * Haskell: `.hs` and `.lhs` files outside tests and benchmarks (Setup.hs is the build's); file-embed's `embedFile`
 * and `embedDir` compile a file in. Functions take their arguments without parentheses (`readFile path`).
 * https://hackage.haskell.org/package/file-embed
 */
export const HASKELL_SOURCES: SourceLanguage = {
  source: (p) => /\.l?hs$/.test(p) && !/(^|\/)(tests?|bench(marks?)?)\//.test(p) && !/(^|\/)Setup\.l?hs$/.test(p),
  notData: /(^|\/)(dist|dist-newstyle|\.stack-work)\/|\.(l?hs|cabal)$|(^|\/)(stack\.ya?ml(\.lock)?|cabal\.project(\.[\w]+)?|package\.yaml|hie\.yaml|Setup\.l?hs)$/i,
  opens: /\b(readFile|writeFile|appendFile|openFile|withFile|openBinaryFile|withBinaryFile|decodeFileStrict'?|decodeFile|listDirectory|getDirectoryContents|readFileBS|readFileText|readFileUtf8)\s+([^"\s(][^\s)]*)/g,
  embedded: (text) => ({ text: text.replace(/\b(embedFile|embedDir|embedStringFile|makeRelativeToProject)\s+"(?:[^"\\]|\\.)*"/g, ''), patterns: [] }),
};

/** What the runtime stage needs from the sources: paths to copy, or keeping the sources, and why. */
interface RuntimeFiles {
  /** Paths relative to the source directory, to copy from the builder. */
  copy: string[];
  /** Why the sources must stay in the runtime stage, or null. */
  keepSources: string | null;
  findings: Finding[];
}

/** True when `raw`, a string literal of `source`, is the pattern of a glob call there (`filepath.Glob("*")`, `t.ParseGlob("*")`). */
function globCall(source: string, raw: string): boolean {
  const quoted = raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b(Glob|ParseGlob|LoadHTMLGlob)\\(\\s*["\`]${quoted}["\`]`).test(source);
}

function stringLiterals(source: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1] ?? m[2] ?? '');
  return out;
}

function embedPatterns(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*\/\/go:embed\s+(.+)$/gm))
    out.push(
      ...m[1]!
        .trim()
        .split(/\s+/)
        .map((p) => p.replace(/^"|"$/g, '').replace(/^all:/, '')),
    );
  return out;
}

/** A glob as a regular expression over context paths; `**` (Tera's, the glob crate's) spans directories, `*` does not. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += /[.+^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}(/|$)`);
}

/**
 * Reads the sources of `language` under `root` (the context directory copied to the build directory) for files
 * they read at run time, with the words of the command the container starts (`started`, relative to the copy).
 * `context` unknown means the sources must stay.
 */
function runtimeFiles(context: BuildContext, root: string, language: SourceLanguage, started: readonly string[]): RuntimeFiles {
  if (!context.known) return { copy: [], keepSources: 'no build context to read the sources for files they open at run time', findings: [] };
  const prefix = root ? `${root}/` : '';
  const inRoot = (p: string) => p.startsWith(prefix);
  // a literal may name any file but the language's sources and build files (`data/words.txt`, even a README the
  // program serves); a path it computes could mean any of them but the docs and repository files
  const named = context.find((p) => inRoot(p) && !language.notData.test(p) && !/(^|\/)(\.git|\.github|node_modules)\//.test(p)).map((p) => p.slice(prefix.length));
  const data = named.filter((p) => !NOT_DATA_COMMON.test(p));
  const sources = context.find((p) => inRoot(p) && language.source(p.slice(prefix.length)));
  const copy = new Set<string>();
  const computed: string[] = [];
  const seen: string[] = [];
  for (const file of sources) {
    const read = language.embedded(context.read(file) ?? '');
    const text = read.text;
    const embedded = read.patterns.map(globToRegExp);
    for (const raw of stringLiterals(text)) {
      const lit = raw.replace(/^\.\//, '').replace(/\/+$/, '');
      if (!lit || lit.startsWith('/') || lit.includes('..') || !/^[\w.*?/-]+$/.test(lit)) continue;
      if (embedded.some((e) => e.test(lit))) continue;
      // wildcards alone (`case "x", "*":`, an operator) name no file unless a glob call takes them (`filepath.Glob("*")`)
      if (/^[*?]+$/.test(lit) && !globCall(text, raw)) continue;
      // a directory counts when it holds data (not a package of .go files); find() does not walk dist/ or target/
      const unwalked = /^(dist|target)(\/|$)/.test(lit) && context.exists(prefix + lit);
      const hits = /[*?]/.test(lit) ? data.filter((d) => globToRegExp(lit).test(d)) : unwalked ? [lit] : named.filter((d) => d === lit || d.startsWith(`${lit}/`));
      if (!hits.length) continue;
      // a glob is copied as the directory it lies in, so every file it can match is there
      const path = /[*?]/.test(lit)
        ? lit
            .split('/')
            .filter((s) => !/[*?]/.test(s))
            .join('/') || null
        : lit;
      if (path === null) return { copy: [], keepSources: `${file} reads files by the pattern "${raw}" at the top of the source tree`, findings: [] };
      if (language.source(path) || language.notData.test(path)) continue;
      copy.add(path);
      seen.push(`${file}`);
    }
    for (const m of text.matchAll(language.opens)) {
      const arg = m.at(-1)!.trim();
      if (arg && !/^(filepath\.Join\()?["`]/.test(arg)) computed.push(`${file} calls ${m[1]}`);
    }
  }
  // what the command the container starts names (`CMD ["/app", "-config", "config.yml"]`, relative to the copy)
  for (const word of started) {
    const lit = word.replace(/^\.\//, '').replace(/\/+$/, '');
    if (lit && !lit.includes('..') && named.some((d) => d === lit || d.startsWith(`${lit}/`)) && !language.source(lit) && !language.notData.test(lit)) {
      copy.add(lit);
      seen.push('the command the container starts');
    }
  }
  const covered = (d: string) => [...copy].some((c) => d === c || d.startsWith(`${c}/`));
  const unread = data.filter((d) => !covered(d));
  if (computed.length && unread.length) {
    return { copy: [], keepSources: `${computed[0]} with a path it computes, and the sources hold files it could mean (${unread.slice(0, 3).join(', ')}${unread.length > 3 ? ', ...' : ''})`, findings: [] };
  }
  // a path inside another copied one comes with it
  const paths = [...copy].filter((p) => ![...copy].some((o) => o !== p && p.startsWith(`${o}/`))).sort();
  const findings: Finding[] = paths.length ? [{ id: 'runtime-files-copied', data: { paths: paths.join(', '), files: [...new Set(seen)].slice(0, 3).join(', ') } }] : [];
  return { copy: paths, keepSources: null, findings };
}

/** A COPY of the build context into where a compiled program is built: its index, destination and the context directories it brings. */
interface SourceCopy {
  index: number;
  dest: string;
  dirs: string[];
}

/**
 * The COPYs of a language's sources and build files into a directory a build runs in (or one holding it): the
 * whole context, a directory holding sources of the language, or its source and build files by name. A directory
 * of the context with no source of the language in it (`COPY config ./config`) is data, and no such copy.
 */
function sourceCopies(input: PresetInput, cwds: readonly string[], language: SourceLanguage): SourceCopy[] {
  const out: SourceCopy[] = [];
  // without a context a directory may hold sources: it is scanned, which keeps it at build level
  const holdsSources = (dir: string) => !input.context.known || input.context.find((p) => p.startsWith(`${dir}/`) && language.source(p)).length > 0;
  for (const index of input.model.stages[0]!.instructions) {
    const ins = input.model.instructions[index]!;
    if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null) continue;
    const dest = copyDestination(ins, input.analysis.scopes.get(index)!);
    const sources = ins.sources.filter((w) => !w.startsWith('--')).map((w) => w.replace(/^\.\//, '') || '.');
    const whole = (w: string) => w === '.' || w === '';
    const file = (w: string) => language.source(w) || language.notData.test(w);
    const dir = (w: string) => /^[A-Za-z0-9_./-]+\/?$/.test(w) && !/\.[A-Za-z0-9]+$/.test(w) && holdsSources(w.replace(/\/$/, ''));
    if (dest === null || !sources.length || !sources.every((w) => whole(w) || file(w) || dir(w)) || !cwds.some((d) => isInside(d, dest) || isInside(dest, d))) continue;
    out.push({ index, dest, dirs: sources.filter((w) => !file(w)).map((w) => (whole(w) ? '' : w.replace(/\/+$/, ''))) });
  }
  return out;
}

/**
 * What a preset of a compiled language does with the sources copied into where it builds: leaves them in the
 * builder and copies instead what the program reads of them at run time (the literals of its sources, and
 * `implicit`, files its libraries read by themselves when the context has them), or, when that cannot be told,
 * keeps them, said with `keptId`, and leaves that choice to a build (`unproven-sources-kept`, issue 24).
 */
export function leaveSources(input: PresetInput, options: { language: SourceLanguage; cwds: readonly string[]; producer: number; what: string; keptId: MessageId; implicit?: readonly string[] }): { drop: Set<number>; artifacts: Artifact[]; findings: Finding[]; unproven: Finding[] } {
  const copies = sourceCopies(input, options.cwds, options.language);
  const artifacts: Artifact[] = [];
  const findings: Finding[] = [];
  for (const copy of copies)
    for (const dir of copy.dirs) {
      const files = runtimeFiles(input.context, dir, options.language, startedWords(input, copy.dest));
      if (files.keepSources) {
        const why = files.keepSources;
        return { drop: new Set(), artifacts: [], findings: [{ id: options.keptId, data: { why } }], unproven: [{ id: 'unproven-sources-kept', data: { what: options.what, why } }] };
      }
      findings.push(...files.findings);
      const implicit = (options.implicit ?? []).filter((p) => input.context.exists(dir ? `${dir}/${p}` : p));
      for (const p of [...new Set([...files.copy, ...implicit])]) {
        const path = `${copy.dest.replace(/\/$/, '')}/${p}`;
        artifacts.push({ path, producer: options.producer, why: { id: 'artifact-output', data: { path, command: 'the sources, which read it at run time' } } });
      }
    }
  return { drop: new Set(copies.map((c) => c.index)), artifacts, findings, unproven: [] };
}

/**
 * The words of the command the container starts (ENTRYPOINT, CMD; a `--flag=value`'s value too) as paths relative to
 * `dest`, where a copy put the context: a relative word is taken from the stage's last working directory.
 */
function startedWords(input: PresetInput, dest: string): string[] {
  const workdir = containerWorkdir(input.model, input.analysis);
  const words = input.model.instructions
    .filter((i) => i.stage === 0 && (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'))
    .flatMap((i) => i.json ?? i.args.split(/\s+/))
    .map((w) => w.replace(/^--?[\w-]+=/, ''));
  const base = dest.replace(/\/+$/, '');
  return words.flatMap((w) => {
    const abs = w.startsWith('/') ? w : `${workdir.replace(/\/+$/, '')}/${w.replace(/^\.\//, '')}`;
    return abs.startsWith(`${base}/`) ? [abs.slice(base.length + 1)] : [];
  });
}
