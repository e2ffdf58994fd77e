#!/bin/sh
# Shared tail of the node stand-ins: Hub-like /usr/local/bin links, user node, optional yarn 1.
set -eux
groupadd --gid 1000 node
useradd --uid 1000 --gid node --shell /bin/bash --create-home node
for b in node npm npx; do ln -sfT "/usr/bin/$b" "/usr/local/bin/$b"; done
ln -sfT /usr/local/bin/node /usr/local/bin/nodejs
chmod 755 /usr/local/bin/docker-entrypoint.sh
# yarn 1 the way Hub has it (/usr/local/bin/yarn, yarnpkg), from the loopback npm proxy when it is up
if [ -n "${YARN_VERSION:-}" ]; then
	npm install -g "yarn@$YARN_VERSION"
	ln -sfT /usr/local/bin/yarn /usr/local/bin/yarnpkg 2>/dev/null || true
	yarn --version
fi
rm -rf /root/.npm /tmp/* /var/lib/apt/lists/*
node --version
npm --version
