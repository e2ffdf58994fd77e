// The configuration official images carry (ENV, WORKDIR, USER, CMD, ENTRYPOINT) and the programs on
// their PATH, as data. A converted file must keep the configuration its original inherited, and a
// command replayed in the runtime stage must find its program there.
// Sources: the docker-library Dockerfiles of each image (ENV/WORKDIR/CMD lines), buildpack-deps for
// what the full (non-slim) variants add, GoogleContainerTools/distroless for the distroless images.
import { GCC_LOADER_CONF, GCC_LOADER_CONF_OLD } from './cpp.js';
import { imageName, parseImage } from '../images.js';
import { DEBIAN_MINBASE_TOOLS } from './debian-minbase-tools.js';

/** What dfsplit knows about one image: configuration and programs. */
export interface ImageConfig {
  /** Environment the image sets, toolchain metadata (`*_VERSION`, checksums, keys) left out. */
  env: Readonly<Record<string, string>>;
  workdir: string;
  user: string;
  cmd: readonly string[] | null;
  entrypoint: readonly string[] | null;
  /** Programs on PATH (names only). */
  tools: ReadonlySet<string>;
  /** Users that exist (besides root). */
  users: readonly string[];
  /** True when the image's own command serves what is copied into its working directory (php:*-apache, php:*-fpm). */
  serves: boolean;
  /** Files and directories of the image itself that a runtime stage may copy from a builder on it. */
  provides: readonly string[];
  /**
   * Set when the ENTRYPOINT only wraps: it ends in `exec "$@"`, so the container runs CMD (or the
   * `docker run` arguments) as given, in the same working directory, after setup the program does not
   * depend on; `unsets` are variables it removes from the program's environment.
   */
  wraps: { unsets: readonly string[] } | null;
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What buildpack-deps (the base of the full python, node, ruby, golang, rust, gcc, openjdk images) adds to Debian. */
const BUILDPACK_TOOLS = [
  'curl', 'wget', 'gpg', 'gpgv', 'dirmngr', 'git', 'hg', 'svn', 'bzr', 'ssh', 'scp', 'sftp', 'ssh-keygen', 'openssl',
  'gcc', 'g++', 'cc', 'c++', 'cpp', 'make', 'patch', 'autoconf', 'automake', 'autoreconf', 'libtool', 'libtoolize', 'pkg-config', 'file',
  'unzip', 'xz', 'unxz', 'bzip2', 'bunzip2', 'ps', 'top', 'pkill', 'pgrep', 'kill', 'free', 'ld', 'as', 'ar', 'strip', 'nm', 'objdump', 'readelf',
];
const PYTHON_TOOLS = ['python', 'python3', 'pip', 'pip3', 'pydoc', 'pydoc3', 'idle', 'idle3', 'python3-config'];
const NODE_TOOLS = ['node', 'nodejs', 'npm', 'npx', 'yarn', 'yarnpkg', 'corepack', 'docker-entrypoint.sh'];
const RUBY_TOOLS = ['ruby', 'gem', 'bundle', 'bundler', 'irb', 'erb', 'rake', 'rdoc', 'ri'];
const JAVA_TOOLS = ['java', 'keytool'];
/** buildpack-deps:<release>-curl and -scm (the bases of openjdk's jre and jdk tags) */
const BUILDPACK_CURL = ['curl', 'wget', 'gpg', 'gpgv', 'dirmngr'];
const BUILDPACK_SCM = [...BUILDPACK_CURL, 'git', 'hg', 'svn', 'bzr', 'ssh', 'scp', 'sftp', 'ssh-keygen', 'ps', 'top', 'pkill', 'pgrep', 'kill', 'free'];
const JDK_TOOLS = [...JAVA_TOOLS, 'javac', 'jar', 'javadoc', 'jshell', 'jlink', 'jdeps'];

interface Entry {
  /** Matches the image name (registry included for non-Hub images). */
  name: RegExp;
  /** Matches the tag; absent: every tag. */
  tag?: RegExp;
  env?: Record<string, string>;
  workdir?: string;
  user?: string;
  cmd: string[] | null;
  entrypoint?: string[] | null;
  /** Debian minbase programs are present. */
  debian: boolean;
  tools: string[];
  users?: string[];
  serves?: boolean;
  /** Files and directories of the image itself that a runtime stage may copy from a builder on it. */
  provides?: string[];
  /** The ENTRYPOINT only wraps (see ImageConfig.wraps). */
  wraps?: { unsets: string[] };
}

// ENTRYPOINTs that only wrap (checked in the images' sources):
// - eclipse-temurin's /__cacert_entrypoint.sh (adoptium/containers): imports CA certificates only when
//   USE_SYSTEM_CA_CERTS is set, exports JRE_CACERTS_PATH, then `exec "$@"`;
// - maven's mvn-entrypoint.sh (carlossg/docker-maven): copies /usr/share/maven/ref into $MAVEN_CONFIG
//   (~/.m2; a line on stdout when it cannot write there), unsets MAVEN_CONFIG, cd's back, `exec "$@"`.
// node's docker-entrypoint.sh is not one: it puts `node` in front of arguments that are no command.
const TEMURIN_WRAPS = { unsets: [] };
const MAVEN_WRAPS = { unsets: ['MAVEN_CONFIG'] };
const MAVEN_ENV = { MAVEN_HOME: '/usr/share/maven', MAVEN_CONFIG: '/root/.m2' };

const SLIM = /(^|-)slim(-|$)/;
const FULL = /^(?!.*(^|-)(slim|alpine))/;

/** First match wins: the slim rows come before the full ones. */
const DOTNET_SDK_ENV = { DOTNET_GENERATE_ASPNET_CERTIFICATE: 'false', DOTNET_NOLOGO: 'true', DOTNET_USE_POLLING_FILE_WATCHER: 'true', NUGET_XMLDOC_MODE: 'skip' };
const DOTNET_SDK_TOOLS = ['dotnet', 'git', 'curl', 'wget', 'pwsh'];

const TABLE: Entry[] = [
  { name: /^(debian|ubuntu)$/, cmd: ['bash'], debian: true, tools: [] },
  { name: /^buildpack-deps$/, cmd: ['bash'], debian: true, tools: BUILDPACK_TOOLS },
  { name: /^python$/, tag: SLIM, env: { PATH: `/usr/local/bin:${DEFAULT_PATH}`, LANG: 'C.UTF-8' }, cmd: ['python3'], debian: true, tools: PYTHON_TOOLS },
  { name: /^python$/, tag: FULL, env: { PATH: `/usr/local/bin:${DEFAULT_PATH}`, LANG: 'C.UTF-8' }, cmd: ['python3'], debian: true, tools: [...BUILDPACK_TOOLS, ...PYTHON_TOOLS] },
  { name: /^node$/, tag: SLIM, cmd: ['node'], entrypoint: ['docker-entrypoint.sh'], debian: true, tools: NODE_TOOLS, users: ['node'] },
  { name: /^node$/, tag: FULL, cmd: ['node'], entrypoint: ['docker-entrypoint.sh'], debian: true, tools: [...BUILDPACK_TOOLS, ...NODE_TOOLS], users: ['node'] },
  { name: /^ruby$/, tag: SLIM, env: RUBY_ENV(), cmd: ['irb'], debian: true, tools: RUBY_TOOLS },
  { name: /^ruby$/, tag: FULL, env: RUBY_ENV(), cmd: ['irb'], debian: true, tools: [...BUILDPACK_TOOLS, ...RUBY_TOOLS] },
  // php: cli (the bare version tags), apache and fpm, on Debian and Alpine (docker-library/php)
  { name: /^php$/, tag: /(^|-)apache(-|$)/, ...PHP('apache', false) },
  { name: /^php$/, tag: /^(?=.*(^|-)fpm(-|$))(?=.*alpine)/, ...PHP('fpm', true) },
  { name: /^php$/, tag: /(^|-)fpm(-|$)/, ...PHP('fpm', false) },
  { name: /^php$/, tag: /alpine/, ...PHP('cli', true) },
  { name: /^php$/, ...PHP('cli', false) },
  // composer: php:8-alpine + /usr/bin/composer (a phar) and the VCS/archive tools it drives (composer/docker)
  { name: /^composer$/, ...PHP('cli', true), env: { ...PHP('cli', true).env, COMPOSER_ALLOW_SUPERUSER: '1', COMPOSER_HOME: '/tmp' }, workdir: '/app', cmd: ['composer'], entrypoint: ['/docker-entrypoint.sh'],
    tools: [...PHP('cli', true).tools, 'composer', 'bash', 'git', 'make', 'patch', 'ssh', 'svn', 'hg', 'tini', 'unzip', 'zip', '7z'] },
  { name: /^golang$/, tag: FULL, env: { GOPATH: '/go', PATH: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}` }, workdir: '/go', cmd: ['bash'], debian: true, tools: [...BUILDPACK_TOOLS, 'go', 'gofmt'] },
  { name: /^rust$/, tag: SLIM, env: RUST_ENV(), cmd: ['bash'], debian: true, tools: ['cargo', 'rustc', 'rustup', 'rustdoc', 'gcc', 'cc'] },
  { name: /^rust$/, tag: FULL, env: RUST_ENV(), cmd: ['bash'], debian: true, tools: [...BUILDPACK_TOOLS, 'cargo', 'rustc', 'rustup', 'rustdoc'] },
  { name: /^gcc$/, tag: FULL, cmd: ['bash'], debian: true, tools: [...BUILDPACK_TOOLS, 'gfortran', 'go'], provides: ['/usr/local/lib64', GCC_LOADER_CONF, GCC_LOADER_CONF_OLD] },
  { name: /^eclipse-temurin$/, tag: /^(?!.*alpine).*jre/, env: JAVA_ENV(), cmd: null, entrypoint: ['/__cacert_entrypoint.sh'], wraps: TEMURIN_WRAPS, debian: true, tools: [...JAVA_TOOLS, 'curl', 'wget', 'gpg'] },
  { name: /^eclipse-temurin$/, tag: FULL, env: JAVA_ENV(), cmd: ['jshell'], entrypoint: ['/__cacert_entrypoint.sh'], wraps: TEMURIN_WRAPS, debian: true, tools: [...JDK_TOOLS, 'curl', 'wget', 'gpg'] },
  // maven:<maven>-jdk-<8|11>[-slim] and -openjdk-<8|11>[-slim] are built FROM openjdk:<java>-jdk[-slim] (Debian)
  ...['8', '11'].map((java): Entry => ({ name: /^maven$/, tag: new RegExp(`^[\\d.]*-?(open)?jdk-${java}(-slim)?$`), ...OPENJDK_DEBIAN(java), env: { ...OPENJDK_DEBIAN(java).env, ...MAVEN_ENV }, cmd: ['mvn'], entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], wraps: MAVEN_WRAPS, tools: [...JDK_TOOLS, ...BUILDPACK_SCM, 'mvn'] })),
  { name: /^maven$/, tag: /^(latest|[\d.]+|[\d.]+-eclipse-temurin-\d+(-(jammy|focal|noble))?)$/, env: { ...JAVA_ENV(), ...MAVEN_ENV }, cmd: ['mvn'], entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], wraps: MAVEN_WRAPS, debian: true, tools: [...JDK_TOOLS, 'mvn', 'curl', 'wget', 'git', 'ssh'] },
  // gradle:[<gradle>-]jdk<java>[-jammy|-focal|-noble] (gradle/docker-gradle): eclipse-temurin's JDK with Gradle in
  // /opt/gradle, a gradle user, WORKDIR /home/gradle, USER root again at the end, temurin's ENTRYPOINT kept
  { name: /^gradle$/, tag: /^(\d[\d.]*-)?jdk\d+(-jammy|-focal|-noble)?$/, env: { ...JAVA_ENV(), GRADLE_HOME: '/opt/gradle' }, workdir: '/home/gradle', cmd: ['gradle'], entrypoint: ['/__cacert_entrypoint.sh'], wraps: TEMURIN_WRAPS,
    debian: true, tools: [...JDK_TOOLS, 'gradle', 'curl', 'wget', 'git', 'git-lfs', 'hg', 'svn', 'brz', 'ssh', 'make', 'unzip'], users: ['gradle'] },
  // openjdk (docker-library/openjdk, deprecated): Debian-based 8 and 11 in /usr/local/openjdk-<java>; jre tags are
  // built on buildpack-deps:*-curl, jdk tags on buildpack-deps:*-scm, -slim ones on debian:*-slim
  ...['8', '11'].flatMap((java): Entry[] => [
    { name: /^openjdk$/, tag: new RegExp(`^${java}(u\\d+|\\.[\\d.]+)?-jre-slim(-(stretch|buster|bullseye))?$`), ...OPENJDK_DEBIAN(java), cmd: ['bash'], tools: JAVA_TOOLS },
    { name: /^openjdk$/, tag: new RegExp(`^${java}(u\\d+|\\.[\\d.]+)?-jre(-(stretch|buster|bullseye))?$`), ...OPENJDK_DEBIAN(java), cmd: ['bash'], tools: [...JAVA_TOOLS, ...BUILDPACK_CURL] },
    { name: /^openjdk$/, tag: new RegExp(`^${java}(u\\d+|\\.[\\d.]+)?(-jdk)?-slim(-(stretch|buster|bullseye))?$`), ...OPENJDK_DEBIAN(java) },
    { name: /^openjdk$/, tag: new RegExp(`^${java}(u\\d+|\\.[\\d.]+)?(-jdk)?(-(stretch|buster|bullseye))?$`), ...OPENJDK_DEBIAN(java), tools: [...JDK_TOOLS, ...BUILDPACK_SCM] },
  ]),
  // java (docker-library/java, replaced by openjdk in 2017): Debian's openjdk packages on buildpack-deps:*-curl (jre)
  // and *-scm (jdk); JAVA_HOME differs between the two (.../jre), java is on PATH through /usr/bin
  { name: /^java$/, tag: /^(openjdk-)?[78](u\d+)?-jre$/, env: { LANG: 'C.UTF-8' }, cmd: ['bash'], debian: true, tools: [...JAVA_TOOLS, ...BUILDPACK_CURL] },
  { name: /^java$/, tag: /^(openjdk-)?[78](u\d+)?(-jdk)?$|^(latest|jdk|openjdk-[78]-jdk)$/, env: { LANG: 'C.UTF-8' }, cmd: ['bash'], debian: true, tools: [...JDK_TOOLS, ...BUILDPACK_SCM] },
  // .NET (dotnet/dotnet-docker): runtime-deps sets the port and container flag, runtime and aspnet add their
  // versions (metadata), the SDK clears ASPNETCORE_URLS and quiets the CLI; all keep Debian's CMD bash
  { name: /^mcr\.microsoft\.com\/dotnet\/(runtime|aspnet)$/, tag: /^(6|7)\.0(?!.*alpine)/, env: { ASPNETCORE_URLS: 'http://+:80', DOTNET_RUNNING_IN_CONTAINER: 'true' }, cmd: ['bash'], debian: true, tools: ['dotnet'] },
  { name: /^mcr\.microsoft\.com\/dotnet\/(runtime|aspnet)$/, tag: /^\d+\.0(?!.*alpine)/, env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true' }, cmd: ['bash'], debian: true, tools: ['dotnet'], users: ['app'] },
  { name: /^mcr\.microsoft\.com\/dotnet\/sdk$/, tag: /^(6|7)\.0(?!.*alpine)/, env: { ASPNETCORE_URLS: '', DOTNET_RUNNING_IN_CONTAINER: 'true', ...DOTNET_SDK_ENV }, cmd: ['bash'], debian: true, tools: DOTNET_SDK_TOOLS },
  // 8.0 and later: no ASPNETCORE_URLS anywhere (only the 8.0 previews' SDK still emptied it)
  { name: /^mcr\.microsoft\.com\/dotnet\/sdk$/, tag: /^\d+\.0(?!.*alpine)/, env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', ...DOTNET_SDK_ENV }, cmd: ['bash'], debian: true, tools: DOTNET_SDK_TOOLS, users: ['app'] },
  // Alpine, 8.0 and later: the SDK turns globalization on again (ICU, tzdata installed); the `-extra` runtime
  // images have ICU and tzdata and leave it on, the plain ones set invariant mode; alpine's CMD /bin/sh
  { name: /^mcr\.microsoft\.com\/dotnet\/(runtime|aspnet)$/, tag: /^([89]|\d\d)\.0.*alpine.*-extra$/, env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true' }, cmd: ['/bin/sh'], debian: false, tools: ['dotnet'], users: ['app'] },
  { name: /^mcr\.microsoft\.com\/dotnet\/(runtime|aspnet)$/, tag: /^([89]|\d\d)\.0.*alpine/, env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: 'true' }, cmd: ['/bin/sh'], debian: false, tools: ['dotnet'], users: ['app'] },
  { name: /^mcr\.microsoft\.com\/dotnet\/sdk$/, tag: /^([89]|\d\d)\.0.*alpine/, env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: 'false', ...DOTNET_SDK_ENV }, cmd: ['/bin/sh'], debian: false, tools: ['dotnet', 'git', 'curl', 'pwsh'], users: ['app'] },
  { name: /^scratch$/, cmd: null, debian: false, tools: [] },
  { name: /^gcr\.io\/distroless\/(static|base|cc)(-debian\d+)?$/, env: { SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt' }, cmd: null, debian: false, tools: [], users: ['nonroot', 'nobody'] },
];

/** The official php image of a variant: its ENV, WORKDIR, CMD, ENTRYPOINT and programs. */
function PHP(variant: 'cli' | 'apache' | 'fpm', alpine: boolean): Omit<Entry, 'name' | 'tag'> {
  const phpizeDeps = alpine ? 'autoconf dpkg-dev dpkg file g++ gcc libc-dev make pkgconf re2c' : 'autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c';
  const env: Record<string, string> = {
    PHPIZE_DEPS: phpizeDeps, PHP_INI_DIR: '/usr/local/etc/php',
    ...(variant === 'apache' ? { APACHE_CONFDIR: '/etc/apache2', APACHE_ENVVARS: '/etc/apache2/envvars' } : {}),
    PHP_CFLAGS: '-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
    PHP_CPPFLAGS: '-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64', PHP_LDFLAGS: '-Wl,-O1 -pie',
  };
  const tools = [
    'php', 'pecl', 'pear', 'peardev', 'phpize', 'php-config', 'phpdbg', 'docker-php-entrypoint', 'docker-php-source',
    'docker-php-ext-configure', 'docker-php-ext-enable', 'docker-php-ext-install', 'curl', 'xz',
    // PHPIZE_DEPS stay installed in the Debian variants; Alpine's helpers add and remove them
    ...(alpine ? [] : ['gcc', 'g++', 'cc', 'c++', 'make', 'autoconf', 'pkg-config', 're2c', 'file']),
    ...(variant === 'apache' ? ['apache2-foreground', 'apache2', 'apache2ctl', 'apachectl', 'a2enmod', 'a2dismod', 'a2ensite', 'a2dissite', 'a2enconf', 'a2disconf'] : []),
    ...(variant === 'fpm' ? ['php-fpm'] : []),
  ];
  const cmd = variant === 'apache' ? ['apache2-foreground'] : variant === 'fpm' ? ['php-fpm'] : ['php', '-a'];
  return { env, workdir: variant === 'cli' ? '/' : '/var/www/html', cmd, entrypoint: ['docker-php-entrypoint'], debian: !alpine, tools, users: ['www-data'], serves: variant !== 'cli' };
}
function RUBY_ENV(): Record<string, string> {
  return { LANG: 'C.UTF-8', GEM_HOME: '/usr/local/bundle', BUNDLE_SILENCE_ROOT_WARNING: '1', BUNDLE_APP_CONFIG: '/usr/local/bundle', PATH: `/usr/local/bundle/bin:${DEFAULT_PATH}` };
}
function RUST_ENV(): Record<string, string> {
  return { RUSTUP_HOME: '/usr/local/rustup', CARGO_HOME: '/usr/local/cargo', PATH: `/usr/local/cargo/bin:${DEFAULT_PATH}` };
}
/** openjdk:<java> on Debian (also the base of maven:*-jdk-<java>): JAVA_HOME is per version, CMD jshell (11) or bash (8). */
function OPENJDK_DEBIAN(java: string): Omit<Entry, 'name' | 'tag'> {
  return { env: { JAVA_HOME: `/usr/local/openjdk-${java}`, PATH: `/usr/local/openjdk-${java}/bin:${DEFAULT_PATH}`, LANG: 'C.UTF-8' }, cmd: java === '8' ? ['bash'] : ['jshell'], debian: true, tools: JDK_TOOLS };
}
function JAVA_ENV(): Record<string, string> {
  return { JAVA_HOME: '/opt/java/openjdk', PATH: `/opt/java/openjdk/bin:${DEFAULT_PATH}`, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en', LC_ALL: 'en_US.UTF-8' };
}

/** The configuration of an image dfsplit knows, or null (then nothing about it is assumed). */
export function imageConfig(image: string): ImageConfig | null {
  // asked several times per conversion for the same few images, and across a tree for the same popular
  // ones; results are read-only. Bounded: cleared when full
  const hit = known.get(image);
  if (hit !== undefined) return hit;
  const config = lookUp(image);
  if (known.size >= 4096) known.clear();
  known.set(image, config === null ? null : Object.freeze(config));
  return config;
}

const known = new Map<string, ImageConfig | null>();

function lookUp(image: string): ImageConfig | null {
  const name = imageName(image);
  const tag = parseImage(image).tag ?? 'latest';
  const e = TABLE.find((x) => x.name.test(name) && (!x.tag || x.tag.test(tag)));
  if (!e) return null;
  const tools = new Set([...(e.debian ? DEBIAN_MINBASE_TOOLS : []), ...e.tools]);
  const user = /:nonroot$/.test(image) ? 'nonroot' : e.user ?? '';
  return { env: { PATH: DEFAULT_PATH, ...e.env }, workdir: e.workdir ?? (user === 'nonroot' ? '/home/nonroot' : '/'), user, cmd: e.cmd, entrypoint: e.entrypoint ?? null, tools, users: e.users ?? [], serves: e.serves ?? false, provides: e.provides ?? [], wraps: e.wraps ?? null };
}

/** Environment keys that only describe the toolchain's own version or download, never the program's. */
export const METADATA_ENV = /(_VERSION|_SHA256|_SHA512|_SHA1|_MD5|_DOWNLOAD_URL|_DOWNLOAD_SHA\d*|_URL)$|^(GPG_KEYS?|GPG_KEY_\w+|GOTOOLCHAIN)$/;
