// Archives: tar and unzip unpack (into -C / -d, else the working directory); gunzip and xz decompress in place.
// https://www.gnu.org/software/tar/manual/tar.html  https://linux.die.net/man/1/unzip
import type { CommandFamily } from './types.js';
import { optionValue } from './options.js';
import { joinPath } from '../paths.js';

/**
 * Where tar or unzip unpacks an archive: its -C / -d directory, else the working directory; null for anything
 * else (creating or listing an archive, writing to standard output, `tar -P`, whose absolute member names go
 * anywhere, gunzip). GNU tar strips a leading `/` and refuses `..` in member names, so what it unpacks stays there.
 */
export function unpackDirectory(words: readonly string[], cwd: string): string | null {
  const rest = words.slice(1);
  if (words[0] === 'tar') {
    const short = (letter: string) => rest.some((w, i) => (/^-[a-zA-Z]+$/.test(w) || (i === 0 && /^[a-zA-Z]+$/.test(w))) && w.includes(letter));
    const extracts = short('x') || rest.includes('--extract') || rest.includes('--get');
    if (!extracts || short('O') || short('P') || rest.some((w) => ['--to-stdout', '--to-command', '--absolute-names'].includes(w.split('=')[0]!))) return null;
    return joinPath(cwd, namedDirectory(words) ?? '.');
  }
  if (words[0] === 'unzip') {
    if (rest.some((w) => /^-[a-zA-Z]*[lptvZ]/.test(w))) return null;
    return joinPath(cwd, namedDirectory(words) ?? '.');
  }
  return null;
}

export default {
  id: 'archive',
  names: ['tar', 'unzip', 'gunzip', 'xz'],
  // what tar and unzip unpack inside a RUN that builds is an artifact; elsewhere they set the system up
  movesFiles: ['tar', 'unzip'],
  outputs({ words }, { kind, cwd }) {
    if (kind !== 'file-move') return null;
    return { paths: [joinPath(cwd, namedDirectory(words) ?? '.')], unnamed: false };
  },
  provides: { 'xz-utils': ['xz', 'unxz'], bzip2: ['bzip2', 'bunzip2'] },
} satisfies CommandFamily;

/** The directory an unpack names (tar's `-C`, unzip's `-d`), or null when it unpacks into its working directory. */
function namedDirectory(words: readonly string[]): string | null {
  return words[0] === 'tar' ? optionValue(words, '-C', '--directory') : optionValue(words, '-d');
}

/**
 * How an unpack lays the archive out: whether it names its directory and whether it strips the archive's
 * leading components (`--strip-components=1`, which tar also takes abbreviated), which spills what the
 * archive's top directory held (bin, lib, share) straight into the target.
 */
export function unpackLayout(words: readonly string[]): { named: boolean; strips: boolean } {
  return { named: namedDirectory(words) !== null, strips: words[0] === 'tar' && words.some((w) => /^--strip(-[a-z]*)?(=|$)/.test(w)) };
}
