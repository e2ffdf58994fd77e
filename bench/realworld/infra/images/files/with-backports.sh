#!/bin/sh
# with-backports.sh PKG...: apt-get install PKG... from bookworm-backports (same archive as the image's
# bookworm source), then forget the backports source again, so the image's apt looks like Hub's.
set -eux
uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
	> /etc/apt/sources.list.d/backports.sources
apt-get update
apt-get install -y --no-install-recommends -t bookworm-backports "$@"
rm -f /etc/apt/sources.list.d/backports.sources
rm -rf /var/lib/apt/lists/*
