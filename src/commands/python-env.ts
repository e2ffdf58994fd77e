// Where uv, poetry and pipenv put the packages they install: a virtual environment at a path the Dockerfile
// states, the system's site-packages, or a directory whose name is a hash (which no static reading finds).
// poetry: https://python-poetry.org/docs/configuration/#virtualenvscreate (and #virtualenvsin-project,
//   #virtualenvspath: `{cache-dir}/virtualenvs`, each environment named `<project>-<hash>-py<X.Y>`;
//   POETRY_VIRTUALENVS_* environment variables override the configuration files, `poetry config --local`
//   writes the project's poetry.toml, which overrides `poetry config`'s global file)
// pipenv: https://pipenv.pypa.io/en/latest/virtualenv.html (PIPENV_VENV_IN_PROJECT: `<project>/.venv`;
//   otherwise `~/.local/share/virtualenvs/<project>-<hash>`; `--system` installs into the system's python;
//   an active VIRTUAL_ENV is used as it is)
// uv: https://docs.astral.sh/uv/concepts/projects/config/#project-environment-path (`uv sync`: `<project>/.venv`
//   or UV_PROJECT_ENVIRONMENT, relative to the project; VIRTUAL_ENV ignored unless --active),
//   https://docs.astral.sh/uv/pip/environments/ (`uv pip install`: VIRTUAL_ENV, else `.venv`; `--system`),
//   https://docs.astral.sh/uv/reference/cli/#uv-venv (`uv venv [PATH]`, `.venv` by default)
import { joinPath } from '../paths.js';
import { optionValue } from './options.js';

/** Where a tool's install puts its packages. */
export type ToolEnvironment = { tool: string; place: 'venv'; path: string; hashed?: true } | { tool: string; place: 'system' } | { tool: string; place: 'unlocated'; why: string };

/** What decides the place besides the command: its directory, environment, and the tools' configuration set earlier. */
export interface ToolSettings {
  cwd: string;
  env: { get(key: string): string | undefined };
  /** poetry's settings (`virtualenvs.create`, `virtualenvs.in-project`) written by earlier `poetry config` commands and a poetry.toml; null when a file of the project may set them unseen. */
  poetry: ReadonlyMap<string, string> | null;
  /** The home of the user the command runs as, when the file states it (HOME, `useradd -d`, root's /root); else null. */
  home?: string | null;
}

/** uv's own image, whose /uv and /uvx a Dockerfile copies in: https://docs.astral.sh/uv/guides/integration/docker/#installing-uv */
export const UV_IMAGE = /^ghcr\.io\/astral-sh\/uv(:|@|$)/;

/** The installing subcommands of each tool (`uv pip install`: `pip install`). */
const INSTALLS: Readonly<Record<string, readonly string[]>> = { poetry: ['install', 'add', 'update', 'sync'], pipenv: ['install', 'sync', 'update'], uv: ['sync', 'pip install', 'pip sync'] };

/** Options of the tools that take the next word as their value (so it is no subcommand). */
const VALUED = new Set(['-C', '--directory', '--project', '-p', '--python', '--only', '--with', '--without', '-E', '--extras', '--group', '--extra', '--index-url', '--extra-index-url', '--pypi-mirror', '--categories']);

