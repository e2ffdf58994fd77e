# ruby:3.1-slim stand-in: debian:bookworm-slim + ca-certificates + Debian's ruby 3.1 with its headers (ruby-dev),
# bundler and rake; no compiler (as on Hub). Hub's ENV and CMD.
FROM debian:bookworm-slim
COPY ruby-layout.sh /tmp/ruby-layout.sh
ENV LANG=C.UTF-8
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates ruby ruby-dev bundler rake; \
	sh /tmp/ruby-layout.sh; \
	rm /tmp/ruby-layout.sh
# Debian's ruby version (update it when the mirror's ruby3.1 changes)
ENV RUBY_VERSION=3.1.2
ENV GEM_HOME=/usr/local/bundle
ENV BUNDLE_SILENCE_ROOT_WARNING=1 \
	BUNDLE_APP_CONFIG="$GEM_HOME"
ENV PATH=$GEM_HOME/bin:$PATH
CMD ["irb"]
