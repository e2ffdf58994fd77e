// Composer for the php preset: the RUNs that run it, the project it installs into, the require-dev
// packages of composer.json, the command that leaves them behind, and the runtime commands that would
// need them. https://getcomposer.org/doc/03-cli.md#install-i  https://getcomposer.org/doc/04-schema.md#require-dev
import type { RunCommand } from '../../src/analyze/run.js';
import { PHP_DEV_BINARIES } from '../../src/knowledge/php.js';
import type { Finding } from '../../src/messages.js';
import type { PresetInput } from '../../src/preset.js';
import { joinPath } from '../../src/shell.js';

/** One Composer command of a RUN. */
export interface ComposerStep {
  index: number;
  command: RunCommand;
  /** The executable as written: `composer`, `php composer.phar`. */
  exe: string;
  /** The words after the executable. */
  args: string[];
  sub: string;
}

interface ComposerJson {
  'require-dev'?: Record<string, string>;
}

const INSTALLS = new Set(['install', 'i', 'update', 'u', 'upgrade', 'require', 'r']);
/** Options of `composer install` that the pruning install repeats: they change what it may do, not what it keeps. */
const CARRIED = /^(--no-plugins|--ignore-platform-reqs|--ignore-platform-req=.*|--classmap-authoritative|-a|--apcu-autoloader|--no-progress|--prefer-dist)$/;

/** The Composer executable and its arguments, or null: `composer`, `./composer.phar`, `php composer.phar`. */
function composerWords(words: readonly string[]): { exe: string; args: string[] } | null {
  const [a = '', b = ''] = words;
  if (/(^|\/)composer(\.phar)?$/.test(a)) return { exe: a, args: words.slice(1) };
  if (/^php[\d.]*$/.test(a) && /(^|\/)composer(\.phar)?$/.test(b)) return { exe: `${a} ${b}`, args: words.slice(2) };
  return null;
}

/** The subcommand: the first word that is neither an option nor the value of `-d`. */
function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-d' || args[i] === '--working-dir') {
      i++;
      continue;
    }
    if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return '';
}

/** Every Composer command, in file order. */
export function composerSteps(input: PresetInput): ComposerStep[] {
  const out: ComposerStep[] = [];
  for (const [index, run] of [...input.analysis.runs].sort((a, b) => a[0] - b[0]))
    for (const command of run.commands) {
      const c = composerWords(command.words);
      if (c) out.push({ index, command, ...c, sub: subcommand(c.args) });
    }
  return out;
}

/** True for a command that runs Composer. */
export function isComposer(words: readonly string[]): boolean {
  return composerWords(words) !== null;
}

/** True for install/update/require. */
export function installs(step: ComposerStep): boolean {
  return INSTALLS.has(step.sub);
}

/** The project directory a Composer command works on (`-d`/`--working-dir`, else where it runs). */
export function projectDir(step: ComposerStep): string {
  const i = step.args.findIndex((a) => a === '-d' || a === '--working-dir');
  const eq = step.args.find((a) => a.startsWith('--working-dir='));
  const dir = i >= 0 ? step.args[i + 1] : eq?.slice('--working-dir='.length);
  return dir ? joinPath(step.command.cwd, dir) : step.command.cwd;
}

/** True when an install brings require-dev packages (no --no-dev, no COMPOSER_NO_DEV). */
export function installsDev(input: PresetInput, step: ComposerStep): boolean {
  if (!installs(step) || step.args.includes('--no-dev')) return false;
  const noDev = step.command.assigns.COMPOSER_NO_DEV ?? input.analysis.scopes.get(step.index)?.env.get('COMPOSER_NO_DEV');
  return !/^(1|true)$/.test(noDev ?? '');
}

/** composer.json from the build context (at its root, or the only one), or null. */
export function readComposerJson(input: PresetInput): ComposerJson | null {
  const candidates = ['composer.json', ...input.context.find((p) => p.endsWith('/composer.json'))];
  for (const file of candidates) {
    const text = input.context.read(file);
    if (text === null) continue;
    try {
      const parsed = JSON.parse(text) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as ComposerJson) : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * `composer install --no-dev` for the builder, after the last step that may use dev packages. It keeps
 * the options that steer what the original install could do; scripts run unless the original never
 * let them (then nothing they generate exists to be redone).
 */
export function pruneCommand(steps: readonly ComposerStep[], project: string, workdir: string, phpRunsLater: boolean): string {
  const runs = steps.filter(installs);
  const last = runs[runs.length - 1] ?? steps[steps.length - 1]!;
  const carried = [...new Set(runs.flatMap((s) => s.args.filter((a) => CARRIED.test(a))))];
  // install, update, require and dump-autoload run the project's scripts (post-autoload-dump, ...)
  const scripted = steps.filter((s) => installs(s) || /^(dump-autoload|dumpautoload|run-script|run)$/.test(s.sub));
  const noScripts = scripted.every((s) => s.args.includes('--no-scripts')) && !phpRunsLater;
  const optimize = carried.includes('-a') || carried.includes('--classmap-authoritative') ? [] : ['--optimize-autoloader'];
  const dir = project !== workdir ? [`--working-dir=${project}`] : [];
  return [last.exe, 'install', '--no-dev', ...optimize, '--no-interaction', ...(noScripts ? ['--no-scripts'] : []), ...carried, ...dir].join(' ');
}

/**
 * The runtime command must not need a require-dev package: a program of one (vendor/bin/phpunit,
 * from composer.lock's packages-dev or the known table), or a Symfony kernel that loads dev bundles
 * because APP_ENV is not prod.
 */
export function runtimeNeedsDev(input: PresetInput, json: ComposerJson): Finding[] {
  const dev = json['require-dev'] ?? {};
  const bins = new Map<string, string>();
  for (const [bin, pkg] of Object.entries(PHP_DEV_BINARIES)) if (pkg in dev) bins.set(bin, pkg);
  try {
    const lock = JSON.parse(input.context.read('composer.lock') ?? '{}') as { 'packages-dev'?: { name?: string; bin?: string[] }[] };
    for (const p of lock['packages-dev'] ?? []) for (const b of p.bin ?? []) bins.set(b.split('/').pop()!, p.name ?? '?');
  } catch {
    /* an unreadable lock: the table alone */
  }
  const out: Finding[] = [];
  for (const ins of input.model.instructions) {
    if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
    for (const w of ins.words) {
      const pkg = bins.get(w.split('/').pop() ?? '');
      if (pkg && (w.includes('vendor/bin/') || !w.includes('/'))) out.push({ id: 'php-runtime-needs-dev', data: { program: w, via: ins.keyword, package: pkg }, line: ins.line });
    }
  }
  const bundles = input.context.read('config/bundles.php');
  const lastIndex = input.model.instructions.length - 1;
  const appEnv = input.analysis.scopes.get(lastIndex)?.env.get('APP_ENV');
  if (Object.keys(dev).length && bundles && /['"]dev['"]\s*=>\s*true/.test(bundles) && appEnv !== 'prod') {
    out.push({ id: 'php-runtime-needs-dev', data: { program: 'the Symfony kernel', via: `APP_ENV is ${appEnv ?? 'not set, so .env decides'}`, package: 'of each dev bundle in config/bundles.php' } });
  }
  return out;
}
