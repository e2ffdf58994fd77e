#!/bin/sh
# Tail of the wordpress:php8.2-apache stand-in (run on the php:8.2-cli stand-in): what makes docker-php-ext-*
# work as in the official Debian php images, and a placeholder WordPress.
#   - $PHPIZE_DEPS installed (the Debian variants of the official image keep them) + Debian's php8.2-dev
#     (phpize, php-config, headers; Hub's image has its own in /usr/local) with the php* pin lifted for it
#   - PHP's source /usr/src/php.tar.xz: Debian's php8.2 orig tarball from the loopback mirror (setup.sh), of
#     the same version as the PHP binary (checked)
#   - the extension directory at the official path /usr/local/lib/php/extensions/no-debug-non-zts-20220829,
#     holding what Hub's holds (below)
#   - /usr/src/wordpress with a placeholder index.php (www-data), the ini files the official image adds
set -eux
: "${E2E_APT_PORT:?}"
apt-get update
mv /etc/apt/preferences.d/no-debian-php /tmp/
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $PHPIZE_DEPS php8.2-dev
mv /tmp/no-debian-php /etc/apt/preferences.d/
rm -rf /var/lib/apt/lists/*
curl -fsS -o /usr/src/php.tar.xz "http://127.0.0.1:$E2E_APT_PORT/src/php.tar.xz"
top=$(tar -tJf /usr/src/php.tar.xz | head -1)
[ "${top%/}" = "php-$(php -r 'echo PHP_VERSION;')" ]
# the extension directory: on Hub most extensions are compiled into PHP and the official directory holds only the
# shared ones (opcache, sodium: Debian's sodium is compiled in) and what docker-php-ext-install adds; Debian's PHP
# has the others as modules. Those, standing for Hub's compiled-in extensions, move to $builtin (their ini lines
# made absolute); opcache goes to the official directory, and Debian's extension directory (where its PHP looks,
# php-config points and `make install` writes) becomes a link to it.
deb=/usr/lib/php/20220829
ext=/usr/local/lib/php/extensions/no-debug-non-zts-20220829
builtin=/usr/lib/php/20220829-builtin
[ "$(php-config --extension-dir)" = "$deb" ]
modules_before=$(php -m)
mv "$deb" "$builtin"
mkdir -p "$ext"
mv "$builtin/opcache.so" "$ext/"
# phpize's build files where Hub's are (Debian's phpize looked for them in its extension directory)
mv "$builtin/build" /usr/local/lib/php/build
sed -i 's#^phpdir=.*#phpdir=/usr/local/lib/php/build#' "$(readlink -f "$(command -v phpize)")"
ln -sT "$ext" "$deb"
for f in /etc/php/8.2/mods-available/*.ini; do
	for so in $(sed -n -E 's/^(zend_)?extension=([^/]+[.]so)$/\2/p' "$f"); do
		if [ -f "$builtin/$so" ]; then sed -i -E "s#^(zend_)?extension=$so\$#\\1extension=$builtin/$so#" "$f"; fi
	done
done
[ "$(php -m)" = "$modules_before" ]
[ "$(php -r 'echo ini_get("extension_dir");')" = "$deb" ]
chmod 755 /usr/local/bin/docker-php-source /usr/local/bin/docker-php-ext-configure /usr/local/bin/docker-php-ext-install \
	/usr/local/bin/docker-php-ext-enable /usr/local/bin/docker-entrypoint.sh /usr/local/bin/apache2-foreground
# the official image's opcache and error logging settings (docker-library/wordpress)
printf '%s\n' 'opcache.memory_consumption=128' 'opcache.interned_strings_buffer=8' 'opcache.max_accelerated_files=4000' \
	'opcache.revalidate_freq=2' >"$PHP_INI_DIR/conf.d/opcache-recommended.ini"
printf '%s\n' 'error_reporting = E_ERROR | E_WARNING | E_PARSE | E_CORE_ERROR | E_CORE_WARNING | E_COMPILE_ERROR | E_COMPILE_WARNING | E_RECOVERABLE_ERROR' \
	'display_errors = Off' 'display_startup_errors = Off' 'log_errors = On' 'error_log = /dev/stderr' \
	'ignore_repeated_errors = On' 'ignore_repeated_source = Off' 'html_errors = Off' >"$PHP_INI_DIR/conf.d/error-logging.ini"
mkdir -p /usr/src/wordpress
printf '%s\n' '<?php' '// placeholder: the wordpress:php8.2-apache stand-in has no WordPress (dfsplit test/e2e/infra/README.md)' \
	'echo "WordPress placeholder\n";' >/usr/src/wordpress/index.php
chown -R www-data:www-data /usr/src/wordpress
# the pieces docker-php-ext-install needs (examples/php-wordpress-ext builds ldap with them)
for t in phpize php-config gcc make autoconf re2c readelf getopt dpkg-architecture; do command -v "$t"; done
php --version
