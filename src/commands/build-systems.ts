// Build systems: make, CMake (and its test runner ctest), Autotools (configure, autogen.sh, autoreconf and the tools it runs), Ninja, Meson, SCons.
// https://www.gnu.org/software/make/manual/make.html  https://cmake.org/cmake/help/latest/manual/cmake.1.html  https://scons.org/doc/production/HTML/scons-man.html
// https://www.gnu.org/prep/standards/html_node/Directory-Variables.html (--prefix, DESTDIR)
import { joinPath } from '../shell.js';
import { optionValue } from './options.js';
import type { CommandFamily, ConfigureStep } from './types.js';

// autoconf, aclocal, automake, autoheader and libtoolize are the steps autoreconf runs one by one: they write the
// configure script and its inputs into the source tree (https://www.gnu.org/software/autoconf/manual/autoconf.html#autoreconf-Invocation)
const NAMES = ['make', 'cmake', 'ninja', 'meson', './configure', 'configure', 'autoreconf', 'autoconf', 'aclocal', 'automake', 'autoheader', 'libtoolize', './autogen.sh', 'scons'];

/** The value of `-DCMAKE_INSTALL_PREFIX[:TYPE]=DIR` (or `-D CMAKE_INSTALL_PREFIX=DIR`), or null. */
function cmakeInstallPrefix(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] === '-D' ? `-D${words[i + 1] ?? ''}` : words[i]!;
    const m = /^-DCMAKE_INSTALL_PREFIX(?::\w+)?=(.+)$/.exec(w);
    if (m) return m[1]!;
  }
  return null;
}

/** The install directories a configure script sets outside its prefix (--sbin-path=, --sysconfdir=, ...); a file's directory for a file. */
function installPaths(words: readonly string[]): string[] {
  // files the program creates when it runs (pid, lock, logs, temp) are not installed
  return words
    .map((w) => /^--(?!(pid|lock|[\w-]*log|[\w-]*temp)-path)[\w-]*(path|dir)=(\/[^\s$]+)$/.exec(w)?.[3])
    .filter((p): p is string => !!p)
    .map((p) => (/\.[a-z]+$/.test(p) ? p.replace(/\/[^/]+$/, '') || '/' : p));
}

const installs = (words: readonly string[]) => words.includes('install') || words.includes('install-strip') || words.includes('--install');

/**
 * A make run that builds (no install target: `make`, `make build`, `make -C DIR`), with the directory whose
 * Makefile it reads (`-C DIR`, else its working directory); null for anything else. An install target writes
 * where the Makefile says (the outputs above read its prefix).
 */
export function makeBuild(words: readonly string[], cwd: string): { dir: string } | null {
  if (words[0] !== 'make' || installs(words) || words.slice(1).some((w) => /^install/.test(w))) return null;
  const dir = optionValue(words, '-C');
  return { dir: dir === null ? cwd : joinPath(cwd, dir) };
}

/**
 * The `make install` `text` (as written, `words` its words) run again into the staging directory `destdir`:
 * `DESTDIR=` on make's command line overrides the Makefile's own and reaches the sub-makes and CMake's install
 * script. Null for an install that already names a DESTDIR, and for `cmake --install`, which reads DESTDIR
 * from the environment only (an assignment in front of it, which the analyzer's outputs do not read).
 */
export function stagedInstall(words: readonly string[], text: string, destdir: string): string | null {
  if (words[0] !== 'make' || !installs(words) || words.some((w) => w.startsWith('DESTDIR='))) return null;
  return `${text} DESTDIR=${destdir}`;
}

export default {
  id: 'build-systems',
  // ctest runs the tests a CMake build defined (https://cmake.org/cmake/help/latest/manual/ctest.1.html)
  names: [...NAMES, 'ctest'],
  subcommands: { ...Object.fromEntries(NAMES.map((n) => [n, [{ kind: 'build' }]] as const)), ctest: [{ kind: 'test' }] },
  outputs({ words }, { prefix }) {
    const name = words[0];
    if (name !== 'make' && name !== 'cmake') return null;
    if (!installs(words)) return { paths: [], unnamed: true };
    // `make install DESTDIR=/out PREFIX=/opt` installs into /out/opt; else the configured prefix, else /usr/local
    const dest = words.find((w) => /^DESTDIR=/.test(w))?.slice(8) ?? '';
    const pfx = words.find((w) => /^(PREFIX|prefix)=/.test(w))?.replace(/^\w+=/, '') ?? optionValue(words, '--prefix') ?? prefix;
    return { paths: [joinPath(null, `${dest}/${pfx ?? '/usr/local'}`)], unnamed: false };
  },
  configure(words): ConfigureStep | null {
    // cmake caches -DCMAKE_INSTALL_PREFIX for every later `cmake --install` / `make install`, in later RUNs too
    if (words[0] === 'cmake') return { prefix: cmakeInstallPrefix(words), cached: true, installPaths: null };
    // autogen.sh runs configure with its own arguments when it is given any (the autotools convention: `./autogen.sh
    // --prefix=/usr` configures for /usr; review moved-2026-12-07s: fsharp's `make install` went to /usr)
    const autogen = /(^|\/)autogen\.sh$/.test(words[0] ?? '') && words.some((w) => w.startsWith('--prefix'));
    if (words[0]?.endsWith('configure') || autogen) return { prefix: optionValue(words, '--prefix'), cached: false, installPaths: installPaths(words) };
    return null;
  },
  installsConfigured: (words) => (words[0] === 'make' || words[0] === 'cmake') && installs(words),
  compileSteps: NAMES,
  toolbox: ['make', 'cmake', 'ninja'],
  buildPackages: ['make', 'cmake', 'scons'],
  // make alone (issue 23, item 13): leaving it behind saves next to nothing
  lightPackages: ['make'],
} satisfies CommandFamily;
