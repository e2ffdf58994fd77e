// What the three Python presets share: finding pip commands, test tools, and the files a build-time
// script generates. pip options: https://pip.pypa.io/en/stable/cli/pip_install/
import type { RunCommand } from '../../src/analyze/run.js';
import { isTestOnlyInstall, requirementFiles, requirementsOf, upgradesPipOnly } from '../../src/commands/python.js';
import { commandOf, isCompilerPackage, packageCommand } from '../../src/commands/index.js';
import { shipsCompiler } from '../../src/images.js';
import type { PresetInput, Artifact } from '../../src/preset.js';
import { joinPath } from '../../src/shell.js';
import { genericArtifacts, mergeArtifacts } from '../../src/artifacts.js';

/** Packages that only tests and linters use: installing them is a build step. */

export interface PipCommand {
  index: number;
  command: RunCommand;
  /** Words after `install`. */
  args: string[];
}

/** Every `pip install` in the Dockerfile, with the RUN it is in. */
export function pipInstalls(input: PresetInput): PipCommand[] {
  const out: PipCommand[] = [];
  for (const [index, run] of input.analysis.runs) {
    for (const command of run.commands) {
      if (command.kind !== 'pip') continue;
      const args = [...(commandOf(command.words)?.args ?? [])];
      const at = args.indexOf('install');
      if (at < 0) continue;
      out.push({ index, command, args: args.slice(at + 1) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** `pip install --upgrade pip setuptools` maintains pip itself: repeat it, never turn it into wheels. */
export function isSelfUpgrade(p: PipCommand): boolean {
  return upgradesPipOnly(requirementsOf(p.args));
}

/** A pip install of test tools only (pytest, tox, ...) or of dev/test requirement files. */
export function isTestToolsInstall(p: PipCommand): boolean {
  return isTestOnlyInstall(p.args);
}

export { requirementFiles, requirementsOf };

/** Options that only make sense for `pip install`, not for `pip wheel`. */
const INSTALL_ONLY = new Set(['--user', '-U', '--upgrade', '--no-warn-script-location', '--force-reinstall', '--ignore-installed', '-I', '--no-compile', '--compile', '--break-system-packages', '--upgrade-strategy', '--no-warn-conflicts', '--root-user-action']);
const INSTALL_ONLY_WITH_VALUE = new Set(['--upgrade-strategy', '--root-user-action', '-t', '--target', '--prefix', '--root']);

/** Arguments for `pip wheel` made from `pip install` arguments. */
export function wheelArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (INSTALL_ONLY_WITH_VALUE.has(w)) {
      i++;
      continue;
    }
    if (INSTALL_ONLY.has(w) || /^--(upgrade-strategy|root-user-action|target|prefix|root)=/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Arguments for installing from /wheels only: index options dropped, --no-index added. */
export function offlineArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (['-i', '--index-url', '--extra-index-url', '--trusted-host', '-f', '--find-links'].includes(w)) {
      i++;
      continue;
    }
    if (/^--(index-url|extra-index-url|trusted-host|find-links)=/.test(w) || w === '--no-index') continue;
    out.push(w);
  }
  return out;
}

/** Shell-quote a word only when it needs it. */
export function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** The pip executable as the original wrote it (`pip`, `pip3`, `python -m pip`): the words before its arguments. */
export function pipExecutable(words: readonly string[]): string {
  return words.slice(0, words.length - (commandOf(words)?.args.length ?? 0)).join(' ');
}

/** True when the builder has a C compiler: a full python image or compilers installed. */
export function hasCompiler(input: PresetInput): boolean {
  if (shipsCompiler(input.builderImage)) return true;
  for (const run of input.analysis.runs.values())
    for (const c of run.commands) {
      if (c.install?.build.some(isCompilerPackage)) return true;
      if (packageCommand(c.words[0] ?? '')?.packages.manager === 'apt' && c.words.includes('build-dep')) return true;
    }
  return false;
}

/**
 * Files a build-time script writes. With the script in the build context, literal file names passed to
 * open(..., 'w'), to_csv(), json.dump targets and the like are read from it; otherwise (or when none is
 * found) the working directory is copied, which is always complete.
 */
function generatedArtifacts(input: PresetInput): Artifact[] {
  const out: Artifact[] = [];
  for (const [index, run] of input.analysis.runs) {
    const line = input.model.instructions[index]!.line;
    for (const c of run.commands) {
      if (c.kind !== 'generate') continue;
      const named = [...c.outputs];
      const script = c.words.find((w, i) => i > 0 && /\.py$/.test(w));
      const source = script ? (input.context.read(joinPath('.', script).replace(/^\.\//, '')) ?? input.context.read(script.split('/').pop()!)) : null;
      if (source) {
        const re = /(?:open\(\s*|to_(?:csv|json|parquet|pickle)\(\s*|savetxt\(\s*|save\(\s*|write_text\(\s*)["']([^"'{}]+\.[A-Za-z0-9]{1,8})["']\s*(,\s*["']?[wax]b?\+?)?/g;
        for (const m of source.matchAll(re)) {
          if (m[0].startsWith('open(') && !m[2]) continue; // open() for reading
          named.push(joinPath(c.cwd, m[1]!));
        }
      }
      if (named.length) for (const path of new Set(named)) out.push({ path, producer: index, why: { id: 'artifact-output', data: { path, command: c.words.slice(0, 2).join(' ') }, line } });
      else out.push({ path: c.cwd, producer: index, why: { id: 'artifact-workdir', data: { path: c.cwd }, line } });
    }
  }
  return out;
}

/**
 * Artifacts of a Python build besides the packages: outputs of non-Python build steps (the generic
 * rules) and files generated by scripts. Declines when a generating step runs in /.
 */
export function pythonArtifacts(input: PresetInput): { artifacts: Artifact[]; declines: import('../../src/messages.js').Finding[] } {
  const generic = genericArtifacts(input.analysis, new Set(), new Set(['build', 'fetch', 'file-move']));
  const generated = generatedArtifacts(input);
  const declines = [...generic.declines];
  for (const a of generated) if (a.path === '/') declines.push({ id: 'output-not-located', data: { why: 'a script generates files in / (no WORKDIR), so they cannot be told from the rest of the system' }, line: a.why.line });
  // pip wheel / pip install outputs are handled by the preset itself
  const fromBuild = generic.artifacts.filter((a) => !/^\/wheels$/.test(a.path));
  return { artifacts: mergeArtifacts([...fromBuild, ...generated.filter((a) => a.path !== '/')]), declines };
}
