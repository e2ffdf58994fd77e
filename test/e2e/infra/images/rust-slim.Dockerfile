# rust:1-slim stand-in: debian:bookworm-slim + the official slim image's packages (ca-certificates gcc libc6-dev)
# + Debian's rustc 1.63 and cargo 0.66 (NOT a current Rust), linked into $CARGO_HOME/bin. No rustup.
FROM debian:bookworm-slim
COPY rust-layout.sh /tmp/rust-layout.sh
ENV RUSTUP_HOME=/usr/local/rustup \
    CARGO_HOME=/usr/local/cargo \
    PATH=/usr/local/cargo/bin:$PATH \
    RUST_VERSION=1.63.0
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev rustc cargo; \
	sh /tmp/rust-layout.sh; \
	rm /tmp/rust-layout.sh
