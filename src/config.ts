// The repository's configuration: defaults for the conversion options and per-glob overrides, found
// from each Dockerfile's directory upward to the repository's root (as prettier finds .prettierrc) by
// lilconfig, validated with zod so that a mistake names its key. A JavaScript config runs code when it
// is loaded; --no-js-config (or DFSPLIT_NO_JS_CONFIG=1) refuses one instead. schema/dfsplit.schema.json
// is generated from the same schema (`npx tsx src/config.ts --schema`), and a test keeps the two equal.
import { lstatSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { lilconfig, type LilconfigResult } from 'lilconfig';
import picomatch from 'picomatch';
import { z } from 'zod';
import { FAIL_ON_STATUSES, type FailOnStatus } from './fail-on.js';

const Options = {
  preset: z.string().min(1).optional().describe('language preset, or auto / generic'),
  runtimeBase: z.string().min(1).optional().describe('runtime base image, e.g. gcr.io/distroless/static-debian12'),
  builderName: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]*$/, 'a stage name: lower case letters, digits, _ . -')
    .optional()
    .describe('name of the builder stage'),
  pinBuilder: z.boolean().optional().describe('pin a builder tag that still moves (golang, gcc:13) to the tag of the release it is built on now (golang:trixie) when that alone holds the conversion back; default true'),
};

const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    ...Options,
    ignorePatterns: z.array(z.string()).optional().describe('more patterns to ignore while walking (gitignore syntax, relative to the config file)'),
    failOn: z.array(z.enum(FAIL_ON_STATUSES)).min(1).optional().describe('the statuses that fail `dfsplit --check` (--fail-on): changed and declined exit 1, error exits 2; default ["changed", "error"]'),
    overrides: z
      .array(
        z.strictObject({
          files: z.union([z.string(), z.array(z.string()).min(1)]).describe('globs relative to the config file'),
          ...Options,
        }),
      )
      .optional()
      .describe('options for the files matching each glob; later entries win'),
  })
  .describe('dfsplit configuration');

export type Config = z.infer<typeof ConfigSchema>;

/** The options a config gives one file. */
export interface FileConfig {
  preset?: string;
  runtimeBase?: string;
  builderName?: string;
  pinBuilder?: boolean;
}

/** A config problem: printed as `dfsplit: <file>: <key>: <message>`, exit 2. */
export class ConfigError extends Error {}

const SEARCH_PLACES = ['package.json', '.dfsplitrc', '.dfsplitrc.json', '.dfsplitrc.js', '.dfsplitrc.mjs', '.dfsplitrc.cjs', 'dfsplit.config.json', 'dfsplit.config.js', 'dfsplit.config.mjs', 'dfsplit.config.cjs'];

/** The largest config file read: a repository's config file is its own to make, a device or a huge file included. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config file as messages name it: relative to the run's current directory. */
const shown = (file: string, cwd: string) => relative(cwd, file) || file;

/**
 * Whether `file` exists (following links); a ConfigError naming it when it is not a regular file of at
 * most MAX_CONFIG_BYTES, checked before anything reads it (a link to /dev/zero, a FIFO, a directory).
 */
function checkCandidate(file: string, name: string): boolean {
  let st;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch (err) {
    throw new ConfigError(`${name}: cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`); // a link loop, say
  }
  if (!st) return false;
  if (!st.isFile()) throw new ConfigError(`${name}: not a regular file`);
  if (st.size > MAX_CONFIG_BYTES) throw new ConfigError(`${name}: larger than 1 MiB`);
  return true;
}

/** A config that cannot be read or parsed, said in one line naming the file. */
function loadError(name: string, err: unknown): ConfigError {
  if (err instanceof ConfigError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new ConfigError(`${name}: no such file`);
  const message =
    String(e?.message ?? err)
      .split('\n')
      .find((l) => l.trim()) ?? 'unknown error';
  return new ConfigError(`${name}: cannot be loaded: ${message.trim()}`);
}

const JS_EXTENSIONS = ['.js', '.mjs', '.cjs'] as const;

/** Whether `dir` holds a `.git` (a directory, or the file of a worktree or submodule) of the user running dfsplit. */
function isRepositoryRoot(dir: string): boolean {
  try {
    // as git's safe.directory: a .git someone else owns (planted in a shared parent such as /tmp) is no root
    const uid = lstatSync(resolve(dir, '.git')).uid;
    return process.getuid === undefined || uid === process.getuid();
  } catch {
    return false;
  }
}

const isBelow = (dir: string, parent: string) => dir === parent || dir.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/**
 * Where the search from `dir` stops: the repository's root (the first directory upward with a .git),
 * else the current directory when `dir` is below it, else `dir` itself. Never higher, so a config in a
 * parent directory someone else can write to is not loaded.
 */
function searchRoot(dir: string, cwd: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (isRepositoryRoot(d)) return d;
    if (dirname(d) === d) break;
  }
  return isBelow(dir, cwd) ? cwd : dir;
}

function validate(result: LilconfigResult, cwd: string): { config: Config; dir: string } | null {
  if (!result) return null;
  const parsed = ConfigSchema.safeParse(result.config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const inPackage = result.filepath.endsWith('package.json');
    const key = `${inPackage ? 'dfsplit' : ''}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`.replace(/^\./, '') || '(the whole file)';
    throw new ConfigError(`${shown(result.filepath, cwd)}: ${key}: ${issue.message}`);
  }
  return { config: parsed.data, dir: dirname(result.filepath) };
}

