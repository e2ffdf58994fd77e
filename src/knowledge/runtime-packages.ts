// The runtime package(s) of a -dev package, per distribution release: installing `libssl-dev` to compile
// means the program needs libssl to run, and that library's package is `libssl1.0.0` on jessie, `libssl1.1`
// on stretch to bullseye, `libssl3` on bookworm and `libssl3t64` on trixie. A name is written only for a
// release it is known for; any other release is unknown, never guessed (src/analyze/packages.ts).
// Sources: the Debian and Ubuntu archives (packages.debian.org, packages.ubuntu.com: the Depends of each
// -dev package in that release; bookworm checked with `apt-cache show`), Alpine's aports (the subpackages
// of each APKBUILD per branch), the CentOS/Fedora/Amazon Linux spec files for the names every release shares.
import type { PackageManager } from '../analyze/tables.js';
import { DEBIAN_RELEASES, NEWEST_ALPINE, UBUNTU_RELEASES, type Distribution, type Release } from './releases.js';

/** The package manager each distribution installs with. */
export const MANAGER_OF: Readonly<Record<Distribution, PackageManager>> = { debian: 'apt', ubuntu: 'apt', alpine: 'apk', centos: 'yum', fedora: 'yum', rockylinux: 'yum', almalinux: 'yum', amazonlinux: 'yum' };

/**
 * Release keys: one release (`stretch`, `3.9`), a range of them (`stretch..bullseye`, `3.9..3.16`; `3.17..`
 * ends at NEWEST_ALPINE) or `*` (every release: only for names the distribution has never changed).
 */
type ByRelease = Readonly<Record<string, readonly string[]>>;
type DevEntry = Readonly<Partial<Record<Distribution, ByRelease>>>;

/** The same runtime packages on every RPM distribution and release (names RHEL 7, 8, 9, Fedora and Amazon Linux share). */
function rpm(names: readonly string[]): DevEntry {
  return { centos: { '*': names }, fedora: { '*': names }, rockylinux: { '*': names }, almalinux: { '*': names }, amazonlinux: { '*': names } };
}

