#!/bin/sh
# Shared tail of the rust stand-ins: Debian's rustc/cargo reachable from the official image's $CARGO_HOME/bin.
set -eux
mkdir -p /usr/local/cargo/bin /usr/local/rustup
for b in cargo rustc rustdoc rust-gdb rust-lldb; do
	[ ! -e "/usr/bin/$b" ] || ln -sfT "/usr/bin/$b" "/usr/local/cargo/bin/$b"
done
# the official image's CARGO_HOME and RUSTUP_HOME are world-writable (chmod -R a+w)
chmod -R a+w /usr/local/cargo /usr/local/rustup
rm -rf /var/lib/apt/lists/*
[ "$(command -v cargo)" = /usr/local/cargo/bin/cargo ]
cargo --version
rustc --version
