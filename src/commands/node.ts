// npm, yarn, pnpm and npx. https://docs.npmjs.com/cli/commands  https://yarnpkg.com/cli  https://pnpm.io/cli/install
import type { CommandFamily, RuleKind, SubcommandRule } from './types.js';

/** Scripts that start a development server or watcher: the container then needs the whole toolchain. */
const DEV_SCRIPTS = ['dev', 'watch', 'start:dev'];
const DEV = DEV_SCRIPTS.map((s) => s.replace(/[.:]/g, '\\$&')).join('|');

// development servers and watchers started directly or through npx / yarn / pnpm exec
const DEV_SERVER = /^(?:npx (?:-\S+ )*|(?:pnpm|npm) exec |yarn |pnpm )?(?:\.?\/?node_modules\/\.bin\/)?(?:nodemon|ts-node(?:-dev)?|tsnd|webpack-dev-server|webpack serve|ng serve|vite(?: (?:dev|serve))?(?= -|$)|next dev|nuxt dev|react-scripts start|gatsby develop|vue-cli-service serve)\b/;

/** The JavaScript build tools run by their own name (a build whatever their arguments). https://www.typescriptlang.org/docs/handbook/compiler-options.html */
const BUILD_TOOLS = ['tsc', 'webpack', 'vite'];

function isGlobal(words: readonly string[]): boolean {
  return words.includes('-g') || words.includes('--global') || words[1] === 'global';
}

/**
 * What the node preset knows of each package manager: its lockfiles (the first one found names the manager
 * the project uses), whether a bare subcommand runs a package.json script (`yarn build`), and how it removes
 * the devDependencies in place after the build (`prune`, by the node version's npm: `--omit=dev` from npm 7,
 * node 15), or why it cannot (`noPrune`; `workspace`: a file that makes the prune not run across it).
 * https://docs.npmjs.com/cli/commands/npm-prune  https://pnpm.io/cli/prune
 */
export interface NodeManager {
  lockfiles: readonly string[];
  /** Its lockfile marks the packages with install scripts (package-lock.json v2+: `hasInstallScript`). */
  marksInstallScripts?: boolean;
  scriptsAsSubcommands: boolean;
  prune: { command: string; older?: { belowNode: number; command: string } } | null;
  noPrune?: string;
  workspace?: { file: string; why: string };
  /** Its subcommands that install only from its own lockfile and fail without it (`npm ci`). */
  needsOwnLockfile?: readonly string[];
}

/** The package managers, npm first (the one a project without a lockfile or a manager's RUN is taken to use). */
export const NODE_MANAGERS = {
  npm: { lockfiles: ['package-lock.json', 'npm-shrinkwrap.json'], needsOwnLockfile: ['ci'], marksInstallScripts: true, scriptsAsSubcommands: false, prune: { command: 'npm prune --omit=dev', older: { belowNode: 15, command: 'npm prune --production' } } },
  yarn: { lockfiles: ['yarn.lock'], scriptsAsSubcommands: true, prune: null, noPrune: 'yarn cannot prune in place, and a second `yarn install --production` may fetch and rebuild native addons' },
  pnpm: { lockfiles: ['pnpm-lock.yaml'], scriptsAsSubcommands: true, prune: { command: 'pnpm prune --prod' }, workspace: { file: 'pnpm-workspace.yaml', why: '`pnpm prune` does not run across a pnpm workspace' } },
} as const satisfies Record<string, NodeManager>;
export type NodeManagerName = keyof typeof NODE_MANAGERS;
const MANAGERS: readonly string[] = Object.keys(NODE_MANAGERS);

/**
 * The commands of yarn 1 and pnpm themselves: any other first word runs the package.json script of that name
 * (`yarn mklegal`). https://classic.yarnpkg.com/en/docs/cli/  https://pnpm.io/pnpm-cli
 */
