// Java builder images and the JRE image of the same Java version the runtime stage uses, and the files
// that only feed a Java build. Facts from the official images' tag lists (hub.docker.com/_/eclipse-temurin,
// hub.docker.com/_/maven: maven:<maven>-eclipse-temurin-<java>[-<os>] is built FROM eclipse-temurin:<java>-jdk[-<os>]).

/** A builder image family: how its tag names the Java version and OS variant. */
interface JavaBuilder {
  name: string;
  /** Groups: 1 = Java version (a major or a full version such as 17.0.9_9), 2 = OS suffix or undefined. */
  tag: RegExp;
}

const OS = '(-(?:alpine|jammy|focal|noble|ubi9-minimal))?';

export const JAVA_BUILDERS: readonly JavaBuilder[] = [
  // eclipse-temurin:17, 17-jdk, 17-jdk-jammy, 17.0.9_9-jdk-alpine, 21-alpine
  { name: 'eclipse-temurin', tag: new RegExp(`^(\\d+(?:\\.[\\d.]+_\\d+)?)(?:-jdk)?${OS}$`) },
  // maven:3.9-eclipse-temurin-17, maven:3-eclipse-temurin-21-alpine
  { name: 'maven', tag: new RegExp(`^[\\d.]+-eclipse-temurin-(\\d+)${OS}$`) },
];

/** The JRE image of the builder's Java version and OS variant, or null when the builder is not in the table. */
export function jreImage(name: string, tag: string): string | null {
  for (const b of JAVA_BUILDERS) {
    if (b.name !== name) continue;
    const m = b.tag.exec(tag);
    if (m) return `eclipse-temurin:${m[1]}-jre${m[2] ?? ''}`;
  }
  return null;
}

/** Build tools and the output directory of each (relative to the directory the build runs in). */
export const JAVA_BUILD_TOOLS: Readonly<Record<string, { goals: readonly string[]; outputDir: string }>> = {
  mvn: { goals: ['package', 'install', 'verify', 'deploy'], outputDir: 'target' },
  mvnw: { goals: ['package', 'install', 'verify', 'deploy'], outputDir: 'target' },
  gradle: { goals: ['build', 'assemble', 'jar', 'bootJar', 'shadowJar'], outputDir: 'build/libs' },
  gradlew: { goals: ['build', 'assemble', 'jar', 'bootJar', 'shadowJar'], outputDir: 'build/libs' },
};

/** Context files and directories that only feed a Maven or Gradle build (the jar holds what runs). */
export const JAVA_BUILD_INPUTS: ReadonlySet<string> = new Set([
  'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties',
  'gradlew', 'gradlew.bat', 'mvnw', 'mvnw.cmd', '.mvn', 'gradle', 'src',
]);
