// The r family (src/commands/r.ts): R and Rscript install packages into the system's R library, repeated in
// the runtime stage.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, replayedBy } from '../../src/commands/index.js';
import r from '../../src/commands/r.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/app', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;
const ids = (text: string) => convert(text).reasons.map((x) => x.id);
const afterCompilers = (run: string, image = 'debian:latest') => `FROM ${image}\nRUN apt-get update && apt-get install -y gcc\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nRUN ${run}\nCMD ["/app"]\n`;

describe('r family', () => {
  it('answers for R and Rscript', () => {
    for (const name of ['R', 'Rscript']) expect(familyOf(name), name).toBe(r);
    expect(familyOf('r')).toBeUndefined();
  });

  it('makes them setup, by their exact names only (kinds)', () => {
    for (const c of [`R -e "install.packages('x')"`, `Rscript -e "remotes::install_github('a/b')"`, 'Rscript install.R']) expect(kind(c), c).toBe('setup');
    expect(kind('/usr/lib/R/bin/Rscript install.R')).toBe('unknown');
  });

  it('repeats their installs in the runtime stage, which may need the compilers (replayed)', () => {
    for (const run of [`R -e "install.packages('x')"`, 'Rscript install.R']) {
      expect(replayedBy(run.split(' ')), run).toBe(true);
      // on a tag that still moves: declined; on a Debian release, /usr/local copied instead (src/local-copy.ts)
      expect(ids(afterCompilers(run)), run).toEqual(['replay-needs-build-tools']);
      expect(
        convert(afterCompilers(run, 'debian:bookworm')).proof?.unproven.map((u) => u.id),
        run,
      ).toEqual(['unproven-local-copy']);
    }
  });
});