const OWN_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  yarn: [
    'add',
    'audit',
    'autoclean',
    'bin',
    'cache',
    'check',
    'config',
    'create',
    'dedupe',
    'generate-lock-entry',
    'global',
    'help',
    'import',
    'info',
    'init',
    'install',
    'licenses',
    'link',
    'list',
    'login',
    'logout',
    'node',
    'outdated',
    'owner',
    'pack',
    'policies',
    'publish',
    'remove',
    'run',
    'self-update',
    'tag',
    'team',
    'test',
    'unlink',
    'unplug',
    'upgrade',
    'upgrade-interactive',
    'version',
    'versions',
    'why',
    'workspace',
    'workspaces',
    'dlx',
    'exec',
    'set',
    'up',
    'npm',
    'plugin',
    'rebuild',
    'constraints',
    'explain',
    'patch',
    'patch-commit',
    'stage',
    'build',
  ],
  pnpm: [
    'add',
    'install',
    'i',
    'update',
    'up',
    'remove',
    'rm',
    'link',
    'unlink',
    'import',
    'rebuild',
    'rb',
    'prune',
    'fetch',
    'install-test',
    'it',
    'patch',
    'patch-commit',
    'audit',
    'list',
    'ls',
    'outdated',
    'why',
    'licenses',
    'run',
    'test',
    't',
    'exec',
    'dlx',
    'create',
    'start',
    'publish',
    'pack',
    'server',
    'store',
    'root',
    'bin',
    'setup',
    'init',
    'config',
    'env',
    'deploy',
    'doctor',
    'help',
    'cache',
    'self-update',
    'dedupe',
    'approve-builds',
    'ignored-builds',
    'cat-file',
    'cat-index',
    'find-hash',
  ],
};

/** Subcommands that install the project's dependencies or run its scripts (not `config`, `cache`, `login`). */
export const NODE_PROJECT_STEPS: readonly string[] = ['install', 'ci', 'i', 'add', 'run', 'run-script', 'build', 'test', 'rebuild', 'exec'];
/** Subcommands that install the project's dependencies. */
export const NODE_INSTALL_STEPS: readonly string[] = ['install', 'ci', 'i', 'add'];
/** Subcommands that configure the manager or run something other than the project (`yarn config`, `pnpm dlx`): no script of it. */
export const NODE_MANAGER_STEPS: readonly string[] = ['config', 'cache', 'login', 'set', 'global', 'policies', 'dlx', 'env'];
/** Subcommands that run a package.json script named by the next word (`npm run build`). */
export const NODE_RUN_SCRIPT: readonly string[] = ['run', 'run-script'];
/** package.json scripts whose names say they build or test the project (`npm run build`, `yarn test`): a container whose command runs one is a build environment. */
const BUILD_SCRIPTS = /^(build|test|lint|compile|dist|bundle|watch)([:.-]|$)/;

/** The build or test script a package manager's command runs (`npm run build`, `yarn build`, `npm test`), or null. */
export function runsBuildScript(words: readonly string[]): string | null {
  const [manager, sub, next] = words;
  if (!manager || !Object.hasOwn(NODE_MANAGERS, manager) || !sub) return null;
  const script = NODE_RUN_SCRIPT.includes(sub) ? next : sub === 'test' || (NODE_MANAGERS[manager as NodeManagerName].scriptsAsSubcommands && !sub.startsWith('-')) ? sub : undefined;
  return script && BUILD_SCRIPTS.test(script) ? script : null;
}

/** The runner of a package's program (`npx tsc`): the program is the next word. */
export const NODE_RUNNERS: readonly string[] = ['npx'];
/** Programs a RUN that installs or builds the project may run besides the managers: the runner, node itself and corepack (which enables yarn and pnpm). */
export const NODE_PROJECT_PROGRAMS: readonly string[] = [...MANAGERS, ...NODE_RUNNERS, 'node', 'corepack'];

/**
 * The packages an install names (`npm install -g phantomjs-prebuilt@2`, `yarn global add canvas`, `pnpm add x`),
 * by name without their version; none for an install of the project's own dependencies.
 */
export function installedNodePackages(words: readonly string[]): string[] {
  if (!MANAGERS.includes(words[0] ?? '')) return [];
  const positional = positionals(words);
  const at = positional[0] === 'global' ? 1 : 0;
  if (!NODE_INSTALL_STEPS.includes(positional[at] ?? '')) return [];
  return positional.slice(at + 1).flatMap((spec) => /^(@[^/@]+\/)?[^/@:]+/.exec(spec)?.[0] ?? []);
}

