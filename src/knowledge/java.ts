// Java builder images (the JRE image of each is in the image table, ./images.ts), and the files that only
// feed a Java build (the build tools' goals and options: src/commands/java.ts).
import { IMAGES } from './images.js';

/** The Java build images: the families whose JRE counterparts the image table describes. */
export const JAVA_BUILDER_NAMES: ReadonlySet<string> = new Set(IMAGES.flatMap((r) => (r.jre && typeof r.repository === 'string' ? [r.repository] : [])));

/**
 * Deprecated families whose other tags (Alpine ones, openjdk 12 and later) are left to the generic split,
 * which keeps the same image: the image table does not describe their JRE counterparts.
 */
export const JAVA_GENERIC_FALLBACK: ReadonlySet<string> = new Set(['openjdk', 'java']);

/**
 * The variables an image sets to where it installed its runtime, which its JRE counterpart sets to where it installed
 * its own: `java:8` says JAVA_HOME=/usr/lib/jvm/java-8-openjdk-amd64 (the JDK), `java:8-jre` .../jre, and only the
 * latter holds bin/java there. A runtime stage keeps the runtime base's own value rather than the builder's (review
 * review-2026-12-06l and m: a launcher that runs `$JAVA_HOME/bin/java` would find nothing).
 */
export const RUNTIME_LOCATION_ENV: ReadonlySet<string> = new Set(['JAVA_HOME']);

/** Context files and directories that only feed a Maven or Gradle build (the jar holds what runs). */
export const JAVA_BUILD_INPUTS: ReadonlySet<string> = new Set(['pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', 'gradlew', 'gradlew.bat', 'mvnw', 'mvnw.cmd', '.mvn', 'gradle', 'src']);

/** A Java source file, which javac reads and a JRE never does. */
export const JAVA_SOURCE_FILE = /^[^*?[]*\.java$/;

/**
 * Top-level entries of a repository that no program reads at run time: its documentation, licence, version
 * control and CI files, editor settings, container and compose files (a `COPY . .` of only these and
 * JAVA_BUILD_INPUTS brings nothing the jar needs).
 */
export const REPOSITORY_METADATA =
  /^(README|LICEN[CS]E|NOTICE|CHANGELOG|CHANGES|CONTRIBUTING|AUTHORS|CODE_OF_CONDUCT|SECURITY)([.\w-]*)$|\.md$|^\.git(?:ignore|attributes|modules|hub|lab-ci\.yml)?$|^\.(travis\.yml|circleci|editorconfig|idea|vscode|dockerignore|sdkmanrc|java-version|tool-versions)$|^(Dockerfile|Containerfile)([.\w-]*)$|^docker-compose[.\w-]*\.ya?ml$|^(Jenkinsfile|Makefile|\.?renovate\.json|codecov\.yml|lombok\.config)$/i;

/**
 * Packages a graphical Java program (java.awt, Swing, a virtual display) installs: X11 client libraries, Xvfb,
 * GTK. A headless JRE or JDK (openjdk's -slim tags: the image table's `headless`) has no AWT X11 libraries.
 */
export const GUI_PACKAGES = /^(lib(x11|xext|xrender|xtst|xi|xt|xrandr|xinerama|xft|gtk[\w.-]*|gl1[\w.-]*)(-?\d+|-dev)?|x11-[\w-]+|xvfb|xauth|xorg[\w-]*)$/;

/**
 * Debian's Java packages whose install script registers the man pages of the JDK's tools with update-alternatives
 * and fails where /usr/share/man/man1 is missing, as on Debian's slim images, which leave the man directories out
 * (Debian bug #863199; debuerreotype issues 24 and 25): `apt-get install openjdk-8-jdk` on `node:10-slim` fails at
 * `rmid.1.gz` (review-2026-12-06c, easy-mockserver) unless the directory is made first.
 */
export const JAVA_NEEDS_MAN_DIRS = /^(openjdk-\d+-(jre|jdk)(-headless)?|default-(jre|jdk)(-headless)?|ca-certificates-java)$/;

/**
 * The release archives of the JVM build tools, installed by hand on a JDK image as the official maven and gradle
 * images do (`curl .../apache-maven-3.5.2-bin.tar.gz | tar -xz -C /usr/share/maven && ln -s /usr/share/maven/bin/mvn
 * /usr/bin/mvn`): a RUN that only fetches, checks, unpacks and links one installs a tool that only the build runs.
 * https://maven.apache.org/download.cgi  https://gradle.org/releases/  https://ant.apache.org/bindownload.cgi
 * https://www.scala-sbt.org/download/
 */
export const BUILD_TOOL_ARCHIVES: readonly { tool: string; archive: RegExp }[] = [
  { tool: 'Maven', archive: /apache-maven-[\w.${}-]+-bin\.(tar\.gz|zip)\b/ },
  { tool: 'Gradle', archive: /gradle-[\w.${}-]+-(bin|all)\.zip\b/ },
  { tool: 'Ant', archive: /apache-ant-[\w.${}-]+-bin\.(tar\.gz|tar\.bz2|zip)\b/ },
  { tool: 'sbt', archive: /\bsbt-[\w.${}-]+\.(tgz|zip)\b/ },
];
