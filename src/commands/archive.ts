// Archives: tar and unzip unpack (into -C / -d, else the working directory); gunzip and xz decompress in place.
// https://www.gnu.org/software/tar/manual/tar.html  https://linux.die.net/man/1/unzip
import type { CommandFamily } from './types.js';
import { optionValue } from './options.js';
import { joinPath } from '../paths.js';

export default {
  id: 'archive',
  names: ['tar', 'unzip', 'gunzip', 'xz'],
  // what tar and unzip unpack inside a RUN that builds is an artifact; elsewhere they set the system up
  movesFiles: ['tar', 'unzip'],
  outputs({ words }, { kind, cwd }) {
    if (kind !== 'file-move') return null;
    const dir = words[0] === 'tar' ? optionValue(words, '-C', '--directory') : optionValue(words, '-d');
    return { paths: [joinPath(cwd, dir ?? '.')], unnamed: false };
  },
  provides: { 'xz-utils': ['xz', 'unxz'], bzip2: ['bzip2', 'bunzip2'] },
} satisfies CommandFamily;
