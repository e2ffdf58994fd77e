// Go: the builder compiles, the runtime stage holds only the binary: distroless static for a static
// binary, distroless base (glibc) with cgo, Debian slim when the container needs a shell or packages.
// https://go.dev/cmd/go/#hdr-Compile_packages_and_dependencies  https://github.com/GoogleContainerTools/distroless
import { classificationOf, containerWorkdir, copyDestination } from '../../src/analyze/index.js';
import { carriedOut, ranIfBuilt } from '../../src/artifacts.js';
import type { RunCommand } from '../../src/analyze/run.js';
import type { CopyInstruction } from '../../src/model.js';
import { distributionOf, goVersion, hasNsswitchConf, hasShell, hasZoneinfo, isDistributionImage, libcOf, newestBuildRelease, parseImage } from '../../src/images.js';
import { debianNotNewer } from '../../src/knowledge/releases.js';
import type { Finding } from '../../src/messages.js';
import type { Artifact, BuilderEdit, CommandRewrite, Preset, PresetInput } from '../../src/preset.js';
import { enclosing, isInside, joinPath } from '../../src/paths.js';
import { imageDir, systemDir } from '../../src/knowledge/secrets.js';
import { buildsGoBinary, goBuildPackages, goBuildSources, goGetInGopathMode, goGetPackage, goGetSources, goImportsOnlyStd, goModuleNeed, goSubcommand } from '../../src/commands/go.js';
import { checkoutOf, packagePrograms, pathOperands } from '../../src/commands/index.js';
import { copyPlacement } from '../../src/commands/files.js';
import { makeBuild } from '../../src/commands/build-systems.js';
import { imageConfig } from '../../src/knowledge/image-config.js';
import { contextSourceOf, startCommand, startedPrograms, toolsLost } from '../../src/runtime-contract.js';
import { buildRelease, releaseOfImage } from '../../src/tags.js';
import { GO_SOURCES, leaveSources } from '../shared/runtime-files.js';
import { isInserted } from '../../src/onbuild.js';

/** The Alpine tags that always name the newest release. */
const NEWEST_ALPINE: ReadonlySet<string> = new Set(['alpine', 'alpine:latest']);
const STATIC = 'gcr.io/distroless/static-debian12';

/**
 * The glibc runtime images of each Debian release the preset writes: distroless base and Debian slim of bookworm,
 * and of trixie for a builder fixed on trixie (a glibc binary runs only on its own release or a newer one).
 */
const GLIBC_RUNTIMES: Readonly<Record<string, { distroless: string; slim: string }>> = {
  bookworm: { distroless: 'gcr.io/distroless/base-debian12', slim: 'debian:bookworm-slim' },
  trixie: { distroless: 'gcr.io/distroless/base-debian13', slim: 'debian:trixie-slim' },
};

/** The Debian release of the distroless images the preset writes (a Debian image's is in its tag). */
const RUNTIME_RELEASE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(GLIBC_RUNTIMES).map(([release, r]) => [r.distroless, release]));

/** The glibc runtime images for `builder`: of its fixed Debian release when the preset has them, else bookworm's. */
function glibcRuntimes(builder: string): { distroless: string; slim: string } {
  const fixed = buildRelease(builder);
  return (fixed?.distribution === 'debian' && fixed.release !== null ? GLIBC_RUNTIMES[fixed.release] : undefined) ?? GLIBC_RUNTIMES.bookworm!;
}

/**
 * True when a glibc binary built on `builder` runs on `runtime`: the builder's release (its tag's, a frozen tag's
 * from the tag table, or the newest one its tag allows, `golang:1.8`: bookworm at most) is the runtime's or older,
 * since glibc keeps the symbol versions older binaries need. A tag that still moves (`golang:latest`, on trixie
 * now) fixes none, whatever the image table assumes for it.
 */
function glibcRunsOn(builder: string, runtime: string): boolean {
  const from = buildRelease(builder)?.release ?? newestBuildRelease(builder);
  const to = RUNTIME_RELEASE[runtime] ?? releaseOfImage(runtime)?.release ?? null;
  return from !== null && to !== null && debianNotNewer(from, to);
}

const NSSWITCH = '/etc/nsswitch.conf';
/** The time zone database of the Go toolchain of the golang images (GOROOT /usr/local/go). */
const GO_ZONEINFO = '/usr/local/go/lib/time/zoneinfo.zip';

interface GoBuild {
  index: number;
  command: RunCommand;
  /** A `make` on a golang image whose Makefile builds the program (makeBuilds), not a go command. */
  make?: true;
}

/** The environment build `b`'s command sees: its own assignments (`GOPATH=/src go build`), then the scope's. */
function envAt(input: PresetInput, b: GoBuild): { get(key: string): string | undefined } {
  const env = input.analysis.scopes.get(b.index)!.env;
  return { get: (k) => b.command.assigns[k] ?? env.get(k) };
}

/** The directories build `b` compiles (goBuildSources), in the environment it sees. */
function buildSources(input: PresetInput, b: GoBuild): string[] | null {
  return goBuildSources(b.command.words, { cwd: b.command.cwd, env: envAt(input, b) });
}

/** Where a `go get` of one package left the sources it fetched, when they are still there (its outputs), else null. */
function fetchedSources(input: PresetInput, b: GoBuild): string | null {
  if (goGetPackage(b.command.words) === null) return null;
  const path = goGetSources(envAt(input, b));
  return b.command.outputs.includes(path) ? path : null;
}

/** The binaries a build installs: its outputs but the sources a `go get` fetched. */
function binariesOf(input: PresetInput, b: GoBuild): string[] {
  const sources = fetchedSources(input, b);
  return b.command.outputs.filter((o) => o !== sources);
}

