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
    valueOptions: ['--virtual', '-t', '--repository', '-X', '--root', '-p'],
    virtualOptions: ['--virtual', '-t'],
    installLine: (_tool, packages) => `apk add --no-cache ${packages.join(' ')}`,
    defaultTool: 'apk',
  },
} satisfies CommandFamily;
