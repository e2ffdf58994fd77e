// Distributions and their releases, in order: what the image table (src/knowledge/images.ts) names as an
// image's release and what the release-keyed tables (src/knowledge/runtime-packages.ts) are keyed by.

export type Distribution = 'debian' | 'ubuntu' | 'alpine' | 'centos' | 'fedora' | 'rockylinux' | 'almalinux' | 'amazonlinux';

/** A distribution and its release as the image table or a tag table names it (`debian`/`stretch`, `alpine`/`3.9`); null: not known. */
export interface Release {
  distribution: Distribution;
  release: string | null;
}

/**
 * Debian and Ubuntu releases by codename, oldest first. Ubuntu: 14.04 to 24.04, the interim releases between the LTS
 * ones (14.10 utopic to 19.10 eoan, which Docker Hub files name) included: the release-keyed tables give a range's
 * names to the interim releases inside it (between two LTS releases that name a library alike, so did the releases
 * between), and a name that changed at an interim release leaves those after it outside every range, unknown.
 */
export const DEBIAN_RELEASES = ['jessie', 'stretch', 'buster', 'bullseye', 'bookworm', 'trixie'] as const;
/** Ubuntu's releases the tables speak for, by version number and codename, oldest first (`ubuntu:16.04` is xenial). */
const UBUNTU = [
  ['14.04', 'trusty'],
  ['14.10', 'utopic'],
  ['15.04', 'vivid'],
  ['15.10', 'wily'],
  ['16.04', 'xenial'],
  ['16.10', 'yakkety'],
  ['17.04', 'zesty'],
  ['17.10', 'artful'],
  ['18.04', 'bionic'],
  ['18.10', 'cosmic'],
  ['19.04', 'disco'],
  ['19.10', 'eoan'],
  ['20.04', 'focal'],
  ['22.04', 'jammy'],
  ['24.04', 'noble'],
] as const;
export const UBUNTU_RELEASES: readonly (typeof UBUNTU)[number][1][] = UBUNTU.map(([, name]) => name);
/** Ubuntu's version numbers for its codenames (`ubuntu:16.04` is xenial). */
export const UBUNTU_VERSIONS: Readonly<Record<string, (typeof UBUNTU)[number][1]>> = Object.fromEntries(UBUNTU);
/** Ubuntu's interim releases: each left the archive its images' sources name for old-releases.ubuntu.com nine months after it came out. https://wiki.ubuntu.com/Releases */
const ARCHIVED_UBUNTU: readonly (typeof UBUNTU)[number][1][] = ['utopic', 'vivid', 'wily', 'yakkety', 'zesty', 'artful', 'cosmic', 'disco', 'eoan'];
/** Debian's version numbers for its codenames (`debian:9` is stretch). */
export const DEBIAN_VERSIONS: Readonly<Record<string, (typeof DEBIAN_RELEASES)[number]>> = { '8': 'jessie', '9': 'stretch', '10': 'buster', '11': 'bullseye', '12': 'bookworm', '13': 'trixie' };
/** The newest Alpine branch the table speaks for: a range left open ends here, as a later branch may rename. */
export const NEWEST_ALPINE = '3.23';

/**
 * Debian releases whose packages are no longer on the Debian mirrors (moved to archive.debian.org when their
 * long-term support ended): an `apt-get update` that names the usual sources fails on their images.
 * https://www.debian.org/releases/  https://wiki.debian.org/LTS
 */
const ARCHIVED_DEBIAN: readonly (typeof DEBIAN_RELEASES)[number][] = ['jessie', 'stretch', 'buster'];

/** True for a release whose package archive its images' sources no longer reach (Debian jessie to buster, Ubuntu's interim releases). */
export function isArchived(release: Release): boolean {
  if (release.release === null) return false;
  if (release.distribution === 'ubuntu') return (ARCHIVED_UBUNTU as readonly string[]).includes(release.release);
  return release.distribution === 'debian' && (ARCHIVED_DEBIAN as readonly string[]).includes(release.release);
}

/** True when Debian release `a` is `b` or older (a glibc binary built on `a` runs on `b`: glibc keeps its old symbol versions). */
export function debianNotNewer(a: string, b: string): boolean {
  const i = (DEBIAN_RELEASES as readonly string[]).indexOf(a);
  const j = (DEBIAN_RELEASES as readonly string[]).indexOf(b);
  return i >= 0 && j >= 0 && i <= j;
}
