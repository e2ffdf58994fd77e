// What the review's detectors (bench/review/detectors.mjs) know that dfsplit's own tables do not say yet:
// data only, each row with where it comes from. When src/knowledge/ learns a fact (issue 23, items 7 and
// 12), the row here goes and the detector asks src/ instead.

/**
 * Where language toolchains keep their tools and installed packages in the official images (their
 * Dockerfiles: rust's CARGO_HOME, golang's GOPATH and GOROOT, ruby's GEM_HOME, pip's `--user` scheme,
 * npm's global prefix, maven's and gradle's caches, php's extension directories). A `COPY --from` of one
 * of these that no builder command made rests on the image's layout (issue 23, item 12).
 */
export const TOOL_PATHS = [
  '/root/.cargo',
  '/usr/local/cargo',
  '/usr/local/rustup',
  '/go',
  '/usr/local/go',
  '/usr/local/bundle',
  '/root/.gem',
  '/usr/local/lib/ruby',
  '/root/.local',
  '/usr/local/lib/python*',
  '/usr/lib/python*',
  '/usr/local/lib/node_modules',
  '/root/.npm',
  '/root/.m2',
  '/root/.gradle',
  '/usr/local/lib/php',
  '/usr/local/etc/php',
  '/root/.composer',
];

/** Release names in order, per distribution, and the numbers tags use for them. */
export const RELEASES = {
  debian: { order: ['wheezy', 'jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie'], numbers: { 7: 'wheezy', 8: 'jessie', 9: 'stretch', 10: 'buster', 11: 'bullseye', 12: 'bookworm', 13: 'trixie' } },
  ubuntu: { order: ['14.04', '16.04', '18.04', '20.04', '22.04', '24.04'], numbers: { trusty: '14.04', xenial: '16.04', bionic: '18.04', focal: '20.04', jammy: '22.04', noble: '24.04' } },
};

/**
 * Library packages whose name exists only in some releases (issue 23, item 7), from the distributions'
 * package indexes: for each distribution, the first and last release that has the name (null: open
 * end); a distribution not listed is not judged. Alpine releases are numbers (3.9 < 3.17).
 */
export const RELEASE_PACKAGES = {
  libssl3: { debian: ['bookworm', null], ubuntu: ['22.04', null], alpine: ['3.17', null] },
  libcrypto3: { alpine: ['3.17', null] },
  'libssl1.1': { debian: ['stretch', 'bullseye'], ubuntu: ['18.04', '20.04'], alpine: ['3.9', '3.16'] },
  'libcrypto1.1': { alpine: ['3.9', '3.16'] },
  'libssl1.0.0': { debian: ['jessie', 'jessie'], ubuntu: ['14.04', '16.04'] },
  'libssl1.0.2': { debian: ['stretch', 'stretch'] },
  libmariadb3: { debian: ['buster', null], ubuntu: ['18.04', null] },
};

/** Where a runtime stage finds CA certificates when it copies them instead of installing the package (item 8). */
export const CA_PATHS = ['/etc/ssl', '/etc/pki', '/usr/share/ca-certificates'];

/** Packages whose removal alone is no real gain (issue 23, item 13). */
export const TRIVIAL_PACKAGES = ['git', 'make'];
