// The JVM's build tools and the JDK's programs: Maven, Gradle (and their wrappers), Leiningen, sbt, Ant,
// java, javac, jar. https://maven.apache.org/ref/current/maven-embedder/cli.html  https://docs.gradle.org/current/userguide/command_line_interface.html
import type { CommandFamily } from './types.js';

export default {
  id: 'java',
  names: ['mvn', './mvnw', 'gradle', './gradlew', 'lein', 'sbt', 'ant', 'java', 'javac', 'jar'],
  subcommands: {
    mvn: [
      { kind: 'build', sub: ['package', 'install', 'compile', 'verify', 'clean', 'dependency:go-offline', 'dependency:resolve', '-B', '-q'] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: ['spring-boot:run', 'exec:java'] },
    ],
    './mvnw': [{ kind: 'build' }],
    gradle: [{ kind: 'build' }],
    './gradlew': [{ kind: 'build' }],
    javac: [{ kind: 'build' }],
    jar: [{ kind: 'build' }],
  },
  // Debian's JRE and JDK packages
  provides: { 'openjdk-17-jre-headless': ['java'], 'default-jre': ['java'], 'default-jre-headless': ['java'], 'default-jdk': ['java', 'javac'] },
  toolbox: ['mvn', 'gradle', 'ant', 'sbt', 'lein', 'javac'],
  // Spring Boot's and Gradle's application plugins build and start the app from the sources
  toolchainAtRuntime: [/^(\S*\/)?(mvnw?|gradlew?) (.* )?(spring-boot:run|bootRun)\b/, /^(\S*\/)?gradlew? (.* )?run(?=\s|$)/],
} satisfies CommandFamily;