/** The subcommand words (`install`, `pip install`): the first one or two operands. */
function subcommand(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length && out.length < 2; i++) {
    const w = args[i]!;
    if (w.startsWith('-')) {
      if (VALUED.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The tool and its installing subcommand when `words` installs packages (`poetry install`, `uv pip install`), else null. */
export function toolInstall(words: readonly string[]): { tool: string; sub: string } | null {
  const tool = words[0] ?? '';
  const subs = INSTALLS[tool];
  if (!subs) return null;
  const [a = '', b = ''] = subcommand(words.slice(1));
  const sub = subs.includes(a) ? a : subs.includes(`${a} ${b}`) ? `${a} ${b}` : null;
  return sub ? { tool, sub } : null;
}

/** `poetry config [--local] [settings.]virtualenvs.KEY VALUE` -> the key and value it sets, or null (also for `--unset` and reads). */
export function poetryConfig(words: readonly string[]): { key: string; value: string; local: boolean } | null {
  if (words[0] !== 'poetry' || words[1] !== 'config' || words.includes('--unset')) return null;
  const rest = words.slice(2).filter((w) => !w.startsWith('-'));
  if (rest.length !== 2) return null;
  return { key: rest[0]!.replace(/^settings\./, ''), value: rest[1]!.toLowerCase(), local: words.includes('--local') };
}

/** `uv venv [PATH]`: the environment it makes (relative to `cwd`), or null. */
export function uvVenv(words: readonly string[], cwd: string): string | null {
  if (words[0] !== 'uv' || !['venv', 'virtualenv'].includes(subcommand(words.slice(1))[0] ?? '')) return null;
  const [, path = '.venv'] = subcommand(words.slice(1));
  return joinPath(cwd, path);
}

/** A setting's value read as poetry reads a boolean (`true`, `1`), or null when unset. */
function poetryBool(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  return ['true', '1'].includes(value.toLowerCase());
}

/** pipenv reads PIPENV_VENV_IN_PROJECT as true from `1`/`true`/`yes`/`on`; older releases took any non-empty value as true, so only these are certain. */
function pipenvTrue(value: string | undefined): boolean | null {
  if (value === undefined || value === '') return null;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) ? true : null;
}

function poetryPlace(words: readonly string[], at: ToolSettings): ToolEnvironment {
  const tool = 'poetry';
  const project = joinPath(at.cwd, optionValue(words, '-C', '--directory') ?? '.');
  const setting = (key: string): boolean | null => poetryBool(at.env.get(`POETRY_${key.toUpperCase().replace(/[.-]/g, '_')}`) ?? at.poetry?.get(key));
  const active = at.env.get('VIRTUAL_ENV');
  const create = setting('virtualenvs.create');
  if (active) return { tool, place: 'venv', path: active.replace(/\/+$/, '') || '/' };
  if (create === false) return { tool, place: 'system' };
  if (setting('virtualenvs.in-project') === true) return { tool, place: 'venv', path: joinPath(project, '.venv') };
  if (at.poetry === null) return { tool, place: 'unlocated', why: "the project's poetry.toml, which is not in the Dockerfile, may set virtualenvs.create or virtualenvs.in-project over `poetry config`" };
  return { tool, place: 'unlocated', why: 'poetry makes the environment under {cache-dir}/virtualenvs with a hash of the project path in its name (set POETRY_VIRTUALENVS_IN_PROJECT=true or POETRY_VIRTUALENVS_CREATE=false)' };
}

function pipenvPlace(words: readonly string[], at: ToolSettings): ToolEnvironment {
  const tool = 'pipenv';
  if (words.includes('--system')) return { tool, place: 'system' };
  if (optionValue(words, '--python') !== null) return { tool, place: 'unlocated', why: "pipenv --python may make the environment with another Python than the image's" };
  const active = at.env.get('VIRTUAL_ENV');
  if (active && !at.env.get('PIPENV_IGNORE_VIRTUALENVS')) return { tool, place: 'venv', path: active.replace(/\/+$/, '') || '/' };
  const pipfile = at.env.get('PIPENV_PIPFILE');
  // the project is the directory of the Pipfile pipenv finds from the working directory
  const project = pipfile ? joinPath(at.cwd, pipfile).replace(/\/[^/]*$/, '') || '/' : at.cwd;
  if (pipenvTrue(at.env.get('PIPENV_VENV_IN_PROJECT')) && !at.env.get('PIPENV_CUSTOM_VENV_NAME')) return { tool, place: 'venv', path: joinPath(project, '.venv') };
  // the environment's own name carries a hash of the project's path, the directory holding it does not:
  // WORKON_HOME, else $XDG_DATA_HOME/virtualenvs, else ~/.local/share/virtualenvs of a home the file states
  const workon = at.env.get('WORKON_HOME');
  const data = at.env.get('XDG_DATA_HOME');
  const dir = workon !== undefined ? workon : data !== undefined ? `${data}/virtualenvs` : at.home ? `${at.home}/.local/share/virtualenvs` : null;
  if (dir?.startsWith('/') && !dir.includes('$')) return { tool, place: 'venv', path: joinPath('/', dir), hashed: true };
  return { tool, place: 'unlocated', why: 'pipenv makes the environment under ~/.local/share/virtualenvs (or WORKON_HOME) with a hash of the project path in its name (set PIPENV_VENV_IN_PROJECT=1 or install with --system)' };
}

function uvPlace(words: readonly string[], sub: string, at: ToolSettings): ToolEnvironment {
  const tool = 'uv';
  const project = joinPath(at.cwd, optionValue(words, '--directory', '--project') ?? '.');
  if (sub === 'sync') {
    if (words.includes('--active')) return at.env.get('VIRTUAL_ENV') ? { tool, place: 'venv', path: at.env.get('VIRTUAL_ENV')! } : { tool, place: 'unlocated', why: 'uv sync --active with no VIRTUAL_ENV' };
    const named = at.env.get('UV_PROJECT_ENVIRONMENT');
    return { tool, place: 'venv', path: joinPath(project, named || '.venv') };
  }
  // uv pip install / sync: --system, --python (an interpreter), VIRTUAL_ENV, else .venv of the directory
  if (words.includes('--system') || ['1', 'true'].includes((at.env.get('UV_SYSTEM_PYTHON') ?? '').toLowerCase())) return { tool, place: 'system' };
  // `--python /opt/venv/bin/python`: that environment's interpreter
  const python = optionValue(words, '-p', '--python');
  const inVenv = python ? /^(.+)\/bin\/python[\d.]*$/.exec(python) : null;
  if (inVenv) return { tool, place: 'venv', path: joinPath(at.cwd, inVenv[1]!) };
  if (python !== null || optionValue(words, '--target', '--prefix') !== null) return { tool, place: 'unlocated', why: 'uv pip installs for the interpreter or directory its option names' };
  const active = at.env.get('VIRTUAL_ENV');
  if (active) return { tool, place: 'venv', path: active.replace(/\/+$/, '') || '/' };
  return { tool, place: 'venv', path: joinPath(project, '.venv') };
}

/** Where the install `words` puts its packages, or null when `words` is no install of uv, poetry or pipenv. */
export function toolEnvironment(words: readonly string[], at: ToolSettings): ToolEnvironment | null {
  const install = toolInstall(words);
  if (!install) return null;
  if (install.tool === 'poetry') return poetryPlace(words, at);
  if (install.tool === 'pipenv') return pipenvPlace(words, at);
  return uvPlace(words, install.sub, at);
}

/**
 * Why uv may give the environment a Python of its own rather than the image's (which the slim variant of the
 * same tag has), or null: uv downloads a managed Python when the project asks for a version the image lacks,
 * unless downloads are off or only the system's Python may be used.
 * https://docs.astral.sh/uv/concepts/python-versions/#disabling-automatic-python-downloads
 */
export function uvPythonDoubt(words: readonly string[], env: { get(key: string): string | undefined }): string | null {
  // only `uv venv` and `uv sync` make an environment (`uv pip` installs into one that exists)
  if (words[0] !== 'uv' || (uvVenv(words, '/') === null && toolInstall(words)?.sub !== 'sync')) return null;
  const python = optionValue(words, '-p', '--python') ?? env.get('UV_PYTHON');
  if (python?.startsWith('/usr/local/bin/python')) return null;
  if (words.includes('--no-python-downloads') || ['never', 'manual'].includes(env.get('UV_PYTHON_DOWNLOADS') ?? '')) return null;
  if ((optionValue(words, '--python-preference') ?? env.get('UV_PYTHON_PREFERENCE')) === 'only-system') return null;
  return "uv downloads a Python of its own when the project asks for a version the image lacks (UV_PYTHON_DOWNLOADS=never keeps the image's)";
}

/** The tools whose commands serve only the builder once their environment is copied. */
const TOOLS = new Set(['poetry', 'pipenv', 'uv']);

/** True when `words` runs uv, poetry or pipenv (an install, `poetry config`, `--version`, a lock). */
export function isToolCommand(words: readonly string[]): boolean {
  return TOOLS.has(words[0] ?? '');
}

/** True when `words` is a command of uv. */
export function isUv(words: readonly string[]): boolean {
  return words[0] === 'uv';
}

/** True when `words` exports poetry's lock as requirements (`poetry export`). */
export function exportsPoetryLock(words: readonly string[]): boolean {
  return words[0] === 'poetry' && words[1] === 'export';
}

/** A pip install (the words after `install`) of only these tools (and poetry's export plugin), named. */
export function installsToolsOnly(names: readonly string[]): boolean {
  return names.length > 0 && names.every((n) => /^(poetry|poetry-plugin-export|pipenv|uv)([<>=~!].*)?$/i.test(n));
}

/** The distributions' packages of the tools (Debian's pipenv and python3-poetry, Alpine's py3-*): they run the distribution's python, not an official image's. */
const DISTRIBUTION_TOOLS = ['pipenv', 'python3-pipenv', 'python3-poetry', 'poetry', 'py3-pipenv', 'py3-poetry', 'uv'];

/** The distribution package among `installed` that gives the tool `tool`, or null. */
export function distributionTool(tool: string, installed: readonly string[]): string | null {
  return installed.find((p) => DISTRIBUTION_TOOLS.includes(p) && p.includes(tool)) ?? null;
}
