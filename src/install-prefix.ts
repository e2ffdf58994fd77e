// C and C++ installed with a build system (`./configure && make install`, `cmake --install`) on a distribution
// image (issue 24): the split is proven by data when the install prefix is all the build installs and the
// runtime stage brings what the program needs around it. The narrow case, every fact from data:
// - every artifact is the prefix of a build-system install: named on the install (`PREFIX=`, `--prefix`) or
//   set up by a configure step (autotools' and CMake's default /usr/local, or their `--prefix` /
//   `-DCMAKE_INSTALL_PREFIX`), with no DESTDIR and no install directory or other path outside the prefix
//   (`--sbin-path=/usr/sbin`, `--conf-path=/etc/x.conf`, `-DCMAKE_INSTALL_LIBDIR=/usr/lib`);
// - the builder's Debian or Ubuntu release is known, and on the builder's own image every -dev package's
//   runtime package is named for it (on the slim image src/runtime-libraries.ts proves them);
// - the runtime stage repeats no part of a RUN that builds after it entered the source tree (`cd src && mkdir build`).
// https://www.gnu.org/prep/standards/html_node/Directory-Variables.html
// https://cmake.org/cmake/help/latest/variable/CMAKE_INSTALL_PREFIX.html
import type { Analysis } from './analyze/index.js';
import type { RunCommand } from './analyze/run.js';
import { configureStep, familyOf, installsConfigured, pathUse } from './commands/index.js';
import { isDistributionImage } from './images.js';
import type { Finding } from './messages.js';
import type { Model } from './model.js';
import { isInside } from './paths.js';
import type { Artifact } from './preset.js';
import { entersDirectory, type RuntimeStep } from './runtime-stage.js';
import { releaseOfImage } from './tags.js';

/** The distributions this narrow case speaks for (issue 24: C and C++ on debian and ubuntu). */
const APT_DISTRIBUTIONS: ReadonlySet<string> = new Set(['debian', 'ubuntu']);

interface PrefixInput {
  model: Model;
  analysis: Analysis;
  builderImage: string;
  runtimeBase: string;
  artifacts: readonly Artifact[];
  steps: readonly RuntimeStep[];
}

/**
 * What keeps a C/C++ install split from being proven by data: `null` when the split is not one (the builder
 * is not a distribution image of a known release, or an artifact is not an install prefix), else each
 * unproven fact (none: proven).
 */
export function installPrefixProof(input: PrefixInput): Finding[] | null {
  const { model, analysis } = input;
  const builder = releaseOfImage(input.builderImage);
  if (!input.artifacts.length || !isDistributionImage(input.builderImage) || !builder?.release || !APT_DISTRIBUTIONS.has(builder.distribution)) return null;
  if (!input.artifacts.every((a) => installedBy(analysis, a))) return null;
  const unproven: Finding[] = [];
  for (const s of input.steps) {
    const entered = enteredBuildTree(analysis, s);
    if (entered) unproven.push({ id: 'unproven-collision', data: { command: `cd ${entered}` }, line: model.instructions[s.source!]!.line });
  }
  unproven.push(...installsOutsidePrefix(model, analysis));
  // on the builder's own image the narrow case names the runtime package of every -dev package (kept as
  // written, it is there, but the split is then the original minus a compiler); another image's runtime
  // packages are src/runtime-libraries.ts's to prove
  const release = builder.release;
  if (input.runtimeBase === input.builderImage)
    for (const [index, run] of analysis.runs) for (const c of run.commands) for (const dev of [...(c.install?.keptDev ?? []), ...(c.install?.unknownRuntime ?? [])]) unproven.push({ id: 'runtime-package-unknown', data: { dev, release, image: input.builderImage }, line: model.instructions[index]!.line });
  return unproven;
}

/**
 * Every build-system install of the file (not only the last one into each prefix, the artifact's maker) that may write
 * outside the prefix copied: `unproven-install-prefix`.
 */