/**
 * Why the one package a `go build` or `go install` names is no main package, read from the build context: its .go
 * files (tests left out) declare another package (`package methuforecasttimelapse`, an App Engine library: no binary
 * is ever written, and a COPY --from of it fails; review-2026-12-06j). Null when it is one, or cannot be read: no
 * context, a pattern, a module path with a version, a file list, sources a RUN writes.
 */
function notMainPackage(input: PresetInput, b: GoBuild): string | null {
  const sub = goSubcommand(b.command.words);
  if (!input.context.known || (sub !== 'build' && sub !== 'install')) return null;
  const pkgs = goBuildPackages(b.command.words, sub);
  if (pkgs.length > 1 || pkgs.some((p) => p.includes('...') || p.includes('@') || p.includes('$') || p.endsWith('.go'))) return null;
  const dirs = buildSources(input, b);
  if (dirs?.length !== 1) return null;
  const dir = dirs[0]!;
  const source = contextSourceOf(input.model, input.analysis, `${dir}/main.go`);
  if (source === null || !('file' in source)) return null;
  const rel = source.file.slice(0, source.file.lastIndexOf('/') + 1);
  const files = input.context.find((p) => p.startsWith(rel) && !p.slice(rel.length).includes('/') && p.endsWith('.go') && !p.endsWith('_test.go'));
  const names = new Set(files.map((f) => /^\s*package\s+(\w+)/m.exec(input.context.read(f) ?? '')?.[1]).filter((n): n is string => n !== undefined));
  if (!names.size || names.has('main')) return null;
  return `\`${b.command.words.join(' ')}\` builds package ${[...names].join(', ')} (the .go files in ${rel || 'the context root'}), no main package: it writes no binary`;
}

/** The COPY and ADD instructions of the build context (no --from) before build `b`, each with its destination (null when it cannot be told). */
function contextCopiesBefore(input: PresetInput, b: GoBuild): { ins: CopyInstruction; dest: string | null }[] {
  return input.model.stages[0]!.instructions.flatMap((index) => {
    const ins = input.model.instructions[index]!;
    if (index >= b.index || (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null) return [];
    return [{ ins, dest: copyDestination(ins, input.analysis.scopes.get(index)!) }];
  });
}

/**
 * Whether a `go build` or `go install` compiles sources a RUN fetched (`git clone URL $GOPATH/src/x && go build`, a
 * `go get -d`), not ones a COPY or ADD brought from the build context: the program's own code, which no context
 * shows (unproven-fetched-program, as for a `go get` of it).
 */
function buildsFetchedSources(input: PresetInput, b: GoBuild): boolean {
  const sub = goSubcommand(b.command.words);
  if (sub !== 'build' && sub !== 'install') return false;
  const dirs = buildSources(input, b);
  if (!dirs?.length || dirs.some((d) => d.includes('$'))) return false;
  // a COPY or ADD of the context that puts anything at or above the directory may have brought the sources
  const copies = contextCopiesBefore(input, b);
  const copied = (d: string) => copies.some(({ dest }) => dest === null || isInside(d, dest) || isInside(dest, d));
  // a checkout or download before the build that writes the directory
  const fetched = (d: string) =>
    [...input.analysis.runs].some(([index, run]) => index <= b.index && input.model.instructions[index]!.stage === 0 && run.commands.some((c) => (index < b.index || c.start < b.command.start) && (checkoutOf(c.words) === 'checkout' || c.kind === 'fetch') && c.produced.some((p) => isInside(d, p))));
  return dirs.every((d) => !copied(d) && fetched(d));
}

function goBuilds(input: PresetInput): GoBuild[] {
  const out: GoBuild[] = [];
  for (const [index, run] of input.analysis.runs)
    for (const command of run.commands) {
      // GOPATH-mode `go get pkg` builds and installs like `go install`
      if (buildsGoBinary(command.words, command.outputs)) out.push({ index, command });
    }
  return out.length ? out : makeBuilds(input);
}

/**
 * The `make` runs of a file on a golang image that runs no go command itself (kingshard, mtail, tidb, alertmanager:
 * `make && mv bin/tidb-server /tidb-server`): the Makefile builds the Go program, which the container starts from
 * where a later mv or cp of the same RUN put it, or from the tree the make ran in (`make` in the cadvisor checkout,
 * `ENTRYPOINT ["/go/src/github.com/google/cadvisor/cadvisor"]`). An install target (`make install`) writes where the
 * Makefile says: not read as one. What the Makefile runs, and whether the program links C, nothing here tells: always
 * `build` level (unproven-make-build). None when the image is no golang image.
 */
function makeBuilds(input: PresetInput): GoBuild[] {
  if (parseImage(input.builderImage).name !== 'golang') return [];
  return [...input.analysis.runs].flatMap(([index, run]) => run.commands.filter((c) => c.kind === 'build' && c.unnamedOutputs && makeBuild(c.words, c.cwd) !== null).map((command): GoBuild => ({ index, command, make: true })));
}

/** The directory whose Makefile a make build (makeBuilds) reads. */
function makeDir(c: RunCommand): string {
  return makeBuild(c.words, c.cwd)?.dir ?? c.cwd;
}

/**
 * The programs a `make` build (makeBuilds) leaves for the container: what a later mv or cp of its RUN carries out of
 * the tree it ran in, whenever the RUN succeeds, or the program the container starts from inside that tree. Empty
 * when neither is seen.
 */
function madePrograms(input: PresetInput, b: GoBuild): { path: string; carrier: RunCommand | null }[] {
  const dir = makeDir(b.command);
  const commands = input.analysis.runs.get(b.index)!.commands;
  const at = commands.indexOf(b.command);
  const carried = commands.flatMap((c, k) => {
    if (k <= at || c.kind !== 'file-move' || !ranIfBuilt(commands, k)) return [];
    const placed = copyPlacement(c.words, c.cwd);
    if (!placed?.sources.length || !placed.sources.every((src) => isInside(joinPath(c.cwd, src), dir) && joinPath(c.cwd, src) !== dir)) return [];
    return c.outputs.filter((o) => !o.includes('$') && !systemDir(o) && !imageDir(o)).map((path) => ({ path, carrier: c }));
  });
  if (carried.length) return carried;
  const cwd = containerWorkdir(input.model, input.analysis);
  const removed = commands.slice(at + 1).some((c) => (pathOperands(c.words)?.removes ?? []).some((p) => isInside(dir, joinPath(c.cwd, p))));
  return startedPrograms(input.model)
    .filter((s) => s.word.includes('/') && !s.word.includes('$'))
    .map((s) => joinPath(cwd, s.word))
    .filter((path) => isInside(path, dir) && path !== dir && !removed)
    .map((path) => ({ path, carrier: null }));
}

/** The container's working directory and PATH: those before the last instruction, unless it changes them (then null). */
function containerStart(input: PresetInput): { cwd: string; path: string | undefined } | null {
  const lastIndex = input.model.stages[0]!.instructions.at(-1)!;
  const last = input.model.instructions[lastIndex]!;
  const scope = input.analysis.scopes.get(lastIndex)!;
  return last.keyword === 'WORKDIR' || last.keyword === 'ENV' ? null : { cwd: scope.workdir, path: scope.env.get('PATH') };
}

/** The program names the builder's image or the file's packages give: a name on the PATH may be one of them. */
function takenNames(input: PresetInput): Set<string> {
  const packages = [...input.analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => c.install?.packages ?? []));
  return new Set([...(imageConfig(input.builderImage)?.tools ?? []), ...packages.flatMap((p) => packagePrograms(p))]);
}

