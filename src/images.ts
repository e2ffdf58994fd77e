// What dfsplit knows about base images: their smaller variants, their C library and whether they
// have a shell. Image references: https://docs.docker.com/reference/cli/docker/image/tag/
import type { PackageManager } from './analyze/tables.js';

/** A parsed image reference `[registry/]name[:tag][@digest]`. */
export interface ImageRef {
  /** Repository path without registry, e.g. `python`, `library/python`, `distroless/static-debian12`. */
  name: string;
  registry: string | null;
  tag: string | null;
  digest: string | null;
}

export function parseImage(ref: string): ImageRef {
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0 && /[.:]|^localhost$/.test(rest.slice(0, slash))) { registry = rest.slice(0, slash); rest = rest.slice(slash + 1); }
  const colon = rest.lastIndexOf(':');
  const tag = colon >= 0 ? rest.slice(colon + 1) : null;
  const name = (colon >= 0 ? rest.slice(0, colon) : rest).replace(/^library\//, '');
  return { name, registry, tag, digest };
}

/** An image's name with its registry, Docker Hub's left out (`mcr.microsoft.com/dotnet/sdk`, `maven`). */
export function imageName(image: string): string {
  const ref = parseImage(image);
  return ref.registry && ref.registry !== 'docker.io' ? `${ref.registry}/${ref.name}` : ref.name;
}

