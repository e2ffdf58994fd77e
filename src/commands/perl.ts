// Perl's CPAN clients: they install modules into the system's Perl (repeated in the runtime stage); Carton
// installs a project's cpanfile into its own local/ directory, a build of the project like `npm install`.
// https://metacpan.org/pod/App::cpanminus  https://metacpan.org/pod/CPAN  https://metacpan.org/pod/Carton
import type { CommandFamily } from './types.js';

export default {
  id: 'perl',
  names: ['cpanm', 'cpan', 'carton'],
  kinds: { cpanm: 'setup', cpan: 'setup', carton: 'build' },
  interpreters: ['perl'],
  scriptExtensions: ['pl'],
  replayed: ['cpanm', 'cpan'],
  // cpanm's local::lib options: a directory of its own
  installsElsewhere: (words) => words.some((w) => /^(-l|-L|--local-lib|--local-lib-contained)(=.*)?$/.test(w)),
  // cpanm installs a cpanfile's modules (`cpanm --installdeps .`), a list dfsplit does not read
  languageInstallers: ['cpanm', 'carton'],
} satisfies CommandFamily;