/**
 * Whether `word`, run in `cwd` with `path`, starts `binary`, which build `b` installs: by its path, or by its name on a
 * PATH that holds its directory where no program of the image, of the file's packages (`taken`) or of another build
 * could answer to that name instead.
 */
function startsBinary(input: PresetInput, builds: GoBuild[], b: GoBuild, binary: string, taken: ReadonlySet<string>, word: string | undefined, cwd: string, path: string | undefined): boolean {
  if (!word || word.includes('$')) return false;
  if (word.includes('/')) return joinPath(cwd, word) === binary;
  const dir = binary.slice(0, binary.lastIndexOf('/'));
  const name = binary.slice(binary.lastIndexOf('/') + 1);
  const others = builds.some((o) => o !== b && binariesOf(input, o).some((p) => p !== binary && p.split('/').pop() === name));
  return word === name && !taken.has(name) && !others && (path ?? '').split(':').includes(dir);
}

/**
 * The `go get`s whose package is proven a main package: the original runs the binary it installs, from CMD,
 * ENTRYPOINT or a later RUN that stays in the builder, by its path or by its name on a PATH that holds the install
 * directory, where no program of the image, of the file's packages or of another build could answer to that name
 * instead; the original works only when the binary is there. A library installs nothing (`go get
 * github.com/gorilla/mux`), which only a build tells otherwise; a path under `/cmd/` proves nothing (a library may
 * live there too). A RUN the runtime stage repeats proves nothing (`godep go build` needs the toolchain there), and a
 * go get whose sources a repeated command works in or names (`cd $GOPATH/src/x && bundle install`) is left to a build.
 */
function provenMainPackages(input: PresetInput, builds: GoBuild[]): Set<GoBuild> {
  const proven = new Set<GoBuild>();
  const final = containerStart(input);
  const taken = takenNames(input);
  const phase = (index: number) => classificationOf(input.analysis, index)?.phase;
  for (const b of builds) {
    if (!inGopathMode(input, b)) continue;
    const sources = fetchedSources(input, b);
    const inside = (p: string) => sources !== null && isInside(p, sources);
    const usesSources = [...input.analysis.runs].some(([index, run]) => index >= b.index && phase(index) !== 'build' && run.commands.some((c) => (index > b.index || c.start > b.command.start) && (inside(c.cwd) || c.words.slice(1).some((w) => w.includes('$') || inside(joinPath(c.cwd, w))))));
    if (usesSources) continue;
    const installed = binariesOf(input, b);
    const binary = installed.length === 1 ? installed[0]! : null;
    if (!goGetPackage(b.command.words) || binary === null || binary.includes('$')) continue;
    const runs = (word: string | undefined, cwd: string, path: string | undefined) => startsBinary(input, builds, b, binary, taken, word, cwd, path);
    const started = final !== null && startedPrograms(input.model).some((s) => runs(s.word, final.cwd, final.path));
    const later = [...input.analysis.runs].some(([index, run]) => index >= b.index && phase(index) === 'build' && run.commands.some((c) => (index > b.index || c.start > b.command.start) && runs(c.words[0], c.cwd, input.analysis.scopes.get(index)!.env.get('PATH'))));
    if (started || later) proven.add(b);
  }
  return proven;
}

/**
 * Whether build `b` compiles the build context's code: every package it names lies in what a COPY or ADD of the
 * context put in place before it (`go build -o app .` after `COPY . .`, `go install github.com/me/app` after
 * `ADD . /go/src/github.com/me/app`), not in sources a `go get` or a clone fetched.
 */
