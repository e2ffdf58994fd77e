#!/bin/sh
# wordpress's docker-entrypoint.sh, reduced: started as the image's server (apache2*, php-fpm), it copies
# WordPress from /usr/src/wordpress into the working directory when that has none; any other command (php,
# bash...) runs as it is. (The official script also writes wp-config.php from WORDPRESS_* variables.)
set -e
case "$1" in
apache2* | php-fpm)
	if [ ! -e index.php ] && [ ! -e wp-includes/version.php ]; then
		cp -a /usr/src/wordpress/. .
		echo "WordPress (the stand-in's placeholder) copied into $PWD" >&2
	fi
	;;
esac
exec "$@"
