// The CLI against bad input and flag mistakes, each case in its own temp dir: exit code, one stderr
// line naming the file (and line), and the file left untouched. Run in-process (test/shared.ts dfsplit);
// only the help yargs prints itself is compared with the built CLI's (node dist/src/cli.js).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../src/files.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const IS_ROOT = process.getuid?.() === 0;

const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
// standard input has no build context: a Go build of named sources, whose runtime stage copies the binary alone
const GO_NAMED = 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
const PLAIN = 'FROM alpine:3.19\nRUN apk add --no-cache curl\nCMD ["sh"]\n';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'dfsplit-cli-'));
}

const run = (cwd: string, args: string[], stdin?: string | Buffer) => dfsplit(cwd, args, stdin === undefined ? {} : { stdin });

/** Bytes and mtime, to prove a file was not touched. */
function snapshot(path: string) {
  const st = statSync(path);
  return { bytes: readFileSync(path).toString('base64'), mtimeMs: st.mtimeMs, mode: st.mode };
}

function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.includes('.dfsplit-') || f.endsWith('.tmp'));
}

/** A file that is not a usable Dockerfile: exit 2, one stderr line `dfsplit: <file>[:<line>]: ...`, file untouched. */
async function expectRefused(content: string | Buffer, where: RegExp, args: string[] = []) {
  const dir = tmp();
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, content);
  const before = snapshot(file);
  for (const extra of [[], ['--write'], ['--check'], ['--json']]) {
    const r = await run(dir, [...args, ...extra, 'Dockerfile']);
    expect(r.code, `${extra.join(' ')}: ${r.stderr}`).toBe(2);
    expect(r.lines, extra.join(' ')).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^dfsplit: Dockerfile/);
    expect(r.lines[0]).toMatch(where);
    if (extra[0] === '--json') expect(JSON.parse(r.stdout).files[0]).toMatchObject({ path: 'Dockerfile', status: 'error' });
    else expect(r.stdout).toBe('');
  }
  expect(snapshot(file)).toEqual(before);
  expect(tempFilesIn(dir)).toEqual([]);
}

