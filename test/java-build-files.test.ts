// templates/java/build-files.ts: the jar names a pom.xml or a Gradle build gives, and when they are unknown.
import { describe, expect, it } from 'vitest';
import { gradleFacts, mavenFacts } from '../templates/java/build-files.js';
import { jreImage } from '../src/images.js';

const pom = (build: string, extra = '') => `<project><modelVersion>4.0.0</modelVersion>${extra}<groupId>g</groupId><artifactId>svc</artifactId><version>\${revision}</version>
  <properties><revision>1.2</revision></properties><build>${build}</build></project>`;

describe('mavenFacts', () => {
  it('artifactId-version with properties resolved; finalName wins; a shade plugin adds original-*.jar', () => {
    expect(mavenFacts(pom('')).jars).toEqual(['svc-1.2.jar']);
    expect(mavenFacts(pom('<finalName>app</finalName>')).jars).toEqual(['app.jar']);
    expect(mavenFacts(pom('<plugins><plugin><artifactId>maven-shade-plugin</artifactId><configuration><finalName>x</finalName></configuration></plugin></plugins>')).jars).toEqual(['svc-1.2.jar', 'original-svc-1.2.jar']);
  });
  it('unknown: unknown plugins, other parents, multi-module builds; WAR and class paths flagged', () => {
    expect(mavenFacts(pom('<plugins><plugin><artifactId>exec-maven-plugin</artifactId></plugin></plugins>')).jars).toBeNull();
    expect(mavenFacts(pom('', '<parent><groupId>com.corp</groupId><artifactId>base</artifactId><version>1</version></parent>')).jars).toBeNull();
    expect(mavenFacts('<project><modules><module>a</module></modules></project>').jars).toBeNull();
    expect(mavenFacts('<project><artifactId>w</artifactId><version>1</version><packaging>war</packaging></project>').war).toBe(true);
    expect(mavenFacts(pom('<plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><addClasspath>true</addClasspath></manifest></archive></configuration></plugin></plugins>')).classpath).toBeTruthy();
  });
});

describe('gradleFacts', () => {
  const boot = (v: string, rest = '') => `plugins {\n  id 'java'\n  id 'org.springframework.boot' version '${v}'\n}\nversion = '0.1'\n${rest}`;
  it('Spring Boot: 2.4 writes one jar, 2.5+ a -plain one too unless the jar task is off', () => {
    expect(gradleFacts(boot('2.4.5'), "rootProject.name = 'a'", null, 'app').jars).toEqual(['a-0.1.jar']);
    expect(gradleFacts(boot('3.2.0'), null, null, 'app').jars).toEqual(['app-0.1.jar', 'app-0.1-plain.jar']);
    expect(gradleFacts(boot('3.2.0', 'tasks.named<Jar>("jar") {\n  enabled = false\n}\n'), null, null, 'app').jars).toEqual(['app-0.1.jar']);
    expect(gradleFacts(boot('3.2.0', 'bootJar {\n  archiveFileName = "service.jar"\n}\njar.enabled = false\n'), null, null, 'app').jars).toEqual(['service.jar']);
  });
  it('plain java: no version means no -version; gradle.properties gives one; unknown plugins and subprojects are unknown', () => {
    expect(gradleFacts("plugins { id 'java' }", null, null, 'tool').jars).toEqual(['tool.jar']);
    expect(gradleFacts("plugins { id 'java' }", null, 'version=2.0\n', 'tool').jars).toEqual(['tool-2.0.jar']);
    expect(gradleFacts("plugins { id 'com.acme.packager' }", null, null, 'tool').jars).toBeNull();
    expect(gradleFacts("plugins { id 'java' }", "include 'core'", null, 'tool').jars).toBeNull();
    expect(gradleFacts("plugins { id 'java' }\nversion = computeVersion()\n", null, null, 'tool').jars).toBeNull();
  });
});

