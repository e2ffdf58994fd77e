# openjdk:17-slim stand-in: debian:bookworm-slim + ca-certificates p11-kit + Debian's headless OpenJDK 17 JDK.
FROM debian:bookworm-slim
ARG JAVA_VERSION
RUN set -eux; \
	apt-get update; \
	mkdir -p /usr/share/man/man1; \
	apt-get install -y --no-install-recommends ca-certificates p11-kit openjdk-17-jdk-headless; \
	rm -rf /var/lib/apt/lists/*; \
	ln -sfT /usr/lib/jvm/java-17-openjdk-amd64 /usr/local/openjdk-17
ENV JAVA_HOME=/usr/local/openjdk-17
ENV PATH=$JAVA_HOME/bin:$PATH
ENV LANG=C.UTF-8
ENV JAVA_VERSION=${JAVA_VERSION}
RUN java -version && javac -version
CMD ["jshell"]
