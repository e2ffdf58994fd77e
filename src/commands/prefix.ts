// Commands that run another command: sudo, gosu, su-exec, chroot, nice, nohup, stdbuf, time; and env; and the
// process supervisors tini and dumb-init (https://github.com/krallin/tini, https://github.com/Yelp/dumb-init).
// https://man7.org/linux/man-pages/man8/sudo.8.html  https://github.com/tianon/gosu  https://www.gnu.org/software/coreutils/manual/html_node/env-invocation.html
import type { CommandFamily } from './types.js';

export default {
  id: 'prefix',
  names: ['sudo', 'gosu', 'su-exec', 'chroot', 'time', 'nice', 'nohup', 'stdbuf', 'env', 'tini', 'dumb-init'],
  // `sudo make install` is `make install`, `gosu app make` is `make`: the words the prefix takes, options aside
  prefixes: { sudo: 1, gosu: 2, 'su-exec': 2, chroot: 2, time: 1, nice: 1, nohup: 1, stdbuf: 1 },
  // the user switchers of entrypoint scripts and ENTRYPOINT lines (`ENTRYPOINT ["gosu", "app"]`)
  wrapsEntrypoint: ['gosu', 'su-exec'],
  // the process supervisors an ENTRYPOINT starts the program through (`ENTRYPOINT ["tini", "--"]`)
  supervisors: ['tini', 'dumb-init'],
  // `env` alone prints the environment; `env X=1 cmd` is not read as a prefix yet (it stays one command)
  neutral: ['env'],
  provides: { sudo: ['sudo'], gosu: ['gosu'], tini: ['tini'] },
} satisfies CommandFamily;