/** The package managers' subcommand rules (the family's `subcommands`, read again by `kindOf` past option values). */
const MANAGER_RULES: Readonly<Record<string, readonly SubcommandRule[]>> = {
  // what installs, updates or removes the project's own dependencies works on its node_modules: a build step
  npm: [
    { kind: 'build', sub: ['ci', 'install', 'i', 'add', 'build', 'run-script', 'prune', 'update', 'up', 'upgrade', 'rebuild', 'dedupe', 'uninstall', 'remove', 'rm'] },
    { kind: 'test', sub: ['test', 't'] },
    { kind: 'toolchain-run', sub: DEV_SCRIPTS },
  ],
  // a bare `yarn` installs
  yarn: [
    { kind: 'build', sub: ['install', 'build', '', 'add', 'upgrade', 'remove', 'upgrade-interactive'] },
    { kind: 'test', sub: ['test'] },
    { kind: 'toolchain-run', sub: DEV_SCRIPTS },
  ],
  pnpm: [
    { kind: 'build', sub: ['install', 'i', 'add', 'build', 'update', 'up', 'remove', 'rm', 'rebuild'] },
    { kind: 'test', sub: ['test'] },
    { kind: 'toolchain-run', sub: DEV_SCRIPTS },
  ],
};

/** Options of npm, yarn and pnpm whose value is the next word (`--loglevel notice`, `--cwd dir`). https://docs.npmjs.com/cli/using-npm/config */
const VALUE_OPTIONS: readonly string[] = ['--loglevel', '--registry', '--prefix', '--cache', '--userconfig', '--globalconfig', '-C', '--workspace', '-w', '--omit', '--include', '--tag', '--only', '--cwd', '--modules-folder', '--mutex', '--network-timeout', '--filter', '--dir'];

/**
 * The words of a package manager's command line that are neither options nor their values: `npm --color false -q
 * install` -> install (npm's option parser, nopt, reads `true` or `false` after a flag as its value).
 */
function positionals(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-')) out.push(w);
    else if (!w.includes('=') && (VALUE_OPTIONS.includes(w) || words[i + 1] === 'true' || words[i + 1] === 'false')) i++;
  }
  return out;
}

/** Options of `npm install -g` that change neither where its packages go nor which: flags without a value (and `--loglevel=`). */
const NPM_GLOBAL_FLAGS: readonly string[] = ['-g', '--global', '--unsafe-perm', '--unsafe-perm=true', '-q', '--quiet', '--silent', '--no-optional', '--no-audit', '--no-fund', '--no-progress', '--no-update-notifier', '--production', '--force'];

/**
 * The registry packages npm's global install (`npm install -g a b@1 @s/c`) puts in npm's global prefix, by name (each
 * its directory under lib/node_modules, its programs linked into bin from there); null for any other command, or one
 * whose packages or prefix cannot be told from its words: an option other than NPM_GLOBAL_FLAGS (`--prefix`), a
 * tarball, a git URL or a path (named by its own package.json). https://docs.npmjs.com/cli/configuring-npm/folders
 */
export function npmGlobalPackages(words: readonly string[]): string[] | null {
  if (words[0] !== 'npm' || !isGlobal(words)) return null;
  let sub: string | null = null;
  const names: string[] = [];
  for (const w of words.slice(1)) {
    if (w.startsWith('-')) {
      if (!NPM_GLOBAL_FLAGS.includes(w) && !w.startsWith('--loglevel=')) return null;
    } else if (sub === null) sub = w;
    else {
      const spec = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:@[\w.^~<>=*-]+)?$/i.exec(w);
      if (!spec) return null;
      names.push(spec[1]!);
    }
  }
  return sub !== null && NODE_INSTALL_STEPS.includes(sub) && sub !== 'ci' && names.length ? names : null;
}

/** `npm cache clean` / `npm cache verify`: npm's download cache, which a runtime stage that copies the packages does not need. */
export function npmCacheCommand(words: readonly string[]): boolean {
  return words[0] === 'npm' && words[1] === 'cache';
}

/** `npm config set key value`: a setting written to the user's .npmrc, which the original image holds (a prefix set so is the caller's to look for). */
export function npmConfigSet(words: readonly string[]): boolean {
  return words[0] === 'npm' && words[1] === 'config' && words[2] === 'set';
}

