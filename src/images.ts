// Image references (https://docs.docker.com/reference/cli/docker/image/tag/) and the questions dfsplit asks
// about base images, answered from the table in knowledge/images.ts.
import type { PackageManager } from './analyze/tables.js';
import { GOLANG_BEFORE_TRIXIE, GOLANG_BEFORE_TRIXIE_NEWEST, IMAGES, NEWEST_TAG, NODE_CODENAMES, PYTHON_OWN_PATHS, PYTHON_SITE_PACKAGES, RELEASE_SUFFIX, SERVED_DIRECTORIES, SLIM, WINDOWS_IMAGE, type ConfigFacts, type Distribution, type DotnetImageMiss, type ImageRow, type Libc } from './knowledge/images.js';

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
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0 && /[.:]|^localhost$/.test(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    rest = rest.slice(slash + 1);
  }
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

function formatImage(ref: ImageRef): string {
  return `${ref.registry ? `${ref.registry}/` : ''}${ref.name}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

type Answer<K extends keyof ImageRow> = { row: ImageRow; value: NonNullable<ImageRow[K]> | null };

/**
 * The answer of the first row of the table that applies to `image` and states `fact`, or undefined. A row
 * without a registry holds on every registry, but its configuration on Docker Hub only.
 */
function ask<K extends keyof ImageRow>(image: string, fact: K): Answer<K> | undefined {
  const ref = parseImage(image);
  const tag = ref.tag ?? 'latest';
  const hub = ref.registry === null || ref.registry === 'docker.io';
  for (const row of IMAGES) {
    if (row[fact] === undefined) continue;
    const r = row.repository;
    if (r !== null && (typeof r === 'string' ? r !== ref.name : !r.test(ref.name))) continue;
    if (row.registry !== undefined ? row.registry !== ref.registry : fact === 'config' && !hub) continue;
    if (row.tag && !row.tag.test(tag)) continue;
    return { row, value: row[fact] ?? null };
  }
  return undefined;
}

/** A row's template (`eclipse-temurin:$1-jre`) filled with the groups its tag pattern matched in `image`'s tag. */
function fill(row: ImageRow, image: string, template: string): string {
  const tag = parseImage(image).tag ?? 'latest';
  const m = row.tag?.exec(tag);
  return m ? m[0].replace(row.tag!, template) : template;
}

/**
 * True when the image table has a row for the image's own repository (not only rules on tags, which any
 * image matches): dfsplit knows what it is. `rustlang/rust` is not `rust`.
 */
export function knownImage(image: string): boolean {
  const ref = parseImage(image);
  const tag = ref.tag ?? 'latest';
  return IMAGES.some((row) => {
    const r = row.repository;
    if (r === null || (typeof r === 'string' ? r !== ref.name : !r.test(ref.name))) return false;
    if (row.registry !== undefined && row.registry !== ref.registry) return false;
    return !row.tag || row.tag.test(tag);
  });
}

/**
 * The directory whose files the image's own command serves and that command, when it is an official server image
 * (nginx, httpd, tomcat on Docker Hub: knowledge/images.ts SERVED_DIRECTORIES); null otherwise.
 */
export function servedDirectory(image: string): { command: string; directory: string } | null {
  const ref = parseImage(image);
  if (ref.registry !== null && ref.registry !== 'docker.io') return null;
  const row = SERVED_DIRECTORIES.find((r) => r.repository === ref.name);
  return row ? { command: row.command, directory: row.directory } : null;
}

/**
 * The official php image an image is built on, whose facts (extension directory, conf.d, the helpers) it keeps: a php
 * image itself, the row's (`wordpress:php7.1-fpm` -> `php:7.1-fpm`), `php` with no tag when the image's tag does not
 * say which PHP version (`wordpress:latest`); null when it is not known to be built on php. Docker Hub only.
 */
export function phpImageOf(image: string): string | null {
  const ref = parseImage(image);
  if (ref.name === 'php') return image;
  if (ref.registry !== null && ref.registry !== 'docker.io') return null;
  const found = ask(image, 'php');
  return found?.value ? fill(found.row, image, found.value) : null;
}

/** The major version of node a node image's tag names (`node:6.2.0`, `node:boron-slim`: 6), or null (a moving tag, another image). */
export function nodeMajor(image: string): number | null {
  const ref = parseImage(image);
  if (ref.name !== 'node') return null;
  const first = (ref.tag ?? '').split('-')[0]!;
  if (/^\d+/.test(first)) return Number(/^(\d+)/.exec(first)![1]);
  return NODE_CODENAMES[first] ?? null;
}

/** The slim variant of an image, or null when none is known. `python:3.11` -> `python:3.11-slim`. */
export function slimVariant(image: string): string | null {
  const ref = parseImage(image);
  if (ref.digest || ref.registry) return null;
  const found = ask(image, 'slim');
  if (!found?.value) return null;
  const slim = found.value;
  const tag = ref.tag ?? 'latest';
  if ('image' in slim) return fill(found.row, image, slim.image);
  if (slim.none.test(tag)) return null;
  if (tag === 'latest') return formatImage({ ...ref, tag: 'slim' });
  const m = RELEASE_SUFFIX.exec(tag);
  if (!m) return formatImage({ ...ref, tag: `${tag}-slim` });
  if (slim.release === 'none') return null;
  return formatImage({ ...ref, tag: slim.release === 'slim-release' ? `${m[1]}-slim-${m[2]}` : `${tag}-slim` });
}

/** The C library an image ships. */
export function libcOf(image: string): Libc {
  return ask(image, 'libc')?.value ?? 'unknown';
}

/** Whether an image has /bin/sh (scratch and distroless do not). */
export function hasShell(image: string): boolean {
  return ask(image, 'shell')?.value ?? true;
}

/** The package manager of an image family, when known. */
export function packageManagerOf(image: string): PackageManager | null {
  return ask(image, 'packageManager')?.value ?? null;
}

/** True for Windows images, which dfsplit does not convert. */
export function isWindowsImage(image: string): boolean {
  return WINDOWS_IMAGE.test(image);
}

/** True for an image with no files at all (scratch): nothing, not even an environment, is inherited. */
export function isEmptyImage(image: string): boolean {
  return ask(image, 'empty')?.value ?? false;
}

/** True for a distribution's own base image (alpine, debian, ubuntu), which has nothing beyond it. */
export function isDistributionImage(image: string): boolean {
  return ask(image, 'distributionImage')?.value ?? false;
}

/** True for an official image whose full tags are built on buildpack-deps (curl, wget and git included). */
export function builtOnBuildpackDeps(image: string): boolean {
  return ask(image, 'buildpack')?.value ?? false;
}

/** True when the image itself has a C compiler (the full python images). */
export function shipsCompiler(image: string): boolean {
  return ask(image, 'compilers')?.value ?? false;
}

/**
 * The distribution an image is built on and its release when the tag names one the table knows for the family
 * (`python:3.11-slim-bookworm` -> debian bookworm, `ubuntu:16.04` -> ubuntu xenial, `python:3.7-alpine3.9` ->
 * alpine 3.9) or, for Debian, the image is built on Debian 12; release null: not known.
 */
export function distributionOf(image: string): { name: Distribution; release: string | null } | null {
  const name = ask(image, 'distribution')?.value;
  if (!name) return null;
  return { name, release: releaseInTag(image) ?? (name === 'debian' && devTableApplies(image) ? 'bookworm' : null) };
}

/** The release an image's tag names (`gcc:13-bookworm` -> bookworm, `alpine:3.9` -> 3.9), or null when the tag fixes none. */
export function releaseInTag(image: string): string | null {
  const found = ask(image, 'release');
  return found?.value ? fill(found.row, image, found.value) : null;
}

/** The JRE image of a Java build image's Java version and vendor, or why there is none (null: its tag is not in the table). */
export function jreImage(image: string): { image: string } | { why: string } | null {
  const found = ask(image, 'jre');
  if (!found?.value) return null;
  return 'image' in found.value ? { image: fill(found.row, image, found.value.image) } : found.value;
}

/** The .NET runtime image of `kind` for an SDK image (`sdk:8.0-alpine` -> mcr.microsoft.com/dotnet/aspnet:8.0-alpine-extra), or why there is none. */
export function dotnetRuntimeImage(sdk: string, kind: 'aspnet' | 'runtime'): { image: string } | { miss: DotnetImageMiss } {
  const found = ask(sdk, 'dotnetRuntime');
  if (!found?.value) return { miss: 'unknown' };
  return 'image' in found.value ? { image: fill(found.row, sdk, found.value.image).replace('{kind}', kind) } : found.value;
}

/**
 * True when the Debian dev -> runtime library table (Debian 12 names) fits the image: Debian 12 and
 * images built on it, Ubuntu 22.04. Older releases (libssl1.1, libffi7) and other Ubuntu releases keep
 * the -dev package at runtime instead.
 */
export function devTableApplies(image: string): boolean {
  const answer = ask(image, 'debian12')?.value;
  if (typeof answer !== 'object' || answer === null) return answer ?? false;
  // official language images: recent versions are built on Debian 12 unless the tag names a release
  const tag = parseImage(image).tag ?? 'latest';
  if (NEWEST_TAG.test(tag)) return true;
  const m = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!m) return false;
  const version = Number(m[1]) + Number(m[2] ?? 0) / 1000;
  return version >= answer.since;
}

/** The configuration row of an image dfsplit knows, or null. */
export function configFacts(image: string): ConfigFacts | null {
  const found = ask(image, 'config');
  const env = found?.value?.env;
  if (!found?.value || !env || !Object.values(env).some((v) => v.includes('$'))) return found?.value ?? null;
  // a row whose environment names a version its tag gives (haskell's /opt/ghc/$1/bin)
  return { ...found.value, env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(found.row, image, v)])) };
}

/** Whether every tag of the image carries the CA certificate bundle: true, false (not every one), null (not known). */
export function hasCaCertificates(image: string): boolean | null {
  return ask(image, 'caCertificates')?.value ?? null;
}

/** Whether every tag of the image carries the time zone database (/usr/share/zoneinfo): true, false, null (not known). */
export function hasZoneinfo(image: string): boolean | null {
  return ask(image, 'zoneinfo')?.value ?? null;
}

/**
 * Whether the image of Alpine `release` (`3.11`) carries /etc/nsswitch.conf: true, false, or null when the table does
 * not say for the image or the release is not known.
 */
export function hasNsswitchConf(image: string, release: string | null): boolean | null {
  const facts = ask(image, 'nsswitch')?.value;
  const minor = (r: string) => Number(/^3\.(\d+)$/.exec(r)?.[1] ?? NaN);
  if (!facts || release === null || Number.isNaN(minor(release))) return null;
  if (minor(release) >= minor(facts.since)) return true;
  return facts.unknownFrom !== undefined && minor(release) >= minor(facts.unknownFrom) ? null : false;
}

/** True for a headless Java image (no AWT X11 libraries: openjdk's -slim tags). */
export function isHeadlessJava(image: string): boolean {
  return ask(image, 'headless')?.value ?? false;
}

/** False when the image's pip cannot run `pip wheel` as shipped (no `wheel` package: Python 3.0 to 3.4 images). */
export function pipBuildsWheels(image: string): boolean {
  return ask(image, 'pipWheel')?.value ?? true;
}

/** The year from which a tag of `image` last listed was rebuilt with the `wheel` package its first builds lacked (the image table's `pipWheelRebuiltFrom`), or null. */
export function pipWheelRebuiltFrom(image: string): number | null {
  return ask(image, 'pipWheelRebuiltFrom')?.value ?? null;
}

/** The Debian release on whose builds `image`'s pip lacked the `wheel` package it has now (the image table's `pipWheelMissingOn`), or null. */
export function pipWheelMissingOn(image: string): string | null {
  return ask(image, 'pipWheelMissingOn')?.value ?? null;
}

/**
 * The image's approximate uncompressed size in MB (linux/amd64, recent releases), or null when the image table has
 * no estimate for it: an image outside the table gets none.
 */
export function imageSizeMB(image: string): number | null {
  return ask(image, 'sizeMB')?.value ?? null;
}

/** True for a Debian slim image (`node:20-bookworm-slim`, `debian:bookworm-slim`): Debian's slim images leave out the man and doc directories. */
export function isDebianSlim(image: string): boolean {
  return distributionOf(image)?.name === 'debian' && SLIM.test(parseImage(image).tag ?? '');
}

/**
 * The newest Debian release a glibc image's builds could have been made on, when its tag says so without naming
 * it: a golang tag of a Go version older than the trixie variants (`golang:1.8`: bookworm at the newest). Null when
 * not known.
 */
export function newestBuildRelease(image: string): string | null {
  const ref = parseImage(image);
  return ref.name === 'golang' && GOLANG_BEFORE_TRIXIE.test(ref.tag ?? '') ? GOLANG_BEFORE_TRIXIE_NEWEST : null;
}

/**
 * The Python version (`3.11`) of an official python image, read from its tag (`3.11.4-bookworm`, `3.5-onbuild`):
 * its packages go to /usr/local/lib/python<version>/site-packages. A tag `2` is 2.7, the only Python 2 the official
 * images carried; a tag that moves between versions (`3`, `latest`, `slim`) gives null, as does any other image.
 */
export function pythonVersion(image: string): string | null {
  const ref = parseImage(image);
  if (ref.name.replace(/^library\//, '') !== 'python' || ref.registry || ref.digest) return null;
  const tag = ref.tag ?? 'latest';
  if (/^2(-|$)/.test(tag)) return '2.7';
  return /^([23]\.\d+)(\.|-|$)/.exec(tag)?.[1] ?? null;
}

/**
 * The Go version (`1.12`) of an official golang image, read from its tag (`1.12.5-alpine3.9`, `1.8-onbuild`); a tag
 * that moves between versions (`1`, `latest`, `alpine`) gives null, as does any other image.
 */
export function goVersion(image: string): string | null {
  const ref = parseImage(image);
  if (ref.name.replace(/^library\//, '') !== 'golang' || ref.registry || ref.digest) return null;
  return /^(1\.\d+)(\.|-|$)/.exec(ref.tag ?? 'latest')?.[1] ?? null;
}

/** An official python image's own site-packages, when its tag names its Python version (else null). */
export function pythonSitePackages(image: string): string | null {
  const python = pythonVersion(image);
  return python === null ? null : PYTHON_SITE_PACKAGES.replace('{python}', python);
}

/** An official python image's own site-packages and /usr/local/bin, which a runtime stage may copy from a builder on it, when its tag names its Python version (else none). */
export function pythonOwnPaths(image: string): string[] {
  const python = pythonVersion(image);
  return python === null ? [] : PYTHON_OWN_PATHS.map((p) => p.replace('{python}', python));
}
