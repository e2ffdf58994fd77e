// The perl family (src/commands/perl.ts): cpanm and cpan install into the system's Perl, repeated in the
// runtime stage.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, installsLanguagePackages, replayedBy } from '../../src/commands/index.js';
import perl from '../../src/commands/perl.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/app', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);
const words = (script: string) => script.split(' ');
const afterCompilers = (run: string, image = 'debian:latest') => `FROM ${image}\nRUN apt-get update && apt-get install -y gcc\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nRUN ${run}\nCMD ["/app"]\n`;

describe('perl family', () => {
  it('answers for cpanm and cpan', () => {
    for (const name of ['cpanm', 'cpan']) expect(familyOf(name), name).toBe(perl);
  });

  it('makes them setup, by their exact names only (kinds)', () => {
    for (const c of ['cpanm --installdeps .', 'cpanm -n Plack', 'cpan -i JSON']) expect(kind(c), c).toBe('setup');
    expect(kind('/opt/perl/bin/cpanm Plack')).toBe('unknown');
  });

  it('repeats their installs in the runtime stage, which may need the compilers (replayed)', () => {
    for (const run of ['cpanm Plack', 'cpan -i JSON']) {
      expect(replayedBy(words(run)), run).toBe(true);
      // on a tag that still moves: declined; on a Debian release, /usr/local copied instead (src/local-copy.ts)
      expect(ids(afterCompilers(run)), run).toEqual(['replay-needs-build-tools']);
      expect(
        convert(afterCompilers(run, 'debian:bookworm')).proof?.unproven.map((u) => u.id),
        run,
      ).toEqual(['unproven-local-copy']);
    }
  });

  it('tells the state model that cpanm installs from a list it cannot read (languageInstallers)', () => {
    expect(installsLanguagePackages(words('cpanm --installdeps .'))).toBe(true);
    expect(installsLanguagePackages(words('cpan -i JSON'))).toBe(false);
  });

  it('knows perl as an interpreter: a script generates, standard input is an installer (interpreters)', () => {
    expect(kind('perl tools/gen.pl')).toBe('generate');
    expect(kind('perl -')).toBe('setup');
  });
});
