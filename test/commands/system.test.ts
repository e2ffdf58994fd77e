// The system family (src/commands/system.ts): update-alternatives, ldconfig, the a2en*/a2dis* helpers,
// locale-gen, update-ca-certificates, update-rc.d, systemctl, setcap change the system: a runtime stage repeats them.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, ignoresDirectory } from '../../src/commands/index.js';
import system from '../../src/commands/system.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;
const NAMES = ['update-alternatives', 'ldconfig', 'a2enmod', 'a2ensite', 'a2dismod', 'a2disconf', 'a2enconf', 'update-rc.d', 'systemctl', 'setcap', 'update-ca-certificates', 'locale-gen'];

describe('system family', () => {
  it('does the same in any directory when no operand is a relative path (anyDirectory)', () => {
    expect(ignoresDirectory(['ldconfig'])).toBe(true);
    expect(ignoresDirectory(['ldconfig', '/usr/local/lib'])).toBe(true);
    // ldconfig's operands are directories: a plain name is one relative to where it runs
    expect(ignoresDirectory(['ldconfig', 'lib'])).toBe(false);
    expect(ignoresDirectory(['a2enmod', 'rewrite'])).toBe(true);
    expect(ignoresDirectory(['update-rc.d', 'minidlna', 'defaults'])).toBe(true);
    expect(ignoresDirectory(['update-alternatives', '--install', '/usr/bin/java', 'java', 'jdk/bin/java', '1'])).toBe(false);
    expect(ignoresDirectory(['addgroup', '-S', 'www'])).toBe(true);
    expect(ignoresDirectory(['make', 'install'])).toBe(false);
  });

  it('answers for the system tools', () => {
    for (const name of NAMES) expect(familyOf(name), name).toBe(system);
  });

  it('makes them setup, also when run by a path (subcommands)', () => {
    for (const name of NAMES) expect(kind(`${name} x`), name).toBe('setup');
    expect(kind('/usr/glibc-compat/sbin/ldconfig /lib')).toBe('setup');
  });

  it('repeats them in the runtime stage (a build proves that: --verify)', () => {
    const text = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y make gcc\nCOPY . /src\nRUN make -C /src && cp /src/out/app /usr/local/bin/app && ldconfig && a2enmod rewrite && locale-gen en_US.UTF-8\nCMD ["app"]\n';
    expect(convert(text).reasons.map((x) => x.id)).toEqual(['needs-verify']);
    const r = convert(text, { verify: true });
    expect(r.output).toContain('COPY --from=builder /usr/local/bin/app /usr/local/bin/app\nRUN ldconfig && a2enmod rewrite && locale-gen en_US.UTF-8\n');
  });
});
