// What the container is for and what it inherits: whether the image runs an application at all
// (toolbox images keep their tools), the configuration the builder's base image gave it that the
// runtime base must give it too, and the programs CMD, ENTRYPOINT and HEALTHCHECK start.
// https://docs.docker.com/reference/dockerfile/#understand-how-cmd-and-entrypoint-interact
import type { Analysis } from './analyze/index.js';
import { analyzeRun, type RunCommand } from './analyze/run.js';
import { containerWorkdir, copiedPaths, copyDestination } from './analyze/index.js';
import {
  buildEnvironmentPrograms,
  buildsNativePrograms,
  compilerPrograms,
  inToolchainHome,
  entrypointWrapperWords,
  familyOf,
  installsLanguagePackages,
  isBuildToolPackage,
  isCompilerProgramPackage,
  isSupervisor,
  movesFiles,
  NODE_INSTALL_STEPS,
  nodeManager,
  packageCommand,
  packagePrograms,
  pathOperands,
  packageProvides,
  packageRuntimePrograms,
  replayedBy,
  runsBuildScript,
  toolboxPrograms,
} from './commands/index.js';
import { managesPhpSource, writesExtensionsOnly } from './commands/php.js';
import { helperProgramsOf } from './analyze/helper-programs.js';
import { operands } from './commands/options.js';
import { packageName } from './analyze/packages.js';
import { removedAgain } from './analyze/left-behind.js';
import type { BuildContext } from './context.js';
import { BUILD_CLI_PACKAGES, CODE_URL_ENV, GENERATOR_CLIS, PROJECT_TOOLS, COMPILER_PACKAGES, JDK_PACKAGES, LOGIN_SERVERS, TOOLBOX_LABEL, TOOLBOX_PACKAGES, TOOLBOX_PROGRAMS } from './knowledge/toolbox.js';
import { isInside, joinPath } from './paths.js';
import { systemDir } from './knowledge/secrets.js';
import { DEFAULT_PATH } from './knowledge/images.js';
import { imageConfig, inheritsSameConfig, METADATA_ENV, type ImageConfig } from './knowledge/image-config.js';
import { RUNTIME_LOCATION_ENV } from './knowledge/java.js';
import { hasCaCertificates, hasShell, hasZoneinfo, isDistributionImage, packageManagerOf, parseImage, servedDirectory } from './images.js';
import { TOOL_PACKAGES } from './analyze/tables.js';
import type { Finding } from './messages.js';
import type { Artifact, PresetStep } from './preset.js';
import type { CommandInstruction, Instruction, InstructionOf, Keyword, Model } from './model.js';
import { parseShell } from './shell.js';

/** Programs whose purpose is building or testing (the families' `toolbox`, then the ones no family classifies): an image that runs one of them is a toolbox. */
const TOOLCHAIN_PROGRAMS: ReadonlySet<string> = new Set([...toolboxPrograms, ...TOOLBOX_PROGRAMS]);
const SHELLS = /^(\/usr)?(\/bin\/)?(ba|z|da|k|a|fi)?sh$/;
/** Entrypoint scripts that run the CMD as their arguments (the process supervisors and user switchers they may use: src/commands/prefix.ts). */
const WRAPPER_SCRIPTS: ReadonlySet<string> = new Set(['docker-entrypoint.sh']);

/** The last `keyword` instruction of the (single-stage) original, typed by its keyword. */
export function last<K extends Keyword>(model: Model, keyword: K): InstructionOf<K> | undefined {
  return model.instructions.filter((i): i is InstructionOf<K> => i.stage === 0 && i.keyword === keyword).pop();
}

/** The words a CMD or ENTRYPOINT runs (exec form, or the first command of the shell form). */
function argv(ins: CommandInstruction | undefined): readonly string[] | null {
  if (!ins) return null;
  if (ins.json) return ins.json;
  return parseShell(ins.command).commands[0]?.words ?? [];
}

function unwrap(words: readonly string[]): readonly string[] {
  let rest = words;
  for (let guard = 0; guard < 3; guard++) {
    // `sh -c "script"` runs the script's first command
    if (SHELLS.test(rest[0] ?? '') && rest[1] === '-c' && rest[2]) {
      rest = parseShell(rest[2]).commands[0]?.words ?? [];
      continue;
    }
    const name = (rest[0] ?? '').split('/').pop() ?? '';
    const skip = isSupervisor(name) || WRAPPER_SCRIPTS.has(name) ? 0 : entrypointWrapperWords(name);
    if (skip === undefined) break;
    rest = rest.slice(1).filter((w, i) => !(i === 0 && w === '--'));
    while (rest[0]?.startsWith('-')) rest = rest.slice(1);
    rest = rest.slice(skip);
  }
  return rest;
}

/**
 * What the container starts: CMD is ENTRYPOINT's arguments, and a wrapper entrypoint (tini,
 * docker-entrypoint.sh) goes on to run them. An entrypoint script with an explicitly empty CMD (`CMD []`,
 * `CMD [""]`) is started alone: the file says the script is the command, so it is the application (a
 * supervisor or user switcher with nothing to run stays empty).
 */
function startedWords(entrypoint: CommandInstruction | undefined, cmd: CommandInstruction | undefined): readonly string[] {
  const words = unwrap([...(argv(entrypoint) ?? []), ...(argv(cmd) ?? [])]);
  // an ENTRYPOINT resets the base image's CMD: a wrapper script with no CMD at all is the program itself
  if (!words.length && entrypoint && !cmd && WRAPPER_SCRIPTS.has((argv(entrypoint)?.[0] ?? '').split('/').pop() ?? '')) return argv(entrypoint) ?? [];
  if (words.length || !entrypoint?.json || !cmd?.json?.every((w) => w === '')) return words;
  const script = entrypoint.json[0] ?? '';
  return WRAPPER_SCRIPTS.has(script.split('/').pop() ?? '') ? entrypoint.json : words;
}

/**
 * A language install the container runs when it starts (`CMD npm install $(...) && bin/hubot`; `bundle update`, `npm
 * update` and `yarn upgrade` install newer versions): its CMD or ENTRYPOINT's keyword, the command and the line, or null.
 * An install subcommand (`npm install`, `pip install`, `gem install`, a bare `yarn`), not `npm start` or `carton exec`.
 */