/** Finds and applies configuration; one search per directory, each file loaded once (lilconfig caches the loads). */
export class ConfigResolver {
  /** lilconfig, for its loaders and its cache of loaded files; the search is done here (see search). */
  private explorerOnce: ReturnType<typeof lilconfig> | null = null;
  /** Directory -> its search root (a tree's files share a few directories). */
  private readonly roots = new Map<string, string>();
  /** Directory -> the config its search found. */
  private readonly searches = new Map<string, Promise<LilconfigResult>>();
  private readonly explicit: Promise<{ config: Config; dir: string } | null> | null;

  /** `file`: --config; `enabled` false: --no-config; `allowJs` false: --no-js-config; `cwd`: the run's current directory. */
  constructor(
    file: string | null,
    private readonly enabled = true,
    private readonly allowJs = true,
    private readonly cwd = process.cwd(),
  ) {
    // a --config that cannot be read is the user's mistake, said in one line (not an internal error)
    this.explicit = file ? this.load(resolve(cwd, file), file).then((r) => validate(r, cwd)) : null;
    // a run that asks for no file's options (no Dockerfile found) never awaits it: not an unhandled rejection
    this.explicit?.catch(() => {});
  }

  private explorer(): ReturnType<typeof lilconfig> {
    if (!this.explorerOnce) {
      // refused: a loader that names the file instead of importing it (lilconfig reads the text first, which runs nothing)
      const refuse = (file: string): never => {
        throw new ConfigError(`${shown(file, this.cwd)}: a JavaScript configuration runs code when loaded, and --no-js-config (or DFSPLIT_NO_JS_CONFIG) refuses it; use dfsplit.config.json, --config FILE.json or --no-config`);
      };
      const loaders = this.allowJs ? {} : Object.fromEntries(JS_EXTENSIONS.map((ext) => [ext, refuse]));
      this.explorerOnce = lilconfig('dfsplit', { searchPlaces: SEARCH_PLACES, loaders });
    }
    return this.explorerOnce;
  }

  /** `file` loaded by lilconfig (which caches it) once it is known to be a regular file of a sane size. */
  private async load(file: string, name = shown(file, this.cwd)): Promise<LilconfigResult> {
    try {
      if (!checkCandidate(file, name)) throw new ConfigError(`${name}: no such file`);
      return await this.explorer().load(file);
    } catch (err) {
      throw loadError(name, err);
    }
  }

  /**
   * lilconfig's search, done here so that each candidate is checked before it is read: from `dir` upward
   * to `stopDir`, the first search place that exists (a package.json only with a "dfsplit" key; an empty
   * file is passed over, as lilconfig does).
   */
  private async search(dir: string, stopDir: string): Promise<LilconfigResult> {
    for (let d = dir; ; d = dirname(d)) {
      for (const place of SEARCH_PLACES) {
        const file = resolve(d, place);
        if (!checkCandidate(file, shown(file, this.cwd))) continue;
        const result = await this.load(file);
        if (place === 'package.json' ? result?.config == null : result?.isEmpty) continue;
        return result;
      }
      if (d === stopDir || dirname(d) === d) return null;
    }
  }

  async configFor(path: string): Promise<{ config: Config; dir: string } | null> {
    if (!this.enabled) return null;
    if (this.explicit) return this.explicit;
    const dir = path === '-' ? this.cwd : dirname(resolve(this.cwd, path));
    let root = this.roots.get(dir);
    if (root === undefined) this.roots.set(dir, (root = searchRoot(dir, this.cwd)));
    let found = this.searches.get(dir);
    if (!found) this.searches.set(dir, (found = this.search(dir, root)));
    return validate(await found, this.cwd);
  }

  /** The options the configuration gives `path`: its defaults, then each matching override in order. */
  async optionsFor(path: string): Promise<FileConfig> {
    const found = await this.configFor(path);
    if (!found) return {};
    const { config, dir } = found;
    const out: FileConfig = pick(config);
    const rel = relative(dir, resolve(this.cwd, path)).split('\\').join('/');
    for (const o of config.overrides ?? []) {
      const globs = Array.isArray(o.files) ? o.files : [o.files];
      if (picomatch(globs, { dot: true })(rel)) Object.assign(out, pick(o));
    }
    return out;
  }

  /** failOn of the configuration found from the current directory (or --config), if it says. */
  async failOn(): Promise<FailOnStatus[] | undefined> {
    return (await this.configFor(resolve(this.cwd, 'Dockerfile')))?.config.failOn;
  }

  /** ignorePatterns of the configuration found from the current directory, made relative to it. */
  async ignorePatterns(): Promise<string[]> {
    const found = await this.configFor(resolve(this.cwd, 'Dockerfile'));
    if (!found?.config.ignorePatterns) return [];
    const prefix = relative(this.cwd, found.dir);
    return found.config.ignorePatterns.map((p) => (prefix && !p.startsWith('/') ? `${prefix}/${p}` : p));
  }
}

function pick(o: FileConfig): FileConfig {
  const out: FileConfig = {};
  if (o.preset) out.preset = o.preset;
  if (o.runtimeBase) out.runtimeBase = o.runtimeBase;
  if (o.builderName) out.builderName = o.builderName;
  if (o.pinBuilder !== undefined) out.pinBuilder = o.pinBuilder;
  return out;
}

/** The JSON schema editors use for dfsplit.config.json and .dfsplitrc.json. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigSchema);
}

if (process.argv[1]?.endsWith('config.ts') && process.argv.includes('--schema')) {
  process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
}
