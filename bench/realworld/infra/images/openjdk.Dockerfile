# openjdk:17 stand-in: the Debian flavour of Hub's (deprecated) openjdk:17 (buildpack-deps:bookworm-scm +
# its package list) with Debian's headless OpenJDK 17 JDK; $JAVA_HOME=/usr/local/openjdk-17 links to it.
# (Hub's plain openjdk:17 tag is Oracle Linux based: no apt-get there.)
FROM buildpack-deps:bookworm-scm
ARG JAVA_VERSION
RUN set -eux; \
	apt-get update; \
	mkdir -p /usr/share/man/man1; \
	apt-get install -y --no-install-recommends \
		bzip2 \
		unzip \
		xz-utils \
		binutils \
		fontconfig libfreetype6 \
		ca-certificates p11-kit \
		openjdk-17-jdk-headless \
	; \
	rm -rf /var/lib/apt/lists/*; \
	ln -sfT /usr/lib/jvm/java-17-openjdk-amd64 /usr/local/openjdk-17
ENV JAVA_HOME=/usr/local/openjdk-17
ENV PATH=$JAVA_HOME/bin:$PATH
ENV LANG=C.UTF-8
ENV JAVA_VERSION=${JAVA_VERSION}
RUN java -version && javac -version
CMD ["jshell"]
