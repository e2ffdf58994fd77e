// The gcc image facts (src/knowledge/cpp.ts): which tags fix a Debian release, and the loader file of each.
import { describe, expect, it } from 'vitest';
import { gccRelease } from '../src/knowledge/cpp.js';
import { GCC_LOADER_CONF, GCC_LOADER_CONF_OLD } from '../src/knowledge/images.js';

describe('gccRelease', () => {
  it('a release named in the tag', () => {
    expect(gccRelease('13-bookworm')).toEqual({ release: 'bookworm', loaderConf: GCC_LOADER_CONF });
    expect(gccRelease('14.2.0-trixie')).toEqual({ release: 'trixie', loaderConf: GCC_LOADER_CONF });
  });
  it('frozen versions: the major tag and the last release only', () => {
    expect(gccRelease('7')).toEqual({ release: 'buster', loaderConf: GCC_LOADER_CONF_OLD });
    expect(gccRelease('8.5')).toEqual({ release: 'buster', loaderConf: GCC_LOADER_CONF });
    expect(gccRelease('11.5.0')).toEqual({ release: 'bullseye', loaderConf: GCC_LOADER_CONF });
    expect(gccRelease('9.4')).toBeNull();
    expect(gccRelease('11.4.0')).toBeNull();
  });
  it('versions still built (their release moves) and unknown ones', () => {
    for (const tag of ['12', '13.4', '14', 'latest', '6', '4.9']) expect(gccRelease(tag)).toBeNull();
  });
});
