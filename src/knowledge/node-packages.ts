// npm packages with native parts, for the node preset: which need system libraries at run time (a full
// `node:` image has them from buildpack-deps, the slim one does not) and which are self-contained
// (prebuilt binaries or statically linked sources). The -dev packages whose runtime packages they load, named
// for the image's release through src/knowledge/runtime-packages.ts. Sources: each package's
// install documentation and the libraries its built module links (`ldd build/Release/*.node`).
import type { RuntimeLibs } from './compiled-packages.js';

/** Native npm packages that load system libraries: the -dev packages of those libraries (or a package every release names alike). */
export const NODE_NATIVE_LIBS: Readonly<Record<string, RuntimeLibs>> = {
  'pg-native': { apt: ['libpq-dev'], apk: ['postgresql-dev'] },
  libpq: { apt: ['libpq-dev'], apk: ['postgresql-dev'] },
  canvas: { apt: ['libcairo2-dev', 'libpango1.0-dev', 'libjpeg62-turbo-dev', 'libgif-dev', 'librsvg2-dev'], apk: ['cairo-dev', 'pango-dev', 'libjpeg-turbo-dev', 'giflib-dev', 'librsvg-dev'] },
  'node-rdkafka': { apt: ['librdkafka-dev'], apk: ['librdkafka-dev'] },
  'odbc': { apt: ['unixodbc'], apk: ['unixodbc'] },
  'zeromq': { apt: ['libzmq3-dev'], apk: ['zeromq-dev'] },
  'gssapi.js': { apt: ['libkrb5-dev'], apk: ['krb5-dev'] },
  kerberos: { apt: ['libkrb5-dev'], apk: ['krb5-dev'] },
  // PhantomJS's prebuilt binary loads libfontconfig.so.1 (and through it libfreetype.so.6; its download page:
  // "requires fontconfig and freetype"), and phantomjs-prebuilt's install unpacks its .tar.bz2 with tar's bzip2
  // (a repeated `npm install -g` on node's slim variant fails without it); names every release shares
  'phantomjs-prebuilt': { apt: ['libfontconfig1', 'bzip2'], apk: ['fontconfig'] },
  phantomjs: { apt: ['libfontconfig1', 'bzip2'], apk: ['fontconfig'] },
  // packages that depend on phantomjs-prebuilt and run its binary: webshot (lightning's screenshots;
  // review-2026-12-06i), html-pdf, phantom
  // lambda-audio bundles a sox binary linked against libgomp.so.1 (GCC's OpenMP runtime), which the full image has
  // through gcc and the slim one lacks (hoya-mp3; review-2026-12-06j, readelf of the bundled bin/sox)
  'lambda-audio': { apt: ['libgomp1'], apk: ['libgomp'] },
  webshot: { apt: ['libfontconfig1', 'bzip2'], apk: ['fontconfig'] },
  'html-pdf': { apt: ['libfontconfig1', 'bzip2'], apk: ['fontconfig'] },
  phantom: { apt: ['libfontconfig1', 'bzip2'], apk: ['fontconfig'] },
  // highcharts-export-server renders with phantomjs-prebuilt's binary, and so does detectjs (review fullnode-2026-12-07e:
  // both copied onto a slim tag without libfontconfig)
  'highcharts-export-server': { apt: ['libfontconfig1', 'bzip2'], apk: ['fontconfig'] },
  detectjs: { apt: ['libfontconfig1', 'bzip2'], apk: ['fontconfig'] },
  // Elm's compilers (elm 0.19's `elm`, 0.18's `elm-make` and `elm-package`) are Haskell binaries that download
  // packages over HTTPS when they compile, trusting the system's store in /etc/ssl/certs (Node's bundled CAs
  // do not count); node's slim variant has no ca-certificates (review-2026-12-06b: cape-cod-coastal-planner)
  elm: { apt: ['ca-certificates'], apk: ['ca-certificates'] },
};

/**
 * Native npm packages that need nothing from the system at run time beyond glibc and libstdc++ (the
 * slim image has both): prebuilt binaries, bundled sources, or install scripts that build nothing.
 */
export const NODE_SELF_CONTAINED: ReadonlySet<string> = new Set([
  'bcrypt',
  'argon2',
  'sqlite3',
  'better-sqlite3',
  'sharp',
  'node-sass',
  'libxmljs',
  'libxmljs2',
  'esbuild',
  '@swc/core',
  'fsevents',
  'bufferutil',
  'utf-8-validate',
  'deasync',
  'iconv',
  'microtime',
  'leveldown',
  'classic-level',
  'lmdb',
  'msgpackr-extract',
  'cpu-features',
  'ssh2',
  're2',
  'farmhash',
  'xxhash-addon',
  'node-expat',
  'isolated-vm',
  'unix-dgram',
  'segfault-handler',
  'heapdump',
  'ref-napi',
  'ffi-napi',
  // install scripts that only print or fetch JavaScript
  'core-js',
  'core-js-pure',
  'protobufjs',
  'nodemon',
  'husky',
  'es5-ext',
  'styled-components',
  'spawn-sync',
  'ejs',
  'yarn',
  'nice-napi',
  '@prisma/client',
  'prisma',
  '@prisma/engines',
]);

