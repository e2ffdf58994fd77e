// Gems that need more than the slim ruby image gives them. The full `ruby:` image is built on
// buildpack-deps, which ships the -dev packages (and so the libraries) of PostgreSQL, MariaDB, SQLite,
// libxml2/libxslt, libcurl, ImageMagick, ... and programs such as `convert`, `file` and git; the slim
// image keeps only what Ruby itself links (libssl, libyaml, libffi, libgmp, zlib). A gem compiled
// against one of those libraries, or a Ruby gem that runs one of those programs, works on the full
// image and breaks on slim unless the runtime stage installs the package. Debian 12 names, and Alpine's.
// Sources: each gem's installation notes and the libraries its extension links (`ldd *.so`).
import type { RuntimeLibs } from './compiled-packages.js';

/** A gem's runtime packages; `bundledSince`: source builds from this version on compile their own copy. */
export interface GemLibs extends RuntimeLibs {
  bundledSince?: string;
  /** Build options or variables that make a bundling gem use the system's library after all. */
  systemOption?: RegExp;
}

/** Gems that load system libraries or run system programs, and the packages that provide them. */
export const RUBY_GEM_LIBS: Readonly<Record<string, GemLibs>> = {
  pg: { apt: ['libpq5'], apk: ['libpq'] },
  'sequel_pg': { apt: ['libpq5'], apk: ['libpq'] },
  mysql2: { apt: ['libmariadb3'], apk: ['mariadb-connector-c'] },
  sqlite3: { apt: ['libsqlite3-0'], apk: ['sqlite-libs'] },
  nokogiri: { apt: ['libxml2', 'libxslt1.1'], apk: ['libxml2', 'libxslt'], bundledSince: '1.11', systemOption: /use-system-libraries|NOKOGIRI_USE_SYSTEM_LIBRARIES/ },
  'libxml-ruby': { apt: ['libxml2'], apk: ['libxml2'] },
  'ruby-xslt': { apt: ['libxslt1.1'], apk: ['libxslt'] },
  curb: { apt: ['libcurl4'], apk: ['libcurl'] },
  ethon: { apt: ['libcurl4'], apk: ['libcurl'] },
  patron: { apt: ['libcurl4'], apk: ['libcurl'] },
  rmagick: { apt: ['libmagickwand-6.q16-6'], apk: ['imagemagick-libs'] },
  'mini_magick': { apt: ['imagemagick'], apk: ['imagemagick'] },
  paperclip: { apt: ['imagemagick', 'file'], apk: ['imagemagick', 'file'] },
  'ruby-vips': { apt: ['libvips42'], apk: ['vips'] },
  'charlock_holmes': { apt: ['libicu72'], apk: ['icu-libs'] },
  'ruby-filemagic': { apt: ['libmagic1'], apk: ['libmagic'] },
  'tiny_tds': { apt: ['libsybdb5'], apk: ['freetds'] },
  rbnacl: { apt: ['libsodium23'], apk: ['libsodium'] },
  gssapi: { apt: ['libgssapi-krb5-2'], apk: ['krb5-libs'] },
  maxminddb: { apt: ['libmaxminddb0'], apk: ['libmaxminddb'] },
  'hive_geoip2': { apt: ['libmaxminddb0'], apk: ['libmaxminddb'] },
  curses: { apt: ['libncursesw6'], apk: ['ncurses-libs'] },
  gdbm: { apt: ['libgdbm6'], apk: ['gdbm'] },
  'idn-ruby': { apt: ['libidn12'], apk: ['libidn'] },
  'ruby-odbc': { apt: ['libodbc2'], apk: ['unixodbc'] },
};

/**
 * Gems with native extensions (or FFI bindings) that need nothing beyond what the slim image has: they
 * link only libc, libstdc++ or the libraries Ruby itself links, or they compile their own copy.
 */
export const RUBY_SELF_CONTAINED: ReadonlySet<string> = new Set([
  'bcrypt',
  'bcrypt_pbkdf',
  'bigdecimal',
  'bindex',
  'bootsnap',
  'byebug',
  'date',
  'debug',
  'digest-crc',
  'ed25519',
  'erb',
  'eventmachine',
  'ffi',
  'fiddle',
  'google-protobuf',
  'grpc',
  'hiredis',
  'http_parser.rb',
  'io-console',
  'jaro_winkler',
  'json',
  'kgio',
  'libv8-node',
  'mini_racer',
  'msgpack',
  'nio4r',
  'oj',
  'openssl',
  'ox',
  'pg_query',
  'prism',
  'psych',
  'puma',
  'racc',
  'raindrops',
  'rb-inotify',
  'rbs',
  'redcarpet',
  'ruby-prof',
  'sassc',
  'stackprof',
  'strscan',
  'stringio',
  'thin',
  'unf_ext',
  'unicorn',
  'websocket-driver',
  'yajl-ruby',
  'zlib',
  'cgi',
  'io-wait',
  'etc',
  'digest',
  'ripper',
]);

/**
 * Dependencies that show a gem is native although the table does not know it: it finds system
 * libraries with pkg-config, loads them through FFI, or builds libraries from source.
 */
export const RUBY_NATIVE_MARKERS: ReadonlySet<string> = new Set(['pkg-config', 'ffi', 'ffi-compiler', 'native-package-installer', 'mini_portile2', 'rake-compiler']);

/**
 * Ruby's Alpine tags have no slim variant, and nothing beyond Ruby's own libraries: a gem's library came with
 * the file's own `apk add` (its runtime packages are installed again), except the C++ runtime. The ruby image
 * builds Ruby with gcc alone, so it has no libstdc++; a native extension compiled with a C++ compiler (which
 * build-base and alpine-sdk bring: src/commands/compilers.ts) loads libstdc++.so.6 and libgcc_s.so.1: the
 * package `libstdc++` (which depends on `libgcc`), named so in every Alpine release. Sources: docker-library/ruby's
 * alpine Dockerfiles (the .ruby-rundeps of scanelf), Alpine's aports (main/gcc: the libstdc++ subpackage).
 */
export const ALPINE_CXX_RUNTIME: readonly string[] = ['libstdc++'];
