// Python's installers and tools: pip (also `python -m pip`), virtualenv (also `python -m venv`), easy_install,
// `python setup.py`, and the test runners. uv, poetry and pipenv are named here so that no other module
// teaches them; where their installs put packages is in python-env.ts (their commands' kind stays `unknown`).
// https://pip.pypa.io/en/stable/cli/pip_install/  https://docs.python.org/3/library/venv.html
// https://virtualenv.pypa.io/en/latest/cli_interface.html
import { joinPath } from '../paths.js';
import { operands, optionValue } from './options.js';
import { toolEnvironment, uvVenv } from './python-env.js';
import type { CommandFamily, FamilyCommand, RuleKind } from './types.js';

/** The interpreter that runs the family's modules (`python3.11 -m pip`). */
const INTERPRETER = /^python[\d.]*$/;

/** `python -m <module>` -> the command it is. */
const MODULES: Readonly<Record<string, string>> = { pip: 'pip', venv: 'virtualenv', virtualenv: 'virtualenv', pytest: 'pytest', tox: 'tox', unittest: 'unittest', compileall: 'compileall' };

/** Options of `pip install` that take the next word as their value. */
const PIP_VALUED = ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '-t', '--target', '--prefix', '--root', '--src', '--progress-bar', '--platform', '--python-version', '--implementation', '--abi', '-e', '--editable'];

/** Options of `pip install` whose value is a file the install reads. */
const PIP_READS = ['-r', '--requirement', '-c', '--constraint'];

/** Options of virtualenv and `python -m venv` that take the next word as their value. */
const VENV_VALUED = new Set(['-p', '--python', '--prompt', '--activators', '--creator', '--seeder', '--app-data', '--extra-search-dir', '--pip', '--setuptools', '--wheel', '--upgrade-deps']);

/** pip packages that only run tests or checks: installing them serves the build's tests. */
const TEST_PACKAGES = /^(pytest([-_].*)?|tox|nox|nose2?|coverage|flake8|pylint|mypy|black|isort|ruff|hypothesis|mock|responses|freezegun|factory[-_]boy)$/i;

/** What an upgrade of the installer itself installs: tooling, nothing compiled. */
const TOOLING = /^(pip|setuptools|wheel)([<>=~!].*)?$/i;

/**
 * Packages whose install compiles nothing: pure Python, with pure-Python dependencies (pipenv: virtualenv, certifi,
 * setuptools; requests: urllib3, idna, certifi, chardet or charset-normalizer, which has a pure wheel beside its
 * compiled ones; python-dateutil: six), each published as a `py2.py3-none-any` or `py3-none-any` wheel.
 */
const PURE_TOOLS = /^(pipenv|requests|six|certifi|idna|urllib3|chardet|virtualenv|supervisor|supervisor-stdout|pytz|docopt|python-dateutil)([<>=~!].*)?$/i;

/** Positional requirements of `pip install` (package names, paths), read from the words after `install`. */
export function requirementsOf(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (PIP_VALUED.includes(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    out.push(w);
  }
  return out;
}

/** The requirement files (`-r FILE`, `--requirement=FILE`, `-rFILE`). */
export function requirementFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  args.forEach((w, i) => {
    if ((w === '-r' || w === '--requirement') && args[i + 1]) out.push(args[i + 1]!);
    else if (w.startsWith('--requirement=')) out.push(w.slice(14));
    else if (/^-r\S/.test(w)) out.push(w.slice(2));
  });
  return out;
}

/**
 * What the builder installs before `pip wheel` where the image's pip has no `wheel` package (the Python 3.4-era
 * images, 2.7 before pip 7.0, and the jessie builds of every 3.x tag until docker-library/python dc016eb5): the
 * last `wheel` release that still supports Python 2.6 and 3.2 to 3.5 (0.29.0, 2016; 0.30.0 dropped them), which
 * every pip of that era can install, whatever it knows of `python_requires`. Run only when `pip show wheel` finds
 * none, so an image that has `wheel` keeps its own.
 */
export const ERA_WHEEL_REQUIREMENT = 'wheel<0.30';

