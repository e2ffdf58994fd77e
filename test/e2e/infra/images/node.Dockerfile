# node:20 stand-in. NOTE: Debian bookworm's nodejs is 18.x. git and procps, as buildpack-deps gives the Hub image (node:20-slim has neither).
# /etc/npmrc: the loopback npm registry; /etc/gitconfig: https://example.org/ -> the loopback git daemon
# (ports picked by setup.sh: build args, not part of the image's configuration)
FROM debian:bookworm-slim
COPY npmrc /etc/npmrc
COPY gitconfig /etc/gitconfig
ARG E2E_NPM_PORT
ARG E2E_GIT_PORT
RUN test -n "$E2E_NPM_PORT" && test -n "$E2E_GIT_PORT" \
 && sed -i "s/@E2E_NPM_PORT@/$E2E_NPM_PORT/" /etc/npmrc && sed -i "s/@E2E_GIT_PORT@/$E2E_GIT_PORT/" /etc/gitconfig \
 && apt-get update && apt-get install -y --no-install-recommends nodejs npm gcc g++ make ca-certificates git procps \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
