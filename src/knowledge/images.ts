// Everything dfsplit knows about base images, in one table: C library, shell, package manager,
// distribution and release, the smaller image to run on, the configuration (ENV, WORKDIR, USER, CMD,
// ENTRYPOINT, programs on PATH), and an approximate size (SIZES: linux/amd64, recent releases). The functions
// in src/images.ts and src/knowledge/image-config.ts answer questions from it; no other module names an image family.
// Sources: the docker-library Dockerfiles and published tag lists of each image (ENV/WORKDIR/CMD lines, where
// `slim` goes in a tag), buildpack-deps for what the full (non-slim) variants add,
// GoogleContainerTools/distroless for the distroless images, dotnet/dotnet-docker for .NET.
import type { PackageManager } from '../analyze/tables.js';
import { ALPINE_TOOLS } from './alpine-tools.js';
import { DEBIAN_VERSIONS, UBUNTU_VERSIONS, type Distribution } from './releases.js';

export type Libc = 'glibc' | 'musl' | 'none' | 'unknown';
export type { Distribution } from './releases.js';
/** Why no .NET runtime image can be named for an SDK tag. */
export type DotnetImageMiss = 'unknown' | 'alpine-globalization';

/** The loader configuration that puts /usr/local/lib64 first in the gcc image (gcc 8 and later, and every release-named tag). */
export const GCC_LOADER_CONF = '/etc/ld.so.conf.d/000-local-lib.conf';
/** Its name in the gcc images of gcc 7 and older. */
export const GCC_LOADER_CONF_OLD = '/etc/ld.so.conf.d/local-lib64.conf';

/**
 * Where an official image family puts `slim` in its tags: python, ruby and perl before the Debian release
 * (`3.6-slim-stretch`), node after it (`8-stretch-slim`), openjdk after the jdk/jre kind (`8-jre-slim`, none
 * with a release). Tags that never had a slim variant (`-onbuild`, wheezy-era releases) match `none`.
 */
interface SlimGrammar {
  release: 'slim-release' | 'release-slim' | 'none';
  none: RegExp;
}

/** The configuration of an image (see ImageConfig in image-config.ts for what each field means). */
export interface ConfigFacts {
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
  /** The image's command serves a site of its own (wordpress, drupal): a file that sets no command runs that site. */
  site?: boolean;
  provides?: string[];
  wraps?: { unsets: string[] };
}

/**
 * One row of the table. A row applies to an image when its repository (the path without registry, `library/`
 * left out) and its tag (`latest` when none is written) match; each question takes its answer from the first
 * row that applies and states it, so tag-specific rows come before their family's row.
 */