export function startInstall(model: Model, analysis: Analysis): { keyword: string; command: string; line: number } | null {
  for (const ins of [last(model, 'ENTRYPOINT'), last(model, 'CMD')]) {
    if (!ins) continue;
    const scope = analysis.scopes.get(ins.index);
    const commands = scope ? analyzeRun(ins.json ? ins.json.join(' ') : ins.command, { workdir: scope.workdir, user: scope.user, env: scope.env, removedLater: new Set() }).commands : [];
    const install = commands.find((c) => installsLanguagePackages(c.words) && [...NODE_INSTALL_STEPS, 'update', 'upgrade'].includes(c.words.slice(1).find((w) => !w.startsWith('-')) ?? (nodeManager(c.words[0] ?? '') ? 'install' : '')));
    if (install) return { keyword: ins.keyword, command: install.words.slice(0, 2).join(' '), line: ins.line };
  }
  return null;
}

/** Why the image is a toolbox (a base, CI or tool image with no application of its own), or null. */
export function toolboxReason(model: Model, analysis: Analysis, context: BuildContext | null = null): Finding | null {
  const cmd = last(model, 'CMD');
  const entrypoint = last(model, 'ENTRYPOINT');
  const onbuild = last(model, 'ONBUILD');
  if (onbuild) return { id: 'toolbox-image', data: { why: 'it declares ONBUILD triggers, so it is a base image for other builds, which may need its tools' }, line: onbuild.line };
  const purpose = purposeReason(model, analysis);
  if (purpose) return purpose;
  if (!cmd && !entrypoint && !servesCopiedApp(model, analysis) && !servesBuiltFiles(model, analysis) && !servesInheritedSite(model, analysis) && !builtToolOnPath(model, analysis) && !removesOwnCompilers(analysis))
    return { id: 'toolbox-image', data: { why: 'it sets no CMD or ENTRYPOINT, so it runs what its base image runs' } };
  if (!cmd && !entrypoint) return null;
  // CMD is ENTRYPOINT's arguments: what a wrapper entrypoint (tini, docker-entrypoint.sh) goes on to run
  const words = startedWords(entrypoint, cmd);
  const program = words[0] ?? '';
  const line = (entrypoint ?? cmd)!.line;
  if (!program) return { id: 'toolbox-image', data: { why: 'its command is empty' }, line };
  if (SHELLS.test(program) && words.slice(1).every((w) => /^-[il]+$/.test(w) || w === '--login')) return { id: 'toolbox-image', data: { why: `it starts a shell (${program})` }, line };
  const name = program.split('/').pop()!;
  if (TOOLCHAIN_PROGRAMS.has(name)) return { id: 'toolbox-image', data: { why: `it runs ${name}, a build or test tool` }, line };
  // only when the build is all it runs (`CMD npm run build && node server.js` builds, then serves: an application)
  const first = entrypoint ?? cmd!;
  const script = first.form === 'exec' || parseShell(first.command).commands.length === 1 ? runsBuildScript(words) : null;
  if (script) return { id: 'toolbox-image', data: { why: `it runs the package script ${script}, which builds or tests the project` }, line };
  // an entrypoint script of its own (`mvn-entrypoint.sh`) hands over to CMD by convention: a build tool there is the image's purpose
  const handedOver = entrypoint && cmd ? (argv(cmd)?.[0] ?? '').split('/').pop()! : '';
  if (TOOLCHAIN_PROGRAMS.has(handedOver)) return { id: 'toolbox-image', data: { why: `its entrypoint goes on to run ${handedOver} (its CMD), a build or test tool` }, line: cmd!.line };
  if (LOGIN_SERVERS.has(name)) return { id: 'toolbox-image', data: { why: `it runs ${name}: a box to log into, whose tools are for its users` }, line };
  const started = startScript(model, analysis, context, program, cmd, entrypoint);
  if (started) return { ...started, line };
  const mounted = startedFromVolume(model, analysis, program);
  if (mounted) return { id: 'toolbox-image', data: { why: `it starts ${program} from VOLUME ${mounted}, into which nothing of the file writes: code mounted at run time, which runs with the image's tools` }, line };
  const workspace = mountedProjectTools(model, analysis);
  if (workspace) return { id: 'toolbox-image', data: { why: `its PATH names ${workspace}, the tools of a project the image never copies in or installs: it runs those of code mounted there, with its own` } };
  for (const run of analysis.runs.values())
    for (const c of run.commands) {
      if (c.install?.build.includes(name)) return { id: 'toolbox-image', data: { why: `it runs ${name}, which it installs as a build tool` }, line };
    }
  return null;
}

/**
 * The VOLUME directory a started program lies in (`VOLUME /project`, `WORKDIR /project`, `CMD ["./build.sh"]`) when no
 * COPY, ADD or RUN of the file writes into it: the program is mounted at run time (a build environment for a project,
 * kekek/centosgb's gb), or null.
 */
function startedFromVolume(model: Model, analysis: Analysis, program: string): string | null {
  if (!program.includes('/') || program.includes('$')) return null;
  const path = joinPath(containerWorkdir(model, analysis), program);
  const volumes = model.instructions.filter((i): i is InstructionOf<'VOLUME'> => i.keyword === 'VOLUME' && i.stage === 0).flatMap((i) => i.paths.map((p) => joinPath('/', p)));
  const volume = volumes.find((v) => v !== '/' && isInside(path, v));
  if (!volume) return null;
  for (const ins of model.instructions) {
    if (ins.stage !== 0) continue;
    const scope = analysis.scopes.get(ins.index);
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && scope) {
      const dest = copyDestination(ins, scope);
      if (dest === null || isInside(dest, volume) || isInside(volume, dest)) return null;
    }
    for (const c of analysis.runs.get(ins.index)?.commands ?? []) if (c.unnamedOutputs || [...c.outputs, ...c.writes, ...c.produced].some((o) => isInside(o, volume))) return null;
  }
  return volume;
}

/** The PATH the image's last instruction runs with (the file's ENV over the base image's), or '' when not known. */
function finalPath(model: Model, analysis: Analysis): string {
  return analysis.scopes.get(model.stages[0]!.instructions.at(-1)!)?.env.get('PATH') ?? '';
}

/**
 * The PATH entry that names the tool directory of a project the image never fills: no COPY or ADD into the
 * project's directory and no command run in it (`mkdir /repo`, `ENV PATH=/repo/node_modules/.bin:$PATH`,
 * `WORKDIR /repo`). The image runs the tools of a repository mounted there, which it installs with its own
 * (git, compilers for native modules); null when there is none.
 */
