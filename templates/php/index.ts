// PHP: Composer and extension builds run in the builder. There is no slim php image, so the runtime
// stage starts from the same tag and gains by what it leaves behind: Composer, git, the -dev packages,
// caches and sources. It copies the project directory (vendor/ with production packages only, after a
// `composer install --no-dev` added to the builder) and the compiled extensions (the extension directory
// and conf.d), and installs the runtime libraries of the -dev packages the extensions were built with.
// https://hub.docker.com/_/php  https://getcomposer.org/doc/articles/autoloader-optimization.md
import { genericArtifacts, mergeArtifacts } from '../../src/artifacts.js';
import { classificationOf, type Classification } from '../../src/analyze/index.js';
import { packagesLeftBehind } from '../../src/analyze/left-behind.js';
import type { RunCommand } from '../../src/analyze/run.js';
import { installerCompanion, isNeutral } from '../../src/commands/index.js';
import { phpImageOf } from '../../src/images.js';
import type { Finding } from '../../src/messages.js';
import type { Artifact, BuilderEdit, Override, Preset, PresetInput } from '../../src/preset.js';
import { composerSteps, installs, installsDev, isComposer, projectDir, pruneCommand, readComposerJson, runtimeNeedsDev } from './composer.js';
import { extensionDir, extensionPaths, extensionRuns } from './extensions.js';

/** A command a RUN may have besides Composer and still be all build: a neutral one (cd, echo) or a cleanup (rm). */
const neutral = (c: RunCommand): boolean => isNeutral(c.words[0] ?? '') || c.kind === 'cleanup';

function buildOnly(detail: string): Override {
  return { phase: 'build', reason: 'run-preset', data: { preset: 'php', detail } };
}

/**
 * Overrides for Composer itself (the COPY that brings it, the RUNs that install or run it): the RUNs it
 * keeps in the builder, and the declines.
 */
function composerOverrides(input: PresetInput, overrides: Map<number, Override>): { claimed: Set<number>; declines: Finding[] } {
  const declines: Finding[] = [];
  const claimed = new Set<number>();
  for (const ins of input.model.instructions) {
    if (ins.keyword === 'COPY' && /(^|\/)composer(:|@|$)/.test(ins.from ?? '')) overrides.set(ins.index, buildOnly('Composer is a build tool: it stays in the builder'));
    if (ins.keyword !== 'RUN') continue;
    const run = input.analysis.runs.get(ins.index);
    if (!run) continue;
    const composer = run.commands.filter((c) => isComposer(c.words));
    const installer = run.commands.some((c) => c.words.some((w) => /getcomposer\.org|composer-setup|composer\.phar/.test(w)));
    if (!composer.length && installer && run.commands.every((c) => installerCompanion(c.words[0] ?? ''))) {
      overrides.set(ins.index, buildOnly('downloads Composer, a build tool: it stays in the builder'));
      claimed.add(ins.index);
    } else if (composer.length && run.commands.every((c) => isComposer(c.words) || neutral(c))) {
      overrides.set(ins.index, buildOnly('runs Composer in the builder; the project directory is copied to the runtime stage'));
      claimed.add(ins.index);
    } else {
      // a Composer command the analyzer would repeat in the runtime stage, which has no Composer
      const replayed = composer.find((c) => ['setup', 'unknown', 'pip'].includes(c.kind));
      const others = run.commands.filter((c) => !isComposer(c.words) && !neutral(c)).map((c) => c.words[0]);
      if (replayed) declines.push({ id: 'language-install-mixed', data: { command: replayed.words.slice(0, 3).join(' '), commands: [...new Set(others)].join(', ') }, line: ins.line });
    }
  }
  for (const ins of input.model.instructions) {
    if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
    const words = ins.words;
    if (isComposer(words)) declines.push({ id: 'runtime-uses-toolchain', data: { command: words.join(' ') }, line: ins.line });
  }
  return { claimed, declines };
}

