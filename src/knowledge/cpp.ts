// The official gcc image (docker-library/gcc): GCC is built from source into /usr/local on Debian, its C++
// runtime (libstdc++, libgcc_s) lands in /usr/local/lib64 and a file in /etc/ld.so.conf.d puts that
// directory first for the loader. A C++ program built there needs that libstdc++ (newer GLIBCXX
// symbols than the Debian release's own libstdc++6), so the runtime stage takes it along. What the image
// itself holds (its release, its loader file) is in the image table (./images.ts).
import { releaseInTag } from '../images.js';
import { GCC_LOADER_CONF, GCC_LOADER_CONF_OLD } from './images.js';

/**
 * gcc versions docker-library no longer builds: their tags are frozen, so the Debian release of the last
 * build is the release of every copy pulled since. Only the major tag and the last release's own tags
 * (`gcc:9`, `gcc:9.5`, `gcc:9.5.0`); an earlier minor (`gcc:9.4`) froze earlier, maybe on another
 * release. From the gcc Dockerfiles and the image's tag lists (docker-library/gcc, docker-library/docs).
 * Still built (and moving): 12 and 13 (bookworm in 2026), 14 and later (trixie).
 */
const FROZEN: readonly { last: string; release: string; loaderConf: string }[] = [
  { last: '7.5.0', release: 'buster', loaderConf: GCC_LOADER_CONF_OLD },
  { last: '8.5.0', release: 'buster', loaderConf: GCC_LOADER_CONF },
  { last: '9.5.0', release: 'bullseye', loaderConf: GCC_LOADER_CONF },
  { last: '10.5.0', release: 'bullseye', loaderConf: GCC_LOADER_CONF },
  { last: '11.5.0', release: 'bullseye', loaderConf: GCC_LOADER_CONF },
];

/** The Debian release of a gcc image tag and its loader file, or null when the tag does not fix the release. */
export function gccRelease(tag: string): { release: string; loaderConf: string } | null {
  const named = releaseInTag(`gcc:${tag}`);
  if (named) return { release: named, loaderConf: GCC_LOADER_CONF };
  const frozen = FROZEN.find((f) => {
    const [major, minor] = f.last.split('.');
    return tag === major || tag === `${major}.${minor}` || tag === f.last;
  });
  return frozen ? { release: frozen.release, loaderConf: frozen.loaderConf } : null;
}

/** What the runtime stage copies from a gcc builder: the C++ runtime (the glob takes the versioned file and its link) and the loader configuration. */
export function gccRuntimeCopies(loaderConf: string): readonly [string, string][] {
  return [
    ['/usr/local/lib64/libstdc++.so.6*', '/usr/local/lib64/'],
    ['/usr/local/lib64/libgcc_s.so.1', '/usr/local/lib64/'],
    [loaderConf, '/etc/ld.so.conf.d/'],
  ];
}

/** Directories of the gcc image's own toolchain: copying one of them would copy the compiler. */
export const GCC_TOOLCHAIN_DIRS: ReadonlySet<string> = new Set(['/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/local/lib64', '/usr/local/libexec', '/usr/local/include', '/usr/local/share']);

/**
 * Programs that compile code with the system C compiler when they run: leaving the compiler behind breaks
 * them. varnishd turns each VCL file into C and compiles it with cc at start and on every reload
 * (https://varnish-cache.org/docs/trunk/reference/varnishd.html, `cc_command`). Program -> what names it in the
 * words of the file's commands, split at `/`, `=` and `:` (a source URL or directory, a package, the started
 * program: `varnish-6.0.1`, `varnish-cache`, `varnishd`; not `varnish-cli-bridge`, a Go program).
 */
export const COMPILES_AT_RUN_TIME: ReadonlyMap<string, RegExp> = new Map([['varnish', /^varnish(d|-cache)?([-_.]?\d[\w.-]*)?$/i]]);
