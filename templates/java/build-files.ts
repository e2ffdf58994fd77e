// What a Maven or Gradle build file says about the jars it writes: their names (so a pattern such as
// target/*.jar can be resolved to the one file it matches) and whether the jar runs alone.
// https://maven.apache.org/pom.html#the-basebuild-element (finalName defaults to ${artifactId}-${version})
// https://docs.gradle.org/current/dsl/org.gradle.api.tasks.bundling.Jar.html (archiveFileName: base-version-classifier.jar)
// https://docs.spring.io/spring-boot/gradle-plugin/packaging.html (2.5+: bootJar beside a -plain jar)
import type { BuildContext } from '../../src/context.js';

/** What the build file says: the jars in the output directory (null when unknown) and refusals. */
export interface BuildFileFacts {
  /** Every jar the build writes into target/ or build/libs, or null when it cannot be told, with why. */
  jars: string[] | null;
  unknown?: string;
  /** Why the jar does not run alone (its manifest names a class path of files beside it). */
  classpath?: string;
  /** The build makes a WAR. */
  war?: boolean;
  /** The Spring Boot plugin is applied: the jar is executable and holds its dependencies. */
  springBoot?: boolean;
  /**
   * Why `spring-boot:run` / `bootRun` would run the app otherwise than `java -jar` runs the packaged jar
   * (run-only settings, devtools, a jar that is not repackaged), or undefined when they run it alike.
   */
  bootRunDiffers?: string;
  /**
   * The application plugin: the name of the start script and directory `installDist` writes
   * (build/install/<name>/bin/<name>), or why `gradle run` would run the app otherwise than that script.
   */
  application?: { name: string } | { differs: string };
}

/** Settings of spring-boot-maven-plugin that only `spring-boot:run` reads (java -jar ignores them). */
const MAVEN_RUN_SETTINGS = /<(jvmArguments|arguments|commandlineArguments|profiles|environmentVariables|systemPropertyVariables|workingDirectory|agents?|directories|additionalClasspathElements|addResources|folders|skip|fork|noverify|optimizedLaunch)>/;

/** Why the Maven build's spring-boot:run differs from `java -jar` on the jar `package` writes. */
function mavenBootRun(xml: string, parent: string, plugin: string | undefined): string | undefined {
  if (plugin === undefined) return 'the pom.xml does not apply spring-boot-maven-plugin';
  if (/spring-boot-devtools/.test(xml)) return "spring-boot-devtools is a dependency: it changes the app's settings under spring-boot:run and is left out of the packaged jar";
  if (/<spring-boot\.run\.[\w.]+>/.test(xml)) return 'the pom.xml sets spring-boot.run.* properties, which only spring-boot:run reads';
  const run = MAVEN_RUN_SETTINGS.exec(plugin.replace(/<executions>[\s\S]*?<\/executions>/g, '').replace(/<dependencies>[\s\S]*?<\/dependencies>/g, ''));
  if (run) return `spring-boot-maven-plugin sets <${run[1]}>, which only spring-boot:run reads`;
  const starterParent = element(parent, 'groupId') === 'org.springframework.boot';
  if (!starterParent && !/<goal>\s*repackage\s*<\/goal>/.test(plugin)) return 'without spring-boot-starter-parent or a repackage goal, package writes a jar that does not start with java -jar';
  return undefined;
}

const unknown = (why: string): BuildFileFacts => ({ jars: null, unknown: why });

/** Removes a tag's elements (with what they hold) from an XML text. */
function without(xml: string, ...tags: string[]): string {
  let out = xml;
  for (const t of tags) out = out.replace(new RegExp(`<${t}\\b[^>]*>[\\s\\S]*?</${t}>`, 'g'), '');
  return out;
}
const element = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml)?.[1];

