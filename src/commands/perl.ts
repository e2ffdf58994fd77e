// Perl's CPAN clients: they install modules into the system's Perl (repeated in the runtime stage).
// https://metacpan.org/pod/App::cpanminus  https://metacpan.org/pod/CPAN
import type { CommandFamily } from './types.js';

export default {
  id: 'perl',
  names: ['cpanm', 'cpan'],
  kinds: { cpanm: 'setup', cpan: 'setup' },
  interpreters: ['perl'],
  scriptExtensions: ['pl'],
  replayed: ['cpanm', 'cpan'],
  // cpanm installs a cpanfile's modules (`cpanm --installdeps .`), a list dfsplit does not read
  languageInstallers: ['cpanm'],
} satisfies CommandFamily;
