// go. https://pkg.go.dev/cmd/go
import { joinPath } from '../shell.js';
import { optionValue } from './options.js';
import type { CommandFamily, OutputContext } from './types.js';

/** Options of `go build` / `go install` that take the next word as their value. */
const VALUE_OPTIONS = ['-o', '-ldflags', '-gcflags', '-tags', '-mod', '-modfile', '-p', '-buildmode', '-compiler', '-installsuffix', '-pkgdir', '-asmflags', '-gccgoflags', '-overlay', '-pgo', '-trimpath=false'];

/**
 * The dependency vendoring tools of GOPATH-era projects: govendor (kardianos/govendor), dep (golang/dep), glide
 * (Masterminds/glide), godep (tools/godep: `godep restore`, `godep save`; `godep go ...` is the go command, below).
 */
const VENDORING: readonly string[] = ['govendor', 'dep', 'glide', 'godep'];

/** The packages (or .go files) a go subcommand `sub` (`go build`, `go install`) names, its options and their values left out. */
export function goBuildPackages(words: readonly string[], sub: string): string[] {
  const rest = words.slice(words.indexOf(sub) + 1);
  const pkgs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w.startsWith('-')) {
      if (!w.includes('=') && VALUE_OPTIONS.includes(w)) i++;
      continue;
    }
    pkgs.push(w);
  }
  return pkgs;
}

/**
 * The directories whose sources `go build` or `go install` compiles (its main packages'): a path or a file from the
 * working directory (none named: the working directory; `./...`: the tree under it), an import path in the GOPATH's
 * src (goGetSources). Null for another command, or a package named through a variable or with a version.
 */
export function goBuildSources(words: readonly string[], { cwd, env }: Pick<OutputContext, 'cwd' | 'env'>): string[] | null {
  const sub = goSubcommand(words);
  if (sub !== 'build' && sub !== 'install') return null;
  const pkgs = goBuildPackages(words, sub).map((p) => p.replace(/\/?\.\.\.$/, '') || '.');
  if (pkgs.some((p) => p.includes('$') || p.includes('@'))) return null;
  // a path that starts with `.` or `/` is a directory, anything else an import path (`go help packages`)
  const dirs = (pkgs.length ? pkgs : ['.']).map((p) => (p.endsWith('.go') ? joinPath(cwd, p.replace(/[^/]*$/, '') || '.') : /^[./]/.test(p) ? joinPath(cwd, p) : `${goGetSources(env)}/${p}`));
  return [...new Set(dirs)];
}

/** Where `go build` or `go install` puts the binary of the packages it names. */
function binaries(words: readonly string[], sub: string, { cwd, env }: OutputContext): { paths: string[]; unnamed: boolean } {
  const o = optionValue(words, '-o');
  const pkgs = goBuildPackages(words, sub);
  const gobin = env.get('GOBIN') ?? `${env.get('GOPATH')?.split(':')[0] ?? '/root/go'}/bin`;
  // `go install ./...` installs a binary for every main package it matches, each into GOBIN: that directory holds
  // exactly them (`go build ./...` keeps none)
  if (pkgs.some((p) => p.includes('...'))) return o ? { paths: [joinPath(cwd, o)], unnamed: false } : sub === 'install' ? { paths: [joinPath(null, gobin)], unnamed: false } : { paths: [], unnamed: true };
  const pkg = pkgs[0] ?? '.';
  // `go build main.go util.go` names the binary after the first file; a package after its directory
  const base = pkg.endsWith('.go') ? pkg.split('/').pop()!.slice(0, -3) : pkg === '.' ? (cwd.split('/').filter(Boolean).pop() ?? 'app') : (pkg.replace(/\/$/, '').split('/').pop() ?? 'app');
  if (sub === 'build') return { paths: [joinPath(cwd, o ?? base)], unnamed: false };
  return { paths: [joinPath(null, `${gobin}/${pkg.includes('@') ? moduleExecName(pkg) : base}`)], unnamed: false };
}

/**
 * The name `go install pkg@version` (module mode) gives the binary: the last element of the import path, or the one
 * before it when that is a major version suffix (`github.com/x/tool/v2@latest` installs `tool`: DefaultExecName in
 * cmd/go/internal/load, golang.org/issue/24667; only v2 and up are such suffixes).
 */
function moduleExecName(pkg: string): string {
  const elements = pkg.replace(/@.*$/, '').replace(/\/$/, '').split('/');
  const last = elements.pop() ?? 'app';
  return /^v([2-9]|[1-9]\d+)$/.test(last) && elements.length ? elements.pop()! : last;
}

