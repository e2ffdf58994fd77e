// cabal (cabal-install), stack and ghc. https://cabal.readthedocs.io/en/stable/cabal-commands.html
// https://docs.haskellstack.org/en/stable/commands/  https://downloads.haskell.org/ghc/latest/docs/users_guide/
import { joinPath } from '../shell.js';
import { optionValue } from './options.js';
import type { CommandFamily, OutputContext, RuleKind } from './types.js';

/** The cabal or stack subcommand the words run (`stack --resolver lts-22 install`: install; '' when none), or null for another command. */
export function haskellSubcommand(words: readonly string[]): string | null {
  const name = words[0];
  if (name !== 'cabal' && name !== 'stack') return null;
  const rest = words.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (!w.startsWith('-')) return w;
    // stack's global options that take the next word as their value (`stack --resolver lts-22 build`)
    if (name === 'stack' && !w.includes('=') && STACK_GLOBAL_VALUED.includes(w)) i++;
  }
  return '';
}

/** stack's global options before the subcommand that take a value. https://docs.haskellstack.org/en/stable/global_flags/ */
const STACK_GLOBAL_VALUED = ['--resolver', '--snapshot', '--stack-yaml', '--work-dir', '--stack-root', '--compiler', '--arch', '--verbosity', '--docker-stack-exe', '--color', '--colour', '-j', '--jobs', '--local-bin-path', '--ghc-options', '--with-gcc', '--with-hpack'];

/**
 * The ways cabal installs executables: v1 (`cabal v1-install`, and plain `cabal install` of cabal-install before
 * 3.0) copies them into --bindir (default ~/.cabal/bin); v2 (`cabal install`, `v2-install`, `new-install` of 3.0 and
 * later) builds them in the store (~/.cabal/store) and puts symbolic links to them into --installdir (default
 * ~/.cabal/bin), unless `--install-method=copy`. https://cabal.readthedocs.io/en/stable/cabal-commands.html#cabal-install
 */
export const CABAL_INSTALLS = { v1: ['v1-install'], v2: ['install', 'v2-install', 'new-install'] } as const;

/**
 * How a cabal install puts executables in place: 'copy' (real files) or 'symlink' (links into the store), from its
 * options; `plainIsV1` when the cabal-install is older than 3.0, whose plain `cabal install` is the v1 install.
 */
export function cabalInstallMethod(words: readonly string[], plainIsV1 = false): 'copy' | 'symlink' {
  const sub = haskellSubcommand(words);
  if ((CABAL_INSTALLS.v1 as readonly string[]).includes(sub ?? '') || (plainIsV1 && sub === 'install')) return 'copy';
  return optionValue(words, '--install-method') === 'copy' ? 'copy' : 'symlink';
}

/** Whether a stack command copies the project's executables into its local bin path: `stack install`, or `stack build --copy-bins`. */
export function stackCopiesBins(words: readonly string[]): boolean {
  const sub = haskellSubcommand(words);
  return words[0] === 'stack' && (sub === 'install' || (sub === 'build' && words.includes('--copy-bins')));
}

