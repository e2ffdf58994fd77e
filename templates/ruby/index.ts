// Ruby: `bundle install` (and the build tools it compiles native gems with) in the builder on the full
// `ruby:<v>` image; the runtime stage is `ruby:<v>-slim` (same release) with the installed gems copied
// from the gem home (/usr/local/bundle: GEM_HOME and BUNDLE_APP_CONFIG in the official images), the
// application directory (with `rails assets:precompile` output in public/assets) and the system
// packages of the gems that load libraries the full image had. `bundle exec` finds bundler on slim.
// A `gem install` of a tool without Bundler is the same split: the gem home (with its bin directory)
// is copied, not installed again; without a Gemfile.lock the gems' libraries are proven by a build.
// https://hub.docker.com/_/ruby  https://bundler.io/man/bundle-install.1.html
import type { RunCommand } from '../../src/analyze/run.js';
import { givesCxxCompiler, isNeutral, packageCommand, pathUse } from '../../src/commands/index.js';
import { optionValue } from '../../src/commands/options.js';
import { genericArtifacts, mergeArtifacts } from '../../src/artifacts.js';
import { bringsGemsBeyondBundler, runsBundler, runsGem, runsRubyBuildTask } from '../../src/commands/ruby.js';
import { isInside } from '../../src/paths.js';
import { devTableApplies, distributionOf, packageManagerOf, parseImage, slimVariant } from '../../src/images.js';
import { packagesLeftBehind } from '../../src/analyze/left-behind.js';
import { repeatedWhole } from '../../src/runtime-stage.js';
import { removedPackages, packageName } from '../../src/analyze/packages.js';
import { ALPINE_CXX_RUNTIME } from '../../src/knowledge/ruby-gems.js';
import { describeRelease } from '../../src/knowledge/runtime-packages.js';
import { releaseOfImage } from '../../src/tags.js';
import type { Finding } from '../../src/messages.js';
import type { Artifact, Override, Preset, PresetInput, PresetStep } from '../../src/preset.js';
import { gemGroups, gemNeeds, installedGems, parseLockfile } from './gems.js';

/** Commands a RUN may hold besides the claimed ones and still stay wholly in the builder. */
/** A command that leaves the image as it was, or only makes directories or files inside what is copied (mkdir, touch). */
const neutral = (c: RunCommand): boolean => isNeutral(c.words[0] ?? '') || pathUse(c.words[0] ?? '')?.makes === 'each';

const isBundle = runsBundler;
/** gem install options that write outside the gem home: its bin directory, the user's gem directory, RubyGems itself. */
const GEM_ELSEWHERE = /^(--system|--user-install|-n|--bindir(=.*)?|-n.+)$/;
/** A `gem install` of gems besides Bundler that the preset copies from the gem home. */
function isGemInstall(w: readonly string[]): boolean {
  return runsGem(w) && sub(w) === 'install' && bringsGemsBeyondBundler(w) && !w.some((x) => GEM_ELSEWHERE.test(x));
}
const sub = (w: readonly string[]) => w.slice(1).find((x) => !x.startsWith('-'));

/** `bundle install` (a bare `bundle` installs too). */
function isBundleInstall(w: readonly string[]): boolean {
  return isBundle(w) && (sub(w) === undefined || sub(w) === 'install');
}

/** A build task (the ruby family's, src/commands/ruby.ts). */
const isBuildTask = runsRubyBuildTask;

/** A command whose whole effect the preset copies from the builder (the gem home, the application). */
function claimed(c: RunCommand): boolean {
  const w = c.words;
  if (isBundle(w)) return ['install', 'config', 'lock', 'package', 'cache', 'binstubs', 'check', 'clean', undefined].includes(sub(w)) || isBuildTask(w);
  // executables put elsewhere (--bindir, --user-install) would not come with the gem home
  if (runsGem(w)) return sub(w) === 'install' && !w.some((x) => GEM_ELSEWHERE.test(x));
  return isBuildTask(w);
}

