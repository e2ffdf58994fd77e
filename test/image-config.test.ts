// The official-image table (src/knowledge/image-config.ts): rows whose shape is easy to get wrong.
import { describe, expect, it } from 'vitest';
import { convert } from '../src/convert.js';
import { imageConfig } from '../src/knowledge/image-config.js';
import { phpImageOf } from '../src/images.js';

describe('imageConfig', () => {
  it('composer: the php alpine image plus composer, with its own WORKDIR, ENTRYPOINT, CMD and ENV', () => {
    const c = imageConfig('composer:2');
    expect(c).not.toBeNull();
    expect(c!.workdir).toBe('/app');
    expect(c!.cmd).toEqual(['composer']);
    expect(c!.entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(c!.env).toMatchObject({ COMPOSER_ALLOW_SUPERUSER: '1', COMPOSER_HOME: '/tmp', PHP_INI_DIR: '/usr/local/etc/php' });
    expect(c!.tools.has('composer')).toBe(true);
    expect(c!.tools.has('git')).toBe(true);
    // Alpine: no Debian tools
    expect(c!.tools.has('apt-get')).toBe(false);
    expect(imageConfig('composer')).toEqual(c);
  });

  it('wordpress and drupal: the php image they are built on, its server as their command, their own site', () => {
    const wp = imageConfig('wordpress:php7.1');
    expect(wp!.cmd).toEqual(['apache2-foreground']);
    expect(wp!.entrypoint).toEqual(['docker-entrypoint.sh']);
    expect(wp!.workdir).toBe('/var/www/html');
    expect([wp!.serves, wp!.site]).toEqual([true, true]);
    expect(wp!.env).toMatchObject({ PHP_INI_DIR: '/usr/local/etc/php' });
    expect(imageConfig('wordpress:5-fpm')!.cmd).toEqual(['php-fpm']);
    expect(imageConfig('wordpress:4.9.8-php7.0-fpm-alpine')!.tools.has('apt-get')).toBe(false);
    expect(imageConfig('wordpress')).toEqual(imageConfig('wordpress:latest'));
    // before WordPress 4.7 the entrypoint was /entrypoint.sh; the cli tags are wp-cli
    expect(imageConfig('wordpress:4.3.1')).toBeNull();
    expect(imageConfig('wordpress:cli')).toBeNull();
    expect(imageConfig('wordpress:cli-php7.4')).toBeNull();
    const drupal = imageConfig('drupal:8.6-apache');
    expect([drupal!.cmd, drupal!.entrypoint, drupal!.workdir, drupal!.site]).toEqual([['apache2-foreground'], ['docker-php-entrypoint'], '/var/www/html', true]);
    expect(imageConfig('drupal:7-fpm')!.cmd).toEqual(['php-fpm']);
    // 8.8 to 9.0 moved to /opt/drupal in 2020; the moving tags with them
    expect(imageConfig('drupal:8.8-apache')).toBeNull();
    expect(imageConfig('drupal:8')).toBeNull();
    expect(imageConfig('drupal:latest')).toBeNull();
    // php's own images serve, but have no site of their own
    expect([imageConfig('php:8.2-apache')!.serves, imageConfig('php:8.2-apache')!.site]).toEqual([true, undefined]);
  });

  it('phpImageOf: the php image of the tag, php with no tag when the tag does not name the version', () => {
    expect(phpImageOf('php:8.2-fpm')).toBe('php:8.2-fpm');
    expect(phpImageOf('wordpress:php7.1')).toBe('php:7.1-apache');
    expect(phpImageOf('wordpress:5.0.3-php7.2')).toBe('php:7.2-apache');
    expect(phpImageOf('wordpress:4.9.8-php7.0-apache')).toBe('php:7.0-apache');
    expect(phpImageOf('wordpress:php7.3-fpm')).toBe('php:7.3-fpm');
    expect(phpImageOf('wordpress:php8.2-fpm-alpine')).toBe('php:8.2-fpm-alpine');
    expect(phpImageOf('wordpress:latest')).toBe('php');
    expect(phpImageOf('wordpress:cli-php7.4')).toBe('php');
    expect(phpImageOf('drupal:10-php8.3-apache-bookworm')).toBe('php:8.3-apache-bookworm');
    expect(phpImageOf('drupal:10-php8.3-fpm-alpine3.20')).toBe('php:8.3-fpm-alpine');
    expect(phpImageOf('drupal:7')).toBe('php');
    expect(phpImageOf('myorg/wordpress:php7.1')).toBeNull();
    expect(phpImageOf('nginx')).toBeNull();
  });

  it('eclipse-temurin: jre rows are the Ubuntu images only; alpine tags are not described', () => {
    const jre = imageConfig('eclipse-temurin:17-jre');
    expect(jre!.cmd).toBeNull();
    expect(jre!.tools.has('javac')).toBe(false);
    expect(imageConfig('eclipse-temurin:17-jre-jammy')).toEqual(jre);
    expect(imageConfig('eclipse-temurin:17-jdk')!.cmd).toEqual(['jshell']);
    expect(imageConfig('eclipse-temurin:17-jre-alpine')).toBeNull();
    expect(imageConfig('eclipse-temurin:17-jdk-alpine')).toBeNull();
  });

  it("dotnet: 6.0/7.0 SDKs empty the runtime images' ASPNETCORE_URLS, 8.0+ set none; Alpine SDKs turn globalization on, as only the -extra runtimes do", () => {
    expect(imageConfig('mcr.microsoft.com/dotnet/sdk:6.0')!.env.ASPNETCORE_URLS).toBe('');
    expect(imageConfig('mcr.microsoft.com/dotnet/aspnet:6.0')!.env.ASPNETCORE_URLS).toBe('http://+:80');
    for (const image of ['mcr.microsoft.com/dotnet/sdk:8.0', 'mcr.microsoft.com/dotnet/aspnet:8.0', 'mcr.microsoft.com/dotnet/sdk:9.0-alpine']) {
      expect(imageConfig(image)!.env).not.toHaveProperty('ASPNETCORE_URLS');
      expect(imageConfig(image)!.env.ASPNETCORE_HTTP_PORTS).toBe('8080');
    }
    expect(imageConfig('mcr.microsoft.com/dotnet/sdk:8.0-alpine')!.env.DOTNET_SYSTEM_GLOBALIZATION_INVARIANT).toBe('false');
    expect(imageConfig('mcr.microsoft.com/dotnet/aspnet:8.0-alpine')!.env.DOTNET_SYSTEM_GLOBALIZATION_INVARIANT).toBe('true');
    expect(imageConfig('mcr.microsoft.com/dotnet/runtime:10.0-alpine3.22-extra')!.env).not.toHaveProperty('DOTNET_SYSTEM_GLOBALIZATION_INVARIANT');
    expect(imageConfig('mcr.microsoft.com/dotnet/aspnet:8.0-alpine-extra')!.cmd).toEqual(['/bin/sh']);
    expect(imageConfig('mcr.microsoft.com/dotnet/sdk:7.0-alpine')).toBeNull();
  });
});

describe('imageConfig: java images (java preset)', () => {
  it('entrypoints that only wrap: maven and eclipse-temurin (exec "$@"), not node', () => {
    expect(imageConfig('maven:3.9-eclipse-temurin-17')!.wraps).toEqual({ unsets: ['MAVEN_CONFIG'] });
    expect(imageConfig('eclipse-temurin:17-jre')!.wraps).toEqual({ unsets: [] });
    expect(imageConfig('gradle:8.5-jdk17')!.entrypoint).toEqual(['/__cacert_entrypoint.sh']);
    expect(imageConfig('node:20')!.wraps).toBeNull();
  });

  it('maven on openjdk and openjdk itself: JAVA_HOME per Java version, jre tags without javac', () => {
    expect(imageConfig('maven:3-jdk-8')!.env).toMatchObject({ JAVA_HOME: '/usr/local/openjdk-8', MAVEN_HOME: '/usr/share/maven' });
    expect(imageConfig('maven:3.6-openjdk-11-slim')!.env.JAVA_HOME).toBe('/usr/local/openjdk-11');
    expect(imageConfig('openjdk:8-jre')!.env.JAVA_HOME).toBe('/usr/local/openjdk-8');
    expect(imageConfig('openjdk:8-jre')!.tools.has('javac')).toBe(false);
    expect(imageConfig('openjdk:11-jdk-slim')!.tools.has('javac')).toBe(true);
    expect(imageConfig('openjdk:11-jdk')!.tools.has('git')).toBe(true);
    expect(imageConfig('openjdk:11-jre-slim')!.tools.has('curl')).toBe(false);
    // not described: Alpine, Oracle Linux (17+), the eclipse-temurin-less maven tags of other vendors
    // openjdk's Alpine tags: the JDK's JAVA_HOME, the JRE's its jre/ directory
    expect(imageConfig('openjdk:8-jdk-alpine')!.env.JAVA_HOME).toBe('/usr/lib/jvm/java-1.8-openjdk');
    expect(imageConfig('openjdk:8u151-jre-alpine3.7')!.env.JAVA_HOME).toBe('/usr/lib/jvm/java-1.8-openjdk/jre');
    expect(imageConfig('openjdk:8-jre-alpine')!.tools.has('javac')).toBe(false);
    expect(imageConfig('maven:3.5-jdk-8-alpine')!.env.MAVEN_HOME).toBe('/usr/share/maven');
    expect(imageConfig('openjdk:17')).toBeNull();
    expect(imageConfig('maven:3-amazoncorretto-17')).toBeNull();
  });

  it('gradle: temurin JDK with its WORKDIR and user', () => {
    const g = imageConfig('gradle:jdk21-jammy')!;
    expect(g.workdir).toBe('/home/gradle');
    expect(g.users).toEqual(['gradle']);
    expect(g.env).toMatchObject({ JAVA_HOME: '/opt/java/openjdk', GRADLE_HOME: '/opt/gradle' });
    expect(imageConfig('gradle:8-jdk17-alpine')).toBeNull();
  });
});

describe('imageConfig: alpine and the golang Alpine tags (issue 24)', () => {
  it("golang's Alpine tags: GOPATH, PATH and WORKDIR /go as on Debian, alpine's CMD and programs", () => {
    const c = imageConfig('golang:1.12-alpine')!;
    expect(c.env).toEqual({ GOPATH: '/go', PATH: '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' });
    expect(c.workdir).toBe('/go');
    expect(c.cmd).toEqual(['/bin/sh']);
    expect(c.tools.has('go') && c.tools.has('apk') && c.tools.has('adduser')).toBe(true);
    expect(c.tools.has('bash') || c.tools.has('apt-get') || c.tools.has('curl')).toBe(false);
    const a = imageConfig('alpine:3.11')!;
    expect(a.env).toEqual({ PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' });
    expect([a.workdir, a.cmd, a.tools.has('go')]).toEqual(['/', ['/bin/sh'], false]);
  });

  it('a move between images whose configuration is not known names them, never "unknown"', () => {
    // maven's Alpine JDK 8 tag is in the table (it converts onto openjdk:8-jre-alpine); the runtime base named here is not
    const r = convert('FROM maven:3.5-jdk-8-alpine\nWORKDIR /build\nCOPY . .\nRUN mvn package\nCMD java -jar target/app-1.0.jar\n', { runtimeBase: 'amazoncorretto:8-alpine-jre' });
    expect(r.reasons.map((x) => x.id)).toEqual(['runtime-config-unknown']);
    expect(r.reasons[0]!.message).toContain('of amazoncorretto:8-alpine-jre is not in');
    expect(r.reasons[0]!.message).not.toMatch(/unknown/);
  });
});
