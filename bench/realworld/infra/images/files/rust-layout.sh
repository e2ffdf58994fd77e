#!/bin/sh
# Shared tail of the rust stand-ins: Debian's rustc/cargo reachable from Hub's $CARGO_HOME/bin.
set -eux
mkdir -p /usr/local/cargo/bin /usr/local/rustup
for b in cargo rustc rustdoc rust-gdb rust-lldb; do
	[ ! -e "/usr/bin/$b" ] || ln -sfT "/usr/bin/$b" "/usr/local/cargo/bin/$b"
done
chmod -R a+w /usr/local/cargo /usr/local/rustup
rm -rf /var/lib/apt/lists/*
cargo --version
rustc --version
