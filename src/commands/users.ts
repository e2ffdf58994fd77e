// Users and groups: useradd, adduser, groupadd, addgroup (shadow-utils and Debian's/BusyBox's wrappers) and
// usermod. https://manpages.debian.org/bookworm/passwd/useradd.8.en.html  https://manpages.debian.org/bookworm/adduser/adduser.8.en.html
import type { CommandFamily } from './types.js';

const SETUP = [{ kind: 'setup' as const }];
// options of useradd and adduser that take a value (the account's name is the last other word)
const USER_OPTIONS = ['-g', '--gid', '-G', '--groups', '-u', '--uid', '-d', '--home', '--home-dir', '-s', '--shell', '-c', '--comment', '--gecos', '--ingroup', '-k', '-K', '-e', '-f', '-p'];
const GROUP_OPTIONS = ['-g', '--gid', '-K', '-p'];

export default {
  id: 'users',
  names: ['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod'],
  // accounts and groups by name; a home (-d, -h) or shell given by path
  anyDirectory: { useradd: 'names', adduser: 'names', groupadd: 'names', addgroup: 'names', usermod: 'names' },
  // they change /etc/passwd and /etc/group: repeated in the runtime stage
  subcommands: { useradd: SETUP, adduser: SETUP, groupadd: SETUP, addgroup: SETUP, usermod: SETUP },
  // an account is the same whichever files the stage holds
  replaySafe: ['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod'],
  accounts: {
    // a user gets a group of the same name and a home under /home (Debian's defaults), or the one -d/--home names
    useradd: { creates: 'user', valueOptions: USER_OPTIONS, homeOptions: ['-d', '--home-dir', '--home'] },
    adduser: { creates: 'user', valueOptions: USER_OPTIONS, homeOptions: ['--home'] },
    groupadd: { creates: 'group', valueOptions: GROUP_OPTIONS },
    addgroup: { creates: 'group', valueOptions: GROUP_OPTIONS },
  },
} satisfies CommandFamily;
