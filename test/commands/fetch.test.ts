// The fetch family (src/commands/fetch.ts): curl, wget, git and gpg, asked by the analyzer (kinds, outputs),
// the state model (the programs gnupg gives) and the plan (git alone is no reason to split).
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { checkoutOf, familyOf, packageProvides, usedAtRuntime } from '../../src/commands/index.js';
import fetch from '../../src/commands/fetch.js';
import { convert } from '../../src/convert.js';
import { expectToolboxCommands } from '../shared.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const first = (script: string) => analyzeRun(script, scope).commands[0]!;

describe('fetch family', () => {
  it('answers for the downloaders', () => {
    for (const name of ['curl', 'wget', 'git', 'git-lfs', 'gpg']) expect(familyOf(name), name).toBe(fetch);
  });

  it('makes downloads fetch, a key import setup and a signature check unknown (subcommands, kindOf)', () => {
    for (const c of ['curl -fsSL https://x/y', 'wget -q https://x/y', 'git clone https://x/y.git', 'git submodule update']) expect(first(c).kind, c).toBe('fetch');
    expect(first('gpg --batch --import key.asc').kind).toBe('setup');
    expect(first('gpg --batch --verify x.asc x').kind).toBe('unknown');
    expect(first('git-lfs install').kind).toBe('setup');
  });

  it('names what curl writes (outputs)', () => {
    expect(first('curl -fsSL -o /tmp/x.tgz https://x/y.tgz').outputs).toEqual(['/tmp/x.tgz']);
    expect(first('curl --output out.bin https://x/y').outputs).toEqual(['/src/out.bin']);
    expect(first('curl -fsSLO https://x/tool.tgz').outputs).toEqual(['/src/tool.tgz']);
    expect(first('curl -O https://x/tool.tgz').outputs).toEqual(['/src/tool.tgz']);
    expect(first('curl -o - https://x/y').outputs).toEqual([]);
    expect(first('curl -fsSL https://x/y').outputs).toEqual([]);
  });

  it('names what wget writes (outputs)', () => {
    expect(first('wget -O /tmp/a https://x/y').outputs).toEqual(['/tmp/a']);
    expect(first('wget --output-document=b https://x/y').outputs).toEqual(['/src/b']);
    expect(first('wget -P /opt https://x/a.tgz').outputs).toEqual(['/opt/a.tgz']);
    expect(first('wget --directory-prefix dl ftp://x/a.tgz').outputs).toEqual(['/src/dl/a.tgz']);
    expect(first('wget -q https://x/a.tgz').outputs).toEqual(['/src/a.tgz']);
    expect(first('wget -O - https://x/y').outputs).toEqual([]);
  });

  it('reads git clone past the options that take a value (outputs)', () => {
    expect(first('git clone https://x/repo.git').outputs).toEqual(['/src/repo']);
    expect(first('git clone https://x/repo.git /opt/app').outputs).toEqual(['/opt/app']);
    for (const o of ['-b', '--branch', '--depth', '-c', '--config', '-o', '--origin', '--template', '--reference', '--separate-git-dir', '-j', '--jobs', '-u', '--upload-pack', '--filter', '--shallow-since', '--shallow-exclude']) {
      expect(first(`git clone ${o} v https://x/repo.git`).outputs, o).toEqual(['/src/repo']);
    }
    expect(first('git -C /x pull').outputs).toEqual([]);
  });

  it('says which programs gnupg gives (provides)', () => {
    expect(packageProvides('gnupg')).toEqual(['gpg']);
    expect(packageProvides('gnupg2')).toEqual(['gpg', 'gpg2']);
  });

  it('does not split for version-control tools alone (usedAtRuntime)', () => {
    expect([...usedAtRuntime]).toEqual(['git', 'subversion', 'mercurial']);
    const file = (pkg: string) => `FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y ${pkg} && rm -rf /var/lib/apt/lists/*\nRUN git clone https://x/y.git /app && make -C /app\nCMD ["/app/run"]\n`;
    for (const pkg of ['git', 'subversion', 'mercurial'])
      expect(
        convert(file(pkg), { verify: true }).reasons.map((r) => r.id),
        pkg,
      ).toEqual(['nothing-to-leave-behind']);
    // a build-only package that is no version-control tool is worth a split
    expect(convert(file('patch'), { verify: true }).status).toBe('changed');
  });

  it('makes an image whose command is version control a toolbox (toolbox)', () => {
    expect(fetch.toolbox).toEqual(['git', 'svn', 'hg']);
    const file = (cmd: string) => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY . /src\nRUN gcc -o /usr/local/bin/app /src/app.c\nCMD ${cmd}\n`;
    expectToolboxCommands(fetch.toolbox, file, '["app"]');
  });
  it('tells a checkout of sources from other git work (checksOut): a RUN of only these is build state', () => {
    expect(checkoutOf(['git', 'clone', '--depth', '1', 'https://x/y.git', 'y'])).toBe('checkout');
    for (const w of [
      ['git', 'checkout', 'v1'],
      ['git', '-C', 'y', 'submodule', 'update', '--init'],
      ['git', 'reset', '--hard', 'abc'],
    ])
      expect(checkoutOf(w), w.join(' ')).toBe('on-checkout');
    for (const w of [
      ['git', 'config', '--global', 'user.name', 'x'],
      ['git-lfs', 'install'],
      ['curl', '-O', 'https://x/y'],
      ['cd', 'y'],
    ])
      expect(checkoutOf(w), w.join(' ')).toBeNull();
    // the clone stays in the builder and its directory is copied (build level: the checkout's code is never read,
    // unproven-download); a wget is still repeated
    const split = convert('FROM node:20-bookworm\nRUN git clone https://x/app.git /app\nWORKDIR /app\nRUN npm ci\nCMD ["node", "index.js"]\n', { verify: true });
    expect(split.proof?.unproven.map((u) => u.id)).toEqual(['unproven-download']);
    expect(split.output).toContain('COPY --from=builder /app /app');
    expect(split.output.split('FROM node:20-bookworm-slim')[1]).not.toContain('git clone');
  });
});
