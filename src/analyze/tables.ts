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
    'scons',
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
  apk: ['gcc', 'g++', 'clang', 'make', 'cmake', 'samurai', 'scons', 'build-base', 'autoconf', 'automake', 'libtool', 'pkgconfig', 'pkgconf', 'bison', 'flex', 'patch', 'git', 'go', 'cargo', 'rust', 'maven', 'gradle', 'openjdk17-jdk', 'openjdk11-jdk', 'musl-dev', 'linux-headers', 'libc-dev', 'python3-dev', 'py3-pytest'],
  yum: ['gcc', 'gcc-c++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkgconfig', 'git', 'golang', 'golang-bin', 'cargo', 'rust', 'maven', 'java-17-openjdk-devel', 'glibc-devel', 'kernel-headers', 'python3-devel', 'redhat-rpm-config'],
};

// Development package -> the runtime packages it implies, per distribution release: src/knowledge/runtime-packages.ts

/** Packages whose only job is to headers/tools for compiling against glibc/musl: nothing to keep. */
export const DEV_WITHOUT_RUNTIME = new Set(['libc6-dev', 'libc-dev', 'musl-dev', 'linux-headers', 'linux-libc-dev', 'python3-dev', 'python-dev', 'glibc-devel', 'kernel-headers', 'python3-devel']);

/** procps, which gives ps, free, pgrep and pkill. */
const PROCPS: Readonly<Record<PackageManager, string>> = { apt: 'procps', apk: 'procps', yum: 'procps-ng' };

/** ImageMagick's command-line programs (identify, convert, ...). */
const IMAGEMAGICK: Readonly<Record<PackageManager, string>> = { apt: 'imagemagick', apk: 'imagemagick', yum: 'ImageMagick' };

/** Programs a HEALTHCHECK/CMD or the application's code may call, and the package that provides each (for slim runtimes). */
export const TOOL_PACKAGES: Record<string, Readonly<Record<PackageManager, string>>> = {
  curl: { apt: 'curl', apk: 'curl', yum: 'curl' },
  wget: { apt: 'wget', apk: 'wget', yum: 'wget' },
  bash: { apt: 'bash', apk: 'bash', yum: 'bash' },
  git: { apt: 'git', apk: 'git', yum: 'git' },
  make: { apt: 'make', apk: 'make', yum: 'make' },
  nc: { apt: 'netcat-openbsd', apk: 'netcat-openbsd', yum: 'nmap-ncat' },
  // what application code shells out to (src/code-programs.ts, the families' runtimePrograms) and a full
  // image has from buildpack-deps: diffs applied at run time (ReviewBoard), process and memory readings
  patch: { apt: 'patch', apk: 'patch', yum: 'patch' },
  free: PROCPS,
  ps: PROCPS,
  pgrep: PROCPS,
  pkill: PROCPS,
  openssl: { apt: 'openssl', apk: 'openssl', yum: 'openssl' },
  identify: IMAGEMAGICK,
  convert: IMAGEMAGICK,
  mogrify: IMAGEMAGICK,
  composite: IMAGEMAGICK,
  montage: IMAGEMAGICK,
  compare: IMAGEMAGICK,
};