function mountedProjectTools(model: Model, analysis: Analysis): string | null {
  const path = finalPath(model, analysis);
  for (const entry of path.split(':')) {
    const project = PROJECT_TOOLS.exec(entry)?.[1];
    if (!project || project.includes('$')) continue;
    const filled = model.instructions.some((ins) => ins.stage === 0 && (ins.keyword === 'COPY' || ins.keyword === 'ADD') && isInside(copyDestination(ins, analysis.scopes.get(ins.index) ?? '/') ?? '/', project));
    const worked = [...analysis.runs.values()].some((r) => r.commands.some((c) => isInside(c.cwd, project) || c.words.some((w) => w.startsWith('/') && isInside(w, project) && familyOf(c.words[0] ?? '')?.id !== 'files')));
    if (!filled && !worked) return entry;
  }
  return null;
}

/**
 * A toolbox by what the file says of itself: a LABEL naming a build environment, CI image, dev container,
 * toolchain or SDK; an ssh server or remote IDE installed; or RUNs that only install packages, compilers and
 * headers (no package the analyzer counts as a runtime one), with nothing of its own copied in or built.
 */
function purposeReason(model: Model, analysis: Analysis): Finding | null {
  for (const ins of model.instructions)
    if (ins.stage === 0 && ins.keyword === 'LABEL') {
      const m = TOOLBOX_LABEL.exec(ins.args);
      if (m) return { id: 'toolbox-image', data: { why: `its LABEL says "${m[0]}"` }, line: ins.line };
    }
  const installs = [...analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => (c.install ? [c.install] : [])));
  const box = installs.flatMap((i) => i.packages).find((p) => TOOLBOX_PACKAGES.has(p));
  if (box) return { id: 'toolbox-image', data: { why: `it installs ${box}: a box to log into, whose tools are for its users` } };
  // setup by the system's own commands (ln, mkdir, useradd, locale-gen), not a language install (gem, pip)
  const systemSetup = (words: readonly string[]) => ['files', 'shell', 'system', 'users', 'prefix'].includes(familyOf(words[0] ?? '')?.id ?? '');
  const onlyPackages = [...analysis.runs.values()].every((r) => r.commands.every((c) => ['packages', 'package-maintenance', 'cleanup'].includes(c.kind) || (c.kind === 'setup' && systemSetup(c.words))));
  const copies = model.instructions.some((i) => i.stage === 0 && (i.keyword === 'COPY' || i.keyword === 'ADD'));
  // the packages as the table sorts them: a build tool no later command uses (kept for run time) is still one
  const build = installs.flatMap((i) => [...i.build, ...(i.keptTools ?? [])]);
  const onlyBuildPackages = installs.every((i) => i.runtime.length === (i.keptTools?.length ?? 0) && i.unresolved.length === 0);
  const environment = copies ? null : buildEnvironment(analysis);
  if (environment && !(environment.cli && generatedApp(model, analysis, environment.cli))) return { id: 'toolbox-image', data: { why: `it installs ${environment.what} and copies nothing of its own: a build environment, whose tools are its purpose` } };
  if (onlyPackages && onlyBuildPackages && !copies && build.some((p) => COMPILER_PACKAGES.test(p) || isBuildToolPackage(p.replace(/[-\d.]*$/, '')) || isBuildToolPackage(p)))
    return { id: 'toolbox-image', data: { why: `it only installs build tools and headers (${build.slice(0, 4).join(' ')}), and copies or builds nothing of its own` } };
  return null;
}

/**
 * Whether a RUN runs the generator `cli` installs (`yo hubot`) and the container's command does not run it: the
 * project it generated is the image's own application (review lost-slim-2026-12-06: hubot-rocketchat).
 */
function generatedApp(model: Model, analysis: Analysis, cli: string): boolean {
  const program = GENERATOR_CLIS.get(cli);
  if (!program || ![...analysis.runs.values()].some((r) => r.commands.some((c) => c.words[0] === program))) return false;
  const texts = [last(model, 'ENTRYPOINT'), last(model, 'CMD')].flatMap((ins) => (ins ? [ins.json ? ins.json.join(' ') : ins.command] : []));
  return texts.length > 0 && !texts.some((t) => parseShell(t).commands.some((c) => (c.words[0] ?? '').split('/').pop() === program));
}

/** A sign of a build environment the file installs (src/knowledge/toolbox.ts): a build CLI installed globally (and which), or a JDK; null when none. */
function buildEnvironment(analysis: Analysis): { what: string; cli?: string } | null {
  for (const run of analysis.runs.values())
    for (const c of run.commands) {
      const jdk = c.install?.packages.find((p) => JDK_PACKAGES.test(packageName(p)) || packageProvides(packageName(p))?.some((t) => buildEnvironmentPrograms.has(t)));
      if (jdk) return { what: `a JDK (${jdk})` };
      const family = familyOf(c.words[0] ?? '')?.id;
      const args = operands(c.words);
      // a program registered or linked by hand (`update-alternatives --install /usr/bin/javac javac ...`, `ln -s .../javac`)
      const registered = (family === 'system' || family === 'files') && args.map((a) => a.split('/').pop()!).find((a) => buildEnvironmentPrograms.has(a));
      if (registered) return { what: `a JDK (its ${registered} registered)` };
      const cli = family === 'node' && replayedBy(c.words) ? args.find((a) => BUILD_CLI_PACKAGES.has(a.replace(/(?<=.)@.*$/, ''))) : undefined;
      if (cli) return { what: `the build tool ${cli} globally`, cli: cli.replace(/(?<=.)@.*$/, '') };
    }
  return null;
}

/**
 * A toolbox by what its start script does (a script of the build context the container starts, or a shell-form
 * command): it runs a build tool (make, go, gcc), or it fetches code an ENV variable names and runs it.
 */
