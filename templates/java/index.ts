// Java: Maven, Gradle or `jar` build the jar in the builder; the runtime stage holds that jar on the JRE
// image of the same Java version and vendor (src/knowledge/java.ts), started by the file's own `java -jar`.
// A pattern (target/*.jar) is resolved from the build file (build-files.ts) when exactly one jar matches.
// https://hub.docker.com/_/eclipse-temurin  https://maven.apache.org/guides/introduction/introduction-to-the-standard-directory-layout.html
// https://docs.gradle.org/current/userguide/java_plugin.html (jars land in build/libs)
import { JAVA_BUILD_INPUTS, JAVA_BUILDER_NAMES, JAVA_GENERIC_FALLBACK, JAVA_SOURCE_FILE, REPOSITORY_METADATA } from '../../src/knowledge/java.js';
import { GRADLE_APPLICATION, projectDirectory, JAVA_BUILD_TOOLS, JAVA_NEUTRAL_OPTIONS, jarFile, LEIN_UBERJAR, writesUberjar } from '../../src/commands/java.js';
import { copyDestination } from '../../src/analyze/index.js';
import { imageConfig } from '../../src/knowledge/image-config.js';
import { flag } from '../../src/model.js';
import { accountCommands, pathUse } from '../../src/commands/index.js';
import { buildFacts } from './build-files.js';
import { jvmStart } from './start.js';
import { classesPlan, directoryOnlyRuns, startedClasses, type StartedClasses } from './classes.js';
import { jreImage, parseImage } from '../../src/images.js';
import type { Instruction } from '../../src/model.js';
import type { Finding } from '../../src/messages.js';
import { runBefore, type BuilderEdit, type Override, type Preset, type PresetDecision, type PresetInput } from '../../src/preset.js';
import { joinPath } from '../../src/shell.js';
import { entrypointArguments, filesChangeBetween, startCommand } from '../../src/runtime-contract.js';

/** The jar the container starts (`java ... -jar PATH`), as written. */
function startedJar(input: PresetInput): { jar: string; ins: Instruction; words: readonly string[]; shell?: string } | null {
  const start = jvmStart(input);
  // java named by a path (/usr/lib/jvm/.../bin/java) may not be at that path on the JRE image: left to the generic split
  if (!start || start.words[0] !== 'java') return null;
  const at = start.words.indexOf('-jar');
  const jar = at > 0 ? start.words[at + 1] : undefined;
  return jar ? { jar, ins: start.ins, words: start.words, ...(start.shell ? { shell: start.shell } : {}) } : null;
}

/** `mvn spring-boot:run` or `gradle bootRun` (wrappers too) as the command the container starts. */
interface BootRun {
  ins: Instruction;
  tool: 'maven' | 'gradle';
  goal: string;
  launcher: string;
  text: string;
  cwd: string;
  refused?: string;
  /** Its output, offline and daemon options, for the package step. */ options: string[];
}

/** `mvn spring-boot:run`, `gradle bootRun` or the application plugin's `gradle run` (wrappers too) as the command the container starts. */
function startedBootRun(input: PresetInput): BootRun | null {
  const start = startCommand(input.model);
  const launcher = start?.words[0] ?? '';
  const known = JAVA_BUILD_TOOLS[launcher.split('/').pop()!];
  const tool = known?.bootRun === 'bootRun' ? 'gradle' : 'maven';
  const goal = !start || !known ? undefined : start.words.includes(known.bootRun) ? known.bootRun : tool === 'gradle' && start.words.includes(GRADLE_APPLICATION.run) ? GRADLE_APPLICATION.run : undefined;
  if (!start || !known || !goal) return null;
  const run: BootRun = { ins: start.ins, tool, goal, launcher, text: start.words.join(' '), cwd: input.analysis.scopes.get(start.ins.index)?.workdir ?? '/', options: start.words.slice(1).filter((w) => JAVA_NEUTRAL_OPTIONS.test(w)) };
  const other = start.words.slice(1).find((w) => w !== goal && !JAVA_NEUTRAL_OPTIONS.test(w));
  if (other) return { ...run, refused: `${other} changes what it builds or how the app runs` };
  const cmd = entrypointArguments(input.model, start.ins);
  if (cmd) return { ...run, refused: `CMD on line ${cmd.line} adds words to the ENTRYPOINT` };
  return run;
}

