# eclipse-temurin:17-jre stand-in: the ubuntu:22.04 stand-in (= debian:bookworm-slim) + the official image's
# package list + the en_US.UTF-8 locale + Debian's headless OpenJDK 17 JRE (no javac), linked at /opt/java/openjdk.
# The official ENV and entrypoint; no CMD (setting ENTRYPOINT clears the inherited one, as in the official build).
FROM ubuntu:22.04
COPY temurin-entrypoint.sh /__cacert_entrypoint.sh
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH=$JAVA_HOME/bin:$PATH
ENV LANG='en_US.UTF-8' LANGUAGE='en_US:en' LC_ALL='en_US.UTF-8'
# /usr/share/man/man1: OpenJDK's postinst registers man page links there (the dpkg config excludes man pages)
RUN set -eux; \
	apt-get update; \
	mkdir -p /usr/share/man/man1; \
	apt-get install -y --no-install-recommends \
		curl wget gnupg fontconfig ca-certificates p11-kit tzdata locales \
		openjdk-17-jre-headless \
	; \
	echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \
	locale-gen en_US.UTF-8; \
	rm -rf /var/lib/apt/lists/*; \
	mkdir -p /opt/java; \
	ln -sfT /usr/lib/jvm/java-17-openjdk-amd64 /opt/java/openjdk; \
	chmod 755 /__cacert_entrypoint.sh; \
	[ "$(command -v java)" = /opt/java/openjdk/bin/java ]; \
	java --version; \
	if command -v javac; then exit 1; fi
# Debian's OpenJDK version in the official JAVA_VERSION shape (update it when the mirror's openjdk-17 changes)
ENV JAVA_VERSION=jdk-17.0.19+10
ENTRYPOINT ["/__cacert_entrypoint.sh"]
