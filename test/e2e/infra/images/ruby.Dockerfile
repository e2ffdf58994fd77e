# ruby:3.1 / ruby:3.1-bookworm / ruby:3 stand-in: the ruby:3.1-slim stand-in + gcc make libc6-dev, enough of
# buildpack-deps for gems with C extensions that need no other -dev library.
FROM ruby:3.1-slim
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends gcc make libc6-dev; \
	rm -rf /var/lib/apt/lists/*
