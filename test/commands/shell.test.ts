// The shell family (src/commands/shell.ts): builtins that change only the shell (no program to find at
// runtime), and the commands a runtime stage need not repeat (neutral), one list for the plan and the presets.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, isNeutral, isShellOnly, pathOperands, readsPaths } from '../../src/commands/index.js';
import shell from '../../src/commands/shell.js';
import { convert } from '../../src/convert.js';

const BUILD = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y make\nCOPY . /src\n';

describe('shell family', () => {
  it('answers for the builtins and the commands that only look', () => {
    for (const name of ['cd', 'set', 'echo', 'exec', 'umask', 'ls', 'grep', 'sha256sum']) expect(familyOf(name), name).toBe(shell);
  });

  it('tells builtins (shellOnly) from commands that can be left out (neutral)', () => {
    for (const name of ['set', 'cd', 'echo', 'exec', 'source', '.', 'umask']) expect(isShellOnly(name), name).toBe(true);
    for (const name of ['ls', 'cat', 'grep']) expect(isShellOnly(name), name).toBe(false);
    for (const name of ['set', 'cd', 'echo', 'true', 'ls', 'cat', 'sha256sum']) expect(isNeutral(name), name).toBe(true);
    // they run other commands or change what later commands do
    for (const name of ['exec', 'eval', 'source', 'umask']) expect(isNeutral(name), name).toBe(false);
  });

  it('says which paths cd and source need (paths)', () => {
    expect(pathOperands(['cd', '/app'])).toMatchObject({ needs: ['/app'], changesDirectory: true });
    expect(pathOperands(['.', '/etc/profile'])?.needs).toEqual(['/etc/profile']);
    expect(pathOperands(['source', 'env.sh'])?.changesDirectory).toBe(false);
  });

  it('reads no path from what echo and printf print (reads)', () => {
    expect(readsPaths(['echo', 'abc123  app.tar.gz'])).toEqual([]);
    expect(readsPaths(['printf', '%s\\n', '/usr/local/lib'])).toEqual([]);
    expect(readsPaths(['cat', '/etc/os-release'])).toBeNull();
    // the replayed echo writes a file of its own: the path it prints is none it needs (the builder alone has /opt/lib)
    const file = (line: string) => `${BUILD}RUN make -C /src && mkdir -p /opt/lib && cp /src/out/libx.so /opt/lib/\nRUN ${line} > /etc/ld.so.conf.d/x.conf\nCMD ["ls"]\n`;
    expect(convert(file('echo /opt/lib')).reasons.map((x) => x.id)).not.toContain('replay-needs-builder-state');
  });

  it('does not repeat neutral commands in the runtime stage', () => {
    const r = convert(`${BUILD}RUN make -C /src && cp /src/out/app /usr/local/bin/app && mkdir -p /data && echo built && ls /data && umask 002\nCMD ["app"]\n`);
    expect(r.output).toContain('COPY --from=builder /usr/local/bin/app /usr/local/bin/app\nRUN mkdir -p /data && umask 002\n');
  });

  it('looks for no program behind a builtin a CMD starts', () => {
    const file = (cmd: string) => `${BUILD}RUN make -C /src && cp /src/out/app /usr/local/bin/app\nCMD ${cmd} && app\n`;
    expect(convert(file('umask 002')).status).toBe('changed');
    expect(convert(file('zzz')).reasons.map((x) => x.id)).toEqual(['command-missing']);
  });

  it('lets the presets count neutral commands as their own (php, ruby)', () => {
    // the ruby preset claims the RUN of `gem install` beside printf
    const r = convert('FROM ruby:3.2\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN printf "gem: --no-document" > ~/.gemrc && bundle install\nCOPY . .\nCMD ["ruby", "app.rb"]\n');
    expect(r.instructions.find((i) => i.line === 4)?.reason).toBe('run-preset');
    // the php preset claims the RUN of `composer install` beside ls, not beside touch
    const php = (extra: string) => convert(`FROM php:8.2-apache\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nWORKDIR /var/www/html\nCOPY . .\nRUN composer install --no-dev && ${extra}\nCMD ["apache2-foreground"]\n`);
    expect(php('ls vendor').instructions.find((i) => i.line === 5)?.reason).toBe('run-preset');
    expect(php('touch x').instructions.find((i) => i.line === 5)?.reason).toBe('run-build');
  });

  it('knows sh and bash as interpreters: a script generates, a piped installer is setup (interpreters)', () => {
    const kinds = (script: string) => analyzeRun(script, { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() }).commands.map((c) => c.kind);
    expect(kinds('sh scripts/gen.sh')).toEqual(['generate']);
    expect(kinds('bash -s')).toEqual(['setup']);
    expect(kinds('curl -fsSL https://example.org/x | sh')).toEqual(['fetch', 'setup']);
  });
});
