// The compilers family (src/commands/compilers.ts): gcc, g++, cc, c++, clang and clang++: what a compile
// writes, which packages give a compiler, and what a package install repeated after them may need.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, givesCxxCompiler, isBuildToolPackage, isCompilerPackage, packageProvides, toolboxPrograms } from '../../src/commands/index.js';
import compilers from '../../src/commands/compilers.js';
import { convert } from '../../src/convert.js';

const run = (script: string) => analyzeRun(script, { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() }).commands[0]!;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);

describe('compilers family', () => {
  it('answers for the C and C++ compilers, each a build (subcommands)', () => {
    for (const name of ['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++']) {
      expect(familyOf(name), name).toBe(compilers);
      expect(run(`${name} -O2 main.c`).kind, name).toBe('build');
    }
    expect(run('/usr/bin/gcc main.c').kind).toBe('build');
  });

  it('names what a compile writes: -o, else a.out; nothing when it stops before linking (outputs)', () => {
    expect(run('gcc -O2 -o /usr/local/bin/hello hello.c').outputs).toEqual(['/usr/local/bin/hello']);
    expect(run('g++ -obin/app main.cpp').outputs).toEqual(['/src/bin/app']);
    expect(run('cc main.c').outputs).toEqual(['/src/a.out']);
    for (const stop of ['-c', '-E', '-S']) {
      const c = run(`clang ${stop} main.c`);
      expect([c.outputs, c.unnamedOutputs], stop).toEqual([[], false]);
    }
  });

  it('copies the program a compile writes into the runtime stage', () => {
    const r = convert('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY hello.c /src/\nRUN gcc -o /usr/local/bin/hello /src/hello.c\nCMD ["hello"]\n');
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /usr/local/bin/hello /usr/local/bin/hello');
  });

  it('knows the packages that give a compiler (buildPackages) and declines an install repeated after them', () => {
    for (const pkg of ['gcc', 'g++', 'gcc-c++', 'clang', 'build-essential', 'build-base', 'libpq-dev', 'openssl-devel']) expect(isCompilerPackage(pkg), pkg).toBe(true);
    for (const pkg of ['make', 'cmake', 'libpq5', 'curl', 'devscripts']) expect(isCompilerPackage(pkg), pkg).toBe(false);
    expect(isBuildToolPackage('build-essential')).toBe(true);
    const later = (pkgs: string) => `FROM debian:latest\nRUN apt-get update && apt-get install -y ${pkgs} ruby\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nRUN gem install nokogiri\nCMD ["/app"]\n`;
    expect(ids(later('build-essential'))).toEqual(['replay-needs-build-tools']);
    expect(ids(later('libxml2-dev gcc'))).toEqual(['replay-needs-build-tools']);
  });

  it('knows the compilers as build tools (toolbox) and that build-essential gives them (provides)', () => {
    expect(ids('FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nCMD ["gcc", "--version"]\n')).toContain('toolbox-image');
    expect(toolboxPrograms).toEqual(expect.arrayContaining(['gcc', 'g++', 'cc', 'c++', 'clang']));
    expect(packageProvides('build-essential')).toEqual(['gcc', 'g++', 'cc', 'c++', 'make']);
    expect(packageProvides('build-base')).toEqual(expect.arrayContaining(['gcc', 'g++', 'make', 'file']));
  });

  it('tells which packages give a C++ compiler, whose output loads libstdc++ (givesCxxCompiler, CXX_COMPILERS)', () => {
    for (const pkg of ['g++', 'build-base', 'alpine-sdk', 'build-essential', 'clang++']) expect(givesCxxCompiler(pkg), pkg).toBe(true);
    for (const pkg of ['gcc', 'make', 'libc-dev', 'linux-headers']) expect(givesCxxCompiler(pkg), pkg).toBe(false);
  });
});