export default {
  id: 'php',
  summary: 'Composer and PHP extensions built in the builder; the same php tag at runtime with the project (production vendor/ only), the extension directory and conf.d, without Composer or build packages',
  detect(input) {
    // php's images and those built on one (wordpress, drupal: the image table's `php`)
    if (phpImageOf(input.builderImage) === null) return null;
    const steps = composerSteps(input);
    const line = (index: number) => input.model.instructions[index]!.line;
    if (steps.length) return `Composer (\`${steps[0]!.exe} ${steps[0]!.sub}\`) on line ${line(steps[0]!.index)} of ${input.builderImage}`;
    // extensions alone: worth a split only when build packages can stay behind (the image has its compilers)
    const ext = extensionRuns(input.analysis.runs).copied;
    // (a -dev package the same RUN purges again, `apt-get purge --auto-remove libldap2-dev`, is not in the original
    // either: the runtime stage would be the same tag with the same extensions, so there is nothing to leave behind)
    const leaves = packagesLeftBehind(input.analysis) === 'some';
    return ext.length && leaves ? `PHP extensions compiled on line ${line(ext[0]!.index)}, with build packages the runtime stage leaves behind` : null;
  },
  decide(input) {
    const declines: Finding[] = [];
    const findings: Finding[] = [];
    const edits: BuilderEdit[] = [];
    const artifacts: Artifact[] = [];
    const extArtifacts: Artifact[] = [];
    const overrides = new Map<number, Override>();
    const classification = (index: number): Classification => classificationOf(input.analysis, index)!;
    const composer = composerOverrides(input, overrides);
    declines.push(...composer.declines);
    // Composer: the project directory, with require-dev left behind by an install --no-dev in the builder
    const steps = composerSteps(input);
    const first = steps.find(installs) ?? steps[0];
    if (first) {
      const project = projectDir(first);
      const line = input.model.instructions[first.index]!.line;
      if (project === '/') declines.push({ id: 'output-not-located', data: { why: `\`${first.exe} ${first.sub}\` runs in / (no WORKDIR), so the project cannot be told from the rest of the system` }, line });
      const global = steps.find((s) => s.sub === 'global');
      if (global) declines.push({ id: 'output-not-located', data: { why: '`composer global` installs into COMPOSER_HOME, which dfsplit does not locate' }, line: input.model.instructions[global.index]!.line });
      // the last RUN that may use the project's packages (Composer, php scripts, vendor/bin tools)
      const usesProject = (words: readonly string[]) => isComposer(words) || /^php[\d.]*$/.test(words[0] ?? '') || /(^|\/)vendor\/bin\//.test(words[0] ?? '');
      const projectRuns = [...input.analysis.runs].filter(([i, r]) => i >= first.index && r.commands.some((c) => usesProject(c.words))).map(([i]) => i);
      const last = Math.max(...projectRuns);
      const json = readComposerJson(input);
      const dev = Object.keys(json?.['require-dev'] ?? {}).length;
      if (!json) findings.push({ id: 'php-composer-unread' });
      else if (dev && steps.some((s) => installsDev(input, s))) {
        declines.push(...runtimeNeedsDev(input, json));
        const phpLater = [...input.analysis.runs].some(([i, r]) => i > first.index && r.commands.some((c) => /^php[\d.]*$/.test(c.words[0] ?? '') && !isComposer(c.words)));
        const command = pruneCommand(steps, project, input.analysis.scopes.get(last)?.workdir ?? '/', phpLater);
        const ins = input.model.instructions[last]!;
        edits.push({ kind: 'run', after: last, script: command });
        findings.push({ id: 'php-composer-no-dev', data: { command, count: String(dev) }, line: ins.line });
      }
      artifacts.push({ path: project, producer: last, why: { id: 'artifact-output', data: { path: project, command: `${first.exe} ${first.sub}` }, line: input.model.instructions[last]!.line } });
    }
    // extensions: the helpers' outputs, the extension root narrowed to this tag's directory
    const ext = extensionRuns(input.analysis.runs).copied;
    if (ext.length) {
      // the preset answers for these RUNs: copied, or declined with the reason it cannot copy them
      for (const r of ext) overrides.set(r.index, { phase: classification(r.index).phase, reason: 'run-preset', data: { preset: 'php', detail: 'compiles PHP extensions in the builder; the runtime stage copies them and installs the runtime libraries of the -dev packages' } });
      const dir = extensionDir(input.builderImage);
      if ('why' in dir) declines.push({ id: 'php-extension-dir-unknown', data: { image: input.builderImage, why: dir.why }, line: input.model.instructions[ext[0]!.index]!.line });
      else {
        // copied (with the builder's final extensions) where the first of them is built, so that what the
        // RUNs repeat in the runtime stage (docker-php-ext-enable, a php call) finds every one of them
        const producer = Math.min(...ext.map((r) => r.index));
        const line = input.model.instructions[producer]!.line;
        const commands = [...new Set(ext.flatMap((r) => r.commands.map((c) => c.words.slice(0, 2).join(' '))))].join(', ');
        for (const path of extensionPaths(ext, dir.dir)) extArtifacts.push({ path, producer, why: { id: 'artifact-output', data: { path, command: commands }, line } });
        const confd = extensionPaths(ext, dir.dir).find((p) => p.endsWith('/conf.d')) ?? '/usr/local/etc/php/conf.d';
        findings.push({ id: 'php-extensions-copied', data: { commands, dir: dir.dir, confd }, line });
      }
    }
    // outputs of other build steps (a frontend build, generated files) follow the generic rules; one
    // written through a wildcard (`unzip -d /usr/local/lib/php/extensions/*`) cannot be copied as such
    // (not those of the RUNs that only fetch or run Composer: the project directory covers them)
    const generic = genericArtifacts(input.analysis, composer.claimed);
    declines.push(...generic.declines);
    for (const a of generic.artifacts.filter((x) => /[*?[]/.test(x.path))) declines.push({ id: 'output-not-located', data: { why: `${a.path} is written through a wildcard, which a COPY cannot name` }, line: a.why.line });
    const merged = mergeArtifacts([...generic.artifacts.filter((x) => !/[*?[]/.test(x.path)), ...artifacts]);
    return {
      runtimeBase: { image: input.builderImage, why: 'there is no slim php image: the same tag, without Composer, build packages and sources' },
      artifacts: [...merged, ...extArtifacts.filter((a) => !merged.some((m) => m.path === a.path))].sort((x, y) => x.producer - y.producer || x.path.localeCompare(y.path)),
      overrides,
      builderEdits: edits,
      declines,
      findings,
    };
  },
} satisfies Preset;
