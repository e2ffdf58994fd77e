// The tags the official images have published, answered from the table in knowledge/tags.ts (generated from
// docker-library/official-images by tools/tags/generate.mjs; docs/images.md says when and how). Each answer is
// null when the table cannot tell: a repository it does not cover, another registry, a tag it leaves out.
import { GENERATED, OMITTED, TAGS } from './knowledge/tags.js';
import { distributionOf, isWindowsImage, parseImage, releaseInTag } from './images.js';
import { DEBIAN_RELEASES, UBUNTU_RELEASES, type Distribution, type Release } from './knowledge/releases.js';

/** The date of the newest library commit the table was generated from. */
export const TAG_TABLE_DATE = GENERATED.date;

/** What the table records of one tag. */
interface TagFacts {
  /** The distribution release its image was built on at its last listing, or null when the library file does not say. */
  release: string | null;
  /** `now` when the newest commit of the library still lists it, else the year it was last listed. */
  last: string;
  /** The releases its image was built on before `release`, oldest first (`python:3.6`: jessie, stretch, buster). */
  earlier: readonly string[];
}

const expanded = new Map<string, ReadonlyMap<string, TagFacts>>();

/** `3.4.2..10` -> 3.4.2, 3.4.3, ..., 3.4.10; any other version is itself. */
function versions(written: string): string[] {
  if (written === '') return [''];
  return written.split(' ').flatMap((v) => {
    const m = /^(.*\.)(\d+)\.\.(\d+)$/.exec(v);
    if (!m) return [v];
    const out: string[] = [];
    for (let n = Number(m[2]); n <= Number(m[3]); n++) out.push(`${m[1]}${n}`);
    return out;
  });
}

/** Every tag of a repository the table covers, with its facts (expanded once, on first use). */
function tagsOf(repository: string): ReadonlyMap<string, TagFacts> | null {
  const groups = Object.hasOwn(TAGS, repository) ? TAGS[repository] : undefined;
  if (!groups) return null;
  let tags = expanded.get(repository);
  if (!tags) {
    const map = new Map<string, TagFacts>();
    for (const [release, last, rows, moved] of groups) {
      const earlier = moved ? moved.split(' ') : [];
      for (const [templates, written] of rows) {
        const list = versions(written);
        for (const template of templates.split(' ')) for (const v of list) map.set(v === '' ? template : template.replace('{}', v), { release, last, earlier });
      }
    }
    expanded.set(repository, (tags = map));
  }
  return tags;
}

/**
 * The facts of `image`'s tag (or of `tag` when given), undefined when the table cannot tell (null when it can:
 * the tag was never published). Only Docker Hub's official images are covered.
 */
function lookup(image: string, tag?: string): TagFacts | null | undefined {
  const ref = parseImage(image);
  if (ref.digest || (ref.registry !== null && ref.registry !== 'docker.io')) return undefined;
  const name = tag ?? ref.tag ?? 'latest';
  const tags = tagsOf(ref.name);
  if (!tags || OMITTED.test(name) || isWindowsImage(`${ref.name}:${name}`)) return undefined;
  return tags.get(name) ?? null;
}

/**
 * Whether the official image's tag was ever published (`node:9-stretch-slim`, `python:3.4.1-slim`: never), or
 * null when the table does not cover it. `image` is a reference (`python:3.11-slim`, `library/python`); `tag`,
 * when given, is asked instead of the reference's own.
 */
export function isPublished(image: string, tag?: string): boolean | null {
  const facts = lookup(image, tag);
  return facts === undefined ? null : facts !== null;
}

/** The distribution release (`bookworm`, `jammy`, `alpine3.19`) the tag's image was built on at its last listing, or null when unknown or never published. */
export function releaseOf(image: string, tag?: string): string | null {
  return lookup(image, tag)?.release ?? null;
}

/**
 * Whether the tag is frozen: published once, no longer listed at the newest commit of the library, so its image is
 * never rebuilt (`rust:1.63`, `node:9`); false for a tag still listed (it moves with every rebuild), null when the
 * table cannot tell or the tag was never published.
 */
export function isFrozen(image: string, tag?: string): boolean | null {
  const facts = lookup(image, tag);
  return facts ? facts.last !== 'now' : null;
}

/**
 * The year the library file last listed the tag (`python:3.4`: 2019), `now` for a tag still listed, or null when the
 * table cannot tell: the image of a frozen tag is its last rebuild, from that year.
 */
