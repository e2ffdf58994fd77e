// The java family (src/commands/java.ts): Maven, Gradle and their wrappers, Leiningen, sbt, Ant and the
// JDK's programs: what each builds or runs, the packages that give java, and the goals that build and
// start an app from its sources.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { dependencyCache, familyOf, packageProvides, toolboxPrograms } from '../../src/commands/index.js';
import java, { buildsElsewhere, JAVA_BUILD_TOOLS, projectDirectory, JAVA_NEUTRAL_OPTIONS, JAVA_ONE_WORD_OPTIONS, jarFile, javacRun, writesUberjar } from '../../src/commands/java.js';
import { convert } from '../../src/convert.js';

const kind = (script: string) => analyzeRun(script, { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() }).commands[0]!.kind;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);
const maven = (cmd: string) => `FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\nCMD ${cmd}\n`;

describe('java family', () => {
  it('answers for the build tools, their wrappers and the JDK programs', () => {
    for (const name of ['mvn', './mvnw', 'gradle', './gradlew', 'lein', 'sbt', 'ant', 'java', 'javac', 'jar']) expect(familyOf(name), name).toBe(java);
  });

  it('classifies Maven goals (subcommands)', () => {
    for (const goal of ['package', 'install', 'clean package', 'dependency:go-offline', '-B package', '-q verify']) expect(kind(`mvn ${goal}`), goal).toBe('build');
    expect(kind('mvn test')).toBe('test');
    expect(kind('mvn spring-boot:run')).toBe('toolchain-run');
    expect(kind('mvn exec:java')).toBe('toolchain-run');
    expect(kind('mvn site')).toBe('unknown');
    // an option's value is no goal (subcommandValueOptions): the goal after it decides
    for (const goal of ['-f /opt/exhibitor/pom.xml package', '-s settings.xml -P prod install', '--file=app/pom.xml -T 4 verify', '-D skipTests package']) expect(kind(`mvn ${goal}`), goal).toBe('build');
    expect(kind('mvn -f /opt/app/pom.xml test')).toBe('test');
    expect(kind('mvn -f /opt/app/pom.xml site')).toBe('unknown');
  });

  it('classifies the wrappers, gradle and the JDK programs (subcommands)', () => {
    expect(kind('./mvnw -DskipTests package')).toBe('build');
    expect(kind('./gradlew bootJar')).toBe('build');
    expect(kind('gradle build --no-daemon')).toBe('build');
    expect(kind('javac -d out Main.java')).toBe('build');
    expect(kind('jar cf app.jar -C out .')).toBe('build');
    // the program itself, not a build
    expect(kind('java -jar app.jar')).toBe('unknown');
  });

  it('classifies Leiningen tasks and tells which write the standalone jar (subcommands, writesUberjar)', () => {
    for (const task of ['uberjar', 'deps', 'compile', 'with-profile prod uberjar', 'do clean, uberjar']) expect(kind(`lein ${task}`), task).toBe('build');
    expect(kind('lein test')).toBe('test');
    expect(kind('lein run')).toBe('toolchain-run');
    for (const words of [
      ['lein', 'uberjar'],
      ['/usr/local/bin/lein', 'with-profile', 'prod', 'uberjar'],
      ['lein', 'do', 'clean,', 'uberjar'],
    ])
      expect(writesUberjar(words), words.join(' ')).toBe(true);
    for (const words of [
      ['lein', 'jar'],
      ['lein', 'deps'],
      ['mvn', 'uberjar'],
    ])
      expect(writesUberjar(words), words.join(' ')).toBe(false);
  });

  it('leaves the variables of Leiningen in the builder (buildEnv)', () => {
    // (the context copy beside the jar is a build-level choice: proposed through --verify)
    const out = convert('FROM clojure:lein-2.8.1-alpine\nWORKDIR /app\nCOPY . .\nRUN lein uberjar\nCMD ["java", "-jar", "target/uberjar/app-standalone.jar"]\n', { verify: true });
    expect(out.status).toBe('changed');
    expect(out.output).not.toMatch(/LEIN_ROOT|LEIN_INSTALL/);
  });

  it('declines a container that builds and starts the app from its sources (toolchainAtRuntime)', () => {
    for (const cmd of ['mvn spring-boot:run', './mvnw -q spring-boot:run', 'gradle bootRun', './gradlew run', '/app/gradlew --no-daemon run']) expect(ids(maven(cmd)), cmd).toContain('runtime-uses-toolchain');
    for (const cmd of ['["java", "-jar", "target/app.jar"]', 'gradle runtimeClasspath']) expect(ids(maven(cmd)), cmd).not.toContain('runtime-uses-toolchain');
  });

  it('knows the build tools an image runs as a toolbox (toolbox)', () => {
    expect(ids(maven('["mvn", "verify"]'))).toContain('toolbox-image');
    expect(toolboxPrograms).toEqual(expect.arrayContaining(['mvn', 'gradle', 'ant', 'sbt', 'lein', 'javac']));
    expect(toolboxPrograms).not.toContain('java');
  });

  it("tells the state model which of Debian's packages give java and javac (provides)", () => {
    expect(packageProvides('default-jdk')).toEqual(['java', 'javac']);
    for (const pkg of ['default-jre', 'default-jre-headless', 'openjdk-17-jre-headless']) expect(packageProvides(pkg), pkg).toEqual(['java']);
  });

  it('knows where each build tool writes its jar and which goals make it (JAVA_BUILD_TOOLS, read by the java preset)', () => {
    expect(JAVA_BUILD_TOOLS.mvnw).toBe(JAVA_BUILD_TOOLS.mvn);
    expect(JAVA_BUILD_TOOLS.gradlew).toBe(JAVA_BUILD_TOOLS.gradle);
    expect([JAVA_BUILD_TOOLS.mvn!.outputDir, JAVA_BUILD_TOOLS.gradle!.outputDir]).toEqual(['target', 'build/libs']);
    expect(JAVA_BUILD_TOOLS.mvn!.goals).toContain('package');
    expect(JAVA_BUILD_TOOLS.gradle!.bootJarGoals).toContain('bootJar');
    for (const o of ['-B', '--no-transfer-progress', '--no-daemon', '--console=plain']) expect(JAVA_NEUTRAL_OPTIONS.test(o), o).toBe(true);
    expect(JAVA_NEUTRAL_OPTIONS.test('-DskipTests')).toBe(false);
  });

  it('tells the java preset the file `jar` creates (jarFile) and the options that build another project (buildsElsewhere)', () => {
    expect(jarFile(['jar', 'cfe', 'app.jar', 'Main', '-C', 'out', '.'])).toBe('app.jar');
    expect(jarFile(['/opt/java/bin/jar', '-cvf', 'lib.jar', 'x'])).toBe('lib.jar');
    expect(jarFile(['jar', '--create', '--file', 'a.jar', 'x'])).toBe('a.jar');
    expect(jarFile(['jar', '--create', '--file=b.jar', 'x'])).toBe('b.jar');
    expect(jarFile(['jar', 'tf', 'app.jar'])).toBeUndefined();
    expect(jarFile(['javac', 'cf', 'app.jar'])).toBeUndefined();
    for (const w of ['-f', '--file=sub/pom.xml', '-pl', '--project-dir', '-b']) expect(buildsElsewhere(['mvn', 'package', w]), w).toBe(true);
    expect(buildsElsewhere(['mvn', '-B', 'package', '-DskipTests'])).toBe(false);
    // the java preset copies the jar `jar` made, and no jar of a build pointed elsewhere
    const jar = convert('FROM eclipse-temurin:17-jdk\nWORKDIR /app\nCOPY src ./src\nRUN mkdir -p out && javac -d out src/Main.java && jar cfe app.jar Main -C out .\nCMD ["java", "-jar", "/app/app.jar"]\n');
    expect(jar.output).toContain('COPY --from=builder /app/app.jar /app/app.jar');
    expect(convert(maven('["java", "-jar", "target/app.jar"]').replace('mvn -B package', 'mvn -B -f sub/pom.xml package'), { verify: true }).output).not.toContain('COPY --from=builder /app/target/app.jar');
    expect(convert(maven('["java", "-jar", "target/app.jar"]'), { verify: true }).output).toContain('COPY --from=builder /app/target/app.jar');
  });

  it('tells where a build of another directory writes (projectDirectory, the family outputs)', () => {
    expect(projectDirectory(['mvn', 'package'], '/app')).toBe('/app');
    expect(projectDirectory(['mvn', '-f', '/opt/exhibitor/pom.xml', 'package'], '/')).toBe('/opt/exhibitor');
    expect(projectDirectory(['mvn', '--file=sub/pom.xml', 'package'], '/app')).toBe('/app/sub');
    expect(projectDirectory(['mvn', '-f', '../other', 'package'], '/app/x')).toBe('/app/other');
    expect(projectDirectory(['gradle', '-p', 'service', 'build'], '/src')).toBe('/src/service');
    // modules, a build file of Gradle's old option, two options or a variable: not told
    expect(projectDirectory(['mvn', '-pl', 'api', 'package'], '/app')).toBeNull();
    expect(projectDirectory(['gradle', '-b', 'other.gradle', 'build'], '/app')).toBeNull();
    expect(projectDirectory(['mvn', '-f', 'a/pom.xml', '-pl', 'b', 'package'], '/app')).toBeNull();
    expect(projectDirectory(['mvn', '-f', '$SRC/pom.xml', 'package'], '/app')).toBeNull();
    // the jar the CMD runs is copied from the project's own target directory
    const sub = convert(maven('["java", "-jar", "sub/target/app.jar"]').replace('mvn -B package', 'mvn -B -f sub/pom.xml package'), { verify: true });
    expect(sub.output).toContain('COPY --from=builder /app/sub/target/app.jar /app/sub/target/app.jar');
    // run in / (no WORKDIR), the build's outputs are the project's directory, not the whole system
    const run = analyzeRun('mvn -f /opt/exhibitor/pom.xml package', { workdir: '/', user: null, env: new Map<string, string>(), removedLater: new Set<string>() }).commands[0]!;
    expect(run.outputs).toEqual(['/opt/exhibitor']);
    expect(run.unnamedOutputs).toBe(false);
  });

  it('reads where javac puts class files (javacRun) and which java options the classes preset reads past (JAVA_ONE_WORD_OPTIONS)', () => {
    expect(javacRun(['javac', '-encoding', 'UTF-8', '-d', 'bin', '-cp', 'lib/a.jar', 'src/A.java', 'src/B.java'])).toEqual({ sources: ['src/A.java', 'src/B.java'], outputDir: 'bin', argfile: false });
    expect(javacRun(['/usr/bin/javac', '-g', '--release', '11', 'Main.java'])).toEqual({ sources: ['Main.java'], outputDir: null, argfile: false });
    expect(javacRun(['javac', '@sources.txt'])?.argfile).toBe(true);
    expect(javacRun(['java', 'Main'])).toBeNull();
    for (const w of ['-Xmx256m', '-Dapp.env=prod', '-XX:+UseG1GC', '-server', '-ea', '-agentlib:jdwp=transport=dt_socket,server=y']) expect(JAVA_ONE_WORD_OPTIONS.test(w), w).toBe(true);
    // options that name a file or change the class path leave the command to the generic split
    for (const w of ['-javaagent:agent.jar', '-agentpath:/lib/x.so', '-Djava.class.path=lib', '-Xbootclasspath/a:x.jar', '-jar', '--module-path']) expect(JAVA_ONE_WORD_OPTIONS.test(w), w).toBe(false);
  });
});

describe('the dependency caches a JVM build leaves in the home directory', () => {
  it('names the directory of each build tool, by path or wrapper too, and of no other program', () => {
    const caches = Object.fromEntries(['mvn', '/opt/maven/bin/mvn', './gradlew', '/app/gradlew', 'lein', 'sbt', 'javac', 'npm'].map((n) => [n, dependencyCache(n)]));
    expect(caches).toEqual({ mvn: '.m2', '/opt/maven/bin/mvn': '.m2', './gradlew': '.gradle', '/app/gradlew': '.gradle', lein: '.m2', sbt: '.ivy2', javac: undefined, npm: undefined });
  });

  it('makes a split on the same image worth it unless the RUN removes the cache again', () => {
    const file = (run: string) => `FROM maven:3.2-jdk-8\nWORKDIR /usr/src/app\nCOPY . .\nRUN ${run}\nENTRYPOINT ["java"]\nCMD ["-jar", "target/app.jar"]\n`;
    const runs = ['mvn install', 'mvn install && rm -rf /root/.m2', 'mvn install && rm -rf ~/.m2/repository'];
    expect(runs.map((r) => ids(file(r)))).toEqual([['needs-verify'], ['nothing-to-leave-behind'], ['nothing-to-leave-behind']]);
  });
});
