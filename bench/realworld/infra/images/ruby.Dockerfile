# ruby:3.2 stand-in: buildpack-deps:bookworm + Debian's ruby (3.1, NOT 3.2) with headers and bundler; Hub's ENV/CMD.
FROM buildpack-deps:bookworm
ARG RUBY_VERSION
ENV LANG=C.UTF-8
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ruby ruby-dev bundler rake; \
	rm -rf /var/lib/apt/lists/*
COPY files/ruby-layout.sh /tmp/ruby-layout.sh
RUN sh /tmp/ruby-layout.sh && rm /tmp/ruby-layout.sh
ENV RUBY_VERSION=${RUBY_VERSION}
ENV GEM_HOME=/usr/local/bundle
ENV BUNDLE_SILENCE_ROOT_WARNING=1 \
	BUNDLE_APP_CONFIG="$GEM_HOME"
ENV PATH=$GEM_HOME/bin:$PATH
CMD ["irb"]
