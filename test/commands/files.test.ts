// The files family (src/commands/files.ts): cp, mv, install, ln, mkdir, touch, rm, chmod, chown, chgrp, asked
// by the analyzer (kinds, what a copy writes, what rm takes back) and the state model (paths made, removed, needed).
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, fileReplay, movesFiles, pathOperands, pathUse } from '../../src/commands/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import files from '../../src/commands/files.js';
import { convert } from '../../src/convert.js';
import { safeToReplay } from '../../src/proof.js';

const scope = { workdir: '/src', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const run = (script: string) => analyzeRun(script, scope).commands;
const ops = (line: string) => pathOperands(line.split(' '))!;

describe('files family', () => {
  it('answers for the file commands', () => {
    for (const name of ['cp', 'mv', 'install', 'ln', 'mkdir', 'touch', 'rm', 'chmod', 'chown', 'chgrp']) expect(familyOf(name), name).toBe(files);
  });

  it('makes directories and modes setup, rm cleanup, copies file moves in a RUN that builds (subcommands, movesFiles)', () => {
    for (const c of ['mkdir -p /x', 'chown app /x', 'chmod +x /x', 'ln -s /a /b']) expect(run(c)[0]!.kind, c).toBe('setup');
    expect(run('rm -rf /x')[0]!.kind).toBe('cleanup');
    for (const name of ['cp', 'mv', 'install']) {
      expect(movesFiles(name), name).toBe(true);
      expect(run(`make && ${name} a /b`)[1]!.kind, name).toBe('file-move');
      expect(run(`${name} a /b`)[0]!.kind, name).toBe('setup');
    }
    expect(movesFiles('ln')).toBe(false);
  });

  it('names the destination of a copy (outputs)', () => {
    expect(run('make && cp out/app /usr/local/bin/app')[1]!.outputs).toEqual(['/usr/local/bin/app']);
    expect(run('make && cp -t /opt/bin a b')[1]!.outputs).toEqual(['/opt/bin']);
    expect(run('make && mv --target-directory=/opt a b')[1]!.outputs).toEqual(['/opt/a', '/opt/b']);
    // into a directory every image has: each source under its own name (`mv rai_node /`), not the directory
    expect(run('make && mv build/rai_node /')[1]!.outputs).toEqual(['/rai_node']);
    expect(run('make && cp out/app out/tool /usr/local/bin/')[1]!.outputs).toEqual(['/usr/local/bin/app', '/usr/local/bin/tool']);
    expect(run('make && cp out/* /usr/local/bin/')[1]!.outputs).toEqual(['/usr/local/bin']);
    expect(run('make && install -m 755 app /usr/bin/app')[1]!.outputs).toEqual(['/usr/bin/app']);
    // an option's value is no source (`-m 755`)
    expect(run('make && install -m 755 app /usr/local/bin/')[1]!.outputs).toEqual(['/usr/local/bin/app']);
    expect(run('make && cp -r')[1]!.unnamedOutputs).toBe(true);
  });

  it('drops what a later rm of the same RUN removes (paths)', () => {
    const [, cp] = run('make && cp app /opt/app/bin && rm -rf /opt/app');
    expect(cp!.outputs).toEqual([]);
    expect(cp!.produced).toEqual(['/opt/app/bin']);
  });

  it('takes the sources of mv away (moves): a build output renamed in the same RUN is no output where it was written', () => {
    expect(ops('mv a b /dest').moves).toEqual(['a', 'b']);
    expect(ops('mv a b /dest').removes).toEqual([]);
    expect(ops('cp a /dest').moves).toEqual([]);
    const [gcc, mv] = run('gcc -o out/app main.c && mv out/app out/server');
    expect(gcc!.outputs).toEqual([]);
    expect(gcc!.produced).toEqual(['/src/out/app']);
    expect(mv!.outputs).toEqual(['/src/out/server']);
  });

  it('rm needs the paths it removes unless forced (needsNothingWith): rm -f of a missing path succeeds', () => {
    for (const c of ['rm /tmp/a', 'rm -r /tmp/a']) expect(ops(c).needs, c).toEqual(['/tmp/a']);
    for (const c of ['rm -f /tmp/a', 'rm -rf /tmp/a', 'rm -fr /tmp/a', 'rm --force /tmp/a', 'rm -r -f /tmp/a']) expect(ops(c).needs, c).toEqual([]);
    expect(ops('rm -rf /tmp/a').removes).toEqual(['/tmp/a']);
  });

  it('says when making an existing path fails: mkdir without -p (failsIfExists)', () => {
    for (const c of ['mkdir /a', 'mkdir -m 755 /a', 'mkdir -v /a']) expect(ops(c).failsIfExists, c).toBe(true);
    for (const c of ['mkdir -p /a', 'mkdir --parents /a', 'mkdir -pv /a', 'mkdir -vp /a', 'touch /a', 'cp a /b']) expect(ops(c).failsIfExists, c).toBe(false);
  });

  it('says what each makes, removes and needs, past its value options (paths)', () => {
    expect(ops('mkdir -p -m 755 /a /b').makes).toEqual(['/a', '/b']);
    expect(ops('mkdir --mode 700 /a').makes).toEqual(['/a']);
    expect(ops('touch -d 2020-01-01 /a -r /ref /b -t 202001010000 /c --date x /d --reference y').makes).toEqual(['/a', '/b', '/c', '/d']);
    expect(ops('cp -a src/ /dest').makes).toEqual(['/dest']);
    // with a target directory every operand is a source, each landing there under its own name
    expect(ops('cp -t /dir a b').makes).toEqual(['/dir/a', '/dir/b']);
    expect(ops('cp --target-directory /dir a b').needs).toEqual(['a', 'b']);
    expect(ops('install --target-directory=/usr/bin stenotype/stenotype').makes).toEqual(['/usr/bin/stenotype']);
    expect(ops('mv -t /opt x/ y').moves).toEqual(['x/', 'y']);
    expect(ops('mv a b /dest').needs).toEqual(['a', 'b']);
    for (const o of ['-m', '--mode', '-o', '--owner', '-g', '--group']) expect(ops(`install app /usr/bin/app ${o} v`).makes, o).toEqual(['/usr/bin/app']);
    // a target directory's value is no operand either: every operand goes into it
    for (const o of ['-t', '--target-directory']) expect(ops(`cp a /b ${o} v`).makes, o).toEqual(['v/a', 'v/b']);
    expect(ops('ln -sf /a /b').makes).toEqual(['/b']);
    expect(ops('ln -sf /a /b').needs).toBeNull();
    expect(ops('rm -rf /a /b').removes).toEqual(['/a', '/b']);
    expect(ops('rm -rf /a').makes).toEqual([]);
    expect(ops('chmod -R 755 /a /b').needs).toEqual(['/a', '/b']);
    expect(ops('chown -R app:app /a').needs).toEqual(['/a']);
    expect(ops('chown -R app:app /a').owner).toBe('app:app');
    expect(ops('chgrp app /a').owner).toBe('app');
    expect(ops('chmod 755 /a').owner).toBeNull();
    expect(pathOperands(['make', 'install'])).toBeUndefined();
  });

  it('copies what a building RUN copies and repeats its mkdir and ln in the runtime stage', () => {
    const r = convert('FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y make gcc\nCOPY . /src\nRUN make -C /src && cp /src/out/app /usr/local/bin/app && mkdir -p /data && ln -s /usr/local/bin/app /usr/bin/app\nCMD ["app"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /usr/local/bin/app /usr/local/bin/app\nRUN mkdir -p /data && ln -s /usr/local/bin/app /usr/bin/app\n');
  });

  it('never repeats a copy whose part an rm in the builder removed, and reads only the context as removed, not what the builder made itself', () => {
    // the runtime stage copies /src as the build left it, without .git (context-rest-copied), not the context again
    const r = convert('FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y make gcc\nCOPY . /src\nRUN make -C /src && cp /src/out/app /usr/local/bin/app && rm -rf /src/.git\nCMD ["app"]\n', { verify: true });
    expect(r.status).toBe('changed');
    expect(r.runtimeStage.map((l) => l.text)).toContain('COPY --from=builder /src /src');
    expect(r.runtimeStage.map((l) => l.text)).not.toContain('COPY . /src');
    // /app/build is the mkdir's (the state model's apply makes it), not the build context's
    const made = convert('FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y make gcc\nCOPY . /app\nRUN mkdir -p /app/build && make -C /app && cp /app/out/app /usr/local/bin/app && rm -rf /app/build\nCMD ["app"]\n', { verify: true });
    expect(made.status).toBe('changed');
  });

  it('tells the java preset which commands copy or move a built jar and which make directories (paths: copies, directories)', () => {
    expect(['cp', 'mv', 'ln', 'install', 'mkdir', 'touch'].filter((n) => pathUse(n)?.copies)).toEqual(['cp', 'mv']);
    expect(['cp', 'mv', 'ln', 'install', 'mkdir', 'touch'].filter((n) => pathUse(n)?.directories)).toEqual(['mkdir']);
    // the preset follows the jar through the mv and keeps that RUN in the builder
    const fixture = join(import.meta.dirname, '..', 'fixtures', 'java-jar-moved');
    expect(convert(readFileSync(join(fixture, 'input.Dockerfile'), 'utf8')).output).toBe(readFileSync(join(fixture, 'output.Dockerfile'), 'utf8'));
    const placed = convert('FROM maven:3.9-eclipse-temurin-17\nWORKDIR /src\nCOPY . .\nRUN mvn package && mkdir -p /app && cp target/app.jar /app/app.jar\nCMD ["java", "-jar", "/app/app.jar"]\n', { verify: true });
    expect(placed.output).toContain('COPY --from=builder /app/app.jar /app/app.jar');
  });

  it('tells the proof how the runtime stage may replay each file command (paths: replay)', () => {
    expect(Object.fromEntries(files.names.flatMap((n) => (fileReplay(n) ? [[n, fileReplay(n)]] : [])))).toEqual({ ln: 'links', mkdir: 'creates-dir', rm: 'removes', chmod: 'changes-mode', chown: 'changes-mode', chgrp: 'changes-mode' });
    // the proof asks it: a forced rm of what the stage did not copy and a fresh mkdir are safe; cp, mv, touch never are
    const at = (script: string) => analyzeRun(script, scope).commands[0]!;
    expect(safeToReplay(at('rm -rf /var/lib/apt/lists/x'), new Set())).toBe(true);
    expect(safeToReplay(at('mkdir /data'), new Set())).toBe(true);
    expect(safeToReplay(at('chmod +x /src/run.sh'), new Set(['/src']))).toBe(true);
    for (const script of ['cp a /data/a', 'mv a /data/a', 'touch /data/x']) expect(safeToReplay(at(script), new Set()), script).toBe(false);
  });
});

describe('a leading tilde is $HOME', () => {
  it('expands `~` and `~/path` to the user home, and leaves `~user` and `~>` as written', () => {
    expect(run('mv ~/go/bin/x /bin/ && rm -rf ~/go/ && cd ~').map((c) => c.words)).toEqual([
      ['mv', '/root/go/bin/x', '/bin/'],
      ['rm', '-rf', '/root/go/'],
      ['cd', '/root'],
    ]);
    expect(run("ls ~app/x && gem install bundler -v '~>2.0'").map((c) => c.words)).toEqual([
      ['ls', '~app/x'],
      ['gem', 'install', 'bundler', '-v', '~>2.0'],
    ]);
  });

  it('makes `install` need its sources, and `install -d` nothing', () => {
    expect(ops('install ./a.conf /etc/a.conf').needs).toEqual(['./a.conf']);
    expect(ops('install -d /etc/a /etc/b').needs ?? []).toEqual([]);
  });
});