/**
 * The one package a GOPATH-mode `go get` builds and installs, by its import path (`go get -u github.com/x/ocp`), or
 * null: `-d` (download only), a pattern (`/...`), a local path (`.`, `./cmd/x`), a variable, a version (module mode),
 * or anything else than one import path (an option that takes a value, `-tags netgo`, counts as a second word).
 */
export function goGetPackage(words: readonly string[]): string | null {
  if (goSubcommand(words) !== 'get' || words.includes('-d')) return null;
  const pkgs = words.slice(words.indexOf('get') + 1).filter((w) => !w.startsWith('-'));
  return pkgs.length === 1 && IMPORT_PATH.test(pkgs[0]!) ? pkgs[0]! : null;
}

/**
 * Whether `go get` runs in GOPATH mode, where it builds and installs the package it names and leaves the sources it
 * fetched in $GOPATH/src (https://go.dev/ref/mod#mod-commands, GO111MODULE): always with GO111MODULE=off; with it
 * unset or `auto`, on Go before 1.11 (no modules), and from 1.11 to 1.15 outside a module (no go.mod in the working
 * directory or above it: `mayBeModule` says one may be there); from 1.16 on the default is module mode, where `go get`
 * puts the sources in the module cache and, from 1.18 on, installs nothing. `version` is the toolchain's (`1.12`), null
 * when not known.
 */
export function goGetInGopathMode(version: string | null, go111module: string | undefined, mayBeModule: boolean): boolean {
  if (go111module === 'off') return true;
  if (version === null || (go111module !== undefined && go111module !== '' && go111module !== 'auto')) return false;
  const minor = Number(/^1\.(\d+)$/.exec(version)?.[1] ?? NaN);
  return minor < 11 || (minor < 16 && !mayBeModule);
}

/**
 * What a go command needs of a main module on the newest Go, whose default is module mode (from 1.16) and whose
 * `go get` works only inside a module (from 1.22; https://go.dev/doc/go1.22#go-command): `none` for a package named
 * with its version (`go install example.com/x@v1`, `go run x@latest`), which needs none; `files` for a build of .go
 * files named on the command line, which needs one only when they import a package outside the standard library
 * (goImportsOnlyStd); `module` for every other build, install or get (a go.mod in the working directory or above).
 */
export function goModuleNeed(words: readonly string[]): 'none' | 'files' | 'module' {
  const sub = goSubcommand(words) ?? '';
  const named = goBuildPackages(words, sub);
  if ((sub === 'install' || sub === 'run') && named.length && named.every((p) => /@[\w.+-]+$/.test(p))) return 'none';
  if ((sub === 'build' || sub === 'run') && named.length && named.every((p) => p.endsWith('.go'))) return 'files';
  return 'module';
}

/** Whether Go source `text` imports only packages of the standard library (whose paths have no dot in their first element). */
export function goImportsOnlyStd(text: string): boolean {
  const imports: string[] = [];
  for (const m of text.matchAll(/^\s*import\s*(?:[\w.]+\s+)?"([^"]+)"/gm)) imports.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s*\(([^)]*)\)/gm)) for (const q of m[1]!.matchAll(/"([^"]+)"/g)) imports.push(q[1]!);
  return imports.every((i) => !i.split('/')[0]!.includes('.'));
}

/** Where GOPATH-mode `go get` puts the sources it fetches: the src directory of the first GOPATH entry. */
export function goGetSources(env: OutputContext['env']): string {
  return `${env.get('GOPATH')?.split(':')[0] ?? '/root/go'}/src`;
}

/** A remote import path: a domain, then path elements (`github.com/x/ocp`, `gopkg.in/yaml.v2`). */
const IMPORT_PATH = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w~-][\w.~-]*)+$/i;

/** `std` and `cmd`, the patterns of the standard library and of the toolchain's own commands (`go help packages`). */
function toolchainPackages(pkg: string): boolean {
  return pkg === 'std' || pkg === 'cmd';
}

/** The go subcommand the words run (`go build -o /app .`: build; '' when none), or null when they do not run go. */
export function goSubcommand(words: readonly string[]): string | null {
  return words[0] === 'go' ? (words.slice(1).find((w) => !w.startsWith('-')) ?? '') : null;
}

/** A command that builds a Go binary: `go build`, `go install`, or a GOPATH-mode `go get` (one that installs a binary, `outputs`). */
export function buildsGoBinary(words: readonly string[], outputs: readonly string[]): boolean {
  const sub = goSubcommand(words);
  if ((sub === 'build' || sub === 'install') && goBuildPackages(words, sub).some(toolchainPackages)) return false;
  return sub === 'build' || sub === 'install' || (sub === 'get' && outputs.length > 0);
}

