#!/bin/sh
# Tail of the php:8.2-cli stand-in: make Debian's PHP 8.2 CLI look like the official image's /usr/local PHP.
#   - $PHP_INI_DIR=/usr/local/etc/php holds php.ini-development/-production and conf.d/, and is what Debian's
#     CLI reads (/etc/php/8.2/cli/php.ini and conf.d are links into it)
#   - /usr/local/bin/php, /var/www/html (www-data, 1777), Debian's php* packages pinned away as on Hub
set -eux
ini=/usr/local/etc/php
mkdir -p "$ini/conf.d"
cp /usr/lib/php/8.2/php.ini-development /usr/lib/php/8.2/php.ini-production "$ini/"
d=/etc/php/8.2/cli
# keep the module .ini files Debian enabled (opcache, curl, ...) in the shared conf.d
for f in "$d"/conf.d/*.ini; do [ -e "$f" ] && cp -P "$f" "$ini/conf.d/"; done
rm -rf "$d/conf.d" "$d/php.ini"
ln -sT "$ini/conf.d" "$d/conf.d"
# the official image has no php.ini until a Dockerfile copies one of the php.ini-* files to $PHP_INI_DIR/php.ini
ln -sT "$ini/php.ini" "$d/php.ini"
ln -sfT /usr/bin/php8.2 /usr/local/bin/php
mkdir -p /var/www/html
chown www-data:www-data /var/www/html
chmod 1777 /var/www/html
# like the official image: Debian's PHP packages cannot be installed (apt-get install php-gd fails)
printf 'Package: php*\nPin: release *\nPin-Priority: -1\n' > /etc/apt/preferences.d/no-debian-php
chmod 755 /usr/local/bin/docker-php-entrypoint
rm -rf /var/lib/apt/lists/*
[ "$(command -v php)" = /usr/local/bin/php ]
php --version
php -m
