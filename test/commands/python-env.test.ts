// Where uv, poetry and pipenv put what they install (src/commands/python-env.ts), read by the python-venv
// and python-wheels presets.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { distributionTool, installsToolsOnly, poetryConfig, toolEnvironment, toolInstall, uvPythonDoubt, uvVenv } from '../../src/commands/python-env.js';

const w = (s: string) => s.split(' ');
const env = (pairs: Record<string, string> = {}) => ({ get: (k: string) => pairs[k] });
const at = (pairs: Record<string, string> = {}, poetry: ReadonlyMap<string, string> | null = new Map()) => ({ cwd: '/app', env: env(pairs), poetry });
const place = (s: string, pairs: Record<string, string> = {}, poetry: ReadonlyMap<string, string> | null = new Map()) => toolEnvironment(w(s), at(pairs, poetry));

describe('python environment tools', () => {
  it('knows the installing subcommands and no others', () => {
    expect(toolInstall(w('poetry install --no-root'))).toEqual({ tool: 'poetry', sub: 'install' });
    expect(toolInstall(w('pipenv sync'))).toEqual({ tool: 'pipenv', sub: 'sync' });
    expect(toolInstall(w('uv pip install -r requirements.txt'))).toEqual({ tool: 'uv', sub: 'pip install' });
    expect(toolInstall(w('uv --directory /x sync'))).toEqual({ tool: 'uv', sub: 'sync' });
    for (const s of ['poetry export -o r.txt', 'poetry config virtualenvs.create false', 'pipenv --version', 'uv venv', 'pip install x']) expect(toolInstall(w(s))).toBeNull();
  });

  it('poetry: VIRTUAL_ENV, virtualenvs.create=false (system), in-project (.venv), otherwise a hashed cache directory', () => {
    expect(place('poetry install', { POETRY_VIRTUALENVS_IN_PROJECT: 'true' })).toEqual({ tool: 'poetry', place: 'venv', path: '/app/.venv' });
    expect(place('poetry install -C /srv/x', { POETRY_VIRTUALENVS_IN_PROJECT: '1' })).toMatchObject({ path: '/srv/x/.venv' });
    expect(place('poetry install', { POETRY_VIRTUALENVS_CREATE: 'false', POETRY_VIRTUALENVS_IN_PROJECT: 'true' })).toMatchObject({ place: 'system' });
    expect(place('poetry install', { VIRTUAL_ENV: '/opt/venv/' })).toMatchObject({ place: 'venv', path: '/opt/venv' });
    expect(place('poetry install', {}, new Map([['virtualenvs.in-project', 'true']]))).toMatchObject({ place: 'venv', path: '/app/.venv' });
    // the environment variable wins over the configuration files
    expect(place('poetry install', { POETRY_VIRTUALENVS_IN_PROJECT: 'false' }, new Map([['virtualenvs.in-project', 'true']]))).toMatchObject({ place: 'unlocated' });
    expect(place('poetry install')).toMatchObject({ place: 'unlocated' });
    expect(place('poetry install', {}, null)).toMatchObject({ place: 'unlocated', why: expect.stringContaining('poetry.toml') });
  });

  it('reads `poetry config`, old `settings.` keys and --local; not --unset', () => {
    expect(poetryConfig(w('poetry config virtualenvs.create false'))).toEqual({ key: 'virtualenvs.create', value: 'false', local: false });
    expect(poetryConfig(w('poetry config settings.virtualenvs.in-project true --local'))).toEqual({ key: 'virtualenvs.in-project', value: 'true', local: true });
    expect(poetryConfig(w('poetry config --unset virtualenvs.create'))).toBeNull();
  });

  it('pipenv: --system, VIRTUAL_ENV, PIPENV_VENV_IN_PROJECT (only values every release reads as true), otherwise hashed', () => {
    expect(place('pipenv install --system --deploy')).toMatchObject({ place: 'system' });
    expect(place('pipenv install --deploy', { PIPENV_VENV_IN_PROJECT: '1' })).toEqual({ tool: 'pipenv', place: 'venv', path: '/app/.venv' });
    expect(place('pipenv install', { PIPENV_VENV_IN_PROJECT: 'true', PIPENV_PIPFILE: '/srv/p/Pipfile' })).toMatchObject({ path: '/srv/p/.venv' });
    expect(place('pipenv install', { PIPENV_VENV_IN_PROJECT: '0' })).toMatchObject({ place: 'unlocated' });
    expect(place('pipenv install --python 3.9', { PIPENV_VENV_IN_PROJECT: '1' })).toMatchObject({ place: 'unlocated' });
    expect(place('pipenv sync')).toMatchObject({ place: 'unlocated' });
  });

  it('uv: sync into .venv or UV_PROJECT_ENVIRONMENT; uv pip into VIRTUAL_ENV, the --python environment, --system', () => {
    expect(place('uv sync --frozen')).toEqual({ tool: 'uv', place: 'venv', path: '/app/.venv' });
    expect(place('uv sync', { UV_PROJECT_ENVIRONMENT: '/opt/venv', VIRTUAL_ENV: '/other' })).toMatchObject({ path: '/opt/venv' });
    expect(place('uv pip install --system flask')).toMatchObject({ place: 'system' });
    expect(place('uv pip install flask', { VIRTUAL_ENV: '/opt/venv' })).toMatchObject({ path: '/opt/venv' });
    expect(place('uv pip install --python /opt/venv/bin/python flask')).toMatchObject({ path: '/opt/venv' });
    expect(place('uv pip install --python 3.11 flask')).toMatchObject({ place: 'unlocated' });
    expect(uvVenv(w('uv venv'), '/app')).toBe('/app/.venv');
    expect(uvVenv(w('uv venv --python 3.12 /opt/venv'), '/app')).toBe('/opt/venv');
  });

  it("doubts the Python of an environment uv makes unless downloads are off or the interpreter is the image's", () => {
    expect(uvPythonDoubt(w('uv sync'), env())).not.toBeNull();
    expect(uvPythonDoubt(w('uv sync'), env({ UV_PYTHON_DOWNLOADS: 'never' }))).toBeNull();
    expect(uvPythonDoubt(w('uv venv --python /usr/local/bin/python3 /v'), env())).toBeNull();
    expect(uvPythonDoubt(w('uv pip install flask'), env())).toBeNull();
    // Debian's pipenv and python3-poetry run /usr/bin/python3
    expect(distributionTool('pipenv', ['python3', 'pipenv'])).toBe('pipenv');
    expect(distributionTool('poetry', ['python3-poetry'])).toBe('python3-poetry');
    expect(distributionTool('poetry', ['pipenv'])).toBeNull();
  });

  it('the analyzer reads `uv venv DIR` and `poetry export -o FILE` as what they write', () => {
    const scope = { workdir: '/app', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
    expect(analyzeRun('uv venv /opt/venv', scope).commands[0]!.outputs).toEqual(['/opt/venv']);
    const exported = analyzeRun('poetry export -f requirements.txt --output requirements.txt', scope).commands[0]!;
    expect([exported.kind, exported.outputs]).toEqual(['generate', ['/app/requirements.txt']]);
    expect(installsToolsOnly(['poetry==1.8.3', 'poetry-plugin-export'])).toBe(true);
    expect(installsToolsOnly(['poetry', 'flask'])).toBe(false);
  });
});
