// A make install into a system prefix staged into a DESTDIR of its own (src/staged-install.ts): which installs
// are staged, and which leave the file as it was (declined: a system directory is never copied whole).
import { describe, expect, it } from 'vitest';
import { convert, convertDetailed } from '../src/convert.js';

const file = (run: string, more = '') => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y build-essential libssl-dev\nWORKDIR /src\nCOPY . .\nRUN ${run}\n${more}CMD ["tool"]\n`;
const reasons = (text: string) => convert(text, { verify: true }).reasons.map((r) => r.id);

describe('staged installs', () => {
  it('stages a make install into /usr right before it, and copies the staging directory onto /', () => {
    const { result, builderEdits } = convertDetailed(file('./configure --prefix=/usr && make && make install'), { verify: true });
    expect(result.status).toBe('changed');
    expect(builderEdits).toEqual([expect.objectContaining({ kind: 'insert', script: 'make install DESTDIR=/staging' })]);
    expect(result.output).toContain('make install DESTDIR=/staging && make install\n');
    expect(result.output).toContain('COPY --from=builder /staging /\n');
    expect(result.proof?.unproven.map((u) => u.id)).toContain('unproven-staged-install');
  });

  it('stages every install into a system prefix, and copies the staging directory once, after the last', () => {
    const text = file('cd lib && ./configure --prefix=/usr && make && make install', 'RUN cd app && ./configure --prefix=/usr --sysconfdir=/etc && make && make install\n');
    const { result, builderEdits } = convertDetailed(text, { verify: true });
    expect(builderEdits.map((e) => e.kind)).toEqual(['insert', 'insert']);
    expect(result.output?.match(/COPY --from=builder \/staging \//g)).toHaveLength(1);
  });

  it.each([
    ['an install after ||', 'make || make install PREFIX=/usr'],
    ['an install in a subshell', '(make && make install PREFIX=/usr)'],
    ['a relative CMake prefix, which installs into the build tree', 'cmake -DCMAKE_INSTALL_PREFIX=./ . && make install'],
    ['a tar into /usr beside the install', 'tar xf /src/extra.tgz -C /usr && make && make install PREFIX=/usr'],
    ['a file that names the staging directory itself', 'make && make install PREFIX=/usr && ls /staging'],
  ])('leaves %s declined', (_, run) => {
    expect(reasons(file(run))).toContain('copies-system-dir');
  });

  it('leaves an install into a prefix of its own as it was (no staging)', () => {
    const text = file('./configure --prefix=/opt/tool && make && make install').replace('CMD ["tool"]', 'CMD ["/opt/tool/bin/tool"]');
    const { builderEdits, result } = convertDetailed(text, { verify: true });
    expect(result.status).toBe('changed');
    expect(builderEdits).toEqual([]);
    expect(result.output).toContain('COPY --from=builder /opt/tool /opt/tool');
  });
});
