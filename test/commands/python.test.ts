// The python family (src/commands/python.ts): pip (also `python -m pip`), virtualenv (also `python -m venv`),
// easy_install, `python setup.py`, the test runners, asked through the analyzer, the plan, the state
// model, the runtime contract and the Python presets.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { commandOf, familyOf, installsLanguagePackages, packageProvides, readsPaths, replayedBy, upgradesToolingOnly } from '../../src/commands/index.js';
import python, { isTestOnlyInstall, isVenv, pipPythonMajor, requirementFiles, requirementsOf } from '../../src/commands/python.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const command = (script: string, env: Record<string, string> = {}, user: string | null = null) => analyzeRun(script, { ...scope, user, env: new Map(Object.entries(env)) }).commands[0]!;
const kind = (script: string) => command(script).kind;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);
const words = (script: string) => script.split(' ');

// compilers installed and used before the command: a replayed install may have needed them
const afterCompilers = (run: string, image = 'debian:latest') => `FROM ${image}\nRUN apt-get update && apt-get install -y gcc python3-pip\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nRUN ${run}\nCMD ["/app"]\n`;

describe('python family', () => {
  it('answers for pip by any version, as `python -m pip`, and for the other Python tools (names, versioned, modules)', () => {
    for (const name of ['pip', 'easy_install', 'virtualenv', 'pytest', 'py.test', 'tox', 'nox', 'uv', 'poetry', 'pipenv']) expect(familyOf(name), name).toBe(python);
    for (const script of ['pip install x', 'pip2 install x', 'pip3 install x', 'pip3.11 install x', 'python -m pip install x', 'python3.12 -m pip install x']) {
      expect(commandOf(words(script)), script).toMatchObject({ family: python, name: 'pip', args: ['install', 'x'] });
    }
    expect(commandOf(words('python3 -m venv /venv'))).toMatchObject({ name: 'virtualenv', args: ['/venv'] });
    expect(commandOf(words('python setup.py install'))).toMatchObject({ name: 'setup.py', args: ['install'] });
    // a path is no name, an unknown module no command, and `pipx` no version of pip
    for (const script of ['/opt/venv/bin/pip install x', 'python -m http.server', 'pipx install x', 'python app.py']) expect(commandOf(words(script)), script).toBeUndefined();
  });

  it('classifies pip by its subcommand and what it installs (kindOf)', () => {
    expect(kind('pip install flask')).toBe('pip');
    expect(kind('python3 -m pip install -r requirements.txt')).toBe('pip');
    expect(kind('pip3.11 install --user flask')).toBe('pip');
    expect(kind('pip install pytest coverage')).toBe('test');
    expect(kind('pip install -r requirements-dev.txt')).toBe('test');
    expect(kind('pip wheel -w /wheels .')).toBe('build');
    expect(kind('pip freeze')).toBe('package-maintenance');
    expect(kind('/opt/venv/bin/pip install flask')).toBe('unknown');
  });

  it('classifies the test runners, setup.py and easy_install (subcommands, kinds)', () => {
    for (const c of ['pytest', 'py.test -q', 'tox -e py311', 'nox', './venv/bin/pytest', 'python -m pytest tests', 'python3 -m unittest discover', 'python -m tox']) expect(kind(c), c).toBe('test');
    expect(kind('python -m compileall .')).toBe('generate');
    expect(kind('python setup.py install')).toBe('setup');
    expect(kind('python3 setup.py develop')).toBe('setup');
    expect(kind('python setup.py build_ext --inplace')).toBe('build');
    expect(kind('easy_install flask')).toBe('setup');
    expect(kind('python -m nox')).toBe('unknown');
    expect(kind('python -m venv /venv')).toBe('unknown');
  });

  it('reads requirements, requirement files and test-only installs from pip install arguments', () => {
    expect(requirementsOf(['-r', 'req.txt', '--index-url', 'https://x', 'flask==3.0', '-e', '.', 'gunicorn'])).toEqual(['flask==3.0', 'gunicorn']);
    expect(requirementFiles(['-r', 'a.txt', '--requirement=b.txt', '-rc.txt'])).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(isTestOnlyInstall(['pytest-cov', 'ruff'])).toBe(true);
    expect(isTestOnlyInstall(['pytest', 'flask'])).toBe(false);
    expect(isTestOnlyInstall(['-r', 'requirements.txt'])).toBe(false);
    expect(isTestOnlyInstall([])).toBe(false);
  });

  it('knows where pip --target/--user, pip wheel and a virtual environment write (outputs)', () => {
    expect(command('pip install --target /deps flask').outputs).toEqual(['/deps']);
    expect(command('pip install --prefix=/install flask').outputs).toEqual(['/install']);
    expect(command('pip install --user flask').outputs).toEqual(['/root/.local']);
    expect(command('pip install --user flask', {}, 'app').outputs).toEqual(['/home/app/.local']);
    expect(command('pip install --user flask', { HOME: '/srv' }, 'app').outputs).toEqual(['/srv/.local']);
    expect(command('pip install flask').outputs).toEqual([]);
    expect(command('pip wheel --wheel-dir /wheels -r requirements.txt').outputs).toEqual(['/wheels']);
    expect(command('pip wheel .').outputs).toEqual(['/src']);
    expect(command('python3 -m venv /opt/venv').outputs).toEqual(['/opt/venv']);
    // the value of an option that takes one is not the directory
    expect(command('virtualenv -p python3.11 --prompt app env').outputs).toEqual(['/src/env']);
    expect(isVenv(words('python3 -m virtualenv /env'))).toBe(true);
    expect(isVenv(words('python3 -m pip install virtualenv'))).toBe(false);
  });

  it('repeats pip, easy_install and setup.py installs in the runtime stage, but not an upgrade of pip itself (replayed, toolingOnly)', () => {
    for (const run of ['pip install flask', 'pip3 install -r requirements.txt', 'python3 -m pip install flask', 'python3 setup.py install', 'easy_install flask']) {
      expect(replayedBy(words(run)), run).toBe(true);
      // on a tag that still moves: declined; on a Debian release, copied instead (the python-distro preset, or /usr/local: src/local-copy.ts)
      expect(ids(afterCompilers(run)), run).toEqual(['replay-needs-build-tools']);
      expect(ids(afterCompilers(run, 'debian:bullseye')), run).toEqual(['needs-verify']);
    }
    expect(replayedBy(words('python3 -m venv /venv'))).toBe(false);
    for (const run of ['pip install -U pip setuptools wheel', 'python3 -m pip install --upgrade pip==24.0', 'easy_install pip']) expect(upgradesToolingOnly(words(run)), run).toBe(true);
    expect(upgradesToolingOnly(words('pip install -U pip flask'))).toBe(false);
    expect(ids(afterCompilers('pip install -U pip setuptools'))).not.toContain('replay-needs-build-tools');
    // packages that are pure Python with pure dependencies compile nothing, repeated without the compilers
    expect(ids(afterCompilers('pip3 install --upgrade pip requests'))).not.toContain('replay-needs-build-tools');
    expect(ids(afterCompilers('pip install requests lxml'))).toContain('replay-needs-build-tools');
  });

  it('tells the state model what pip reads and brings (reads, languageInstallers, provides)', () => {
    expect(readsPaths(words('pip install -r requirements.txt -c constraints.txt ./pkg'))).toEqual(['requirements.txt', 'constraints.txt', './pkg']);
    expect(readsPaths(words('virtualenv /venv'))).toBeNull();
    expect(installsLanguagePackages(words('pip3 install -r requirements.txt'))).toBe(true);
    // python3-pip depends on python3
    expect(packageProvides('python3-pip')).toEqual(['pip', 'pip3', 'python3']);
    expect(packageProvides('py-pip')).toEqual(['pip', 'pip2', 'python', 'python2']);
  });

  it('tells which Python a pip runs by its name (pipPythonMajor, the python-distro preset)', () => {
    expect(pipPythonMajor(['pip', 'install', 'x'])).toBe('default');
    expect(pipPythonMajor(['python', '-m', 'pip', 'install', 'x'])).toBe('default');
    expect(pipPythonMajor(['pip2', 'install', 'x'])).toBe(2);
    expect(pipPythonMajor(['pip3.5', 'install', 'x'])).toBe(3);
    expect(pipPythonMajor(['python3', '-m', 'pip', 'install', 'x'])).toBe(3);
    expect(pipPythonMajor(['/opt/venv/bin/pip', 'install', 'x'])).toBeNull();
    expect(pipPythonMajor(['python3', 'setup.py', 'install'])).toBeNull();
  });

  it('lets the wheels preset rewrite pip as the original wrote it (commandOf)', () => {
    const r = convert('FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN python3 -m pip install --no-cache-dir flask && pip3.11 install gunicorn\nCMD ["python", "app.py"]\n');
    expect(r.output).toContain('RUN python3 -m pip wheel --wheel-dir /wheels --no-cache-dir flask && pip3.11 wheel --wheel-dir /wheels gunicorn\n');
    expect(r.output).toContain('RUN python3 -m pip install --no-index --find-links=/wheels --no-cache-dir flask && pip3.11 install --no-index --find-links=/wheels gunicorn && rm -rf /wheels\n');
  });

  it('makes an image whose command is a test runner a toolbox (toolbox)', () => {
    const file = (cmd: string) => `FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ${cmd}\n`;
    expect(ids(file('["pytest", "-q"]'))).toEqual(['toolbox-image']);
    expect(ids(file('["nosetests"]'))).toEqual(['toolbox-image']);
    expect(ids(file('["python", "app.py"]'))).not.toContain('toolbox-image');
  });

  it('knows python and python3, by any version, as interpreters: a script generates, standard input is an installer (interpreters)', () => {
    for (const name of ['python', 'python3', 'python3.11']) {
      expect(kind(`${name} tools/gen.py`), name).toBe('generate');
      expect(kind(`${name} -`), name).toBe('setup');
    }
    expect(kind('python3 get-pip.py')).toBe('setup');
  });
});
