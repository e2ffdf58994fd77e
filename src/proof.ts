// How a conversion is proven (issue 23, "proof levels"): `static` when every fact its strategy relies on
// is known from data (the images' rows in the image table, the artifact's location by the ecosystem's
// rules, every replayed command proven safe by what dfsplit knows of it); `build` when only building both
// images and comparing them can show it works. dfsplit writes a build-level conversion only under
// --verify (src/cli-run.ts), which builds and compares; without it the file is declined `needs-verify`.
import { classificationOf, copyDestination, type Analysis } from './analyze/index.js';
import { cachesLeft } from './analyze/left-behind.js';
import { installerScript, type RunCommand } from './analyze/run.js';
import { checkoutOf, commandOf, familyOf, linksBeyondLibc, fileReplay, installDirectories, isNeutral, nodeManager, packageCommand, pathUse, type FileReplay } from './commands/index.js';
import { requirementsOf, upgradesPipOnly } from './commands/python.js';
import { operands } from './commands/options.js';
import { builtOnBuildpackDeps, distributionOf, imageSizeMB, isDebianSlim, isHeadlessJava, knownImage, libcOf, slimVariant } from './images.js';
import { installPrefixesUnproven, installPrefixProof } from './install-prefix.js';
import { unpackDirectory } from './commands/archive.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import { insideAny, isInside, joinPath } from './paths.js';
import type { Artifact } from './preset.js';
import { landingPaths } from './runtime-removed.js';
import { artifactDestinations, landsAt, surelyDeletes, type RuntimeStep } from './runtime-stage.js';
import { IMAGE_FILES, last } from './runtime-contract.js';
import { buildRelease, releaseOfImage } from './tags.js';
import { isArchived } from './knowledge/releases.js';
import { JAVA_NEEDS_MAN_DIRS } from './knowledge/java.js';
import { imageDir, systemDir } from './knowledge/secrets.js';

export type ProofLevel = 'static' | 'build';

/** A conversion's proof: its level and, for `build`, each fact only a build can prove. */
export interface Proof {
  level: ProofLevel;
  unproven: Finding[];
}

interface ProofInput {
  model: Model;
  analysis: Analysis;
  /** The preset that decided the split, or null for the generic split. */
  preset: string | null;
  builderImage: string;
  runtimeBase: string;
  artifacts: readonly Artifact[];
  /** The generic split's artifacts left out because the build deletes them again (the plan's `artifact-deleted`). */
  deleted: readonly Artifact[];
  /** The runtime stage after its FROM, as printed. */
  steps: readonly RuntimeStep[];
  /** What the preset itself says only a build can prove, and the runtime packages the plan could not name for the runtime base (src/runtime-libraries.ts). */
  presetUnproven: readonly Finding[];
  /** True when the artifacts are the generic split's (no preset named them by its ecosystem's rules). */
  genericArtifacts: boolean;
}

/**
 * Whether a command may link libraries of the image it runs on: a build system's step (make, cmake, a configure
 * script, meson, ...: src/commands/build-systems.ts), which finds what the image's -dev packages provide, or a
 * compiler (src/commands/compilers.ts) linking a library beyond the C library's own (`-lpq`).
 */
function linksImageLibraries(c: RunCommand): boolean {
  const family = familyOf(c.words[0] ?? '')?.id;
  if (family === 'build-systems') return true;
  return family === 'compilers' && linksBeyondLibc(c.words);
}

