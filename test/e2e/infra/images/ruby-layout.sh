#!/bin/sh
# Shared tail of the ruby stand-ins: the official image's gemrc, /usr/local/bin programs and $GEM_HOME.
set -eux
mkdir -p /usr/local/etc
echo 'gem: --no-document' >> /usr/local/etc/gemrc
# Debian's ruby reads /etc/gemrc (the official one, built with prefix /usr/local, reads /usr/local/etc/gemrc)
ln -sfT /usr/local/etc/gemrc /etc/gemrc
for b in ruby gem irb erb rake rdoc ri bundle bundler; do
	[ ! -e "/usr/bin/$b" ] || ln -sfT "/usr/bin/$b" "/usr/local/bin/$b"
done
mkdir -p /usr/local/bundle
chmod 1777 /usr/local/bundle
rm -rf /var/lib/apt/lists/* /root/.gem /root/.cache
[ "$(command -v ruby)" = /usr/local/bin/ruby ]
ruby --version
gem --version
bundle --version
