# rust:1.70-slim stand-in: debian:bookworm-slim + ca-certificates gcc libc6-dev (Hub's slim list) + Debian's rustc/cargo (1.63).
FROM debian:bookworm-slim
ARG RUST_VERSION
ENV RUSTUP_HOME=/usr/local/rustup \
    CARGO_HOME=/usr/local/cargo \
    PATH=/usr/local/cargo/bin:$PATH \
    RUST_VERSION=${RUST_VERSION}
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev rustc cargo; \
	rm -rf /var/lib/apt/lists/*
COPY files/rust-layout.sh /tmp/rust-layout.sh
RUN sh /tmp/rust-layout.sh && rm /tmp/rust-layout.sh