/** -dev package -> distribution -> release (or range) -> runtime packages. */
export const RUNTIME_PACKAGES: Readonly<Record<string, DevEntry>> = {
  // apt (Debian, Ubuntu)
  'libpq-dev': { debian: { 'jessie..trixie': ['libpq5'] }, ubuntu: { 'trusty..noble': ['libpq5'] }, alpine: { '3.15..': ['libpq'] } },
  'libssl-dev': {
    debian: { jessie: ['libssl1.0.0'], 'stretch..bullseye': ['libssl1.1'], bookworm: ['libssl3'], trixie: ['libssl3t64'] },
    ubuntu: { 'trusty..xenial': ['libssl1.0.0'], 'bionic..focal': ['libssl1.1'], jammy: ['libssl3'], noble: ['libssl3t64'] },
  },
  'libjpeg-dev': { debian: { 'jessie..trixie': ['libjpeg62-turbo'] }, ubuntu: { 'trusty..noble': ['libjpeg8'] } },
  'libjpeg62-turbo-dev': { debian: { 'jessie..trixie': ['libjpeg62-turbo'] } },
  'libxml2-dev': { debian: { 'jessie..bookworm': ['libxml2'] }, ubuntu: { 'trusty..noble': ['libxml2'] }, alpine: { '3.9..': ['libxml2'] } },
  'libxslt1-dev': { debian: { 'jessie..bookworm': ['libxslt1.1'] }, ubuntu: { 'trusty..noble': ['libxslt1.1'] } },
  'zlib1g-dev': { debian: { 'jessie..trixie': ['zlib1g'] }, ubuntu: { 'trusty..noble': ['zlib1g'] } },
  'libffi-dev': {
    debian: { 'jessie..buster': ['libffi6'], bullseye: ['libffi7'], 'bookworm..trixie': ['libffi8'] },
    ubuntu: { 'trusty..bionic': ['libffi6'], focal: ['libffi7'], 'jammy..noble': ['libffi8'] },
    alpine: { '3.9..': ['libffi'] },
  },
  'libpng-dev': { debian: { 'stretch..bookworm': ['libpng16-16'] }, ubuntu: { 'bionic..jammy': ['libpng16-16'] }, alpine: { '3.9..': ['libpng'] } },
  'libfreetype6-dev': { debian: { 'jessie..bookworm': ['libfreetype6'] }, ubuntu: { 'trusty..noble': ['libfreetype6'] } },
  'libfreetype-dev': { debian: { 'bullseye..bookworm': ['libfreetype6'] }, ubuntu: { 'jammy..noble': ['libfreetype6'] } },
  // the Fortran compiler's runtime library, which every program it links needs (gcc 4.8 to 6: libgfortran3, 7:
  // libgfortran4, 8 on: libgfortran5; bookworm checked with apt-cache: gfortran-12 -> libgfortran-12-dev -> libgfortran5)
  gfortran: { debian: { 'jessie..stretch': ['libgfortran3'], 'buster..bookworm': ['libgfortran5'] }, ubuntu: { 'trusty..xenial': ['libgfortran3'], bionic: ['libgfortran4'], 'focal..noble': ['libgfortran5'] } },
  'libcurl4-openssl-dev': { debian: { 'jessie..stretch': ['libcurl3'], 'buster..bookworm': ['libcurl4'], trixie: ['libcurl4t64'] }, ubuntu: { 'trusty..xenial': ['libcurl3'], 'bionic..jammy': ['libcurl4'], noble: ['libcurl4t64'] } },
  'libcurl4-gnutls-dev': { debian: { 'jessie..bookworm': ['libcurl3-gnutls'], trixie: ['libcurl3t64-gnutls'] }, ubuntu: { 'trusty..jammy': ['libcurl3-gnutls'], noble: ['libcurl3t64-gnutls'] } },
  'libsqlite3-dev': { debian: { 'jessie..trixie': ['libsqlite3-0'] }, ubuntu: { 'trusty..noble': ['libsqlite3-0'] } },
  'libmariadb-dev': { debian: { 'buster..bookworm': ['libmariadb3'] }, ubuntu: { 'bionic..noble': ['libmariadb3'] } },
  'libmariadb-dev-compat': { debian: { 'buster..bookworm': ['libmariadb3'] }, ubuntu: { 'focal..noble': ['libmariadb3'] } },
  // Debian's default is MariaDB's library; Ubuntu's is MySQL's
  'default-libmysqlclient-dev': { debian: { stretch: ['libmariadbclient18'], 'buster..bookworm': ['libmariadb3'] }, ubuntu: { bionic: ['libmysqlclient20'], 'focal..noble': ['libmysqlclient21'] } },
  // Debian stopped shipping MySQL's own library after jessie (bookworm has no libmysqlclient-dev)
  'libmysqlclient-dev': { debian: { jessie: ['libmysqlclient18'] }, ubuntu: { trusty: ['libmysqlclient18'], 'xenial..bionic': ['libmysqlclient20'], 'focal..noble': ['libmysqlclient21'] } },
  'libyaml-dev': { debian: { 'jessie..trixie': ['libyaml-0-2'] }, ubuntu: { 'trusty..noble': ['libyaml-0-2'] } },
  'libbz2-dev': { debian: { 'jessie..trixie': ['libbz2-1.0'] }, ubuntu: { 'trusty..noble': ['libbz2-1.0'] } },
  'liblzma-dev': { debian: { 'jessie..trixie': ['liblzma5'] }, ubuntu: { 'trusty..noble': ['liblzma5'] } },
  'libreadline-dev': {
    debian: { jessie: ['libreadline6'], 'stretch..buster': ['libreadline7'], 'bullseye..bookworm': ['libreadline8'], trixie: ['libreadline8t64'] },
    ubuntu: { 'trusty..xenial': ['libreadline6'], bionic: ['libreadline7'], 'focal..jammy': ['libreadline8'], noble: ['libreadline8t64'] },
  },
  'libncurses-dev': { debian: { bookworm: ['libncursesw6'] } },
  'libncurses5-dev': { debian: { bookworm: ['libncurses6'] } },
  'libncursesw5-dev': { debian: { bookworm: ['libncursesw6'] } },
  'libgdbm-dev': { debian: { 'buster..bookworm': ['libgdbm6'] }, ubuntu: { 'focal..jammy': ['libgdbm6'] } },
  'libsasl2-dev': { debian: { 'jessie..bookworm': ['libsasl2-2'] }, ubuntu: { 'trusty..noble': ['libsasl2-2'] } },
  'libldap2-dev': { debian: { 'jessie..bullseye': ['libldap-2.4-2'], bookworm: ['libldap-2.5-0'] }, ubuntu: { 'trusty..focal': ['libldap-2.4-2'], jammy: ['libldap-2.5-0'] } },
  'libldap-dev': { debian: { bookworm: ['libldap-2.5-0'] } },
  'libpcre3-dev': { debian: { 'jessie..bookworm': ['libpcre3'] }, ubuntu: { 'trusty..noble': ['libpcre3'] } },
  'libpcre2-dev': { debian: { 'stretch..bookworm': ['libpcre2-8-0'] }, ubuntu: { 'bionic..noble': ['libpcre2-8-0'] } },
  'libnuma-dev': { debian: { 'jessie..trixie': ['libnuma1'] }, ubuntu: { 'trusty..noble': ['libnuma1'] } },
  'libgmp-dev': { debian: { 'jessie..bookworm': ['libgmp10'] }, ubuntu: { 'trusty..noble': ['libgmp10'] } },
  'libmpfr-dev': { debian: { 'jessie..stretch': ['libmpfr4'], 'buster..bookworm': ['libmpfr6'] }, ubuntu: { 'bionic..noble': ['libmpfr6'] } },
  'libzmq3-dev': { debian: { 'stretch..bookworm': ['libzmq5'] }, ubuntu: { 'xenial..noble': ['libzmq5'] } },
  'libevent-dev': { debian: { 'jessie..stretch': ['libevent-2.0-5'], buster: ['libevent-2.1-6'], 'bullseye..bookworm': ['libevent-2.1-7'] }, ubuntu: { xenial: ['libevent-2.0-5'], bionic: ['libevent-2.1-6'], 'focal..jammy': ['libevent-2.1-7'] }, alpine: { '3.9..': ['libevent'] } },
  'libuv1-dev': { debian: { 'stretch..bookworm': ['libuv1'] }, ubuntu: { 'xenial..jammy': ['libuv1'] } },
  'libsodium-dev': { debian: { stretch: ['libsodium18'], 'buster..bookworm': ['libsodium23'] }, ubuntu: { xenial: ['libsodium18'], 'bionic..noble': ['libsodium23'] }, alpine: { '3.9..': ['libsodium'] } },
  'libtiff-dev': { debian: { 'buster..bullseye': ['libtiff5'], bookworm: ['libtiff6'] }, ubuntu: { 'focal..jammy': ['libtiff5'], noble: ['libtiff6'] } },
  'libtiff5-dev': { debian: { 'stretch..bullseye': ['libtiff5'], bookworm: ['libtiff6'] }, ubuntu: { 'xenial..jammy': ['libtiff5'] } },
  'libvpx-dev': { debian: { jessie: ['libvpx1'], stretch: ['libvpx4'], buster: ['libvpx5'], bullseye: ['libvpx6'], bookworm: ['libvpx7'], trixie: ['libvpx9'] }, ubuntu: { xenial: ['libvpx3'], bionic: ['libvpx5'], focal: ['libvpx6'], jammy: ['libvpx7'], noble: ['libvpx9'] } },
  'libwebp-dev': { debian: { jessie: ['libwebp5'], 'stretch..bullseye': ['libwebp6'], bookworm: ['libwebp7'] }, ubuntu: { xenial: ['libwebp5'], 'bionic..focal': ['libwebp6'], 'jammy..noble': ['libwebp7'] }, alpine: { '3.9..': ['libwebp'] } },
  'liblcms2-dev': { debian: { 'jessie..bookworm': ['liblcms2-2'] }, ubuntu: { 'trusty..noble': ['liblcms2-2'] } },
  'libopenjp2-7-dev': { debian: { 'stretch..bookworm': ['libopenjp2-7'] }, ubuntu: { 'bionic..noble': ['libopenjp2-7'] } },
  'libgeos-dev': { debian: { 'stretch..bookworm': ['libgeos-c1v5'] }, ubuntu: { 'xenial..jammy': ['libgeos-c1v5'] } },
  'libproj-dev': { debian: { stretch: ['libproj12'], buster: ['libproj13'], bullseye: ['libproj19'], bookworm: ['libproj25'] }, ubuntu: { focal: ['libproj15'], jammy: ['libproj22'] } },
  'libgdal-dev': { debian: { 'stretch..buster': ['libgdal20'], bullseye: ['libgdal28'], bookworm: ['libgdal32'] }, ubuntu: { focal: ['libgdal26'], jammy: ['libgdal30'] } },
  'libblas-dev': { debian: { 'jessie..bookworm': ['libblas3'] }, ubuntu: { 'trusty..noble': ['libblas3'] } },
  'liblapack-dev': { debian: { 'jessie..bookworm': ['liblapack3'] }, ubuntu: { 'trusty..noble': ['liblapack3'] } },
  'libopenblas-dev': { debian: { 'bullseye..bookworm': ['libopenblas0'] }, ubuntu: { 'focal..jammy': ['libopenblas0'] } },
  'libglib2.0-dev': { debian: { 'jessie..bookworm': ['libglib2.0-0'] }, ubuntu: { 'trusty..jammy': ['libglib2.0-0'] } },
  'libcairo2-dev': { debian: { 'jessie..bookworm': ['libcairo2'] }, ubuntu: { 'trusty..noble': ['libcairo2'] } },
  'libmagic-dev': { debian: { 'jessie..bookworm': ['libmagic1'] }, ubuntu: { 'trusty..jammy': ['libmagic1'] } },
  'libsnappy-dev': { debian: { 'stretch..bookworm': ['libsnappy1v5'] }, ubuntu: { 'xenial..noble': ['libsnappy1v5'] } },
  'libzstd-dev': { debian: { 'stretch..bookworm': ['libzstd1'] }, ubuntu: { 'bionic..noble': ['libzstd1'] } },
  'liblz4-dev': { debian: { 'jessie..bookworm': ['liblz4-1'] }, ubuntu: { 'trusty..noble': ['liblz4-1'] } },
  'libkrb5-dev': { debian: { 'jessie..bookworm': ['libkrb5-3', 'libgssapi-krb5-2'] }, ubuntu: { 'trusty..noble': ['libkrb5-3', 'libgssapi-krb5-2'] } },
  'unixodbc-dev': { debian: { 'stretch..bullseye': ['libodbc1'], bookworm: ['libodbc2'] } },
  'libcap-dev': { debian: { 'jessie..bookworm': ['libcap2'] }, ubuntu: { 'trusty..noble': ['libcap2'] } },
  'libseccomp-dev': { debian: { 'jessie..bookworm': ['libseccomp2'] }, ubuntu: { 'trusty..noble': ['libseccomp2'] } },
  'libsystemd-dev': { debian: { 'jessie..bookworm': ['libsystemd0'] }, ubuntu: { 'xenial..noble': ['libsystemd0'] } },
  'libudev-dev': { debian: { 'jessie..bookworm': ['libudev1'] }, ubuntu: { 'trusty..noble': ['libudev1'] } },
  'libusb-1.0-0-dev': { debian: { 'jessie..bookworm': ['libusb-1.0-0'] }, ubuntu: { 'trusty..noble': ['libusb-1.0-0'] } },
  'libexpat1-dev': { debian: { 'jessie..bookworm': ['libexpat1'] }, ubuntu: { 'trusty..noble': ['libexpat1'] } },
  'libxmlsec1-dev': { debian: { 'jessie..bookworm': ['libxmlsec1', 'libxmlsec1-openssl'] }, ubuntu: { 'trusty..noble': ['libxmlsec1', 'libxmlsec1-openssl'] } },
  'libgl1-mesa-dev': { debian: { 'buster..bookworm': ['libgl1'] }, ubuntu: { 'bionic..noble': ['libgl1'] } },
  // what the canvas npm package links
  'libpango1.0-dev': { debian: { 'stretch..bookworm': ['libpango-1.0-0', 'libpangocairo-1.0-0'] }, ubuntu: { 'bionic..jammy': ['libpango-1.0-0', 'libpangocairo-1.0-0'] } },
  'libgif-dev': { debian: { jessie: ['libgif4'], 'stretch..bookworm': ['libgif7'] }, ubuntu: { 'bionic..noble': ['libgif7'] } },
  'librsvg2-dev': { debian: { 'jessie..bookworm': ['librsvg2-2'] }, ubuntu: { 'trusty..noble': ['librsvg2-2'] } },
  'libpcap-dev': { debian: { 'jessie..bookworm': ['libpcap0.8'], trixie: ['libpcap0.8t64'] }, ubuntu: { 'trusty..jammy': ['libpcap0.8'], noble: ['libpcap0.8t64'] }, alpine: { '3.9..': ['libpcap'] } },
  'libpcap0.8-dev': { debian: { 'jessie..bookworm': ['libpcap0.8'], trixie: ['libpcap0.8t64'] }, ubuntu: { 'trusty..jammy': ['libpcap0.8'], noble: ['libpcap0.8t64'] } },
  'libldns-dev': { debian: { bookworm: ['libldns3'] } },
  'libgeoip-dev': { debian: { 'jessie..bookworm': ['libgeoip1'] }, ubuntu: { 'trusty..jammy': ['libgeoip1'] } },
  // what PHP extensions (zip, intl, mbstring, memcached, imagick, tidy, amqp, ssh2) compile against
  'libzip-dev': { debian: { 'stretch..bookworm': ['libzip4'] }, ubuntu: { focal: ['libzip5'], jammy: ['libzip4'] }, alpine: { '3.9..': ['libzip'] } },
  'libicu-dev': {
    debian: { jessie: ['libicu52'], stretch: ['libicu57'], buster: ['libicu63'], bullseye: ['libicu67'], bookworm: ['libicu72'] },
    ubuntu: { trusty: ['libicu52'], xenial: ['libicu55'], bionic: ['libicu60'], focal: ['libicu66'], jammy: ['libicu70'], noble: ['libicu74'] },
  },
  'libonig-dev': { debian: { stretch: ['libonig4'], 'buster..bookworm': ['libonig5'] }, ubuntu: { 'focal..jammy': ['libonig5'] } },
  'libmemcached-dev': { debian: { 'jessie..bookworm': ['libmemcached11'] }, ubuntu: { 'xenial..jammy': ['libmemcached11'] } },
  'libmagickwand-dev': { debian: { stretch: ['libmagickwand-6.q16-3'], 'buster..bookworm': ['libmagickwand-6.q16-6'] }, ubuntu: { 'focal..jammy': ['libmagickwand-6.q16-6'] } },
  'libtidy-dev': { debian: { 'stretch..bookworm': ['libtidy5deb1'] }, ubuntu: { 'bionic..jammy': ['libtidy5deb1'] } },
  'librabbitmq-dev': { debian: { 'stretch..bookworm': ['librabbitmq4'] }, ubuntu: { 'xenial..noble': ['librabbitmq4'] } },
  'libssh2-1-dev': { debian: { 'jessie..bookworm': ['libssh2-1'] }, ubuntu: { 'trusty..jammy': ['libssh2-1'] } },

  // apk (Alpine): OpenSSL 1.1 from 3.9 (3.5 to 3.8 defaulted to LibreSSL) to 3.16, OpenSSL 3 from 3.17
  'postgresql-dev': { alpine: { '3.9..': ['libpq'] } },
  'openssl-dev': { alpine: { '3.9..3.16': ['libssl1.1', 'libcrypto1.1'], '3.17..': ['libssl3', 'libcrypto3'] } },
  'jpeg-dev': { alpine: { '3.9..': ['libjpeg-turbo'] } },
  'libjpeg-turbo-dev': { alpine: { '3.9..': ['libjpeg-turbo'] } },
  'zlib-dev': { alpine: { '3.9..': ['zlib'] } },
  'libxslt-dev': { alpine: { '3.9..': ['libxslt'] } },
  'mariadb-dev': { alpine: { '3.9..': ['mariadb-connector-c'] } },
  'mariadb-connector-c-dev': { alpine: { '3.9..': ['mariadb-connector-c'] } },
  'sqlite-dev': { alpine: { '3.9..': ['sqlite-libs'] } },
  'yaml-dev': { alpine: { '3.9..': ['yaml'] } },
  'freetype-dev': { alpine: { '3.9..': ['freetype'] } },
  'curl-dev': { alpine: { '3.9..': ['libcurl'] } },
  'pcre-dev': { alpine: { '3.9..': ['pcre'] } },
  'pcre2-dev': { alpine: { '3.9..': ['pcre2'] } },
  'zeromq-dev': { alpine: { '3.9..': ['libzmq'] } },
  'gmp-dev': { alpine: { '3.9..': ['gmp'] } },
  // what php's intl and gettext extensions compile against
  'icu-dev': { alpine: { '3.9..': ['icu-libs'] } },
  'gettext-dev': { alpine: { '3.9..': ['libintl'] } },
  'libuv-dev': { alpine: { '3.9..': ['libuv'] } },
  'tiff-dev': { alpine: { '3.9..': ['tiff'] } },
  'openldap-dev': { alpine: { '3.9..': ['libldap'] } },
  'cyrus-sasl-dev': { alpine: { '3.9..': ['libsasl'] } },
  'file-dev': { alpine: { '3.9..': ['libmagic'] } },
  'cairo-dev': { alpine: { '3.9..': ['cairo'] } },
  'xmlsec-dev': { alpine: { '3.9..': ['xmlsec'] } },
  'snappy-dev': { alpine: { '3.9..': ['snappy'] } },
  'krb5-dev': { alpine: { '3.9..': ['krb5-libs'] } },
  'pango-dev': { alpine: { '3.9..': ['pango'] } },
  'giflib-dev': { alpine: { '3.9..': ['giflib'] } },
  'librsvg-dev': { alpine: { '3.9..': ['librsvg'] } },
  'librdkafka-dev': { debian: { 'stretch..bookworm': ['librdkafka1'] }, ubuntu: { 'bionic..jammy': ['librdkafka1'] }, alpine: { '3.9..': ['librdkafka'] } },

  // yum, dnf (RHEL family, Fedora, Amazon Linux): only the names every release shares; postgresql-devel,
  // sqlite-devel and mariadb-devel change theirs between releases (postgresql-libs / libpq, sqlite /
  // sqlite-libs, mariadb-libs / mariadb-connector-c) and the image table does not tell those releases yet
  'libpq-devel': rpm(['libpq']),
  'openssl-devel': rpm(['openssl-libs']),
  'libffi-devel': rpm(['libffi']),
  'zlib-devel': rpm(['zlib']),
  'libxml2-devel': rpm(['libxml2']),
  'libxslt-devel': rpm(['libxslt']),
  'libjpeg-turbo-devel': rpm(['libjpeg-turbo']),
  'libpng-devel': rpm(['libpng']),
  'libcurl-devel': rpm(['libcurl']),
  'bzip2-devel': rpm(['bzip2-libs']),
};

