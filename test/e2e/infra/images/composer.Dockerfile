# composer:2 / composer:latest / composer stand-in: the php:8.2-cli stand-in + /usr/bin/composer, a self-contained
# phar packed from Debian's composer 2.5 and its PHP libraries (composer-phar.php), so that
# `COPY --from=composer:2 /usr/bin/composer /usr/bin/composer` works on its own, as with the official phar.
# Debian's packages are only downloaded and unpacked to build the phar (dpkg state unchanged; the php* pin
# of the php stand-in is lifted for that step only). Hub's image is php:8-alpine based; ENV, WORKDIR,
# ENTRYPOINT and CMD are Hub's, the php-cli.ini settings too.
FROM php:8.2-cli
COPY composer-phar.php /tmp/composer-phar.php
COPY composer-intl-fallback.php /tmp/composer-intl-fallback.php
COPY composer-entrypoint.sh /docker-entrypoint.sh
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends tini; \
	ln -sfT /usr/bin/tini /sbin/tini; \
	mv /etc/apt/preferences.d/no-debian-php /tmp/; \
	apt-get install -y --download-only --no-install-recommends composer; \
	mkdir /tmp/composer-src; \
	for deb in /var/cache/apt/archives/*.deb; do dpkg-deb -x "$deb" /tmp/composer-src; done; \
	php -d phar.readonly=0 /tmp/composer-phar.php /tmp/composer-src /tmp/composer-intl-fallback.php /tmp/composer.phar; \
	mv /tmp/composer.phar /usr/bin/composer; \
	mv /tmp/no-debian-php /etc/apt/preferences.d/; \
	rm -rf /tmp/composer-src /tmp/composer-phar.php /tmp/composer-intl-fallback.php /var/cache/apt/archives/*.deb /var/lib/apt/lists/*; \
	printf '# composer php cli ini settings\ndate.timezone=UTC\nmemory_limit=-1\n' > "$PHP_INI_DIR/php-cli.ini"; \
	ln -sT "$PHP_INI_DIR/php-cli.ini" /etc/php/8.2/cli/php-cli.ini; \
	chmod 755 /docker-entrypoint.sh; \
	mkdir -p /app; \
	find /tmp -type d -exec chmod 1777 {} +; \
	[ ! -e /usr/share/php/Composer ]; \
	composer --version --no-interaction
ENV COMPOSER_ALLOW_SUPERUSER=1
ENV COMPOSER_HOME=/tmp
# Debian's composer version (update it when the mirror's composer changes)
ENV COMPOSER_VERSION=2.5.5
WORKDIR /app
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["composer"]
