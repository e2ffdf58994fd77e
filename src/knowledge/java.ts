// Java builder images (the JRE image of each is in the image table, ./images.ts), and the files that only
// feed a Java build.
import { IMAGES } from './images.js';

/** The Java build images: the families whose JRE counterparts the image table describes. */
export const JAVA_BUILDER_NAMES: ReadonlySet<string> = new Set(IMAGES.flatMap((r) => (r.jre && typeof r.repository === 'string' ? [r.repository] : [])));

/**
 * Deprecated families whose other tags (Alpine ones, openjdk 12 and later) are left to the generic split,
 * which keeps the same image: the image table does not describe their JRE counterparts.
 */
export const JAVA_GENERIC_FALLBACK: ReadonlySet<string> = new Set(['openjdk', 'java']);

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
export const JAVA_BUILD_TOOLS: Readonly<Record<string, JavaBuildTool>> = { mvn: MAVEN, mvnw: MAVEN, gradle: GRADLE, gradlew: GRADLE };

/** Options of mvn and gradle that change neither what is built nor how the app runs (output, offline, daemon). */
export const JAVA_NEUTRAL_OPTIONS = /^(-B|--batch-mode|-q|--quiet|-o|--offline|-e|--errors|-ntp|--no-transfer-progress|--no-daemon|--console=\w+|-i|--info|-s|--stacktrace|-w|--warn)$/;

/** Context files and directories that only feed a Maven or Gradle build (the jar holds what runs). */
export const JAVA_BUILD_INPUTS: ReadonlySet<string> = new Set(['pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', 'gradlew', 'gradlew.bat', 'mvnw', 'mvnw.cmd', '.mvn', 'gradle', 'src']);

/**
 * Packages a graphical Java program (java.awt, Swing, a virtual display) installs: X11 client libraries, Xvfb,
 * GTK. A headless JRE or JDK (openjdk's -slim tags: the image table's `headless`) has no AWT X11 libraries.
 */
export const GUI_PACKAGES = /^(lib(x11|xext|xrender|xtst|xi|xt|xrandr|xinerama|xft|gtk[\w.-]*|gl1[\w.-]*)(-?\d+|-dev)?|x11-[\w-]+|xvfb|xauth|xorg[\w-]*)$/;
