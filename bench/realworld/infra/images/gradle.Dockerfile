# gradle:jdk17 stand-in: the eclipse-temurin:17 stand-in + Hub's VCS list + Debian's gradle (4.4.1, NOT 8.x:
# no Kotlin DSL, no `plugins {}` from the plugin portal, and no wrapper/dependency downloads reach out),
# with Hub's user gradle (1000), GRADLE_HOME, VOLUME, WORKDIR and CMD.
FROM eclipse-temurin:17
CMD ["gradle"]
ENV GRADLE_HOME=/opt/gradle
RUN set -o errexit -o nounset \
    && groupadd --system --gid 1000 gradle \
    && useradd --system --gid gradle --uid 1000 --shell /bin/bash --create-home gradle \
    && mkdir /home/gradle/.gradle \
    && chown --recursive gradle:gradle /home/gradle \
    && ln --symbolic /home/gradle/.gradle /root/.gradle
VOLUME /home/gradle/.gradle
WORKDIR /home/gradle
ARG GRADLE_VERSION
RUN set -o errexit -o nounset \
    && apt-get update \
    && apt-get install --yes --no-install-recommends \
        unzip \
        wget \
        bzr \
        git \
        git-lfs \
        mercurial \
        openssh-client \
        subversion \
        gradle \
    && rm --recursive --force /var/lib/apt/lists/* \
    && ln --symbolic /usr/share/gradle "$GRADLE_HOME" \
    && which bzr git git-lfs hg svn \
    && gradle --version
ENV GRADLE_VERSION=${GRADLE_VERSION}
