// C and C++ on the official gcc image: what the build writes (`gcc -o`, `make install PREFIX=...`, as the
// analyzer names it) goes onto the Debian slim image of the release the tag names, with the gcc image's
// own C++ runtime from /usr/local/lib64 and the loader configuration that finds it first.
// https://hub.docker.com/_/gcc  https://github.com/docker-library/gcc (GCC built into /usr/local)
import { genericArtifacts } from '../../src/artifacts.js';
import { parseImage } from '../../src/images.js';
import { GCC_TOOLCHAIN_DIRS, gccRelease, gccRuntimeCopies } from '../../src/knowledge/cpp.js';
import { GCC_LOADER_CONF } from '../../src/knowledge/images.js';
import type { Finding } from '../../src/messages.js';
import type { Preset, PresetStep } from '../../src/preset.js';
import { C_SOURCES, leaveSources } from '../shared/runtime-files.js';

export default {
  id: 'cpp',
  summary: "C/C++ on the gcc image: the built files go onto the Debian slim image of the same release, with the gcc image's C++ runtime",
  detect(input) {
    if (parseImage(input.builderImage).name !== 'gcc') return null;
    const { artifacts } = genericArtifacts(input.analysis);
    const first = artifacts[0];
    return first ? `a build on the gcc image writes ${first.path} (line ${input.model.instructions[first.producer]!.line})` : null;
  },
  decide(input) {
    const declines: Finding[] = [];
    const tag = parseImage(input.builderImage).tag ?? 'latest';
    const found = gccRelease(tag);
    const release = found?.release;
    if (!found) declines.push({ id: 'cpp-release-unknown', data: { image: input.builderImage } });
    const copies = gccRuntimeCopies(found?.loaderConf ?? GCC_LOADER_CONF);
    const generic = genericArtifacts(input.analysis);
    declines.push(...generic.declines);
    for (const a of generic.artifacts) {
      if (GCC_TOOLCHAIN_DIRS.has(a.path) || a.path === '/') declines.push({ id: 'cpp-output-toolchain', data: { path: a.path }, line: input.model.instructions[a.producer]!.line });
    }
    const producers = generic.artifacts.map((a) => a.producer).sort((x, y) => x - y);
    const replacements = new Map<number, PresetStep[]>();
    if (producers.length) {
      replacements.set(producers[0]!, [...copies.map(([source, dest]): PresetStep => ({ kind: 'copy', source, dest })), { kind: 'run', script: 'ldconfig' }]);
    }
    // the sources stay in the builder unless the program reads files of them at run time (what it names is copied)
    const cwds = [...input.analysis.runs.values()].flatMap((run) => run.commands.filter((c) => c.kind === 'build').map((c) => c.cwd));
    const sources = leaveSources(input, { language: C_SOURCES, cwds, producer: producers.at(-1)!, what: 'program', keptId: 'cpp-sources-kept' });
    return {
      runtimeBase: { image: release ? `debian:${release}-slim` : input.builderImage, why: `the Debian release of ${input.builderImage}, slim: the program needs the C library and the gcc image's C++ runtime, not the compiler` },
      artifacts: [...generic.artifacts, ...sources.artifacts],
      runtimeReplacements: replacements,
      dropFromRuntime: sources.drop,
      findings: [{ id: 'cpp-runtime-libs', data: { files: copies.map(([from]) => from).join(' ') } }, ...sources.findings],
      unproven: sources.unproven,
      declines,
    };
  },
} satisfies Preset;
