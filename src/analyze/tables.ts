// Knowledge as data: which packages only a build needs, which runtime library a -dev package implies,
// and which commands build, test or fetch. Extending dfsplit's knowledge means adding rows here.

export type { PackageManager } from '../commands/types.js';
import type { PackageManager } from '../commands/types.js';

/** Packages only a build needs (exact names). `*-dev` / `*-devel` are handled by pattern. */
export const BUILD_ONLY_PACKAGES: Record<PackageManager, readonly string[]> = {
  apt: [
    'gcc',
    'g++',
    'cpp',
    'clang',
    'llvm',
    'make',
    'cmake',
    'ninja-build',
    'meson',
    'build-essential',
    'autoconf',
    'automake',
    'libtool',
    'pkg-config',
    'pkgconf',
    'bison',
    'flex',
    'patch',
    'swig',
    'nasm',
    'yasm',
    'git',
    'subversion',
    'mercurial',
    'golang',
    'golang-go',
    'cargo',
    'rustc',
    'maven',
    'gradle',
    'ant',
    'default-jdk',
    'default-jdk-headless',
    'openjdk-17-jdk',
    'openjdk-17-jdk-headless',
    'openjdk-11-jdk',
    'openjdk-11-jdk-headless',
    'libc6-dev',
    'libc-dev',
    'linux-libc-dev',
    'python3-dev',
    'python-dev',
    'python3-pytest',
    'python3-pip-whl',
    'gfortran',
    'dpkg-dev',
  ],
  apk: ['gcc', 'g++', 'clang', 'make', 'cmake', 'samurai', 'build-base', 'autoconf', 'automake', 'libtool', 'pkgconfig', 'pkgconf', 'bison', 'flex', 'patch', 'git', 'go', 'cargo', 'rust', 'maven', 'gradle', 'openjdk17-jdk', 'openjdk11-jdk', 'musl-dev', 'linux-headers', 'libc-dev', 'python3-dev', 'py3-pytest'],
  yum: ['gcc', 'gcc-c++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkgconfig', 'git', 'golang', 'cargo', 'rust', 'maven', 'java-17-openjdk-devel', 'glibc-devel', 'kernel-headers', 'python3-devel', 'redhat-rpm-config'],
};

/**
 * Development package -> the runtime library it implies. Installing `libpq-dev` to compile means the
 * program needs `libpq5` to run. Names are Debian bookworm's, Alpine's and RHEL/Fedora's.
 */