describe('jreImage', () => {
  it('maps builder tags to the JRE of the same Java version, or says why not', () => {
    expect(jreImage('maven:3.8.6-eclipse-temurin-17-focal')).toEqual({ image: 'eclipse-temurin:17-jre-focal' });
    expect(jreImage('maven:3-jdk-8-slim')).toEqual({ image: 'openjdk:8-jre-slim' });
    expect(jreImage('gradle:8.5.0-jdk21')).toEqual({ image: 'eclipse-temurin:21-jre' });
    expect(jreImage('openjdk:11.0.16-jdk-slim-bullseye')).toEqual({ image: 'openjdk:11.0.16-jre-slim-bullseye' });
    expect(jreImage('openjdk:8u151-jdk')).toEqual({ image: 'openjdk:8u151-jre' });
    expect(jreImage('java:openjdk-8u91-jdk')).toEqual({ image: 'java:openjdk-8u91-jre' });
    expect(jreImage('maven:latest')).toHaveProperty('why');
    expect(jreImage('openjdk:17-jdk')).toBeNull();
  });
});

describe('what spring-boot:run, bootRun and gradle run do beyond the jar or the start script', () => {
  const bootPom = (plugin: string, deps = '') => `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.1</version></parent>
    <artifactId>demo</artifactId><version>1</version><dependencies>${deps}</dependencies><build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId>${plugin}</plugin></plugins></build></project>`;
  it('maven: nothing when the starter parent repackages and the plugin has no run-only settings', () => {
    expect(mavenFacts(bootPom('')).bootRunDiffers).toBeUndefined();
    expect(mavenFacts(bootPom('<configuration><jvmArguments>-Xmx1g</jvmArguments></configuration>')).bootRunDiffers).toMatch(/jvmArguments/);
    expect(mavenFacts(bootPom('', '<dependency><artifactId>spring-boot-devtools</artifactId></dependency>')).bootRunDiffers).toMatch(/devtools/);
    // without the starter parent, only an explicit repackage goal makes the jar executable
    const plain = bootPom('').replace(/<parent>[\s\S]*?<\/parent>/, '');
    expect(mavenFacts(plain).bootRunDiffers).toMatch(/repackage/);
    expect(mavenFacts(plain.replace('</artifactId></plugin>', '</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin>')).bootRunDiffers).toBeUndefined();
    expect(mavenFacts(pom('')).bootRunDiffers).toMatch(/does not apply/);
  });
  it('gradle: bootRun configured or devtools differ; the application plugin names the start script', () => {
    const boot = `plugins {\n  id 'java'\n  id 'org.springframework.boot' version '3.2.0'\n}\n`;
    expect(gradleFacts(boot, null, null, 'app').bootRunDiffers).toBeUndefined();
    expect(gradleFacts(`${boot}bootRun {\n  jvmArgs = ['-Xmx1g']\n}\n`, null, null, 'app').bootRunDiffers).toMatch(/configures bootRun/);
    expect(gradleFacts(`${boot}dependencies {\n  developmentOnly 'org.springframework.boot:spring-boot-devtools'\n}\n`, null, null, 'app').bootRunDiffers).toMatch(/devtools/);
    const app = `plugins {\n  id 'application'\n}\napplication {\n  mainClass = 'a.Main'\n}\n`;
    expect(gradleFacts(app, "rootProject.name = 'tool'", null, 'dir').application).toEqual({ name: 'tool' });
    expect(gradleFacts(app, null, null, 'dir').application).toEqual({ name: 'dir' });
    expect(gradleFacts(`${app}applicationName = 'cli'\n`, null, null, 'dir').application).toEqual({ name: 'cli' });
    expect(gradleFacts(`${app}run {\n  workingDir = file('/data')\n}\n`, null, null, 'dir').application).toMatchObject({ differs: expect.stringMatching(/run task/) });
    expect(gradleFacts(`${app}startScripts {\n  applicationName = 'x'\n}\n`, null, null, 'dir').application).toMatchObject({ differs: expect.stringMatching(/start scripts/) });
    expect(gradleFacts(app.replace("mainClass = 'a.Main'", ''), null, null, 'dir').application).toMatchObject({ differs: expect.stringMatching(/main class/) });
    expect(gradleFacts(boot, null, null, 'dir').application).toMatchObject({ differs: expect.stringMatching(/application plugin/) });
  });
});
