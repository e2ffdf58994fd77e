// The php family (src/commands/php.ts): Composer and the php image's extension helpers, PECL, PEAR and
// phpize, asked through the analyzer (kind and where they write), the state model and the php preset.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, installerCompanion, installsLanguagePackages, packageProvides, replayedBy } from '../../src/commands/index.js';
import { directoryContext } from '../../src/context.js';
import { join } from 'node:path';
import php, { writesExtensionsOnly } from '../../src/commands/php.js';
import { convert } from '../../src/convert.js';
import { expectToolboxCommands } from '../shared.js';

const scope = { workdir: '/var/www/html', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const command = (script: string, env: Record<string, string> = {}) => analyzeRun(script, { ...scope, env: new Map(Object.entries(env)) }).commands[0]!;
const kind = (script: string) => command(script).kind;
const words = (script: string) => script.split(' ');
// what the php images set (src/knowledge/images.ts)
const PHP_ENV = { PHP_INI_DIR: '/usr/local/etc/php' };

describe('php family', () => {
  it('answers for Composer and the extension tools', () => {
    for (const name of ['composer', 'docker-php-ext-install', 'docker-php-ext-configure', 'docker-php-ext-enable', 'pecl', 'phpize', 'install-php-extensions', 'pear']) expect(familyOf(name), name).toBe(php);
  });

  it('makes the extension tools compile into the system, by their exact names only (kinds)', () => {
    for (const c of ['docker-php-ext-install pdo_pgsql', 'docker-php-ext-configure gd --with-jpeg', 'pecl install redis', 'phpize', 'install-php-extensions gd', 'pear install x', '/usr/local/bin/docker-php-ext-install zip']) expect(kind(c), c).toBe('system-compile');
    expect(kind('docker-php-ext-enable redis')).toBe('unknown');
    expect(kind('./bin/pecl install redis')).not.toBe('system-compile');
  });

  it('makes Composer a build when it installs, updates or requires (kindOf)', () => {
    for (const c of ['composer install --no-dev', 'composer update', 'composer require monolog/monolog', 'composer --no-interaction install']) expect(kind(c), c).toBe('build');
    expect(kind('composer dump-autoload -o')).toBe('unknown');
  });

  it('knows where Composer and the extension helpers write (outputs)', () => {
    expect(command('composer install').outputs).toEqual(['/var/www/html/vendor']);
    expect(command('composer install -d /app').outputs).toEqual(['/app/vendor']);
    expect(command('composer install --working-dir=api').outputs).toEqual(['/var/www/html/api/vendor']);
    expect(command('composer dump-autoload').outputs).toEqual([]);
    expect(command('docker-php-ext-install pdo_pgsql', PHP_ENV).outputs).toEqual(['/usr/local/lib/php/extensions', '/usr/local/etc/php/conf.d']);
    expect(command('docker-php-ext-enable --ini-name /usr/local/etc/php/conf.d/0-redis.ini redis', PHP_ENV).outputs).toEqual(['/usr/local/etc/php/conf.d', '/usr/local/etc/php/conf.d/0-redis.ini']);
    expect(command('pecl install redis', PHP_ENV).outputs).toEqual(['/usr/local/lib/php/extensions']);
    expect(command('pecl channel-update pecl.php.net', PHP_ENV).outputs).toEqual([]);
    // outside the php images the helpers' directories are unknown
    expect(command('docker-php-ext-install pdo_pgsql').outputs).toEqual([]);
  });

  it('tells the state model that Composer installs from a list it cannot read (languageInstallers, provides)', () => {
    expect(installsLanguagePackages(words('composer install'))).toBe(true);
    expect(installsLanguagePackages(words('pecl install redis'))).toBe(false);
    expect(replayedBy(words('composer install'))).toBe(false);
    expect(packageProvides('php-cli')).toEqual(['php']);
  });

  it('tells the php preset which helpers write only extensions and their ini files (writesExtensionsOnly)', () => {
    for (const c of ['docker-php-ext-install pdo_pgsql', 'docker-php-ext-configure gd --with-jpeg', 'docker-php-ext-enable redis', 'pecl install redis', 'pecl -q install redis', 'pecl channel-update pecl.php.net', 'pecl update-channels']) expect(writesExtensionsOnly(words(c)), c).toBe(true);
    for (const c of ['pecl uninstall redis', 'pecl', 'phpize', 'install-php-extensions gd', 'pear install x', 'composer install']) expect(writesExtensionsOnly(words(c)), c).toBe(false);
    // an extension built by hand with phpize: the preset cannot follow it, the plan declines the compile
    const r = convert('FROM php:8.2-fpm\nRUN phpize && ./configure && make && make install\nCOPY . /var/www/html\nCMD ["php-fpm"]\n');
    expect(r.reasons.map((x) => x.id)).toContain('system-compile');
  });

  it('lets the php preset copy what the extension helpers compiled (kinds drive the preset)', () => {
    // (a php split on its own image is build level: converted as --verify does)
    const r = convert('FROM php:8.2-fpm\nRUN apt-get update && apt-get install -y libpq-dev \\\n && docker-php-ext-install pdo_pgsql\nCOPY . /var/www/html\nCMD ["php-fpm"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /usr/local/lib/php/extensions/no-debug-non-zts-20220829 /usr/local/lib/php/extensions/no-debug-non-zts-20220829');
  });

  it('knows php as an interpreter: a script generates, an installer script is setup (interpreters)', () => {
    expect(kind('php bin/gen.php')).toBe('generate');
    expect(kind('php composer-setup.php')).toBe('setup');
  });

  it("makes an image whose command is PHP's test runner a toolbox (toolbox)", () => {
    expect(php.toolbox).toEqual(['phpunit']);
    const file = (cmd: string) => `FROM php:8.2-cli\nWORKDIR /app\nCOPY . .\nRUN composer install\nCMD ${cmd}\n`;
    expectToolboxCommands(php.toolbox, file, '["php", "app.php"]');
  });

  it("keeps a RUN of Composer's installer in the builder when the families call every other command in it a companion (installerCompanions)", () => {
    for (const name of ['curl', 'wget', 'php', 'php8.2', 'mv', 'cp', 'chmod', 'rm', 'ln', 'install', 'cd', 'echo', 'set', 'sha384sum']) expect(installerCompanion(name), name).toBe(true);
    for (const name of ['mkdir', 'git', 'bash', 'python3', 'cp2', 'composer', 'apt-get']) expect(installerCompanion(name), name).toBe(false);
    const context = directoryContext(join(import.meta.dirname, '..', 'fixtures', 'php-composer-no-dev', 'context'));
    const installer = (extra: string) => `RUN curl -sS https://getcomposer.org/installer -o composer-setup.php && php8.2 composer-setup.php --install-dir=/usr/local/bin --filename=composer && rm composer-setup.php${extra}`;
    const runtime = (extra: string) => convert(`FROM php:8.2-cli\n${installer(extra)}\nWORKDIR /app\nCOPY composer.json composer.lock ./\nRUN composer install --no-interaction --no-scripts --prefer-dist\nCOPY . .\nCMD ["php", "bin/app.php"]\n`, { context, verify: true }).output.split('\n\n')[1] ?? '';
    for (const extra of ['', ' && sha384sum composer-setup.php', ' && chmod +x /usr/local/bin/composer']) expect(runtime(extra), extra).not.toContain('getcomposer.org');
    // mkdir is no companion: the RUN is repeated in the runtime stage
    expect(runtime(' && mkdir -p /x')).toContain(installer(' && mkdir -p /x'));
  });
});