/** Maven plugins that write no jar into target/ and leave the jar's manifest alone. */
const MAVEN_QUIET_PLUGINS = new Set([
  'maven-compiler-plugin',
  'maven-surefire-plugin',
  'maven-failsafe-plugin',
  'maven-resources-plugin',
  'maven-enforcer-plugin',
  'maven-clean-plugin',
  'maven-install-plugin',
  'maven-deploy-plugin',
  'maven-site-plugin',
  'maven-checkstyle-plugin',
  'maven-pmd-plugin',
  'spotbugs-maven-plugin',
  'jacoco-maven-plugin',
  'build-helper-maven-plugin',
  'git-commit-id-plugin',
  'git-commit-id-maven-plugin',
  'kotlin-maven-plugin',
  'spotless-maven-plugin',
  'versions-maven-plugin',
  'lombok-maven-plugin',
  'properties-maven-plugin',
  'flyway-maven-plugin',
  'jib-maven-plugin',
]);
/** Maven plugins that write a second jar beside the main one (its name from the main one's). */
const MAVEN_EXTRA_JARS: Record<string, (name: string) => string> = {
  'maven-shade-plugin': (n) => `original-${n}.jar`,
  'maven-assembly-plugin': (n) => `${n}-jar-with-dependencies.jar`,
  'maven-source-plugin': (n) => `${n}-sources.jar`,
  'maven-javadoc-plugin': (n) => `${n}-javadoc.jar`,
};

/** The facts of a pom.xml (single module). */
export function mavenFacts(pom: string): BuildFileFacts {
  const xml = pom.replace(/<!--[\s\S]*?-->/g, '');
  if (/<modules>\s*<module>/.test(xml)) return unknown('the pom.xml is a multi-module build: each module writes its own jar');
  const parent = /<parent>([\s\S]*?)<\/parent>/.exec(xml)?.[1] ?? '';
  const build = /<build>([\s\S]*?)<\/build>/.exec(without(xml, 'profiles'))?.[1] ?? '';
  const plugins = /<plugins>([\s\S]*?)<\/plugins>/.exec(without(build, 'pluginManagement'))?.[1] ?? '';
  const names = [...plugins.matchAll(/<plugin>([\s\S]*?)<\/plugin>/g)].map((m) => ({ id: element(without(m[1]!, 'dependencies', 'configuration', 'executions'), 'artifactId') ?? '', text: m[1]! }));
  const bootPlugin = names.find((p) => p.id === 'spring-boot-maven-plugin');
  const facts: BuildFileFacts = { jars: null, springBoot: bootPlugin !== undefined, bootRunDiffers: mavenBootRun(xml, parent, bootPlugin?.text) };
  if (/<addClasspath>\s*true|<Class-Path>/.test(plugins) || names.some((p) => p.id === 'maven-dependency-plugin' && /copy-dependencies/.test(p.text))) {
    facts.classpath = 'the pom.xml puts a class path of dependency jars beside it in the manifest (addClasspath, Class-Path or copy-dependencies)';
  }
  const top = without(xml, 'parent', 'dependencies', 'dependencyManagement', 'build', 'profiles', 'reporting', 'properties', 'repositories', 'pluginRepositories', 'distributionManagement', 'scm', 'developers', 'licenses', 'organization', 'issueManagement', 'ciManagement', 'contributors', 'mailingLists');
  const packaging = element(top, 'packaging') ?? 'jar';
  if (packaging === 'war' || packaging === 'ear') return { ...facts, war: true, unknown: `the pom.xml packages a ${packaging.toUpperCase()}` };
  if (packaging !== 'jar') return { ...facts, unknown: `the pom.xml's packaging is ${packaging}` };
  const props: Record<string, string | undefined> = Object.fromEntries([...(/<properties>([\s\S]*?)<\/properties>/.exec(without(xml, 'profiles'))?.[1] ?? '').matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)].map((m) => [m[1]!, m[2]!]));
  const artifactId = element(top, 'artifactId');
  const version = element(top, 'version') ?? element(parent, 'version');
  Object.assign(props, { 'project.artifactId': artifactId, artifactId, 'project.version': version, version, 'pom.version': version, 'project.parent.version': element(parent, 'version') });
  const resolve = (v: string | undefined, depth = 0): string | null => {
    if (v === undefined || depth > 5) return null;
    const out = v.replace(/\$\{([\w.-]+)\}/g, (_, k: string) => resolve(props[k], depth + 1) ?? '\0');
    return out.includes('\0') ? null : out;
  };
  const finalName = element(without(build, 'plugins', 'pluginManagement'), 'finalName');
  const name = resolve(finalName ?? (artifactId && version ? `${artifactId}-${version}` : undefined));
  if (!name) return { ...facts, unknown: 'the jar name in the pom.xml uses properties dfsplit cannot resolve' };
  if (parent && element(parent, 'groupId') !== 'org.springframework.boot') return { ...facts, unknown: `the parent POM (${element(parent, 'artifactId') ?? '?'}) may add plugins that write more jars` };
  if (/<plugins>/.test(/<profiles>([\s\S]*?)<\/profiles>/.exec(xml)?.[1] ?? '')) return { ...facts, unknown: 'a profile of the pom.xml adds plugins' };
  const jars = [`${name}.jar`];
  for (const p of names) {
    if (p.id === 'spring-boot-maven-plugin') {
      const classifier = element(p.text, 'classifier');
      if (classifier) jars.push(`${name}-${resolve(classifier) ?? '*'}.jar`);
    } else if (p.id === 'maven-jar-plugin') {
      if (/test-jar/.test(p.text)) jars.push(`${name}-tests.jar`);
      if (/<classifier>/.test(p.text)) return { ...facts, unknown: 'maven-jar-plugin sets a classifier' };
    } else if (MAVEN_EXTRA_JARS[p.id]) jars.push(MAVEN_EXTRA_JARS[p.id]!(name));
    else if (!MAVEN_QUIET_PLUGINS.has(p.id)) return { ...facts, unknown: `the plugin ${p.id} may write more jars` };
  }
  return { ...facts, jars };
}