export const DEV_TO_RUNTIME: Record<PackageManager, Readonly<Record<string, readonly string[]>>> = {
  apt: {
    'libpq-dev': ['libpq5'],
    'libssl-dev': ['libssl3'],
    'libjpeg-dev': ['libjpeg62-turbo'],
    'libjpeg62-turbo-dev': ['libjpeg62-turbo'],
    'libxml2-dev': ['libxml2'],
    'libxslt1-dev': ['libxslt1.1'],
    'zlib1g-dev': ['zlib1g'],
    'libffi-dev': ['libffi8'],
    'libpng-dev': ['libpng16-16'],
    'libfreetype6-dev': ['libfreetype6'],
    'libfreetype-dev': ['libfreetype6'],
    'libcurl4-openssl-dev': ['libcurl4'],
    'libcurl4-gnutls-dev': ['libcurl3-gnutls'],
    'libsqlite3-dev': ['libsqlite3-0'],
    'libmariadb-dev': ['libmariadb3'],
    'libmariadb-dev-compat': ['libmariadb3'],
    'default-libmysqlclient-dev': ['libmariadb3'],
    'libmysqlclient-dev': ['libmysqlclient21'],
    'libyaml-dev': ['libyaml-0-2'],
    'libbz2-dev': ['libbz2-1.0'],
    'liblzma-dev': ['liblzma5'],
    'libreadline-dev': ['libreadline8'],
    'libncurses-dev': ['libncursesw6'],
    'libncurses5-dev': ['libncurses6'],
    'libncursesw5-dev': ['libncursesw6'],
    'libgdbm-dev': ['libgdbm6'],
    'libsasl2-dev': ['libsasl2-2'],
    'libldap2-dev': ['libldap-2.5-0'],
    'libldap-dev': ['libldap-2.5-0'],
    'libpcre3-dev': ['libpcre3'],
    'libpcre2-dev': ['libpcre2-8-0'],
    'libgmp-dev': ['libgmp10'],
    'libmpfr-dev': ['libmpfr6'],
    'libzmq3-dev': ['libzmq5'],
    'libevent-dev': ['libevent-2.1-7'],
    'libuv1-dev': ['libuv1'],
    'libsodium-dev': ['libsodium23'],
    'libtiff-dev': ['libtiff6'],
    'libtiff5-dev': ['libtiff6'],
    'libwebp-dev': ['libwebp7'],
    'liblcms2-dev': ['liblcms2-2'],
    'libopenjp2-7-dev': ['libopenjp2-7'],
    'libgeos-dev': ['libgeos-c1v5'],
    'libproj-dev': ['libproj25'],
    'libgdal-dev': ['libgdal32'],
    'libblas-dev': ['libblas3'],
    'liblapack-dev': ['liblapack3'],
    'libopenblas-dev': ['libopenblas0'],
    'libglib2.0-dev': ['libglib2.0-0'],
    'libcairo2-dev': ['libcairo2'],
    'libmagic-dev': ['libmagic1'],
    'libsnappy-dev': ['libsnappy1v5'],
    'libzstd-dev': ['libzstd1'],
    'liblz4-dev': ['liblz4-1'],
    'libkrb5-dev': ['libkrb5-3', 'libgssapi-krb5-2'],
    'unixodbc-dev': ['libodbc2'],
    'libcap-dev': ['libcap2'],
    'libseccomp-dev': ['libseccomp2'],
    'libsystemd-dev': ['libsystemd0'],
    'libudev-dev': ['libudev1'],
    'libusb-1.0-0-dev': ['libusb-1.0-0'],
    'libexpat1-dev': ['libexpat1'],
    'libxmlsec1-dev': ['libxmlsec1', 'libxmlsec1-openssl'],
    'libgl1-mesa-dev': ['libgl1'],
    'libgeoip-dev': ['libgeoip1'],
    // what PHP extensions (zip, intl, mbstring, memcached, imagick, tidy, amqp, ssh2) compile against
    'libzip-dev': ['libzip4'],
    'libicu-dev': ['libicu72'],
    'libonig-dev': ['libonig5'],
    'libmemcached-dev': ['libmemcached11'],
    'libmagickwand-dev': ['libmagickwand-6.q16-6'],
    'libtidy-dev': ['libtidy5deb1'],
    'librabbitmq-dev': ['librabbitmq4'],
    'libssh2-1-dev': ['libssh2-1'],
  },
  apk: {
    'postgresql-dev': ['libpq'],
    'libpq-dev': ['libpq'],
    'openssl-dev': ['libssl3', 'libcrypto3'],
    'libffi-dev': ['libffi'],
    'jpeg-dev': ['libjpeg-turbo'],
    'libjpeg-turbo-dev': ['libjpeg-turbo'],
    'zlib-dev': ['zlib'],
    'libxml2-dev': ['libxml2'],
    'libxslt-dev': ['libxslt'],
    'mariadb-dev': ['mariadb-connector-c'],
    'mariadb-connector-c-dev': ['mariadb-connector-c'],
    'sqlite-dev': ['sqlite-libs'],
    'yaml-dev': ['yaml'],
    'freetype-dev': ['freetype'],
    'libpng-dev': ['libpng'],
    'curl-dev': ['libcurl'],
    'pcre-dev': ['pcre'],
    'pcre2-dev': ['pcre2'],
    'libsodium-dev': ['libsodium'],
    'zeromq-dev': ['libzmq'],
    'libevent-dev': ['libevent'],
    'gmp-dev': ['gmp'],
    'libuv-dev': ['libuv'],
  },
  yum: {
    'postgresql-devel': ['postgresql-libs'],
    'libpq-devel': ['libpq'],
    'openssl-devel': ['openssl-libs'],
    'libffi-devel': ['libffi'],
    'zlib-devel': ['zlib'],
    'libxml2-devel': ['libxml2'],
    'libxslt-devel': ['libxslt'],
    'libjpeg-turbo-devel': ['libjpeg-turbo'],
    'libpng-devel': ['libpng'],
    'sqlite-devel': ['sqlite-libs'],
    'mariadb-devel': ['mariadb-connector-c'],
    'libcurl-devel': ['libcurl'],
    'bzip2-devel': ['bzip2-libs'],
  },
};

/** Packages whose only job is to headers/tools for compiling against glibc/musl: nothing to keep. */
export const DEV_WITHOUT_RUNTIME = new Set(['libc6-dev', 'libc-dev', 'musl-dev', 'linux-headers', 'linux-libc-dev', 'python3-dev', 'python-dev', 'glibc-devel', 'kernel-headers', 'python3-devel']);

/** How a command word is classified (the type lives with the command families). */
export type { SubcommandRule as CommandRule } from '../commands/types.js';
import type { SubcommandRule as CommandRule } from '../commands/types.js';

// a Map, not an object: command names are arbitrary words (`toString`), and a Map lookup of a word read
// from a script is cheaper than a property lookup (which interns the word first)
// (the families of src/commands/ answer for their own commands: see rulesOf in src/analyze/run.ts)
export const COMMAND_RULES: ReadonlyMap<string, readonly CommandRule[]> = new Map(
  Object.entries({
    tsc: [{ kind: 'build' }],
    webpack: [{ kind: 'build' }],
    vite: [{ kind: 'build' }],
  }),
);

/**
 * Commands that install into system directories the runtime needs (apt keys, .deb files, alternatives;
 * the language installers are their families' `kinds`, src/commands/). Wherever they appear they are
 * repeated in the runtime stage; if they need build tools there, the runtime build fails loudly instead of silently.
 */
export const SYSTEM_INSTALLERS = new Set(['nvm', 'sdkmanager']);

/** Interpreters: `python gen.py` in a build generates files; at runtime it is the program. */
export const INTERPRETERS = new Set(['python', 'python3', 'node', 'ruby', 'perl', 'php', 'bash', 'sh']);

/** Programs a HEALTHCHECK/CMD may call, and the package that provides each (for slim runtimes). */
export const TOOL_PACKAGES: Record<string, Readonly<Record<PackageManager, string>>> = {
  curl: { apt: 'curl', apk: 'curl', yum: 'curl' },
  wget: { apt: 'wget', apk: 'wget', yum: 'wget' },
  bash: { apt: 'bash', apk: 'bash', yum: 'bash' },
  git: { apt: 'git', apk: 'git', yum: 'git' },
  make: { apt: 'make', apk: 'make', yum: 'make' },
  nc: { apt: 'netcat-openbsd', apk: 'netcat-openbsd', yum: 'nmap-ncat' },
};
