// Language installs on a Debian or Ubuntu image after the file installed compilers (issue 24: `pip install`,
// `python setup.py install`, `cpanm`, `R -e 'install.packages(...)'`, `gem install` with apt's ruby): the generic split
// repeated them in the runtime stage, which has no compilers, and so declined (replay-needs-build-tools). What
// experts write instead: the builder's /usr/local copied whole, where every one of them installs as root on these
// images (pip's dist-packages and scripts, Perl's site directories, R's site library, the gems' programs), with
// apt's gem home, /var/lib/gems, for gem. The distribution's own image ships /usr/local empty, so the copy brings
// exactly what the file installed there, whichever Python or Perl version that is: no release need be known.
// Whether what they compiled finds every library it loads on the runtime image only a build shows: always
// `build` level (unproven-local-copy). The RUN's other commands still run in the runtime stage, after the copy.
// https://wiki.debian.org/Python#Deviations_from_upstream (pip into /usr/local/lib/pythonX.Y/dist-packages)
// https://wiki.debian.org/Teams/Ruby/Packaging (gems into /var/lib/gems)
import type { Analysis } from './analyze/index.js';
import type { RunCommand } from './analyze/run.js';
import { commandOf, compilesNothing, isBuildToolPackage, isReplayedInstall } from './commands/index.js';
import { isVenv } from './commands/python.js';
import { distributionOf, isDistributionImage } from './images.js';
import { BRINGS_COMPILER_BACK } from './knowledge/runtime-packages.js';
import { externallyManaged } from './knowledge/distro-python.js';
import { packagesLeftBehind } from './analyze/left-behind.js';
import { buildRelease } from './tags.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import type { Override, PresetDecision, PresetStep } from './preset.js';
import { installsPipWithRecommends, isDistroPip, runtimeWithoutPipRecommends, servesInstallBuilds } from './pip-recommends.js';

/** The prefix every one of these installs writes into as root on a Debian or Ubuntu image. */
const LOCAL_PREFIX = '/usr/local';
/** apt's ruby installs gems here (its programs go to /usr/local/bin). */
const APT_GEM_HOME = '/var/lib/gems';

/** The families whose system-wide installs land in /usr/local on these images (their `installsElsewhere` says when one does not). */
const LOCAL_FAMILIES: ReadonlySet<string> = new Set(['python', 'perl', 'r', 'ruby']);

/** What in the file moves where these installers write, or gives the image another interpreter than the distribution's. */
const OTHER_ENVIRONMENT = /\b(VIRTUAL_ENV|CONDA_\w+|pyenv|rbenv|rvm|perlbrew|plenv|local::lib|PYTHONUSERBASE|PYTHONHOME|PIP_TARGET|PIP_PREFIX|PIP_USER|GEM_HOME|GEM_PATH|PERL_MB_OPT|PERL_MM_OPT|R_LIBS\w*)\b/;

/** The directories of the distribution's own PATH: another one on an ENV PATH may give other interpreters and installers (a virtual environment, conda). */
const STANDARD_PATH: ReadonlySet<string> = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', '$PATH', '${PATH}']);

/** True when apt installs ruby itself (`ruby`, `ruby2.3`, `ruby-full`): its gem home is /var/lib/gems. */
const APT_RUBY = /^ruby(\d[\d.]*)?(-full)?$/;

