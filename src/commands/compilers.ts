// The C and C++ compilers: GCC and Clang under their own names and the system's cc / c++.
// https://gcc.gnu.org/onlinedocs/gcc/Overall-Options.html
import { joinPath } from '../shell.js';
import { optionValue } from './options.js';
import type { CommandFamily } from './types.js';

const NAMES = ['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++'];
/** The C++ compilers: what they link loads the C++ runtime (libstdc++). */
export const CXX_COMPILERS: readonly string[] = ['g++', 'c++', 'clang++'];

/** The libraries of the C library and the compilers' own runtimes, which every glibc image with the program has. */
const LIBC_PARTS: ReadonlySet<string> = new Set(['c', 'm', 'pthread', 'dl', 'rt', 'util', 'crypt', 'resolv', 'stdc++', 'gcc', 'gcc_s']);

/** Whether a compiler's words link a library beyond the C library's own (`-lpq`, `-lssl`): one the image's -dev packages provide. */
export function linksBeyondLibc(words: readonly string[]): boolean {
  return words.some((w) => /^-l./.test(w) && !LIBC_PARTS.has(w.slice(2)));
}

export default {
  id: 'compilers',
  names: NAMES,
  subcommands: Object.fromEntries(NAMES.map((n) => [n, [{ kind: 'build' }]] as const)),
  outputs({ words }, { cwd }) {
    // -c, -E and -S stop before linking: object files, preprocessed or assembler text next to the sources
    if (words.includes('-c') || words.includes('-E') || words.includes('-S')) return { paths: [], unnamed: false };
    return { paths: [joinPath(cwd, optionValue(words, '-o') ?? 'a.out')], unnamed: false };
  },
  // Alpine's build-base depends on gcc, g++, make, patch and file (aports main/build-base); alpine-sdk adds abuild and git
  provides: {
    'build-essential': ['gcc', 'g++', 'cc', 'c++', 'make'],
    'build-base': ['gcc', 'g++', 'cc', 'c++', 'make', 'patch', 'file'],
    'alpine-sdk': ['gcc', 'g++', 'cc', 'c++', 'make', 'patch', 'file', 'abuild', 'git'],
  },
  toolbox: ['gcc', 'g++', 'cc', 'c++', 'clang'],
  // the packages of the compilers themselves, and development packages (headers to compile against)
  buildPackages: ['gcc', 'g++', 'gcc-c++', 'clang', 'build-essential', 'build-base', /-(dev|devel)$/],
} satisfies CommandFamily;