/** The proof level of a split the plan is about to write, and what is unproven. */
export function proofOf(input: ProofInput): Proof {
  const unproven: Finding[] = [...input.presetUnproven];
  // the directories the builder's own build steps name (`--out-dir /opt/site`, `-o /srv/app`): what they write there
  // only a build tells (builtSource)
  const namedByBuild = [...input.analysis.runs].flatMap(([index, run]) =>
    input.model.instructions[index]?.stage === 0 && classificationOf(input.analysis, index)?.phase === 'build'
      ? run.commands
          .filter((c) => c.kind === 'build' || c.kind === 'generate')
          .flatMap((c) =>
            c.words
              .slice(1)
              .map((w) => w.replace(/^-[\w-]*=/, ''))
              .filter((w) => w.startsWith('/') && w !== '/' && !w.includes('$') && !systemDir(w) && !imageDir(w)),
          )
      : [],
  );
  // images outside the table: no tool path, home, user or release is assumed about them (item 12)
  for (const image of new Set([input.builderImage, input.runtimeBase])) if (!knownImage(image)) unproven.push({ id: 'unproven-image', data: { image } });
  // a glibc binary may only move to a runtime of its builder's release (item 12): the same image or its
  // slim variant are; another image is only when the builder's tag fixes its release
  if (nativeBinaryMoves(input) && (distributionOf(input.builderImage)?.release == null || buildRelease(input.builderImage) === null)) unproven.push({ id: 'unproven-release', data: { from: input.builderImage, to: input.runtimeBase } });
  // a C or C++ build (the compilers' and build systems' families) on an official image built on buildpack-deps, whose
  // -dev packages a configure step finds and links (ffmpeg's autodetected libxcb, brought by libmagickwand-dev),
  // moving onto an image without them (the slim variant): what the program links is known only from a build
  if (input.runtimeBase !== input.builderImage && builtOnBuildpackDeps(input.builderImage) && !isDebianSlim(input.builderImage) && (isDebianSlim(input.runtimeBase) || !builtOnBuildpackDeps(input.runtimeBase))) {
    const phase = (index: number) => classificationOf(input.analysis, index)?.phase;
    const native = [...input.analysis.runs].flatMap(([index, run]) => (input.model.instructions[index]?.stage === 0 && phase(index) === 'build' ? run.commands.filter(linksImageLibraries).map((c) => ({ index, c })) : []))[0];
    if (native) unproven.push({ id: 'unproven-full-image-libs', data: { command: native.c.words.slice(0, 2).join(' '), from: input.builderImage, to: input.runtimeBase }, line: input.model.instructions[native.index]!.line });
  }
  // outputs dfsplit cannot name: the working directory is copied (or deleted by the build), and what the
  // build installs elsewhere is not (item 5)
  for (const a of [...input.artifacts, ...input.deleted]) if (input.genericArtifacts && a.why.id === 'artifact-workdir' && !ecosystemDirectory(input.model, input.analysis, a)) unproven.push({ id: 'unproven-output', data: { path: a.path }, ...(a.why.line !== undefined ? { line: a.why.line } : {}) });
  // packages an install run in / put in /node_modules (src/artifacts.ts): an install of the project's own
  // dependencies makes it only when the package.json lists some, and a container started through the package
  // manager reads the manifest and lockfile the install left beside it, which are not copied
  const startsThroughManager = [last(input.model, 'ENTRYPOINT'), last(input.model, 'CMD')].some((ins) => ins && nodeManager((ins.json ?? ins.command.trim().split(/\s+/))[0] ?? '') !== undefined);
  for (const a of input.artifacts) {
    if (a.why.id !== 'artifact-root-packages') continue;
    const why = startsThroughManager ? 'the container starts through the package manager, which reads the manifest and lockfile the install wrote in /, not copied' : a.why.data?.named ? null : 'the directory exists only when the package.json the install reads lists dependencies';
    if (why) unproven.push({ id: 'unproven-root-packages', data: { path: a.path, command: String(a.why.data?.command), why }, ...(a.why.line !== undefined ? { line: a.why.line } : {}) });
  }
  // a downloaded file that a command the runtime stage repeats installs or unpacks (`dpkg -i dumb-init_*.deb`), or
  // any downloaded file beside a preset's artifacts, on another image than the builder's: nothing in the file says
  // what it needs there (a .deb's dependencies the full image had). Where the original's download was repeated on
  // the slim variant, the runtime stage ran the same commands on the same file
  if (input.runtimeBase !== input.builderImage) {
    const downloads = new Set(input.analysis.classifications.flatMap((c) => (c.reason === 'run-download' ? [c.index] : [])));
    // (a file an ADD downloads is copied only for the container to start it: always a program of unknown needs)
    const addedAt = new Set(input.analysis.classifications.flatMap((c) => (c.reason === 'add-url' ? [c.index] : [])));
    const named = input.steps.flatMap((s) => (s.keyword === 'RUN' ? s.commands.flatMap((c) => c.words.slice(1).map((w) => joinPath(c.cwd, w))) : []));
    for (const a of input.artifacts) {
      // beside a preset's artifacts the runtime base is the preset's (distroless, a JRE), farther from the builder's than its slim variant
      if (!addedAt.has(a.producer) && (!downloads.has(a.producer) || (input.genericArtifacts && !named.some((p) => p === a.path || globMatches(p, a.path))))) continue;
      unproven.push({ id: 'unproven-download', data: { path: a.path, command: String(a.why.data?.command ?? ''), from: input.builderImage, to: input.runtimeBase }, ...(a.why.line !== undefined ? { line: a.why.line } : {}) });
    }
    // a checkout a clone makes (`git clone URL /statsd`) that the runtime stage copies, or holds what it copies: the
    // application's own code, which no build context shows, so what it runs there is never read (the rule of
    // unproven-start-script and unproven-fetched-program: code a context would show is read, code none shows is build level)
    const checkouts = [...input.analysis.runs].flatMap(([index, run]) => (input.model.instructions[index]?.stage === 0 ? run.commands.filter((c) => checkoutOf(c.words) === 'checkout').flatMap((c) => c.produced.map((dir) => ({ dir, c, line: input.model.instructions[index]!.line }))) : []));
    for (const { dir, c, line } of checkouts) if (input.artifacts.some((a) => isInside(a.path, dir) || isInside(dir, a.path))) unproven.push({ id: 'unproven-download', data: { path: dir, command: c.words.slice(0, 3).join(' '), from: input.builderImage, to: input.runtimeBase }, line });
    // an archive the same RUN downloads and unpacks into a copied directory (`curl -o t.zip URL && unzip t.zip`
    // in the app's WORKDIR): a program of unknown needs inside the app (texcount-bot's texcount.pl wants the full
    // image's Perl modules; review-2026-12-06g)
    // (also an archive an earlier `ADD URL` brought: `ADD https://.../app.zip /opt/app/` then `cd /opt/app && unzip app.zip`)
    const copied = new Set(input.artifacts.map((a) => a.path));
    const added = input.analysis.classifications.flatMap((c) => {
      const ins = input.model.instructions[c.index]!;
      return c.reason === 'add-url' && (ins.keyword === 'ADD' || ins.keyword === 'COPY') ? (landingPaths(ins, input.analysis.scopes.get(ins.index) ?? '/') ?? []) : [];
    });
    for (const [index, run] of input.analysis.runs) {
      if (input.model.instructions[index]?.stage !== 0) continue;
      const fetched = run.commands.findIndex((c) => c.kind === 'fetch');
      for (const [at, c] of run.commands.entries()) {
        const into = unpackDirectory(c.words, c.cwd);
        const archive = c.words.slice(1).some((w) => added.includes(joinPath(c.cwd, w)));
        if (into === null || ((fetched < 0 || at < fetched) && !archive)) continue;
        if (!insideAny(into, copied)) continue;
        unproven.push({ id: 'unproven-download', data: { path: into, command: `${archive ? 'ADD' : run.commands[fetched]!.words[0]} ... && ${c.words.join(' ')}`, from: input.builderImage, to: input.runtimeBase }, line: input.model.instructions[index]!.line });
        break;
      }
    }
  }
  // a file a command of the builder writes by redirection (`npm install && echo "listen 80" > /etc/app.conf`) that the
  // runtime stage neither copies nor writes again: the original image has it, the runtime stage does not
  const replayedWords = new Set(input.steps.flatMap((s) => (s.source === null ? [] : s.commands.map((c) => `${s.source} ${c.words.join(' ')}`))));
  const landed = artifactDestinations(input.steps);
  for (const [index, run] of input.analysis.runs) {
    if (input.model.instructions[index]?.stage !== 0) continue;
    for (const [at, c] of run.commands.entries()) {
      if (replayedWords.has(`${index} ${c.words.join(' ')}`)) continue;
      // (a file a later command of the same RUN deletes, `echo ... > sha1sums.txt && sha1sum -c ... && rm sha1sums.txt`, is in no image)
      const lost = c.writes.find((w) => w.startsWith('/') && !/^\/(tmp|dev|proc|var\/tmp)(\/|$)/.test(w) && !landed.some((d) => isInside(w, d)) && !run.commands.slice(at + 1).some((x) => surelyDeletes(x, w)));
      if (lost) unproven.push({ id: 'unproven-dropped-write', data: { path: lost, command: c.words.slice(0, 2).join(' ') }, line: input.model.instructions[index]!.line });
    }
  }
  // an archive unpacked into /opt or /home: only the entries the file names are copied (src/artifacts.ts)
  const unpacked = new Map<string, Artifact[]>();
  for (const a of input.artifacts) if (a.why.id === 'artifact-unpacked') unpacked.set(String(a.why.data?.command), [...(unpacked.get(String(a.why.data?.command)) ?? []), a]);
  for (const [command, list] of unpacked) unproven.push({ id: 'unproven-unpack-entries', data: { command, dir: String(list[0]!.why.data?.dir), paths: list.map((a) => a.path).join(', ') }, ...(list[0]!.why.line !== undefined ? { line: list[0]!.why.line } : {}) });
  // what the stage's copies so far put in place (one set, grown step by step: a new one per RUN was quadratic)
  const copied = new Set<string>();
  // an install dfsplit adds (a tool CMD or HEALTHCHECK calls, the runtime libraries of what it leaves behind) on a
  // runtime base whose release is not known: neither the package names nor whether the base already has them
  // (node's jessie-era slim tags carry curl) nor whether its archive is still served are known (review after-2026-12-05)
  const runtimeRelease = releaseOfImage(input.runtimeBase);
  const addedInstallUnproven = input.runtimeBase !== input.builderImage && (runtimeRelease?.release == null || isArchived(runtimeRelease));
  const slimRuntime = input.runtimeBase !== input.builderImage && isDebianSlim(input.runtimeBase);
  // a download over HTTPS the stage repeats needs the CA certificate bundle, and a command that reads the time zone
  // database (`cp /usr/share/zoneinfo/Asia/Shanghai /etc/localtime`) needs tzdata: the builder's image had them (or
  // the original's own install brought them), a runtime base may not (node's later slim tags purge ca-certificates,
  // and Debian dropped tzdata from its required set with bookworm)
  const present = new Map(IMAGE_FILES.map((f) => [f, input.runtimeBase === input.builderImage || f.has(input.runtimeBase) === true]));
  input.steps.forEach((step, at) => {
    for (const f of IMAGE_FILES) if (step.packages?.includes(f.pkg) || (step.artifact && landsAt(step.artifact).some((p) => isInside(f.path, p)))) present.set(f, true);
    for (const c of step.source !== null && step.keyword === 'RUN' ? step.commands : [])
      for (const f of IMAGE_FILES) {
        if (c.install?.packages.includes(f.pkg)) present.set(f, true);
        else if (!present.get(f) && f.neededBy(c)) {
          present.set(f, true);
          unproven.push({ id: f.unproven, data: { command: c.words.slice(0, 3).join(' '), image: input.runtimeBase }, line: input.model.instructions[step.source!]!.line });
        }
      }
    if (step.artifact) for (const p of landsAt(step.artifact)) copied.add(p);
    else if (step.keyword === 'COPY' || step.keyword === 'ADD') {
      const ins = step.source === null ? null : input.model.instructions[step.source]!;
      // what it puts in place (`COPY package.json ./` brings /app/package.json, not all of /app), else where it lands
      const scope = ins ? (input.analysis.scopes.get(ins.index) ?? '/') : '/';
      const landed = ins && (ins.keyword === 'COPY' || ins.keyword === 'ADD') ? (landingPaths(ins, scope) ?? [copyDestination(ins, scope)].filter((d) => d !== null)) : [];
      for (const p of landed) copied.add(p);
    }
    // (a preset's install in place of a command that installed nothing itself, too: the node preset's native libraries)
    if (step.packages && (step.source === null || !input.analysis.runs.get(step.source)?.commands.some((c) => c.install)) && addedInstallUnproven) unproven.push({ id: 'unproven-added-install', data: { packages: step.packages.join(' '), image: input.runtimeBase } });
    // a Java package installed on a Debian slim image other than the builder's: its install script fails without
    // /usr/share/man/man1, which slim images leave out, unless a command makes it first
    if (slimRuntime) {
      const java = [...(step.packages ?? []), ...step.commands.flatMap((c) => (c.install?.manager === 'apt' ? [...c.install.runtime, ...c.install.keptDev, ...c.install.unresolved] : []))].find((p) => JAVA_NEEDS_MAN_DIRS.test(p));
      const madeFirst = input.steps.slice(0, at + 1).some((s) => s.commands.some((c) => fileReplay(c.words[0] ?? '') === 'creates-dir' && c.words.some((w) => /^\/usr\/share\/man(\/man1)?\/?$/.test(w))));
      if (java && !madeFirst) unproven.push({ id: 'unproven-slim-man-pages', data: { package: java, image: input.runtimeBase }, ...(step.source !== null ? { line: input.model.instructions[step.source]!.line } : {}) });
    }
    if (step.keyword !== 'RUN' || step.source === null || step.packages) return;
    const line = input.model.instructions[step.source]!.line;
    const paths: ReadonlySet<string> = copied;
    const made = new Set<string>();
    // the stage's copies from the builder before and after this RUN
    // (read when a command asks: most ask neither, and reading them for every RUN of a long file was quadratic)
    let beforeRead: string[] | null = null;
    let afterRead: string[] | null = null;
    const before = () => (beforeRead ??= artifactDestinations(input.steps.slice(0, at)));
    const after = () => (afterRead ??= artifactDestinations(input.steps.slice(at + 1)));
    for (const c of step.commands) {
      // vendor installers write where their vendor chose: what they install is not known (item 5)
      if (installerScript(c.words)) unproven.push({ id: 'unproven-installer', data: { command: c.words.slice(0, 2).join(' ') }, line });
      // on the same image with no preset, what a replayed fragment does is proven only by a build
      else if (input.preset === null && input.runtimeBase === input.builderImage && !safeToReplay(c, paths, made)) unproven.push({ id: 'unproven-replay', data: { command: c.words.slice(0, 3).join(' ') }, line });
      // on any runtime base, a file command that meets what the stage copied (a directory made without -p,
      // a link without -f) or that enters a directory only the builder made (items 2 and 3)
      else if ((MEETS_COPIES.has(fileReplay(c.words[0] ?? '')) || pathUse(c.words[0] ?? '')?.changesDirectory) && !safeToReplay(c, paths, made)) unproven.push({ id: 'unproven-collision', data: { command: c.words.slice(0, 3).join(' ') }, line });
      // a repeated `mv` or `cp` of a file that only a later copy of the stage brings: `mv config.js.template config.js`
      // before the COPY --from of the app directory (review final-2026-12-05) fails the build (item 2)
      else if ((pathUse(c.words[0] ?? '')?.moves || pathUse(c.words[0] ?? '')?.copies) && sourcesCopiedLater(c, paths, made, after())) unproven.push({ id: 'unproven-replay-order', data: { command: c.words.slice(0, 3).join(' ') }, line });
      // a repeated `cp` or `mv` out of a directory a build step only the builder runs names (`npm run build --
      // --out-dir /opt/site`, then `cp /opt/site/robots.txt /usr/share/`), which the stage neither copies nor makes:
      // whether the runtime stage has the file is known only from a build
      else if (pathUse(c.words[0] ?? '')?.moves || pathUse(c.words[0] ?? '')?.copies) {
        const path = builtSource(c, paths, made, namedByBuild);
        if (path !== null) unproven.push({ id: 'unproven-built-source', data: { command: c.words.slice(0, 3).join(' '), path }, line });
      }
      // on another image than the builder's, a Python install that fetches and may compile again lacks
      // the builder's compilers and libraries (item 11): pipenv and poetry, or pip past /wheels
      const fetched = input.runtimeBase !== input.builderImage ? refetches(c) : null;
      if (fetched) unproven.push({ id: 'unproven-refetch', data: { command: fetched, image: input.runtimeBase }, line });
      // a repeated system-wide install (`npm install -g X`, `pip install X`) whose packages' directory the stage
      // also copies from the builder (item 2): after such a copy it rewrites what the copy brought; before a copy
      // of a wider tree (all of /usr/local) that tree replaces the runtime image's own around it. A copy of just
      // that directory after the install holds the builder's end state there, as the original had it
      const twice = (c.kind === 'setup' || c.kind === 'pip') && installDirectories(c.words).some((d) => before().some((p) => holds(p, d) || within(p, d)) || after().some((p) => holds(p, d) && !within(p, d)));
      if (twice) unproven.push({ id: 'unproven-collision', data: { command: c.words.slice(0, 3).join(' ') }, line });
      if (fileReplay(c.words[0] ?? '') === 'creates-dir') for (const p of operands(c.words)) made.add(joinPath(c.cwd, p));
    }
  });
  // a Java program moved from a full openjdk image onto its headless -slim variant loses fontconfig and FreeType,
  // which AWT's font rendering loads even without a display (charts, PDFs, captchas: review after-2026-12-05)
  if (isHeadlessJava(input.runtimeBase) && !isHeadlessJava(input.builderImage)) unproven.push({ id: 'unproven-headless-fonts', data: { from: input.builderImage, to: input.runtimeBase } });
  // a preset that keeps the builder's image replays its installs and extension builds on an image whose
  // dropped packages may have brought what they need
  if (input.preset !== null && SAME_BASE_UNPROVEN.has(input.preset) && input.runtimeBase === input.builderImage) unproven.push({ id: 'unproven-same-base', data: { preset: input.preset, image: input.runtimeBase } });
  // the generic split on the builder's own image: where the build installed its program (a `make install`
  // into /usr/sbin or a --prefix of its own, files written to /etc) and what the packages it leaves behind
  // gave it are known only from a build (item 5); the review after proof levels (seed after-2026-12-04)
  // found 4 good of 12 such splits
  // a C/C++ install on a distribution image (src/install-prefix.ts): proven when its prefix is all it installs
  const prefix = input.preset === null ? installPrefixProof(input) : null;
  if (prefix) unproven.push(...prefix);
  else if (input.preset === null) unproven.push(...installPrefixesUnproven(input.model, input.analysis, input.artifacts));
  if (input.preset === null && input.runtimeBase === input.builderImage && !unproven.length && prefix === null) unproven.push({ id: 'unproven-same-base-split', data: { image: input.runtimeBase } });
  // one finding per fact: the same added install may reach the check twice (the plan's steps and a preset's)
  const once = unproven.filter((u, i) => unproven.findIndex((v) => v.id === u.id && v.line === u.line && JSON.stringify(v.data) === JSON.stringify(u.data)) === i);
  return { level: once.length ? 'build' : 'static', unproven: once };
}