/** Commands an npm script or CMD may start, and the package that provides each (when it is not the same name). */
export const NODE_BINARIES: Readonly<Record<string, string>> = {
  tsc: 'typescript',
  'ts-node': 'ts-node',
  'ts-node-dev': 'ts-node-dev',
  tsx: 'tsx',
  'babel-node': '@babel/node',
  nodemon: 'nodemon',
  next: 'next',
  nuxt: 'nuxt',
  vite: 'vite',
  'react-scripts': 'react-scripts',
  ng: '@angular/cli',
  nest: '@nestjs/cli',
  webpack: 'webpack',
  'webpack-dev-server': 'webpack-dev-server',
  pm2: 'pm2',
  'pm2-runtime': 'pm2',
  serve: 'serve',
  'http-server': 'http-server',
  concurrently: 'concurrently',
  'cross-env': 'cross-env',
  'node-dev': 'node-dev',
  forever: 'forever',
  gatsby: 'gatsby',
  remix: '@remix-run/dev',
};

/**
 * npm's global prefix (packages in PREFIX/lib/node_modules, their programs linked into PREFIX/bin) by the way a file
 * installs node on a distribution's own image, first match wins (`installs`: what the file's text shows; `packages`:
 * one of them installed by the package manager, none asked when empty; `unless`: what rules the way out). npm's
 * default prefix is the directory above the node binary: /usr for NodeSource's `nodejs` package and Alpine's, whose
 * node is /usr/bin/node; /usr/local for the nodejs.org tarball unpacked there. Debian's and Ubuntu's own `npm`
 * package sets prefix=/usr/local in its builtin npmrc, keeping global installs out of what dpkg owns.
 * https://docs.npmjs.com/cli/configuring-npm/folders  https://github.com/nodesource/distributions
 * https://sources.debian.org/src/npm/ (debian/npmrc)
 */
export const NPM_GLOBAL_PREFIXES: readonly { distributions: readonly string[]; installs: RegExp; packages: readonly string[]; unless?: RegExp; prefix: string }[] = [
  { distributions: ['debian', 'ubuntu'], installs: /\bdeb\.nodesource\.com\b|\bnodesource\.gpg\b/, packages: ['nodejs'], prefix: '/usr' },
  { distributions: ['debian', 'ubuntu'], installs: /\bnode-v[\w.$\-{}]*linux[\w.$\-{}]*\.tar\b[^\n]*(\n[^\n]*)?-C \/usr\/local\b/, packages: [], unless: /\bapt(-get)? (-\S+ )*install\b[^\n]*\bnodejs\b/, prefix: '/usr/local' },
  { distributions: ['debian', 'ubuntu'], installs: /\bnpm\b/, packages: ['npm'], unless: /nodesource/, prefix: '/usr/local' },
  { distributions: ['alpine'], installs: /\bnodejs\b/, packages: ['nodejs', 'nodejs-npm', 'npm', 'nodejs-current'], prefix: '/usr' },
];

/**
 * Static file servers installed from npm that serve one directory and read nothing else of the project: the directory
 * is their one positional argument (none given, they serve the working directory or `./public`, the project itself).
 * `valueOptions` take the next word; `flags` take none (or `true`/`false`, which npm's option parsers read as the
 * flag's value); any other option leaves the served directory untold. http-server reads only files under its root;
 * serve reads its configuration, serve.json, from the served directory itself.
 * https://github.com/http-party/http-server#available-options  https://github.com/vercel/serve#usage
 */
export const STATIC_FILE_SERVERS: Readonly<Record<string, { package: string; valueOptions: readonly string[]; flags: readonly string[] }>> = {
  'http-server': {
    package: 'http-server',
    valueOptions: ['-p', '--port', '-a', '-c', '-e', '--ext', '-P', '--proxy', '-t', '--timeout', '-C', '--cert', '-K', '--key', '--username', '--password', '--log-ip'],
    flags: ['-s', '--silent', '-g', '--gzip', '-b', '--brotli', '-S', '--ssl', '--tls', '--cors', '-d', '-i', '--no-dotfiles', '-r', '--robots', '-U', '--utc', '-v', '--version'],
  },
  serve: {
    package: 'serve',
    valueOptions: ['-l', '--listen', '-p', '--port', '-c', '--config', '--ssl-cert', '--ssl-key', '--ssl-pass'],
    flags: ['-s', '--single', '-d', '--debug', '-n', '--no-clipboard', '-u', '--no-compression', '--no-etag', '-S', '--symlinks', '-C', '--cors', '--no-port-switching'],
  },
};

/**
 * npm packages whose program installs more packages with npm when it runs: homebridge's images install the plugins
 * their configuration names at start, Node-RED installs the nodes of its palette; those compile native addons with
 * the build tools the original image kept, which a copy of the package leaves behind, and no build shows it (review
 * moved-2026-12-07d: a homebridge image whose copied global install lost make, g++ and git).
 */
export const NPM_INSTALLS_AT_RUN_TIME: readonly string[] = ['homebridge', 'node-red'];