export default {
  id: 'node',
  // the package managers, npx, the JavaScript build tools (TypeScript's compiler, webpack, Vite) and nvm
  names: [...MANAGERS, 'npx', ...BUILD_TOOLS, 'nvm'],
  subcommands: {
    ...MANAGER_RULES,
    npx: [{ kind: 'build' }],
    ...Object.fromEntries(BUILD_TOOLS.map((n) => [n, [{ kind: 'build' as const }]])),
  },
  // nvm installs a node into the system (its directory, the PATH): repeated in the runtime stage
  kinds: { nvm: 'setup' },
  interpreters: ['node'],
  installedPackages: ({ words }) => installedNodePackages(words),
  // bower, the front-end package manager of node images: its install resolves packages with git
  calls: { bower: ['git'] },
  runtimePrograms: {
    // lerna bootstrap and lerna publish run git
    lerna: ['git'],
    'simple-git': ['git'],
    'fluent-ffmpeg': ['ffmpeg'],
    gm: ['gm'],
    imagemagick: ['convert', 'identify'],
    // easyimage runs ImageMagick's identify and convert (lightning's thumbnails; review-2026-12-06i)
    easyimage: ['convert', 'identify'],
    'node-tesseract-ocr': ['tesseract'],
    wkhtmltopdf: ['wkhtmltopdf'],
  },
  kindOf(words): RuleKind | null {
    const name = words[0] ?? '';
    if (!MANAGERS.includes(name)) return null;
    // a global install goes to the system's node_modules: repeated in the runtime stage
    if (isGlobal(words)) return 'setup';
    // `npm run <script>`, `yarn run <script>`, and yarn's or pnpm's bare `<script>` (`yarn mklegal`): a package.json
    // script run in the project works on it (its outputs land there), with the project's dependencies and the
    // manager's cache: a build step, never one the runtime stage repeats
    const sub = positionals(words)[0];
    const script = sub === 'run' ? (words[words.indexOf('run') + 1] ?? '') : sub !== undefined && name !== 'npm' && !OWN_COMMANDS[name]?.includes(sub) ? sub : null;
    if (script !== null) {
      if (/test/.test(script)) return 'test';
      return DEV_SCRIPTS.includes(script) ? 'toolchain-run' : 'build';
    }
    // an option's value before the subcommand (`npm --color false install`) is not the subcommand
    if (sub !== words.slice(1).find((w) => !w.startsWith('-'))) return MANAGER_RULES[name]?.find((r) => !r.sub || r.sub.includes(sub ?? ''))?.kind ?? null;
    return null;
  },
  // no outputs(): node_modules exists only when package.json lists dependencies, and the lockfile an install
  // writes depends on the npm version, so an install's outputs stay unnamed (the analyzer's default for a
  // build): the project directory itself is what surely exists
  replayed: MANAGERS,
  installsInto: ['/usr/local/lib/node_modules'],
  // https://docs.npmjs.com/cli/configuring-npm/folders#node-modules: a local install puts packages in
  // ./node_modules (the lockfile and a package.json npm 7 writes for a named install are not what runs)
  projectInstall(words) {
    if (!MANAGERS.includes(words[0] ?? '') || isGlobal(words)) return null;
    const sub = words.slice(1).find((w) => !w.startsWith('-'));
    // a bare `yarn` installs; a bare `npm` or `pnpm` prints its help
    if (sub === undefined ? words[0] !== 'yarn' : !NODE_INSTALL_STEPS.includes(sub)) return null;
    return { dir: 'node_modules', named: installedNodePackages(words) };
  },
  languageInstallers: MANAGERS,
  provides: { nodejs: ['node', 'nodejs', 'npm'] },
  // the JavaScript test runners
  toolbox: ['jest', 'mocha', 'karma'],
  // https://docs.npmjs.com/cli/using-npm/config#environment-variables (yarn 1 reads npm's too)
  buildEnv: [
    { variables: ['npm_config_*', 'NPM_CONFIG_*'], readers: ['npm', 'npx', 'yarn', 'pnpm'] },
    { variables: ['YARN_*'], readers: ['yarn'] },
  ],
  toolchainAtRuntime: [new RegExp(`^(${MANAGERS.join('|')}) (run )?(${DEV})\\b`), DEV_SERVER],
} satisfies CommandFamily;
