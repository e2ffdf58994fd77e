// Alpine's apk. https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
import type { CommandFamily } from './types.js';

export default {
  id: 'apk',
  names: ['apk'],
  // read as a package command; a path to it is maintenance
  subcommands: { apk: [] },
  packages: {
    manager: 'apk',
    commands: {
      apk: { install: ['add'], removes: ['del'] },
    },
    // apk's global options that take a value (apk(8)): --wait TIME and the others, read past like the add options
    valueOptions: ['--virtual', '-t', '--repository', '-X', '--root', '-p', '--wait', '--cache-dir', '--cache-max-age', '--keys-dir', '--arch', '--repositories-file'],
    virtualOptions: ['--virtual', '-t'],
    sourceOptions: ['--repository', '-X'],
    installLine: (_tool, packages, _recommends, options) => `apk add --no-cache ${options.map((o) => `${o} `).join('')}${packages.join(' ')}`,
    defaultTool: 'apk',
  },
} satisfies CommandFamily;
