// Inputs that used to break the pipeline: a RUN of 10,000 &&-chained commands (read iteratively by both
// shell readers, also when control flow sends it to the full parser), and an exception inside one
// file's conversion, which becomes that file's error instead of stopping the tree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { convertFile } from '../src/convert-pool.js';
import type { Preset } from '../src/preset.js';
import { dfsplit } from './shared.js';

it('converts RUN lines of 10,000 chained commands, on the fast path and on the full parser', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-chain-'));
  const chain = Array.from({ length: 10_000 }, (_, i) => `echo ${i}`).join(' && ');
  writeFileSync(join(dir, 'fast.Dockerfile'), `FROM debian:bookworm\nRUN ${chain}\nCMD ["bash"]\n`);
  // control flow at the end: the whole line goes to mvdan-sh, whose tree is 10,000 levels deep
  writeFileSync(join(dir, 'full.Dockerfile'), `FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc && ${chain} && if true; then gcc -o /usr/local/bin/app app.c; fi\nCMD ["app"]\n`);
  const r = await dfsplit(dir, ['--json', '--jobs', '1', '.']);
  const files = (JSON.parse(r.stdout) as { files: { path: string; status: string; reasons: { id: string }[] }[] }).files;
  expect(files.map((f) => f.path).sort()).toEqual(['fast.Dockerfile', 'full.Dockerfile']);
  for (const f of files) expect(f.status, `${f.path}: ${JSON.stringify(f.reasons)}`).not.toBe('error');
  expect(r.code).toBe(0);
});

it("an exception while converting one file is that file's error, with the message", () => {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-crash-'));
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n');
  const broken: Preset = {
    id: 'broken',
    summary: 'throws',
    detect: () => 'always',
    decide: () => {
      throw new Error('boom');
    },
  };
  const outcome = convertFile(file, { path: 'Dockerfile', builderName: 'builder', preset: 'broken', contextDir: dir }, undefined, [broken]);
  expect(outcome.readError).toEqual({ id: 'internal-error', message: 'internal error: boom (DFSPLIT_DEBUG=1 shows the stack)' });
  const fine = convertFile(file, { path: 'Dockerfile', builderName: 'builder', preset: 'auto', contextDir: dir });
  expect(fine.result?.status).toBe('changed');
});
