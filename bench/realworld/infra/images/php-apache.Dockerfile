# php:8.2-apache stand-in: debian:bookworm-slim + $PHPIZE_DEPS, curl, Apache (prefork) and Debian's
# libapache2-mod-php8.2 + php8.2-cli with Hub's extensions; Apache set up like the official image
# (envvars overridable, logs to stdout/stderr, docker-php.conf, /var/www/html, apache2-foreground).
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
ENV PHP_INI_DIR=/usr/local/etc/php
ENV APACHE_CONFDIR=/etc/apache2
ENV APACHE_ENVVARS=$APACHE_CONFDIR/envvars
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		$PHPIZE_DEPS \
		ca-certificates \
		curl \
		xz-utils \
		apache2 \
		libapache2-mod-php8.2 \
		php8.2-cli \
		php8.2-curl \
		php8.2-mbstring \
		php8.2-opcache \
		php8.2-readline \
		php8.2-sqlite3 \
		php8.2-xml \
	; \
	rm -rf /var/lib/apt/lists/*; \
	sed -ri 's/^export ([^=]+)=(.*)$/: ${\1:=\2}\nexport \1/' "$APACHE_ENVVARS"; \
	. "$APACHE_ENVVARS"; \
	for dir in "$APACHE_LOCK_DIR" "$APACHE_RUN_DIR" "$APACHE_LOG_DIR" "$APACHE_RUN_DIR/socks"; do \
		rm -rvf "$dir"; \
		mkdir -p "$dir"; \
		chown "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$dir"; \
		chmod 1777 "$dir"; \
	done; \
	rm -rvf /var/www/html/*; \
	ln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log"; \
	ln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log"; \
	ln -sfT /dev/stdout "$APACHE_LOG_DIR/other_vhosts_access.log"; \
	chown -R --no-dereference "$APACHE_RUN_USER:$APACHE_RUN_GROUP" "$APACHE_LOG_DIR"
RUN a2dismod mpm_event 2>/dev/null || true; a2enmod mpm_prefork php8.2
RUN { \
		echo '<FilesMatch \.php$>'; \
		echo '\tSetHandler application/x-httpd-php'; \
		echo '</FilesMatch>'; \
		echo; \
		echo 'DirectoryIndex disabled'; \
		echo 'DirectoryIndex index.php index.html'; \
		echo; \
		echo '<Directory /var/www/>'; \
		echo '\tOptions -Indexes'; \
		echo '\tAllowOverride All'; \
		echo '</Directory>'; \
	} | tee "$APACHE_CONFDIR/conf-available/docker-php.conf" \
	&& a2enconf docker-php
COPY files/php-layout.sh /tmp/php-layout.sh
RUN sh /tmp/php-layout.sh cli apache2 && rm /tmp/php-layout.sh
ENV PHP_CFLAGS="-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64"
ENV PHP_CPPFLAGS="$PHP_CFLAGS"
ENV PHP_LDFLAGS="-Wl,-O1 -pie"
ENV GPG_KEYS 39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A 1198C0117593497A5EC5C199286AF1F9897469DC
ENV PHP_VERSION=${PHP_VERSION}
COPY files/docker-php-entrypoint-apache /usr/local/bin/docker-php-entrypoint
COPY files/apache2-foreground /usr/local/bin/apache2-foreground
RUN chmod 755 /usr/local/bin/docker-php-entrypoint /usr/local/bin/apache2-foreground
ENTRYPOINT ["docker-php-entrypoint"]
STOPSIGNAL SIGWINCH
WORKDIR /var/www/html
EXPOSE 80
CMD ["apache2-foreground"]
