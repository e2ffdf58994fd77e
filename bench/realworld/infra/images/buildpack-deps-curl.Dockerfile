# buildpack-deps:bookworm-curl stand-in: the package list of docker-library/buildpack-deps
# debian/bookworm/curl/Dockerfile, on the debian:bookworm stand-in.
FROM debian:bookworm
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		ca-certificates \
		curl \
		gnupg \
		netbase \
		sq \
		wget \
	; \
	rm -rf /var/lib/apt/lists/*
