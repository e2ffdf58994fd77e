# node:20-slim stand-in: debian:bookworm-slim + Debian's nodejs (18.x) and npm; no compiler, curl or git (as on Hub).
FROM debian:bookworm-slim
ARG NODE_VERSION
ARG YARN_VERSION
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends nodejs npm; \
	rm -rf /var/lib/apt/lists/*
COPY files/npmrc /etc/npmrc
COPY files/node-docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
COPY files/node-layout.sh /tmp/node-layout.sh
RUN sh /tmp/node-layout.sh && rm -f /tmp/node-layout.sh
ENV NODE_VERSION=${NODE_VERSION}
ENV YARN_VERSION=${YARN_VERSION}
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