/** The commands of a RUN the preset cannot keep in the builder beside the ones it claims. */
function unclaimed(commands: readonly RunCommand[]): RunCommand[] {
  return commands.filter((c) => !claimed(c) && !neutral(c) && c.kind !== 'cleanup' && c.kind !== 'package-maintenance' && !c.install);
}

/**
 * Whether the same tag as runtime leaves build packages behind: none when the original removes them in the
 * layer that installs them, or the runtime stage repeats that RUN as written (it also downloads: `git clone`).
 */
function leavesPackagesBehind(input: PresetInput): boolean {
  const phase = new Map(input.analysis.classifications.map((c) => [c.index, c.phase]));
  const whole = (index: number): boolean => {
    const run = input.analysis.runs.get(index)!;
    const kept = run.commands.some(claimed) && !unclaimed(run.commands).length;
    return !kept && repeatedWhole(run, phase.get(index) ?? 'both');
  };
  return packagesLeftBehind(input.analysis, whole) === 'some';
}

/** The groups the file leaves out: BUNDLE_WITHOUT, `bundle config [set] without`, `bundle install --without`. */
function withoutGroups(input: PresetInput, installIndex: number): Set<string> {
  const names: string[] = [];
  const split = (v: string) => names.push(...v.split(/[\s:,]+/).filter(Boolean));
  const env = input.analysis.scopes.get(installIndex)?.env.get('BUNDLE_WITHOUT');
  if (env) split(env);
  for (const [index, run] of input.analysis.runs)
    for (const c of run.commands) {
      if (index > installIndex || !isBundle(c.words)) continue;
      if (c.assigns.BUNDLE_WITHOUT) split(c.assigns.BUNDLE_WITHOUT);
      const at = c.words.indexOf('without');
      if (sub(c.words) === 'config' && at > 0) split(c.words.slice(at + 1).join(' '));
      const flag = c.words.findIndex((w) => w === '--without' || w.startsWith('--without='));
      if (flag >= 0 && c.words[flag]!.includes('=')) split(c.words[flag]!.slice('--without='.length));
      else if (flag >= 0)
        for (const w of c.words.slice(flag + 1)) {
          if (w.startsWith('-')) break;
          split(w);
        }
    }
  return new Set(names);
}

/** The first `bundle install`, else the first `gem install` of gems into the gem home. */
function firstInstall(input: PresetInput): { index: number; command: RunCommand } | null {
  const runs = [...input.analysis.runs].sort((a, b) => a[0] - b[0]);
  for (const test of [isBundleInstall, isGemInstall])
    for (const [index, run] of runs) {
      const command = run.commands.find((c) => test(c.words));
      if (command) return { index, command };
    }
  return null;
}

/** ruby's Alpine tags (`ruby:3.2-alpine`, `ruby:2.5-alpine3.9`): no slim variant, the same tag is the runtime. */
function onAlpine(image: string): boolean {
  return distributionOf(image)?.name === 'alpine';
}

/** True when a RUN installs a C++ compiler (build-base, g++) with apk and does not remove it again in that RUN. */
function keepsCxxCompiler(input: PresetInput): boolean {
  for (const run of input.analysis.runs.values()) {
    const removed = new Set(run.commands.flatMap((c) => removedPackages(c.words)));
    for (const c of run.commands) {
      if (c.install?.manager !== 'apk') continue;
      const virtual = optionValue(c.words, ...(packageCommand(c.words[0] ?? '')?.packages.virtualOptions ?? []));
      if (virtual && removed.has(virtual)) continue;
      if (c.install.packages.some((p) => givesCxxCompiler(packageName(p)) && !removed.has(packageName(p)))) return true;
    }
  }
  return false;
}

function readContext(input: PresetInput, name: string): string | null {
  return input.context.read(name) ?? ((found) => (found.length === 1 ? input.context.read(found[0]!) : null))(input.context.find((p) => p.endsWith(`/${name}`)));
}

