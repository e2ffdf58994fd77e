// The JVM's build tools and the JDK's programs: Maven, Gradle (and their wrappers), Leiningen, sbt, Ant,
// java, javac, jar. https://maven.apache.org/ref/current/maven-embedder/cli.html  https://docs.gradle.org/current/userguide/command_line_interface.html
import type { CommandFamily } from './types.js';
import { joinPath } from '../paths.js';

/**
 * Build tools and the output directory of each (relative to the directory the build runs in); the goal
 * that builds and starts a Spring Boot app, the goals after which its executable jar exists, and the
 * words that write that jar without starting it (spring-boot:run compiles the tests and runs none:
 * https://docs.spring.io/spring-boot/maven-plugin/run.html, https://docs.spring.io/spring-boot/gradle-plugin/running.html).
 */
export interface JavaBuildTool {
  goals: readonly string[];
  outputDir: string;
  bootRun: string;
  bootJarGoals: readonly string[];
  bootJar: readonly string[];
}
const MAVEN: JavaBuildTool = { goals: ['package', 'install', 'verify', 'deploy'], outputDir: 'target', bootRun: 'spring-boot:run', bootJarGoals: ['package', 'install', 'verify', 'deploy'], bootJar: ['package', '-DskipTests'] };
const GRADLE: JavaBuildTool = { goals: ['build', 'assemble', 'jar', 'bootJar', 'shadowJar'], outputDir: 'build/libs', bootRun: 'bootRun', bootJarGoals: ['build', 'assemble', 'bootJar'], bootJar: ['bootJar'] };
/** Gradle's application plugin: `run` starts the main class; `installDist` writes build/install/<name> with bin/<name>, the start script. */
export const GRADLE_APPLICATION = { run: 'run', install: 'installDist', outputDir: 'build/install' } as const;
/** Each build tool by its program's name, the wrappers' (`./mvnw`, `/app/gradlew`) as their file name. */
export const JAVA_BUILD_TOOLS: Readonly<Record<string, JavaBuildTool>> = { mvn: MAVEN, mvnw: MAVEN, gradle: GRADLE, gradlew: GRADLE };

/**
 * Leiningen's `uberjar`: the standalone jar (`<name>-<version>-standalone.jar`, or project.clj's `:uberjar-name`) lands in
 * `:target-path`, `target/%s` by default since Leiningen 2.4 (`target/uberjar`, the uberjar profile's name) and `target` when
 * project.clj sets it so (as Leiningen 2.0 to 2.3 did by default). Which of the two, and the file's name, only project.clj says.
 * https://codeberg.org/leiningen/leiningen/src/branch/main/sample.project.clj
 */
export const LEIN_UBERJAR = { goals: ['uberjar'], outputDirs: ['target/uberjar', 'target'], buildFile: 'project.clj' } as const;

/** True when the words run Leiningen (by any path) with `uberjar` among its tasks (`lein with-profile prod uberjar`, `lein do clean, uberjar`). */
export function writesUberjar(words: readonly string[]): boolean {
  return (words[0] ?? '').split('/').pop() === 'lein' && words.slice(1).some((w) => (LEIN_UBERJAR.goals as readonly string[]).includes(w.replace(/,$/, '')));
}

/** Options of mvn and gradle that change neither what is built nor how the app runs (output, offline, daemon). */
export const JAVA_NEUTRAL_OPTIONS = /^(-B|--batch-mode|-q|--quiet|-o|--offline|-e|--errors|-ntp|--no-transfer-progress|--no-daemon|--console=\w+|-i|--info|-s|--stacktrace|-w|--warn)$/;

/**
 * Options of mvn and gradle that point the build at another build file or project (`-f other/pom.xml`,
 * `--project-dir`, `-pl module`): the jar is then not in the output directory of the directory it runs in.
 */
const JAVA_ELSEWHERE_OPTIONS = ['-f', '--file', '-p', '--project-dir', '-b', '--build-file', '-pl', '--projects'];

/** True when the words of mvn or gradle give an option of JAVA_ELSEWHERE_OPTIONS, alone or with `=value`. */
export function buildsElsewhere(words: readonly string[]): boolean {
  return words.some((w) => JAVA_ELSEWHERE_OPTIONS.includes(w.split('=')[0]!));
}

/** Options that name the build file (`-f other/pom.xml`) or the project's directory (`-f other`, `-p other`) of one project. */
const JAVA_PROJECT_OPTIONS = ['-f', '--file', '-p', '--project-dir'];

/**
 * The directory a Maven or Gradle build of `words`, run in `cwd`, builds (where its output directory is): `cwd`, or
 * the project another build file names (`mvn -f /opt/app/pom.xml package`: /opt/app; `-f /opt/app` and Gradle's
 * `-p /opt/app`: the directory itself). Null when it builds another way (`-pl module`, `-b file`, more than one) or
 * the value is not a plain path.
 */
