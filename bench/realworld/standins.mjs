// Which local stand-in image builds in place of a real base image, and whether a tag exists at all.
// This table is the harness's own, kept apart from dfsplit's image knowledge on purpose: the harness
// must not grade dfsplit with dfsplit's own beliefs. Every substitution is recorded in the results.
//
// Tag grammars follow the official images' published tags (docker-library's generate-stackbrew-library
// scripts): python and ruby put `slim` before the Debian release (`3.6-slim-stretch`), node and openjdk
// put it after (`8-stretch-slim`, `8-jre-slim`), debian has `<release>-slim`, golang has no slim.

const RELEASE = '(bookworm|bullseye|buster|stretch|jessie|wheezy|trixie)';
const VERSION = '(\\d+(\\.\\d+){0,2}([a-z]+\\d*)?|latest)';

/**
 * Per family: `tags` is the grammar of tags that exist (without alpine/windows, which never build here);
 * `standin(tag)` the local image to build on instead, by variant.
 */
export const FAMILIES = {
  debian: {
    tags: new RegExp(`^(${RELEASE}|\\d+(\\.\\d+)*|latest|stable|oldstable|testing|sid|unstable)(-slim|-backports)?(-\\d{8})?$`),
    standin: (tag) => (/slim/.test(tag) ? 'debian:bookworm-slim' : 'debian:bookworm'),
  },
  ubuntu: {
    tags: /^(\d\d\.\d\d(\.\d+)?|latest|rolling|devel|[a-z]+(-\d{8}(\.\d+)?)?)$/,
    standin: () => 'ubuntu:22.04',
  },
  python: {
    tags: new RegExp(`^(${VERSION}|\\d)(-slim)?(-${RELEASE})?$|^(${VERSION}|\\d)-onbuild$|^(slim|${RELEASE}|slim-${RELEASE})$`),
    standin: (tag) => (/slim/.test(tag) ? 'python:3.11-slim' : 'python:3.11'),
  },
  ruby: {
    tags: new RegExp(`^(${VERSION}(-p\\d+)?)(-slim)?(-${RELEASE})?$|^${VERSION}-onbuild$|^(slim|${RELEASE}|slim-${RELEASE})$`),
    standin: (tag) => (/slim/.test(tag) ? 'ruby:3.2-slim' : 'ruby:3.2'),
  },
  node: {
    tags: new RegExp(`^(${VERSION}|lts|current|argon|boron|carbon|dubnium|erbium|fermium|gallium|hydrogen|iron)(-${RELEASE})?(-slim)?$|^${VERSION}-(onbuild|wheezy)$|^(slim|${RELEASE}|${RELEASE}-slim)$`),
    standin: (tag) => (/slim/.test(tag) ? 'node:20-slim' : 'node:20'),
  },
  golang: {
    tags: new RegExp(`^(${VERSION})(-${RELEASE})?$|^(${VERSION})-onbuild$|^${RELEASE}$`),
    standin: () => 'golang:1.22',
  },
  openjdk: {
    tags: new RegExp(`^(${VERSION}|\\d+u\\d+)(-(jdk|jre))?(-slim)?(-${RELEASE})?$|^(${VERSION})-(jdk|jre)-(slim-)?${RELEASE}$|^(jdk|jre|slim)$`),
    standin: (tag) => (/jre/.test(tag) ? 'eclipse-temurin:17-jre' : /slim/.test(tag) ? 'openjdk:17-slim' : 'openjdk:17'),
  },
  java: {
    tags: /^(\d+(u\d+)?(-(jdk|jre))?|jdk|jre|latest|openjdk-\d+(-(jdk|jre))?)$/,
    standin: (tag) => (/jre/.test(tag) ? 'eclipse-temurin:17-jre' : 'openjdk:17'),
  },
  'eclipse-temurin': {
    tags: /^(\d+(\.\d+)*(_\d+)?)(-(jdk|jre))?(-(focal|jammy|noble|ubi9-minimal|centos7))?$|^latest$/,
    standin: (tag) => (/jre/.test(tag) ? 'eclipse-temurin:17-jre' : 'eclipse-temurin:17'),
  },
  maven: {
    tags: /^(\d+(\.\d+)*)?(-?(jdk|openjdk|eclipse-temurin|amazoncorretto|ibmjava|sapmachine)(-\d+)?)?(-slim)?$|^latest$/,
    standin: () => 'maven:3-eclipse-temurin-17',
  },
  gradle: {
    tags: /^(\d+(\.\d+)*(-jdk\d*)?|jdk\d*|latest)$/,
    standin: () => 'gradle:jdk17',
  },
  php: {
    tags: new RegExp(`^(${VERSION})(-(cli|apache|fpm|zts))?(-${RELEASE})?$`),
    standin: (tag) => (/apache/.test(tag) ? 'php:8.2-apache' : /fpm/.test(tag) ? null : 'php:8.2-cli'),
  },
  rust: {
    tags: new RegExp(`^(${VERSION}|1)(-slim)?(-${RELEASE})?$|^(slim|${RELEASE}|slim-${RELEASE})$`),
    standin: (tag) => (/slim/.test(tag) ? 'rust:1.70-slim' : 'rust:1.70'),
  },
  gcc: { tags: /^(\d+(\.\d+)*|latest)(-(bookworm|bullseye|buster|stretch))?$/, standin: () => 'gcc:12' },
  'buildpack-deps': {
    tags: new RegExp(`^(${RELEASE}|\\d\\d\\.\\d\\d|[a-z]+|latest)(-(curl|scm))?$|^(curl|scm)$`),
    standin: () => 'buildpack-deps:bookworm',
  },
  nginx: { tags: /^(\d+(\.\d+)*|latest|stable|mainline)(-perl)?$/, standin: () => 'nginx:latest' },
  'gcr.io/distroless/static-debian12': { tags: /^(latest|nonroot)$/, standin: (tag) => `gcr.io/distroless/static-debian12:${tag}` },
  'gcr.io/distroless/base-debian12': { tags: /^(latest|nonroot)$/, standin: (tag) => `gcr.io/distroless/base-debian12:${tag}` },
  'gcr.io/distroless/cc-debian12': { tags: /^(latest|nonroot)$/, standin: (tag) => `gcr.io/distroless/cc-debian12:${tag}` },
  'gcr.io/distroless/java17-debian12': { tags: /^(latest|nonroot)$/, standin: (tag) => `gcr.io/distroless/java17-debian12:${tag}` },
  'gcr.io/distroless/python3-debian12': { tags: /^(latest|nonroot)$/, standin: (tag) => `gcr.io/distroless/python3-debian12:${tag}` },
};

