# gcc:12 stand-in: buildpack-deps:bookworm + Debian's gcc-12/g++-12/gfortran-12 (Hub builds GCC from source
# into /usr/local); /usr/local/bin/{gcc,g++,gfortran,cpp,c++} and the cc alternative point at them.
FROM buildpack-deps:bookworm
ARG GCC_VERSION
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends gnupg dirmngr gcc-12 g++-12 gfortran-12; \
	rm -rf /var/lib/apt/lists/*
ENV GPG_KEYS \
	B215C1633BCA0477615F1B35A5B3A004745C015A \
	B3C42148A44E6983B3E4CC0793FA9B1AB75C61B8 \
	90AA470469D3965A87A5DCB494D03953902C9419 \
	80F98B2E0DAB6C8281BDF541A7C8C3B2F71EDF1C \
	7F74F97C103468EE5D750B583AB00996FC26A641 \
	33C235A34C46AA3FFB293709A328C3A2C3C45C06 \
	D3A93CAD751C2AF4F8C7AD516C35B99309B5FA62
ENV GCC_MIRRORS \
		https://ftpmirror.gnu.org/gcc \
		https://mirrors.kernel.org/gnu/gcc \
		https://bigsearcher.com/mirrors/gcc/releases \
		http://www.netgull.com/gcc/releases \
		https://ftpmirror.gnu.org/gcc \
		ftp://ftp.gnu.org/gnu/gcc
ENV GCC_VERSION=${GCC_VERSION}
RUN set -ex; \
	{ echo '/usr/local/lib64'; echo '/usr/local/lib'; } > /etc/ld.so.conf.d/000-local-lib.conf; \
	ldconfig; \
	for t in gcc g++ gfortran cpp; do ln -sfT "/usr/bin/$t-12" "/usr/local/bin/$t"; done; \
	ln -sfT /usr/local/bin/g++ /usr/local/bin/c++; \
	update-alternatives --install /usr/bin/cc cc /usr/local/bin/gcc 999; \
	gcc --version
