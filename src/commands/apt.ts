// apt-get, apt and dpkg, and Debian's tools that change what apt installs (keys, sources, debconf answers).
// https://manpages.debian.org/bookworm/apt/apt-get.8.en.html  https://manpages.debian.org/bookworm/dpkg/dpkg.1.en.html
import type { CommandFamily } from './types.js';

const SETUP = [{ kind: 'setup' as const }];

export default {
  id: 'apt',
  names: ['apt-get', 'apt', 'dpkg', 'apt-key', 'add-apt-repository', 'debconf-set-selections'],
  subcommands: {
    // apt-get and apt are read as package commands; a path to them (`/opt/x/apt-get`) is maintenance
    'apt-get': [],
    apt: [],
    // they install into the system (a .deb, a key, a source, an answer): repeated in the runtime stage
    dpkg: SETUP,
    'apt-key': SETUP,
    'add-apt-repository': SETUP,
    'debconf-set-selections': SETUP,
  },
  packages: {
    manager: 'apt',
    commands: {
      'apt-get': { install: ['install'], removes: ['purge', 'remove', 'autoremove'] },
      apt: { install: ['install'], removes: ['purge', 'remove', 'autoremove'] },
    },
    valueOptions: ['-o', '--option', '-t', '--target-release', '--default-release', '-c', '--config-file'],
    noRecommends: ['--no-install-recommends'],
    refreshesLists: 'update',
    // build-essential is a list of dependencies (https://packages.debian.org/bookworm/build-essential)
    metaPackages: { names: ['build-essential'], autoRemoveOptions: ['--auto-remove', '--autoremove'], autoRemoveSub: 'autoremove' },
    sourceOptions: ['-t', '--target-release', '--default-release'],
    installLine: (_tool, packages, recommends, options) => `apt-get update && apt-get install -y ${options.map((o) => `${o} `).join('')}${recommends ? '' : '--no-install-recommends '}${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`,
    defaultTool: 'apt-get',
  },
  provides: { 'software-properties-common': ['add-apt-repository'] },
} satisfies CommandFamily;