export function formatImage(ref: ImageRef): string {
  return `${ref.registry ? `${ref.registry}/` : ''}${ref.name}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/**
 * Where each official image family puts `slim` in its tags (docker-library's published tag lists):
 * python, ruby and perl before the Debian release (`3.6-slim-stretch`), node after it
 * (`8-stretch-slim`), openjdk after the jdk/jre kind (`8-jre-slim`, none with a release). Tags that
 * never had a slim variant (`-onbuild`, wheezy-era releases) match `none`.
 */
const SLIM_GRAMMAR: Record<string, { release: 'slim-release' | 'release-slim' | 'none'; none: RegExp }> = {
  python: { release: 'slim-release', none: /onbuild|wheezy|windows/ },
  ruby: { release: 'slim-release', none: /onbuild|wheezy|windows/ },
  perl: { release: 'slim-release', none: /onbuild|wheezy|threaded/ },
  node: { release: 'release-slim', none: /onbuild|wheezy|jessie/ },
  openjdk: { release: 'none', none: /^latest$|windows|oracle|nanoserver|buster|bullseye|bookworm|stretch|jessie/ },
  rust: { release: 'slim-release', none: /nightly/ },
};
const DEBIAN_CODENAMES = /^(bookworm|bullseye|buster|trixie|stable|oldstable|testing|sid|1[0-3])$/;

/**
 * Build images whose programs run on a smaller image of another name, with the same C library:
 * a JDK build image -> Eclipse Temurin's JRE (Ubuntu, glibc); Rust's Debian image -> Debian slim.
 */
const RUNTIME_FAMILIES: { match: RegExp; runtime: (m: RegExpExecArray) => string }[] = [
  { match: /^maven:[\w.-]*eclipse-temurin-(\d+)$/, runtime: (m) => `eclipse-temurin:${m[1]}-jre` },
  { match: /^gradle:[\w.-]*jdk(\d+)$/, runtime: (m) => `eclipse-temurin:${m[1]}-jre` },
  { match: /^eclipse-temurin:(\d+)(-jdk)?$/, runtime: (m) => `eclipse-temurin:${m[1]}-jre` },
  { match: /^rust:[\d.]+(-bookworm)?$/, runtime: () => 'debian:bookworm-slim' },
];

/** The slim variant of an image, or null when none is known. `python:3.11` -> `python:3.11-slim`. */
export function slimVariant(image: string): string | null {
  const ref = parseImage(image);
  if (ref.digest || ref.registry) return null;
  for (const f of RUNTIME_FAMILIES) {
    const m = f.match.exec(image);
    if (m) return f.runtime(m);
  }
  const tag = ref.tag ?? 'latest';
  if (/(^|-)(slim|alpine|windowsservercore|nanoserver)/.test(tag)) return null;
  if (ref.name === 'debian') {
    if (!DEBIAN_CODENAMES.test(tag)) return null;
    return formatImage({ ...ref, tag: `${tag}-slim` });
  }
  const grammar = SLIM_GRAMMAR[ref.name];
  if (!grammar || grammar.none.test(tag)) return null;
  if (tag === 'latest') return formatImage({ ...ref, tag: 'slim' });
  const m = /^(.*?)-(bookworm|bullseye|buster|stretch|trixie)$/.exec(tag);
  if (!m) return formatImage({ ...ref, tag: `${tag}-slim` });
  if (grammar.release === 'none') return null;
  return formatImage({ ...ref, tag: grammar.release === 'slim-release' ? `${m[1]}-slim-${m[2]}` : `${tag}-slim` });
}

export type Libc = 'glibc' | 'musl' | 'none' | 'unknown';

/** The C library an image ships. */
export function libcOf(image: string): Libc {
  const ref = parseImage(image);
  const tag = ref.tag ?? '';
  if (ref.name === 'scratch' || /distroless\/static/.test(ref.name)) return 'none';
  if (ref.name === 'alpine' || /alpine/.test(tag) || /(^|\/)(alpine|busybox)$/.test(ref.name)) return 'musl';
  if (/^(debian|ubuntu|python|node|golang|ruby|perl|openjdk|rust|php|maven|gradle|centos|fedora|rockylinux|almalinux|amazonlinux|buildpack-deps|eclipse-temurin)$/.test(ref.name) || /distroless\/(base|cc|python|java)/.test(ref.name)) return 'glibc';
  return 'unknown';
}

/** Whether an image has /bin/sh (scratch and distroless do not). */
export function hasShell(image: string): boolean {
  const ref = parseImage(image);
  if (ref.name === 'scratch') return false;
  if (/distroless\//.test(ref.name) && !/:debug/.test(image)) return false;
  return true;
}

/** The package manager of an image family, when known. */
export function packageManagerOf(image: string): PackageManager | null {
  const ref = parseImage(image);
  const libc = libcOf(image);
  if (libc === 'musl') return 'apk';
  if (/^(centos|fedora|rockylinux|almalinux|amazonlinux)$/.test(ref.name) || /ubi/.test(ref.name)) return 'yum';
  if (libc === 'glibc' && !/distroless/.test(ref.name)) return 'apt';
  return null;
}

export const WINDOWS_IMAGE = /(windows|nanoserver|servercore)/i;

/** The first version of each official image whose default tag is built on Debian 12 (major + minor/1000). */
const FIRST_ON_DEBIAN12: Record<string, number> = { python: 3.008, node: 18, ruby: 3.0, golang: 1.02, perl: 5.036, rust: 1.07, php: 8.001, 'buildpack-deps': 12 };

const OLD_DEBIAN = /^(jessie|stretch|buster|bullseye|[789]|10|11)(\b|-|\.)/;
const RELEASE_IN_TAG = /(^|-)(jessie|stretch|buster|bullseye)(-|$)/;

/**
 * True when the Debian dev -> runtime library table (Debian 12 names) fits the image: Debian 12 and
 * images built on it, Ubuntu 22.04. Older releases (libssl1.1, libffi7) and other Ubuntu releases keep
 * the -dev package at runtime instead.
 */
export function devTableApplies(image: string): boolean {
  const ref = parseImage(image);
  const tag = ref.tag ?? 'latest';
  if (ref.name === 'debian') return !OLD_DEBIAN.test(tag);
  if (ref.name === 'ubuntu') return /^(22\.04|jammy)/.test(tag);
  if (RELEASE_IN_TAG.test(tag)) return false;
  // an official image whose tag names bookworm is built on it (gcc:13-bookworm, python:3.12-slim-bookworm)
  if (!ref.registry && !ref.name.includes('/') && /(^|-)bookworm(-|$)/.test(tag)) return true;
  // official language images: recent versions are built on Debian 12 unless the tag names a release
  const minimum = FIRST_ON_DEBIAN12[ref.name];
  if (minimum === undefined) return false;
  if (tag === 'latest' || /^(slim|bookworm|current|lts)/.test(tag)) return true;
  const m = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!m) return false;
  const version = Number(m[1]) + Number(m[2] ?? 0) / 1000;
  return version >= minimum;
}
