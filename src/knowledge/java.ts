// Java builder images and the JRE image of the same Java version the runtime stage uses, and the files
// that only feed a Java build. Facts from the official images' tag lists and Dockerfiles (eclipse-temurin:
// adoptium/containers; maven: carlossg/docker-maven; gradle: gradle/docker-gradle; openjdk and java: docker-library).

/** A builder image family and tag form, and the JRE image of the same Java version (null: declined, with why). */
interface JreRule {
  name: string;
  tag: RegExp;
  jre: ((m: RegExpExecArray) => string) | null;
  why?: string;
}

const OS = '(-(?:alpine|jammy|focal|noble|ubi9-minimal))?';
const DEBIAN = '(-(?:stretch|buster|bullseye))?';

/** First match wins. Every JRE named here is a published tag of the same vendor's build of the same Java version. */
const JRE_RULES: readonly JreRule[] = [
  // eclipse-temurin:17, 17-jdk, 17-jdk-jammy, 17.0.9_9-jdk-alpine, 21-alpine
  { name: 'eclipse-temurin', tag: new RegExp(`^(\\d+(?:\\.[\\d.]+_\\d+)?)(?:-jdk)?${OS}$`), jre: (m) => `eclipse-temurin:${m[1]}-jre${m[2] ?? ''}` },
  // maven:3.9-eclipse-temurin-17, maven:3-eclipse-temurin-21-alpine (built FROM eclipse-temurin:<java>-jdk[-<os>])
  { name: 'maven', tag: new RegExp(`^[\\d.]+-eclipse-temurin-(\\d+)${OS}$`), jre: (m) => `eclipse-temurin:${m[1]}-jre${m[2] ?? ''}` },
  // maven:3-jdk-8, maven:3.6-openjdk-11-slim, maven:3.5-jdk-8-alpine (built FROM openjdk:<java>-jdk[-slim|-alpine])
  { name: 'maven', tag: /^[\d.]+-(?:open)?jdk-(8|11)(-slim)?$/, jre: (m) => `openjdk:${m[1]}-jre${m[2] ?? ''}` },
  { name: 'maven', tag: /^[\d.]+-(?:open)?jdk-(8)(-alpine)$/, jre: (m) => `openjdk:${m[1]}-jre${m[2]}` },
  { name: 'maven', tag: /^(latest|[\d.]+|alpine)$/, jre: null, why: 'the tag does not name the Java version, which moves between releases' },
  // gradle:8.5-jdk17, gradle:jdk21-jammy, gradle:7-jdk11 (gradle 7 and later, and the version-less tags, are built FROM
  // eclipse-temurin:<java>-jdk[-<os>]; older ones FROM openjdk or AdoptOpenJDK images)
  { name: 'gradle', tag: /^(?:(?:[7-9]|[1-9]\d)[\d.]*-)?jdk(\d+)(-jammy|-focal|-noble)?$/, jre: (m) => `eclipse-temurin:${m[1]}-jre${m[2] ?? ''}` },
  { name: 'gradle', tag: /^[1-6][\d.]*-jdk/, jre: null, why: 'Gradle images before 7 were built on openjdk or AdoptOpenJDK images, not on eclipse-temurin' },
  // openjdk:8, 8-jdk, 8u151-jdk, 11.0.4-jdk-slim-buster, 8-jdk-alpine: the same image's own jre tags (openjdk 12 and
  // later have none); the same JAVA_HOME, so the configuration is kept
  { name: 'openjdk', tag: new RegExp(`^(7|8|11)((?:u\\d+|\\.[\\d.]+)(?:-b\\d+)?)?(?:-jdk)?(-slim)?${DEBIAN}$`), jre: (m) => `openjdk:${m[1]}${m[2] ?? ''}-jre${m[3] ?? ''}${m[4] ?? ''}` },
  // java (the official image openjdk replaced): 8, 8-jdk, openjdk-8u91-jdk and their -jre tags
  { name: 'java', tag: /^((?:openjdk-)?(?:7|8)(?:u\d+)?)(?:-jdk)?$/, jre: (m) => `java:${m[1]}-jre` },
  { name: 'amazoncorretto', tag: /./, jre: null, why: 'Amazon Corretto publishes no JRE images beside its JDK ones' },
];

export const JAVA_BUILDER_NAMES: ReadonlySet<string> = new Set(JRE_RULES.map((r) => r.name));

/**
 * Deprecated families whose other tags (Alpine ones, openjdk 12 and later) are left to the generic split,
 * which keeps the same image: the image table does not describe their JRE counterparts.
 */
export const JAVA_GENERIC_FALLBACK: ReadonlySet<string> = new Set(['openjdk', 'java']);

/** The JRE image of the builder's Java version and OS variant, or why there is none (null: no rule for the tag). */
export function jreImage(name: string, tag: string): { image: string } | { why: string } | null {
  for (const r of JRE_RULES) {
    if (r.name !== name) continue;
    const m = r.tag.exec(tag);
    if (m) return r.jre ? { image: r.jre(m) } : { why: r.why! };
  }
  return null;
}

/**
 * Build tools and the output directory of each (relative to the directory the build runs in); the goal
 * that builds and starts a Spring Boot app, the goals after which its executable jar exists, and the
 * words that write that jar without starting it (spring-boot:run compiles the tests and runs none:
 * https://docs.spring.io/spring-boot/maven-plugin/run.html, https://docs.spring.io/spring-boot/gradle-plugin/running.html).
 */
export interface JavaBuildTool { goals: readonly string[]; outputDir: string; bootRun: string; bootJarGoals: readonly string[]; bootJar: readonly string[] }
const MAVEN: JavaBuildTool = { goals: ['package', 'install', 'verify', 'deploy'], outputDir: 'target', bootRun: 'spring-boot:run', bootJarGoals: ['package', 'install', 'verify', 'deploy'], bootJar: ['package', '-DskipTests'] };
const GRADLE: JavaBuildTool = { goals: ['build', 'assemble', 'jar', 'bootJar', 'shadowJar'], outputDir: 'build/libs', bootRun: 'bootRun', bootJarGoals: ['build', 'assemble', 'bootJar'], bootJar: ['bootJar'] };
/** Gradle's application plugin: `run` starts the main class; `installDist` writes build/install/<name> with bin/<name>, the start script. */
export const GRADLE_APPLICATION = { run: 'run', install: 'installDist', outputDir: 'build/install' } as const;
export const JAVA_BUILD_TOOLS: Readonly<Record<string, JavaBuildTool>> = { mvn: MAVEN, mvnw: MAVEN, gradle: GRADLE, gradlew: GRADLE };

/** Options of mvn and gradle that change neither what is built nor how the app runs (output, offline, daemon). */
export const JAVA_NEUTRAL_OPTIONS = /^(-B|--batch-mode|-q|--quiet|-o|--offline|-e|--errors|-ntp|--no-transfer-progress|--no-daemon|--console=\w+|-i|--info|-s|--stacktrace|-w|--warn)$/;

/** Context files and directories that only feed a Maven or Gradle build (the jar holds what runs). */
export const JAVA_BUILD_INPUTS: ReadonlySet<string> = new Set([
  'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties',
  'gradlew', 'gradlew.bat', 'mvnw', 'mvnw.cmd', '.mvn', 'gradle', 'src',
]);