/** Where a release stands among its distribution's, or -1 when it is not one the table can place. */
function rank(distribution: Distribution, release: string): number {
  if (distribution === 'debian') return (DEBIAN_RELEASES as readonly string[]).indexOf(release);
  if (distribution === 'ubuntu') return (UBUNTU_RELEASES as readonly string[]).indexOf(release);
  if (distribution === 'alpine') {
    const m = /^3\.(\d+)$/.exec(release);
    return m ? Number(m[1]) : -1;
  }
  return -1;
}

/** The releases a key covers, as ranks [from, to], or null for `*`; throws on a key that names no release (the table's test reads every key). */
export function releaseSpan(distribution: Distribution, key: string): [number, number] | null {
  if (key === '*') return null;
  const [from, to = from] = key.split('..') as [string, string?];
  const span: [number, number] = [rank(distribution, from), rank(distribution, to === '' ? NEWEST_ALPINE : to)];
  if (span[0] < 0 || span[1] < span[0]) throw new Error(`runtime-packages: ${distribution} ${key} is no release or range of releases`);
  return span;
}

/**
 * The runtime packages of `dev` for a release: `packages`, or `unknown` when the table knows the -dev package
 * for this package manager but not for this distribution and release (or the release is not known); null when
 * the table does not know the -dev package at all for this manager (it is then kept at run time, as written).
 */
