# rust:1 / rust:1-bookworm / rust:latest / rust:1.63 stand-in: the rust:1-slim stand-in + make and pkg-config,
# the part of buildpack-deps that crate builds use most (no -dev libraries: apt-get install them).
FROM rust:1-slim
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends make pkg-config; \
	rm -rf /var/lib/apt/lists/*
