// The users family (src/commands/users.ts): useradd, adduser, groupadd, addgroup and usermod, asked through
// the analyzer, the state model and the java preset.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { accountCommands, createdAccount, familyOf } from '../../src/commands/index.js';
import users from '../../src/commands/users.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;

// a generic split on a slim runtime: the runtime stage repeats the RUN that creates the account, and the
// state model must know that it did before `USER` or `--chown` may name it
const file = (run: string, user: string) => `FROM python:3.11-bookworm\nRUN ${run}\nCOPY . /app\nWORKDIR /app\nRUN pip install --no-cache-dir flask\nRUN chown -R ${user} /app\nUSER ${user}\nCMD ["python", "app.py"]\n`;

describe('users family', () => {
  it('answers for the account commands', () => {
    for (const name of ['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod']) expect(familyOf(name), name).toBe(users);
  });

  it('makes them setup, repeated in the runtime stage (subcommands)', () => {
    for (const c of ['useradd -m app', 'adduser --disabled-password app', 'groupadd app', 'addgroup -S app', 'usermod -aG app app']) expect(kind(c), c).toBe('setup');
  });

  it('reads the user an account command creates past the options that take a value (accounts)', () => {
    // the name is the last word but the options' values, wherever the options stand
    for (const run of ['useradd -u 1000 -g users -s /bin/sh -d /home/app app', 'useradd -m app --home-dir /home/app', 'adduser --disabled-password app --ingroup users']) {
      const r = convert(file(run, 'app'));
      expect(
        r.reasons.map((x) => x.id),
        run,
      ).toEqual([]);
      expect(r.status, run).toBe('changed');
    }
    expect(createdAccount(['useradd', '-m', 'app', '--home-dir', '/home/app'])).toEqual({ creates: 'user', name: 'app', home: '/home/app' });
    expect(createdAccount(['useradd', 'app', '-d', '/srv/app'])).toEqual({ creates: 'user', name: 'app', home: '/srv/app' });
    expect(createdAccount(['useradd', 'app', '--home', '/srv/app'])).toEqual({ creates: 'user', name: 'app', home: '/srv/app' });
    expect(createdAccount(['adduser', '--disabled-password', 'app', '--ingroup', 'users'])).toEqual({ creates: 'user', name: 'app', home: null });
    expect(createdAccount(['adduser', 'app', '--gecos', 'App'])).toEqual({ creates: 'user', name: 'app', home: null });
    expect(createdAccount(['useradd', 'app', '-s', '/bin/sh', '-u', '1000', '-G', 'x', '--shell', '/bin/sh', '--uid', '1', '--groups', 'y', '-g', 'z', '--gid', '2', '-c', 'c', '--comment', 'c', '-k', 'k', '-K', 'K=1', '-e', 'e', '-f', 'f', '-p', 'p'])).toEqual({ creates: 'user', name: 'app', home: null });
    expect(createdAccount(['usermod', '-aG', 'docker', 'app'])).toBeUndefined();
  });

  it('reads the group a group command creates (accounts)', () => {
    expect(createdAccount(['groupadd', 'app', '-g', '1000'])).toEqual({ creates: 'group', name: 'app', home: null });
    expect(createdAccount(['addgroup', 'app', '--gid', '1000', '-K', 'X=1', '-p', 'pw'])).toEqual({ creates: 'group', name: 'app', home: null });
    expect(accountCommands).toEqual(['useradd', 'adduser', 'groupadd', 'addgroup']);
  });
});
