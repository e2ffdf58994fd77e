# nginx:latest stand-in: debian:bookworm-slim + Debian's nginx (1.22) + gettext-base curl (as on Hub),
# configured like Hub's (user nginx 101, /etc/nginx/conf.d/default.conf, /usr/share/nginx/html, logs to
# stdout/stderr, /docker-entrypoint.sh + /docker-entrypoint.d/). The entrypoint.d helper scripts are absent.
FROM debian:bookworm-slim
ARG NGINX_VERSION
RUN set -eux; \
	groupadd --system --gid 101 nginx; \
	useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx; \
	apt-get update; \
	apt-get install -y --no-install-recommends nginx gettext-base curl ca-certificates; \
	rm -rf /var/lib/apt/lists/*; \
	rm -f /etc/nginx/sites-enabled/default; \
	mkdir -p /etc/nginx/conf.d /docker-entrypoint.d /usr/share/nginx/html; \
	[ -e /usr/share/nginx/html/index.html ] || cp /var/www/html/index.nginx-debian.html /usr/share/nginx/html/index.html; \
	printf '<!DOCTYPE html>\n<html><head><title>Error</title></head><body><h1>An error occurred.</h1></body></html>\n' > /usr/share/nginx/html/50x.html; \
	ln -sf /dev/stdout /var/log/nginx/access.log; \
	ln -sf /dev/stderr /var/log/nginx/error.log
COPY files/nginx/nginx.conf /etc/nginx/nginx.conf
COPY files/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY files/nginx/docker-entrypoint.sh /docker-entrypoint.sh
RUN chmod 755 /docker-entrypoint.sh && nginx -t
ENV NGINX_VERSION=${NGINX_VERSION}
ENV NJS_VERSION=0.8.9
ENV NJS_RELEASE=1~bookworm
ENV PKG_RELEASE=1~bookworm
ENV DYNPKG_RELEASE=1~bookworm
ENTRYPOINT ["/docker-entrypoint.sh"]
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