function installsOutsidePrefix(model: Model, analysis: Analysis): Finding[] {
  const unproven: Finding[] = [];
  const runs = [...analysis.runs];
  for (const [index, run] of runs)
    for (const c of run.commands.filter((c) => familyOf(c.words[0] ?? '')?.id === 'build-systems' && installsConfigured(c.words))) {
      const configures = runs.filter(([i]) => i <= index).flatMap(([, r]) => r.commands.filter((k) => configureStep(k.words)));
      const why = outsidePrefix(c, configures);
      if (why) unproven.push({ id: 'unproven-install-prefix', data: { command: c.words.slice(0, 3).join(' '), why }, line: model.instructions[index]!.line });
    }
  return unproven;
}

/**
 * Where the installs behind a split's artifacts may write outside the prefix the runtime stage copies, on any image, when
 * {@link installPrefixProof} does not speak for the split (an artifact beside the install's, another distribution):
 * a `make install` with no configure step installs where its Makefile chooses (mafft's Makefile edited to /opt).
 */
export function installPrefixesUnproven(model: Model, analysis: Analysis, artifacts: readonly Artifact[]): Finding[] {
  return artifacts.some((a) => installedBy(analysis, a)) ? installsOutsidePrefix(model, analysis) : [];
}

/** True when artifact `a` is what build-system installs (`make install`, `cmake --install`) wrote, and nothing else of its RUN. */
function installedBy(analysis: Analysis, a: Artifact): boolean {
  if (a.why.id !== 'artifact-output') return false;
  const makers = analysis.runs.get(a.producer)?.commands.filter((c) => c.outputs.includes(a.path)) ?? [];
  return makers.length > 0 && makers.every((c) => familyOf(c.words[0] ?? '')?.id === 'build-systems' && installsConfigured(c.words));
}

/**
 * The directory runtime step `s` enters to repeat a command of a RUN that builds (a command run after the
 * RUN changed into the source tree, which the runtime stage does not have, such as `ldconfig` in
 * `cd src && make install && ldconfig`), or null.
 */
function enteredBuildTree(analysis: Analysis, s: RuntimeStep): string | null {
  if (s.keyword !== 'RUN' || s.source === null || !analysis.runs.get(s.source)?.commands.some((c) => c.kind === 'build')) return null;
  const workdir = analysis.scopes.get(s.source)?.workdir ?? '/';
  // (a command that does the same anywhere is printed without entering its directory: src/runtime-stage.ts)
  const c = s.commands.find((c) => entersDirectory(c, workdir) || pathUse(c.words[0] ?? '')?.changesDirectory);
  return c ? (entersDirectory(c, workdir) ? c.cwd : c.words.slice(1).join(' ')) : null;
}

/** Why install `c` may write outside its prefix (the first path it installs to), or null when the prefix is all it writes. */
function outsidePrefix(c: RunCommand, configures: readonly RunCommand[]): string | null {
  if (c.words.some((w) => w.startsWith('DESTDIR=')) || 'DESTDIR' in c.assigns) return 'into a DESTDIR';
  const prefix = c.produced[0]!;
  if (c.produced.length > 1) return `also into ${c.produced.slice(1).join(' ')}`;
  const named = c.words.some((w) => /^(PREFIX|prefix)=|^--prefix(=|$)/.test(w));
  if (!named && !configures.length) return 'where its Makefile chooses: no configure step or PREFIX= names the prefix';
  // a configure option that names an absolute path outside the prefix may install or create it (a config file, a log directory)
  const outside = configures.flatMap((k) =>
    k.words
      .slice(1)
      .map((w) => /^(?:-D\w+(?::\w+)?=|--[\w-]+=)(\/\S*)$/.exec(w)?.[1])
      .filter((p): p is string => !!p && !isInside(p, prefix)),
  );
  return outside.length ? `where its configure step also names ${outside.join(' ')}` : null;
}