export function projectDirectory(words: readonly string[], cwd: string): string | null {
  if (!buildsElsewhere(words)) return cwd;
  const at = words.findIndex((w) => JAVA_ELSEWHERE_OPTIONS.includes(w.split('=')[0]!));
  if (words.slice(at + 1).some((w) => JAVA_ELSEWHERE_OPTIONS.includes(w.split('=')[0]!))) return null;
  const option = words[at]!.split('=')[0]!;
  if (!JAVA_PROJECT_OPTIONS.includes(option)) return null;
  const value = words[at]!.includes('=') ? words[at]!.slice(words[at]!.indexOf('=') + 1) : words[at + 1];
  if (!value || !/^[A-Za-z0-9_./-]+$/.test(value)) return null;
  const path = joinPath(cwd, value);
  // a build file names its directory; Maven's -f takes a directory too (its pom.xml)
  return /\.(xml|gradle|kts)$/.test(path) ? path.slice(0, path.lastIndexOf('/')) || '/' : path;
}

/**
 * The file `jar` creates (`jar cf app.jar ...`, `jar -cvf app.jar`, `jar --create --file app.jar`,
 * `--file=app.jar`), as written, when the words run `jar` (by any path); undefined otherwise. The old-style
 * options group has c (create) and then f, whose value is the next word.
 * https://docs.oracle.com/en/java/javase/21/docs/specs/man/jar.html
 */
export function jarFile(words: readonly string[]): string | undefined {
  if ((words[0] ?? '').split('/').pop() !== 'jar') return undefined;
  const long = words.findIndex((x) => x === '--file' || x === '-f' || x.startsWith('--file='));
  return long > 0 ? (words[long]!.startsWith('--file=') ? words[long]!.slice(7) : words[long + 1]) : /^-?[a-zA-Z]*c[a-zA-Z]*f/.test(words[1] ?? '') ? words[2] : undefined;
}

/**
 * javac's options that take the next word as their value (`-d bin`, `-cp lib/a.jar`); every other option is one
 * word (`-g`, `-Xlint:all`, `-J-Xmx1g`, `-Akey=value`). `-d` names the directory the class files land in; without
 * it each class file lands beside its source. https://docs.oracle.com/en/java/javase/21/docs/specs/man/javac.html
 */
const JAVAC_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '-d',
  '-s',
  '-h',
  '-cp',
  '-classpath',
  '--class-path',
  '-sourcepath',
  '--source-path',
  '-encoding',
  '-source',
  '--source',
  '-target',
  '--target',
  '--release',
  '-processor',
  '-processorpath',
  '--processor-path',
  '-p',
  '--module-path',
  '--module-source-path',
  '--add-modules',
  '--add-exports',
  '--add-reads',
  '--limit-modules',
  '--patch-module',
  '-m',
  '--module',
  '--system',
  '--upgrade-module-path',
  '-bootclasspath',
  '--boot-class-path',
  '-extdirs',
  '-endorseddirs',
  '--default-module-for-created-files',
]);

/** What `javac` reads and writes: its source files as written, the `-d` directory (null: beside each source), and whether it reads an @argfile. */
export interface JavacRun {
  sources: string[];
  outputDir: string | null;
  argfile: boolean;
}

/** The words of `javac` (by any path) read as javac reads them, or null for another command. */
export function javacRun(words: readonly string[]): JavacRun | null {
  if ((words[0] ?? '').split('/').pop() !== 'javac') return null;
  const run: JavacRun = { sources: [], outputDir: null, argfile: false };
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (JAVAC_VALUE_OPTIONS.has(w)) {
      if (w === '-d') run.outputDir = words[i + 1] ?? null;
      i++;
    } else if (w.startsWith('@')) run.argfile = true;
    else if (!w.startsWith('-')) run.sources.push(w);
  }
  return run;
}

/**
 * The java launcher's options the classes preset reads past: one word each (`-Dkey=value` but those that set the class path, `-Xmx256m`,
 * `-XX:+UseG1GC`, `-server`, `-ea`, `-verbose:gc`, `-agentlib:jdwp=...`, a JDK agent built into the JVM), and the
 * class path options, whose value is the next word. Any other option (`-javaagent:`, `-agentpath:`, which name a
 * file; `-m`, `--module-path`) leaves the command to the generic split.
 * https://docs.oracle.com/en/java/javase/21/docs/specs/man/java.html
 */
export const JAVA_ONE_WORD_OPTIONS =
  /^-(D(?!java\.(class\.path|ext\.dirs|endorsed\.dirs|system\.class\.loader)=)[^=]+(=.*)?|X(ms|mx|ss|mn)\d+[kKmMgGtT]?|X(int|comp|mixed|debug|rs|batch|noclassgc|incgc|check:jni|diag|future)|Xshare:\w+|Xrunjdwp:.+|XX:.+|server|client|d64|ea|da|esa|dsa|enableassertions(:.*)?|disableassertions(:.*)?|verbose(:\w+)?|showversion|agentlib:.+)$/;
