import { describe, expect, it } from 'vitest';
import { newestBuildRelease } from '../src/images.js';
import { debianNotNewer } from '../src/knowledge/releases.js';

describe('the newest release a tag was built on (glibc moves of the Go preset)', () => {
  it('bounds golang tags of Go 1.22 and older by bookworm, and no other', () => {
    for (const tag of ['golang:1.5', 'golang:1.9.2', 'golang:1.22', 'golang:1.22.3-bookworm', 'golang:1.11-stretch']) expect(newestBuildRelease(tag), tag).toBe('bookworm');
    // Go 1.23 and later had trixie variants, a moving tag fixes nothing, and Alpine and Windows tags are no Debian
    for (const tag of ['golang:1.24', 'golang:1.23', 'golang:latest', 'golang:1', 'golang', 'golang:1.22-trixie', 'node:8', 'golang:1.9-alpine3.7', 'golang:1.11-windowsservercore']) expect(newestBuildRelease(tag), tag).toBeNull();
  });

  it('orders Debian releases: a binary built on an older release runs on a newer one', () => {
    expect(debianNotNewer('jessie', 'bookworm')).toBe(true);
    expect(debianNotNewer('bookworm', 'bookworm')).toBe(true);
    expect(debianNotNewer('trixie', 'bookworm')).toBe(false);
    expect(debianNotNewer('xenial', 'bookworm')).toBe(false);
  });
});
