// The haskell family (src/commands/haskell.ts): cabal's, stack's and ghc's subcommands, where `cabal install` and
// `stack install` put executables, and which cabal installs copy them rather than link them into the store.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, toolchainAtRuntime } from '../../src/commands/index.js';
import haskell, { cabalInstallMethod, haskellSubcommand, haskellTargets, stackCopiesBins } from '../../src/commands/haskell.js';

const run = (script: string, vars: Record<string, string> = {}) => analyzeRun(script, { workdir: '/src', user: null, env: new Map(Object.entries(vars)), removedLater: new Set<string>() }).commands[0]!;

describe('haskell family', () => {
  it('answers for cabal, stack, ghc, runghc and runhaskell', () => {
    for (const name of ['cabal', 'stack', 'ghc', 'runghc', 'runhaskell']) expect(familyOf(name), name).toBe(haskell);
  });

  it('classifies subcommands (subcommands), past stack global options', () => {
    for (const sub of ['cabal build', 'cabal v2-install', 'cabal new-build', 'stack build', 'stack install', 'stack --resolver lts-22.0 install', 'stack setup', 'ghc -O2 Main.hs']) expect(run(sub).kind, sub).toBe('build');
    // index updates write only cabal's and stack's own caches, which the build reads: build steps with no output
    for (const sub of ['cabal update', 'cabal v2-update', 'stack update', 'cabal fetch aeson']) {
      expect(run(sub).kind, sub).toBe('build');
      expect(run(sub).outputs, sub).toEqual([]);
    }
    for (const sub of ['cabal get aeson', 'stack unpack aeson']) expect(run(sub).kind, sub).toBe('fetch');
    for (const sub of ['cabal test', 'stack test', 'stack bench']) expect(run(sub).kind, sub).toBe('test');
    for (const sub of ['cabal run', 'stack exec server', 'stack ghci', 'runghc Main.hs']) expect(run(sub).kind, sub).toBe('toolchain-run');
    expect(haskellSubcommand(['stack', '--stack-yaml', 'ci.yaml', '--no-terminal', 'install'])).toBe('install');
    expect(haskellSubcommand(['ghc', 'Main.hs'])).toBeNull();
  });

  it('puts `stack install` and `stack build --copy-bins` executables in --local-bin-path or ~/.local/bin (outputs)', () => {
    expect(run('stack install').outputs).toEqual(['/root/.local/bin']);
    expect(run('stack install', { HOME: '/home/app' }).outputs).toEqual(['/home/app/.local/bin']);
    expect(run('stack build --copy-bins --local-bin-path dist').outputs).toEqual(['/src/dist']);
    expect(run('stack --local-bin-path=/opt/bin install').outputs).toEqual(['/opt/bin']);
    expect(stackCopiesBins(['stack', 'build'])).toBe(false);
    expect(run('stack build').outputs).toEqual([]);
  });

  it('puts `cabal install` executables in --installdir (v2), --bindir or --prefix/bin (v1), else ~/.cabal/bin (outputs)', () => {
    expect(run('cabal install --installdir=/opt/app/bin --install-method=copy').outputs).toEqual(['/opt/app/bin']);
    expect(run('cabal install --installdir /out').outputs).toEqual(['/out']);
    expect(run('cabal new-install exe:server').outputs).toEqual(['/root/.cabal/bin']);
    expect(run('cabal v1-install --bindir=/usr/local/bin').outputs).toEqual(['/usr/local/bin']);
    expect(run('cabal v1-install --prefix=/opt/x').outputs).toEqual(['/opt/x/bin']);
    expect(run('ghc -o /app/server Main.hs').outputs).toEqual(['/app/server']);
  });

  it('tells copying installs from those that leave links into the store (cabalInstallMethod)', () => {
    expect(cabalInstallMethod(['cabal', 'install'])).toBe('symlink');
    expect(cabalInstallMethod(['cabal', 'install', '--install-method=copy'])).toBe('copy');
    expect(cabalInstallMethod(['cabal', 'v2-install', '--install-method', 'copy'])).toBe('copy');
    expect(cabalInstallMethod(['cabal', 'v1-install'])).toBe('copy');
    // cabal-install before 3.0: the plain install is v1
    expect(cabalInstallMethod(['cabal', 'install'], true)).toBe('copy');
  });

  it('reads the targets past options that take values (haskellTargets)', () => {
    expect(haskellTargets(['stack', '--resolver', 'lts-22.0', 'install', '--local-bin-path', '/out', 'hlint'])).toEqual(['hlint']);
    expect(haskellTargets(['cabal', 'install', 'exe:server', '--installdir=/out', '--install-method', 'copy'])).toEqual(['exe:server']);
    expect(haskellTargets(['stack', 'install'])).toEqual([]);
  });

  it('needs the toolchain for a container that starts stack exec, cabal run or runghc (toolchainAtRuntime)', () => {
    for (const cmd of ['stack exec server', 'cabal run server', 'runghc Main.hs', 'ghci'])
      expect(
        toolchainAtRuntime.some((p) => p.test(cmd)),
        cmd,
      ).toBe(true);
    expect(toolchainAtRuntime.some((p) => p.test('server --port 80'))).toBe(false);
  });
});
