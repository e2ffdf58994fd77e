// What the php preset needs to know about the official php images and Composer packages, as data.
// The extension directory of an official php image is /usr/local/lib/php/extensions/no-debug-[non-]zts-<API>,
// where <API> is the Zend module API number of the PHP release (`php -i`: "PHP Extension Build =>
// API20220829,NTS"); it changes with every minor release, so a tag that does not fix the minor version
// cannot name it. Sources: Zend/zend_modules.h (ZEND_MODULE_API_NO) of each PHP branch.

/** PHP `major.minor` -> Zend module API number. */
export const PHP_EXTENSION_API: Readonly<Record<string, string>> = {
  '5.6': '20131226',
  '7.0': '20151012',
  '7.1': '20160303',
  '7.2': '20170718',
  '7.3': '20180731',
  '7.4': '20190902',
  '8.0': '20200930',
  '8.1': '20210902',
  '8.2': '20220829',
  '8.3': '20230831',
  '8.4': '20240924',
  '8.5': '20250925',
};

/**
 * Programs (vendor/bin) of packages that only develop or test a project, with the package that ships
 * each: used to tell a dev-only runtime command when composer.lock (whose packages-dev list each
 * package's `bin`) is not in the build context.
 */
export const PHP_DEV_BINARIES: Readonly<Record<string, string>> = {
  phpunit: 'phpunit/phpunit',
  paratest: 'brianium/paratest',
  pest: 'pestphp/pest',
  phpstan: 'phpstan/phpstan',
  psalm: 'vimeo/psalm',
  'php-cs-fixer': 'friendsofphp/php-cs-fixer',
  phpcs: 'squizlabs/php_codesniffer',
  phpcbf: 'squizlabs/php_codesniffer',
  phpmd: 'phpmd/phpmd',
  behat: 'behat/behat',
  codecept: 'codeception/codeception',
  infection: 'infection/infection',
  rector: 'rector/rector',
  pint: 'laravel/pint',
  sail: 'laravel/sail',
};
