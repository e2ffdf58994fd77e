// npm's global install (`npm install -g serverless`) on the node image is repeated in the runtime stage, which has
// no build tools: when the file installed compilers before it (native addons built with make and g++), the repeat
// may fail, and the split was declined (replay-needs-build-tools). What experts write instead: the packages the
// builder installed, copied. Every variant of a node tag has node in the same prefix (NODE_GLOBAL_PREFIX), so
// each named package's directory under lib/node_modules is copied to the same place; the programs npm linked
// into bin are named by each package's package.json, unknown here, so the builder gathers exactly the links that
// point into those packages into a directory of its own (a declared builder edit right after the install, `cp -P`
// keeps them links), and that directory is copied onto bin. Whether the addons compiled with the builder's tools
// find every library they load on the runtime image only a build shows: always `build` level (unproven-global-copy).
// Beyond the node image, npm's global prefix follows from how the file installed node (NPM_GLOBAL_PREFIXES): the
// builder then checks it (`npm config get prefix`) before it gathers the links, so a wrong reading fails the build
// instead of copying nothing.
import { filePaths, type Analysis } from './analyze/index.js';
import type { RunCommand } from './analyze/run.js';
import { runtimePart } from './runtime-stage.js';
import { familyOf, installedNodePackages, isBuildToolPackage, isNeutral, npmCacheCommand, npmConfigSet, npmGlobalPackages, packageCommand } from './commands/index.js';
import { imageCompiler } from './runtime-contract.js';
import { BUILD_CLI_PACKAGES } from './knowledge/toolbox.js';
import { distributionOf, isDistributionImage, parseImage, slimVariant } from './images.js';
import { NODE_GLOBAL_PREFIX, NODE_SHIPPED_PACKAGES } from './knowledge/images.js';
import { NPM_GLOBAL_PREFIXES, NPM_INSTALLS_AT_RUN_TIME } from './knowledge/node-packages.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import type { BuilderEdit, Override, PresetDecision, PresetStep } from './preset.js';

/** Where the builder gathers the links of each copied install (one directory per RUN, numbered). */
const LINKS = '/npm-global-links';

/**
 * The decision with every npm global install after the file's build tools copied, not repeated, and what a build must
 * prove; null when there is none. `imageCompilers`: the builder image's own compilers count as build tools from the
 * start when its slim variant lacks them (a file whose only build is `npm install -g x` on a full node tag, which the
 * plan would otherwise leave alone: repeating the install on the slim variant could not compile x's native addons).
 */
export function copyGlobalInstalls(model: Model, analysis: Analysis, builderImage: string, decision: PresetDecision, imageCompilers = false): { decision: PresetDecision; unproven: Finding[] } | null {
  // npm's prefix known (the official node image's, or the one of the way the file installed node), with nothing that
  // moves it (NPM_CONFIG_PREFIX, `npm config set prefix`, an .npmrc) and no runtime base of the preset's or the user's
  const found = npmGlobalPrefix(model, analysis, builderImage);
  if (!found || decision.runtimeBase || movesPrefix(model) || model.text.includes(LINKS)) return null;
  const { prefix, checked } = found;
  const overrides = new Map<number, Override>(decision.overrides ?? []);
  const replacements = new Map<number, readonly PresetStep[]>(decision.runtimeReplacements ?? []);
  const edits: BuilderEdit[] = [...(decision.builderEdits ?? [])];
  const unproven: Finding[] = [];
  // on a full node tag with no other build, a global install this does not copy (`yarn global add elm`) would be
  // repeated on the slim variant without the image's compilers, and a build or scaffolding CLI among the packages
  // (gatsby, hexo-cli, elm) makes a development box for mounted code, which uses the full image's git and compilers
  // (review fullnode-2026-12-07e)
  if (imageCompilers) {
    const globals = [...analysis.runs.values()].flatMap((r) => r.commands.filter((c) => c.kind === 'setup' && familyOf(c.words[0] ?? '')?.id === 'node'));
    if (globals.some((c) => npmGlobalPackages(c.words) === null || installedNodePackages(c.words).some((p) => BUILD_CLI_PACKAGES.has(p)))) return null;
  }
  const slim = slimVariant(builderImage);
  let compilers = imageCompilers && imageCompiler(builderImage) !== undefined && (slim === null || imageCompiler(slim) === undefined);
  for (const [index, run] of [...analysis.runs].sort((a, b) => a[0] - b[0])) {
    const installsTools = run.commands.some((c) => c.install?.build.some(isBuildToolPackage) ?? false);
    // a RUN too tangled to split (`curl ... | bash - && apt-get install build-essential nodejs`) is repeated whole, build
    // tools and all: copying the packages would leave nothing behind (review moved-2026-12-07d: earthwatchers)
    if (installsTools && run.complex) return null;
    compilers ||= installsTools;
    if (!compilers || replacements.has(index) || overrides.has(index) || analysis.scopes.get(index)?.user || run.complex) continue;
    const installs = run.commands.map((c) => npmGlobalPackages(c.words));
    if (!installs.some((p) => p !== null)) continue;
    // the RUN's other commands run after the copy (`apk add build-base && npm i -g x` installs nothing again): package
    // installs that remove nothing, setup that stands alone, npm's own settings (movesPrefix rules out the prefix) and
    // cleanups of caches; anything else is declined as before
    const rest = run.commands.filter((_, i) => installs[i] === null);
    if (!rest.every((c) => npmCacheCommand(c.words) || isNeutral(c.words[0] ?? '') || (npmConfigSet(c.words) && !c.nested) || liftable(c))) continue;
    // (npm's cache cleaned again where nothing filled it would be a step that does nothing)
    const after = runtimePart(
      run.script,
      rest.filter((c) => !npmCacheCommand(c.words)),
      analysis.scopes.get(index)?.workdir ?? '/',
    ).text;
    const packages = [...new Set(installs.flatMap((p) => p ?? []))];
    // an upgrade of npm itself copied over the runtime image's own npm would keep the old version's files beside the new
    if (packages.some((p) => NODE_SHIPPED_PACKAGES.includes(p))) continue;
    // a program that installs packages with npm when it runs needs the build tools the copy would leave behind
    if (packages.some((p) => NPM_INSTALLS_AT_RUN_TIME.includes(p))) continue;
    const dir = `${LINKS}/${edits.filter((e) => e.kind === 'run' && e.script.includes(LINKS)).length + 1}`;
    const modules = `${prefix}/lib/node_modules`;
    // npm links a package's programs relative to bin (`../lib/node_modules/x/cli.js`); the old npm of a distribution's
    // own package may link them absolute
    const targets = packages.flatMap((p) => [`../lib/node_modules/${p}/*`, ...(checked ? [`${modules}/${p}/*`] : [])]).join('|');
    const check = checked ? `test "$(npm config get prefix)" = ${prefix} && ` : '';
    edits.push({ kind: 'run', after: index, script: `${check}mkdir -p ${dir} && for f in ${prefix}/bin/*; do case "$(readlink "$f")" in ${targets}) cp -P "$f" ${dir}/ ;; esac; done` });
    replacements.set(index, [...packages.map((p): PresetStep => ({ kind: 'copy', source: `${modules}/${p}`, dest: `${modules}/${p}` })), { kind: 'copy', source: `${dir}/`, dest: `${prefix}/bin/`, gathered: true }, ...(after ? [{ kind: 'run', script: after } as PresetStep] : [])]);
    const command = run.commands[installs.findIndex((p) => p !== null)]!.words.slice(0, 3).join(' ');
    overrides.set(index, { phase: 'build', reason: 'run-global-copy', data: { command, packages: packages.join(', ') } });
    unproven.push({ id: 'unproven-global-copy', data: { command, packages: packages.join(', '), image: slimVariant(builderImage) ?? builderImage }, line: model.instructions[index]!.line });
  }
  if (!unproven.length) return null;
  return { decision: { ...decision, overrides, runtimeReplacements: replacements, builderEdits: edits }, unproven };
}