export interface ImageRow {
  /** A repository, a pattern for a family of them, or null for every image (rules on tags alone). */
  repository: string | RegExp | null;
  /**
   * Without it a row holds for the repository on every registry (a mirror's `python` is taken for the
   * official image), except its configuration, which holds on Docker Hub only; null: no registry written.
   */
  registry?: string | null;
  tag?: RegExp;
  libc?: Libc;
  /** Whether /bin/sh exists (answer when no row says: yes). */
  shell?: boolean;
  packageManager?: PackageManager | null;
  distribution?: Distribution;
  /**
   * The distribution release the tag names (`$2`: the match groups of the row's tag): a Debian or Ubuntu codename,
   * an Alpine branch (`3.9`); or null: the tag fixes none.
   */
  release?: string | null;
  /**
   * Whether its library packages have Debian 12's names (Debian 12, images built on it, and Ubuntu 22.04, whose
   * names are the same); `since`: the first version (major + minor/1000) of the family built on Debian 12.
   */
  debian12?: boolean | { since: number };
  /** The image is a distribution's own base image (nothing installed beyond the distribution). */
  distributionImage?: boolean;
  /**
   * The smaller image its programs run on: `image` (the tag's match groups as `$1`, `$&`), the family's slim
   * grammar, or null for none.
   */
  slim?: { image: string } | SlimGrammar | null;
  /** The full tags are built on buildpack-deps: they ship curl, wget and git (the slim ones do not). */
  buildpack?: boolean;
  /** The image has a C compiler. */
  compilers?: boolean;
  /** An empty image: no files at all (no environment to inherit). */
  empty?: boolean;
  /** The JRE image of the same Java version and vendor (`$1`: the tag's match groups), or why none is known. */
  jre?: { image: string } | { why: string };
  /**
   * Whether every tag the row matches carries the CA certificate bundle (`/etc/ssl/certs/ca-certificates.crt`, the
   * ca-certificates package) and the time zone database (`/usr/share/zoneinfo`, tzdata): true when it does, false
   * when some or all of its tags do not. A program moved from an image that has them onto one that may not loses
   * every HTTPS call or every time zone; the plan copies them (src/runtime-contract.ts, imageFilesToCopy).
   */
  caCertificates?: boolean;
  zoneinfo?: boolean;
  /**
   * False when `pip wheel` cannot build wheels on the image as it ships: the pip of the Python 3.4-era images
   * (3.0 to 3.4, and 2.7 before 2.7.10) runs without the `wheel` package ("'pip wheel' requires the 'wheel' package").
   */
  pipWheel?: boolean;
  /**
   * The first year in which a tag of this row last listed has the `wheel` package although `pipWheel` is false for
   * the row: its image was rebuilt after the library started installing it (docker-library/python dc016eb5,
   * 2017-04-07, installs `wheel` in every 3.x image; `python:3.4` was rebuilt until 2019, `python:3.4.1` never).
   */
  pipWheelRebuiltFrom?: number;
  /**
   * The Debian release on whose builds the row's images ran pip without the `wheel` package, though they have it
   * now: docker-library/python dc016eb5 (2017-04-07) installed it in every 3.x image, all of them built on jessie
   * until then. A tag built on that release once (the tag table's earlier releases) has it today, but a file
   * written then did not, and an image cached from then still does not (src/images.ts, `pipWheelMissingOn`).
   */
  pipWheelMissingOn?: string;
  /**
   * The first Alpine release (`3.16`) whose image of this row carries /etc/nsswitch.conf (`hosts: files dns`), which
   * Go's own resolver reads: without it, it asks DNS before /etc/hosts. alpine has it from 3.16 on; the golang image's
   * Alpine tags write it from their alpine3.8 builds on (docker-library/golang, "Add nsswitch.conf to Alpine images
   * for netgo", May 2018; dropped from 3.17 on, where alpine carries it). `unknownFrom`: the first release whose images
   * may or may not have it (golang's alpine3.6 and alpine3.7 tags were built both before and after that change).
   */
  nsswitch?: { since: string; unknownFrom?: string };
  /** A headless Java image (openjdk's -slim tags: the JDK without AWT's X11 libraries): not for GUI programs. */
  headless?: boolean;
  /**
   * The official php image the row's images are built on (`php:$2-apache`: the groups of its tag), whose facts
   * (extension directory, conf.d, PHP_INI_DIR, helpers) they keep; `php` without a tag when the tag does not say
   * which PHP version (it moved from one to the next). Asked through src/images.ts `phpImageOf`.
   */
  php?: string;
  /** The .NET runtime image of an SDK tag (`{kind}`: aspnet or runtime), or why none can be named. */
  dotnetRuntime?: { image: string } | { miss: DotnetImageMiss };
  /**
   * The image's approximate uncompressed size in MB (linux/amd64, recent releases: older ones differ), for what a
   * conversion saves (`saves.size`); null: no estimate. Only the rows of SIZES below state it.
   */
  sizeMB?: number | null;
  config?: ConfigFacts;
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Windows images, anywhere in the reference (`mcr.microsoft.com/windows/servercore`, `*-nanoserver-*`). */
export const WINDOWS_IMAGE = /(windows|nanoserver|servercore)/i;
/** A tag ending in a Debian release that a slim grammar moves the `slim` around (`3.6-stretch`, `3.6-jessie` -> `3.6-slim-jessie`). */
export const RELEASE_SUFFIX = /^(.*?)-(bookworm|bullseye|buster|stretch|jessie|trixie)$/;
/** The OS suffixes of eclipse-temurin tags and the Debian ones of openjdk tags, which the JRE tag repeats. */
const JAVA_OS = '(-(?:alpine|jammy|focal|noble|ubi9-minimal))?';
const JAVA_DEBIAN = '(-(?:stretch|buster|bullseye))?';
/** Tags that follow a family's newest release. */
export const NEWEST_TAG = /^latest$|^(slim|bookworm|current|lts)/;

/** The packages of tools a HEALTHCHECK or CMD may call that buildpack-deps installs: a runtime stage on a slim tag lacks them. */
export const BUILDPACK_PACKAGES: readonly string[] = ['curl', 'wget', 'git'];

/** What buildpack-deps (the base of the full python, node, ruby, golang, rust, gcc, openjdk images) adds to Debian. */
const BUILDPACK_TOOLS = [
  // dirmngr (of buildpack-deps:*-curl) depends on adduser, which trixie's minbase no longer has
  'adduser',
  'addgroup',
  'deluser',
  'delgroup',
  'curl',
  'wget',
  'gpg',
  'gpgv',
  'dirmngr',
  'git',
  'hg',
  'svn',
  'bzr',
  'ssh',
  'scp',
  'sftp',
  'ssh-keygen',
  'openssl',
  'gcc',
  'g++',
  'cc',
  'c++',
  'cpp',
  'make',
  'patch',
  'autoconf',
  'automake',
  'autoreconf',
  'libtool',
  'libtoolize',
  'pkg-config',
  'file',
  'unzip',
  'xz',
  'unxz',
  'bzip2',
  'bunzip2',
  'ps',
  'top',
  'pkill',
  'pgrep',
  'kill',
  'free',
  'ld',
  'as',
  'ar',
  'strip',
  'nm',
  'objdump',
  'readelf',
  // imagemagick, in every full buildpack-deps layer since 2015 (docker-library/buildpack-deps Dockerfile.template):
  // programs application code runs (goof's `exec('identify ' + url)`, easyimage's convert; review-2026-12-06i)
  'identify',
  'convert',
  'mogrify',
  'composite',
  'montage',
  'compare',
];
/**
 * The node image's npm global prefix: every variant (the full, -slim and Alpine tags) unpacks node's release tarball,
 * or installs its own build, into /usr/local, so `npm install -g` puts each package in /usr/local/lib/node_modules/<name>
 * and links its programs into /usr/local/bin from there (`../lib/node_modules/<name>/...`).
 * https://github.com/nodejs/docker-node (Dockerfile-debian.template, Dockerfile-slim.template, Dockerfile-alpine.template)
 */
export const NODE_GLOBAL_PREFIX = '/usr/local';
/** The packages node's own release puts in that prefix's lib/node_modules (npm, and corepack from node 14.19 and 16.9): a global install of one upgrades it in place. */
export const NODE_SHIPPED_PACKAGES: readonly string[] = ['npm', 'corepack'];
/**
 * The node image's LTS codename tags (`node:boron`, `carbon-slim`) and the major version each names: the codenames
 * of nodejs/Release (CODENAMES.md); `lts` and `latest` move and name none.
 */
export const NODE_CODENAMES: Readonly<Record<string, number>> = { argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24 };
/** The python image's scripts directory (pip's console scripts and the interpreter): the prefix both variants' Python was configured with. */
export const PYTHON_SCRIPTS_DIR = '/usr/local/bin';
/** The python image's own site-packages: `{python}` is the tag's version (src/images.ts pythonVersion). */
export const PYTHON_SITE_PACKAGES = '/usr/local/lib/python{python}/site-packages';
/** The python image's own directories a runtime stage copies (the python-site preset). */
export const PYTHON_OWN_PATHS = [PYTHON_SCRIPTS_DIR, PYTHON_SITE_PACKAGES];
const PYTHON_TOOLS = ['python', 'python3', 'pip', 'pip3', 'pydoc', 'pydoc3', 'idle', 'idle3', 'python3-config'];
const NODE_TOOLS = ['node', 'nodejs', 'npm', 'npx', 'yarn', 'yarnpkg', 'corepack', 'docker-entrypoint.sh'];
const RUBY_TOOLS = ['ruby', 'gem', 'bundle', 'bundler', 'irb', 'erb', 'rake', 'rdoc', 'ri'];
const JAVA_TOOLS = ['java', 'keytool'];
/** buildpack-deps:<release>-curl and -scm (the bases of openjdk's jre and jdk tags) */
const BUILDPACK_CURL = ['curl', 'wget', 'gpg', 'gpgv', 'dirmngr', 'adduser', 'addgroup', 'deluser', 'delgroup'];
const BUILDPACK_SCM = [...BUILDPACK_CURL, 'git', 'hg', 'svn', 'bzr', 'ssh', 'scp', 'sftp', 'ssh-keygen', 'ps', 'top', 'pkill', 'pgrep', 'kill', 'free'];
const JDK_TOOLS = [...JAVA_TOOLS, 'javac', 'jar', 'javadoc', 'jshell', 'jlink', 'jdeps'];

// ENTRYPOINTs that only wrap (checked in the images' sources):
// - eclipse-temurin's /__cacert_entrypoint.sh (adoptium/containers): imports CA certificates only when
//   USE_SYSTEM_CA_CERTS is set, exports JRE_CACERTS_PATH, then `exec "$@"`;
// - maven's mvn-entrypoint.sh (carlossg/docker-maven): copies /usr/share/maven/ref into $MAVEN_CONFIG
//   (~/.m2; a line on stdout when it cannot write there), unsets MAVEN_CONFIG, cd's back, `exec "$@"`.
// node's docker-entrypoint.sh is not one: it puts `node` in front of arguments that are no command.
const TEMURIN_WRAPS = { unsets: [] };
const MAVEN_WRAPS = { unsets: ['MAVEN_CONFIG'] };
const MAVEN_ENV = { MAVEN_HOME: '/usr/share/maven', MAVEN_CONFIG: '/root/.m2' };
/** maven's tags on Eclipse Temurin's JDK (Ubuntu): the bare Maven versions and `<maven>-eclipse-temurin-<java>[-<ubuntu>]`. */
const MAVEN_TEMURIN_TAG = /^(latest|[\d.]+|[\d.]+-eclipse-temurin-\d+(-(jammy|focal|noble))?)$/;
/** gradle:[<gradle>-]jdk<java>[-jammy|-focal|-noble], on Eclipse Temurin's JDK. */
const GRADLE_TEMURIN_TAG = /^(\d[\d.]*-)?jdk\d+(-jammy|-focal|-noble)?$/;
/**
 * The Gradle versions whose images were built on openjdk (gradle/docker-gradle until 2019-05-30, when 5.4.1 and
 * later moved to AdoptOpenJDK): 3.x, 4.x, 5.0 to 5.3 and 5.4.0 (the `5.4` alias was rebuilt on AdoptOpenJDK).
 */
const GRADLE_OPENJDK = '(?:[34](?:\\.\\d+)*|5\\.[0-3](?:\\.\\d+)*|5\\.4\\.0)';
/**
 * clojure's Alpine tags of Leiningen 2.6.1 to 2.9.1 (Quantisan/docker-clojure), all on Java 8: `lein-<v>-alpine`
 * (`FROM java:8-alpine`, then `openjdk:8[u92|u111]-alpine`, the same Alpine openjdk8 package), `openjdk-8-lein-<v>-alpine`,
 * and `alpine` (last listed in 2019; openjdk 11 had no Alpine variant). `$1`: the Leiningen version.
 */
const CLOJURE_LEIN_ALPINE = /^(?:openjdk-8-)?lein-(2\.[6-8]\.\d+|2\.9\.[01])-alpine$|^(?:openjdk-8-lein-)?alpine$/;

/**
 * Tags of Go versions no golang image of a Debian release newer than bookworm ever carried: docker-library/golang
 * added its trixie variants in August 2025, for Go 1.24 and 1.25, while 1.22 had been out of support since
 * February 2025. Such a tag's binaries were built on bookworm or an older release, whichever it was.
 */
export const GOLANG_BEFORE_TRIXIE = /^1\.([0-9]|1[0-9]|2[0-2])(\.\d+)*(rc\d+|beta\d+)?(-(?!trixie|alpine|windowsservercore|nanoserver)[\w.-]+)?$/;
export const GOLANG_BEFORE_TRIXIE_NEWEST = 'bookworm';

/** A slim tag (`20-bookworm-slim`, `slim`, `3.11-slim-bookworm`). */
export const SLIM = /(^|-)slim(-|$)/;
/** The golang tags of Go 1.3 to 1.9 (`1.8`, `1.9.2-stretch`, `1.8-onbuild`) and `onbuild`, whose last build was 1.8's (go-wrapper left with 1.10); and the Alpine ones among them. */
const GO_WRAPPER_TAGS = /^(1\.[3-9](\.\d+)*(-.*)?|onbuild)$/;
const GO_WRAPPER_TAGS_ALPINE = /^1\.[3-9](\.\d+)*-alpine/;
const FULL = /^(?!.*(^|-)(slim|alpine))/;

const DOTNET_SDK_ENV = { DOTNET_GENERATE_ASPNET_CERTIFICATE: 'false', DOTNET_NOLOGO: 'true', DOTNET_USE_POLLING_FILE_WATCHER: 'true', NUGET_XMLDOC_MODE: 'skip' };
const DOTNET_SDK_TOOLS = ['dotnet', 'git', 'curl', 'wget', 'pwsh'];

/** The official images on glibc with apt (Debian, Ubuntu and the images built on them). */
const GLIBC_APT = { libc: 'glibc', packageManager: 'apt' } as const;
const DEBIAN = { ...GLIBC_APT, distribution: 'debian' } as const;

/**
 * Approximate uncompressed sizes in MB (linux/amd64, recent releases; older releases differ, sometimes by a few
 * hundred MB), from the official images' published sizes, for the families and variants dfsplit writes as builder
 * and runtime. A conversion reports the two base images' sizes (`saves.size`); what a Dockerfile installs on top
 * is not counted. An image no row matches has no estimate: none is guessed.
 */
const SIZES: readonly ImageRow[] = [
  // no estimate for a tag dfsplit cannot read (a variable) or a Windows image
  { repository: null, tag: /\$|windows|nanoserver|servercore/, sizeMB: null },
  { repository: 'scratch', sizeMB: 0 },
  { repository: /^distroless\/static(-debian\d+)?$/, sizeMB: 2 },
  { repository: /^distroless\/base(-debian\d+)?$/, sizeMB: 20 },
  { repository: /^distroless\/cc(-debian\d+)?$/, sizeMB: 23 },
  { repository: 'busybox', sizeMB: 4 },
  { repository: 'alpine', sizeMB: 8 },
  { repository: 'debian', tag: SLIM, sizeMB: 75 },
  { repository: 'debian', sizeMB: 120 },
  { repository: 'ubuntu', sizeMB: 78 },
  ...SIZED('node', { full: 1100, slim: 200, alpine: 135 }),
  ...SIZED('python', { full: 1020, slim: 130, alpine: 55 }),
  ...SIZED('ruby', { full: 1000, slim: 220, alpine: 100 }),
  ...SIZED('golang', { full: 830, alpine: 250 }),
  ...SIZED('rust', { full: 1500, slim: 800, alpine: 850 }),
  ...SIZED('gcc', { full: 1400 }),
  { repository: 'php', tag: /alpine/, sizeMB: 95 },
  { repository: 'php', tag: /(^|-)apache(-|$)/, sizeMB: 500 },
  { repository: 'php', sizeMB: 480 },
  // Eclipse Temurin: the JDK and JRE on Ubuntu or Alpine (the UBI ones differ)
  { repository: 'eclipse-temurin', tag: /ubi/, sizeMB: null },
  { repository: 'eclipse-temurin', tag: /jre.*alpine/, sizeMB: 170 },
  { repository: 'eclipse-temurin', tag: /alpine/, sizeMB: 330 },
  { repository: 'eclipse-temurin', tag: /jre/, sizeMB: 270 },
  { repository: 'eclipse-temurin', sizeMB: 410 },
  // openjdk 8 and 11 on Debian (jre-slim, jre, jdk-slim, jdk) and 8 on Alpine; maven on them adds Maven (about 15 MB)
  ...(
    [
      ['8', [185, 270, 285, 510]],
      ['11', [220, 300, 420, 630]],
    ] as const
  ).flatMap(([java, [jreSlim, jre, jdkSlim, jdk]]): ImageRow[] => [
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jre', true), sizeMB: jreSlim },
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jre', false), sizeMB: jre },
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jdk', true), sizeMB: jdkSlim },
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jdk', false), sizeMB: jdk },
    { repository: 'maven', tag: MAVEN_OPENJDK_TAG(java, '-slim'), sizeMB: jdkSlim + 15 },
    { repository: 'maven', tag: MAVEN_OPENJDK_TAG(java, ''), sizeMB: jdk + 15 },
  ]),
  { repository: 'openjdk', tag: /^(8(u\d+)?-)?jre-alpine(3\.\d+)?$/, sizeMB: 85 },
  { repository: 'openjdk', tag: /^(8(u\d+)?(-jdk)?-)?alpine(3\.\d+)?$/, sizeMB: 105 },
  { repository: 'maven', tag: /^[\d.]+-jdk-8-alpine$/, sizeMB: 120 },
  // maven and gradle on Eclipse Temurin's JDK (Ubuntu); gradle adds Gradle and version-control tools
  { repository: 'maven', tag: MAVEN_TEMURIN_TAG, sizeMB: 480 },
  { repository: 'gradle', tag: GRADLE_TEMURIN_TAG, sizeMB: 700 },
  { repository: /^dotnet\/sdk$/, registry: 'mcr.microsoft.com', tag: /^([89]|\d\d)\.0(-bookworm-slim)?$/, sizeMB: 850 },
  { repository: /^dotnet\/aspnet$/, registry: 'mcr.microsoft.com', tag: /^([89]|\d\d)\.0(-bookworm-slim)?$/, sizeMB: 220 },
  { repository: /^dotnet\/runtime$/, registry: 'mcr.microsoft.com', tag: /^([89]|\d\d)\.0(-bookworm-slim)?$/, sizeMB: 195 },
];

/**
 * Official server images whose own command (CMD, inherited by a file that sets none) serves the files of one
 * directory: nginx (`nginx -g 'daemon off;'`) the files of /usr/share/nginx/html, httpd (`httpd-foreground`) those of
 * /usr/local/apache2/htdocs, tomcat (`catalina.sh run`) the web applications of /usr/local/tomcat/webapps. A file
 * FROM one of them that builds what it puts there is an application the inherited server runs, not a toolbox
 * (src/runtime-contract.ts). Docker Hub only; sources: docker-library nginx, httpd and tomcat Dockerfiles.
 */
export const SERVED_DIRECTORIES: readonly { repository: string; command: string; directory: string }[] = [
  { repository: 'nginx', command: "nginx -g 'daemon off;'", directory: '/usr/share/nginx/html' },
  { repository: 'httpd', command: 'httpd-foreground', directory: '/usr/local/apache2/htdocs' },
  { repository: 'tomcat', command: 'catalina.sh run', directory: '/usr/local/tomcat/webapps' },
];

export const IMAGES: readonly ImageRow[] = [
  // rules before any family's own row
  { repository: 'scratch', libc: 'none', shell: false, packageManager: null, caCertificates: false, zoneinfo: false, config: { cmd: null, debian: false, tools: [] } },
  // distroless static, base, cc and the language images all carry ca-certificates and tzdata (GoogleContainerTools/distroless)
  { repository: /distroless\//, caCertificates: true, zoneinfo: true },
  // the full tags of the images built on buildpack-deps (its -curl layer installs ca-certificates and tzdata);
  // golang's Alpine tags add ca-certificates only
  { repository: /^(buildpack-deps|golang|rust|gcc|python|node|ruby|perl)$/, tag: FULL, caCertificates: true, zoneinfo: true },
  { repository: 'golang', tag: /alpine/, caCertificates: true, zoneinfo: false },
  // the distributions' own images install neither (tzdata left Debian's required set with bookworm, Ubuntu's
  // images dropped it in 2017; Alpine's minirootfs has no tzdata, and older ones no certificate bundle)
  { repository: /^(debian|ubuntu|alpine|busybox)$/, caCertificates: false, zoneinfo: false },
  // openjdk's -slim tags: the headless JDK or JRE (no AWT X11 libraries); maven's -slim tags are built FROM them
  // (maven:3.6.0-jdk-8-slim on openjdk:8-jdk-slim, maven:3.8-openjdk-17-slim on openjdk:17-jdk-slim)
  { repository: /^(openjdk|maven)$/, tag: SLIM, headless: true },
  { repository: /^scratch$/i, empty: true },
  { repository: /distroless\/static/, libc: 'none', packageManager: null },
  { repository: null, tag: /alpine/, libc: 'musl', packageManager: 'apk', distribution: 'alpine', distributionImage: false },
  { repository: /(^|\/)(alpine|busybox)$/, libc: 'musl', packageManager: 'apk' },
  { repository: 'alpine', distribution: 'alpine', distributionImage: true, nsswitch: { since: '3.16' }, config: { cmd: ['/bin/sh'], debian: false, tools: [...ALPINE_TOOLS] } },
  { repository: /distroless\//, tag: /^debug/, shell: true },
  { repository: /distroless\//, shell: false, packageManager: null },
  { repository: /distroless\/(base|cc|python|java)/, libc: 'glibc' },
  { repository: /^distroless\/(static|base|cc)(-debian\d+)?$/, registry: 'gcr.io', config: { env: { SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt' }, cmd: null, debian: false, tools: [], users: ['nonroot', 'nobody'] } },
  // tags of the slim, alpine and Windows variants have no smaller variant
  { repository: null, tag: /(^|-)(slim|alpine|windowsservercore|nanoserver)/, slim: null },

  { repository: 'debian', tag: /^(bookworm|bullseye|buster|trixie|stable|oldstable|testing|sid|1[0-3])$/, slim: { image: 'debian:$&-slim' } },
  { repository: 'debian', tag: /^(jessie|stretch|buster|bullseye|[789]|10|11)(\b|-|\.)/, debian12: false },
  { repository: 'debian', ...DEBIAN, debian12: true, distributionImage: true, config: { cmd: ['bash'], debian: true, tools: [] } },
  { repository: 'ubuntu', tag: /^(22\.04|jammy)/, debian12: true },
  { repository: 'ubuntu', ...GLIBC_APT, distribution: 'ubuntu', debian12: false, distributionImage: true, config: { cmd: ['bash'], debian: true, tools: [] } },
  // the other images: a tag naming an older release is built on it; an official image whose tag names bookworm
  // is built on it (gcc:13-bookworm, python:3.12-slim-bookworm)
  { repository: null, tag: /(^|-)(jessie|stretch|buster|bullseye)(-|$)/, debian12: false },
  { repository: /^[^/]+$/, registry: null, tag: /(^|-)bookworm(-|$)/, debian12: true },

  { repository: 'buildpack-deps', ...DEBIAN, buildpack: true, debian12: { since: 12 } },
  { repository: 'buildpack-deps', config: { cmd: ['bash'], debian: true, tools: BUILDPACK_TOOLS } },
  // until docker-library/python dc016eb5 (2017-04-07) installed `wheel` in every 3.x image: a tag last listed in
  // 2018 or later (`python:3.4`, `3.4-slim`, `3.4.9-stretch`: until 2019) was rebuilt with it
  { repository: 'python', tag: /^3\.[0-4](\.|-|$)/, pipWheel: false, pipWheelRebuiltFrom: 2018 },
  // every 3.x tag (and `latest`, `slim`, `3`): the 2.7 images installed `wheel` with get-pip.py from 2.7.10 on
  { repository: 'python', tag: /^(?!2(\.|-|$))/, pipWheelMissingOn: 'jessie' },
  // the 2.7 images installed pip with get-pip.py, which installs `wheel` only from pip 7.0.0 (2015-05-21, pip's
  // NEWS: "get-pip.py now installs the wheel package"); docker-library/python's 2.7 images before that
  // (2.7.8 and 2.7.9: commits 3efd0014 to 0255766e, which bumped pip to 7.0.0 while 2.7.9 was current) have
  // no `wheel`. 2.7.9's last rebuild cannot be told from the tag table, so it is taken as without one
  { repository: 'python', tag: /^2\.7\.[0-9](?![0-9])/, pipWheel: false },
  // the tags that floated over those 2.7 images (`python:2.7`, `python:2`, their -onbuild), built on jessie then
  // (docker-library/python moved 2.7 to jessie in 2014): a file written before pip 7.0.0 had no `wheel` there
  // (review review-2026-12-06l: cptactionhank/flexget, written 2015-02 on `python:2.7`)
  { repository: 'python', tag: /^2(\.7)?(-onbuild)?$/, pipWheelMissingOn: 'jessie' },
  { repository: 'python', tag: /(slim|alpine|windows)/, compilers: false },
  { repository: 'python', ...DEBIAN, buildpack: true, compilers: true, debian12: { since: 3.008 }, slim: { release: 'slim-release', none: /onbuild|wheezy|windows/ } },
  { repository: 'python', tag: SLIM, config: { env: { PATH: `/usr/local/bin:${DEFAULT_PATH}`, LANG: 'C.UTF-8' }, cmd: ['python3'], debian: true, tools: PYTHON_TOOLS } },
  { repository: 'python', tag: FULL, config: { env: { PATH: `/usr/local/bin:${DEFAULT_PATH}`, LANG: 'C.UTF-8' }, cmd: ['python3'], debian: true, tools: [...BUILDPACK_TOOLS, ...PYTHON_TOOLS] } },
  { repository: 'node', ...DEBIAN, buildpack: true, debian12: { since: 18 }, slim: { release: 'release-slim', none: /onbuild|wheezy|jessie/ } },
  { repository: 'node', tag: SLIM, config: { cmd: ['node'], entrypoint: ['docker-entrypoint.sh'], debian: true, tools: NODE_TOOLS, users: ['node'] } },
  { repository: 'node', tag: FULL, config: { cmd: ['node'], entrypoint: ['docker-entrypoint.sh'], debian: true, tools: [...BUILDPACK_TOOLS, ...NODE_TOOLS], users: ['node'] } },
  { repository: 'ruby', ...DEBIAN, buildpack: true, debian12: { since: 3.0 }, slim: { release: 'slim-release', none: /onbuild|wheezy|windows/ } },
  { repository: 'ruby', tag: SLIM, config: { env: RUBY_ENV(), cmd: ['irb'], debian: true, tools: RUBY_TOOLS } },
  { repository: 'ruby', tag: FULL, config: { env: RUBY_ENV(), cmd: ['irb'], debian: true, tools: [...BUILDPACK_TOOLS, ...RUBY_TOOLS] } },
  // ruby's Alpine tags (docker-library/ruby <v>/alpine3.x, every one since 2.3): alpine with Ruby built in /usr/local and
  // the same GEM_HOME, BUNDLE_APP_CONFIG and PATH as the Debian tags (the older ones also BUNDLE_PATH and BUNDLE_BIN,
  // both the gem home and its bin directory), CMD irb
  { repository: 'ruby', tag: /alpine/, config: { env: RUBY_ENV(), cmd: ['irb'], debian: false, tools: [...ALPINE_TOOLS, ...RUBY_TOOLS] } },
  { repository: 'perl', ...DEBIAN, buildpack: true, debian12: { since: 5.036 }, slim: { release: 'slim-release', none: /onbuild|wheezy|threaded/ } },
  { repository: 'golang', ...DEBIAN, buildpack: true, debian12: { since: 1.02 } },
  // the tags of Go 1.3 to 1.9 also carry go-wrapper, docker-library/golang's helper script in /usr/local/bin (see
  // src/commands/go.ts), which `CMD ["go-wrapper", "run"]` starts
  { repository: 'golang', tag: GO_WRAPPER_TAGS_ALPINE, nsswitch: { since: '3.8', unknownFrom: '3.6' }, config: GOLANG(false, ['go-wrapper']) },
  { repository: 'golang', tag: GO_WRAPPER_TAGS, config: GOLANG(true, ['go-wrapper']) },
  { repository: 'golang', tag: FULL, config: GOLANG(true, []) },
  // golang's Alpine tags (golang/<v>/alpine3.x/Dockerfile, every one since 1.6): alpine plus ca-certificates and Go in
  // /usr/local/go; the same GOPATH, PATH and WORKDIR as the Debian tags, alpine's CMD (GOLANG_VERSION and GOTOOLCHAIN are metadata)
  { repository: 'golang', tag: /alpine/, nsswitch: { since: '3.8', unknownFrom: '3.6' }, config: GOLANG(false, []) },
  // Rust's Debian image -> Debian slim (same C library); the releases its tags name that dfsplit maps (not trixie yet)
  { repository: 'rust', tag: /^[\d.]+(-bookworm)?$/, slim: { image: 'debian:bookworm-slim' } },
  // the release a tag names, trixie included (the rust preset's runtime, and the tag a moving one is pinned to: src/pin.ts)
  { repository: 'rust', tag: /(^|-)(bookworm|bullseye|buster|trixie)(-|$)/, release: '$2' },
  { repository: 'rust', ...DEBIAN, buildpack: true, debian12: { since: 1.07 }, release: null, slim: { release: 'slim-release', none: /nightly/ } },
  { repository: 'rust', tag: SLIM, config: { env: RUST_ENV(), cmd: ['bash'], debian: true, tools: ['cargo', 'rustc', 'rustup', 'rustdoc', 'gcc', 'cc'] } },
  { repository: 'rust', tag: FULL, config: { env: RUST_ENV(), cmd: ['bash'], debian: true, tools: [...BUILDPACK_TOOLS, 'cargo', 'rustc', 'rustup', 'rustdoc'] } },
  // haskell (haskell/docker-haskell): GHC in /opt/ghc/<version>, cabal-install and stack in /usr/local/bin, on
  // debian:<release> or debian:<release>-slim (buildpack-deps:buster for the last full buster tags); every tag of
  // GHC 8.10.5, 9.0.2 and later puts /root/.cabal/bin, /root/.local/bin and /opt/ghc/<version>/bin first on PATH
  // (older ones add /opt/cabal/<version>/bin too, and a tag without the full version moves to the next one's
  // directory: their configuration is not known). Its slim tags still hold the toolchain: no smaller variant
  { repository: 'haskell', ...DEBIAN, slim: null },
  // the tags last listed from 2015 to 2018, for which the library file names no release: haskell/docker-haskell's
  // Dockerfiles were FROM debian:jessie for GHC 7.8 (from 2015-03-27), 7.10, 8.0 and 8.2.1, and FROM debian:stretch for
  // 8.4 and 8.6 (`8.2` and `8.2.2` moved from jessie to stretch on 2018-06-04: left unknown)
  { repository: 'haskell', tag: /^(7(\.8(\.4)?|\.10(\.[1-3])?)?|8\.0(\.[12])?|8\.2\.1)$/, release: 'jessie' },
  { repository: 'haskell', tag: /^8\.(4\.3|6\.2)$/, release: 'stretch' },
  // and their configuration, as each Dockerfile had it when its GHC version last changed (a tag without the full
  // version, `7.10`, was last pushed with the last one: 7.10.3): GHC, cabal-install, happy and alex from apt, each in
  // /opt/<name>/<version>/bin, on PATH after /root/.cabal/bin (and /root/.local/bin, stack's, from 7.10.3 on)
  { repository: 'haskell', tag: /^7\.8(\.4)?$/, config: OLD_HASKELL('/opt/cabal/1.22/bin:/opt/ghc/7.8.4/bin:/opt/happy/1.19.4/bin:/opt/alex/3.1.3/bin', false, []) },
  { repository: 'haskell', tag: /^7\.10\.([12])$/, config: OLD_HASKELL('/opt/cabal/1.22/bin:/opt/ghc/7.10.$1/bin:/opt/happy/1.19.5/bin:/opt/alex/3.1.4/bin', false, []) },
  { repository: 'haskell', tag: /^7\.10(\.3)?$/, config: OLD_HASKELL('/opt/cabal/1.22/bin:/opt/ghc/7.10.3/bin:/opt/happy/1.19.5/bin:/opt/alex/3.1.4/bin', true, ['stack']) },
  { repository: 'haskell', tag: /^8\.0\.1$/, config: OLD_HASKELL('/opt/cabal/1.24/bin:/opt/ghc/8.0.1/bin:/opt/happy/1.19.5/bin:/opt/alex/3.1.7/bin', true, ['stack', 'git', 'curl']) },
  { repository: 'haskell', tag: /^8\.0(\.2)?$/, config: OLD_HASKELL('/opt/cabal/1.24/bin:/opt/ghc/8.0.2/bin:/opt/happy/1.19.5/bin:/opt/alex/3.1.7/bin', true, ['stack', 'git', 'curl']) },
  { repository: 'haskell', tag: /^8\.2\.1$/, config: OLD_HASKELL('/opt/cabal/2.0/bin:/opt/ghc/8.2.1/bin:/opt/happy/1.19.5/bin:/opt/alex/3.1.7/bin', true, ['stack', 'git', 'curl']) },
  { repository: 'haskell', tag: /^8\.4\.3$/, config: OLD_HASKELL('/opt/cabal/2.2/bin:/opt/ghc/8.4.3/bin', true, ['stack', 'git', 'curl', 'make', 'xz']) },
  { repository: 'haskell', tag: /^8\.6\.2$/, config: OLD_HASKELL('/opt/cabal/2.4/bin:/opt/ghc/8.6.2/bin', true, ['stack', 'git', 'curl', 'make', 'xz']) },
  {
    repository: 'haskell',
    tag: /^(8\.10\.[5-9]|9\.0\.[2-9]|9\.[1-9]\d*\.\d+)(-slim)?(-(buster|bullseye|bookworm))?$/,
    config: { env: { LANG: 'C.UTF-8', PATH: `/root/.cabal/bin:/root/.local/bin:/opt/ghc/$1/bin:${DEFAULT_PATH}` }, cmd: ['ghci'], debian: true, tools: ['ghc', 'ghci', 'ghc-pkg', 'runghc', 'runhaskell', 'haddock', 'hsc2hs', 'cabal', 'stack', 'gcc', 'g++', 'cc', 'c++', 'make', 'git', 'curl', 'gpg', 'xz'] },
  },
  // php: cli (the bare version tags), apache and fpm, on Debian and Alpine (docker-library/php)
  { repository: 'php', ...DEBIAN, debian12: { since: 8.001 } },
  { repository: 'php', tag: /(^|-)apache(-|$)/, config: PHP('apache', false) },
  { repository: 'php', tag: /^(?=.*(^|-)fpm(-|$))(?=.*alpine)/, config: PHP('fpm', true) },
  { repository: 'php', tag: /(^|-)fpm(-|$)/, config: PHP('fpm', false) },
  { repository: 'php', tag: /alpine/, config: PHP('cli', true) },
  { repository: 'php', config: PHP('cli', false) },
  // wordpress (docker-library/wordpress Dockerfile.template, and its older per-version Dockerfiles since 2014):
  // FROM php:<php>-<variant> (apache, fpm, fpm-alpine), WordPress in /usr/src/wordpress, which docker-entrypoint.sh
  // copies into the working directory (php's /var/www/html) when it starts; ENTRYPOINT ["docker-entrypoint.sh"],
  // CMD the variant's server (apache2-foreground, php-fpm). Its ENV (WORDPRESS_VERSION, WORDPRESS_SHA1) is metadata.
  // The php version is the tag's `php7.1`; a tag without it moved with WordPress's default. The cli tags are
  // wp-cli on php's Alpine cli image (another command and user): no configuration. Until 7d40c42 (2016-10-06) the
  // entrypoint was /entrypoint.sh: the configuration is stated for the moving tags and WordPress 4.7 (2016-12) on
  { repository: 'wordpress', tag: /(^|-)cli(-|$)/, php: 'php', libc: 'musl', packageManager: 'apk', distribution: 'alpine' },
  { repository: 'wordpress', ...DEBIAN },
  { repository: 'wordpress', tag: /(?:^|-)php(\d+\.\d+)-fpm-alpine$/, php: 'php:$1-fpm-alpine' },
  { repository: 'wordpress', tag: /(?:^|-)php(\d+\.\d+)-fpm$/, php: 'php:$1-fpm' },
  { repository: 'wordpress', tag: /(?:^|-)php(\d+\.\d+)(-apache)?$/, php: 'php:$1-apache' },
  { repository: 'wordpress', php: 'php' },
  { repository: 'wordpress', tag: WORDPRESS_TAG('fpm-alpine'), config: WORDPRESS('fpm', true) },
  { repository: 'wordpress', tag: WORDPRESS_TAG('fpm'), config: WORDPRESS('fpm', false) },
  { repository: 'wordpress', tag: WORDPRESS_TAG('apache'), config: WORDPRESS('apache', false) },
  // drupal (docker-library/drupal): FROM php:<php>-<variant> (apache, fpm, fpm-alpine) with Drupal unpacked in the
  // working directory, php's command and entrypoint. Drupal 7 and 8.0 to 8.7 kept php's /var/www/html; 8.8, 8.9 and
  // 9.0 moved to /opt/drupal (530833e, 2020-08-05, with PATH and composer), so their tags' configuration moved too and
  // is not stated, nor that of the later ones and the moving tags (8, latest). The php version is the tag's
  // `php8.3`; the other tags moved between php versions
  { repository: 'drupal', ...DEBIAN },
  { repository: 'drupal', tag: /-php(\d+\.\d+)-fpm-alpine[\d.]*$/, php: 'php:$1-fpm-alpine' },
  { repository: 'drupal', tag: /-php(\d+\.\d+)-(apache|fpm)(-[a-z]+)?$/, php: 'php:$1-$2$3' },
  { repository: 'drupal', php: 'php' },
  { repository: 'drupal', tag: /^(7|8\.[0-7])(\.[\d.]+)?-fpm-alpine$/, config: DRUPAL('fpm', true) },
  { repository: 'drupal', tag: /^(7|8\.[0-7])(\.[\d.]+)?-fpm$/, config: DRUPAL('fpm', false) },
  { repository: 'drupal', tag: /^(7|8\.[0-7])(\.[\d.]+)?(-apache)?$/, config: DRUPAL('apache', false) },
  // composer: php:8-alpine + /usr/bin/composer (a phar) and the VCS/archive tools it drives (composer/docker)
  {
    repository: 'composer',
    config: {
      ...PHP('cli', true),
      env: { ...PHP('cli', true).env, COMPOSER_ALLOW_SUPERUSER: '1', COMPOSER_HOME: '/tmp' },
      workdir: '/app',
      cmd: ['composer'],
      entrypoint: ['/docker-entrypoint.sh'],
      tools: [...PHP('cli', true).tools, 'composer', 'bash', 'git', 'make', 'patch', 'ssh', 'svn', 'hg', 'tini', 'unzip', 'zip', '7z'],
    },
  },
  // gcc:13-bookworm names its release; floating tags (gcc:13, gcc:latest) move between releases
  { repository: 'gcc', tag: /^[\d.]+-(bookworm|bullseye|buster|trixie)$/, release: '$1' },
  { repository: 'gcc', distribution: 'debian', release: null },
  { repository: 'gcc', tag: FULL, config: { cmd: ['bash'], debian: true, tools: [...BUILDPACK_TOOLS, 'gfortran', 'go'], provides: ['/usr/local/lib64', GCC_LOADER_CONF, GCC_LOADER_CONF_OLD] } },
  // JDK build images run their programs on Eclipse Temurin's JRE (Ubuntu, glibc)
  { repository: 'eclipse-temurin', tag: /^(\d+)(-jdk)?$/, slim: { image: 'eclipse-temurin:$1-jre' } },
  { repository: 'eclipse-temurin', ...GLIBC_APT, distribution: 'ubuntu' },
  { repository: 'eclipse-temurin', tag: /^(?!.*alpine).*jre/, config: { env: JAVA_ENV(), cmd: null, entrypoint: ['/__cacert_entrypoint.sh'], wraps: TEMURIN_WRAPS, debian: true, tools: [...JAVA_TOOLS, 'curl', 'wget', 'gpg'] } },
  { repository: 'eclipse-temurin', tag: FULL, config: { env: JAVA_ENV(), cmd: ['jshell'], entrypoint: ['/__cacert_entrypoint.sh'], wraps: TEMURIN_WRAPS, debian: true, tools: [...JDK_TOOLS, 'curl', 'wget', 'gpg'] } },
  { repository: 'maven', tag: /^[\w.-]*eclipse-temurin-(\d+)$/, slim: { image: 'eclipse-temurin:$1-jre' } },
  { repository: 'maven', ...GLIBC_APT },
  // maven:<maven>-jdk-<8|11>[-slim] and -openjdk-<8|11>[-slim] are built FROM openjdk:<java>-jdk[-slim] (Debian)
  ...['8', '11'].map((java): ImageRow => ({
    repository: 'maven',
    tag: MAVEN_OPENJDK_TAG(java, '(-slim)?'),
    config: { ...OPENJDK_DEBIAN(java), env: { ...OPENJDK_DEBIAN(java).env, ...MAVEN_ENV }, cmd: ['mvn'], entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], wraps: MAVEN_WRAPS, tools: [...JDK_TOOLS, ...BUILDPACK_SCM, 'mvn'] },
  })),
  {
    repository: 'maven',
    tag: MAVEN_TEMURIN_TAG,
    config: { env: { ...JAVA_ENV(), ...MAVEN_ENV }, cmd: ['mvn'], entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], wraps: MAVEN_WRAPS, debian: true, tools: [...JDK_TOOLS, 'mvn', 'curl', 'wget', 'git', 'ssh'] },
  },
  { repository: 'gradle', tag: /^[\w.-]*jdk(\d+)$/, slim: { image: 'eclipse-temurin:$1-jre' } },
  { repository: 'gradle', ...GLIBC_APT },
  // gradle:[<gradle>-]jdk<java>[-jammy|-focal|-noble] (gradle/docker-gradle): eclipse-temurin's JDK with Gradle in
  // /opt/gradle, a gradle user, WORKDIR /home/gradle, USER root again at the end, temurin's ENTRYPOINT kept
  {
    repository: 'gradle',
    tag: GRADLE_TEMURIN_TAG,
    config: {
      env: { ...JAVA_ENV(), GRADLE_HOME: '/opt/gradle' },
      workdir: '/home/gradle',
      cmd: ['gradle'],
      entrypoint: ['/__cacert_entrypoint.sh'],
      wraps: TEMURIN_WRAPS,
      debian: true,
      tools: [...JDK_TOOLS, 'gradle', 'curl', 'wget', 'git', 'git-lfs', 'hg', 'svn', 'brz', 'ssh', 'make', 'unzip'],
      users: ['gradle'],
    },
  },
  { repository: 'openjdk', ...GLIBC_APT, buildpack: true, slim: { release: 'none', none: /^latest$|windows|oracle|nanoserver|buster|bullseye|bookworm|stretch|jessie/ } },
  // openjdk (docker-library/openjdk, deprecated): Debian-based 8 and 11 in /usr/local/openjdk-<java>; jre tags are
  // built on buildpack-deps:*-curl, jdk tags on buildpack-deps:*-scm, -slim ones on debian:*-slim
  ...['8', '11'].flatMap((java): ImageRow[] => [
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jre', true), config: { ...OPENJDK_DEBIAN(java), cmd: ['bash'], tools: JAVA_TOOLS } },
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jre', false), config: { ...OPENJDK_DEBIAN(java), cmd: ['bash'], tools: [...JAVA_TOOLS, ...BUILDPACK_CURL] } },
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jdk', true), config: { ...OPENJDK_DEBIAN(java) } },
    { repository: 'openjdk', tag: OPENJDK_TAG(java, 'jdk', false), config: { ...OPENJDK_DEBIAN(java), tools: [...JDK_TOOLS, ...BUILDPACK_SCM] } },
  ]),
  // openjdk's Alpine tags (7 and 8 only: Alpine's openjdk7/openjdk8 packages on alpine:3.x): the jdk's JAVA_HOME is
  // /usr/lib/jvm/java-1.<java>-openjdk, the jre's its jre/ directory; both put jre/bin and bin on PATH; alpine's
  // CMD. `alpine` and `jre-alpine` were the 8 tags' aliases until openjdk 11, which had no Alpine tag
  ...['7', '8'].flatMap((java): ImageRow[] => [
    { repository: 'openjdk', tag: new RegExp(`^${java}(u\\d+)?-jre-alpine(3\\.\\d+)?$${java === '8' ? '|^jre-alpine$' : ''}`), config: OPENJDK_ALPINE(java, 'jre') },
    { repository: 'openjdk', tag: new RegExp(`^${java}(u\\d+)?(-jdk)?-alpine(3\\.\\d+)?$${java === '8' ? '|^alpine$' : ''}`), config: OPENJDK_ALPINE(java, 'jdk') },
    // maven:3-jdk-8-alpine, maven:3.5.2-jdk-8-alpine (carlossg/docker-maven): FROM openjdk:<java>-jdk-alpine with curl, tar, bash, procps
    {
      repository: 'maven',
      tag: new RegExp(`^[\\d.]+-jdk-${java}-alpine$`),
      config: { ...OPENJDK_ALPINE(java, 'jdk'), env: { ...OPENJDK_ALPINE(java, 'jdk').env, ...MAVEN_ENV }, cmd: ['mvn'], entrypoint: ['/usr/local/bin/mvn-entrypoint.sh'], wraps: MAVEN_WRAPS, tools: [...ALPINE_TOOLS, ...JDK_TOOLS, 'mvn', 'curl', 'bash'] },
    },
    // gradle:4.7-jdk8-alpine, gradle:3.4.1-jdk7-alpine (gradle/docker-gradle before 2019-05-30): FROM openjdk:<java>-jdk-alpine,
    // Gradle in /opt/gradle, a gradle user (uid 1000, home /home/gradle) that the image ends as, WORKDIR /home/gradle
    {
      repository: 'gradle',
      tag: new RegExp(`^${GRADLE_OPENJDK}-jdk${java}-alpine$`),
      config: { ...OPENJDK_ALPINE(java, 'jdk'), env: { ...OPENJDK_ALPINE(java, 'jdk').env, GRADLE_HOME: '/opt/gradle' }, workdir: '/home/gradle', user: 'gradle', cmd: ['gradle'], tools: [...ALPINE_TOOLS, ...JDK_TOOLS, 'gradle'], users: ['gradle'] },
    },
  ]),
  // clojure's Alpine Leiningen tags: openjdk:8-jdk-alpine's configuration, WORKDIR /tmp, lein in /usr/local/bin (LEIN_INSTALL,
  // appended to PATH), LEIN_ROOT; bash, tar, gnupg and openssl added; CMD ["lein", "repl"] from the builds of 2018-11-04 on
  // (Leiningen 2.8.1 and later), none before (alpine's)
  ...[false, true].map((repl): ImageRow => ({
    repository: 'clojure',
    tag: repl ? CLOJURE_LEIN_ALPINE : /^(?:openjdk-8-)?lein-2\.(?:[67]\.\d+|8\.0)-alpine$/,
    config: {
      ...OPENJDK_ALPINE('8', 'jdk'),
      env: { ...OPENJDK_ALPINE('8', 'jdk').env, PATH: `${OPENJDK_ALPINE('8', 'jdk').env!.PATH}:/usr/local/bin/`, LEIN_INSTALL: '/usr/local/bin/', LEIN_ROOT: '1' },
      workdir: '/tmp',
      cmd: repl ? ['lein', 'repl'] : ['/bin/sh'],
      tools: [...ALPINE_TOOLS, ...JDK_TOOLS, 'lein', 'bash', 'tar', 'gpg', 'openssl'],
    },
  })),
  // java (docker-library/java, replaced by openjdk in 2017): Debian's openjdk packages on buildpack-deps:*-curl (jre)
  // and *-scm (jdk); JAVA_HOME differs between the two (.../jre), java is on PATH through /usr/bin
  // (ENV JAVA_HOME since 2015-03-05, docker-library/openjdk ed7e793: /usr/lib/jvm/java-<v>-openjdk-amd64, and .../jre on the
  // jre tags; the tags were last built in early 2017, so that is what they hold). `latest`, `jdk` and `jre` are Java 8.
  ...(['7', '8'] as const).flatMap((v): ImageRow[] => [
    { repository: 'java', tag: new RegExp(`^(openjdk-)?${v}(u\\d+)?-jre$${v === '8' ? '|^jre$' : ''}`), config: { env: { LANG: 'C.UTF-8', JAVA_HOME: `/usr/lib/jvm/java-${v}-openjdk-amd64/jre` }, cmd: ['bash'], debian: true, tools: [...JAVA_TOOLS, ...BUILDPACK_CURL] } },
    { repository: 'java', tag: new RegExp(`^(openjdk-)?${v}(u\\d+)?(-jdk)?$|^openjdk-${v}-jdk$${v === '8' ? '|^(latest|jdk)$' : ''}`), config: { env: { LANG: 'C.UTF-8', JAVA_HOME: `/usr/lib/jvm/java-${v}-openjdk-amd64` }, cmd: ['bash'], debian: true, tools: [...JDK_TOOLS, ...BUILDPACK_SCM] } },
  ]),
  // The JRE of a Java build image: the same vendor's JRE of the same Java version (the java preset's runtime); every
  // JRE named here is a published tag. eclipse-temurin: adoptium/containers; maven: carlossg/docker-maven; gradle:
  // gradle/docker-gradle; openjdk and java: docker-library. eclipse-temurin:17, 17-jdk, 17-jdk-jammy, 17.0.9_9-jdk-alpine, 21-alpine:
  { repository: 'eclipse-temurin', tag: new RegExp(`^(\\d+(?:\\.[\\d.]+_\\d+)?)(?:-jdk)?${JAVA_OS}$`), jre: { image: 'eclipse-temurin:$1-jre$2' } },
  // maven:3.9-eclipse-temurin-17, maven:3-eclipse-temurin-21-alpine (built FROM eclipse-temurin:<java>-jdk[-<os>])
  { repository: 'maven', tag: new RegExp(`^[\\d.]+-eclipse-temurin-(\\d+)${JAVA_OS}$`), jre: { image: 'eclipse-temurin:$1-jre$2' } },
  // maven:3-jdk-8, maven:3.6-openjdk-11-slim, maven:3.5-jdk-8-alpine (built FROM openjdk:<java>-jdk[-slim|-alpine])
  { repository: 'maven', tag: /^[\d.]+-(?:open)?jdk-(8|11)(-slim)?$/, jre: { image: 'openjdk:$1-jre$2' } },
  { repository: 'maven', tag: /^[\d.]+-(?:open)?jdk-(7|8)(-alpine)$/, jre: { image: 'openjdk:$1-jre$2' } },
  { repository: 'maven', tag: /^(latest|[\d.]+|alpine|[\d.]+-alpine)$/, jre: { why: 'the tag does not name the Java version, which moves between releases' } },
  // gradle:8.5-jdk17, gradle:jdk21-jammy, gradle:7-jdk11 (gradle 7 and later, and the version-less tags, are built FROM
  // eclipse-temurin:<java>-jdk[-<os>]; older ones FROM openjdk or AdoptOpenJDK images)
  { repository: 'gradle', tag: /^(?:(?:[7-9]|[1-9]\d)[\d.]*-)?jdk(\d+)(-jammy|-focal|-noble)?$/, jre: { image: 'eclipse-temurin:$1-jre$2' } },
  // gradle:4.7-jdk8-alpine, gradle:5.2.1-jdk7-alpine (built FROM openjdk:<java>-jdk-alpine, whose JAVA_HOME the jre-alpine tag shares)
  { repository: 'gradle', tag: new RegExp(`^${GRADLE_OPENJDK}-jdk(7|8)(-alpine)$`), jre: { image: 'openjdk:$1-jre$2' } },
  {
    repository: 'gradle',
    tag: /^[1-6][\d.]*-jdk/,
    jre: { why: 'Gradle images before 7 were built on openjdk (the Debian ones with JAVA_HOME /docker-java-home, which the openjdk JRE tags published today lack) or AdoptOpenJDK images, not on eclipse-temurin' },
  },
  // clojure:lein-2.8.1-alpine, clojure:alpine: Java 8 on Alpine's openjdk8 package, as openjdk:8-jre-alpine
  { repository: 'clojure', tag: CLOJURE_LEIN_ALPINE, jre: { image: 'openjdk:8-jre-alpine' } },
  { repository: 'clojure', jre: { why: 'only the Alpine Leiningen tags of 2016 to 2019 are in the table (Java 8); the Debian ones were built on java:8 or openjdk:8 with a JAVA_HOME the JRE tags published today lack, and later ones on several JDKs' } },
  // openjdk:8, 8-jdk, 8u151-jdk, 11.0.4-jdk-slim-buster, 8-jdk-alpine: the same image's own jre tags (openjdk 12 and
  // later have none); the same JAVA_HOME, so the configuration is kept
  { repository: 'openjdk', tag: new RegExp(`^(7|8|11)((?:u\\d+|\\.[\\d.]+)(?:-b\\d+)?)?(?:-jdk)?(-slim)?${JAVA_DEBIAN}$`), jre: { image: 'openjdk:$1$2-jre$3$4' } },
  // openjdk:8-jdk-alpine, 8-alpine, 8u151-jdk-alpine3.7, 7-jdk-alpine: the jre-alpine tag of the same Java update and Alpine branch
  { repository: 'openjdk', tag: /^(7|8)(u\d+)?(?:-jdk)?-alpine(3\.\d+)?$/, jre: { image: 'openjdk:$1$2-jre-alpine$3' } },
  { repository: 'openjdk', tag: /^alpine$/, jre: { image: 'openjdk:jre-alpine' } },
  // java (the official image openjdk replaced): 8, 8-jdk, openjdk-8u91-jdk and their -jre tags
  { repository: 'java', tag: /^((?:openjdk-)?(?:7|8)(?:u\d+)?)(?:-jdk)?$/, jre: { image: 'java:$1-jre' } },
  // java:latest and java:jdk were 8-jdk when the image was deprecated (2016), java:jre its 8-jre; all three are frozen
  { repository: 'java', tag: /^(latest|jdk)$/, jre: { image: 'java:jre' } },
  { repository: 'amazoncorretto', jre: { why: 'Amazon Corretto publishes no JRE images beside its JDK ones' } },
  // the official centos images (centos:6, centos:7, centos:8, latest) set only the default PATH and CMD
  // ["/bin/bash"] (CentOS/sig-cloud-instance-images, their Dockerfiles: FROM scratch, ADD the rootfs, LABEL, CMD);
  // no programs are claimed (the tools list stays empty: a replay needing one is declined)
  { repository: 'centos', libc: 'glibc', packageManager: 'yum', distribution: 'centos', distributionImage: true, config: { cmd: ['/bin/bash'], debian: false, tools: [] } },
  { repository: 'fedora', libc: 'glibc', packageManager: 'yum', distribution: 'fedora', distributionImage: true },
  { repository: 'rockylinux', libc: 'glibc', packageManager: 'yum', distribution: 'rockylinux', distributionImage: true },
  { repository: 'almalinux', libc: 'glibc', packageManager: 'yum', distribution: 'almalinux', distributionImage: true },
  { repository: 'amazonlinux', libc: 'glibc', packageManager: 'yum', distribution: 'amazonlinux', distributionImage: true },
  // Red Hat's Universal Base Images (registry.access.redhat.com/ubi9/ubi-minimal)
  { repository: /ubi/, packageManager: 'yum' },
  // .NET (dotnet/dotnet-docker): runtime-deps sets the port and container flag, runtime and aspnet add their
  // versions (metadata), the SDK clears ASPNETCORE_URLS and quiets the CLI; all keep Debian's CMD bash
  { repository: /^dotnet\/(runtime|aspnet)$/, registry: 'mcr.microsoft.com', tag: /^(6|7)\.0(?!.*alpine)/, config: { env: { ASPNETCORE_URLS: 'http://+:80', DOTNET_RUNNING_IN_CONTAINER: 'true' }, cmd: ['bash'], debian: true, tools: ['dotnet'] } },
  { repository: /^dotnet\/(runtime|aspnet)$/, registry: 'mcr.microsoft.com', tag: /^\d+\.0(?!.*alpine)/, config: { env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true' }, cmd: ['bash'], debian: true, tools: ['dotnet'], users: ['app'] } },
  { repository: /^dotnet\/sdk$/, registry: 'mcr.microsoft.com', tag: /^(6|7)\.0(?!.*alpine)/, config: { env: { ASPNETCORE_URLS: '', DOTNET_RUNNING_IN_CONTAINER: 'true', ...DOTNET_SDK_ENV }, cmd: ['bash'], debian: true, tools: DOTNET_SDK_TOOLS } },
  // 8.0 and later: no ASPNETCORE_URLS anywhere (only the 8.0 previews' SDK still emptied it)
  { repository: /^dotnet\/sdk$/, registry: 'mcr.microsoft.com', tag: /^\d+\.0(?!.*alpine)/, config: { env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', ...DOTNET_SDK_ENV }, cmd: ['bash'], debian: true, tools: DOTNET_SDK_TOOLS, users: ['app'] } },
  // Alpine, 8.0 and later: the SDK turns globalization on again (ICU, tzdata installed); the `-extra` runtime
  // images have ICU and tzdata and leave it on, the plain ones set invariant mode; alpine's CMD /bin/sh
  { repository: /^dotnet\/(runtime|aspnet)$/, registry: 'mcr.microsoft.com', tag: /^([89]|\d\d)\.0.*alpine.*-extra$/, config: { env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true' }, cmd: ['/bin/sh'], debian: false, tools: ['dotnet'], users: ['app'] } },
  {
    repository: /^dotnet\/(runtime|aspnet)$/,
    registry: 'mcr.microsoft.com',
    tag: /^([89]|\d\d)\.0.*alpine/,
    config: { env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: 'true' }, cmd: ['/bin/sh'], debian: false, tools: ['dotnet'], users: ['app'] },
  },
  {
    repository: /^dotnet\/sdk$/,
    registry: 'mcr.microsoft.com',
    tag: /^([89]|\d\d)\.0.*alpine/,
    config: { env: { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: 'false', ...DOTNET_SDK_ENV }, cmd: ['/bin/sh'], debian: false, tools: ['dotnet', 'git', 'curl', 'pwsh'], users: ['app'] },
  },
  // The runtime image of an SDK tag: runtime-deps <- runtime <- aspnet <- sdk share one tag scheme
  // (<major>.<minor>[-<os>]), so the same suffix names the same OS. The Alpine SDK turns globalization back on
  // (ICU, tzdata); the plain Alpine runtime images run invariant without them. From 8.0 on, the `-extra` runtime
  // images hold ICU and tzdata with globalization on, as in the SDK; 6.0 and 7.0 have none. (The SDK has no
  // chiseled variant; a plain tag maps to the plain runtime tag.)
  { repository: /^dotnet\/sdk$/, registry: 'mcr.microsoft.com', tag: /^(6|7)\.0-alpine(3\.\d+)?$/, dotnetRuntime: { miss: 'alpine-globalization' } },
  { repository: /^dotnet\/sdk$/, registry: 'mcr.microsoft.com', tag: /^(8|9|10)\.0-alpine(3\.\d+)?$/, dotnetRuntime: { image: 'mcr.microsoft.com/dotnet/{kind}:$&-extra' } },
  { repository: /^dotnet\/sdk$/, registry: 'mcr.microsoft.com', tag: /^(6|7|8|9|10)\.0(-(bookworm-slim|bullseye-slim|jammy|jammy-chiseled|noble|noble-chiseled|azurelinux3\.0|cbl-mariner2\.0))?$/, dotnetRuntime: { image: 'mcr.microsoft.com/dotnet/{kind}:$&' } },
  // the release a distribution's own tags name by number (debian:9-slim is stretch, ubuntu:16.04 xenial, alpine:3.9.4 3.9)
  ...Object.entries(DEBIAN_VERSIONS).map(([n, name]): ImageRow => ({ repository: 'debian', tag: new RegExp(`^${n}(\\.[\\d.]+)?(-slim)?$`), release: name })),
  ...Object.entries(UBUNTU_VERSIONS).map(([n, name]): ImageRow => ({ repository: 'ubuntu', tag: new RegExp(`^(${n.replace('.', '\\.')}|${name})(-|\\.|$)`), release: name })),
  { repository: 'alpine', tag: /^(3\.\d+)(\.\d+)*$/, release: '$1' },
  // images built on Ubuntu whose tags tell the release. phusion/baseimage (phusion/baseimage-docker, image/Dockerfile
  // at each release tag): 0.9.10 to 0.9.18 FROM ubuntu:14.04, 0.9.19 to 0.10.2 FROM ubuntu:16.04, 0.11 FROM
  // ubuntu:18.04, then tags that name the release (bionic-1.0.0, 18.04-1.0.0, focal-1.2.0, jammy-1.0.4, noble-1.0.2);
  // 0.9.0 to 0.9.9 (12.04) and the moving latest fix none the tables know
  { repository: 'phusion/baseimage', ...GLIBC_APT, distribution: 'ubuntu' },
  { repository: 'phusion/baseimage', tag: /^0\.9\.1[0-8]$/, release: 'trusty' },
  { repository: 'phusion/baseimage', tag: /^(0\.9\.(19|2[0-2])|0\.10\.[0-2])$/, release: 'xenial' },
  { repository: 'phusion/baseimage', tag: /^0\.11$/, release: 'bionic' },
  ...Object.entries(UBUNTU_VERSIONS).map(([n, name]): ImageRow => ({ repository: 'phusion/baseimage', tag: new RegExp(`^(${n.replace('.', '\\.')}|${name})-\\d`), release: name })),
  // nvidia/cuda's tags name their OS at the end (9.0-cudnn7-devel-ubuntu16.04, 11.8.0-runtime-ubuntu22.04)
  { repository: 'nvidia/cuda', tag: /-ubuntu\d\d\.\d\d$/, ...GLIBC_APT, distribution: 'ubuntu' },
  ...Object.entries(UBUNTU_VERSIONS).map(([n, name]): ImageRow => ({ repository: 'nvidia/cuda', tag: new RegExp(`-ubuntu${n.replace('.', '\\.')}$`), release: name })),
  // the Alpine branch other images' tags name (python:3.7-alpine3.9, node:18-alpine3.17)
  { repository: null, tag: /(^|-)alpine(3\.\d+)(-|$)/, release: '$2' },
  // the Debian release a tag names, for the families without rows of their own (python:3.11-slim-bookworm)
  { repository: null, tag: /(^|-)(bookworm|bullseye|buster|stretch|jessie|trixie)(-|$)/, release: '$2' },
  ...SIZES,
];

/**
 * An official haskell image of the tags last listed 2015 to 2018: `opt` the toolchain's directories on PATH after
 * /root/.cabal/bin and, with `local`, /root/.local/bin; `more` the programs besides GHC's, cabal and g++.
 */
/** The configuration of the golang images, Debian (full) or Alpine, with the tools some versions add. */
function GOLANG(debian: boolean, also: string[]): ConfigFacts {
  return { env: { GOPATH: '/go', PATH: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}` }, workdir: '/go', cmd: debian ? ['bash'] : ['/bin/sh'], debian, tools: [...(debian ? BUILDPACK_TOOLS : ALPINE_TOOLS), 'go', 'gofmt', ...also] };
}

function OLD_HASKELL(opt: string, local: boolean, more: string[]): ConfigFacts {
  const path = ['/root/.cabal/bin', ...(local ? ['/root/.local/bin'] : []), opt, DEFAULT_PATH].join(':');
  const happy = opt.includes('/opt/happy/') ? ['happy', 'alex'] : [];
  return { env: { LANG: 'C.UTF-8', PATH: path }, cmd: ['ghci'], debian: true, tools: ['ghc', 'ghci', 'ghc-pkg', 'runghc', 'runhaskell', 'haddock', 'hsc2hs', 'cabal', ...happy, 'gcc', 'g++', 'cc', 'c++', ...more] };
}

/** The official php image of a variant: its ENV, WORKDIR, CMD, ENTRYPOINT and programs. */
function PHP(variant: 'cli' | 'apache' | 'fpm', alpine: boolean): ConfigFacts {
  const phpizeDeps = alpine ? 'autoconf dpkg-dev dpkg file g++ gcc libc-dev make pkgconf re2c' : 'autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c';
  const env: Record<string, string> = {
    PHPIZE_DEPS: phpizeDeps,
    PHP_INI_DIR: '/usr/local/etc/php',
    ...(variant === 'apache' ? { APACHE_CONFDIR: '/etc/apache2', APACHE_ENVVARS: '/etc/apache2/envvars' } : {}),
    PHP_CFLAGS: '-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
    PHP_CPPFLAGS: '-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64',
    PHP_LDFLAGS: '-Wl,-O1 -pie',
  };
  const tools = [
    'php',
    'pecl',
    'pear',
    'peardev',
    'phpize',
    'php-config',
    'phpdbg',
    'docker-php-entrypoint',
    'docker-php-source',
    'docker-php-ext-configure',
    'docker-php-ext-enable',
    'docker-php-ext-install',
    'curl',
    'xz',
    // PHPIZE_DEPS stay installed in the Debian variants; Alpine's helpers add and remove them
    ...(alpine ? [] : ['gcc', 'g++', 'cc', 'c++', 'make', 'autoconf', 'pkg-config', 're2c', 'file']),
    ...(variant === 'apache' ? ['apache2-foreground', 'apache2', 'apache2ctl', 'apachectl', 'a2enmod', 'a2dismod', 'a2ensite', 'a2dissite', 'a2enconf', 'a2disconf'] : []),
    ...(variant === 'fpm' ? ['php-fpm'] : []),
  ];
  const cmd = variant === 'apache' ? ['apache2-foreground'] : variant === 'fpm' ? ['php-fpm'] : ['php', '-a'];
  return { env, workdir: variant === 'cli' ? '/' : '/var/www/html', cmd, entrypoint: ['docker-php-entrypoint'], debian: !alpine, tools, users: ['www-data'], serves: variant !== 'cli' };
}
/** wordpress's tags of WordPress 4.7 and later or of no version (the moving ones), with or without a php version, of `variant`. */
function WORDPRESS_TAG(variant: 'apache' | 'fpm' | 'fpm-alpine'): RegExp {
  const version = String.raw`(4\.([7-9]|\d\d)|[5-9]|\d\d)(\.\d+)*`;
  const php = String.raw`php\d+\.\d+`;
  const prefix = `(${version}-|${version}-${php}-|${php}-)?`;
  return new RegExp(variant === 'apache' ? `^(latest|${prefix}apache|${version}(-${php})?|${php})$` : `^${prefix}${variant}$`);
}
/** wordpress on php's `variant` image: docker-entrypoint.sh (it copies /usr/src/wordpress in, then runs CMD), the variant's server, its site. */
function WORDPRESS(variant: 'apache' | 'fpm', alpine: boolean): ConfigFacts {
  const php = PHP(variant, alpine);
  return { ...php, entrypoint: ['docker-entrypoint.sh'], tools: [...php.tools, 'docker-entrypoint.sh'], site: true };
}
/** drupal 7 and 8.0 to 8.7 on php's `variant` image: php's configuration, with the site in its working directory. */
function DRUPAL(variant: 'apache' | 'fpm', alpine: boolean): ConfigFacts {
  return { ...PHP(variant, alpine), site: true };
}
function RUBY_ENV(): Record<string, string> {
  return { LANG: 'C.UTF-8', GEM_HOME: '/usr/local/bundle', BUNDLE_SILENCE_ROOT_WARNING: '1', BUNDLE_APP_CONFIG: '/usr/local/bundle', PATH: `/usr/local/bundle/bin:${DEFAULT_PATH}` };
}
function RUST_ENV(): Record<string, string> {
  return { RUSTUP_HOME: '/usr/local/rustup', CARGO_HOME: '/usr/local/cargo', PATH: `/usr/local/cargo/bin:${DEFAULT_PATH}` };
}
/** openjdk:<java> on Debian (also the base of maven:*-jdk-<java>): JAVA_HOME is per version, CMD jshell (11) or bash (8). */
function OPENJDK_DEBIAN(java: string): ConfigFacts {
  return { env: { JAVA_HOME: `/usr/local/openjdk-${java}`, PATH: `/usr/local/openjdk-${java}/bin:${DEFAULT_PATH}`, LANG: 'C.UTF-8' }, cmd: java === '8' ? ['bash'] : ['jshell'], debian: true, tools: JDK_TOOLS };
}
/** openjdk:<java>-jdk-alpine and -jre-alpine (docker-library/openjdk): Alpine's package, JAVA_HOME the jdk or its jre/. */
function OPENJDK_ALPINE(java: string, kind: 'jdk' | 'jre'): ConfigFacts {
  const home = `/usr/lib/jvm/java-1.${java}-openjdk`;
  return { env: { JAVA_HOME: kind === 'jre' ? `${home}/jre` : home, PATH: `${DEFAULT_PATH}:${home}/jre/bin:${home}/bin`, LANG: 'C.UTF-8' }, cmd: ['/bin/sh'], debian: false, tools: [...ALPINE_TOOLS, ...(kind === 'jre' ? JAVA_TOOLS : JDK_TOOLS)] };
}
/** openjdk's Debian tags of Java `java` (8, 11): the jre or jdk (`-jdk` optional), slim or not, with an optional release. */
function OPENJDK_TAG(java: string, kind: 'jre' | 'jdk', slim: boolean): RegExp {
  return new RegExp(`^${java}(u\\d+|\\.[\\d.]+)?${kind === 'jre' ? '-jre' : '(-jdk)?'}${slim ? '-slim' : ''}(-(stretch|buster|bullseye))?$`);
}
/** maven:<maven>-jdk-<java> and -openjdk-<java> (built FROM openjdk:<java>-jdk), `slim` the suffix the tag ends in. */
function MAVEN_OPENJDK_TAG(java: string, slim: '' | '-slim' | '(-slim)?'): RegExp {
  return new RegExp(`^[\\d.]*-?(open)?jdk-${java}${slim}$`);
}
/** The size rows of an official language image: its slim and Alpine variants, then its full tags (null: no such variant known). */
function SIZED(repository: string, mb: { full: number; slim?: number; alpine?: number }): ImageRow[] {
  return [
    { repository, tag: SLIM, sizeMB: mb.slim ?? null },
    { repository, tag: /alpine/, sizeMB: mb.alpine ?? null },
    { repository, sizeMB: mb.full },
  ];
}
function JAVA_ENV(): Record<string, string> {
  return { JAVA_HOME: '/opt/java/openjdk', PATH: `/opt/java/openjdk/bin:${DEFAULT_PATH}`, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en', LC_ALL: 'en_US.UTF-8' };
}
