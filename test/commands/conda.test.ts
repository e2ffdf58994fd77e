// The conda family (src/commands/conda.ts): conda and mamba install into an environment of the image,
// repeated in the runtime stage.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { compilesNothing, familyOf, replayedBy } from '../../src/commands/index.js';
import conda from '../../src/commands/conda.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/app', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);
const afterCompilers = (run: string) => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nRUN ${run}\nCMD ["/app"]\n`;

describe('conda family', () => {
  it('answers for conda and mamba', () => {
    for (const name of ['conda', 'mamba']) expect(familyOf(name), name).toBe(conda);
  });

  it('makes them setup, by their exact names only (kinds)', () => {
    for (const c of ['conda install -y numpy', 'conda env create -f environment.yml', 'mamba install -y -c conda-forge numpy']) expect(kind(c), c).toBe('setup');
    // a path is not the name: conda run from its own prefix stays unknown (as the corpus has it)
    expect(kind('/opt/conda/bin/conda install -y numpy')).toBe('unknown');
  });

  it('repeats their installs in the runtime stage, which need no compiler for prebuilt packages (replayed, compilesNothing)', () => {
    for (const run of ['conda install -y numpy', 'mamba install -y -c conda-forge numpy', 'conda config --set always_yes yes', 'conda create -n app python=3.11', 'conda clean -afy']) {
      expect(replayedBy(run.split(' ')), run).toBe(true);
      expect(compilesNothing(run.split(' ')), run).toBe(true);
      expect(ids(afterCompilers(run)), run).not.toContain('replay-needs-build-tools');
    }
    // an environment file's pip section, a command it runs, a package it builds: they may compile
    for (const run of ['conda env create -f environment.yml', 'mamba env update -f env.yml', 'conda run -n app pip install uwsgi', 'conda build recipe']) {
      expect(compilesNothing(run.split(' ')), run).toBe(false);
      expect(ids(afterCompilers(run)), run).toEqual(['replay-needs-build-tools']);
    }
  });
});
