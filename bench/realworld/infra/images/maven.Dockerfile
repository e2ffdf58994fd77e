# maven:3-eclipse-temurin-17 stand-in: the eclipse-temurin:17 stand-in + ca-certificates curl git + Debian's
# maven (3.8.7, in /usr/share/maven like Hub's $MAVEN_HOME); Hub's entrypoint, ENV and CMD.
FROM eclipse-temurin:17
ARG MAVEN_VERSION
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates curl git maven; \
	rm -rf /var/lib/apt/lists/*; \
	mvn --version
ENV MAVEN_HOME=/usr/share/maven
COPY files/mvn-entrypoint.sh /usr/local/bin/mvn-entrypoint.sh
COPY files/settings-docker.xml /usr/share/maven/ref/settings-docker.xml
RUN chmod 755 /usr/local/bin/mvn-entrypoint.sh
ENV MAVEN_VERSION=${MAVEN_VERSION}
ENV MAVEN_CONFIG=/root/.m2
ENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]
CMD ["mvn"]
