// The build-systems family (src/commands/build-systems.ts): make, cmake, configure, autogen.sh, autoreconf,
// ninja and meson: each a build; where an install goes (DESTDIR, PREFIX=, --prefix, the prefix a configure
// step set, cmake's cache in later RUNs); and the compile steps an install in the same RUN makes intermediate.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { analyzeRun } from '../../src/analyze/run.js';
import { compileSteps, familyOf, isBuildToolPackage, isCompilerPackage, lightPackages, toolboxPrograms } from '../../src/commands/index.js';
import buildSystems from '../../src/commands/build-systems.js';
import { convert } from '../../src/convert.js';
import { parse } from '../../src/parse.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const commands = (script: string) => analyzeRun(script, scope).commands;
const outputs = (script: string) => commands(script).flatMap((c) => c.outputs);

describe('build-systems family', () => {
  const NAMES = ['make', 'cmake', 'ninja', 'meson', './configure', 'configure', 'autoreconf', 'autoconf', 'aclocal', 'automake', 'autoheader', 'libtoolize', './autogen.sh', 'scons'];

  it('answers for the build systems, each a build (subcommands)', () => {
    for (const name of NAMES) {
      expect(familyOf(name), name).toBe(buildSystems);
      expect(commands(`${name} -j4`)[0]!.kind, name).toBe('build');
    }
    // a configure script in another directory is one too
    expect(commands('../configure --prefix=/opt')[0]!.kind).toBe('build');
    expect(commands('/usr/bin/make all')[0]!.kind).toBe('build');
  });

  it('runs the tests of a CMake build with ctest (subcommands)', () => {
    expect(familyOf('ctest')).toBe(buildSystems);
    expect(commands('ctest -VV')[0]!.kind).toBe('test');
  });

  it("keeps autoreconf's steps run one by one in the builder: the runtime stage does not repeat them", () => {
    const file = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y autoconf automake libtool make gcc\nCOPY . /src\nRUN cd /src && aclocal && autoconf && automake --add-missing && ./configure --prefix=/opt/app && make && make install && mkdir -p /data\nCMD ["/opt/app/bin/app"]\n';
    const r = convert(file);
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /opt/app /opt/app\nRUN mkdir -p /data\n');
  });

  it('installs into DESTDIR + PREFIX, --prefix, else /usr/local; a build alone is unnamed (outputs)', () => {
    expect(outputs('make install')).toEqual(['/usr/local']);
    expect(outputs('make install PREFIX=/opt/app')).toEqual(['/opt/app']);
    expect(outputs('make prefix=/opt/app install')).toEqual(['/opt/app']);
    expect(outputs('make DESTDIR=/out install')).toEqual(['/out/usr/local']);
    expect(outputs('cmake --install build --prefix /opt/x')).toEqual(['/opt/x']);
    const build = commands('make -j4')[0]!;
    expect([build.outputs, build.unnamedOutputs]).toEqual([[], true]);
  });

  it('installs where a configure step in the same RUN set the prefix and its directories (configure, installsConfigured)', () => {
    expect(outputs('./configure --prefix=/opt/nginx && make && make install')).toEqual(['/opt/nginx']);
    // directories outside the prefix, files' directories, but not what the program makes when it runs
    expect(outputs('./configure --prefix=/opt/nginx --conf-path=/etc/nginx/nginx.conf --sbin-path=/usr/sbin --pid-path=/run/nginx.pid --http-log-path=/var/log/x.log && make install')).toEqual(['/opt/nginx', '/etc/nginx', '/usr/sbin']);
    expect(outputs('mkdir build && cd build && ../configure --prefix=/opt/x && make install')).toEqual(['/opt/x']);
    expect(outputs('cmake -DCMAKE_INSTALL_PREFIX=/opt/lib .. && make install')).toEqual(['/opt/lib']);
    // make's and cmake's installs go to the configured directories; what ninja installs stays unnamed
    expect(outputs('./configure --sysconfdir=/etc/app && ninja && ninja install')).toEqual([]);
    expect(outputs('cmake -D CMAKE_INSTALL_PREFIX:PATH=/opt/lib .. && cmake --build . && cmake --install .')).toEqual(['/opt/lib']);
  });

  it("remembers cmake's cached prefix in later RUNs, and a configure prefix only in its own", () => {
    const installs = (text: string) => [...analyze(parse(text)).runs.values()].at(-1)!.commands.flatMap((c) => c.outputs);
    expect(installs('FROM debian\nWORKDIR /src/build\nRUN cmake -DCMAKE_INSTALL_PREFIX=/opt/lib ..\nRUN make && make install\n')).toEqual(['/opt/lib']);
    expect(installs('FROM debian\nWORKDIR /src\nRUN ./configure --prefix=/opt/lib\nRUN make && make install\n')).toEqual(['/usr/local']);
  });

  it('copies only the install prefix when the same RUN builds and installs (compileSteps)', () => {
    expect([...compileSteps].sort()).toEqual([...NAMES].sort());
    const r = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /src\nCOPY . .\nRUN ./configure --prefix=/opt/app && make && make install\nCMD ["/opt/app/bin/app"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /opt/app /opt/app');
    expect(r.output).not.toContain('COPY --from=builder /src');
  });

  it('knows make, cmake and ninja as build tools, and make and cmake as build-tool packages (toolbox, buildPackages)', () => {
    expect(toolboxPrograms).toEqual(expect.arrayContaining(['make', 'cmake', 'ninja']));
    expect(toolboxPrograms).not.toContain('meson');
    expect(isBuildToolPackage('make')).toBe(true);
    expect(isBuildToolPackage('cmake')).toBe(true);
    // a build system gives no C compiler
    expect(isCompilerPackage('make')).toBe(false);
    const ids = convert('FROM debian:latest\nRUN apt-get update && apt-get install -y make ruby\nCOPY . /src\nRUN make -C /src install\nRUN gem install json\nCMD ["/usr/local/bin/app"]\n').reasons.map((r) => r.id);
    expect(ids).toContain('replay-needs-build-tools');
  });

  it('leaves make alone behind for no split: it saves next to nothing (lightPackages, issue 23 item 13)', () => {
    expect([...lightPackages]).toEqual(['make']);
    const image = (packages: string) => convert(`FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y ${packages}\nCOPY . /src\nRUN cd /src && make && make install PREFIX=/opt/app\nCMD ["/opt/app/bin/app"]\n`, { verify: true });
    expect(image('make').reasons.map((r) => r.id)).toEqual(['nothing-to-leave-behind']);
    // gcc beside it is worth leaving behind
    expect(image('make gcc').status).toBe('changed');
  });
});