/** Gradle plugins that write no jar into build/libs. */
const GRADLE_QUIET_PLUGINS = new Set([
  'java',
  'java-library',
  'application',
  'groovy',
  'scala',
  'jacoco',
  'checkstyle',
  'pmd',
  'idea',
  'eclipse',
  'maven-publish',
  'maven',
  'io.spring.dependency-management',
  'org.jetbrains.kotlin.jvm',
  'org.jetbrains.kotlin.plugin.spring',
  'org.jetbrains.kotlin.plugin.jpa',
  'org.jetbrains.kotlin.plugin.allopen',
  'org.jetbrains.kotlin.plugin.noarg',
  'org.jetbrains.kotlin.kapt',
  'io.freefair.lombok',
  'com.diffplug.spotless',
  'org.springframework.boot',
  'com.github.johnrengelman.shadow',
  'com.gradleup.shadow',
  'com.google.cloud.tools.jib',
  'org.flywaydb.flyway',
]);

/** Why the Gradle build's bootRun differs from `java -jar` on the jar bootJar writes. */
function gradleBootRun(text: string, springBoot: boolean): string | undefined {
  if (!springBoot) return 'the build file does not apply the org.springframework.boot plugin';
  if (/spring-boot-devtools/.test(text)) return "spring-boot-devtools is a dependency: it changes the app's settings under bootRun and is left out of the boot jar";
  if (/\bbootRun\b/.test(text)) return 'the build file configures bootRun (arguments, JVM options, system properties), which java -jar does not read';
  if (/\bbootJar\b[\s\S]*?\benabled\s*=\s*false/.test(text)) return 'the build file disables bootJar';
  return undefined;
}

/**
 * Why the Gradle build's `run` differs from the start script `installDist` writes, or the script's name.
 * https://docs.gradle.org/current/userguide/application_plugin.html
 */