export function lastListed(image: string, tag?: string): number | 'now' | null {
  const facts = lookup(image, tag);
  if (!facts) return null;
  return facts.last === 'now' ? 'now' : Number(facts.last);
}

/**
 * The releases `image`'s tag was built on before the one it is built on now, oldest first, as the release-keyed
 * tables name them (`python:3.6` -> debian jessie, stretch, buster; `python:3.6-slim-stretch` -> none): a file
 * written then got those. Empty when the tag never moved or the table cannot tell.
 */
export function earlierReleases(image: string): Release[] {
  const d = distributionOf(image);
  if (!d || releaseInTag(image) !== null) return [];
  return (lookup(image)?.earlier ?? []).flatMap((r) => {
    const release = tableRelease(d.name, r);
    return release === null ? [] : [{ distribution: d.name, release }];
  });
}

/**
 * The release of `image` that the release-keyed tables (src/knowledge/runtime-packages.ts) are asked for: the one
 * its tag names (`gcc:13-bookworm`, `alpine:3.9`), else the one the tag table records for the published tag
 * (`python:3.11` -> its release at its last listing); a release neither says is unknown (null), never assumed.
 * Null when the image's distribution is not known.
 */
export function releaseOfImage(image: string): Release | null {
  const d = distributionOf(image);
  if (!d) return null;
  return { distribution: d.name, release: releaseInTag(image) ?? tableRelease(d.name, releaseOf(image)) };
}

/** The tag table's release (`bookworm`, `alpine3.19`) as the release-keyed tables name it for `distribution`, or null. */
function tableRelease(distribution: Distribution, release: string | null): string | null {
  if (release === null) return null;
  if (distribution === 'debian') return (DEBIAN_RELEASES as readonly string[]).includes(release) ? release : null;
  if (distribution === 'ubuntu') return (UBUNTU_RELEASES as readonly string[]).includes(release) ? release : null;
  // the tag table's `alpine3.19` is the release-keyed tables' `3.19`
  if (distribution === 'alpine') return release.startsWith('alpine') ? release.slice('alpine'.length) : null;
  return null;
}

/**
 * The release every build of `image` gets: the one its tag names (`golang:1.12-alpine3.10` -> 3.10), else the one the
 * tag table records for a frozen tag, whose image is never rebuilt (`golang:1.12-alpine` -> 3.11). Null for a tag that
 * still moves (`golang:alpine`, `golang:1-alpine`: the release of the next build is not known) or one the table lacks.
 */
export function buildRelease(image: string): Release | null {
  const release = releaseOfImage(image);
  if (release?.release == null) return null;
  return releaseInTag(image) !== null || isFrozen(image) === true ? release : null;
}

/**
 * True when `image`'s tag still moves to newer releases (`python:3`, trixie now): the table lists it now and the tag
 * names no release. What is named for the release it is built on today (runtime package names, a glibc) may not
 * hold for the next; a pin (pinnedTag) fixes it.
 */
export function movesRelease(image: string): boolean {
  return releaseInTag(image) === null && isFrozen(image) === false;
}

/** `image` with its tag replaced by `tag` (or given one): registry and repository as written. */
function withTag(image: string, tag: string): string {
  const slash = image.lastIndexOf('/');
  const colon = image.indexOf(':', slash + 1);
  return `${colon < 0 ? image : image.slice(0, colon)}:${tag}`;
}

/**
 * The pinned form of an official image's tag that still moves: the tag that names the release the moving one is
 * built on (`golang` and `golang:latest` -> `golang:trixie`, `gcc:13` -> `gcc:13-bookworm`, `rust:1` ->
 * `rust:1-trixie`), registry and repository kept as written. Only when the table records the moving tag's release
 * at its newest listing and the pinned tag itself as published on that release; null otherwise (a frozen tag, a
 * tag naming its release already, a variable, a digest, another registry, a pinned tag never published): a tag
 * is never invented.
 */
export function pinnedTag(image: string): string | null {
  if (image.includes('$') || releaseInTag(image) !== null) return null;
  const facts = lookup(image);
  if (!facts || facts.last !== 'now' || facts.release === null) return null;
  const tag = parseImage(image).tag ?? 'latest';
  const pinned = tag === 'latest' ? facts.release : `${tag}-${facts.release}`;
  return lookup(image, pinned)?.release === facts.release ? withTag(image, pinned) : null;
}
