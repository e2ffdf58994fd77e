# php:8.2-cli stand-in: debian:bookworm-slim + Hub's $PHPIZE_DEPS and curl + Debian's php8.2-cli with the
# extensions Hub's build has compiled in. No docker-php-ext-*, docker-php-source, phpize, pecl or pear.
FROM debian:bookworm-slim
ENV PHPIZE_DEPS \
		autoconf \
		dpkg-dev \
		file \
		g++ \
		gcc \
		libc-dev \
		make \
		pkg-config \
		re2c
ARG PHP_VERSION
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		$PHPIZE_DEPS \
		ca-certificates \
		curl \
		xz-utils \
		php8.2-cli \
		php8.2-curl \
		php8.2-mbstring \
		php8.2-opcache \
		php8.2-readline \
		php8.2-sqlite3 \
		php8.2-xml \
	; \
	rm -rf /var/lib/apt/lists/*
ENV PHP_INI_DIR=/usr/local/etc/php
COPY files/php-layout.sh /tmp/php-layout.sh
RUN sh /tmp/php-layout.sh cli && rm /tmp/php-layout.sh
ENV PHP_CFLAGS="-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64"
ENV PHP_CPPFLAGS="$PHP_CFLAGS"
ENV PHP_LDFLAGS="-Wl,-O1 -pie"
ENV GPG_KEYS 39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC
ENV PHP_VERSION=${PHP_VERSION}
COPY files/docker-php-entrypoint /usr/local/bin/docker-php-entrypoint
RUN chmod 755 /usr/local/bin/docker-php-entrypoint
ENTRYPOINT ["docker-php-entrypoint"]
CMD ["php", "-a"]
