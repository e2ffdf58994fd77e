# gcr.io/distroless/{static,base,cc,python3,java17}-debian12 stand-ins (:latest and :nonroot targets):
# FROM scratch, files of Debian bookworm .debs only (no shell, no package manager), config as on gcr.io.
# Differences: no /var/lib/dpkg/status.d metadata; the java17 JRE is Debian's OpenJDK, not Temurin.
# The file trees come from dfsplit-rw/distroless-files (distroless-files.Dockerfile, built once per setup).
FROM dfsplit-rw/distroless-files AS debs

FROM scratch AS static
COPY --from=debs /out/static/ /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
USER 0
WORKDIR /

FROM static AS static-nonroot
USER 65532
WORKDIR /home/nonroot

FROM static AS base
COPY --from=debs /out/base/ /

FROM base AS base-nonroot
USER 65532
WORKDIR /home/nonroot

FROM base AS cc
COPY --from=debs /out/cc/ /

FROM cc AS cc-nonroot
USER 65532
WORKDIR /home/nonroot

FROM cc AS python3
COPY --from=debs /out/python3/ /
ENV LANG=C.UTF-8
ENTRYPOINT ["/usr/bin/python3.11"]

FROM python3 AS python3-nonroot
USER 65532
WORKDIR /home/nonroot

FROM cc AS java17
COPY --from=debs /out/java17/ /
COPY --from=openjdk:17-slim /etc/ssl/certs/java/cacerts /etc/ssl/certs/java/cacerts
ARG JAVA_VERSION
ENV LANG=C.UTF-8
ENV JAVA_VERSION=${JAVA_VERSION}
ENTRYPOINT ["/usr/bin/java", "-jar"]

FROM java17 AS java17-nonroot
USER 65532
WORKDIR /home/nonroot