function buildsContext(input: PresetInput, b: GoBuild): boolean {
  const dirs = buildSources(input, b);
  const dests = contextCopiesBefore(input, b).flatMap(({ ins, dest }) => (dest === null || ins.sources.some((w) => /^[a-z][\w+.-]*:\/\//i.test(w) || w.startsWith('git@')) ? [] : [dest]));
  return dirs !== null && dirs.every((d) => !d.includes('$') && dests.some((dest) => isInside(d, dest)));
}

/**
 * The `go get`s whose binary nothing needs at run time (issue 24): the container starts the binary of another build
 * of the context's code (`go build -o app`, a `go install` of the context's package: buildsContext), and nothing the
 * runtime stage runs names the go get's: not CMD, ENTRYPOINT, HEALTHCHECK, an ENV value, nor a RUN the runtime stage
 * repeats. Such a go get fetches what that build imports (a library installs no binary, a main package an unused one;
 * the sources it leaves in $GOPATH/src and the package it compiles are the builder's), so the runtime stage copies
 * nothing of it and a build has nothing left to prove. A go get of a pattern or a local path (`go get ./...`) installs
 * every main package it matches, whose names are not known: a program started from that directory, by its path or by
 * a name on a PATH that holds it, may be one of them.
 */
function unusedGoGets(input: PresetInput, builds: GoBuild[]): Set<GoBuild> {
  const unused = new Set<GoBuild>();
  const final = containerStart(input);
  const start = startCommand(input.model);
  if (final === null || start === null) return unused;
  const taken = takenNames(input);
  // (a tool a later build step runs, `godep` or the asset embedder `esc`, is a main package, and the builder's alone)
  const gets = builds.filter((b) => goSubcommand(b.command.words) === 'get');
  const app = builds.filter((b) => !gets.includes(b) && buildsContext(input, b)).flatMap((b) => binariesOf(input, b).filter((p) => startsBinary(input, builds, b, p, taken, start.words[0], final.cwd, final.path)));
  if (!app.length) return unused;
  const phase = (index: number) => classificationOf(input.analysis, index)?.phase;
  const repeated = [...input.analysis.runs].filter(([index]) => phase(index) !== 'build');
  // the programs the runtime stage runs, each with where and on which PATH
  const programs = [...startedPrograms(input.model).map((s) => ({ word: s.word, cwd: final.cwd, path: final.path })), ...repeated.flatMap(([index, run]) => run.commands.map((c) => ({ word: c.words[0] ?? '', cwd: c.cwd, path: input.analysis.scopes.get(index)!.env.get('PATH') })))];
  // every word of what the runtime stage runs or hands the program, by name
  const texts = input.model.instructions.filter((ins) => ['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ENV'].includes(ins.keyword) || (ins.keyword === 'RUN' && phase(ins.index) !== 'build')).map((ins) => ins.args);
  const named = new Set(texts.flatMap((t) => t.split(/[\s"'=:,;&|()[\]]+/)).map((w) => w.split('/').pop()!));
  const unknown = programs.some((p) => p.word.includes('$')) || input.model.instructions.some((ins) => ins.keyword === 'HEALTHCHECK' && ins.args.includes('$'));
  if (unknown) return unused;
  for (const b of gets) {
    const installed = binariesOf(input, b);
    const binary = installed.length === 1 ? installed[0]! : null;
    if (binary === null || binary.includes('$') || app.includes(binary) || named.has(binary.split('/').pop()!)) continue;
    const dir = binary.slice(0, binary.lastIndexOf('/'));
    const fromDir = (p: { word: string; cwd: string; path: string | undefined }) => (p.word.includes('/') ? isInside(joinPath(p.cwd, p.word), dir) : (p.path ?? '').split(':').includes(dir));
    if (goGetPackage(b.command.words) === null && programs.some(fromDir)) continue;
    unused.add(b);
  }
  return unused;
}

/**
 * Whether a `go get` runs in GOPATH mode (goGetInGopathMode), from the builder's Go version, GO111MODULE, and whether a
 * go.mod may be in its working directory or above: something copied or written there before it, or a `go mod` command.
 */
function inGopathMode(input: PresetInput, b: GoBuild): boolean {
  const cwd = b.command.cwd;
  const stage = input.model.stages[0]!.instructions;
  const copied = stage.some((index) => {
    const ins = input.model.instructions[index]!;
    const dest = index < b.index && (ins.keyword === 'COPY' || ins.keyword === 'ADD') ? copyDestination(ins, input.analysis.scopes.get(index)!) : undefined;
    return dest !== undefined && (dest === null || isInside(cwd, dest));
  });
  const written = [...input.analysis.runs].some(([index, run]) => index <= b.index && run.commands.some((c) => (index < b.index || c.start < b.command.start) && (goSubcommand(c.words) === 'mod' || c.unnamedOutputs || [...c.produced, ...c.writes].some((o) => isInside(cwd, o)))));
  return goGetInGopathMode(goVersion(input.builderImage), envAt(input, b).get('GO111MODULE'), copied || written);
}

/**
 * Why build `b` is not shown to build on the newest Go (null when it is): the Go of a builder pinned from a tag that
 * names no Go version (`golang`, `golang:latest`, `golang:1`: src/pin.ts) is today's, which builds in module mode and
 * needs a main module (goModuleNeed), while the file may have been written for the GOPATH-era Go its tag named then
 * (review of 2026-12-06k: methuforecasttimelapse, heartbeats, jinya-api). A go.mod is shown by the build context (in
 * the working directory or above, where a COPY or ADD brings it), by a COPY that names it, or by a `go mod init`
 * before the build; .go files named on the command line need none when the context shows they import only the
 * standard library.
 */
function newestGoUnshown(input: PresetInput, b: GoBuild): string | null {
  const need = goModuleNeed(b.command.words);
  if (need === 'none') return null;
  const { model, analysis, context } = input;
  if (need === 'files') {
    const files = goBuildPackages(b.command.words, goSubcommand(b.command.words) ?? '').map((f) => contextSourceOf(model, analysis, joinPath(b.command.cwd, f)));
    const texts = files.map((f) => (f !== null && 'file' in f ? context.read(f.file) : null));
    if (texts.every((t) => t !== null && goImportsOnlyStd(t))) return null;
  }
  // the working directory and every directory above it
  const dirs = enclosing(b.command.cwd).filter(Boolean);
  const named = contextCopiesBefore(input, b).some(({ ins, dest }) => dest !== null && ins.sources.some((w) => w.split('/').pop() === 'go.mod') && dirs.some((d) => d === dest || joinPath(d, 'go.mod') === dest));
  const initialised = [...analysis.runs].some(([index, run]) => index <= b.index && run.commands.some((c) => (index < b.index || c.start < b.command.start) && goSubcommand(c.words) === 'mod' && c.words.includes('init') && dirs.includes(c.cwd)));
  const inContext =
    context.known &&
    dirs.some((d) => {
      const source = contextSourceOf(model, analysis, joinPath(d, 'go.mod'));
      return source !== null && 'file' in source && context.exists(source.file);
    });
  if (named || initialised || inContext) return null;
  return context.known ? 'the build context has no go.mod where it builds' : 'no build context to look for a go.mod, and the file copies none';
}

type Cgo = 'off' | 'on' | 'unknown';

/** Whether the binary links C: explicit CGO_ENABLED, external linking, or `import "C"` in the sources. */
function cgoState(input: PresetInput, builds: GoBuild[]): { state: Cgo; explicitOff: boolean; why: string } {
  const values = builds.map((b) => envAt(input, b).get('CGO_ENABLED'));
  if (values.some((v) => v === '1')) return { state: 'on', explicitOff: false, why: 'CGO_ENABLED=1 is set' };
  // a build in an onbuild image's trigger (`golang:1.8-onbuild`) runs as the image wrote it: no CGO_ENABLED=0 can be set on it
  const trigger = builds.find((b, k) => values[k] !== '0' && isInserted(input.model, b.index));
  if (trigger) return { state: 'unknown', explicitOff: false, why: `\`${trigger.command.words.slice(0, 2).join(' ')}\` runs in an ONBUILD trigger of ${input.model.onbuild!.image}, where CGO_ENABLED=0 cannot be set` };
  if (builds.some((b) => b.command.words.some((w) => /linkmode[= ]external/.test(w)) || b.command.words.includes('-linkmode'))) return { state: 'on', explicitOff: false, why: '-linkmode external' };
  if (values.length && values.every((v) => v === '0')) return { state: 'off', explicitOff: true, why: 'CGO_ENABLED=0 is set' };
  // a Makefile may set CGO_ENABLED, link with -linkmode external, or build with cgo where the builder has a compiler
  const byMakefile = builds.find((b) => b.make);
  if (byMakefile) return { state: 'unknown', explicitOff: false, why: `\`${byMakefile.command.words.join(' ')}\` builds as its Makefile says` };
  // what `go get` fetches is not in the build context: whether it imports "C" is not known
  const fetched = builds.find((b) => b.command.words[1] === 'get');
  if (fetched) return { state: 'unknown', explicitOff: false, why: `\`${fetched.command.words.join(' ')}\` builds sources the build context does not hold` };
  if (!input.context.known) return { state: 'unknown', explicitOff: false, why: 'no build context to look for import "C"' };
  const goFiles = input.context.find((p) => p.endsWith('.go'));
  if (!goFiles.length) return { state: 'unknown', explicitOff: false, why: 'no .go files in the build context' };
  const withC = goFiles.find((f) => /import\s+(\(\s*[^)]*)?"C"/.test(input.context.read(f) ?? ''));
  if (withC) return { state: 'on', explicitOff: false, why: `${withC} imports "C"` };
  return { state: 'off', explicitOff: false, why: 'no .go file imports "C"' };
}

/** Why the runtime needs /bin/sh, or null. */
function shellNeed(input: PresetInput, runtimeRuns: number[]): string | null {
  for (const ins of input.model.instructions) {
    if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && !ins.plain) return `${ins.keyword} uses shell features`;
    if ((ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') && (ins.words[0] ?? '').endsWith('.sh')) return `${ins.keyword} runs a shell script`;
    if (ins.keyword === 'HEALTHCHECK' && ins.form === 'shell') return 'HEALTHCHECK uses the shell form';
    if (ins.keyword === 'HEALTHCHECK' && ['curl', 'wget'].includes(ins.command?.json?.[0] ?? '')) return 'HEALTHCHECK calls curl/wget';
  }
  if (runtimeRuns.length) return `line ${input.model.instructions[runtimeRuns[0]!]!.line} must run in the runtime stage`;
  const user = input.analysis.finalUser;
  if (user && !/^(root|0|\d+(:\d+)?|nonroot|65532)$/.test(user)) return `USER ${user} is created in the image`;
  return null;
}

/**
 * `go-wrapper run ARGS`, the golang images' helper before 1.10, as the command the container starts: it execs the
 * binary `go-wrapper install` put in the GOPATH's bin, named after the import path the package in the working
 * directory declares (an import comment on its package clause, or a .godir file: `$GOPATH/bin/<last element>`), else
 * after the working directory itself (`app`, looked up on PATH), with ARGS (an ENTRYPOINT's CMD among them). The
 * runtime stage starts that binary: the wrapper is the image's, and it asks `go list` for the name. The name comes
 * from the sources in the build context; without them the working directory's is unproven. Null when the container
 * does not start `go-wrapper run` or no `go-wrapper install` ran in its working directory.
 */
function goWrapperRun(input: PresetInput, builds: readonly GoBuild[]): { command: CommandRewrite; unproven: Finding | null } | null {
  const start = startCommand(input.model);
  if (!start || (start.words[0] ?? '').split('/').pop() !== 'go-wrapper' || start.words[1] !== 'run') return null;
  // the container starts in the stage's last working directory, after every step, wherever the CMD stands
  const cwd = containerWorkdir(input.model, input.analysis);
  const installs = builds.filter((b) => b.command.cwd === cwd && /^go-wrapper\s+install\b/.test(input.model.instructions[b.index]!.args.slice(b.command.start, b.command.end)));
  const install = installs.at(-1);
  if (!install) return null;
  const line = input.model.instructions[install.index]!.line;
  const gopath = envAt(input, install).get('GOPATH')?.split(':')[0] ?? '/go';
  // the context directory copied to the working directory: where its .go files and .godir are
  const source = contextSourceOf(input.model, input.analysis, joinPath(cwd, '.godir'));
  const dir = source && 'file' in source ? source.file.replace(/\/?\.godir$/, '') : null;
  const goFiles = dir === null ? [] : input.context.find((f) => f.endsWith('.go') && !f.endsWith('_test.go') && f.replace(/\/?[^/]*$/, '') === dir);
  const declared = dir === null ? null : (goFiles.map((f) => importComment(input.context.read(f) ?? '')).find((d) => d !== null) ?? input.context.read(joinPath(`/${dir}`, '.godir').slice(1))?.trim() ?? null) || null;
  const name = declared ? `${gopath}/bin/${declared.split('/').pop()}` : (cwd.split('/').filter(Boolean).pop() ?? 'app');
  const known = goFiles.length > 0;
  return {
    command: {
      index: start.ins.index,
      words: [name, ...start.words.slice(2)],
      why: `\`go-wrapper run\` execs ${name}, which \`go-wrapper install\` on line ${line} built${known ? (declared ? ` (the sources declare the import path ${declared})` : ' (the sources declare no import path)') : ''}; the binary starts without the toolchain or the wrapper`,
    },
    unproven: known ? null : { id: 'unproven-go-wrapper-binary', data: { name, cwd }, line: start.ins.line },
  };
}

/** The import path a Go file's package clause declares in its import comment (`package main // import "x.org/y"`), or null. */
function importComment(text: string): string | null {
  return /^package\s+\w+\s*(?:\/\/|\/\*)\s*import\s+"([^"]+)"/m.exec(text)?.[1] ?? null;
}

export default {
  id: 'go',
  summary: 'compile in the builder; the runtime stage holds only the binary (distroless static, distroless base with cgo, or Debian slim)',
  detect(input) {
    const builds = goBuilds(input);
    return builds.length ? `\`${builds[0]!.command.words.slice(0, 2).join(' ')}\` on line ${input.model.instructions[builds[0]!.index]!.line}` : null;
  },
  decide(input) {
    const builds = goBuilds(input);
    const declines: Finding[] = [];
    const findings: Finding[] = [];
    const edits: BuilderEdit[] = [];
    const cgo = cgoState(input, builds);
    // the binary is the artifact; other build outputs (generated files) follow the generic rules
    const artifacts: Artifact[] = [];
    // the mv and cp commands that carry a binary off
    const carriers = new Set<RunCommand>();
    const main = provenMainPackages(input, builds);
    // a go get beside the build of the program the container starts installs nothing the runtime stage needs
    const unused = unusedGoGets(input, builds);
    // what each make build leaves (the other makes of the file are steps around the build: `make clean` after the
    // program was carried off)
    const madeBy = new Map(builds.filter((b) => b.make).map((b) => [b, madePrograms(input, b)]));
    for (const b of builds) {
      if (unused.has(b)) continue;
      const line = input.model.instructions[b.index]!.line;
      if (b.make) {
        const made = madeBy.get(b)!;
        if (b === builds.at(-1) && ![...madeBy.values()].some((m) => m.length))
          declines.push({ id: 'output-not-located', data: { why: `\`${b.command.words.join(' ')}\` on ${input.builderImage} builds as its Makefile says: no mv or cp of its RUN carries a program out of ${makeDir(b.command)}, and the container starts none from there` }, line });
        for (const m of made) {
          if (m.carrier) carriers.add(m.carrier);
          artifacts.push({ path: m.path, producer: b.index, why: { id: 'artifact-output', data: { path: m.path, command: (m.carrier ?? b.command).words.slice(0, 3).join(' ') }, line } });
        }
        continue;
      }
      const library = notMainPackage(input, b);
      if (library) {
        declines.push({ id: 'output-not-located', data: { why: library }, line });
        continue;
      }
      const installed = binariesOf(input, b);
      // a binary a later mv or cp of the same RUN carries off (`go build && mv app /usr/local/bin/`) is where it lands
      const commands = input.analysis.runs.get(b.index)!.commands;
      const carried = installed.length || !b.command.produced.length ? [] : b.command.produced.map((p) => carriedOut(commands, commands.indexOf(b.command), p));
      const landed = carried.every((c) => c !== null) ? carried : [];
      if (!installed.length && !landed.length) declines.push({ id: 'output-not-located', data: { why: `\`${b.command.words.join(' ')}\` names no single binary` }, line });
      for (const path of installed.filter((o) => o.includes('$'))) declines.push({ id: 'output-not-located', data: { why: `${path} depends on a variable dfsplit cannot resolve` }, line });
      for (const path of installed.filter((o) => !o.includes('$'))) artifacts.push({ path, producer: b.index, why: { id: 'artifact-output', data: { path, command: b.command.words.slice(0, 3).join(' ') }, line } });
      for (const { at } of landed) carriers.add(commands[at]!);
      for (const { path, at } of landed) artifacts.push({ path, producer: b.index, why: { id: 'artifact-output', data: { path, command: commands[at]!.words.slice(0, 3).join(' ') }, line } });
    }
    if (cgo.state === 'off' && !cgo.explicitOff) {
      for (const b of builds) {
        const ins = input.model.instructions[b.index]!;
        if (ins.json || ins.heredoc) continue;
        edits.push({ kind: 'assign', index: b.index, at: b.command.start, name: 'CGO_ENABLED', value: '0' });
      }
      findings.push({ id: 'cgo-disabled' });
    }
    const sources = leaveSources(input, { language: GO_SOURCES, cwds: builds.map((b) => (b.make ? makeDir(b.command) : b.command.cwd)), producer: Math.max(...builds.map((b) => b.index)), what: 'binary', keptId: 'go-sources-kept' });
    const drop = sources.drop;
    artifacts.push(...sources.artifacts);
    findings.push(...sources.findings);
    const runtimeRuns = input.analysis.classifications.filter((c) => c.keyword === 'RUN' && c.phase !== 'build').map((c) => c.index);
    const needShell = shellNeed(input, runtimeRuns);
    const builderLibc = libcOf(input.builderImage);
    const { distroless: GLIBC, slim: DEBIAN_SLIM } = glibcRuntimes(input.builderImage);
    // a musl builder's binaries run on alpine of the builder's release (its tag's, or a frozen tag's); a tag that
    // still moves fixes none, and the plain `alpine` it gets then is proven only by a build when the binary links musl
    const release = builderLibc === 'musl' ? buildRelease(input.builderImage) : null;
    const alpine = release?.distribution === 'alpine' ? `alpine:${release.release}` : 'alpine';
    const requested = input.requestedRuntimeBase;
    let image: string;
    let why: string;
    if (requested) {
      image = requested;
      why = 'chosen with --runtime-base';
      if (cgo.state !== 'off' && libcOf(requested) === 'none') declines.push({ id: 'cgo-on-scratch', data: { image: requested } });
      if (needShell && !hasShell(requested)) declines.push({ id: 'shell-needed', data: { keyword: needShell, image: requested } });
    } else if (needShell) {
      // a distribution's own image (alpine, debian, ubuntu) stays; other builders give way to the smallest one of their C library
      image = isDistributionImage(input.builderImage) ? input.builderImage : builderLibc === 'musl' ? alpine : DEBIAN_SLIM;
      why = `${needShell}, so the runtime needs a shell`;
    } else if (cgo.state === 'off') {
      image = STATIC;
      why = `static binary (${cgo.why}): no shell or C library needed`;
    } else {
      // a distribution's own image whose glibc distroless may not match (centos, ubuntu, a floating debian tag) stays
      image = isDistributionImage(input.builderImage) && (builderLibc === 'musl' || !glibcRunsOn(input.builderImage, GLIBC)) ? input.builderImage : builderLibc === 'musl' ? alpine : GLIBC;
      why = cgo.state === 'on' ? `the binary links C (${cgo.why}): it needs ${builderLibc === 'musl' ? 'musl' : 'glibc'}` : `cgo cannot be ruled out (${cgo.why}): a C library is kept`;
    }
    // a cgo binary links the builder's glibc: it runs on another image only of the same release or a newer one; a
    // tag that still moves (`golang:latest`, now trixie) fixes no release, whatever the image table assumes for it
    // (and a musl one the musl of the same Alpine release or a newer one: the plain `alpine` tag, the newest
    // release, is never older than what a golang Alpine tag was built on, so only a pinned Alpine tag is unproven)
    const builderRelease = builderLibc === 'musl' ? (release?.release ?? null) : (distributionOf(input.builderImage)?.release ?? null);
    const moves = cgo.state !== 'off' && image !== input.builderImage;
    const unproven: Finding[] = (moves && libcOf(image) === 'glibc' && !glibcRunsOn(input.builderImage, image)) || (moves && libcOf(image) === 'musl' && builderLibc === 'musl' && builderRelease === null && !NEWEST_ALPINE.has(image)) ? [{ id: 'unproven-release', data: { from: input.builderImage, to: image } }] : [];
    unproven.push(...sources.unproven);
    // a copy of the whole build context the preset could not place among the sources (`COPY . ${GOPATH}/src/x`, a
    // destination it cannot resolve) stays beside the binary as well: the same choice, accepted by a build
    if (!sources.unproven.length) {
      const whole = input.model.stages[0]!.instructions.map((i) => input.model.instructions[i]!).find((ins) => (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null && !drop.has(ins.index) && ins.sources.length > 0 && ins.sources.every((w) => w === '.' || w === './'));
      if (whole) unproven.push({ id: 'unproven-sources-kept', data: { what: 'binary', why: `line ${whole.line} copies the whole build context, and dfsplit reads no sources there` }, line: whole.line });
    }
    // Go's own resolver asks DNS before /etc/hosts where /etc/nsswitch.conf is missing (alpine before 3.16)
    const producer = Math.max(...builds.map((b) => b.index));
    if (hasNsswitchConf(image, distributionOf(image)?.release ?? null) === false) {
      const builderHas = hasNsswitchConf(input.builderImage, builderRelease);
      if (builderHas === true) artifacts.push({ path: NSSWITCH, producer, fromImage: true, why: { id: 'image-files-copied', data: { path: NSSWITCH, what: "resolver order (hosts: files dns) for Go's own resolver", builder: input.builderImage, image } } });
      else if (builderHas === null) unproven.push({ id: 'unproven-nsswitch', data: { builder: input.builderImage, image } });
    }
    // Go's time package reads the toolchain's $GOROOT/lib/time/zoneinfo.zip where the system has no time zone
    // database: on a golang Alpine image, which has no tzdata, a program that loads a zone (`ENV TZ`,
    // time.LoadLocation) found it there (review precision-2026-12-07r: a TZ gone silently to UTC). A runtime base
    // without the database gets that file at the same path (GOROOT, which the binary keeps from its build)
    const tzdata = [...input.analysis.runs.values()].some((run) => run.commands.some((c) => c.install?.packages.includes('tzdata')));
    if (parseImage(input.builderImage).name === 'golang' && hasZoneinfo(input.builderImage) === false && !tzdata && hasZoneinfo(image) !== true)
      artifacts.push({ path: GO_ZONEINFO, producer, fromImage: true, why: { id: 'image-files-copied', data: { path: GO_ZONEINFO, what: "Go toolchain's time zones (Go reads them where the system has none)", builder: input.builderImage, image } } });
    // `go get pkg` installs a binary only when pkg is a main package; a library (`go get github.com/gorilla/mux`)
    // installs none, and the copy of $GOPATH/bin/<name> would fail (issue 23 item 4): only a build tells them apart,
    // unless the original runs that binary (provenMainPackages). A program of a GOPATH checkout may read its templates
    // and static files from $GOPATH/src at run time (go.rice boxes next to the source file, a default path under
    // $GOPATH: review of 2026-12-06, linx-server, reinvent-sessions-api), and a later RUN may work in the checkout
    // (blog): the runtime stage copies the GOPATH's sources as the builder left them, which keeps GOPATH set too
    for (const b of builds) if (b.command.words[1] === 'get' && !main.has(b) && !unused.has(b)) unproven.push({ id: 'unproven-go-get', data: { command: b.command.words.join(' ') }, line: input.model.instructions[b.index]!.line });
    // a program built from sources go fetched (`go get pkg`, `go install pkg@version`) that no build context holds: what
    // it runs (a shell, git, curl: jane runs its checks through /bin/sh -c; review of 2026-12-06) is never read,
    // so its move onto an image without the builder's programs is proven only by a build (as src/proof.ts's
    // unproven-download and unproven-start-script are for code no context shows)
    const lost = toolsLost(input.builderImage, image);
    for (const b of builds)
      if (!unused.has(b) && (main.has(b) || (goSubcommand(b.command.words) === 'install' && b.command.words.some((w) => /^[\w.-]+\.[a-z]+\/.*@/.test(w))) || buildsFetchedSources(input, b)) && (lost.length || !hasShell(image)))
        unproven.push({ id: 'unproven-fetched-program', data: { command: b.command.words.join(' '), from: input.builderImage, to: image, tools: (lost.length ? lost : ['a shell']).slice(0, 4).join(', ') }, line: input.model.instructions[b.index]!.line });
    // what a Makefile builds, and how, is read nowhere (makeBuilds)
    for (const b of builds)
      if (b.make && !unproven.some((u) => u.id === 'unproven-make-build' && u.line === input.model.instructions[b.index]!.line))
        for (const a of artifacts.filter((x) => x.producer === b.index && !x.fromImage).slice(0, 1)) unproven.push({ id: 'unproven-make-build', data: { command: b.command.words.join(' '), image: input.builderImage, path: a.path }, line: input.model.instructions[b.index]!.line });
    // a builder pinned from a tag naming no Go version builds with today's Go (newestGoUnshown)
    if (input.pinnedFrom && goVersion(input.pinnedFrom) === null)
      for (const b of builds) {
        const why = newestGoUnshown(input, b);
        if (why === null) continue;
        unproven.push({ id: 'unproven-newest-go', data: { command: b.command.words.join(' '), from: input.pinnedFrom, to: input.builderImage, why }, line: input.model.instructions[b.index]!.line });
        break;
      }
    const fetched = new Set<string>();
    // the container's working directory inside the sources a `go get` fetched (`WORKDIR $GOPATH/src/x/server`, `go
    // build` there, `ENTRYPOINT ["./server"]`): the program reads its configuration and data from there, relative to it
    const workdir = containerWorkdir(input.model, input.analysis);
    const runsIn = (b: GoBuild) => {
      const path = fetchedSources(input, b);
      const pkg = goGetPackage(b.command.words);
      if (path === null || pkg === null) return false;
      // in the package's own directory or the checkout above it (the repository: host and two more segments)
      const checkout = joinPath(path, pkg.split('/').slice(0, 3).join('/'));
      return isInside(workdir, checkout);
    };
    for (const b of builds) {
      // (the sources of a tool only the build ran stay with it)
      if ((!main.has(b) && !runsIn(b)) || unused.has(b)) continue;
      const path = fetchedSources(input, b);
      if (path === null || path.includes('$') || fetched.has(path)) continue;
      fetched.add(path);
      artifacts.push({ path, producer, why: { id: 'artifact-output', data: { path, command: b.command.words.join(' ') }, line: input.model.instructions[b.index]!.line } });
    }
    // another build step whose outputs cannot be named (`make compile`, a build script) may write files beside the
    // binary that the runtime stage would lack (a version file the image's tooling reads: review of 2026-12-06,
    // contiv/netplugin): only a build tells what it writes
    const goCommands = new Set(builds.map((b) => b.command));
    // what another command of a RUN that builds Go writes where it names is the image's too: a file a mv or cp put
    // in place whenever the RUN succeeds (`mv templates /templates`, read by the program at run time) is copied;
    // anything else (a mv in a branch or a subshell, a download, a generated file, a copy into a directory every
    // image has) only a build tells apart from an intermediate
    for (const index of new Set(builds.map((b) => b.index))) {
      const line = input.model.instructions[index]!.line;
      const commands = input.analysis.runs.get(index)!.commands;
      for (const [k, c] of commands.entries()) {
        if (goCommands.has(c) || carriers.has(c)) continue;
        for (const path of c.outputs.filter((o) => !artifacts.some((a) => isInside(o, a.path)))) {
          if (c.kind === 'file-move' && ranIfBuilt(commands, k) && !path.includes('$') && !systemDir(path) && !imageDir(path)) artifacts.push({ path, producer: index, why: { id: 'artifact-output', data: { path, command: c.words.slice(0, 3).join(' ') }, line } });
          else if (!unproven.some((u) => u.id === 'unproven-output' && u.line === line)) unproven.push({ id: 'unproven-output', data: { path }, line });
        }
      }
    }
    for (const [index, run] of input.analysis.runs)
      for (const c of run.commands)
        if (c.kind === 'build' && c.unnamedOutputs && !goCommands.has(c) && input.analysis.classifications.find((x) => x.index === index)?.phase === 'build') {
          unproven.push({ id: 'unproven-output', data: { path: c.cwd }, line: input.model.instructions[index]!.line });
          break;
        }
    // `go-wrapper run` starts the binary the wrapper installed
    const wrapper = goWrapperRun(input, builds);
    if (wrapper?.unproven) unproven.push(wrapper.unproven);
    return {
      runtimeBase: { image, why },
      ...(wrapper ? { command: wrapper.command } : {}),
      unproven,
      artifacts,
      builderEdits: edits,
      dropFromRuntime: drop,
      execForm: !hasShell(image),
      declines,
      findings,
    };
  },
} satisfies Preset;
