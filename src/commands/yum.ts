// yum, dnf and microdnf (RHEL, Fedora, CentOS, Rocky, Alma, Amazon Linux, UBI) and rpm.
// https://dnf.readthedocs.io/en/latest/command_ref.html
import type { CommandFamily } from './types.js';

export default {
  id: 'yum',
  names: ['yum', 'dnf', 'microdnf', 'rpm'],
  subcommands: {
    // read as package commands; a path to them is maintenance
    yum: [],
    dnf: [],
    microdnf: [],
    // rpm installs a package file into the system: repeated in the runtime stage
    rpm: [{ kind: 'setup' }],
  },
  packages: {
    manager: 'yum',
    commands: {
      yum: { install: ['install'], removes: ['remove', 'erase', 'autoremove'] },
      dnf: { install: ['install'], removes: ['remove', 'erase', 'autoremove'] },
      microdnf: { install: ['install'], removes: ['remove'] },
    },
    valueOptions: ['-c', '--setopt', '--enablerepo', '--disablerepo'],
    noRecommends: ['--setopt=install_weak_deps=False'],
    sourceOptions: ['--enablerepo'],
    installLine: (tool, packages, _recommends, options) => `${tool} install -y ${options.map((o) => `${o} `).join('')}${packages.join(' ')} && ${tool} clean all`,
    defaultTool: 'yum',
  },
} satisfies CommandFamily;
