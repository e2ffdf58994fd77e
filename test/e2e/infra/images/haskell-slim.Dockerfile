# haskell:9.12.2-slim-bookworm stand-in: debian:bookworm-slim + the official image's package list (without curl,
# dpkg-dev, git, gnupg, g++, xz-utils: nothing a cabal build of local sources needs, left out to keep the image
# small) + Debian's ghc and cabal-install, laid out where dfsplit relies on it (src/knowledge/images.ts, haskell):
# GHC's programs in /opt/ghc/9.12.2/bin (links to Debian's), cabal in /usr/local/bin, the official ENV and CMD.
# Differs from Docker Hub's: **GHC 9.0.2 and cabal-install 3.4.1** (Debian's) under a 9.12.2 tag, GHC itself in
# /usr/lib/ghc (its package database there, the store ~/.cabal/store/ghc-9.0.2); no stack; no Hackage (no
# `cabal update` offline): a package that depends only on GHC's boot libraries (base...) builds, anything else fails.
# /root/.cabal/config exists (the official image has no ~/.cabal): cabal's default configuration with Hackage marked
# `secure: False`, because cabal-install 3.4, finding no package index of a secure repository, fetches the repository's
# root keys from the network and fails offline; a legacy repository without an index gets the warning that the package
# list does not exist, and the build goes on with the installed packages (what the real image's cabal-install 3.14 is
# expected to do for its secure Hackage without `cabal update`: not checked here, no network).
FROM debian:bookworm-slim
ENV LANG=C.UTF-8
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev libffi-dev libgmp-dev libnuma-dev \
		libtinfo-dev make netbase zlib1g-dev ghc cabal-install; \
	rm -rf /var/lib/apt/lists/*; \
	mkdir -p /opt/ghc/9.12.2/bin; \
	for b in ghc ghci ghc-pkg runghc runhaskell haddock hsc2hs; do \
		[ ! -e "/usr/bin/$b" ] || ln -sT "/usr/bin/$b" "/opt/ghc/9.12.2/bin/$b"; \
	done; \
	ln -sT /usr/bin/cabal /usr/local/bin/cabal; \
	cabal user-config init; \
	sed -i 's|^  url: http://hackage.haskell.org/$|&\n  secure: False|' /root/.cabal/config; \
	grep -q '^  secure: False$' /root/.cabal/config
ENV PATH=/root/.cabal/bin:/root/.local/bin:/opt/ghc/9.12.2/bin:$PATH
RUN set -eux; \
	[ "$(command -v ghc)" = /opt/ghc/9.12.2/bin/ghc ]; \
	[ "$(command -v cabal)" = /usr/local/bin/cabal ]; \
	ghc --version; \
	cabal --version
CMD ["ghci"]
