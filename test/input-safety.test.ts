// Input that must not make dfsplit misbehave (issue 21): variable-expansion bombs, a build context
// reader led outside its directory by `..` or a symbolic link, a `--context` that is no directory, a RUN
// that ends inside a quote, and a file with CR-only line ends.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { convert } from '../src/convert.js';
import { directoryContext } from '../src/context.js';
import { dfsplit as run } from './shared.js';

// every path the build context reader opens, stats or lists, recorded while a conversion runs
const touched = vi.hoisted(() => ({ on: false, paths: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const record = <F extends (...args: never[]) => unknown>(f: F): F =>
    ((...args: Parameters<F>) => {
      if (touched.on) touched.paths.push(String(args[0]));
      return f(...args);
    }) as F;
  const spied = { readFileSync: record(fs.readFileSync), statSync: record(fs.statSync), readdirSync: record(fs.readdirSync) };
  return { ...fs, ...spied, default: { ...fs, ...spied } };
});

/** `ENV A=<16 x>`, then each variable eight times the one before, `levels` of them (A, B, C, ...). */
function doubling(levels: number): string[] {
  const names = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return ['ENV A=xxxxxxxxxxxxxxxx', ...Array.from({ length: levels - 1 }, (_, i) => `ENV ${names[i + 1]}=${`$${names[i]}`.repeat(8)}`)];
}

describe('variable expansion is bounded', () => {
  it('a file whose ENV values grow eightfold is an error at the line where they pass the bound, not a crash', () => {
    // 1.3 KB: expanded without a bound, the values reach gigabytes ("Invalid string length")
    const text = ['FROM golang:1.22', ...doubling(26), 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]', ''].join('\n');
    expect(text.length).toBeLessThan(1400);
    const r = convert(text);
    expect(r.status).toBe('error');
    expect(r.reasons).toEqual([{ id: 'expansion-too-large', message: expect.stringContaining('characters in all by this line'), line: 6 }]);
    expect(r.output).toBe(text);
  });

  it('a 300-byte file does not print a megabyte of expanded path', () => {
    // the output named the artifact by its expanded path: COPY --from=builder /app/xxxx... (512 KiB, twice)
    const text = ['FROM golang:1.22', ...doubling(6), 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app/$F .', 'CMD ["/app/server"]', ''].join('\n');
    expect(text.length).toBeLessThan(330);
    const r = convert(text);
    expect(r.status).toBe('error');
    expect(r.reasons.map((x) => [x.id, x.line])).toEqual([['expansion-too-large', 6]]);
    expect(r.output).toBe(text);
    expect(r.diff).toBe('');
  });

  it('assignments inside one RUN are bounded the same way', () => {
    const names = 'ABCDEFGHIJ';
    const assigns = ['A=xxxxxxxxxxxxxxxx', ...[...names.slice(1)].map((n, i) => `${n}=${`$${names[i]}`.repeat(8)}`)];
    const text = `FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN ${assigns.join(' && ')} && go build -o /app/$J .\nCMD ["/app/server"]\n`;
    const r = convert(text);
    expect(r.status).toBe('error');
    expect(r.reasons.map((x) => [x.id, x.line])).toEqual([['expansion-too-large', 4]]);
  });

  it('a value used thousands of times counts every time', () => {
    // 60 KB that would expand to 20 MB of words, one copy of E per `$E`
    const text = `FROM golang:1.22\nENV E=${'y'.repeat(1000)}\nWORKDIR /src\nCOPY . .\nRUN go build -o /app/server . && echo ${Array(20_000).fill('$E').join(' ')}\nCMD ["/app/server"]\n`;
    const r = convert(text);
    expect(r.status).toBe('error');
    expect(r.reasons.map((x) => [x.id, x.line])).toEqual([['expansion-too-large', 5]]);
  });

  it('ordinary expansion still names the artifact', () => {
    const text = 'FROM golang:1.22\nENV APP=/opt/app\nENV PATH=$APP/bin:$PATH BIN=$APP/bin\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN go build -o $BIN/server .\nCMD ["server"]\n';
    const r = convert(text);
    expect(r.status).toBe('changed');
    expect(r.output).toContain('COPY --from=builder /opt/app/bin/server /opt/app/bin/server');
  });

  it('the CLI prints one line naming the file and line, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dfsplit-input-'));
    writeFileSync(join(dir, 'Dockerfile'), ['FROM golang:1.22', ...doubling(12), 'RUN go build -o /app .', 'CMD ["/app"]', ''].join('\n'));
    const r = await run(dir, ['Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([expect.stringMatching(/^dfsplit: Dockerfile:6: its variables expand to more than \d+ characters/)]);
  });
});

describe('the build context reader stays inside the context', () => {
  // ctx/ is the context; outside/ holds a requirements file whose package (psycopg2) would add libpq5
  const setup = () => {
    const top = realpathSync(mkdtempSync(join(tmpdir(), 'dfsplit-input-')));
    const ctx = join(top, 'ctx');
    const outside = join(top, 'outside');
    mkdirSync(ctx);
    mkdirSync(outside);
    writeFileSync(join(outside, 'requirements.txt'), 'psycopg2\n');
    writeFileSync(join(ctx, 'app.py'), 'print(1)\n');
    symlinkSync('../outside/requirements.txt', join(ctx, 'linked.txt'));
    symlinkSync('../outside', join(ctx, 'linkdir'));
    return { ctx, outside };
  };
  const python = (requirements: string) => `FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r ${requirements}\nCMD ["python", "app.py"]\n`;

  it.each([
    ['a path that climbs out with ..', '../outside/requirements.txt'],
    ['a symbolic link to a file outside', 'linked.txt'],
    ['a path through a symbolic link to a directory outside', 'linkdir/requirements.txt'],
  ])('%s is not read', (_, requirements) => {
    const { ctx } = setup();
    touched.paths = [];
    touched.on = true;
    let r;
    try {
      r = convert(python(requirements), { context: directoryContext(ctx) });
    } finally {
      touched.on = false;
    }
    // what the file outside says (psycopg2 needs libpq5) does not reach the result
    expect(r.output).not.toContain('libpq5');
    expect(r.findings.map((f) => f.id)).not.toContain('compiled-package-libs');
    // unread: the conversion is left to a build (`--verify`), which reads the context as Docker does
    expect(r.status).toBe('declined');
    expect(r.reasons.map((x) => x.id)).toEqual(['needs-verify']);
    expect(r.proof?.unproven.map((x) => x.id)).toContain('unproven-requirements-unread');
    // and the reader opened, listed or looked at nothing outside the context
    expect(touched.paths.length).toBeGreaterThan(0);
    expect(touched.paths.filter((p) => relative(ctx, p).startsWith('..'))).toEqual([]);
  });

  it('read and exists answer null and false outside, and still read inside (an absolute path too)', () => {
    const { ctx, outside } = setup();
    const c = directoryContext(ctx);
    for (const p of ['../outside/requirements.txt', 'linked.txt', 'linkdir/requirements.txt', `../${'../'.repeat(20)}etc/hostname`]) expect(c.read(p)).toBeNull();
    for (const p of ['..', '../outside', 'linkdir', 'linked.txt']) expect(c.exists(p)).toBe(false);
    expect(c.read('app.py')).toBe('print(1)\n');
    expect(c.read('/app.py')).toBe('print(1)\n');
    // `..` is read as Docker reads it, on the path's text: linkdir/.. is the context root
    expect(c.read('linkdir/../app.py')).toBe('print(1)\n');
    expect(c.exists('.')).toBe(true);
    expect(c.find(() => true)).toEqual(['app.py']);
    // a link inside the context to a file inside it is read
    symlinkSync('app.py', join(ctx, 'alias.py'));
    expect(c.read('alias.py')).toBe('print(1)\n');
    // and a context given through a symbolic link is still that directory
    symlinkSync(ctx, join(outside, 'ctx-link'));
    expect(directoryContext(join(outside, 'ctx-link')).read('app.py')).toBe('print(1)\n');
  });

  it.each([
    ['does not exist', (dir: string) => join(dir, 'missing'), 'no such directory'],
    ['is a file', (dir: string) => join(dir, 'Dockerfile'), 'not a directory'],
  ])('--context that %s is a one-line error, exit 2', async (_, context, why) => {
    const dir = mkdtempSync(join(tmpdir(), 'dfsplit-input-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n');
    for (const command of [[], ['explain'], ['verify']]) {
      const r = await run(dir, [...command, '--context', context(dir), 'Dockerfile']);
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.lines).toEqual([`dfsplit: --context ${context(dir)}: ${why}`]);
      expect(r.stdout).toBe('');
    }
  });
});

describe('a RUN that ends inside a quote, and CR-only line ends', () => {
  const go = (run: string) => `FROM golang:1.22\nWORKDIR /src\nCOPY . .\n${run}\nCMD ["/app/server"]\n`;

  it.each([
    ['"', 'RUN go build -o /app/server . && echo "built'],
    ["'", "RUN go build -o /app/server . && echo it's built"],
    ['backquote', 'RUN go build -o /app/server -ldflags "-X main.v=1" . && echo `date'],
    ["'", "RUN go build -o /app/server . && bash -c './run_tests.sh’"],
  ])('an unclosed %s quote is an error naming the line, not a conversion', (quote, line) => {
    const r = convert(go(line));
    expect(r.status).toBe('error');
    expect(r.reasons).toEqual([{ id: 'shell-unterminated-quote', message: expect.stringContaining(`inside a ${quote} quote`), line: 4 }]);
    expect(r.output).toBe(go(line));
  });

  it.each([
    ['closed on a continuation line', 'RUN go build -o /app/server . && echo "built \\\n    at last"'],
    ['an exec-form RUN (no shell reads it)', 'RUN ["go", "build", "-o", "/app/server", "-ldflags", "-X main.note=it\'s", "."]'],
    ['a heredoc that feeds another program', 'RUN go build -o /app/server . && python3 - <<EOF\nprint("it\'s")\nEOF'],
    ['a single quote inside ${...} inside double quotes (dash accepts it; mvdan-sh refuses it)', 'RUN go build -o /app . && echo "${A:-it\'s}"'],
    ['a quote in a comment', "RUN go build -o /app/server . # it's built"],
    ['a shell that is not sh', 'SHELL ["pwsh", "-Command"]\nRUN go build -o /app/server . ; echo it`\'s'],
  ])('%s is not an error', (_, line) => {
    expect(convert(go(line)).status).not.toBe('error');
  });

  it('CR-only line ends are an error with its own reason; CRLF and a last lone CR are not', () => {
    const lf = go('RUN go build -o /app/server .');
    const r = convert(lf.replace(/\n/g, '\r'));
    expect(r.status).toBe('error');
    expect(r.reasons).toEqual([{ id: 'cr-line-ends', message: 'line ends are CR only (classic Mac); save with LF or CRLF' }]);
    // (the Go sources copied whole stay beside the binary, a build-level choice: --verify proposes it)
    expect(convert(lf.replace(/\n/g, '\r\n'), { verify: true }).status).toBe('changed');
    expect(convert('FROM alpine:3.19\r').status).toBe('unchanged');
  });

  it('the CLI prints the reasons as one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dfsplit-input-'));
    writeFileSync(join(dir, 'Dockerfile'), go('RUN go build -o /app/server . && echo "built'));
    writeFileSync(join(dir, 'mac.Dockerfile'), go('RUN go build -o /app/server .').replace(/\n/g, '\r'));
    const quote = await run(dir, ['Dockerfile']);
    expect(quote.code).toBe(2);
    expect(quote.lines).toEqual([expect.stringMatching(/^dfsplit: Dockerfile:4: the RUN ends inside a " quote that is never closed/)]);
    const mac = await run(dir, ['mac.Dockerfile']);
    expect(mac.code).toBe(2);
    expect(mac.lines).toEqual(['dfsplit: mac.Dockerfile: line ends are CR only (classic Mac); save with LF or CRLF']);
  });
});