function startScript(model: Model, analysis: Analysis, context: BuildContext | null, program: string, cmd: CommandInstruction | undefined, entrypoint: CommandInstruction | undefined): Finding | null {
  const texts: string[] = [];
  for (const ins of [entrypoint, cmd]) if (ins && !ins.json) texts.push(ins.command);
  // the script file: a COPY or ADD from the context whose source has the started program's file name
  const base = program.split('/').pop()!;
  if (context?.known && /\.(sh|bash)$|^[\w.-]+$/.test(base))
    for (const ins of model.instructions) {
      if (ins.stage !== 0 || (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null) continue;
      for (const src of ins.sources) {
        if (src.split('/').pop() !== base) continue;
        const text = context.read(src.replace(/^\.?\//, ''));
        if (text !== null && text.length <= 65536) texts.push(text);
      }
    }
  const urls = new Set(model.instructions.flatMap((i) => (i.stage === 0 && i.keyword === 'ENV' ? i.pairs.filter(([k, v]) => CODE_URL_ENV.test(k) || /^(https?|git|ssh):\/\//.test(v)).map(([k]) => k) : [])));
  for (const text of texts) {
    const script = parseShell(text);
    for (const c of script.commands) {
      const name = (c.words[0] ?? '').split('/').pop() ?? '';
      if (TOOLCHAIN_PROGRAMS.has(name) && familyOf(name)?.id !== 'fetch') return { id: 'toolbox-image', data: { why: `its start script runs ${name}, a build tool, when the container starts` } };
      const fetches = familyOf(name)?.id === 'fetch';
      const named = c.words.find((w) => [...urls].some((k) => w.includes(`$${k}`) || w.includes(`\${${k}}`)));
      if (fetches && named) return { id: 'toolbox-image', data: { why: `it fetches code when the container starts (\`${name} ... ${named}\`), named by an ENV variable, and runs it with its tools` } };
    }
  }
  void analysis;
  return null;
}

/**
 * An image on an official server image (nginx, httpd, tomcat: src/images.ts servedDirectory) whose inherited command
 * serves what the file builds: a RUN builds (`npm run build`, `grunt build`, `mvn package`), and that RUN or a later
 * one writes into the directory the server serves (`cp -r dist/. /usr/share/nginx/html`). The server is the
 * application; its build tools are not its purpose.
 */
function servesBuiltFiles(model: Model, analysis: Analysis): boolean {
  const served = servedDirectory(model.stages[0]?.image ?? '');
  if (!served) return false;
  let built = false;
  for (const ins of model.instructions) {
    const run = ins.stage === 0 && ins.keyword === 'RUN' ? analysis.runs.get(ins.index) : undefined;
    if (!run) continue;
    for (const c of run.commands) {
      built ||= c.kind === 'build';
      // what a build writes there, or a copy of its result (`cp`, `mv`, `install`: their destination)
      const copied = movesFiles(c.words[0] ?? '') ? (pathOperands(c.words)?.makes ?? []).map((p) => joinPath(c.cwd, p)) : [];
      if (built && [...c.outputs, ...copied].some((o) => isInside(o, served.directory))) return true;
    }
  }
  return false;
}

/**
 * Whether the file removes, in a RUN after the one that installed them, every C compiler it installed
 * (`RUN apk add g++ make python3`, `RUN npm install -g aglio`, `RUN apk del g++ make python3`): an image with no CMD
 * of its own that does so says itself that its compilers are not its purpose (a build environment keeps them), while
 * their layer stays in the image all the same; the split leaves them in the builder. (No-CMD images that compile and
 * keep their compilers look exactly like build environments: review toolbox-2026-12-07t1.)
 */
function removesOwnCompilers(analysis: Analysis): boolean {
  const runs = [...analysis.runs].sort((a, b) => a[0] - b[0]);
  const installs = runs.flatMap(([index, run]) =>
    run.commands.flatMap((c) => {
      const compilers = c.install?.build.filter((p) => isCompilerProgramPackage(packageName(p))) ?? [];
      return compilers.length ? [{ index, c, compilers }] : [];
    }),
  );
  // every install of a compiler has its compilers removed by a later RUN (axe removed openssl-dev, kept gcc)
  return installs.length > 0 && installs.every(({ index, c, compilers }) => runs.some(([later, r]) => later > index && compilers.every(removedAgain(r)(c).removes)));
}

/**
 * The image's PATH entry that lies inside the tree a native build of the file ran in, outside every system directory
 * (`make` in /Filtlong-0.2.0, `ENV PATH="${PATH}:/Filtlong-0.2.0/bin"`: a tool image with no CMD, whose users run
 * the program it built), or null. That program is the image's purpose, not the compilers that built it (recall
 * review l, staphb/filtlong): the file is split like an application's.
 */
function builtToolOnPath(model: Model, analysis: Analysis): string | null {
  // on a distribution's own image (ubuntu, debian, centos): a toolchain or SDK image (golang, nvidia/cuda's -devel,
  // an unknown base) is a toolbox by what it starts from
  if (!isDistributionImage(model.stages[0]?.image ?? '')) return null;
  const path = finalPath(model, analysis);
  // the PATH of the base image (golang's /go/bin, /usr/local/bin) names no program of the file's own
  const inherited = new Set((imageConfig(model.stages[0]?.image ?? '')?.env.PATH ?? DEFAULT_PATH).split(':'));
  // native builds: a package manager's script (`npm run pdf`) builds no program the image is for
  const builds = [...analysis.runs.values()].flatMap((r) => r.commands.filter((c) => c.kind === 'build' && buildsNativePrograms(c.words[0] ?? '')));
  for (const entry of path.split(':')) {
    if (!entry.startsWith('/') || entry.includes('$') || inherited.has(entry) || systemDir(entry) || PROJECT_TOOLS.test(entry) || inToolchainHome(entry)) continue;
    // inside the tree the build ran in (not an install prefix such as /usr/local, where a language's packages go too)
    if (builds.some((c) => c.cwd !== '/' && !systemDir(c.cwd) && isInside(entry, c.cwd))) return entry;
  }
  return null;
}

/**
 * An image whose base serves its working directory (php:*-apache, php:*-fpm) and that copies files
 * from the context into it runs an application without a CMD of its own; a base image for other
 * builds copies no application there.
 */
function servesCopiedApp(model: Model, analysis: Analysis): boolean {
  if (!imageConfig(model.stages[0]?.image ?? '')?.serves) return false;
  const workdir = containerWorkdir(model, analysis);
  return model.instructions.some((ins) => (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.stage === 0 && ins.from === null && workdir !== '/' && isInside(copyDestination(ins, analysis.scopes.get(ins.index) ?? '/') ?? '/', workdir));
}

/**
 * An image whose base's own command serves PHP (knowledge/image-config.ts `serves`) and that runs what it inherits:
 * a site of the base's own (wordpress, drupal: `site`), to which the file adds what it adds, or the PHP mounted into
 * php:*-apache or php:*-fpm, to which the file only adds extensions and configuration: it compiles extensions with the
 * image's helpers (docker-php-ext-install, pecl install), and every other command installs libraries (`lib*`, `-dev`),
 * enables server modules, edits or writes files; no COPY --from brings a tool (Composer), no program is installed
 * (git, vim: a development box for mounted code, whose tools are its purpose). Either way the inherited server is the
 * application, not a toolbox.
 */
function servesInheritedSite(model: Model, analysis: Analysis): boolean {
  const config = imageConfig(model.stages[0]?.image ?? '');
  if (!config?.serves) return false;
  if (config.site) return true;
  const ours = model.instructions.filter((ins) => ins.stage === 0);
  const commands = ours.flatMap((ins) => analysis.runs.get(ins.index)?.commands ?? []);
  if (!commands.some((c) => c.kind === 'system-compile' && writesExtensionsOnly(c.words))) return false;
  if (ours.some((ins) => (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from !== null)) return false;
  // the image's own build dependencies ($PHPIZE_DEPS: autoconf, gcc, make, re2c, ...) and a shell (`bash` on
  // alpine) are no development box's tools either
  const phpize = new Set(ours.flatMap((ins) => (analysis.scopes.get(ins.index)?.env.get('PHPIZE_DEPS') ?? '').split(/\s+/)).filter(Boolean));
  const library = (p: string) => /^lib|-dev$/.test(packageName(p)) || phpize.has(packageName(p)) || SHELLS.test(packageName(p));
  const configures = (c: RunCommand) => ['system', 'files', 'editors', 'shell'].includes(familyOf(c.words[0] ?? '')?.id ?? '') || c.kind === 'cleanup' || managesPhpSource(c.words);
  return commands.every((c) => writesExtensionsOnly(c.words) || (c.install ? c.install.packages.every(library) : packageCommand(c.words[0] ?? '') !== undefined) || configures(c));
}

/** A program the container starts, or (`names` set) an absolute path a start command names: the script an interpreter runs, an option's value (`-c /etc/x.cfg`, `--conf=/etc/x.cfg`). */
export interface Started {
  word: string;
  line: number;
  keyword: string;
  /** The start command that names the path (`bash /app/run.sh`), for a path. */
  names?: string;
  /**
   * A program the image's own code runs, not its start command (helperPrograms): any of `word` and these
   * will do, and the runtime stage needs one unless it is on the builder's image as well.
   */
  helper?: { also: readonly string[] };
}

/** A program the image's code runs at run time (any of `programs` will do), for `by`: a package that shells out, a source file. */
export interface NeededProgram {
  programs: readonly string[];
  by: string;
  line?: number;
}

/**
 * What the runtime stage on `runtimeBase` must install for the programs the image's own code runs (`needs`),
 * which the builder's image had (buildpack-deps' git, procps) or the file installs for its build, and the
 * runtime base lacks: the package of each whose name TOOL_PACKAGES knows for the runtime base's package
 * manager (`tool-added`), else `command-missing`. Nothing when the runtime base is the builder's image, or
 * when either image's contents are not in the image table (the state model then proves the stage); a program
 * the builder's image has not either is the original's business too. `installed`: the runtime stage's own
 * installs, which provide what their packages give (packagePrograms); `buildInstalled`: every package the file
 * installs. `missing`: the needs the runtime base lacks and the builder had, installed or declined.
 */
export function programsToInstall(needs: readonly NeededProgram[], builderImage: string, runtimeBase: string, installed: ReadonlySet<string>, buildInstalled: ReadonlySet<string> = new Set()): { packages: string[]; findings: Finding[]; declines: Finding[]; missing: NeededProgram[] } {
  const out = { packages: [] as string[], findings: [] as Finding[], declines: [] as Finding[], missing: [] as NeededProgram[] };
  const runtime = imageConfig(runtimeBase);
  const builder = imageConfig(builderImage);
  const manager = packageManagerOf(runtimeBase);
  if (runtimeBase === builderImage || !runtime || !builder) return out;
  const provided = (p: string) => [...installed, ...out.packages].some((r) => packagePrograms(r).includes(p));
  const builderHas = (p: string) => builder.tools.has(p) || [...buildInstalled].some((r) => packagePrograms(r).includes(p));
  for (const need of needs) {
    if (need.programs.some((p) => runtime.tools.has(p) || provided(p)) || !need.programs.some(builderHas)) continue;
    out.missing.push(need);
    const program = need.programs.find((p) => manager && TOOL_PACKAGES[p]?.[manager]);
    const pkg = program && manager ? TOOL_PACKAGES[program]![manager] : null;
    if (program && pkg) {
      out.packages.push(pkg);
      out.findings.push({ id: 'tool-added', data: { tool: program, keyword: need.by, package: pkg }, ...(need.line ? { line: need.line } : {}) });
    } else
      out.declines.push({
        id: 'command-missing',
        data: { keyword: need.by, command: need.programs[0]!, why: `the runtime base has no ${need.programs.join(' or ')}, which the full image had or the build installed, and dfsplit knows no package of ${runtimeBase} that provides it` },
        ...(need.line ? { line: need.line } : {}),
      });
  }
  return out;
}

/**
 * The programs the packages `names` of family `familyId`'s registry run at run time (`runtimePrograms`:
 * simple-git runs git, errbot git), for a preset that reads its dependencies from the context.
 */
export function packagesNeedPrograms(familyId: string, names: Iterable<string>): NeededProgram[] {
  return [...names].flatMap((name) => packageRuntimePrograms(familyId, name).map((program) => ({ programs: [program], by: name })));
}

/**
 * Programs the image's own code runs at run time besides its start command (src/analyze/helper-programs.ts),
 * as the state model proves them: each needs one of its names on the runtime stage.
 */
export function helperPrograms(analysis: Analysis, model: Model): Started[] {
  return helperProgramsOf(analysis.runs).map((h) => ({ word: h.programs[0]!, line: model.instructions[h.index]!.line, keyword: h.by, helper: { also: h.programs.slice(1) } }));
}

/** The absolute paths among a start command's arguments (past its program), variables aside. */
function namedPaths(words: readonly string[], line: number, keyword: string): Started[] {
  const out: Started[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const path = w.startsWith('/') ? w : /^--?[\w-]+=(\/.*)$/.exec(w)?.[1];
    if (path && /^[\w./+@-]+$/.test(path) && path !== '/') out.push({ word: path.replace(/\/+$/, ''), line, keyword, names: words.slice(0, i + 1).join(' ') });
  }
  return out;
}

/** The program a command of a CMD or ENTRYPOINT script starts (`exec java ...` starts java), unless a variable names it. */
function pushProgram(out: Started[], words: readonly string[], ins: { line: number; keyword: Started['keyword'] }): void {
  const word = words[0] === 'exec' ? words[1] : words[0];
  if (word && !word.includes('$')) out.push({ word, line: ins.line, keyword: ins.keyword });
}

/** The programs the container starts: CMD, ENTRYPOINT (and what wrappers start) and HEALTHCHECK; and the absolute paths CMD and ENTRYPOINT name as arguments. */
export function startedPrograms(model: Model, rewrite: { index: number; words: readonly string[] } | null = null): Started[] {
  const out: Started[] = [];
  const named: Started[] = [];
  for (const ins of [last(model, 'ENTRYPOINT'), last(model, 'CMD')]) {
    if (!ins || ins.index === rewrite?.index) continue;
    const script = ins.json && SHELLS.test(ins.json[0] ?? '') && ins.json[1] === '-c' ? ins.json[2] : ins.json ? undefined : ins.command;
    if (ins.json && script === undefined) named.push(...namedPaths(ins.json, ins.line, ins.keyword));
    if (script !== undefined) for (const c of parseShell(script).commands) named.push(...namedPaths(c.words, ins.line, ins.keyword));
  }
  const entrypoint = last(model, 'ENTRYPOINT');
  const cmd = last(model, 'CMD');
  for (const ins of [entrypoint, cmd]) {
    if (!ins) continue;
    // a preset's rewritten command starts the program it names
    if (ins.index === rewrite?.index) {
      if (rewrite.words[0]) out.push({ word: rewrite.words[0], line: ins.line, keyword: ins.keyword });
      if (ins === entrypoint) break;
      continue;
    }
    if (ins.json) {
      const script = SHELLS.test(ins.json[0] ?? '') && ins.json[1] === '-c' ? ins.json[2] : undefined;
      if (script !== undefined) for (const c of parseShell(script).commands) pushProgram(out, c.words, ins);
      const words = unwrap(ins.json);
      if (words[0] && script === undefined) out.push({ word: words[0], line: ins.line, keyword: ins.keyword });
      const first = ins.json[0] ?? '';
      // an entrypoint script started by a path (`/go/src/app/scripts/docker-entrypoint.sh`) hands over to its
      // arguments, and must be there itself: a file of the application, not of the image
      // (so must a process supervisor started by a path, `ENTRYPOINT ["/tini", "--"]` after `ADD https://.../tini /tini`)
      if (script === undefined && first.includes('/') && (WRAPPER_SCRIPTS.has(first.split('/').pop()!) || isSupervisor(first.split('/').pop()!)) && !first.includes('$')) out.push({ word: first, line: ins.line, keyword: ins.keyword });
      if (ins === entrypoint && !isSupervisor(first.split('/').pop() ?? '') && entrypointWrapperWords(first.split('/').pop() ?? '') === undefined) break; // CMD is its arguments
      continue;
    }
    for (const c of parseShell(ins.command).commands) pushProgram(out, c.words, ins);
    if (ins === entrypoint) break;
  }
  const hc = last(model, 'HEALTHCHECK');
  const command = hc?.command;
  if (hc && command) for (const word of runtimeCommandWords(command.text, command.json)) if (!word.includes('$')) out.push({ word, line: hc.line, keyword: 'HEALTHCHECK' });
  return [...out, ...named];
}

/**
 * The words of the command the container starts: the last ENTRYPOINT (else CMD), exec form or one
 * simple shell command (a leading `exec` dropped); null for anything more complex.
 */
export function startCommand(model: Model): { words: readonly string[]; ins: Instruction } | null {
  const ins = last(model, 'ENTRYPOINT') ?? last(model, 'CMD');
  if (!ins) return null;
  let words: readonly string[] | null = ins.json;
  if (!words) {
    const script = parseShell(ins.command);
    if (script.complex || script.commands.length !== 1) return null;
    words = script.commands[0]!.words;
  }
  return { words: words[0] === 'exec' ? words.slice(1) : words, ins };
}

/**
 * A CMD of the stage whose words Docker hands to the ENTRYPOINT `start` is (a CMD set anywhere in the
 * same stage stays with it), or undefined when `start` is not an ENTRYPOINT or no CMD follows it so.
 */
export function entrypointArguments(model: Model, start: Instruction): Instruction | undefined {
  return start.keyword === 'ENTRYPOINT' ? model.instructions.find((i) => i.stage === start.stage && i.keyword === 'CMD') : undefined;
}

/**
 * The first instruction after a build step (`after`, a RUN index; `command` its position among that RUN's
 * commands) and before the command the container starts (`before`) that may change files: a COPY, an
 * ADD, a later command of the same RUN or a later RUN that `harmless` does not accept. A command that
 * builds at start (`cargo run`, `spring-boot:run`) builds from the files as they are then, so a build
 * step stands for it only when nothing comes between. Returns the line and why, or null.
 */
export function filesChangeBetween(model: Model, analysis: Analysis, after: { index: number; command: number }, before: number, harmless: (words: readonly string[]) => boolean): { line: number; what: string } | null {
  const same = analysis.runs
    .get(after.index)
    ?.commands.slice(after.command + 1)
    .find((c) => !harmless(c.words));
  if (same) return { line: model.instructions[after.index]!.line, what: `\`${same.words.slice(0, 3).join(' ')}\` after it in the same RUN` };
  for (let i = after.index + 1; i < before; i++) {
    const ins = model.instructions[i]!;
    if (ins.stage !== model.instructions[before]!.stage) continue;
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') return { line: ins.line, what: `${ins.keyword} on line ${ins.line}` };
    const run = ins.keyword === 'RUN' ? analysis.runs.get(i) : undefined;
    const c = run?.commands.find((x) => !harmless(x.words));
    if (ins.keyword === 'RUN' && (!run || c)) return { line: ins.line, what: `\`${(c?.words ?? ['RUN']).slice(0, 3).join(' ')}\` on line ${ins.line}` };
  }
  return null;
}

/** The programs a command runs: the first exec-form word, or the first word of each shell command. */
export function runtimeCommandWords(text: string, json: readonly string[] | null): string[] {
  if (json) return json[0] ? [json[0]] : [];
  return parseShell(text)
    .commands.map((c) => c.words[0] ?? '')
    .filter(Boolean);
}

/**
 * Steps that give the runtime stage the configuration the builder's base image gave the original
 * (ENV such as PATH and GOPATH, WORKDIR, USER), or a decline when it cannot be given.
 */
export function restoreConfig(model: Model, builderImage: string, runtimeBase: string): { steps: PresetStep[]; findings: Finding[]; declines: Finding[]; builder: ImageConfig | null; runtime: ImageConfig | null } {
  const builder = imageConfig(builderImage);
  const runtime = imageConfig(runtimeBase);
  const none = { steps: [], findings: [], declines: [], builder, runtime };
  // the slim variant of an official image is built with the same configuration as the full one
  if (inheritsSameConfig(builderImage, runtimeBase)) return none;
  if (!builder || !runtime) return { ...none, declines: [{ id: 'runtime-config-unknown', data: { image: runtimeBase, images: [builder ? null : builderImage, runtime ? null : runtimeBase].filter((i) => i !== null).join(' and ') } }] };
  // a variable the file sets itself needs no restoring, unless its first value extends the inherited one
  // (`ENV PATH=/opt/tools/bin:$PATH` keeps the builder image's directories only if the runtime stage has them too)
  const written = new Set<string>();
  const extended = new Set<string>();
  for (const i of model.instructions)
    if (i.stage === 0 && i.keyword === 'ENV')
      for (const [k, v] of i.pairs) {
        if (!written.has(k) && new RegExp(`\\$(${k}\\b|\\{${k}[}:])`).test(v)) extended.add(k);
        written.add(k);
      }
  for (const k of extended) written.delete(k);
  const has = (k: string) => model.instructions.some((i) => i.stage === 0 && i.keyword === k);
  const steps: PresetStep[] = [];
  const findings: Finding[] = [];
  // a variable naming where the image installed its runtime keeps the runtime base's own value (RUNTIME_LOCATION_ENV)
  const own = Object.entries(builder.env).filter(([k, v]) => RUNTIME_LOCATION_ENV.has(k) && runtime.env[k] && runtime.env[k] !== v && !written.has(k));
  for (const [k, v] of own) findings.push({ id: 'env-runtime-own', data: { name: k, from: v, to: runtime.env[k]!, builder: builderImage, image: runtimeBase } });
  const env = Object.entries(builder.env).filter(([k, v]) => !METADATA_ENV.test(k) && runtime.env[k] !== v && !written.has(k) && !own.some(([o]) => o === k));
  if (env.length) steps.push({ kind: 'env', pairs: env });
  for (const [k, v] of env) findings.push({ id: 'config-restored', data: { field: `ENV ${k}`, value: v, builder: builderImage, image: runtimeBase } });
  if (builder.workdir !== runtime.workdir && !has('WORKDIR')) {
    steps.push({ kind: 'workdir', path: builder.workdir });
    findings.push({ id: 'config-restored', data: { field: 'WORKDIR', value: builder.workdir, builder: builderImage, image: runtimeBase } });
  }
  if (builder.user !== runtime.user && !has('USER')) {
    steps.push({ kind: 'user', user: builder.user || 'root' });
    findings.push({ id: 'config-restored', data: { field: 'USER', value: builder.user || 'root', builder: builderImage, image: runtimeBase } });
  }
  const declines: Finding[] = [];
  // an ENTRYPOINT that only wraps (`exec "$@"`) runs the file's CMD as no ENTRYPOINT would
  const wrapsOnly = (c: ImageConfig) => c.entrypoint === null || c.wraps !== null;
  if (JSON.stringify(builder.entrypoint) !== JSON.stringify(runtime.entrypoint) && !has('ENTRYPOINT') && !(wrapsOnly(builder) && wrapsOnly(runtime))) {
    declines.push({ id: 'runtime-config-differs', data: { image: runtimeBase, field: 'ENTRYPOINT', from: JSON.stringify(builder.entrypoint), to: JSON.stringify(runtime.entrypoint) } });
  }
  return { steps, findings, declines, builder, runtime };
}

/**
 * Files of the builder's image that programs read at run time without naming them: the CA certificate bundle
 * (every HTTPS call) and the time zone database. Copied, not installed: they are data, the same on every C
 * library, need no package manager (scratch, distroless) and no network, and are the ones the original ran with.
 * `neededBy` says which repeated command needs them too (a download over HTTPS, a `cp` out of the time zone
 * database), and `unproven` what src/proof.ts records when the runtime base may lack them there.
 */
export const IMAGE_FILES = [
  { path: '/etc/ssl/certs/ca-certificates.crt', pkg: 'ca-certificates', has: hasCaCertificates, what: 'CA certificates', unproven: 'unproven-https-certificates', neededBy: (c: RunCommand) => c.kind === 'fetch' && c.words.some((w) => /^https:\/\//.test(w)) },
  { path: '/usr/share/zoneinfo', pkg: 'tzdata', has: hasZoneinfo, what: 'time zones', unproven: 'unproven-zoneinfo', neededBy: (c: RunCommand) => c.words.some((w) => isInside(w, '/usr/share/zoneinfo')) },
] as const;

/**
 * The image files (CA certificates, time zones) the original had and the runtime base may lack, as artifacts of
 * the builder's image placed after `producer`: the builder's image carries them in every tag (the image table) or
 * the file installs their package, and the runtime base is another image that does not carry them in every tag
 * and gets no install of them (a replayed one, or one a preset writes: `presetSteps`). The slim variant of the same official image is built for the same
 * programs and keeps its own (python), or its program brings its own (node): nothing is copied there.
 */
export function imageFilesToCopy(model: Model, analysis: Analysis, builderImage: string, runtimeBase: string, producer: number, presetSteps: readonly PresetStep[] = []): Artifact[] {
  if (runtimeBase === builderImage || parseImage(runtimeBase).name === parseImage(builderImage).name) return [];
  const phase = new Map(analysis.classifications.map((c) => [c.index, c.phase]));
  const installs = (pkg: string, replayed: boolean) => [...analysis.runs].some(([index, run]) => (!replayed || phase.get(index) !== 'build') && run.commands.some((c) => (replayed ? c.install?.runtime : c.install?.packages)?.includes(pkg)));
  const replays = packageManagerOf(runtimeBase) !== null && hasShell(runtimeBase);
  const out: Artifact[] = [];
  for (const f of IMAGE_FILES) {
    const builderHas = f.has(builderImage) === true || installs(f.pkg, false);
    const presetInstalls = presetSteps.some((st) => st.kind === 'install' && st.packages.includes(f.pkg));
    const runtimeHas = f.has(runtimeBase) === true || presetInstalls || (replays && installs(f.pkg, true));
    if (!builderHas || runtimeHas || f.has(runtimeBase) === null) continue;
    out.push({ path: f.path, producer, fromImage: true, why: { id: 'image-files-copied', data: { path: f.path, what: f.what, builder: builderImage, image: runtimeBase } } });
  }
  return out;
}

/**
 * A shell script the container starts (`ENTRYPOINT ["./bgw.sh"]`, `CMD /node_app/start.sh`) that the file puts in
 * place: its text, read from the build context through the COPY or ADD that brings it (the script itself, or a
 * directory holding it: `ADD ./ /node_app`), or null when dfsplit cannot read it (no build context was given, or
 * a RUN writes it: `git clone`). A shell script's whole business is running programs, which a move to an image
 * without the builder's tools may lose (review-2026-12-06i: flashlight's start script waits with curl; bgw's,
 * cloned by the build, runs git). A script the file neither copies nor writes is the base image's own.
 */
export interface StartScript {
  path: string;
  line: number;
  text: string | null;
  /** Why the text is null. */
  why: string | null;
}

/** The directories of the images' default PATH, where a script started by its bare name is found. */
const SCRIPT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The shell scripts the container starts, as {@link StartScript} says. */
export function startScripts(model: Model, analysis: Analysis, context: BuildContext): StartScript[] {
  const out: StartScript[] = [];
  const stage = model.stages.length - 1;
  const lastIns = model.stages[stage]?.instructions.at(-1);
  const workdir = lastIns === undefined ? '/' : finalWorkdir(model, analysis, lastIns);
  for (const s of startedPrograms(model)) {
    if (s.keyword === 'HEALTHCHECK' || !/\.(sh|bash)$/.test(s.word) || s.word.includes('$')) continue;
    // a path is read from the working directory; a bare name is looked up on PATH
    const candidates = s.word.includes('/') ? [joinPath(workdir, s.word)] : SCRIPT_PATH.map((dir) => `${dir}/${s.word}`);
    for (const path of candidates) {
      const found = out.some((o) => o.path === path) ? null : scriptSource(model, analysis, context, path);
      if (!found) continue;
      out.push({ path, line: s.line, ...found });
      break;
    }
  }
  return out;
}

/** The working directory in effect after instruction `index` (a WORKDIR there included). */
function finalWorkdir(model: Model, analysis: Analysis, index: number): string {
  const ins = model.instructions[index]!;
  const before = analysis.scopes.get(index)?.workdir ?? '/';
  return ins.keyword === 'WORKDIR' && !ins.path.includes('$') ? joinPath(before, ins.path) : before;
}

/** Where the file puts the script at `path`: the text a COPY or ADD of the context brings, null with why, or nothing when the file does not put it there. */
function scriptSource(model: Model, analysis: Analysis, context: BuildContext, path: string): { text: string | null; why: string | null } | null {
  const source = contextSourceOf(model, analysis, path);
  if (source === null) return null;
  if ('line' in source) return { text: null, why: `the RUN on line ${source.line} writes it` };
  if (!context.known) return { text: null, why: 'no build context was read' };
  const text = context.read(source.file);
  if (text === null) return null;
  return text.length <= 65536 ? { text, why: null } : { text: null, why: 'it is too large to read' };
}

/**
 * What puts the path `path` of the final image in place, looking back from the end of the stage: the file of the
 * build context a COPY or ADD brings there (the path itself, or inside a directory it copies: `ADD ./ /node_app`
 * brings /node_app/start.sh from `start.sh`), the line of a RUN that writes it, or null when nothing of the file does.
 */
export function contextSourceOf(model: Model, analysis: Analysis, path: string): { file: string } | { line: number } | null {
  for (const ins of [...model.instructions].reverse()) {
    if (ins.stage !== model.stages.length - 1) continue;
    if (ins.keyword === 'RUN') {
      const run = analysis.runs.get(ins.index);
      if (run?.commands.some((c) => c.produced.some((p) => p === path || isInside(path, p)))) return { line: ins.line };
      continue;
    }
    if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null) continue;
    const scope = analysis.scopes.get(ins.index) ?? '/';
    const dest = copyDestination(ins, scope);
    if (dest === null) continue;
    const landed = copiedPaths(ins, scope) ?? [];
    for (const src of ins.sources) {
      if (/^[a-z]+:\/\//.test(src) || src.includes('*') || src.includes('$')) continue;
      const rel = src.replace(/^\.?\/+/, '').replace(/\/+$/, '');
      // the path itself, under its own name or the destination's
      if (landed.includes(path) && (src.split('/').pop() === path.split('/').pop() || ins.sources.length === 1)) return { file: rel };
      // a directory of the context copied to the destination (`COPY . /app`, `ADD ./ /node_app`)
      if (isInside(path, dest) && path !== dest) return { file: joinPath(`/${rel}`, path.slice(dest === '/' ? 1 : dest.length + 1)).slice(1) };
    }
  }
  return null;
}

/** The compiler an image has by itself, from the image table (gcc of the full ruby, python and node tags), or undefined. */
export function imageCompiler(image: string): string | undefined {
  return compilerPrograms.find((p) => imageConfig(image)?.tools.has(p));
}

/** The programs the builder's image has and the runtime base lacks (none when either is outside the image table, or they are one image). */
export function toolsLost(builderImage: string, runtimeBase: string): string[] {
  const builder = imageConfig(builderImage);
  const runtime = imageConfig(runtimeBase);
  if (builderImage === runtimeBase || !builder || !runtime) return [];
  const rank = (t: string) => (NOTABLE_TOOLS.indexOf(t) + NOTABLE_TOOLS.length + 1) % (NOTABLE_TOOLS.length + 1);
  return [...builder.tools].filter((t) => !runtime.tools.has(t)).sort((a, b) => rank(a) - rank(b));
}

/** The programs code most often runs, named first when a message lists what a runtime base lacks. */
const NOTABLE_TOOLS = ['sh', 'bash', 'git', 'curl', 'wget', 'perl', 'python3', 'python', 'identify', 'convert', 'ps'];

/**
 * The programs a shell script runs: each command's (after `exec`), and the first word of each command substitution,
 * which the parser leaves inside the words of the command around it (flashlight's
 * `timeout_cmd "[ $(curl ... $ES_HOST:9200) -eq 200 ]"`, evaluated later).
 */
export function scriptPrograms(text: string): string[] {
  const out = new Set<string>();
  const add = (word: string | undefined) => {
    const program = word?.split('/').pop() ?? '';
    if (/^[A-Za-z][\w.+-]*$/.test(program)) out.add(program);
  };
  for (const c of parseShell(text).commands) add(c.words[0] === 'exec' ? c.words[1] : c.words[0]);
  const code = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  for (const m of code.matchAll(/\$\(\s*([A-Za-z][\w.+-]*)|`\s*([A-Za-z][\w.+-]*)/g)) add(m[1] ?? m[2]);
  return [...out];
}
