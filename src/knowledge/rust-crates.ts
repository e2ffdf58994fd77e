// Rust crates that link system libraries at run time, for the rust preset: the Debian 12 packages a
// binary built with them needs on a slim image. Sources: each crate's build script (which library it
// asks pkg-config for, and whether a `bundled`/`vendored` feature is the default).

/** `-sys` (and wrapper) crates -> Debian runtime packages. */
export const RUST_SYS_CRATES: Readonly<Record<string, readonly string[]>> = {
  'openssl-sys': ['libssl3'],
  'pq-sys': ['libpq5'],
  'mysqlclient-sys': ['libmariadb3'],
  'libsqlite3-sys': ['libsqlite3-0'],
  'curl-sys': ['libcurl4'],
  'libz-sys': ['zlib1g'],
  'bzip2-sys': ['libbz2-1.0'],
  'lzma-sys': ['liblzma5'],
  'libdbus-sys': ['libdbus-1-3'],
  'libudev-sys': ['libudev1'],
  'freetype-sys': ['libfreetype6'],
  'expat-sys': ['libexpat1'],
  'rdkafka-sys': ['librdkafka1'],
};

/** `-sys` crates that build their C code into the binary (or need nothing at run time). */
export const RUST_SELF_CONTAINED_SYS: ReadonlySet<string> = new Set([
  'ring',
  'zstd-sys',
  'libgit2-sys',
  'libssh2-sys',
  'ring-sys',
  'jemalloc-sys',
  'tikv-jemalloc-sys',
  'mimalloc-sys',
  'libmimalloc-sys',
  'linux-raw-sys',
  'windows-sys',
  'core-foundation-sys',
  'security-framework-sys',
  'web-sys',
  'js-sys',
  'cc',
  'errno-sys',
  'libc',
  'psm',
  'stacker',
  'brotli-sys',
  'lz4-sys',
  'snappy-sys',
  'aws-lc-sys',
  'wasm-bindgen',
  'libloading',
  'prost',
  'io-uring',
]);

/**
 * Crates that read a file of the working directory by themselves, without the program naming it: Rocket reads
 * `Rocket.toml`, dotenv and dotenvy read `.env`. A Rust program whose sources stay in the builder keeps these files
 * when the build context has them. https://rocket.rs/guide/v0.5/configuration/  https://docs.rs/dotenvy
 */
export const RUST_IMPLICIT_READS: Readonly<Record<string, readonly string[]>> = {
  rocket: ['Rocket.toml'],
  dotenv: ['.env'],
  dotenvy: ['.env'],
};
