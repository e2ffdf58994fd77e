// The distribution Python table (src/knowledge/distro-python.ts): where pip as root writes on each release.
import { describe, expect, it } from 'vitest';
import { distroPipWrites, externallyManaged } from '../src/knowledge/distro-python.js';

describe('distribution Python', () => {
  it("names the dist-packages of the release's Python, and 2.7 only where python-pip is shipped", () => {
    expect(distroPipWrites({ distribution: 'ubuntu', release: 'xenial' }, 3)).toEqual(['/usr/local/lib/python3.5/dist-packages', '/usr/local/bin']);
    expect(distroPipWrites({ distribution: 'debian', release: 'buster' }, 'default')).toEqual(['/usr/local/lib/python2.7/dist-packages', '/usr/local/bin']);
    expect(distroPipWrites({ distribution: 'debian', release: 'bullseye' }, 2)).toEqual([]);
    expect(distroPipWrites({ distribution: 'ubuntu', release: null }, 3)).toEqual([]);
    expect(distroPipWrites({ distribution: 'alpine', release: '3.9' }, 3)).toEqual([]);
  });

  it('knows the externally managed releases (PEP 668)', () => {
    expect(externallyManaged({ distribution: 'debian', release: 'bookworm' })).toBe(true);
    expect(externallyManaged({ distribution: 'ubuntu', release: 'jammy' })).toBe(false);
  });
});