/**
 * Whether the runtime stage may run `c` again with no build to prove it: the one place this is decided
 * (re-point it at the command families as they move to src/commands/). `copied` holds the paths the
 * runtime stage has copied before the command. Safe: creating users and groups (the users family),
 * the original's package installs and package-list upkeep (the package-manager families: the same image,
 * so the same names), commands that only read, `mkdir` of a fresh directory, `ln`, and `chmod`/`chown` of
 * copied files. `made` holds the directories the stage's `mkdir`s made before it.
 */
export function safeToReplay(c: RunCommand, copied: ReadonlySet<string>, made: ReadonlySet<string> = new Set()): boolean {
  const name = c.words[0] ?? '';
  // variable assignments alone
  if (!name) return true;
  if (familyOf(name)?.replaySafe?.includes(name)) return true;
  if (packageCommand(name)) return true;
  const paths = operands(c.words).map((p) => joinPath(c.cwd, p));
  // `cd` into a directory the runtime stage has: one it copied or made, its working directory, or one every image has
  if (pathUse(name)?.changesDirectory) return paths.every((p) => !p.includes('$') && (p === c.cwd || insideAny(p, copied) || insideAny(p, made) || imageDir(p)));
  if (isNeutral(name) && c.writes.length === 0) return true;
  switch (fileReplay(name)) {
    case 'creates-dir':
      // `mkdir DIR` over a copied DIR, or over a directory a copy made, fails (File exists); `-p` does not
      return c.words.some((w) => w === '--parents' || /^-[a-zA-Z]*p/.test(w)) || paths.every((p) => !p.includes('$') && !made.has(p) && !insideAny(p, copied) && ![...copied].some((d) => isInside(d, p)));
    case 'removes':
      // forced (a file only the builder made is then no error) and nothing the stage copied
      return c.words.some((w) => /^-[a-zA-Z]*f/.test(w) || w === '--force') && paths.every((p) => !p.includes('$') && !insideAny(p, copied) && ![...copied].some((d) => isInside(d, p)));
    case 'links': {
      // the link is the last operand (or the target's name in the working directory); without -f it must not exist yet
      if (paths.length === 0 || paths.some((p) => p.includes('$'))) return false;
      const link = paths.length > 1 ? paths[paths.length - 1]! : joinPath(c.cwd, paths[0]!.split('/').pop()!);
      const forced = c.words.some((w) => /^-[a-zA-Z]*f/.test(w) || w === '--force');
      // the directory the link goes in must be there: one the stage copied or made, or one every image has
      const parent = link.slice(0, link.lastIndexOf('/')) || '/';
      if (!(parent === c.cwd || insideAny(parent, copied) || insideAny(parent, made) || imageDir(parent))) return false;
      return forced || (!insideAny(link, copied) && ![...copied].some((d) => isInside(d, link)));
    }
    case 'changes-mode': {
      // the mode or owner comes first; every other operand must be a file the stage copied before
      const targets = paths.slice(1);
      return targets.length > 0 && targets.every((p) => !p.includes('$') && (insideAny(p, copied) || insideAny(p, made)));
    }
    default:
      return false;
  }
}