export const JAVA_CLASSPATH_OPTIONS: ReadonlySet<string> = new Set(['-cp', '-classpath', '--class-path']);

/** A CMD that starts one of `tools`, in any directory, with `goal` among its words: it builds and starts the app from the sources. */
function starts(tools: readonly JavaBuildTool[], goals: readonly string[], end: string): RegExp {
  const names = Object.keys(JAVA_BUILD_TOOLS).filter((n) => tools.includes(JAVA_BUILD_TOOLS[n]!));
  const words = [...new Set(goals)].map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(\\S*\\/)?(${names.join('|')}) (.* )?(${words.join('|')})${end}`);
}

export default {
  id: 'java',
  names: ['mvn', './mvnw', 'gradle', './gradlew', 'lein', 'sbt', 'ant', 'java', 'javac', 'jar'],
  subcommands: {
    mvn: [
      { kind: 'build', sub: ['package', 'install', 'compile', 'verify', 'clean', 'dependency:go-offline', 'dependency:resolve', '-B', '-q'] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: [MAVEN.bootRun, 'exec:java'] },
    ],
    './mvnw': [{ kind: 'build' }],
    gradle: [{ kind: 'build' }],
    './gradlew': [{ kind: 'build' }],
    lein: [
      { kind: 'build', sub: ['uberjar', 'jar', 'compile', 'javac', 'deps', 'install', 'clean', 'cljsbuild', 'do', 'with-profile'] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: ['run', 'repl', 'trampoline'] },
    ],
    javac: [{ kind: 'build' }],
    jar: [{ kind: 'build' }],
  },
  // https://maven.apache.org/ref/current/maven-embedder/cli.html
  subcommandValueOptions: { mvn: ['-f', '--file', '-s', '--settings', '-gs', '--global-settings', '-t', '--toolchains', '-P', '--activate-profiles', '-pl', '--projects', '-rf', '--resume-from', '-T', '--threads', '-l', '--log-file', '-b', '--builder', '-D', '--define'] },
  // Debian's JRE and JDK packages
  provides: { 'openjdk-17-jre-headless': ['java'], 'default-jre': ['java'], 'default-jre-headless': ['java'], 'default-jdk': ['java', 'javac'] },
  // a build of another directory's project (`mvn -f /opt/app/pom.xml package` run in /) writes there
  outputs({ words }, at) {
    if (at.kind !== 'build' || !JAVA_BUILD_TOOLS[(words[0] ?? '').split('/').pop()!]) return null;
    const dir = projectDirectory(words, at.cwd);
    return dir === null || dir === at.cwd.replace(/\/+$/, '') ? null : { paths: [dir], unnamed: false };
  },
  toolbox: ['mvn', 'gradle', 'ant', 'sbt', 'lein', 'javac'],
  // a JDK installed (its compiler) in an image that copies nothing of its own in is a build environment
  buildEnvironment: ['javac'],
  // where each tool keeps what it downloads: Maven's local repository, Gradle's user home, Ivy's cache for sbt; Leiningen
  // uses Maven's (https://maven.apache.org/settings.html, https://docs.gradle.org/current/userguide/directory_layout.html)
  dependencyCaches: { mvn: '.m2', mvnw: '.m2', gradle: '.gradle', gradlew: '.gradle', lein: '.m2', sbt: '.ivy2' },
  // https://maven.apache.org/configure.html  https://docs.gradle.org/current/userguide/build_environment.html
  buildEnv: [
    { variables: ['MAVEN_HOME', 'MAVEN_CONFIG', 'MAVEN_OPTS', 'MAVEN_ARGS', 'M2_HOME'], readers: ['mvn', './mvnw', 'mvnw'] },
    { variables: ['GRADLE_HOME', 'GRADLE_USER_HOME', 'GRADLE_OPTS'], readers: ['gradle', './gradlew', 'gradlew'] },
    { variables: ['ANT_HOME', 'ANT_OPTS'], readers: ['ant'] },
    { variables: ['SBT_HOME', 'SBT_OPTS'], readers: ['sbt'] },
    // https://codeberg.org/leiningen/leiningen/src/branch/main/doc/TUTORIAL.md (LEIN_ROOT: run as root without asking)
    { variables: ['LEIN_HOME', 'LEIN_ROOT', 'LEIN_INSTALL', 'LEIN_JVM_OPTS', 'LEIN_JAVA_CMD', 'LEIN_SNAPSHOTS_IN_RELEASE'], readers: ['lein'] },
  ],
  // Spring Boot's goals (with either tool) and Gradle's application plugin build and start the app from the sources
  toolchainAtRuntime: [starts([MAVEN, GRADLE], [MAVEN.bootRun, GRADLE.bootRun], '\\b'), starts([GRADLE], [GRADLE_APPLICATION.run], '(?=\\s|$)')],
} satisfies CommandFamily;