function gradleApplication(text: string, plugins: readonly string[], settings: string, dirName: string | null): { name: string } | { differs: string } {
  if (!plugins.includes('application')) return { differs: 'the build file does not apply the application plugin' };
  if (plugins.includes('org.springframework.boot')) return { differs: 'with Spring Boot applied, run and the start scripts come from two plugins' };
  if (/\brun\s*\{|["']run["']|tasks\.run\b/.test(text)) return { differs: 'the build file configures the run task (arguments, JVM options, working directory, input), which the start script does not read' };
  if (/\b(startScripts|distributions|applicationDistribution|executableDir|installDist)\b/.test(text)) return { differs: 'the build file changes the start scripts or the distribution' };
  if (!/\bmainClass(Name)?\b/.test(text)) return { differs: 'the build file names no main class' };
  const set = /\bapplicationName\s*=\s*(["']?)([^"'\s]*)\1/.exec(text);
  if (set && (!set[1] || /[$]/.test(set[2]!))) return { differs: 'the application name is computed' };
  const name = set?.[2] ?? /rootProject\.name\s*=\s*["']([^"'$]+)["']/.exec(settings)?.[1] ?? dirName;
  if (/^\s*include\b/m.test(settings)) return { differs: 'settings.gradle includes subprojects' };
  return name ? { name } : { differs: 'the project name is neither in settings.gradle nor the name of the directory the build runs in' };
}

/** The header of the block around an offset (`bootJar {`, `tasks.named<Jar>("jar") {`), or ''. */
function blockHeader(text: string, at: number): string {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{' && depth-- === 0) return text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trim();
  }
  return '';
}
const JAR_BLOCK = /^(tasks\.)?(jar|named\s*(<Jar>)?\s*\(\s*["']jar["']\s*\)|getByName\s*(<Jar>)?\s*\(\s*["']jar["']\s*\))$|^tasks\.(named|getByName)\s*(<Jar>)?\s*\(\s*["']jar["']\s*\)$/;
const BOOT_BLOCK = /bootJar/;

/**
 * The facts of a Gradle build: build.gradle(.kts), settings.gradle(.kts) and gradle.properties texts, and
 * the name of the directory the build runs in (the project's name when settings names none).
 */
export function gradleFacts(build: string, settings: string | null, properties: string | null, dirName: string | null): BuildFileFacts {
  const text = build.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const plugins = [
    ...[...text.matchAll(/\bid\s*\(?\s*["']([\w.-]+)["']/g)].map((m) => m[1]!),
    ...[...text.matchAll(/apply\s+plugin:\s*["']([\w.-]+)["']/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\bkotlin\s*\(\s*"([\w.-]+)"\s*\)/g)].map((m) => `org.jetbrains.kotlin.${m[1]}`),
    ...[...text.matchAll(/^\s*`?(java|java-library|application|war|groovy|scala|jacoco|idea|eclipse|maven-publish)`?\s*$/gm)].map((m) => m[1]!),
  ];
  const springBoot = plugins.includes('org.springframework.boot');
  const settingsText = settings?.replace(/(^|\s)\/\/.*$/gm, '$1') ?? '';
  const facts: BuildFileFacts = { jars: null, springBoot, bootRunDiffers: gradleBootRun(text, springBoot), application: gradleApplication(text, plugins, settingsText, dirName) };
  if (/Class-Path/.test(text)) facts.classpath = "the build file writes a Class-Path into the jar's manifest";
  if (plugins.includes('war')) return { ...facts, war: true, unknown: 'the build applies the war plugin' };
  const other = plugins.find((p) => !GRADLE_QUIET_PLUGINS.has(p));
  if (other) return { ...facts, unknown: `the plugin ${other} may write more jars` };
  if (/^\s*include\b/m.test(settingsText)) return { ...facts, unknown: 'settings.gradle includes subprojects, each with its own jar' };
  if (/\btype:\s*Jar\b|<Jar>\s*\(\s*["'](?!jar["'])|with(Sources|Javadoc)Jar\(\)/.test(text)) return { ...facts, unknown: 'the build file registers more jar tasks' };
  const name = /rootProject\.name\s*=\s*["']([^"'$]+)["']/.exec(settingsText)?.[1] ?? dirName;
  if (!name) return { ...facts, unknown: 'the project name is neither in settings.gradle nor the name of the directory the build runs in' };
  const versionAt = /^\s*version\s*(?:=\s*)?["']([^"'$]+)["']\s*$/m.exec(text);
  if (/^\s*version\s*=?/m.test(text) && !versionAt && blockHeader(text, text.search(/^\s*version\s*=?/m)) === '') return { ...facts, unknown: 'the project version is computed' };
  const version = versionAt && blockHeader(text, versionAt.index) === '' ? versionAt[1]! : (/^\s*version\s*=\s*(\S+)\s*$/m.exec(properties ?? '')?.[1] ?? null);
  // task settings: archiveFileName, archiveBaseName, archiveVersion, archiveClassifier (and Gradle 4's baseName, version, classifier)
  const settingsOf = (block: RegExp, dottedName: string) => {
    const out: Record<string, string> = {};
    for (const m of text.matchAll(/\b(archiveFileName|archiveBaseName|archiveVersion|archiveClassifier|archiveName|baseName|classifier|version|enabled)\s*(?:=|\.set\s*\()\s*(["']?)([^"'\s)]*)\2/g)) {
      const header = blockHeader(text, m.index);
      const dotted = new RegExp(`\\b${dottedName}\\.${m[1]}$`).test(text.slice(Math.max(0, m.index - 20), m.index + m[1]!.length));
      if ((header && block.test(header.replace(/\s*\{?$/, ''))) || dotted) out[m[1]!] = m[3]!;
    }
    return out;
  };
  const jarTask = settingsOf(JAR_BLOCK, 'jar');
  const bootTask = settingsOf(BOOT_BLOCK, 'bootJar');
  const fileName = (task: Record<string, string>, classifier: string): string | null => {
    const literal = (v: string | undefined) => (v === undefined || /[$]/.test(v) ? v === undefined : true);
    if (![task.archiveFileName, task.archiveName, task.archiveBaseName, task.baseName, task.archiveVersion, task.version, task.archiveClassifier, task.classifier].every((v) => literal(v))) return null;
    if (task.archiveFileName ?? task.archiveName) return (task.archiveFileName ?? task.archiveName)!;
    const c = task.archiveClassifier ?? task.classifier ?? classifier;
    const v = task.archiveVersion ?? task.version ?? version;
    return [task.archiveBaseName ?? task.baseName ?? name, v && v !== 'unspecified' ? v : null, c || null].filter(Boolean).join('-') + '.jar';
  };
  const jars: (string | null)[] = [];
  if (!springBoot) jars.push(fileName(jarTask, ''));
  else {
    const bootVersion = /id\s*\(?\s*["']org\.springframework\.boot["']\s*\)?\s*version\s*["'](\d+)\.(\d+)/.exec(text) ?? /spring-boot-gradle-plugin:(\d+)\.(\d+)/.exec(text);
    if (!bootVersion) return { ...facts, unknown: 'the Spring Boot plugin version is not in the build file (2.5 and later also write a -plain jar)' };
    const [major, minor] = [Number(bootVersion[1]), Number(bootVersion[2])];
    if (major < 2)
      jars.push(fileName(jarTask, '')); // 1.x repackages the jar task's own file
    else {
      jars.push(fileName(bootTask, ''));
      const plainOn = major > 2 || minor >= 5 ? jarTask.enabled !== 'false' && !/\bjar\.enabled\s*=\s*false/.test(text) : jarTask.enabled === 'true';
      if (plainOn) jars.push(fileName(jarTask, major > 2 || minor >= 5 ? 'plain' : ''));
    }
  }
  if (plugins.some((p) => /shadow/.test(p))) jars.push(fileName({}, 'all'));
  if (jars.some((j) => j === null)) return { ...facts, unknown: 'a jar name in the build file is computed' };
  return { ...facts, jars: jars as string[] };
}

/** The facts of the build whose files lie in a context directory ('' for the root), or null when none is there. */
export function buildFacts(context: BuildContext, dir: string, tool: 'maven' | 'gradle', dirName: string | null): BuildFileFacts | null {
  const at = (f: string) => (dir ? `${dir}/${f}` : f);
  if (tool === 'maven') {
    const pom = context.read(at('pom.xml'));
    return pom === null ? null : mavenFacts(pom);
  }
  const build = context.read(at('build.gradle')) ?? context.read(at('build.gradle.kts'));
  if (build === null) return null;
  return gradleFacts(build, context.read(at('settings.gradle')) ?? context.read(at('settings.gradle.kts')), context.read(at('gradle.properties')), dirName);
}
