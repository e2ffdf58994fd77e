# eclipse-temurin:17-jdk / eclipse-temurin:17 stand-in: the 17-jre stand-in + binutils (in the official JDK list)
# + Debian's headless OpenJDK 17 JDK (same /usr/lib/jvm directory, so /opt/java/openjdk now has javac, jshell...).
FROM eclipse-temurin:17-jre
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends binutils openjdk-17-jdk-headless; \
	rm -rf /var/lib/apt/lists/*; \
	[ "$(command -v javac)" = /opt/java/openjdk/bin/javac ]; \
	javac --version; \
	java --version
CMD ["jshell"]
