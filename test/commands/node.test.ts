// The node family (src/commands/node.ts): npm, yarn, pnpm and npx, asked through the analyzer, the plan
// and the state model that read its answers.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, installedNodePackages, nodeManager, nodeManagers, npmGlobalPackages } from '../../src/commands/index.js';
import { memoryContext } from '../../src/context.js';
import node from '../../src/commands/node.js';
import { convert } from '../../src/convert.js';
import { expectToolboxCommands } from '../shared.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);

describe('node family', () => {
  it("names the packages npm's global install puts in its prefix only when its words tell them and the prefix (src/global-copy.ts)", () => {
    expect(npmGlobalPackages(['npm', 'install', '-g', '--unsafe-perm', 'pm2@5', '@mapbox/node-pre-gyp@^1.0.0'])).toEqual(['pm2', '@mapbox/node-pre-gyp']);
    expect(npmGlobalPackages(['npm', 'i', '--global', '--loglevel=warn', 'yo'])).toEqual(['yo']);
    // not global, another manager, a value option that may move the prefix, a spec whose directory its package.json names
    expect(npmGlobalPackages(['npm', 'install', 'pm2'])).toBeNull();
    expect(npmGlobalPackages(['yarn', 'global', 'add', 'pm2'])).toBeNull();
    expect(npmGlobalPackages(['npm', 'install', '-g', '--prefix', '/opt/npm', 'pm2'])).toBeNull();
    expect(npmGlobalPackages(['npm', 'install', '-g', 'git+https://example.invalid/x.git'])).toBeNull();
    expect(npmGlobalPackages(['npm', 'install', '-g', './tools/cli'])).toBeNull();
    expect(npmGlobalPackages(['npm', 'install', '-g'])).toBeNull();
    expect(npmGlobalPackages(['npm', 'uninstall', '-g', 'pm2'])).toBeNull();
  });

  it('names the packages an install names, without their versions (the native libraries they need: nativeNodeLibraries)', () => {
    expect(installedNodePackages(['npm', 'install', 'phantomjs-prebuilt@2', '-g'])).toEqual(['phantomjs-prebuilt']);
    expect(installedNodePackages(['yarn', 'global', 'add', '@scope/pkg@1.2', 'canvas'])).toEqual(['@scope/pkg', 'canvas']);
    expect(installedNodePackages(['npm', 'i', 'pa11y@git+https://example.invalid/pa11y.git', '--save'])).toEqual(['pa11y']);
    expect(installedNodePackages(['npm', 'install'])).toEqual([]);
    expect(installedNodePackages(['npm', 'run', 'build'])).toEqual([]);
  });
  it('answers for npm, yarn, pnpm and npx, the JavaScript build tools and nvm', () => {
    for (const name of ['npm', 'yarn', 'pnpm', 'npx', 'tsc', 'webpack', 'vite', 'nvm']) expect(familyOf(name), name).toBe(node);
  });

  it('classifies installs, builds and tests by subcommand (subcommands)', () => {
    expect(kind('npm ci')).toBe('build');
    expect(kind('npm install --omit=dev')).toBe('build');
    expect(kind('npm prune --production')).toBe('build');
    expect(kind('yarn')).toBe('build');
    expect(kind('yarn install --frozen-lockfile')).toBe('build');
    expect(kind('pnpm i')).toBe('build');
    expect(kind('npx tsc')).toBe('build');
    expect(kind('./node_modules/.bin/npx tsc')).toBe('build');
    expect(kind('npm t')).toBe('test');
    expect(kind('yarn test')).toBe('test');
    expect(kind('pnpm test')).toBe('test');
    expect(kind('npm config set registry x')).toBe('unknown');
  });

  it('classifies `npm run <script>` by the script (kindOf)', () => {
    expect(kind('npm run build')).toBe('build');
    expect(kind('npm run test:unit')).toBe('test');
    expect(kind('npm run dev')).toBe('toolchain-run');
    expect(kind('npm run start:dev')).toBe('toolchain-run');
    // `start` is how a production image starts its program, not a development server
    expect(kind('npm run start')).toBe('build');
  });

  it('gives one answer for development scripts, whether a RUN or a CMD starts them', () => {
    for (const sub of ['dev', 'watch', 'start:dev']) {
      for (const tool of ['npm', 'yarn', 'pnpm']) {
        expect(kind(`${tool} ${sub}`), `${tool} ${sub}`).toBe('toolchain-run');
        expect(ids(`FROM node:20\nWORKDIR /app\nCOPY . .\nRUN ${tool} install && ${tool} run build\nCMD ["${tool}", "${sub}"]\n`), `CMD ${tool} ${sub}`).toContain('runtime-uses-toolchain');
      }
    }
    expect(ids('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n')).not.toContain('runtime-uses-toolchain');
  });

  it('knows the development servers a CMD starts through npx or a package manager (toolchainAtRuntime)', () => {
    for (const cmd of ['npx nodemon server.js', 'yarn next dev', 'pnpm exec vite', 'node_modules/.bin/ts-node src/main.ts']) {
      expect(ids(`FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ${cmd}\n`), cmd).toContain('runtime-uses-toolchain');
    }
  });

  it('makes a global install setup, repeated in the runtime stage (kindOf, replayed)', () => {
    expect(kind('npm install -g pm2')).toBe('setup');
    expect(kind('yarn global add pm2')).toBe('setup');
    expect(kind('pnpm add --global pm2')).toBe('setup');
    // repeated after compilers were installed: it may need them, so dfsplit declines
    expect(ids('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc nodejs\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nRUN npm install -g pm2\nCMD ["/app"]\n')).toEqual(['replay-needs-build-tools']);
  });

  it('leaves the outputs of an install unnamed: the project directory is kept', () => {
    const c = analyzeRun('npm ci', scope).commands[0]!;
    expect(c.unnamedOutputs).toBe(true);
    expect(c.outputs).toEqual([]);
  });

  const python = (run: string) => `FROM python:3.11\nRUN apt-get update && apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*\nRUN ${run}\nCOPY . /app\nWORKDIR /app\nRUN pip install --no-cache-dir flask\nCMD ["python", "app.py"]\n`;

  it('tells the state model that nodejs gives npm (provides)', () => {
    const r = convert(python('npm install -g pm2'));
    expect(r.status).toBe('changed');
    expect(r.output).toContain('FROM python:3.11-slim\nRUN apt-get update && apt-get install -y nodejs');
    // without nodejs, npm is not known on the slim base
    expect(ids(python('npm install -g pm2').replace(/RUN apt-get.*\n/, ''))).toEqual(['replay-needs-builder-state']);
  });

  it('tells the state model that a global install brings the programs it names (languageInstallers)', () => {
    expect(convert(python('npm install -g pm2 && pm2 --version')).status).toBe('changed');
  });

  it('makes the JavaScript build tools a build whatever their arguments, also by a path (subcommands)', () => {
    for (const run of ['tsc', 'tsc -p tsconfig.build.json', 'webpack --mode production', 'vite build', './node_modules/.bin/tsc', '/usr/local/bin/webpack']) expect(kind(run), run).toBe('build');
  });

  it('makes nvm setup, repeated in the runtime stage (kinds)', () => {
    expect(kind('nvm install 20')).toBe('setup');
    expect(kind('nvm use 20')).toBe('setup');
  });

  it('knows node as an interpreter: a script generates, standard input is an installer (interpreters)', () => {
    expect(kind('node scripts/gen.js')).toBe('generate');
    expect(kind('node -')).toBe('setup');
  });

  it('makes an image whose command is a JavaScript test runner a toolbox (toolbox)', () => {
    expect(node.toolbox).toEqual(['jest', 'mocha', 'karma']);
    const file = (cmd: string) => `FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ${cmd}\n`;
    expectToolboxCommands(node.toolbox, file, '["node", "dist/index.js"]');
  });

  it("tells the node preset each manager's lockfiles and prune (NODE_MANAGERS, nodeManager)", () => {
    expect(nodeManagers.map((m) => m.name)).toEqual(['npm', 'yarn', 'pnpm']);
    expect(nodeManagers.flatMap((m) => m.lockfiles)).toEqual(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);
    expect(nodeManager('npx')).toBeUndefined();
    // npm's lockfile marks the packages with install scripts: the preset reads native addons from it
    expect(nodeManagers.filter((m) => m.marksInstallScripts).map((m) => m.name)).toEqual(['npm']);
    const pkg = JSON.stringify({ dependencies: { express: '4' }, devDependencies: { typescript: '5' }, scripts: { build: 'tsc' } });
    const preset = (lockfile: string, tool: string, tag = '20-bookworm', more: Record<string, string> = {}) =>
      convert(`FROM node:${tag}\nRUN corepack enable\nWORKDIR /app\nCOPY . .\nRUN ${tool} install && ${tool} run build\nCMD ["node", "dist/main.js"]\n`, { context: memoryContext({ 'package.json': pkg, [lockfile]: '{}', ...more }) });
    const pruned = (r: ReturnType<typeof convert>) => r.findings.filter((x) => x.id === 'node-pruned' || x.id === 'node-dev-kept').map((x) => `${x.id}: ${x.message}`)[0] ?? '';
    expect(preset('package-lock.json', 'npm').output).toContain('RUN npm prune --omit=dev\n');
    expect(preset('npm-shrinkwrap.json', 'npm', '14-buster').output).toContain('RUN npm prune --production\n');
    expect(preset('pnpm-lock.yaml', 'pnpm').output).toContain('RUN pnpm prune --prod\n');
    expect(pruned(preset('pnpm-lock.yaml', 'pnpm', '20-bookworm', { 'pnpm-workspace.yaml': 'packages: []' }))).toMatch(/^node-dev-kept: .*`pnpm prune` does not run across a pnpm workspace/);
    expect(pruned(preset('yarn.lock', 'yarn'))).toMatch(/^node-dev-kept: .*yarn cannot prune in place/);
    // a lockfile of another manager than the one the RUN uses decides nothing: npm prunes as without a lockfile
    const other = preset('yarn.lock', 'npm');
    expect([other.status, other.findings.map((f) => f.id)]).toEqual(['changed', expect.arrayContaining(['node-lockfile-other', 'node-pruned'])]);
    // an install that needs its own lockfile (npm ci: needsOwnLockfile) fails in the original: declined
    expect(nodeManagers.filter((m) => m.needsOwnLockfile?.includes('ci')).map((m) => m.name)).toEqual(['npm']);
    const ci = convert(`FROM node:20-bookworm\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "main.js"]\n`, { context: memoryContext({ 'package.json': pkg, 'yarn.lock': '' }) });
    expect(ci.reasons.map((r) => r.id)).toContain('node-lockfile-mismatch');
    // two managers beside one lockfile: which one the project uses is not guessed
    expect(preset('package-lock.json', 'yarn install && npm').reasons.map((r) => r.id)).toContain('node-lockfile-mismatch');
  });
});
