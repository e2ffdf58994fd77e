// The official-image table (src/knowledge/image-config.ts): rows whose shape is easy to get wrong.
import { describe, expect, it } from 'vitest';
import { imageConfig } from '../src/knowledge/image-config.js';

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

  it('eclipse-temurin: jre rows are the Ubuntu images only; alpine tags are not described', () => {
    const jre = imageConfig('eclipse-temurin:17-jre');
    expect(jre!.cmd).toBeNull();
    expect(jre!.tools.has('javac')).toBe(false);
    expect(imageConfig('eclipse-temurin:17-jre-jammy')).toEqual(jre);
    expect(imageConfig('eclipse-temurin:17-jdk')!.cmd).toEqual(['jshell']);
    expect(imageConfig('eclipse-temurin:17-jre-alpine')).toBeNull();
    expect(imageConfig('eclipse-temurin:17-jdk-alpine')).toBeNull();
  });
});