/** True when `pattern`, a path with shell wildcards (`/dumb-init_*.deb`), names `path`. */
function globMatches(pattern: string, path: string): boolean {
  if (!/[*?]/.test(pattern)) return false;
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`).test(path);
}

/**
 * Presets whose splits onto the builder's own image are proven only by a build: the review of 150 random
 * changed corpus outputs before proof levels (issue 23, seed before-2026-12-04) found 1 good of 25 (php
 * 1 of 12, go 0 of 7, python-wheels 0 of 5, python-venv 0 of 1; python-user shares their installs).
 */
const SAME_BASE_UNPROVEN: ReadonlySet<string> = new Set(['php', 'go', 'python-wheels', 'python-venv', 'python-user']);

/** Python installers that resolve, fetch and build packages themselves (no `--no-index` of theirs is read). */
const PYTHON_INSTALLERS: Readonly<Record<string, readonly string[]>> = { pipenv: ['install', 'sync'], poetry: ['install'], 'pip-sync': [''] };

/**
 * What `c` installs from the network, so that a build may compile it (null when nothing): a pipenv or
 * poetry install, a pip install that is not offline (`--no-index`), or a URL or VCS requirement, which pip
 * fetches past --no-index.
 */
function refetches(c: RunCommand): string | null {
  const name = (c.words[0] ?? '').split('/').pop()!;
  const subs = PYTHON_INSTALLERS[name];
  const shown = c.words.slice(0, 3).join(' ');
  if (subs) return subs.includes('') || subs.includes(c.words.find((w, i) => i > 0 && !w.startsWith('-')) ?? '') ? shown : null;
  if (c.kind !== 'pip') return null;
  const args = commandOf(c.words)?.args ?? [];
  const install = args.slice(args.indexOf('install') + 1);
  if (upgradesPipOnly(requirementsOf(install))) return null;
  if (!install.includes('--no-index')) return shown;
  // a URL to a finished wheel is only downloaded; a local project (`pip install /app`, `.`) is built again
  // from its sources, with the build backend its pyproject.toml names (flit, hatchling), which pip fetches
  // past --no-index unless the wheel directory happens to hold it
  return requirementsOf(install).find((r: string) => (/:\/\/|^(git|hg|svn|bzr)\+/.test(r) && !/\.whl$/.test(r)) || (/^(\.|\/|~)/.test(r) && !/\.(whl|tar\.gz|zip)$/.test(r))) ?? null;
}

/** File commands that fail on a path the stage copied: a directory made again, a link over what is there. */
const MEETS_COPIES: ReadonlySet<FileReplay | undefined> = new Set<FileReplay>(['creates-dir', 'links']);

/**
 * True when the working directory copied is where the ecosystem's rules put every output of the commands
 * that made it: the project directory of a language package manager's install (npm, yarn, pnpm: the
 * families' `languageInstallers`). The makers are every command of the stage whose outputs cannot be named
 * and that runs in the copied directory or below it: an artifact holds the working directories of all of
 * them (`mergeArtifacts`), not only of its latest producer, so an `npm run build` before the last
 * `npm install` is one of them, and a second project inside the copied one (`/app/backend`) is covered.
 */
function ecosystemDirectory(model: Model, analysis: Analysis, a: Artifact): boolean {
  const stage = model.instructions[a.producer]?.stage;
  const makers = [...analysis.runs].flatMap(([index, run]) => (model.instructions[index]?.stage === stage ? run.commands.filter((c) => c.unnamedOutputs && isInside(c.cwd, a.path)) : []));
  // a project inside a larger tree the file copied in (`COPY . .`, then `cd examples/app && npm install`) may
  // name a package of that tree by path (`file:../..`), whose own dependencies npm installs there, outside
  // the project's directory
  const nested = model.instructions.some((ins) => {
    if (ins.stage !== 0 || (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null) return false;
    const dest = copyDestination(ins, analysis.scopes.get(ins.index) ?? '/');
    return dest !== null && dest !== a.path && isInside(a.path, dest) && ins.sources.some((src) => src === '.' || src === './' || src.endsWith('/'));
  });
  return !nested && makers.length > 0 && makers.every((c) => familyOf(c.words[0] ?? '')?.languageInstallers?.includes(c.words[0]!) === true);
}

/** True when a binary the builder compiled may be linked against glibc and moves to another image than its builder's own or slim variant. */
function nativeBinaryMoves(input: ProofInput): boolean {
  const { builderImage, runtimeBase } = input;
  if (runtimeBase === builderImage || runtimeBase === slimVariant(builderImage)) return false;
  if (libcOf(runtimeBase) !== 'glibc') return false;
  return input.preset === null && input.artifacts.some((a) => compiledBy(input.analysis, a));
}

/** True when the artifact is the output of a compile step (not a download, a copy or a language package). */
function compiledBy(analysis: Analysis, a: Artifact): boolean {
  return analysis.runs.get(a.producer)?.commands.some((c) => c.kind === 'build' && (c.outputs.includes(a.path) || c.unnamedOutputs)) ?? false;
}

/** What a conversion leaves behind in the builder: build-only packages, the build and test tools it ran, and the image it moves off. */
export interface Savings {
  packages: string[];
  tools: string[];
  /** The dependency caches the builds leave in the builder's home directory (`~/.m2`: src/analyze/left-behind.ts). */
  caches: string[];
  /** The builder's image and the runtime base, when they differ. */
  image: { from: string; to: string } | null;
  /** Build-tool variables left in the builder (`build-env-dropped`: `CARGO_HOME`, `MAVEN_HOME`); `verify` accepts them unset. */
  env: string[];
  /**
   * The approximate sizes in MB of the builder's image (`before`) and the runtime base (`after`) from the image table,
   * when the images differ and the table has an estimate for both; what the Dockerfile installs on top is not counted.
   */
  size?: { before: number; after: number };
}

/** What the runtime stage (`steps`) leaves behind compared with the original. */
export function savingsOf(analysis: Analysis, builderImage: string, runtimeBase: string, steps: readonly RuntimeStep[], droppedEnv: readonly string[] = []): Savings {
  const installed = new Set(steps.flatMap((s) => [...(s.packages ?? []), ...s.commands.flatMap((c) => c.install?.runtime ?? [])]));
  const packages = new Set<string>();
  const tools = new Set<string>();
  for (const run of analysis.runs.values())
    for (const c of run.commands) {
      for (const p of c.install?.build ?? []) if (!installed.has(p)) packages.add(p);
      if ((c.kind === 'build' || c.kind === 'test') && c.words[0]) tools.add(c.words[0].split('/').pop()!);
    }
  const image = runtimeBase === builderImage ? null : { from: builderImage, to: runtimeBase };
  const size = image && baseImageSizes(image.from, image.to);
  return { packages: [...packages], tools: [...tools], caches: cachesLeft(analysis), image, env: [...droppedEnv], ...(size ? { size } : {}) };
}

/** The estimated sizes of two base images, when the image table has both. */
function baseImageSizes(from: string, to: string): { before: number; after: number } | null {
  const [before, after] = [imageSizeMB(from), imageSizeMB(to)];
  return before === null || after === null ? null : { before, after };
}

/** The sources of a file move or copy: its operands but the last, absolute. */
function moveSources(c: RunCommand): string[] {
  return operands(c.words)
    .slice(0, -1)
    .map((p) => joinPath(c.cwd, p));
}

/** The first source of `c` inside one of `dirs` (what builder-only build steps name) that the stage neither copied nor made, or null. */
function builtSource(c: RunCommand, copied: ReadonlySet<string>, made: ReadonlySet<string>, dirs: readonly string[]): string | null {
  return moveSources(c).find((p) => !p.includes('$') && !insideAny(p, copied) && !made.has(p) && dirs.some((d) => isInside(p, d))) ?? null;
}

/** True when a source of a file move or copy (its operands but the last) is not in what the stage copied or made before it but lies in what a later copy brings. */
function sourcesCopiedLater(c: RunCommand, copied: ReadonlySet<string>, made: ReadonlySet<string>, later: readonly string[]): boolean {
  return moveSources(c).some((p) => !p.includes('$') && !insideAny(p, copied) && !made.has(p) && later.some((d) => isInside(p, d)));
}

/** True when the copied path holds the install directory `dir` (`*` within one name): it is that directory or one around it. */
function holds(path: string, dir: string): boolean {
  return isInside(dir.replace(/\/[^/]*\*.*$/, ''), path) || within(path, dir);
}

/** True when the copied path is the install directory `dir` (`*` within one name) or lies inside it. */
function within(path: string, dir: string): boolean {
  return new RegExp(`^${dir.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`).test(path);
}