/** The command that installs {@link ERA_WHEEL_REQUIREMENT} with `pip` when its environment has no `wheel`. */
export function ensureWheelCommand(pip: string, requirement: string = ERA_WHEEL_REQUIREMENT): string {
  // pip before 6.0 prints nothing and exits 0 for a package it does not have (review wheels-2026-12-06: blockdiag on
  // python:2.7.8, pip 1.5.6): what it prints tells
  return `(${pip} show wheel 2>/dev/null | grep -q . || ${pip} install '${requirement}')`;
}

/** An install (the words after `install`) of only the tooling that makes and fills environments (`pip install virtualenv`, pip, setuptools, wheel), named: no requirement file. */
export function installsEnvironmentTooling(args: readonly string[]): boolean {
  const names = requirementsOf(args);
  return names.length > 0 && requirementFiles(args).length === 0 && names.every((n) => /^(virtualenv|pip|setuptools|wheel|pipenv|poetry|poetry-plugin-export|uv)([<>=~!].*)?$/i.test(n));
}

/** An install of test tools only (pytest, tox, ...) and dev/test requirement files only. */
export function isTestOnlyInstall(args: readonly string[]): boolean {
  const files = requirementFiles(args);
  const names = requirementsOf(args);
  if (!files.length && !names.length) return false;
  // the file's own name says it (a directory or a URL path that says `test` does not)
  return files.every((f) => /(dev|test)/i.test(f.split('/').pop()!)) && names.every((n) => TEST_PACKAGES.test(n.replace(/[<>=~![].*$/, '')));
}

/**
 * A system package of a Python test tool (Debian's `python3-pytest`, Alpine's `py3-pytest`): installing it
 * serves the tests, as `pip install pytest` does.
 */
export function isTestToolPackage(name: string): boolean {
  const m = /^(?:python[23]?|py[23]?)-(.+)$/.exec(name);
  return m !== null && TEST_PACKAGES.test(m[1]!);
}

/** The test runners (the family's subcommands of kind `test`): running one runs the tests. */
const TEST_RUNNERS: ReadonlySet<string> = new Set(['pytest', 'py.test', 'tox', 'nox', 'unittest']);

/**
 * What a command does for Python's tests, read as the registry knows it (`commandOf`): `install` their tools
 * (a pip install of test tools or dev/test requirement files, kind `test`), `run` them (pytest, tox, nox,
 * `python -m unittest`), or null (another family's command, or another of this family's).
 */
export function pythonTestRole(known: FamilyCommand | undefined, kind: string): 'install' | 'run' | null {
  if (!known || known.family.id !== 'python' || kind !== 'test') return null;
  if (known.name === 'pip') return 'install';
  return TEST_RUNNERS.has(known.name) ? 'run' : null;
}

/** Requirements that are pip's own tooling only (`pip install -U pip setuptools wheel`). */
export function upgradesPipOnly(names: readonly string[]): boolean {
  return names.length > 0 && names.every((n) => TOOLING.test(n));
}

/** `python -m venv DIR` or `virtualenv DIR`. */
export function isVenv(words: readonly string[]): boolean {
  return words[0] === 'virtualenv' || (INTERPRETER.test(words[0] ?? '') && words[1] === '-m' && MODULES[words[2] ?? ''] === 'virtualenv') || uvVenv(words, '/') !== null;
}

/**
 * The distributions' packages that give /usr/bin/virtualenv, which runs (and gives its environments) the
 * distribution's python: Debian's virtualenv (stretch on), python-virtualenv (jessie, Ubuntu to xenial),
 * Alpine's py3-virtualenv and py-virtualenv.
 */
const DISTRIBUTION_VIRTUALENV = ['virtualenv', 'python-virtualenv', 'py3-virtualenv', 'py-virtualenv'];

/** An environment's own pip run by its path: `/opt/venv/bin/pip install`, `/opt/venv/bin/python -m pip install`. */
export function runsEnvironmentPip(words: readonly string[]): boolean {
  const name = words[0] ?? '';
  return /\/bin\/pip[\d.]*$/.test(name) || (/\/bin\/python[\d.]*$/.test(name) && words[1] === '-m' && words[2] === 'pip');
}

/** System packages that only make or fill environments: the copied environment needs none of them at run time. */
const ENVIRONMENT_TOOL_PACKAGES = new Set([...DISTRIBUTION_VIRTUALENV, 'python3-venv', 'python3-pip', 'python-pip', 'py3-pip', 'py-pip', 'pipenv', 'python3-pipenv', 'py3-pipenv', 'python3-poetry', 'py3-poetry']);

/** True when the system package `name` only makes or fills environments (virtualenv, python3-venv, pip, pipenv). */
export function isEnvironmentToolPackage(name: string): boolean {
  return ENVIRONMENT_TOOL_PACKAGES.has(name);
}

/**
 * What makes a virtual environment's python the distribution's (/usr/bin) rather than the image's, or null:
 * an interpreter under /usr/bin named by `-p`/`--python` or running `python -m venv` as written
 * (`written`: the command's first word in the script, before the analyzer reads `/usr/bin/python3` as
 * `python3`), or a virtualenv of the distribution's package among `installed` when no interpreter is named.
 */
export function distributionVenv(words: readonly string[], written: string, installed: readonly string[]): string | null {
  const python = words[0] === 'virtualenv' ? optionValue(words, '-p', '--python') : written;
  if (python?.startsWith('/usr/bin/')) return python;
  const pkg = installed.find((p) => DISTRIBUTION_VIRTUALENV.includes(p));
  return words[0] === 'virtualenv' && python === null && pkg ? `the virtualenv of the package ${pkg}` : null;
}

/** Options of `python setup.py install` that put the package somewhere other than the interpreter's site-packages. */
/** pip's options that install outside the interpreter's site directory, or link the source tree (`-e`, `--src`, `setup.py develop`). */
const PIP_ELSEWHERE = /^(--user|-t|--target|--prefix|--root|-e|--editable|--home|--install-option|--src|develop)(=.*)?$/;
const SETUP_ELSEWHERE = /^--(prefix|exec-prefix|home|user|root|install-base|install-platbase|install-purelib|install-platlib|install-lib|install-headers|install-scripts|install-data)(=|$)/;

/**
 * Where `python setup.py install` puts the package: `system` (the interpreter's own site-packages, its scripts
 * beside the interpreter), `elsewhere` (an option names another place), or null for any other command (also
 * `develop`, which links the source tree). https://setuptools.pypa.io/en/latest/deprecated/commands.html
 */
export function setupInstall(words: readonly string[]): 'system' | 'elsewhere' | null {
  if (!INTERPRETER.test(words[0] ?? '') || words[1] !== 'setup.py') return null;
  const args = words.slice(2);
  if (!args.includes('install') || args.includes('develop')) return null;
  return args.some((a) => SETUP_ELSEWHERE.test(a)) ? 'elsewhere' : 'system';
}

/**
 * System packages that only make a Python environment (Debian's `pipenv`): the runtime stage copies the environment,
 * and a container that starts the tool (`pipenv run`) is declined by the python-venv preset (runtime-uses-toolchain).
 */
export const ENVIRONMENT_BUILD_PACKAGES: ReadonlySet<string> = new Set(['pipenv']);

/** Options of `pip install` that write what it installs into a directory they name, or link the sources (editable). */
const PIP_WRITES_NAMED = /^(-e|--editable|-t|--target|--prefix|--root|--src)(=|$)/;

/**
 * True for the words after `install` of a `pip install` that only reads the sources and requirement files it
 * names (`pip install /app`, `pip install -r /app/requirements.txt`): what it installs goes into the interpreter's
 * site-packages, not beside them (no `-e`, `--target`, `--prefix`, `--root`, `--src`).
 */
export function pipInstallReadsOnly(args: readonly string[]): boolean {
  return !args.some((a) => PIP_WRITES_NAMED.test(a));
}

/**
 * Where `pip install --user` installs: PYTHONUSERBASE when the environment sets it (an absolute path), else `~/.local`.
 * A relative or unexpanded value names no place dfsplit can copy: returned as written, which no copy matches.
 * https://docs.python.org/3/library/site.html#site.USER_BASE
 */
export function pipUserBase(env: { get(key: string): string | undefined }, home: string): string {
  return env.get('PYTHONUSERBASE') || `${home}/.local`;
}

/** pip's kind by its subcommand: `wheel` builds, `install` installs (or serves tests), the rest maintains pip. */
function pipKind(args: readonly string[]): RuleKind {
  const sub = args.find((w) => !w.startsWith('-'));
  if (sub === 'wheel') return 'build';
  if (sub === 'install') return isTestOnlyInstall(args.slice(args.indexOf('install') + 1)) ? 'test' : 'pip';
  return 'package-maintenance';
}

export default {
  id: 'python',
  // pip2, pip3 and pip3.11 are pip (versioned)
  names: ['pip', 'easy_install', 'virtualenv', 'setup.py', 'pytest', 'py.test', 'tox', 'nox', 'unittest', 'compileall', 'uv', 'poetry', 'pipenv'],
  versioned: ['pip'],
  modules: { interpreter: INTERPRETER, names: MODULES, scripts: { 'setup.py': 'setup.py' } },
  subcommands: {
    pytest: [{ kind: 'test' }],
    'py.test': [{ kind: 'test' }],
    tox: [{ kind: 'test' }],
    nox: [{ kind: 'test' }],
    // only `python -m unittest` and `python -m compileall` reach these two
    unittest: [{ kind: 'test' }],
    compileall: [{ kind: 'generate' }],
  },
  kinds: { easy_install: 'setup' },
  interpreters: ['python', 'python3'],
  scriptExtensions: ['py'],
  // pip's requirements by registry name: no version, extras, quotes or variable (`"ReviewBoard${V}"`: reviewboard)
  installedPackages({ name, args }) {
    const names = (requirements: readonly string[]) => requirementsOf(requirements).flatMap((r) => /^[A-Za-z0-9][\w.-]*/.exec(r.replace(/^['"]/, ''))?.[0].toLowerCase().replace(/_/g, '-') ?? []);
    // easy_install takes the requirements themselves (`easy_install supervisor`)
    if (name === 'easy_install') return names(args);
    if (name !== 'pip' || !args.includes('install')) return null;
    return names(args.slice(args.indexOf('install') + 1));
  },
  runtimePrograms: {
    // Review Board renders every diff with `patch -o` (its docs: "patch is required")
    reviewboard: ['patch'],
    // errbot's `!repos install` clones plugin repositories with git
    errbot: ['git'],
    gitpython: ['git'],
    dvc: ['git'],
    pydub: ['ffmpeg'],
    'ffmpeg-python': ['ffmpeg'],
    moviepy: ['ffmpeg'],
    pytesseract: ['tesseract'],
    pdf2image: ['pdftoppm'],
    pdfkit: ['wkhtmltopdf'],
    'ansible-runner': ['ssh'],
  },
  toolbox: ['pytest', 'py.test', 'tox', 'nosetests'],
  // https://pip.pypa.io/en/stable/topics/configuration/#environment-variables
  buildEnv: [
    { variables: ['PIP_*'], readers: ['pip'] },
    { variables: ['PIPENV_*'], readers: ['pipenv'] },
    { variables: ['POETRY_*'], readers: ['poetry'] },
    // https://docs.astral.sh/uv/reference/environment/
    { variables: ['UV_*'], readers: ['uv'] },
  ],
  kindOf(words): RuleKind | null {
    if (words[0] === 'pip') return pipKind(words.slice(1));
    // `python setup.py install|develop|easy_install` installs into the system; any other command builds
    // `poetry export -o requirements.txt` writes the requirements a pip install reads next
    // (https://python-poetry.org/docs/cli/#export); uv's `pip compile` does the same
    if ((words[0] === 'poetry' && words[1] === 'export') || (words[0] === 'uv' && words[1] === 'pip' && words[2] === 'compile')) return 'generate';
    if (words[0] === 'setup.py') return /^(install|develop|easy_install)$/.test(words[1] ?? '') ? 'setup' : 'build';
    return null;
  },
  // `python setup.py install` puts the package into the system's site-packages
  replayed: ['pip', 'easy_install', 'setup.py'],
  // pip's and setup.py's options that install outside the interpreter's site directory, or link the source tree
  installsElsewhere: (words) => words.some((w) => PIP_ELSEWHERE.test(w) || SETUP_ELSEWHERE.test(w)),
  installsInto: ['/usr/local/lib/python*/site-packages', '/usr/lib/python3/dist-packages'],
  // uv, poetry and pipenv install from lockfiles too, and may compile with the builder's compilers
  languageInstallers: ['pip', 'uv', 'poetry', 'pipenv'],
  // (pip's packages depend on their interpreter: python3-pip brings python3)
  provides: {
    'python3-pip': ['pip', 'pip3', 'python3'],
    'python-pip': ['pip', 'pip2', 'python', 'python2'],
    'py3-pip': ['pip', 'pip3', 'python3'],
    'py-pip': ['pip', 'pip2', 'python', 'python2'],
    python3: ['python3'],
    python: ['python', 'python2'],
    ...Object.fromEntries(DISTRIBUTION_VIRTUALENV.map((p) => [p, ['virtualenv']])),
  },
  outputs({ name, args, words }: FamilyCommand, at) {
    // options that take a value (`virtualenv -p python3.6 /env`): the value is not the directory
    if (name === 'virtualenv') {
      const dir = args.find((w, i) => !w.startsWith('-') && !VENV_VALUED.has(args[i - 1] ?? ''));
      return { paths: dir ? [joinPath(at.cwd, dir)] : [], unnamed: false };
    }
    const uv = uvVenv(words, at.cwd);
    if (uv) return { paths: [uv], unnamed: false };
    if (at.kind === 'generate' && (name === 'poetry' || name === 'uv')) {
      const file = optionValue(args, '-o', '--output', '--output-file');
      return { paths: file ? [joinPath(at.cwd, file)] : [], unnamed: false };
    }
    // pipenv's environment, also one under a hashed name: the directory holding it (python-env.ts)
    if (name === 'pipenv') {
      const place = toolEnvironment(words, { cwd: at.cwd, env: at.env, poetry: null, home: at.home() });
      return place?.place === 'venv' && place.hashed ? { paths: [place.path], unnamed: false } : null;
    }
    if (name !== 'pip') return null;
    if (at.kind === 'build' || at.kind === 'generate') return { paths: [joinPath(at.cwd, optionValue(args, '--wheel-dir', '-w') ?? '.')], unnamed: false };
    if (at.kind !== 'pip') return null;
    const target = optionValue(args, '--target', '-t', '--prefix', '--root');
    if (target) return { paths: [joinPath(at.cwd, target)], unnamed: false };
    return { paths: args.includes('--user') ? [pipUserBase(at.env, at.home())] : [], unnamed: false };
  },
  reads({ name, words }: FamilyCommand) {
    if (name !== 'pip') return null;
    const list: string[] = [];
    for (let i = 0; i < words.length; i++) if (PIP_READS.includes(words[i]!)) list.push(words[i + 1] ?? '');
    for (const o of operands(words)) if (o === '.' || o.startsWith('./') || o.startsWith('/')) list.push(o);
    return list.filter(Boolean);
  },
  toolingOnly({ name, args }: FamilyCommand) {
    if (name !== 'pip' && name !== 'easy_install') return false;
    // pipenv is pure Python, and so is what it depends on (virtualenv, certifi, setuptools): its install compiles nothing
    const names = args.filter((w) => !w.startsWith('-') && !['install', 'update'].includes(w));
    return upgradesPipOnly(names) || (names.length > 0 && names.every((n) => TOOLING.test(n) || PURE_TOOLS.test(n)));
  },
} satisfies CommandFamily;

/**
 * The Python major version a pip command runs by its name as written: `pip2`, `python2 -m pip` -> 2; `pip3`,
 * `pip3.5`, `python3 -m pip` -> 3; a bare `pip` or `python -m pip` -> 'default' (whichever the installed
 * packages give); null for anything else (a pip run by its path, another interpreter).
 */
export function pipPythonMajor(words: readonly string[]): 2 | 3 | 'default' | null {
  const first = words[0] ?? '';
  const name = /^pip([\d.]*)$/.exec(first)?.[1] ?? (/^python([\d.]*)$/.test(first) && words[1] === '-m' && words[2] === 'pip' ? /^python([\d.]*)$/.exec(first)![1]! : null);
  if (name === null) return null;
  if (name === '') return 'default';
  return name.startsWith('2') ? 2 : name.startsWith('3') ? 3 : null;
}
