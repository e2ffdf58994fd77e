// The installs of uv, poetry and pipenv, each with where it puts its packages (src/commands/python-env.ts):
// python-venv copies the environments at a stated path and declines those it cannot locate.
import { poetryConfig, toolEnvironment, toolInstall, uvPythonDoubt, type ToolEnvironment } from '../../src/commands/python-env.js';
import type { PresetInput } from '../../src/preset.js';

/** One install of uv, poetry or pipenv. */
export interface ToolInstall {
  index: number;
  /** The words as the analyzer read them. */
  words: readonly string[];
  place: ToolEnvironment;
  /** Why its Python may not be the image's (uv), or null. */
  pythonDoubt: string | null;
}

/**
 * poetry's settings in force before the command at `start` of RUN `index`: `poetry config` (global), then a
 * poetry.toml of the build context, then `poetry config --local`. null when `poetry config` set them but the
 * project may carry a poetry.toml that overrides them, and the Dockerfile does not set both with --local.
 */
function poetrySettings(input: PresetInput, index: number, start: number): ReadonlyMap<string, string> | null {
  const global = new Map<string, string>();
  const local = new Map<string, string>();
  for (const [i, run] of [...input.analysis.runs].sort((a, b) => a[0] - b[0])) {
    if (i > index) break;
    for (const c of run.commands) {
      if (i === index && c.start >= start) break;
      const s = poetryConfig(c.words);
      if (s) (s.local ? local : global).set(s.key, s.value);
    }
  }
  // a poetry.toml counts only when a COPY before the install may bring it (`COPY . .`, `COPY poetry.toml`)
  const brought = input.model.instructions.some((ins) => ins.index < index && (ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from === null && ins.sources.some((src) => /^\.\/?$|\/$|\*|(^|\/)poetry\.toml$/.test(src) || !src.includes('.')));
  const files = !brought ? [] : input.context.known ? input.context.find((p) => /(^|\/)poetry\.toml$/.test(p)) : null;
  // one poetry.toml is the project's: its settings come between the global ones and --local's
  const project = files?.length === 1 ? poetryToml(input.context.read(files[0]!) ?? '') : new Map<string, string>();
  const unseen = files === null || (files.length > 1 && files.some((f) => /virtualenvs/.test(input.context.read(f) ?? '')));
  // with no `poetry config` of the environment, the default holds unless a poetry.toml says otherwise: either way
  // the place is not stated, and the reason given is the default's
  const configured = [...global.keys()].some((k) => k.startsWith('virtualenvs.'));
  if (unseen && configured && !['virtualenvs.create', 'virtualenvs.in-project'].every((k) => local.has(k))) return null;
  return new Map([...global, ...project, ...local]);
}

/** The `virtualenvs` settings of a poetry.toml (`[virtualenvs]` then `in-project = true`, or `virtualenvs.create = false`). */
function poetryToml(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let table = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) table = header[1]!.trim();
    const pair = /^\s*([\w.-]+)\s*=\s*(true|false)\b/.exec(line);
    if (!pair) continue;
    const key = table ? `${table}.${pair[1]}` : pair[1]!;
    if (key.startsWith('virtualenvs.')) out.set(key, pair[2]!);
  }
  return out;
}

/** Every install of uv, poetry and pipenv, in order. */
export function toolInstalls(input: PresetInput): ToolInstall[] {
  const out: ToolInstall[] = [];
  for (const [index, run] of input.analysis.runs) {
    const scope = input.analysis.scopes.get(index);
    for (const c of run.commands) {
      if (!toolInstall(c.words)) continue;
      // the command's own assignments (`POETRY_VIRTUALENVS_IN_PROJECT=true poetry install`) over the stage's
      const env = { get: (key: string) => c.assigns[key] ?? scope?.env.get(key) };
      // a home the file states: HOME, the one `useradd -d` gave the user, or root's
      const user = (scope?.user ?? 'root').split(':')[0]!;
      const home = env.get('HOME') ?? scope?.home ?? (user === 'root' || user === '0' ? '/root' : null);
      const place = toolEnvironment(c.words, { cwd: c.cwd, env, poetry: poetrySettings(input, index, c.start), home });
      if (place) out.push({ index, words: c.words, place, pythonDoubt: place.place === 'venv' ? uvPythonDoubt(c.words, env) : null });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
