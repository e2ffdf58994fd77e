# rust:1.70 stand-in: buildpack-deps:bookworm + Debian's rustc and cargo (1.63, NOT 1.70), linked into
# Hub's $CARGO_HOME/bin. No rustup (no toolchains, targets or components can be added).
FROM buildpack-deps:bookworm
ARG RUST_VERSION
ENV RUSTUP_HOME=/usr/local/rustup \
    CARGO_HOME=/usr/local/cargo \
    PATH=/usr/local/cargo/bin:$PATH \
    RUST_VERSION=${RUST_VERSION}
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends rustc cargo; \
	rm -rf /var/lib/apt/lists/*
COPY files/rust-layout.sh /tmp/rust-layout.sh
RUN sh /tmp/rust-layout.sh && rm /tmp/rust-layout.sh
