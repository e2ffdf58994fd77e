// Programs a system package gives besides one named like the package, for packages no command family
// owns (a family's own packages are its `provides` in src/commands/: git, gnupg, xz-utils, build-essential,
// nodejs, ...). The state model asks both through `packageProvides` (src/commands/index.ts): after an
// install, these programs are on PATH.
export const PACKAGE_PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  'postgresql-client': ['psql', 'pg_dump'],
  'mysql-client': ['mysql'],
  'default-mysql-client': ['mysql'],
  'mariadb-client': ['mysql'],
  'netcat-openbsd': ['nc'],
  netcat: ['nc'],
  dnsutils: ['dig', 'nslookup'],
  'iputils-ping': ['ping'],
  procps: ['ps', 'top', 'pkill', 'pgrep', 'free'],
  'openssh-client': ['ssh', 'scp'],
  // Alpine's openssh (openssh-client and openssh-server) and the CentOS and Fedora client package
  openssh: ['ssh', 'scp', 'sshd'],
  'openssh-clients': ['ssh', 'scp'],
  'openssh-server': ['sshd'],
  supervisor: ['supervisord', 'supervisorctl'],
  imagemagick: ['convert', 'identify', 'mogrify', 'composite', 'montage', 'compare'],
  nginx: ['nginx'],
  apache2: ['apache2', 'apachectl'],
  vim: ['vim', 'vi'],
};