/** The decision with such installs copied, not repeated, and what a build must prove; null when the file has none or one cannot be taken. */
export function copyLocalInstalls(model: Model, analysis: Analysis, builderImage: string, decision: PresetDecision): { decision: PresetDecision; unproven: Finding[]; paths: string[]; at: number } | null {
  const d = distributionOf(builderImage);
  if (!d || (d.name !== 'debian' && d.name !== 'ubuntu') || !isDistributionImage(builderImage) || decision.runtimeBase || OTHER_ENVIRONMENT.test(model.text)) return null;
  // a tag that still moves (`ubuntu:latest`) names today's packages, not those of the release the file was written for
  const release = buildRelease(builderImage);
  if (!release) return null;
  // build packages the original removes again in their own layer leave nothing to gain
  if (packagesLeftBehind(analysis) !== 'some') return null;
  const runs = [...analysis.runs].sort((a, b) => a[0] - b[0]);
  // build tools beyond what the installs build with, and no build of the file's own that uses them: a development image
  const buildPackages = runs.flatMap(([, r]) => r.commands.flatMap((c) => (c.install?.manager === 'apt' ? c.install.build : [])));
  if (!buildPackages.every(servesInstallBuilds) && !runs.some(([, r]) => r.commands.some((c) => c.kind === 'build'))) return null;
  // a virtual environment, or another interpreter's directory on PATH, gives pip another home than /usr/local
  if (model.instructions.some((i) => i.keyword === 'ENV' && i.pairs.some(([k, v]) => k === 'PATH' && v.split(':').some((d) => !STANDARD_PATH.has(d))))) return null;
  if (runs.some(([, r]) => r.commands.some((c) => isVenv(c.words)))) return null;
  // a package the runtime stage installs again that brings a compiler back (python3-pip's Recommends, libtool's Depends) leaves nothing behind
  if (runs.some(([, r]) => r.commands.some((c) => c.install?.manager === 'apt' && c.install.runtime.some((p) => !isDistroPip(p) && BRINGS_COMPILER_BACK.some((b) => b.test(p)))))) return null;
  const aptRuby = runs.some(([, r]) => r.commands.some((c) => c.install?.manager === 'apt' && c.install.packages.some((p) => APT_RUBY.test(p))));
  const taken = (c: RunCommand) => isReplayedInstall(c) && !compilesNothing(c.words);
  let compilers = false;
  const found: { index: number; install: RunCommand[] }[] = [];
  for (const [index, run] of runs) {
    compilers ||= run.commands.some((c) => c.install?.build.some(isBuildToolPackage) ?? false);
    const installs = run.commands.filter(taken);
    if (!compilers || !installs.length) continue;
    if (decision.runtimeReplacements?.has(index) || decision.overrides?.has(index) || run.complex || run.shellError) return null;
    if (!['root', '0', null].includes(analysis.scopes.get(index)?.user ?? null)) return null;
    for (const c of installs) {
      const family = commandOf(c.words)?.family;
      if (!family || !LOCAL_FAMILIES.has(family.id) || c.nested || (family.installsElsewhere?.(c.words) ?? true)) return null;
      if (family.id === 'ruby' && !aptRuby) return null;
      // an externally managed Python (PEP 668) refuses pip without the flag: the original does not build either
      if (c.kind === 'pip' && externallyManaged(release) && !c.words.includes('--break-system-packages')) return null;
    }
    found.push({ index, install: installs });
  }
  if (!found.length) return null;
  const sources = [LOCAL_PREFIX, ...(found.some((f) => f.install.some((c) => commandOf(c.words)?.family.id === 'ruby')) ? [APT_GEM_HOME] : [])];
  const overrides = new Map<number, Override>(decision.overrides ?? []);
  const replacements = new Map<number, readonly PresetStep[]>(decision.runtimeReplacements ?? []);
  const unproven: Finding[] = [];
  for (const [k, { index, install }] of found.entries()) {
    const run = analysis.runs.get(index)!;
    const rest = run.commands.filter((c) => !install.includes(c));
    if (rest.some(tangled)) return null;
    const text = runtimeWithoutPipRecommends(run, rest, analysis.scopes.get(index)?.workdir ?? '/');
    const copies: PresetStep[] = k === 0 ? sources.map((s): PresetStep => ({ kind: 'copy', source: s, dest: s })) : [];
    replacements.set(index, [...copies, ...(text ? [{ kind: 'run', script: text } as PresetStep] : [])]);
    const command = install[0]!.words.slice(0, 3).join(' ');
    overrides.set(index, { phase: 'build', reason: 'run-local-copy', data: { command, path: sources.join(' and ') } });
    unproven.push({ id: 'unproven-local-copy', data: { command, path: sources.join(' and '), image: builderImage }, line: model.instructions[index]!.line });
  }
  // pip installed again with its Recommends would bring build-essential back: without them, and setuptools (src/pip-recommends.ts)
  for (const [index, run] of runs) {
    if (replacements.has(index) || !run.commands.some(installsPipWithRecommends)) continue;
    if (overrides.has(index) || run.commands.some(tangled)) return null;
    const text = runtimeWithoutPipRecommends(run, run.commands, analysis.scopes.get(index)?.workdir ?? '/');
    replacements.set(index, text ? [{ kind: 'run', script: text }] : []);
    overrides.set(index, { phase: 'build', reason: 'run-pip-recommends', data: {} });
  }
  return { decision: { ...decision, overrides, runtimeReplacements: replacements }, unproven, paths: sources, at: found[0]!.index };
}

/** A runtime command inside a pipe, a loop or a subshell: it cannot be lifted out of its RUN on its own. */
function tangled(c: RunCommand): boolean {
  return c.nested && (c.kind === 'setup' || c.kind === 'unknown' || c.kind === 'pip' || (c.install?.runtime.length ?? 0) > 0);
}

/** The directories such installs of a builder on a Debian or Ubuntu image write (the check's view of what the builder makes). */
export function localInstallPaths(builderImage: string, analysis: Analysis): string[] {
  const d = distributionOf(builderImage);
  if (!d || (d.name !== 'debian' && d.name !== 'ubuntu')) return [];
  const families = new Set([...analysis.runs.values()].flatMap((r) => r.commands.filter(isReplayedInstall).map((c) => commandOf(c.words)?.family.id ?? '')));
  return [...(families.size ? [LOCAL_PREFIX] : []), ...(families.has('ruby') ? [APT_GEM_HOME] : [])];
}
