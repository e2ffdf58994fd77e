// System configuration tools that are no package managers: alternatives, the dynamic linker's cache,
// Apache's a2en*/a2dis* helpers, locales, CA certificates, init scripts, capabilities. Each changes the
// system, so a runtime stage repeats it.
// https://manpages.debian.org/bookworm/dpkg/update-alternatives.1.en.html  https://man7.org/linux/man-pages/man8/ldconfig.8.html
import type { CommandFamily } from './types.js';

const SETUP = [{ kind: 'setup' as const }];
const NAMES = ['update-alternatives', 'ldconfig', 'a2enmod', 'a2ensite', 'a2dismod', 'a2disconf', 'a2enconf', 'update-rc.d', 'systemctl', 'setcap', 'update-ca-certificates', 'locale-gen'];

export default {
  id: 'system',
  names: NAMES,
  subcommands: Object.fromEntries(NAMES.map((n) => [n, SETUP])),
  // ldconfig's operands are directories; the others name alternatives, modules, sites, services, locales, capabilities
  anyDirectory: Object.fromEntries(NAMES.map((n) => [n, n === 'ldconfig' ? 'paths' : 'names'])),
} satisfies CommandFamily;
