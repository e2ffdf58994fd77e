// What programs GHC builds need at run time beside glibc, from the official haskell images
// (haskell/docker-haskell, <ghc>/<release>/Dockerfile and slim-<release>/Dockerfile: every tag of GHC 8.10 and
// later installs libffi-dev, libgmp-dev, libnuma-dev, libtinfo-dev, zlib1g-dev, netbase and ca-certificates on
// debian:<release>[-slim]). A GHC-built executable links GMP (integer-gmp / ghc-bignum) and, through the RTS,
// libffi and libnuma dynamically; the zlib Hackage package links the system zlib; netbase gives
// /etc/services and /etc/protocols, which the network package's name lookups read. libtinfo is part of every
// Debian minbase (bash links it).

/** The packages a runtime stage installs for a GHC-built executable: -dev packages are named through src/knowledge/runtime-packages.ts for the runtime base's release. */
export const GHC_RUNTIME_PACKAGES: readonly string[] = ['libgmp-dev', 'libffi-dev', 'libnuma-dev', 'zlib1g-dev', 'netbase', 'ca-certificates'];

/** The project description files of a Haskell package, at any depth of the build context (a stack or cabal project may hold several packages). */
export const HASKELL_PACKAGE_FILE = /(^|\/)([^/]+\.cabal|package\.yaml)$/;

/** Project files that may set where cabal or stack install executables (`installdir:`, `local-bin-path:`). */
export const HASKELL_INSTALL_SETTINGS: readonly { file: string; field: RegExp }[] = [
  { file: 'cabal.project', field: /^\s*installdir\s*:/im },
  { file: 'cabal.project.local', field: /^\s*installdir\s*:/im },
  { file: 'stack.yaml', field: /^\s*local-bin-path\s*:/im },
];

/**
 * Hackage libraries that read their own data files at run time through Paths_<package> (the absolute path of the
 * build's store or snapshot): pandoc and pandoc-citeproc (templates, reference documents, unless built with the
 * embed_data_files flag), hlint (its hlint.yaml). A project that depends on one needs those files beside the executable.
 */
export const HASKELL_DATA_FILE_LIBRARIES: readonly string[] = ['pandoc', 'pandoc-citeproc', 'hlint'];

/**
 * The haskell tags of GHC 8.6 and older ship cabal-install before 3.0 (8.6: 2.4, 8.0: 1.24; 8.8 has 3.0), whose plain
 * `cabal install` is the v1 install, which copies executables (haskell/docker-haskell, <version>/Dockerfile).
 */
export const CABAL_V1_TAG = /^(7\.\d+|8\.[0-6])([.-]|$)/;