describe('bad input: exit 2, one line naming the file, file untouched', () => {
  it('empty file', () => expectRefused('', /^dfsplit: Dockerfile:1: no FROM/));
  it('only comments', () => expectRefused('# just a comment\n\n# another\n', /^dfsplit: Dockerfile:1: no FROM/));
  it('no FROM', () => expectRefused('RUN make\nCMD ["x"]\n', /^dfsplit: Dockerfile:1: RUN before the first FROM/));
  it('binary file (NUL bytes)', () => expectRefused(Buffer.from('FROM alpine\n\0\0\x01\x02RUN make\n', 'latin1'), /^dfsplit: Dockerfile:2: binary/));
  it('UTF-16 with a BOM', () => expectRefused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM alpine\nRUN make\n', 'utf16le')]), /^dfsplit: Dockerfile:1: UTF-16/));
  it('invalid UTF-8', () => expectRefused(Buffer.concat([Buffer.from('FROM alpine\nRUN echo '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]), /^dfsplit: Dockerfile:2: invalid UTF-8/));
  it('a 10 MB file', () => expectRefused(`FROM alpine\n${'# padding padding padding padding\n'.repeat(320_000)}`, /^dfsplit: Dockerfile: .*bytes/));
  it('unknown instruction', () => expectRefused('FROM alpine\nFOO bar\n', /^dfsplit: Dockerfile:2: unknown instruction: FOO/));
  it('a directory with no Dockerfile given to explain (explain walks directories like the main command)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'Dockerfile'));
    const r = await run(dir, ['explain', 'Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['dfsplit: Dockerfile: no Dockerfiles found']);
    expect(r.stdout).toBe('');
  });
  it('explain takes several files, directories and globs: one table each', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'svc'));
    writeFileSync(join(dir, 'Dockerfile'), GO);
    writeFileSync(join(dir, 'svc', 'api.Dockerfile'), GO);
    writeFileSync(join(dir, 'svc', 'plain.Dockerfile'), PLAIN);
    const r = await run(dir, ['explain', 'Dockerfile', 'svc', '**/plain.Dockerfile']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^LINE +INSTRUCTION/gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/^svc\/api\.Dockerfile: changed/m);
    const j = JSON.parse((await run(dir, ['explain', '--json', 'svc'])).stdout) as { path: string }[];
    expect(j.map((x) => x.path).sort()).toEqual(['svc/api.Dockerfile', 'svc/plain.Dockerfile']);
  });
  it('--version, -h and the completion script', async () => {
    const dir = tmp();
    expect((await run(dir, ['--version'])).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect((await run(dir, ['-h'])).stdout).toContain('dfsplit explain [paths..]');
    // --help and -h alone print src/help-text.ts without loading yargs: it must be yargs' text exactly
    // (regenerate with `npx tsx test/tools/gen-help.ts` after changing options)
    const yargsHelp = spawnSync(process.execPath, [CLI, '--help'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DFSPLIT_YARGS_HELP: '1' } }).stdout;
    expect(yargsHelp).toContain('--ignore-pattern');
    expect((await run(dir, ['--help'])).stdout).toBe(yargsHelp);
    expect((await run(dir, ['-h'])).stdout).toBe(yargsHelp);
    expect((await run(dir, ['completion'])).stdout).toContain('###-begin-dfsplit-completions-###');
  });
  it('the completion script alone: yargs goes on to the default command after it, which must not convert', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const r = await run(dir, ['completion']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^###-begin-dfsplit-completions-###/);
    expect(r.stdout).not.toContain('+++');
  });
  it('a symbolic link loop', async () => {
    const dir = tmp();
    symlinkSync('b.Dockerfile', join(dir, 'a.Dockerfile'));
    symlinkSync('a.Dockerfile', join(dir, 'b.Dockerfile'));
    for (const args of [['a.Dockerfile'], ['explain', 'a.Dockerfile'], ['--write', 'a.Dockerfile']]) {
      const r = await run(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.lines, args.join(' ')).toEqual(['dfsplit: a.Dockerfile: symbolic link loop']);
    }
  });
  it('an unreadable file (chmod 000)', async (ctx) => {
    if (IS_ROOT) {
      console.log('skipped "unreadable file (chmod 000)": running as root, where chmod 000 does not block reads (the directory case above covers the read-failure path)');
      ctx.skip();
    }
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    chmodSync(file, 0o000);
    const r = await run(dir, ['Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['dfsplit: Dockerfile: permission denied']);
    chmodSync(file, 0o644);
    expect(readFileSync(file, 'utf8')).toBe(GO);
  });
});

describe('odd but valid input', () => {
  it('invalid JSON in CMD is the shell form to Docker: kept verbatim, on a runtime base that has a shell', async () => {
    const dir = tmp();
    const cmd = 'CMD ["/app/server" "--port" "8080"]';
    writeFileSync(join(dir, 'Dockerfile'), GO.replace('CMD ["/app/server"]', cmd));
    const r = await run(dir, ['--stdout', 'Dockerfile']);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['Dockerfile: changed']);
    const stages = r.stdout.split(/^(?=FROM )/m);
    expect(stages).toHaveLength(2);
    expect(stages[1]).toContain(`${cmd}\n`);
    // Docker runs it with /bin/sh -c, so the runtime must not be distroless or scratch
    expect(stages[1]).not.toMatch(/^FROM (scratch|gcr\.io\/distroless)/);
  });
});

describe('writing', () => {
  it('--write keeps the file mode and leaves no temporary file', async () => {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    chmodSync(file, 0o640);
    const r = await run(dir, ['--write', 'Dockerfile']);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['Dockerfile: changed']);
    expect(readFileSync(file, 'utf8')).toMatch(/^FROM golang:1\.22 AS builder\n/);
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('--write refuses a read-only file (also as root, where W_OK passes)', async () => {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    chmodSync(file, 0o444);
    const before = snapshot(file);
    const r = await run(dir, ['--write', 'Dockerfile']);
    expect(readFileSync(file, 'utf8'), 'a 0444 file was rewritten').toBe(GO);
    expect(snapshot(file)).toEqual(before);
    expect(r.code).toBe(2);
    expect(r.lines.filter((l) => l.startsWith('dfsplit: '))).toEqual(['dfsplit: Dockerfile: is read-only; not writing it']);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('writeAtomic refuses a file that changed since it was read, and leaves no temporary file', () => {
    const dir = tmp();
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, GO);
    const read = readFileSync(file, 'utf8');
    writeFileSync(file, `${GO}# edited meanwhile\n`);
    const before = snapshot(file);
    expect(() => writeAtomic(file, 'FROM x\n', read, dir)).toThrow(/changed since dfsplit read it/);
    expect(snapshot(file)).toEqual(before);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('--write through a symbolic link that leaves the tree is refused', async () => {
    const outside = tmp();
    const target = join(outside, 'Dockerfile');
    writeFileSync(target, GO);
    const before = snapshot(target);
    const dir = tmp();
    symlinkSync(target, join(dir, 'Dockerfile'));
    const r = await run(dir, ['--write', 'Dockerfile']);
    expect(r.code).toBe(2);
    const errors = r.lines.filter((l) => l.startsWith('dfsplit: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^dfsplit: Dockerfile: is a symbolic link to .*outside/);
    expect(snapshot(target)).toEqual(before);
    expect(tempFilesIn(dir)).toEqual([]);
    expect(tempFilesIn(outside)).toEqual([]);
  });
});

describe('flags', () => {
  it('--check exits 1 and lists the files that would change, writing nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    writeFileSync(join(dir, 'plain.Dockerfile'), PLAIN);
    const before = snapshot(join(dir, 'Dockerfile'));
    const r = await run(dir, ['--check', '.']);
    expect(r.code).toBe(1);
    expect(r.lines).toContain('Dockerfile: changed');
    // unchanged files are listed with --verbose only; the summary counts them
    expect(r.lines.some((l) => l.startsWith('plain.Dockerfile: unchanged'))).toBe(false);
    expect(r.lines.at(-1)).toMatch(/^dfsplit: 2 files in [\d.]+ s: 1 changed \(proof: 1 static, 0 build; ≈ 810 MB of base image left behind\), 1 unchanged, 0 declined, 0 errors$/);
    expect((await run(dir, ['--check', '--verbose', '.'])).lines.some((l) => l.startsWith('plain.Dockerfile: unchanged'))).toBe(true);
    expect((await run(dir, ['--check', '--quiet', '.'])).lines).toEqual([]);
    expect(r.stdout).toBe('');
    expect(snapshot(join(dir, 'Dockerfile'))).toEqual(before);
    expect((await run(dir, ['--check', 'plain.Dockerfile'])).code).toBe(0);
  });

  it('the summary line sums the base image left behind over the changed files the image table has sizes for, and says nothing when none has', async () => {
    const dotnet = 'FROM mcr.microsoft.com/dotnet/sdk:6.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nWORKDIR /app\nENTRYPOINT ["dotnet", "app.dll"]\n';
    const dir = tmp();
    writeFileSync(join(dir, 'a.Dockerfile'), GO);
    writeFileSync(join(dir, 'b.Dockerfile'), GO);
    // sdk:6.0 -> aspnet:6.0: the table has no size for either, so it adds nothing
    writeFileSync(join(dir, 'c.Dockerfile'), dotnet);
    expect((await run(dir, ['.'])).lines.at(-1)).toMatch(/: 3 changed \(proof: 3 static, 0 build; ≈ 1\.6 GB of base image left behind\), 0 unchanged/);
    const none = tmp();
    writeFileSync(join(none, 'c.Dockerfile'), dotnet);
    writeFileSync(join(none, 'plain.Dockerfile'), PLAIN);
    expect((await run(none, ['.'])).lines.at(-1)).toMatch(/: 1 changed \(proof: 1 static, 0 build\), 1 unchanged/);
  });

  it('--stdout with two inputs is refused', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.Dockerfile'), GO);
    writeFileSync(join(dir, 'b.Dockerfile'), GO);
    const r = await run(dir, ['--stdout', 'a.Dockerfile', 'b.Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^dfsplit: --stdout needs exactly one input/);
    expect(r.stdout).toBe('');
  });

  it('--write with --stdout is refused with a sentence naming both flags', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const before = snapshot(join(dir, 'Dockerfile'));
    const r = await run(dir, ['--write', '--stdout', 'Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/--write/);
    expect(r.lines[0]).toMatch(/--stdout/);
    expect(snapshot(join(dir, 'Dockerfile'))).toEqual(before);
  });

  it('--write - (stdin) is refused and writes nothing, wherever the - is', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const before = snapshot(join(dir, 'Dockerfile'));
    for (const args of [
      ['--write', '-'],
      ['-', '--write'],
    ]) {
      const r = await run(dir, args, GO);
      expect(snapshot(join(dir, 'Dockerfile')), `${args.join(' ')} rewrote the Dockerfile in the working directory`).toEqual(before);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(/--write/);
    }
  });

  it('an unknown flag exits 2', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const r = await run(dir, ['--frobnicate', 'Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toMatch(/frobnicate/);
    expect(r.stdout).toBe('');
  });
});

describe('ignore files', () => {
  function repo(): string {
    const dir = tmp();
    for (const d of ['svc/a', 'svc/b', 'vendor', 'gen', 'node_modules/x']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['Dockerfile', 'svc/a/Dockerfile', 'svc/b/Dockerfile', 'vendor/Dockerfile', 'gen/Dockerfile.generated', 'gen/Dockerfile.keep', 'node_modules/x/Dockerfile']) writeFileSync(join(dir, f), GO);
    writeFileSync(join(dir, '.gitignore'), 'vendor/\n');
    writeFileSync(join(dir, '.dfsplitignore'), 'gen/*\n!gen/Dockerfile.keep\n');
    writeFileSync(join(dir, 'svc', '.gitignore'), 'a/\n');
    writeFileSync(join(dir, 'my.ignore'), 'svc/\n');
    return dir;
  }
  const paths = (stdout: string) => (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path).sort();

  it('honours .gitignore (nested ones too) and .dfsplitignore, with negations', async () => {
    expect(paths((await run(repo(), ['--json', '.'])).stdout)).toEqual(['Dockerfile', 'gen/Dockerfile.keep', 'svc/b/Dockerfile']);
  });
  it('--ignore-pattern adds patterns; --ignore-path replaces the ignore files; --no-ignore walks everything but .git', async () => {
    const dir = repo();
    expect(paths((await run(dir, ['--json', '--ignore-pattern', 'svc/b', '.'])).stdout)).toEqual(['Dockerfile', 'gen/Dockerfile.keep']);
    expect(paths((await run(dir, ['--json', '--ignore-path', 'my.ignore', '.'])).stdout)).toEqual(['Dockerfile', 'gen/Dockerfile.generated', 'gen/Dockerfile.keep', 'vendor/Dockerfile']);
    expect(paths((await run(dir, ['--json', '--no-ignore', '.'])).stdout)).toEqual(['Dockerfile', 'gen/Dockerfile.generated', 'gen/Dockerfile.keep', 'node_modules/x/Dockerfile', 'svc/a/Dockerfile', 'svc/b/Dockerfile', 'vendor/Dockerfile']);
  });
  it('a file named on the command line is converted even when ignored', async () => {
    expect(paths((await run(repo(), ['--json', 'vendor/Dockerfile'])).stdout)).toEqual(['vendor/Dockerfile']);
  });
});

describe('flag combinations that used to do nothing', () => {
  it('--json --write writes the file and reports it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const r = await run(dir, ['--json', '--write', 'Dockerfile']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { status: string }[] }).files[0]!.status).toBe('changed');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toMatch(/ AS builder\n/);
  });

  it('--check --stdout exits 1 for a file that would change, and still prints it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const r = await run(dir, ['--check', '--stdout', 'Dockerfile']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ AS builder\n/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(GO);
  });
});

describe('finding files', () => {
  function tree(): string {
    const dir = tmp();
    for (const d of ['svc', 'node_modules/pkg', '.git/x', 'deep/er']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['Dockerfile', 'svc/Dockerfile.prod', 'svc/api.Dockerfile', 'deep/er/Containerfile', 'node_modules/pkg/Dockerfile', '.git/x/Dockerfile']) writeFileSync(join(dir, f), GO);
    writeFileSync(join(dir, 'README.md'), '# not a Dockerfile\n');
    writeFileSync(join(dir, 'svc/notes.txt'), 'not a Dockerfile either\n');
    return dir;
  }
  const paths = (stdout: string) => (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path).sort();

  it('walks a directory: Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile; skips node_modules and .git', async () => {
    const r = await run(tree(), ['--json', '.']);
    expect(r.code).toBe(0);
    expect(paths(r.stdout)).toEqual(['Dockerfile', 'deep/er/Containerfile', 'svc/Dockerfile.prod', 'svc/api.Dockerfile']);
  });

  it("walks the names people use (Renovate's patterns, -/_ suffixes, Containerfile variants), skips look-alikes by name and by content", async () => {
    const dir = tmp();
    const named = ['Dockerfile-dev', 'Dockerfile_ci', 'web-Dockerfile', 'app.dockerfile', 'Containerfile.arm64', 'dockerfile', 'worker_Containerfile'];
    const notByName = ['Dockerfile.md', 'Dockerfile.j2', 'Dockerfile.png', 'Dockerfile.dockerignore', 'Dockerfile.tmpl', 'Dockerfile.sh'];
    for (const f of [...named, ...notByName]) writeFileSync(join(dir, f), GO);
    writeFileSync(join(dir, 'Dockerfile.notes'), 'These are notes about the Dockerfile.\nFROM is the first word of line two.\n');
    writeFileSync(join(dir, 'Dockerfile.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    const r = await run(dir, ['--json', '.']);
    expect(r.code).toBe(0);
    expect(paths(r.stdout)).toEqual([...named].sort());
    const report = JSON.parse(r.stdout) as { summary: { skipped: number }; skipped: string[] };
    expect(report.summary.skipped).toBe(2);
    expect(report.skipped.sort()).toEqual(['Dockerfile.bin', 'Dockerfile.notes']);
    // the same look-alike named on the command line is an error, not a silent skip
    const named1 = await run(dir, ['Dockerfile.notes']);
    expect(named1.code).toBe(2);
    expect(named1.lines[0]).toMatch(/^dfsplit: Dockerfile\.notes:1: /);
    const text = await run(dir, ['.']);
    expect(text.lines).toContain('dfsplit: skipped 2 files named like a Dockerfile whose text is not one (Dockerfile.bin, Dockerfile.notes)');
  });

  it('expands globs', async () => {
    const r = await run(tree(), ['--json', '**/*.Dockerfile', 'svc/Dockerfile.*']);
    expect(r.code).toBe(0);
    expect(paths(r.stdout)).toEqual(['svc/Dockerfile.prod', 'svc/api.Dockerfile']);
  });

  it('reads standard input for -', async () => {
    const dir = tmp(); // no Dockerfile here: the diff must come from stdin
    const r = await run(dir, ['-'], GO_NAMED);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['<stdin>: changed']);
    expect(r.stdout).toContain('+FROM golang:1.22 AS builder');
    const out = await run(dir, ['--stdout', '-'], GO_NAMED);
    expect(out.stdout).toMatch(/^FROM golang:1\.22 AS builder\n/);
  });
});

describe('reports', () => {
  it('--json is valid JSON with status, instructions and diff per file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    writeFileSync(join(dir, 'plain.Dockerfile'), PLAIN);
    const r = await run(dir, ['--json', '.']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: { path: string; status: string; instructions: { line: number; keyword: string }[]; diff: string }[]; summary: Record<string, number> };
    const go = report.files.find((f) => f.path === 'Dockerfile')!;
    expect(go.status).toBe('changed');
    expect(go.instructions.map((i) => i.keyword)).toEqual(['FROM', 'WORKDIR', 'COPY', 'RUN', 'CMD']);
    expect(go.diff).toMatch(/^diff --git a\/Dockerfile b\/Dockerfile\n/);
    const plain = report.files.find((f) => f.path === 'plain.Dockerfile')!;
    expect(plain.status).toBe('unchanged');
    expect(plain.diff).toBe('');
    expect(report.summary).toMatchObject({ changed: 1, unchanged: 1 });
  });

  it('explain prints a row per instruction', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const r = await run(dir, ['explain', 'Dockerfile']);
    expect(r.code).toBe(0);
    GO.trim()
      .split('\n')
      .forEach((line, i) => {
        expect(r.stdout).toMatch(new RegExp(`^${i + 1}\\s+${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(build|runtime|both)\\s`, 'm'));
      });
  });

  it('--no-color diff has a/ b/ headers and no escape codes, also on a terminal', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const r = await dfsplit(dir, ['--no-color', 'Dockerfile'], { tty: true, env: { NO_COLOR: '' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^diff --git a\/Dockerfile b\/Dockerfile\n--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n/);
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('run() of src/cli-main.ts, as the tests call it', () => {
  it('reads paths from the directory it is given and leaves the process alone: its directory, exit code, signal and stream handlers', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'Dockerfile'), GO);
    const state = () => ({ cwd: process.cwd(), exitCode: process.exitCode, signals: (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => process.listenerCount(s)), stdout: process.stdout.listenerCount('error') });
    const before = state();
    expect(before.cwd).not.toBe(dir);
    const r = await run(dir, ['--write', 'Dockerfile']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines).toEqual(['Dockerfile: changed']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toMatch(/^FROM golang:1\.22 AS builder\n/);
    expect((await run(dir, ['--frobnicate'])).code).toBe(2);
    expect(state()).toEqual(before);
  });
});
