// The system libraries that compiled pip packages need on a slim runtime, read from the requirements
// (arguments or requirement files in the build context) and the table in src/knowledge.
import { PYTHON_COMPILED, PYTHON_LINKS_WHAT_IT_FINDS, PYTHON_PURE_EXTRAS, requirementExtras, requirementName } from '../../src/knowledge/compiled-packages.js';
import { describeRelease, namesVaryByRelease, runtimeNamesFor } from '../../src/knowledge/runtime-packages.js';
import { packageManagerOf, slimVariant } from '../../src/images.js';
import { packagesNeedPrograms, programsToInstall } from '../../src/runtime-contract.js';
import { releaseWithOtherNames } from '../../src/runtime-libraries.js';
import { movesRelease, releaseOfImage } from '../../src/tags.js';
import { exportsPoetryLock } from '../../src/commands/python-env.js';
import type { Finding } from '../../src/messages.js';
import type { PresetInput } from '../../src/preset.js';
import { joinPath } from '../../src/shell.js';
import { requirementFiles, requirementsOf, type PipCommand } from './python.js';

/**
 * Runtime packages the requirements need on the builder's release, and their manager; `unread`, the requirement files
 * the build context does not show (each preset says what only a build then proves); `unproven` (the -dev package
 * installed as written) when the names are not known for that release.
 */
export function runtimeLibraries(input: PresetInput, installs: readonly PipCommand[]): { manager: 'apt' | 'apk'; packages: string[]; findings: Finding[]; declines: Finding[]; unproven: Finding[]; unread: { file: string; line: number }[] } {
  const names: string[] = [];
  const declines: Finding[] = [];
  const unread: { file: string; line: number }[] = [];
  // extras pull in packages the table does not see: only those it knows to be pure are proven
  const extras = new Map<string, string[]>();
  const noteExtras = (line: string, n: string): void => {
    const unknown = requirementExtras(line).filter((e) => !(PYTHON_PURE_EXTRAS[n] ?? []).includes(e));
    if (unknown.length) extras.set(n, [...new Set([...(extras.get(n) ?? []), ...unknown])]);
  };
  for (const p of installs) {
    const line = input.model.instructions[p.index]!.line;
    for (const r of requirementsOf(p.args)) {
      const n = requirementName(r);
      if (n) names.push(n);
      if (n) noteExtras(r, n);
    }
    for (const file of requirementFiles(p.args)) {
      const workdir = input.analysis.scopes.get(p.index)?.workdir ?? '/';
      const absolute = joinPath(p.command.cwd ?? workdir, file);
      const text = exportedRequirements(input, absolute) ?? readRequirements(input, absolute, file);
      if (text === null) {
        unread.push({ file, line });
        continue;
      }
      for (const l of text.split(/\r?\n/)) {
        if (/^\s*-r\s/.test(l)) {
          unread.push({ file: l.trim().slice(3), line });
          continue;
        }
        const n = requirementName(l);
        if (n) names.push(n);
        if (n) noteExtras(l, n);
      }
    }
  }
  // what the file already installs for the runtime is there already
  const installed = new Set([...input.analysis.runs.values()].flatMap((r) => r.commands.flatMap((c) => c.install?.runtime ?? [])));
  const packages: string[] = [];
  const findings: Finding[] = [];
  const unproven: Finding[] = [];
  // the runtime stage is the builder's image or its slim variant: the same distribution and release
  const manager = packageManagerOf(input.builderImage) === 'apk' ? 'apk' : 'apt';
  const release = releaseOfImage(input.builderImage);
  const moving = movesRelease(input.builderImage);
  for (const [name, which] of extras) unproven.push({ id: 'unproven-extras', data: { name, extras: which.join(','), image: input.builderImage } });
  // programs the packages run when the app runs (errbot: git, pydub: ffmpeg; the python family's runtimePrograms):
  // the slim variant has none of buildpack-deps' tools
  const programs = programsToInstall(packagesNeedPrograms('python', new Set(names)), input.builderImage, slimVariant(input.builderImage) ?? input.builderImage, installed);
  declines.push(...programs.declines);
  findings.push(...programs.findings);
  packages.push(...programs.packages.filter((p) => !packages.includes(p)));
  for (const n of new Set(names)) {
    if (PYTHON_LINKS_WHAT_IT_FINDS.has(n)) unproven.push({ id: 'unproven-linked-libs', data: { name: n, image: input.builderImage } });
    const libs = PYTHON_COMPILED[n.replace(/-binary$/, '')];
    if (!libs || n.endsWith('-binary')) continue;
    const { packages: named, unknown } = runtimeNamesFor(libs[manager], manager, release);
    // names of the release a moving tag (`python:3`) is built on now: a pin of the builder fixes it (src/pin.ts)
    const varying = release && moving ? libs[manager].find((dev) => namesVaryByRelease(dev, release.distribution)) : undefined;
    if (varying && !unproven.some((u) => u.id === 'unproven-release-packages')) unproven.push({ id: 'unproven-release-packages', data: { dev: varying, runtime: named.join(' '), image: input.builderImage, release: describeRelease(release) } });
    // a frozen tag that moved before it froze (`python:3.6`: jessie first): names for its last release only
    if (release && !moving && !unproven.some((u) => u.id === 'unproven-release-era'))
      for (const dev of libs[manager]) {
        const runtime = runtimeNamesFor([dev], manager, release).packages;
        const era = releaseWithOtherNames(dev, manager, runtime, input.builderImage);
        if (!era) continue;
        unproven.push({ id: 'unproven-release-era', data: { dev, runtime: runtime.join(' '), image: input.builderImage, release: describeRelease(release), earlier: describeRelease(era) } });
        break;
      }
    for (const dev of unknown) unproven.push({ id: 'runtime-package-unknown', data: { dev, release: describeRelease(release), image: input.builderImage } });
    for (const l of named) if (!packages.includes(l) && !installed.has(l)) packages.push(l);
    if (named.length) findings.push({ id: 'compiled-package-libs', data: { name: n, libs: named.join(' ') } });
  }
  return { manager, packages, findings, declines, unproven, unread };
}

/** A requirements file from the build context: by the name the COPY gave it, found by its base name. */
export function readRequirements(input: PresetInput, absolute: string, file: string): string | null {
  if (!input.context.known) return null;
  const base = file.split('/').pop()!;
  for (const candidate of [file, base, absolute.replace(/^\//, '')]) {
    const text = input.context.read(candidate);
    if (text !== null) return text;
  }
  const found = input.context.find((p: string) => p.split('/').pop() === base);
  return found.length === 1 ? input.context.read(found[0]!) : null;
}

/**
 * The requirements a `poetry export -o FILE` of the builder wrote to `absolute`, as the package names of the
 * poetry.lock it exports from (every group's: a superset), or null when no export wrote it or the lock is not
 * in the build context. https://python-poetry.org/docs/cli/#export
 */
function exportedRequirements(input: PresetInput, absolute: string): string | null {
  const exported = [...input.analysis.runs.values()].some((r) => r.commands.some((c) => c.kind === 'generate' && exportsPoetryLock(c.words) && c.outputs.includes(absolute)));
  if (!exported || !input.context.known) return null;
  const locks = input.context.find((p: string) => p.split('/').pop() === 'poetry.lock');
  const lock = locks.length === 1 ? input.context.read(locks[0]!) : null;
  if (lock === null) return null;
  return [...lock.matchAll(/^\[\[package\]\]\s*\r?\nname\s*=\s*"([^"]+)"/gm)].map((m) => m[1]!).join('\n');
}