interface JarBuild {
  index: number;
  made: (path: string) => boolean;
  text: string;
  /** The build tool whose build file names the jars (Leiningen's project.clj is not read), and the directory it runs in. */
  tool: 'maven' | 'gradle' | 'leiningen' | null;
  cwd: string;
  /**
   * A copy or move of a jar another command built (`cp target/app.jar /app/`, by its bare name), whose RUN stays in the builder
   * when it only builds and copies; Maven run by its bare name (`mvn package`, not `./mvnw`) counts too, as it
   * did when this was read from the text (`mvn` began like `mv`).
   */
  copy?: boolean;
}

/** RUN commands that build jars: Maven/Gradle with a packaging goal, `lein uberjar`, or `jar` creating a file. */
function jarBuilds(input: PresetInput): JarBuild[] {
  const out: JarBuild[] = [];
  for (const [index, run] of input.analysis.runs)
    for (const c of run.commands) {
      const tool = (c.words[0] ?? '').split('/').pop()!;
      const known = JAVA_BUILD_TOOLS[tool];
      const project = known ? projectDirectory(c.words, c.cwd) : null;
      if (known && project !== null && c.words.slice(1).some((w) => known.goals.includes(w))) {
        const dir = joinPath(project, known.outputDir);
        out.push({ index, made: (p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/'), text: c.words.slice(0, 2).join(' '), tool: tool.startsWith('mvn') ? 'maven' : 'gradle', cwd: project, copy: known === JAVA_BUILD_TOOLS.mvn && c.words[0] === tool });
      }
      // `lein uberjar`: the standalone jar in target/uberjar or target (project.clj's :target-path)
      if (writesUberjar(c.words)) {
        const dirs = LEIN_UBERJAR.outputDirs.map((d) => joinPath(c.cwd, d));
        out.push({ index, made: (p) => dirs.some((dir) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/')), text: c.words.slice(0, 2).join(' '), tool: 'leiningen', cwd: c.cwd });
      }
      // a built jar copied or moved elsewhere (`cp target/app.jar /app/`): the copy is the output
      const operands = c.words.slice(1).filter((w) => !w.startsWith('-'));
      if (pathUse(tool)?.copies && operands.length === 2 && !operands.some((w) => /[*?[$]/.test(w))) {
        const [from, to] = [joinPath(c.cwd, operands[0]!), joinPath(c.cwd, operands[1]!)];
        const source = out.find((b) => b.made(from));
        if (source) out.push({ index, made: (p) => p === to || p === `${to.replace(/\/+$/, '')}/${from.split('/').pop()}`, text: c.words.slice(0, 3).join(' '), tool: source.tool, cwd: source.cwd, copy: c.words[0] === tool });
      }
      const file = jarFile(c.words);
      if (file) out.push({ index, made: (p) => p === joinPath(c.cwd, file), text: c.words[0]!.split('/').pop()!, tool: null, cwd: c.cwd });
    }
  return out;
}

/** The context directory whose files a COPY put where the build runs ('' for the root), or null. */
function contextDirOf(input: PresetInput, build: JarBuild): string | null {
  let dir: string | null = null;
  for (const ins of input.model.instructions) {
    if (ins.index >= build.index || ins.stage !== 0) break;
    const sources = contextSources(ins);
    if (ins.keyword !== 'COPY' || !sources?.length || copyDestination(ins, input.analysis.scopes.get(ins.index) ?? '/')?.replace(/\/+$/, '') !== build.cwd.replace(/\/+$/, '')) continue;
    if (sources.some((s) => s === '.' || s === '' || /^(pom\.xml|build\.gradle(\.kts)?)$/.test(s))) dir = '';
    else if (sources.length === 1 && !sources[0]!.includes('.') && !/[*?[]/.test(sources[0]!)) dir = sources[0]!;
  }
  return dir;
}

/**
 * COPY instructions of only sources and build files: they stay in the builder, what runs is in the jar. A
 * copy of the whole context (`COPY . .`) is one of them when the build context is read and holds nothing else
 * at its top level but the repository's own metadata (README, LICENSE, .git*, Dockerfile, CI files: nothing a
 * program reads at run time); without a context, what it holds is unknown and the copy stays.
 */
function buildInputCopies(input: PresetInput): Set<number> {
  const drop = new Set<number>();
  const onlyBuildInputs = wholeContextIsBuildInput(input);
  for (const ins of input.model.instructions) {
    const sources = contextSources(ins);
    if (sources?.length && sources.every((s) => JAVA_BUILD_INPUTS.has(s) || JAVA_SOURCE_FILE.test(s) || ((s === '.' || s === '') && onlyBuildInputs))) drop.add(ins.index);
  }
  return drop;
}

/** True when the build context is read and every top-level entry is a build input or repository metadata. */
function wholeContextIsBuildInput(input: PresetInput): boolean {
  if (!input.context.known) return false;
  const top = new Set(input.context.find(() => true).map((p) => p.split('/')[0]!));
  return top.size > 0 && [...top].every((name) => JAVA_BUILD_INPUTS.has(name) || REPOSITORY_METADATA.test(name));
}

/**
 * `spring-boot:run` / `bootRun` at start become the jar the build file says `package` / `bootJar` writes,
 * started with `java -jar` on the JRE: the builder packages it (a line is added when no earlier RUN of
 * the file does) and the command is rewritten. Declined whenever the build file shows the two would run
 * the app otherwise (run-only settings, devtools, no repackaging) or cannot be read.
 */
function decideBootRun(input: PresetInput, boot: BootRun, jre: string | null, declines: Finding[]): PresetDecision {
  const line = boot.ins.line;
  const refuse = (why: string): PresetDecision => ({ declines: [...declines, { id: 'command-rewrite-refused', data: { command: boot.text, why }, line }] });
  if (boot.refused) return refuse(boot.refused);
  const known = JAVA_BUILD_TOOLS[boot.launcher.split('/').pop()!]!;
  // an earlier RUN of the same tool in the same directory that already writes the executable jar, with
  // nothing after it that could change the sources spring-boot:run / bootRun would compile at start
  const packaged = packagingStep(input, boot, (c) => JAVA_BUILD_TOOLS[(c.words[0] ?? '').split('/').pop()!] === known && c.words.some((w) => known.bootJarGoals.includes(w)));
  const contextDir = contextDirOf(input, { index: boot.ins.index, cwd: boot.cwd, made: () => false, text: boot.text, tool: boot.tool });
  const build = boot.tool === 'maven' ? 'pom.xml' : 'build.gradle';
  if (contextDir === null) return refuse(`no COPY puts a ${build} where it runs (${boot.cwd})`);
  const facts = buildFacts(input.context, contextDir, boot.tool, boot.cwd.split('/').filter(Boolean).pop() ?? null);
  if (!facts) return refuse(input.context.known ? `no ${build} was found in the build context` : `no build context was given to read the ${build}`);
  if (boot.goal === GRADLE_APPLICATION.run) return decideGradleRun(input, boot, facts, contextDir, jre, declines);
  if (facts.bootRunDiffers) return refuse(facts.bootRunDiffers);
  if (facts.war) return refuse(facts.unknown ?? 'the build makes a WAR');
  if (facts.classpath) return refuse(facts.classpath);
  if (!facts.jars) return refuse(`which jar the build writes is unknown: ${facts.unknown ?? ''}`);
  // Gradle's list starts with bootJar's file; Maven's repackaged jar is the only one unless a plugin or classifier adds more
  if (boot.tool === 'maven' && facts.jars.length !== 1) return refuse(`the build writes ${facts.jars.length} jars (${facts.jars.join(', ')}), and which one spring-boot:run runs is not told by the name alone`);
  const outputs = `${contextDir ? `${contextDir}/` : ''}${boot.tool === 'maven' ? 'target' : 'build'}`;
  if (input.context.exists(outputs)) return refuse(`the build context has ${outputs}/, whose old files a COPY of the context would bring along`);
  const path = joinPath(boot.cwd, `${known.outputDir}/${facts.jars[0]}`);
  const edits: BuilderEdit[] = [];
  let producer = packaged?.index;
  if (producer === undefined) {
    // the package step goes right before the command, where the original's spring-boot:run compiled
    edits.push(runBefore(boot.ins.index, [boot.launcher, ...boot.options, ...known.bootJar].join(' ')));
    producer = boot.ins.index;
  }
  const drop = buildInputCopies(input);
  if (jre) declines.push(...baseImageUsers(input, jre, drop));
  const from = packaged ? `line ${input.model.instructions[packaged.index]!.line}` : `\`${[boot.launcher, ...boot.options, ...known.bootJar].join(' ')}\`, added to the builder`;
  return {
    runtimeBase: { image: jre ?? input.builderImage, why: `the JRE of the Java version of ${input.builderImage}: the jar needs no compiler or build tool` },
    artifacts: [{ path, producer, why: { id: 'artifact-output', data: { path, command: packaged ? packaged.text : known.bootJar.join(' ') }, line: packaged ? input.model.instructions[packaged.index]!.line : line }, byPreset: !packaged }],
    builderEdits: edits,
    dropFromRuntime: drop,
    command: { index: boot.ins.index, words: ['java', '-jar', path], why: `${boot.text} starts the app ${boot.tool === 'maven' ? 'package' : 'bootJar'} packages as ${facts.jars[0]} (${from}); the build file sets nothing only ${boot.tool === 'maven' ? 'spring-boot:run' : 'bootRun'} reads` },
    declines,
  };
}

/**
 * The last RUN before the command, in its directory, whose command `writes` the jar or the installation,
 * when nothing after it (a COPY, ADD or any later command) could change what the command that builds at
 * start would build; otherwise null, and the preset adds its own step right before the command.
 */
function packagingStep(input: PresetInput, boot: BootRun, writes: (c: { words: readonly string[] }) => boolean): { index: number; text: string } | null {
  for (let i = boot.ins.index - 1; i >= 0; i--) {
    const commands = input.analysis.runs.get(i)?.commands ?? [];
    const at = commands
      .map((c, k) => (c.cwd === boot.cwd && writes(c) ? k : -1))
      .filter((k) => k >= 0)
      .pop();
    if (at === undefined) continue;
    if (filesChangeBetween(input.model, input.analysis, { index: i, command: at }, boot.ins.index, () => false)) return null;
    return { index: i, text: commands[at]!.words.slice(0, 2).join(' ') };
  }
  return null;
}

/**
 * `gradle run` of the application plugin at start becomes the start script `installDist` writes
 * (build/install/<name>/bin/<name>: the same main class, class path and `applicationDefaultJvmArgs`),
 * run from the same working directory on the JRE.
 */
function decideGradleRun(input: PresetInput, boot: BootRun, facts: NonNullable<ReturnType<typeof buildFacts>>, contextDir: string, jre: string | null, declines: Finding[]): PresetDecision {
  const line = boot.ins.line;
  const refuse = (why: string): PresetDecision => ({ declines: [...declines, { id: 'command-rewrite-refused', data: { command: boot.text, why }, line }] });
  const app = facts.application;
  if (!app || 'differs' in app) return refuse(app?.differs ?? 'the build file cannot be read');
  if (input.context.exists(`${contextDir ? `${contextDir}/` : ''}build`)) return refuse(`the build context has ${contextDir ? `${contextDir}/` : ''}build/, whose old files a COPY of the context would bring along`);
  const dir = joinPath(boot.cwd, `${GRADLE_APPLICATION.outputDir}/${app.name}`);
  const step = packagingStep(input, boot, (c) => JAVA_BUILD_TOOLS[(c.words[0] ?? '').split('/').pop()!] === JAVA_BUILD_TOOLS.gradle && c.words.includes(GRADLE_APPLICATION.install));
  const installed = step && input.model.instructions[step.index];
  const install = [boot.launcher, ...boot.options, GRADLE_APPLICATION.install].join(' ');
  const drop = buildInputCopies(input);
  if (jre) declines.push(...baseImageUsers(input, jre, drop));
  return {
    runtimeBase: { image: jre ?? input.builderImage, why: `the JRE of the Java version of ${input.builderImage}: the application needs no compiler or build tool` },
    artifacts: [{ path: dir, producer: installed?.index ?? boot.ins.index, why: { id: 'artifact-output', data: { path: dir, command: installed ? 'installDist' : install }, line: installed?.line ?? line }, byPreset: !installed }],
    builderEdits: installed ? [] : [runBefore(boot.ins.index, install)],
    dropFromRuntime: drop,
    command: {
      index: boot.ins.index,
      words: [`${dir}/bin/${app.name}`],
      why: `${boot.text} starts the application's main class with its runtime class path and applicationDefaultJvmArgs, as the start script ${installed ? `installDist writes (line ${installed.line})` : `\`${install}\`, added to the builder, writes`} does; the build file does not configure the run task`,
    },
    declines,
  };
}

/**
 * Classes javac compiled, started by their main class: the class path directory (or, in a system directory, the
 * class files of the sources) onto the JRE; the COPYs of sources stay in the builder.
 */
function decideClasses(input: PresetInput, started: StartedClasses, jre: string | null, declines: Finding[]): PresetDecision {
  const plan = classesPlan(input, started);
  if ('unknown' in plan) return { declines: [...declines, { id: 'output-not-located', data: { why: plan.unknown }, line: started.ins.line }] };
  const drop = buildInputCopies(input);
  const start = jvmStart(input);
  if (jre) declines.push(...baseImageUsers(input, jre, drop), ...(start ? shellMissing(start, jre) : []));
  return {
    runtimeBase: { image: jre ?? input.builderImage, why: `the JRE of the Java version of ${input.builderImage}: the classes need no compiler` },
    artifacts: plan.artifacts,
    dropFromRuntime: drop,
    overrides: directoryOnlyRuns(input, plan.artifacts),
    unproven: plan.unproven,
    declines,
  };
}

/** The shell a `sh -c` / `bash -c` command starts java through, when the JRE image lacks it (bash on the Alpine JREs). */
function shellMissing(started: { shell?: string; ins: Instruction }, runtime: string): Finding[] {
  const shell = started.shell?.split('/').pop();
  if (!shell || imageConfig(runtime)?.tools.has(shell)) return [];
  return [{ id: 'command-missing', data: { keyword: started.ins.keyword, command: started.shell!, why: `${runtime} has no ${shell}` }, line: started.ins.line }];
}

/**
 * COPY --chown and USER lines the runtime stage keeps that name a user of the builder's base image
 * (gradle's `gradle`) which the JRE image lacks and no RUN of the file creates: the build would fail.
 */
function baseImageUsers(input: PresetInput, runtime: string, drop: ReadonlySet<number>): Finding[] {
  const builderUsers = imageConfig(input.builderImage)?.users ?? [];
  const runtimeUsers = imageConfig(runtime)?.users ?? [];
  // a command of the file that creates a user or group (src/commands/users.ts), as the analyzer read it
  const created = [...input.analysis.runs.values()].some((r) => r.commands.some((c) => accountCommands.includes(c.words[0] ?? '')));
  // the user the builder's image ends as (gradle's images before 7: `gradle`), which the runtime stage restores when the file sets none
  const inherited = imageConfig(input.builderImage)?.user ?? '';
  const setsUser = input.model.instructions.some((i) => i.stage === 0 && i.keyword === 'USER');
  if (inherited && builderUsers.includes(inherited) && !runtimeUsers.includes(inherited) && !setsUser && !created) {
    return [{ id: 'replay-needs-builder-state', data: { command: `USER ${inherited}`, thing: `the user ${inherited}, which ${input.builderImage} runs as and ${runtime} has not` }, line: input.model.instructions[0]?.line ?? 1 }];
  }
  for (const ins of input.model.instructions) {
    if (ins.stage !== 0 || drop.has(ins.index)) continue;
    const owner = ins.keyword === 'USER' ? ins.user : ins.keyword === 'COPY' || ins.keyword === 'ADD' ? flag(ins, 'chown') : undefined;
    const name = owner?.split(':').find((n) => builderUsers.includes(n) && !runtimeUsers.includes(n));
    if (name && !created) return [{ id: 'replay-needs-builder-state', data: { command: `${ins.keyword}${ins.keyword === 'USER' ? '' : ` --chown=${owner}`} ${ins.args.trim()}`, thing: `the user ${name}, which ${input.builderImage} has and ${runtime} has not` }, line: ins.line }];
  }
  return [];
}

/**
 * Whether a shell pattern (`*`, `?`, `[...]`, `[!...]`) matches a file name as sh expands it. Not picomatch:
 * it reads `[!...]` and parentheses otherwise than sh does.
 */
function globMatches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\[!/g, '[^');
  return new RegExp(`^${re}$`).test(name) && !name.startsWith('.');
}

/** Context sources of a COPY, `./` and trailing slashes dropped; null for ADD and COPY --from. */
function contextSources(ins: Instruction): string[] | null {
  if (ins.keyword !== 'COPY' || ins.from !== null) return null;
  return ins.sources.map((w) => w.replace(/^\.\//, '').replace(/\/+$/, ''));
}

export default {
  id: 'java',
  summary: 'Maven, Gradle or jar build the jar in the builder; the runtime stage holds the jar on the JRE image of the same Java version',
  detect(input) {
    const ref = parseImage(input.builderImage);
    if (!JAVA_BUILDER_NAMES.has(ref.name) || (JAVA_GENERIC_FALLBACK.has(ref.name) && !jreImage(input.builderImage))) return null;
    const started = startedJar(input);
    const boot = started ? null : startedBootRun(input);
    if (boot) return `\`${boot.text}\` on line ${boot.ins.line} builds and starts ${boot.goal === GRADLE_APPLICATION.run ? 'the application whose start script' : 'a Spring Boot app, whose jar'} the build file describes`;
    const classes = started ? null : startedClasses(input);
    const plan = classes && classesPlan(input, classes);
    if (classes && plan && 'artifacts' in plan) return `\`java ${classes.main}\` on line ${classes.ins.line}, classes javac compiled on line ${plan.artifacts[0]!.why.line}`;
    const builds = jarBuilds(input);
    if (!started || !builds.length) return null;
    return `\`java -jar ${started.jar}\` on line ${started.ins.line}, a jar built on line ${input.model.instructions[builds[0]!.index]!.line}`;
  },
  decide(input) {
    const declines: Finding[] = [];
    const jre = jreImage(input.builderImage) ?? { why: 'its tag is not in the table of JRE images' };
    if ('why' in jre) declines.push({ id: 'java-jre-unknown', data: { image: input.builderImage, why: jre.why } });
    const boot = startedJar(input) ? null : startedBootRun(input);
    if (boot) return decideBootRun(input, boot, 'image' in jre ? jre.image : null, declines);
    const classes = startedJar(input) ? null : startedClasses(input);
    if (classes) return decideClasses(input, classes, 'image' in jre ? jre.image : null, declines);
    const started = startedJar(input)!;
    const workdir = input.analysis.scopes.get(started.ins.index)?.workdir ?? '/';
    let path = joinPath(workdir, started.jar);
    const line = started.ins.line;
    const unknownJar = (why: string) => ({ declines: [...declines, { id: 'java-jar-unknown' as const, data: { jar: started.jar, why }, line }] });
    const slash = path.lastIndexOf('/');
    const pattern = /[*?[]/.test(started.jar) ? path.slice(slash + 1) : null;
    if (/[$`{}]/.test(started.jar) || /[*?[\]]/.test(path.slice(0, slash))) return unknownJar('the path is a variable or its directory a pattern: which jar it names is known only when the build has run');
    if (pattern && started.ins.json && !started.shell) return unknownJar('in exec form no shell expands the pattern, so java is given it as written');
    const producer = jarBuilds(input)
      .reverse()
      .find((b) => b.made(pattern ? `${path.slice(0, slash)}/x.jar` : path));
    if (!producer) return unknownJar('no Maven, Gradle or jar command of this file writes it');
    // other files of the build directory the command names (a config in target/classes) would not be in the runtime stage
    if (producer.tool) {
      const buildDir = joinPath(producer.cwd, producer.tool === 'gradle' ? 'build' : 'target');
      const named = started.words
        .slice(1)
        .flatMap((w) => w.split(/[=:,]/))
        .filter((w) => w && w !== started.jar && !w.startsWith('-'))
        .map((w) => joinPath(workdir, w))
        .find((p) => p.startsWith(`${buildDir}/`) && p !== path);
      if (named) declines.push({ id: 'copy-missing', data: { path: named, why: `only the jar is copied from ${buildDir}, and ${started.ins.keyword} names this file too` }, line });
    }
    const tool = producer.tool === 'leiningen' ? null : producer.tool;
    const contextDir = tool ? contextDirOf(input, producer) : null;
    const facts = tool && contextDir !== null ? buildFacts(input.context, contextDir, tool, producer.cwd.split('/').filter(Boolean).pop() ?? null) : null;
    if (facts?.war) declines.push({ id: 'java-war', data: { why: facts.unknown ?? 'the build makes a WAR' }, line: input.model.instructions[producer.index]!.line });
    if (facts?.classpath) declines.push({ id: 'java-jar-classpath', data: { jar: started.jar, why: facts.classpath }, line });
    if (pattern) {
      // the runtime stage holds one jar in that directory, so the pattern expands to it as it did in the original
      if (producer.tool === 'leiningen') return unknownJar(`it is a pattern, and the jars \`lein uberjar\` writes are named by ${LEIN_UBERJAR.buildFile} (:uberjar-name, :target-path, the version), which dfsplit does not read`);
      const build = producer.tool === 'maven' ? 'pom.xml' : 'build.gradle';
      if (!facts) return unknownJar(`it is a pattern, and ${input.context.known ? `no ${build} was found where the build runs` : `no build context was given to read the ${build}`}, so which jars match is unknown`);
      if (!facts.jars) return unknownJar(`it is a pattern, and which jars the build writes is unknown: ${facts.unknown ?? ''}`);
      const outputs = `${contextDir ? `${contextDir}/` : ''}${producer.tool === 'maven' ? 'target' : 'build/libs'}`;
      if (input.context.exists(outputs)) return unknownJar(`it is a pattern, and the build context has ${outputs}/, whose old jars a COPY of the context would bring along`);
      const matches = facts.jars.filter((j) => globMatches(pattern, j));
      if (matches.length !== 1) return unknownJar(matches.length ? `the pattern matches ${matches.length} jars the build writes (${matches.join(', ')})` : `the pattern matches none of the jars the build writes (${facts.jars.join(', ')})`);
      path = `${path.slice(0, slash)}/${matches[0]}`;
    }
    const drop = buildInputCopies(input);
    if ('image' in jre) declines.push(...baseImageUsers(input, jre.image, drop), ...shellMissing(started, jre.image));
    // a RUN that only builds and copies or moves the jar stays in the builder: replayed, its cp/mv would find no source
    const overrides = new Map<number, Override>();
    const run = input.analysis.runs.get(producer.index);
    if (producer.copy) {
      // mkdir only of the jar's directory (or its parents), which the COPY --from makes anyway
      const jarDir = (d: string) => `${path}/`.startsWith(`${d.replace(/\/+$/, '')}/`);
      const mkdirOfJarDir = (c: { words: readonly string[]; cwd: string }) =>
        pathUse(c.words[0] ?? '')?.directories === true &&
        c.words
          .slice(1)
          .filter((w) => !w.startsWith('-'))
          .every((w) => jarDir(joinPath(c.cwd, w)));
      if (run?.commands.every((c) => pathUse(c.words[0] ?? '')?.copies || mkdirOfJarDir(c) || JAVA_BUILD_TOOLS[(c.words[0] ?? '').split('/').pop()!])) {
        overrides.set(producer.index, { phase: 'build', reason: 'run-preset', data: { preset: 'java', detail: 'copies or moves the built jar in the builder; the runtime stage copies the result' } });
      }
    }
    // the whole context stays next to the jar: what the program reads from its working directory is not known (issue 24)
    const context = input.model.instructions.find((i) => i.keyword === 'COPY' && i.from === null && !drop.has(i.index) && i.sources.some((s) => s === '.' || s === './'));
    return {
      runtimeBase: { image: 'image' in jre ? jre.image : input.builderImage, why: `the JRE of the Java version of ${input.builderImage}: the jar needs no compiler or build tool` },
      artifacts: [{ path, producer: producer.index, why: { id: 'artifact-output', data: { path, command: producer.text }, line: input.model.instructions[producer.index]!.line } }],
      // an expert copies the jar and what it reads, which no data shows: keeping the context is a choice a build accepts
      ...(context
        ? { findings: [{ id: 'java-context-kept' as const, data: {}, line: context.line }], unproven: [{ id: 'unproven-sources-kept' as const, data: { what: 'jar', why: 'a Java program may read files from its working directory without naming them, and no scan reads its sources' }, line: context.line }] }
        : {}),
      dropFromRuntime: drop,
      overrides,
      declines,
    };
  },
} satisfies Preset;
