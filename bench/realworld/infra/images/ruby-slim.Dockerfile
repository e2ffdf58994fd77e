# ruby:3.2-slim stand-in: debian:bookworm-slim + Debian's ruby (3.1) and bundler; no compiler, no headers.
FROM debian:bookworm-slim
ARG RUBY_VERSION
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates ruby bundler rake; \
	rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
COPY files/ruby-layout.sh /tmp/ruby-layout.sh
RUN sh /tmp/ruby-layout.sh && rm /tmp/ruby-layout.sh
ENV RUBY_VERSION=${RUBY_VERSION}
ENV GEM_HOME=/usr/local/bundle
ENV BUNDLE_SILENCE_ROOT_WARNING=1 \
	BUNDLE_APP_CONFIG="$GEM_HOME"
ENV PATH=$GEM_HOME/bin:$PATH
CMD ["irb"]
