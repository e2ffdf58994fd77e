#!/bin/sh
# Assemble the file trees of the gcr.io/distroless/*-debian12 stand-ins from Debian .debs (dpkg -x, no
# maintainer scripts, like distroless' Bazel rules). Package lists: GoogleContainerTools/distroless
# {static,base,cc,python3,java}/config.bzl for debian12. Output, one layer per image as on gcr.io:
#   /out/static  files + base-files netbase tzdata media-types, CA bundle, passwd/group, /tmp, homes
#   /out/base    libc6 libssl3                 (on top of static)
#   /out/cc      libgomp1 libstdc++6 libgcc-s1 gcc-12-base            (on top of base)
#   /out/python3 python3.11 and the libraries its modules need        (on top of cc)
#   /out/java17  openjdk-17-jre-headless + distroless' java base libs (on top of cc)
set -eu
STATIC="base-files netbase tzdata media-types"
BASE="libc6 libssl3"
CC="libgomp1 libstdc++6 libgcc-s1 gcc-12-base"
PYTHON3="libbz2-1.0 libdb5.3 libexpat1 liblzma5 libsqlite3-0 libuuid1 libncursesw6 libtinfo6 python3-distutils zlib1g
  libcom-err2 libcrypt1 libgssapi-krb5-2 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libnsl2 libreadline8
  libtirpc3 libffi8 libpython3.11-minimal libpython3.11-stdlib python3.11-minimal"
JAVA17="zlib1g libjpeg62-turbo liblcms2-2 libfreetype6 fonts-dejavu-core fontconfig-config libexpat1 libfontconfig1
  libuuid1 libbrotli1 libcrypt1 libpng16-16 libharfbuzz0b libgraphite2-3 libpcre2-8-0 libglib2.0-0
  openjdk-17-jre-headless"

mkdir -p /debs
cd /debs
apt-get update -q
# shellcheck disable=SC2086
apt-get download $STATIC ca-certificates $BASE $CC $PYTHON3 $JAVA17
rm -rf /var/lib/apt/lists/*

x() { # x DIR PKG...: extract the packages' files into DIR, without their docs
	d=$1; shift
	for p in "$@"; do dpkg -x "$(ls /debs/"${p}"_*.deb | head -1)" "$d"; done
	rm -rf "$d/usr/share/doc" "$d/usr/share/man" "$d/usr/share/lintian" "$d/usr/share/info"
}

# static: files only
s=/out/static
mkdir -p "$s/etc/ssl/certs" "$s/tmp" "$s/home/nonroot" "$s/root" "$s/var/lib/dpkg/status.d"
# shellcheck disable=SC2086
x "$s" $STATIC
mkdir -p /tmp/ca && dpkg -x "$(ls /debs/ca-certificates_*.deb)" /tmp/ca
cat /tmp/ca/usr/share/ca-certificates/mozilla/*.crt > "$s/etc/ssl/certs/ca-certificates.crt"
cat > "$s/etc/passwd" <<'P'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
P
cat > "$s/etc/group" <<'G'
root:x:0:
nobody:x:65534:
tty:x:5:
staff:x:50:
nonroot:x:65532:
G
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\nprotocols: files\nservices: files\n' > "$s/etc/nsswitch.conf"
. "$s/usr/lib/os-release"
rm -f "$s/etc/os-release" "$s/usr/lib/os-release"
cat > "$s/etc/os-release" <<O
PRETTY_NAME="Distroless"
NAME="Debian GNU/Linux"
ID="debian"
VERSION_ID="$VERSION_ID"
VERSION="Debian GNU/Linux $VERSION_ID ($VERSION_CODENAME)"
HOME_URL="https://github.com/GoogleContainerTools/distroless"
SUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"
BUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"
O
cp "$s/etc/os-release" "$s/usr/lib/os-release"
chmod 1777 "$s/tmp"
chmod 700 "$s/root"
chown 65532:65532 "$s/home/nonroot"

# shellcheck disable=SC2086
x /out/base $BASE
# shellcheck disable=SC2086
x /out/cc $CC
# shellcheck disable=SC2086
x /out/python3 $PYTHON3
mkdir -p /out/python3/usr/bin /out/java17/usr/bin
ln -sfT python3.11 /out/python3/usr/bin/python3
ln -sfT python3.11 /out/python3/usr/bin/python
# shellcheck disable=SC2086
x /out/java17 $JAVA17
ln -sfT /usr/lib/jvm/java-17-openjdk-amd64/bin/java /out/java17/usr/bin/java
# the JDK's cacerts is a link to /etc/ssl/certs/java/cacerts, which the distroless.Dockerfile copies in
ls -l /out/java17/usr/lib/jvm/java-17-openjdk-amd64/lib/security/cacerts
du -sh /out/*
