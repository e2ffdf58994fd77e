# wordpress:php8.2-apache stand-in: the php:8.2-cli stand-in + what the official image has that matters to a
# Dockerfile that compiles PHP extensions: $PHPIZE_DEPS installed, PHP's source as /usr/src/php.tar.xz,
# docker-php-source and docker-php-ext-configure/-install/-enable doing the official scripts' steps, the
# extension directory at the official path (wordpress-layout.sh); wordpress's ENV, WORKDIR, VOLUME, entrypoint
# and CMD. NOT here: Apache (apache2-foreground is a stub that fails), WordPress (a placeholder index.php),
# the official image's extra extensions (bcmath exif gd intl mysqli zip imagick). test/e2e/infra/README.md.
FROM php:8.2-cli
ARG E2E_APT_PORT
COPY wordpress-layout.sh /tmp/wordpress-layout.sh
COPY docker-php-source /usr/local/bin/docker-php-source
COPY docker-php-ext-configure /usr/local/bin/docker-php-ext-configure
COPY docker-php-ext-install /usr/local/bin/docker-php-ext-install
COPY docker-php-ext-enable /usr/local/bin/docker-php-ext-enable
COPY wordpress-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
COPY apache2-foreground /usr/local/bin/apache2-foreground
ENV APACHE_CONFDIR=/etc/apache2
ENV APACHE_ENVVARS=$APACHE_CONFDIR/envvars
RUN sh /tmp/wordpress-layout.sh && rm /tmp/wordpress-layout.sh
WORKDIR /var/www/html
VOLUME /var/www/html
STOPSIGNAL SIGWINCH
EXPOSE 80
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["apache2-foreground"]
