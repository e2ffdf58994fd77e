// npm, yarn, pnpm and npx. https://docs.npmjs.com/cli/commands  https://yarnpkg.com/cli  https://pnpm.io/cli/install
import type { CommandFamily, RuleKind } from './types.js';

/** Scripts that start a development server or watcher: the container then needs the whole toolchain. */
const DEV_SCRIPTS = ['dev', 'watch', 'start:dev'];
const DEV = DEV_SCRIPTS.map((s) => s.replace(/[.:]/g, '\\$&')).join('|');

// development servers and watchers started directly or through npx / yarn / pnpm exec
const DEV_SERVER = /^(?:npx (?:-\S+ )*|(?:pnpm|npm) exec |yarn |pnpm )?(?:\.?\/?node_modules\/\.bin\/)?(?:nodemon|ts-node(?:-dev)?|tsnd|webpack-dev-server|webpack serve|ng serve|vite(?: (?:dev|serve))?(?= -|$)|next dev|nuxt dev|react-scripts start|gatsby develop|vue-cli-service serve)\b/;

const MANAGERS = ['npm', 'yarn', 'pnpm'];
/** The JavaScript build tools run by their own name (a build whatever their arguments). https://www.typescriptlang.org/docs/handbook/compiler-options.html */
const BUILD_TOOLS = ['tsc', 'webpack', 'vite'];

function isGlobal(words: readonly string[]): boolean {
  return words.includes('-g') || words.includes('--global') || words[1] === 'global';
}

export default {
  id: 'node',
  // the package managers, npx, the JavaScript build tools (TypeScript's compiler, webpack, Vite) and nvm
  names: [...MANAGERS, 'npx', ...BUILD_TOOLS, 'nvm'],
  subcommands: {
    npm: [
      { kind: 'build', sub: ['ci', 'install', 'i', 'build', 'run-script', 'prune'] },
      { kind: 'test', sub: ['test', 't'] },
      { kind: 'toolchain-run', sub: DEV_SCRIPTS },
    ],
    // a bare `yarn` installs
    yarn: [
      { kind: 'build', sub: ['install', 'build', ''] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: DEV_SCRIPTS },
    ],
    pnpm: [
      { kind: 'build', sub: ['install', 'i', 'build'] },
      { kind: 'test', sub: ['test'] },
      { kind: 'toolchain-run', sub: DEV_SCRIPTS },
    ],
    npx: [{ kind: 'build' }],
    ...Object.fromEntries(BUILD_TOOLS.map((n) => [n, [{ kind: 'build' as const }]])),
  },
  // nvm installs a node into the system (its directory, the PATH): repeated in the runtime stage
  kinds: { nvm: 'setup' },
  interpreters: ['node'],
  kindOf(words): RuleKind | null {
    const name = words[0] ?? '';
    if (!MANAGERS.includes(name)) return null;
    // a global install goes to the system's node_modules: repeated in the runtime stage
    if (isGlobal(words)) return 'setup';
    // `npm run <script>`: yarn and pnpm run scripts through their own subcommand rules
    if (name === 'npm' && words.slice(1).find((w) => !w.startsWith('-')) === 'run') {
      const script = words[words.indexOf('run') + 1] ?? '';
      if (/test/.test(script)) return 'test';
      return DEV_SCRIPTS.includes(script) ? 'toolchain-run' : 'build';
    }
    return null;
  },
  // no outputs(): node_modules exists only when package.json lists dependencies, and the lockfile an install
  // writes depends on the npm version, so an install's outputs stay unnamed (the analyzer's default for a
  // build): the project directory itself is what surely exists
  replayed: MANAGERS,
  languageInstallers: MANAGERS,
  provides: { nodejs: ['node', 'nodejs', 'npm'] },
  // the JavaScript test runners
  toolbox: ['jest', 'mocha', 'karma'],
  toolchainAtRuntime: [new RegExp(`^(${MANAGERS.join('|')}) (run )?(${DEV})\\b`), DEV_SERVER],
} satisfies CommandFamily;