/** A command of an install's RUN that runs on its own after the copy: an install, setup, the package manager's upkeep or a cache cleanup, in no pipe or loop. */
function liftable(c: RunCommand): boolean {
  if (c.nested) return false;
  if (c.install) return true;
  if (c.kind === 'setup') return true;
  // the package manager's own upkeep (`apk upgrade --update`, `apt-get update`), not a removal of packages
  const manager = c.kind === 'package-maintenance' ? packageCommand(c.words[0] ?? '') : undefined;
  if (manager) return !manager.sub.removes.includes(c.words.slice(1).find((w) => !w.startsWith('-')) ?? '');
  const paths = c.kind === 'cleanup' ? filePaths(c) : null;
  return paths !== null && paths.length > 0 && paths.every((w) => CACHES.some((d) => w === d || w.startsWith(`${d}/`)));
}

/** Where package managers and npm keep caches and temporary files, which nothing reads at run time. */
const CACHES = ['/tmp', '/var/tmp', '/var/cache', '/root/.npm', '/root/.cache', '/root/.node-gyp'];

/**
 * True when an instruction names npm's prefix (NPM_CONFIG_PREFIX, `npm config set prefix`) or an .npmrc, which may set
 * it. Not a comment. An .npmrc that sets something else (strapi's `unsafe-perm`) still declines: the two strapi images
 * that write it run `npm install` when the container starts, with the build tools the copy leaves behind (review
 * precision-2026-12-07p).
 */
function movesPrefix(model: Model): boolean {
  return model.instructions.some((i) => /prefix|npmrc/i.test(i.args));
}

/**
 * npm's global prefix in the builder, and whether the builder must check it: the official node image's own
 * (NODE_GLOBAL_PREFIX), else the one of the way the file installs node on a distribution's image
 * (NPM_GLOBAL_PREFIXES), checked at build time; null when none is known or nvm manages node.
 */
function npmGlobalPrefix(model: Model, analysis: Analysis, builderImage: string): { prefix: string; checked: boolean } | null {
  if (parseImage(builderImage).name === 'node') return { prefix: NODE_GLOBAL_PREFIX, checked: false };
  const distribution = distributionOf(builderImage)?.name;
  if (!distribution || !isDistributionImage(builderImage) || /\bnvm\b|\bn\s+(lts|latest|stable|\d)/.test(model.text)) return null;
  const installed = new Set([...analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => c.install?.packages ?? [])));
  const way = NPM_GLOBAL_PREFIXES.find((w) => w.distributions.includes(distribution) && w.installs.test(model.text) && (w.packages.length === 0 || w.packages.some((p) => installed.has(p))) && !(w.unless?.test(model.text) ?? false));
  return way ? { prefix: way.prefix, checked: true } : null;
}

/** The package directories npm's global installs of a builder make where npm's prefix is known (the check's view of what the builder makes). */
export function globalPackagePaths(model: Model, builderImage: string, analysis: Analysis): string[] {
  const found = npmGlobalPrefix(model, analysis, builderImage);
  if (!found) return [];
  return [...analysis.runs.values()].flatMap((run) => run.commands.flatMap((c) => (npmGlobalPackages(c.words) ?? []).map((p) => `${found.prefix}/lib/node_modules/${p}`)));
}