export function runtimePackagesOf(dev: string, manager: PackageManager, at: Release | null): { packages: readonly string[] } | { unknown: true } | null {
  const entry = Object.hasOwn(RUNTIME_PACKAGES, dev) ? RUNTIME_PACKAGES[dev]! : undefined;
  if (!entry || !(Object.keys(entry) as Distribution[]).some((d) => MANAGER_OF[d] === manager)) return null;
  const byRelease = at && MANAGER_OF[at.distribution] === manager ? entry[at.distribution] : undefined;
  if (!byRelease) return { unknown: true };
  for (const [key, packages] of Object.entries(byRelease)) {
    const span = releaseSpan(at!.distribution, key);
    if (span === null) return { packages };
    if (at!.release === null) continue;
    const r = rank(at!.distribution, at!.release);
    if (r >= span[0] && r <= span[1]) return { packages };
  }
  return { unknown: true };
}

/**
 * Whether a runtime package name the table knows belongs to other releases of the distribution than `at`
 * (`libvpx1` is jessie's, `libssl1.1` stretch's to bullseye's): the file that installs it by name was written
 * for another release of its base image than the one its tag names now. False for names the table does not
 * know, or knows for `at`, and for an unknown release.
 */
export function namedForOtherRelease(name: string, at: Release | null): boolean {
  if (!at?.release) return false;
  let known = false;
  for (const entry of Object.values(RUNTIME_PACKAGES)) {
    const byRelease = entry[at.distribution];
    if (!byRelease) continue;
    for (const [key, packages] of Object.entries(byRelease)) {
      if (!packages.includes(name)) continue;
      const span = releaseSpan(at.distribution, key);
      const r = rank(at.distribution, at.release);
      if (span === null || (r >= span[0] && r <= span[1])) return false;
      known = true;
    }
  }
  return known;
}

