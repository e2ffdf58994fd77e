// PHP: Composer, and the extension helpers of the official php image (docker-php-ext-*), PECL, PEAR and
// phpize, which compile into the interpreter's own directories (no artifact can be named for them).
// https://getcomposer.org/doc/03-cli.md  https://github.com/docker-library/php (docker-php-ext-*)
// https://github.com/mlocati/docker-php-extension-installer
import { joinPath } from '../paths.js';
import { optionValue } from './options.js';
import type { CommandFamily, FamilyCommand, OutputContext, RuleKind } from './types.js';

/** The variable the official php images set to the packages phpize needs (`apk add $PHPIZE_DEPS`): build dependencies only. */
export const BUILD_DEPENDENCY_VARIABLE = '${PHPIZE_DEPS}';

/** Where the official php image keeps compiled extensions (PHP_INI_DIR holds their configuration). */
const EXTENSIONS = '/usr/local/lib/php/extensions';

/** Where the php image's helpers write, from PHP_INI_DIR (set by the php images) and --ini-name; null without it. */
function extensionFiles({ name, words }: FamilyCommand, at: OutputContext): string[] | null {
  const ini = at.env.get('PHP_INI_DIR');
  if (!ini) return null;
  const sub = words.slice(1).find((w) => !w.startsWith('-'));
  const iniName = optionValue(words, '--ini-name');
  const iniFile = iniName?.startsWith('/') ? [iniName] : [];
  if (name === 'docker-php-ext-install') return [EXTENSIONS, `${ini}/conf.d`, ...iniFile];
  if (name === 'docker-php-ext-enable') return [`${ini}/conf.d`, ...iniFile];
  if (name === 'pecl' && sub === 'install') return [EXTENSIONS];
  return null;
}

/** The extension helpers whose whole effect is the extension directory and conf.d: name -> its subcommands that are (null: all). */
const EXTENSION_HELPERS: Readonly<Record<string, readonly string[] | null>> = {
  'docker-php-ext-configure': null,
  'docker-php-ext-install': null,
  'docker-php-ext-enable': null,
  pecl: ['install', 'channel-update', 'update-channels'],
};

/** The php image's `docker-php-source extract` or `delete`: it unpacks or removes the sources the extension helpers compile. */
export function managesPhpSource(words: readonly string[]): boolean {
  return words[0] === 'docker-php-source' && ['extract', 'delete'].includes(words[1] ?? '');
}

/** A command whose whole effect is known to be compiled extensions and their ini files (the php preset copies them). */
export function writesExtensionsOnly(words: readonly string[]): boolean {
  const name = words[0] ?? '';
  if (!Object.hasOwn(EXTENSION_HELPERS, name)) return false;
  const subs = EXTENSION_HELPERS[name];
  return !subs || subs.includes(words.slice(1).find((w) => !w.startsWith('-')) ?? '');
}

export default {
  id: 'php',
  names: ['composer', 'docker-php-ext-install', 'docker-php-ext-configure', 'docker-php-ext-enable', 'pecl', 'phpize', 'install-php-extensions', 'pear'],
  kinds: { 'docker-php-ext-install': 'system-compile', 'docker-php-ext-configure': 'system-compile', pecl: 'system-compile', phpize: 'system-compile', 'install-php-extensions': 'system-compile', pear: 'system-compile' },
  // Composer installs a project's packages wherever install, update or require appears among its words
  kindOf(words): RuleKind | null {
    return words[0] === 'composer' && words.some((w) => w === 'install' || w === 'update' || w === 'require') ? 'build' : null;
  },
  languageInstallers: ['composer'],
  interpreters: ['php'],
  scriptExtensions: ['php'],
  // the interpreter runs Composer's installer (`php composer-setup.php`), by any version (`php8.2`)
  installerCompanions: ['php'],
  provides: { 'php-cli': ['php'] },
  // PHP's test runner
  toolbox: ['phpunit'],
  // https://getcomposer.org/doc/03-cli.md#environment-variables
  buildEnv: [{ variables: ['COMPOSER_*'], readers: ['composer'] }],
  outputs(command, at) {
    const files = extensionFiles(command, at);
    if (files) return { paths: files, unnamed: false };
    // vendor/ of the project (-d, --working-dir), when Composer installs
    if (command.name === 'composer' && (at.kind === 'build' || at.kind === 'generate')) return { paths: [joinPath(joinPath(at.cwd, optionValue(command.words, '-d', '--working-dir') ?? '.'), 'vendor')], unnamed: false };
    return null;
  },
} satisfies CommandFamily;
