# php:8.2-cli stand-in: debian:bookworm-slim + curl xz-utils (as on Hub) + Debian's php8.2-cli with the extensions
# Hub's build has compiled in (curl mbstring opcache readline sqlite3 xml). Hub's ENV, entrypoint and CMD.
# NOT installed: $PHPIZE_DEPS (the variable is set; nothing here could use a compiler: no phpize, php-dev,
# pecl, pear, docker-php-ext-*, docker-php-source).
FROM debian:bookworm-slim
COPY php-layout.sh /tmp/php-layout.sh
COPY docker-php-entrypoint /usr/local/bin/docker-php-entrypoint
ENV PHPIZE_DEPS="autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c"
ENV PHP_INI_DIR=/usr/local/etc/php
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		ca-certificates curl xz-utils \
		php8.2-cli php8.2-curl php8.2-mbstring php8.2-opcache php8.2-readline php8.2-sqlite3 php8.2-xml \
	; \
	sh /tmp/php-layout.sh; \
	rm /tmp/php-layout.sh
ENV PHP_CFLAGS="-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64"
ENV PHP_CPPFLAGS="$PHP_CFLAGS"
ENV PHP_LDFLAGS="-Wl,-O1 -pie"
ENV GPG_KEYS="39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC"
# Debian's PHP version (update it when the mirror's php8.2 changes)
ENV PHP_VERSION=8.2.32
ENTRYPOINT ["docker-php-entrypoint"]
CMD ["php", "-a"]
