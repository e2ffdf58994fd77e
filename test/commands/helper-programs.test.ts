// What the image's own code runs at run time besides its start command (src/analyze/helper-programs.ts): the
// programs installed packages shell out to (each family's `runtimePrograms`) and the interpreters of scripts
// made executable (`madeExecutable`, `scriptInterpreters`).
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { helperProgramsOf } from '../../src/analyze/helper-programs.js';
import { madeExecutable, runtimeProgramsOf, scriptInterpreters } from '../../src/commands/index.js';

const scope = { workdir: '/app', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const helpers = (...scripts: string[]) => helperProgramsOf(new Map(scripts.map((s, i) => [i, analyzeRun(s, scope)])));

describe('programs installed packages run', () => {
  it('reads pip, npm and gem installs by registry name', () => {
    expect(runtimeProgramsOf(['pip', 'install', '"ReviewBoard${RB_VERSION}"', 'semver'])).toEqual([{ by: 'reviewboard', programs: ['patch'] }]);
    expect(runtimeProgramsOf(['/opt/venv/bin/pip', 'install', '--no-cache-dir', 'errbot~=5.0'])).toEqual([{ by: 'errbot', programs: ['git'] }]);
    expect(runtimeProgramsOf(['python3', '-m', 'pip', 'install', 'GitPython==3.1'])).toEqual([{ by: 'gitpython', programs: ['git'] }]);
    expect(runtimeProgramsOf(['npm', 'install', '-g', 'lerna@3'])).toEqual([{ by: 'lerna', programs: ['git'] }]);
    expect(runtimeProgramsOf(['gem', 'install', '-v', '4.11', 'mini_magick'])).toEqual([{ by: 'mini_magick', programs: ['convert'] }]);
  });

  it('finds none for packages that run nothing, or commands that install nothing', () => {
    expect(runtimeProgramsOf(['pip', 'install', 'flask', 'gunicorn'])).toEqual([]);
    expect(runtimeProgramsOf(['pip', 'download', 'errbot'])).toEqual([]);
    expect(runtimeProgramsOf(['npm', 'ci'])).toEqual([]);
    expect(runtimeProgramsOf(['git', 'clone', 'https://example.org/errbot.git'])).toEqual([]);
  });
});

describe('scripts made executable', () => {
  it('reads chmod modes that make files executable', () => {
    expect(madeExecutable(['chmod', '+x', 'a.py', 'b.sh'])).toEqual(['a.py', 'b.sh']);
    expect(madeExecutable(['chmod', '-R', '755', '/app/bin'])).toEqual(['/app/bin']);
    expect(madeExecutable(['chmod', 'u+rwx', 'run.rb'])).toEqual(['run.rb']);
    expect(madeExecutable(['chmod', '644', 'a.py'])).toBeNull();
    expect(madeExecutable(['chmod', 'go-w', 'a.py'])).toBeNull();
    expect(madeExecutable(['chown', 'app', 'a.py'])).toBeNull();
  });

  it('names the interpreters of a script by its ending', () => {
    expect(scriptInterpreters('py')).toEqual(['python', 'python3']);
    expect(scriptInterpreters('rb')).toEqual(['ruby']);
    expect(scriptInterpreters('sh')).toBeNull();
  });

  it('collects both, with the RUN that brings them', () => {
    expect(helpers('npm install', 'chmod +x make_hash.py start.sh && pip install errbot')).toEqual([
      { programs: ['python', 'python3'], by: 'make_hash.py', index: 1 },
      { programs: ['git'], by: 'errbot', index: 1 },
    ]);
  });
});