/**
 * go-wrapper, the helper script of the golang images before 1.10 (/usr/local/bin/go-wrapper, docker-library/golang):
 * `go-wrapper download ARGS` runs `go get -v -d ARGS`, `go-wrapper install ARGS` runs `go install -v ARGS`, each with
 * the import path the package in the working directory declares (its import comment, or a .godir file) added when it
 * declares one. Only the sources say which, so an install that names no package reads as `./...`: the binary lands in
 * the GOPATH's bin under the name of the working directory or of that import path, and the directory is the output.
 * `go-wrapper run` starts that binary: it is the go preset's to rewrite, not a build.
 */
function goWrapper(args: readonly string[]): readonly string[] | null {
  const sub = args[0];
  if (sub !== 'download' && sub !== 'install') return null;
  const words = sub === 'download' ? ['go', 'get', '-v', '-d', ...args.slice(1)] : ['go', 'install', '-v', ...args.slice(1)];
  return goBuildPackages(words, sub === 'download' ? 'get' : 'install').length ? words : [...words, './...'];
}

/**
 * godep (github.com/tools/godep): `godep go ARGS` runs `go ARGS` with the project's saved dependencies
 * (Godeps/_workspace) put first on GOPATH; a binary it builds lands where `go` puts it (`-o`, or the bin of the
 * GOPATH entry that holds the package's sources: `go help gopath`). Its own options (`-v`, `-d`) come first.
 */
function godep(args: readonly string[]): readonly string[] | null {
  const at = args.findIndex((w) => !w.startsWith('-'));
  return at >= 0 && args[at] === 'go' ? args.slice(at) : null;
}

export default {
  id: 'go',
  names: ['go', ...VENDORING],
  subcommands: {
    go: [
      { kind: 'build', sub: ['build', 'install', 'mod', 'get', 'generate', 'vet'] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: ['run'] },
    ],
  },
  // the vendoring tools fetch the dependencies of the project in the working directory into its vendor/ for
  // `go build`: a build step, whatever their arguments, that writes nothing the running container needs
  kinds: Object.fromEntries(VENDORING.map((name) => [name, 'build'])),
  outputs({ words }, at) {
    if (VENDORING.includes(words[0]!)) return { paths: [], unnamed: false };
    const sub = words.slice(1).find((w) => !w.startsWith('-'));
    // `std` and `cmd` name the standard library and the toolchain's own commands (`go help packages`): `go install -a
    // std` compiles the library into GOROOT, part of the toolchain, and installs no program
    if ((sub === 'build' || sub === 'install') && goBuildPackages(words, sub).some(toolchainPackages)) return { paths: [], unnamed: false };
    if (sub === 'build' || sub === 'install') return binaries(words, sub, at);
    if (sub === 'get') {
      // GOPATH-mode `go get pkg` installs pkg's binary; `go get -d` and module-mode `go get` only download
      const pkgs = words.slice(2).filter((w) => !w.startsWith('-'));
      if (words.includes('-d') || pkgs.length !== 1) return { paths: [], unnamed: false };
      const installed = binaries([words[0]!, 'install', pkgs[0]!.replace(/\/\.\.\.$/, '')], 'install', at);
      // the sources it fetched, of the package and its dependencies, stay in the GOPATH's src (goGetSources)
      const sources = goGetPackage(words) === null ? null : goGetSources(at.env);
      return sources === null ? installed : { ...installed, paths: [...installed.paths, sources] };
    }
    if (['mod', 'generate', 'vet'].includes(sub ?? '')) return { paths: [], unnamed: false };
    return null;
  },
  provides: { 'golang-go': ['go'] },
  toolbox: ['go', ...VENDORING],
  // what the go command reads (https://pkg.go.dev/cmd/go#hdr-Environment_variables); not GOROOT, GODEBUG,
  // GOMAXPROCS, GOGC or GOTRACEBACK, which a built program's runtime reads too
  buildEnv: [{ variables: ['GOPATH', 'GOBIN', 'GOCACHE', 'GOMODCACHE', 'GOFLAGS', 'GO111MODULE', 'GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOSUMDB', 'GOINSECURE', 'GOOS', 'GOARCH', 'GOARM', 'CGO_ENABLED', 'CGO_CFLAGS', 'CGO_CPPFLAGS', 'CGO_CXXFLAGS', 'CGO_LDFLAGS'], readers: ['go', 'gofmt'] }],
  toolchainAtRuntime: [/^go run\b/],
  helpers: { 'go-wrapper': goWrapper, godep },
} satisfies CommandFamily;