/** The targets a cabal or stack build or install names (its words after the subcommand that are no option), options with values skipped. */
export function haskellTargets(words: readonly string[]): string[] {
  const sub = haskellSubcommand(words);
  const rest = words.slice(words.indexOf(sub ?? '') + 1);
  const out: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (w === '--') break;
    if (w.startsWith('-')) {
      if (!w.includes('=') && TARGET_VALUED.includes(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Options of cabal and stack build and install commands that take the next word as their value. */
const TARGET_VALUED = [
  ...STACK_GLOBAL_VALUED,
  '--installdir',
  '--install-method',
  '--overwrite-policy',
  '--bindir',
  '--prefix',
  '--datadir',
  '--flag',
  '--flags',
  '-f',
  '--constraint',
  '--with-compiler',
  '-w',
  '--project-file',
  '--builddir',
  '--ghc-option',
  '--ghc-options',
  '--only',
  '--dependencies-only',
  '--package',
  '--exec',
  '--ta',
  '--test-arguments',
  '--ba',
  '--benchmark-arguments',
  '--index-state',
  '--allow-newer',
  '--allow-older',
  '--enable-optimization',
  '-O',
  '--target',
];

/** Where a cabal or stack install puts executables: the directory, from its options and the user's home. */
function haskellBinDirectory(words: readonly string[], { cwd, env, home }: Pick<OutputContext, 'cwd' | 'env' | 'home'>): string | null {
  const sub = haskellSubcommand(words);
  const homeDir = env.get('HOME') ?? home();
  if (words[0] === 'stack' && stackCopiesBins(words)) return joinPath(cwd, optionValue(words, '--local-bin-path') ?? `${homeDir}/.local/bin`);
  if (words[0] !== 'cabal') return null;
  if ((CABAL_INSTALLS.v1 as readonly string[]).includes(sub ?? '')) {
    const prefix = optionValue(words, '--prefix');
    return joinPath(cwd, optionValue(words, '--bindir') ?? (prefix ? `${prefix}/bin` : `${homeDir}/.cabal/bin`));
  }
  if ((CABAL_INSTALLS.v2 as readonly string[]).includes(sub ?? '')) return joinPath(cwd, optionValue(words, '--installdir') ?? `${homeDir}/.cabal/bin`);
  return null;
}

/** cabal's and stack's updates of the package index and fetches of the dependencies' sources into their own cache. */
const INDEX_UPDATES: readonly string[] = ['update', 'v1-update', 'v2-update', 'new-update', 'fetch'];

/** stack's subcommands by kind, read past its global options (`stack --resolver lts-22 install`), which `subcommands` cannot skip. */
const STACK_KINDS: Readonly<Record<string, RuleKind>> = {
  ...Object.fromEntries(['build', 'install', 'setup', 'init', 'new', 'haddock'].map((s) => [s, 'build' as const])),
  update: 'build',
  unpack: 'fetch',
  ...Object.fromEntries(['test', 'bench'].map((s) => [s, 'test' as const])),
  ...Object.fromEntries(['exec', 'run', 'runghc', 'runhaskell', 'ghci', 'repl', 'script', 'eval'].map((s) => [s, 'toolchain-run' as const])),
};

/** A cabal command (the words start with cabal). */
export const isCabal = (words: readonly string[]): boolean => words[0] === 'cabal';

export default {
  id: 'haskell',
  names: ['cabal', 'stack', 'ghc', 'runghc', 'runhaskell'],
  subcommands: {
    cabal: [
      { kind: 'build', sub: ['build', 'install', 'configure', 'v1-build', 'v1-install', 'v1-configure', 'v2-build', 'v2-install', 'v2-configure', 'new-build', 'new-install', 'new-configure', 'haddock', 'v2-haddock', 'new-haddock', 'freeze', 'v2-freeze', 'new-freeze', 'sdist'] },
      // the package index and the packages' sources, which only a later build reads, as `go mod download`
      { kind: 'build', sub: INDEX_UPDATES },
      { kind: 'fetch', sub: ['get'] },
      { kind: 'test', sub: ['test', 'v1-test', 'v2-test', 'new-test', 'bench', 'v2-bench', 'new-bench'] },
      { kind: 'toolchain-run', sub: ['run', 'v2-run', 'new-run', 'exec', 'v2-exec', 'new-exec', 'repl', 'v2-repl', 'new-repl'] },
    ],
    ghc: [{ kind: 'build' }],
    runghc: [{ kind: 'toolchain-run' }],
    runhaskell: [{ kind: 'toolchain-run' }],
  },
  kindOf(words) {
    const sub = words[0] === 'stack' ? haskellSubcommand(words) : null;
    return sub && Object.hasOwn(STACK_KINDS, sub) ? STACK_KINDS[sub]! : null;
  },
  outputs({ words }, at) {
    // the index and the sources they fetch stay in cabal's and stack's own directories, read by the build only
    if (INDEX_UPDATES.includes(haskellSubcommand(words) ?? '')) return { paths: [], unnamed: false };
    const dir = haskellBinDirectory(words, at);
    if (dir) return { paths: [dir], unnamed: false };
    // `ghc -o app Main.hs` writes app; without -o the executable is named after the main module's file
    if (words[0] === 'ghc' && optionValue(words, '-o')) return { paths: [joinPath(at.cwd, optionValue(words, '-o')!)], unnamed: false };
    return null;
  },
  toolbox: ['cabal', 'stack', 'ghc', 'ghci', 'runghc', 'runhaskell'],
  // what cabal and stack read (https://docs.haskellstack.org/en/stable/environment_variables/,
  // https://cabal.readthedocs.io/en/stable/config.html#environment-variables)
  buildEnv: [{ variables: ['STACK_ROOT', 'STACK_YAML', 'STACK_WORK', 'STACK_RESOLVER', 'CABAL_DIR', 'CABAL_CONFIG'], readers: ['cabal', 'stack', 'ghc'] }],
  toolchainAtRuntime: [/^(stack|cabal)\s+(exec|run|v2-run|new-run|runghc|runhaskell|ghci|repl)\b/, /^(runghc|runhaskell|ghci)\b/],
} satisfies CommandFamily;