export default {
  id: 'ruby',
  summary: 'bundle install in the builder on the full ruby image; the slim image gets the gem home, the application and the libraries of native gems',
  detect(input) {
    const alpine = onAlpine(input.builderImage);
    if (parseImage(input.builderImage).name !== 'ruby' || (!slimVariant(input.builderImage) && !alpine)) return null;
    const first = firstInstall(input);
    if (!first) return null;
    const at = `\`${first.command.words.slice(0, 2).join(' ')}\` on line ${input.model.instructions[first.index]!.line} of ${input.builderImage}`;
    // the same Alpine tag as runtime: a split pays only when build packages are left behind
    if (alpine) return leavesPackagesBehind(input) ? `${at}, whose build packages the runtime stage (the same tag) leaves behind` : null;
    return `${at}, which has a slim variant`;
  },
  decide(input) {
    const declines: Finding[] = [];
    const findings: Finding[] = [];
    const overrides = new Map<number, Override>();
    const replacements = new Map<number, PresetStep[]>();
    const runs = [...input.analysis.runs].sort((a, b) => a[0] - b[0]);
    const unproven: Finding[] = [];
    const first = firstInstall(input)!;
    const installLine = input.model.instructions[first.index]!.line;
    const install = first.command;
    const bundled = isBundleInstall(install.words);
    // the RUNs of bundle, gem and build tasks stay in the builder; their runtime packages are installed again
    const claimedRuns: number[] = [];
    for (const [index, run] of runs) {
      const mine = run.commands.filter(claimed);
      if (!mine.length) continue;
      const line = input.model.instructions[index]!.line;
      const others = unclaimed(run.commands);
      if (others.length) {
        const risky = mine.find((c) => isBundleInstall(c.words) || isBuildTask(c.words) || bringsGemsBeyondBundler(c.words));
        if (risky) declines.push({ id: 'language-install-mixed', data: { command: risky.words.slice(0, 3).join(' '), commands: [...new Set(others.map((c) => c.words[0]))].join(', ') }, line });
        continue;
      }
      claimedRuns.push(index);
      // gems no lockfile lists: what their native extensions load is known only from a build
      for (const c of mine.filter((x) => isGemInstall(x.words))) unproven.push({ id: 'unproven-gem-install', data: { command: c.words.slice(0, 3).join(' '), image: slimVariant(input.builderImage) ?? input.builderImage }, line });
      overrides.set(index, { phase: 'build', reason: 'run-preset', data: { preset: 'ruby', detail: 'installs gems or builds assets in the builder; the gem home and the application are copied to the runtime stage' } });
      const lines = run.commands.filter((c) => c.install?.runtime.length).map((c): PresetStep => ({ kind: 'install', tool: c.install!.tool, manager: c.install!.manager, packages: c.install!.runtime, recommends: c.install!.recommends }));
      if (lines.length) replacements.set(index, lines);
    }
    // the application directory (Gemfile, assets) of a Bundler app, and every gem home and config the
    // claimed commands wrote (a `gem install` alone: the gem home with its bin directory)
    const app = bundled ? install.cwd : null;
    const producer = Math.max(...claimedRuns, first.index);
    if (app === '/') declines.push({ id: 'output-not-located', data: { why: '`bundle install` runs in / (no WORKDIR), so the application cannot be told from the rest of the system' }, line: installLine });
    const artifacts: Artifact[] = app === null ? [] : [{ path: app, producer, why: { id: 'artifact-output', data: { path: app, command: install.words.slice(0, 2).join(' ') }, line: installLine } }];
    for (const i of claimedRuns)
      for (const c of input.analysis.runs.get(i)!.commands.filter(claimed)) {
        for (const path of c.outputs.filter((p) => app === null || !isInside(p, app))) artifacts.push({ path, producer, why: { id: 'artifact-output', data: { path, command: c.words.slice(0, 3).join(' ') }, line: input.model.instructions[i]!.line } });
      }
    if (!artifacts.length) declines.push({ id: 'output-not-located', data: { why: `\`${install.words.slice(0, 2).join(' ')}\` runs without GEM_HOME or --install-dir, so where its gems go is not known` }, line: installLine });
    // outputs of other build steps (a frontend build, generated files) follow the generic rules
    const generic = genericArtifacts(input.analysis);
    declines.push(...generic.declines);
    artifacts.push(...generic.artifacts);
    // native gems: what the full image gave them, installed on slim
    const lock = bundled ? readContext(input, 'Gemfile.lock') : null;
    const parsed = lock === null ? null : parseLockfile(lock);
    const alpine = onAlpine(input.builderImage);
    const runtimeBase = alpine ? { runtimeBase: { image: input.builderImage, why: 'ruby has no slim Alpine image: the same tag, without the build packages, the -dev headers and the sources' } } : {};
    const result = { ...runtimeBase, artifacts: mergeArtifacts(artifacts), overrides, runtimeReplacements: replacements, declines, findings, unproven };
    const already = new Set(runs.flatMap(([, r]) => r.commands.flatMap((c) => c.install?.runtime ?? []).map(packageName)));
    const at = claimedRuns.find((i) => i >= first.index) ?? first.index;
    // extensions compiled with g++ load the C++ runtime, which ruby's Alpine image does not have
    if (alpine && keepsCxxCompiler(input) && ALPINE_CXX_RUNTIME.some((p) => !already.has(p))) {
      const libs = ALPINE_CXX_RUNTIME.filter((p) => !already.has(p));
      for (const p of libs) already.add(p);
      replacements.set(at, [{ kind: 'install', manager: 'apk', packages: libs }, ...(replacements.get(at) ?? [])]);
      findings.push({ id: 'ruby-native-libs', data: { libs: libs.join(' '), gems: 'native extensions compiled with g++' }, line: input.model.instructions[at]!.line });
    }
    // without Gemfile.lock the gems are unknown: the same split, proven by a build
    if (bundled && !parsed) unproven.push({ id: 'ruby-lockfile-unread', line: installLine });
    if (!parsed) return result;
    const gemfile = readContext(input, 'Gemfile');
    const installed = installedGems(parsed, gemfile === null ? null : gemGroups(gemfile), withoutGroups(input, first.index));
    const manager = packageManagerOf(input.builderImage) === 'apk' ? 'apk' : 'apt';
    const needs = gemNeeds(parsed, installed, input.model.text, manager);
    for (const u of needs.unknown) declines.push({ id: 'ruby-native-unknown', data: u });
    findings.push({ id: 'ruby-native-unchecked' });
    const libs = [...new Set([...needs.packages.values()].flat())].filter((l) => !already.has(l));
    const gems = [...needs.packages].filter(([, l]) => l.some((x) => libs.includes(x))).map(([g]) => g);
    if (parsed.git && !already.has('git')) {
      libs.push('git');
      gems.push('git sources (Gemfile.lock GIT)');
    }
    // on Alpine a gem's library comes from the file's own installs, which the runtime stage repeats; one they do not
    // give was in the builder only if a build package left behind brought it (build-base brings file): a build
    // proves it (git, for gems from git, is installed as on Debian)
    const unnamed = alpine ? libs.filter((l) => !(parsed.git && l === 'git')) : [];
    const unnamedGems = [...needs.packages].filter(([, l]) => l.some((x) => unnamed.includes(x))).map(([g]) => g);
    if (unnamed.length) unproven.push({ id: 'ruby-alpine-libs', data: { libs: unnamed.join(' '), gems: unnamedGems.join(', '), image: input.builderImage, release: describeRelease(releaseOfImage(input.builderImage)) }, line: installLine });
    if (libs.length) {
      if (!alpine && !devTableApplies(input.builderImage)) declines.push({ id: 'ruby-libs-release', data: { libs: libs.join(' '), image: input.builderImage } });
      replacements.set(at, [{ kind: 'install', manager, packages: libs }, ...(replacements.get(at) ?? [])]);
      findings.push({ id: 'ruby-native-libs', data: { libs: libs.join(' '), gems: gems.join(', ') }, line: input.model.instructions[at]!.line });
    }
    return result;
  },
} satisfies Preset;
