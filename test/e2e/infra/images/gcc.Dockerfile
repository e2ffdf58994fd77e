# gcc:12-bookworm stand-in: debian:bookworm + Debian's gcc 12 (the official image builds GCC 12 from
# source into /usr/local instead). Its layout is mimicked where dfsplit depends on it: the C++ runtime
# libraries in /usr/local/lib64, found first through /etc/ld.so.conf.d/000-local-lib.conf, as in
# docker-library/gcc. Sizes therefore are not Docker Hub's.
FROM debian:bookworm
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends gcc g++ libc6-dev make binutils; \
	rm -rf /var/lib/apt/lists/*; \
	mkdir -p /usr/local/lib64; \
	cp -a /usr/lib/x86_64-linux-gnu/libstdc++.so.6* /usr/lib/x86_64-linux-gnu/libgcc_s.so.1 /usr/local/lib64/; \
	{ echo '/usr/local/lib64'; echo '/usr/local/lib'; } > /etc/ld.so.conf.d/000-local-lib.conf; \
	ldconfig; \
	gcc --version
CMD ["bash"]
