# node:20-slim stand-in: nodejs + npm only. NOTE: Debian bookworm's nodejs is 18.x.
# /etc/npmrc: the loopback npm registry (port picked by setup.sh: a build arg)
FROM debian:bookworm-slim
COPY npmrc /etc/npmrc
ARG E2E_NPM_PORT
RUN test -n "$E2E_NPM_PORT" && sed -i "s/@E2E_NPM_PORT@/$E2E_NPM_PORT/" /etc/npmrc \
 && apt-get update && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