/** Variants that exist but can never build here: no package archive for them is reachable. */
const NEVER = [
  { re: /alpine|musl/i, why: 'Alpine (no apk archive reachable)' },
  { re: /windowsservercore|nanoserver/i, why: 'Windows image' },
  { re: /^(centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse|archlinux|busybox|registry\.access\.redhat\.com)/, why: 'not a Debian family (no package archive reachable)' },
];

/**
 * The stand-in for an image reference: `{ standin }`, or `{ none: why }` when nothing fits, or
 * `{ missingTag: why }` when the tag does not exist in the official image's grammar.
 */
export function standinFor(ref) {
  if (ref === 'scratch') return { standin: 'scratch' };
  if (ref.includes('$')) return { none: 'image named by a variable' };
  for (const n of NEVER) if (n.re.test(ref)) return { none: n.why };
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = noDigest.lastIndexOf(':');
  const hasTag = colon > noDigest.lastIndexOf('/');
  const name = (hasTag ? noDigest.slice(0, colon) : noDigest).replace(/^(docker\.io\/)?(library\/)?/, '');
  const tag = hasTag ? noDigest.slice(colon + 1) : 'latest';
  const family = FAMILIES[name];
  if (!family) return { none: `no stand-in for ${name}` };
  if (!family.tags.test(tag)) return { missingTag: `${name}:${tag} is not a tag of the official ${name} image` };
  const standin = family.standin(tag);
  return standin ? { standin } : { none: `no stand-in for ${name}:${tag}` };
}
