// Java: Maven, Gradle or `jar` build the jar in the builder; the runtime stage holds that jar on the JRE
// image of the same Java version (eclipse-temurin:<java>-jre), started by the file's own `java -jar`.
// https://hub.docker.com/_/eclipse-temurin  https://maven.apache.org/guides/introduction/introduction-to-the-standard-directory-layout.html
// https://docs.gradle.org/current/userguide/java_plugin.html (jars land in build/libs)
import { JAVA_BUILD_INPUTS, JAVA_BUILD_TOOLS, jreImage } from '../../src/knowledge/java.js';
import { parseImage } from '../../src/images.js';
import type { Instruction } from '../../src/model.js';
import type { Finding } from '../../src/messages.js';
import type { Preset, PresetInput } from '../../src/preset.js';
import { joinPath } from '../../src/shell.js';
import { startCommand } from '../../src/runtime-contract.js';

/** The jar the container starts (`java ... -jar PATH`), as written. */
function startedJar(input: PresetInput): { jar: string; ins: Instruction } | null {
  const start = startCommand(input.model);
  if (!start || (start.words[0] ?? '').split('/').pop() !== 'java') return null;
  const at = start.words.indexOf('-jar');
  const jar = at > 0 ? start.words[at + 1] : undefined;
  return jar ? { jar, ins: start.ins } : null;
}

/** RUN commands that build jars: Maven/Gradle with a packaging goal, or `jar` creating a file. */
function jarBuilds(input: PresetInput): { index: number; made: (path: string) => boolean; text: string }[] {
  const out: { index: number; made: (path: string) => boolean; text: string }[] = [];
  for (const [index, run] of input.analysis.runs) for (const c of run.commands) {
    const tool = (c.words[0] ?? '').split('/').pop()!;
    const known = JAVA_BUILD_TOOLS[tool];
    if (known && c.words.slice(1).some((w) => known.goals.includes(w)) && !c.words.some((w) => /^(-f|--file|-p|--project-dir|-b|--build-file)(=|$)/.test(w))) {
      const dir = joinPath(c.cwd, known.outputDir);
      out.push({ index, made: (p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/'), text: c.words.slice(0, 2).join(' ') });
    }
    if (tool === 'jar') {
      const w = c.words;
      const long = w.findIndex((x) => x === '--file' || x === '-f' || x.startsWith('--file='));
      const file = long > 0 ? (w[long]!.startsWith('--file=') ? w[long]!.slice(7) : w[long + 1]) : /^-?[a-zA-Z]*c[a-zA-Z]*f/.test(w[1] ?? '') ? w[2] : undefined;
      if (file) out.push({ index, made: (p) => p === joinPath(c.cwd, file), text: 'jar' });
    }
  }
  return out;
}

/** COPY sources of an instruction (flags and destination left out), or null for COPY --from and ADD of URLs. */
function copySources(ins: Instruction): string[] | null {
  if (ins.keyword !== 'COPY' || ins.flags.some((f) => f.name === 'from')) return null;
  const words = ins.json ?? ins.args.trim().split(/\s+/);
  return words.slice(0, -1).map((w) => w.replace(/^\.\//, '').replace(/\/+$/, ''));
}

export default {
  id: 'java',
  summary: 'Maven, Gradle or jar build the jar in the builder; the runtime stage holds the jar on the JRE image of the same Java version',
  detect(input) {
    if (!JAVA_BUILDERS_NAMES.has(parseImage(input.builderImage).name)) return null;
    const started = startedJar(input);
    const builds = jarBuilds(input);
    if (!started || !builds.length) return null;
    return `\`java -jar ${started.jar}\` on line ${started.ins.line}, a jar built on line ${input.model.instructions[builds[0]!.index]!.line}`;
  },
  decide(input) {
    const declines: Finding[] = [];
    const ref = parseImage(input.builderImage);
    const image = jreImage(ref.name, ref.tag ?? 'latest');
    if (!image) declines.push({ id: 'java-jre-unknown', data: { image: input.builderImage } });
    const started = startedJar(input)!;
    const workdir = input.analysis.scopes.get(started.ins.index)?.workdir ?? '/';
    const path = joinPath(workdir, started.jar);
    const line = started.ins.line;
    if (/[$*?[\]{}]/.test(started.jar)) {
      declines.push({ id: 'java-jar-unknown', data: { jar: started.jar, why: 'the path is a pattern or a variable: which jar it names is known only when the build has run' }, line });
      return { declines };
    }
    const producer = jarBuilds(input).reverse().find((b) => b.made(path));
    if (!producer) {
      declines.push({ id: 'java-jar-unknown', data: { jar: started.jar, why: 'no Maven, Gradle or jar command of this file writes it' }, line });
      return { declines };
    }
    // the sources and build files stay in the builder: what runs is in the jar
    const drop = new Set<number>();
    for (const ins of input.model.instructions) {
      const sources = copySources(ins);
      if (sources?.length && sources.every((s) => JAVA_BUILD_INPUTS.has(s))) drop.add(ins.index);
    }
    return {
      runtimeBase: { image: image ?? input.builderImage, why: `the JRE of the Java version of ${input.builderImage}: the jar needs no compiler or build tool` },
      artifacts: [{ path, producer: producer.index, why: { id: 'artifact-output', data: { path, command: producer.text }, line: input.model.instructions[producer.index]!.line } }],
      dropFromRuntime: drop,
      declines,
    };
  },
} satisfies Preset;

const JAVA_BUILDERS_NAMES = new Set(['eclipse-temurin', 'maven']);
