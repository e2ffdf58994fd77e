# eclipse-temurin:17-jre stand-in: ubuntu:22.04 stand-in + the official JRE package list + en_US.UTF-8 +
# Debian's headless OpenJDK 17 JRE (no javac), linked at /opt/java/openjdk. No CMD (Ubuntu's /bin/bash).
FROM ubuntu:22.04
ARG JAVA_VERSION
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH=$JAVA_HOME/bin:$PATH
ENV LANG='en_US.UTF-8' LANGUAGE='en_US:en' LC_ALL='en_US.UTF-8'
RUN set -eux; \
	apt-get update; \
	mkdir -p /usr/share/man/man1; \
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		curl \
		wget \
		gnupg \
		fontconfig \
		ca-certificates p11-kit \
		tzdata \
		locales \
		openjdk-17-jre-headless \
	; \
	echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen; \
	locale-gen en_US.UTF-8; \
	rm -rf /var/lib/apt/lists/*; \
	mkdir -p /opt/java; \
	ln -sfT /usr/lib/jvm/java-17-openjdk-amd64 /opt/java/openjdk
ENV JAVA_VERSION=jdk-${JAVA_VERSION}
RUN set -eux; java --version
COPY files/temurin-entrypoint.sh /__cacert_entrypoint.sh
RUN chmod 755 /__cacert_entrypoint.sh
ENTRYPOINT ["/__cacert_entrypoint.sh"]
