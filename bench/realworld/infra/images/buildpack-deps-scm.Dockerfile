# buildpack-deps:bookworm-scm stand-in: debian/bookworm/scm/Dockerfile's package list.
FROM buildpack-deps:bookworm-curl
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		git \
		mercurial \
		openssh-client \
		subversion \
		procps \
	; \
	rm -rf /var/lib/apt/lists/*
