// The shell's own builtins and the programs that only print or look (ls, cat, grep, the checksum tools):
// neither builds nor installs. https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_15
import type { CommandFamily } from './types.js';

/** Builtins whose operands are text to print, never files: they read no path (`echo "$SUM  app.tar.gz" > sums`). */
const PRINTING = ['echo', 'printf'];

/** Builtins that change only the shell they run in (its options, variables, directory, limits). */
const BUILTINS = ['set', 'true', 'false', ':', 'export', 'unset', 'exit', 'echo', 'printf', 'test', '[', 'cd', 'source', '.', 'eval', 'exec', 'umask', 'ulimit', 'trap', 'shopt', 'read', 'wait', 'type', 'command', 'hash', 'alias'];
/** Programs that only print, look or wait. */
const LOOKING = ['ls', 'cat', 'sleep', 'which', 'pwd', 'whoami', 'id', 'uname', 'sha256sum', 'md5sum', 'sha1sum', 'sha512sum', 'grep'];

export default {
  id: 'shell',
  names: [...BUILTINS, ...LOOKING],
  shellOnly: BUILTINS,
  // beside a downloaded installer: changing directory, printing, shell options and the check of the installer's
  // SHA-384 sum (Composer's documented check; sha384sum is no name of the family yet: naming it would make it neutral)
  installerCompanions: ['cd', 'echo', 'set', 'sha384sum'],
  // the shells: `sh build.sh` generates, `curl ... | sh` runs an installer
  interpreters: ['bash', 'sh', 'dash'],
  // source, eval and exec run other commands, umask and the rest change what later commands do: repeated
  neutral: ['set', 'true', 'false', ':', 'cd', 'export', 'unset', 'exit', 'echo', 'printf', 'test', '[', ...LOOKING],
  paths: {
    cd: { needs: 'first', changesDirectory: true },
    source: { needs: 'each' },
    '.': { needs: 'each' },
  },
  reads: ({ name }) => (PRINTING.includes(name) ? [] : null),
} satisfies CommandFamily;