/** True when the runtime packages of `dev` are named differently in some releases of `distribution` (`libssl-dev`: `libssl1.1`, `libssl3`, `libssl3t64`), not when every release shares the names (`libpq-dev`: `libpq5`). */
export function namesVaryByRelease(dev: string, distribution: Distribution): boolean {
  const byRelease = Object.hasOwn(RUNTIME_PACKAGES, dev) ? RUNTIME_PACKAGES[dev]![distribution] : undefined;
  return new Set(Object.values(byRelease ?? {}).map((packages) => [...packages].sort().join(' '))).size > 1;
}

/** How a release reads in a sentence: `debian stretch`, `alpine 3.9`, `an unknown release of alpine`, `an unknown distribution`. */
export function describeRelease(at: Release | null): string {
  if (!at) return 'an image whose distribution dfsplit does not know';
  return at.release ? `${at.distribution} ${at.release}` : `an unknown release of ${at.distribution}`;
}

/**
 * What a language table names (`-dev` packages, or packages whose name every release shares) as the packages to
 * install on a release: -dev packages through the table, the others as named; `unknown`: the -dev packages the
 * table does not know for that release, kept as named (they bring their library on any release; the caller
 * records `runtime-package-unknown`, which only a build proves on another image).
 */
export function runtimeNamesFor(names: readonly string[], manager: PackageManager, at: Release | null): { packages: string[]; unknown: string[] } {
  const packages: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const answer = runtimePackagesOf(name, manager, at);
    if (answer && !('packages' in answer)) unknown.push(name);
    for (const p of answer !== null && 'packages' in answer ? answer.packages : [name]) if (!packages.includes(p)) packages.push(p);
  }
  return { packages, unknown };
}

/**
 * Debian and Ubuntu packages a runtime stage may install again whose Depends or Recommends bring a C compiler back
 * (apt installs Recommends unless told not to): python-pip and python3-pip recommend build-essential and their
 * Python's -dev package, r-base-core recommends r-base-dev, which depends on build-essential, gfortran and g++,
 * libtool depends on gcc (libtool-bin and dh-autoreconf on libtool), and PHP's -dev packages depend on libtool.
 * Sources: `apt-cache show` of each on bookworm, packages.debian.org and packages.ubuntu.com for the older releases
 * (the review local-2026-12-06o found 30 of 66 outputs saving nothing through them).
 */
export const BRINGS_COMPILER_BACK: readonly RegExp[] = [/^python[23]?-pip$/, /^r-base(-core|-dev)?$/, /^libtool(-bin)?$/, /^dh-autoreconf$/, /^php[\d.]*-dev$/];
