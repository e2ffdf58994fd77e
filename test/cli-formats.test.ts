// The machine formats of the main command on a small tree (one file that would change, one unchanged,
// one declined, one not a Dockerfile): each parses as what it claims to be, and SARIF validates against
// the published SARIF 2.1.0 schema (shipped by @microsoft/jest-sarif) with its fix replacing the file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { dfsplit } from './shared.js';

const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const PLAIN = 'FROM debian:bookworm\nCMD ["bash"]\n';
const DECLINED = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nCMD ["go", "run", "."]\n';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dfsplit-formats-'));
  writeFileSync(join(dir, 'Dockerfile'), GO);
  writeFileSync(join(dir, 'plain.Dockerfile'), PLAIN);
  writeFileSync(join(dir, 'run.Dockerfile'), DECLINED);
});

const run = (...args: string[]) => dfsplit(dir, [...args, '.']);

describe('--format', () => {
  it('json: one document with every file and a summary', async () => {
    const r = await run('--format', 'json');
    const doc = JSON.parse(r.stdout) as { files: { path: string; status: string; proof: unknown; saves: unknown }[]; summary: Record<string, unknown> };
    expect(doc.files.map((f) => `${f.path}:${f.status}`).sort()).toEqual(['Dockerfile:changed', 'plain.Dockerfile:unchanged', 'run.Dockerfile:declined']);
    expect(doc.summary).toMatchObject({ files: 3, changed: 1, unchanged: 1, declined: 1, error: 0, declinedBy: { 'runtime-uses-toolchain': 1 }, proof: { static: 1, build: 0 }, size: { files: 1, before: 830, after: 20 } });
    // each conversion says how it is proven and what it leaves behind, with the base images' estimated sizes
    const changed = doc.files.find((f) => f.status === 'changed')!;
    expect(changed.proof).toEqual({ level: 'static', unproven: [] });
    expect(changed.saves).toEqual({ packages: [], tools: ['go'], caches: [], image: { from: 'golang:1.22', to: 'gcr.io/distroless/base-debian12' }, env: ['GOPATH'], size: { before: 830, after: 20 } });
  });

  it('ndjson: a line per file, then the summary', async () => {
    const lines = (await run('--format', 'ndjson')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { path?: string; saves?: unknown; summary?: { files: number; size: unknown } });
    expect(lines).toHaveLength(4);
    expect(
      lines
        .slice(0, 3)
        .map((l) => l.path)
        .sort(),
    ).toEqual(['Dockerfile', 'plain.Dockerfile', 'run.Dockerfile']);
    expect(lines[3]!.summary!.files).toBe(3);
    expect(lines[3]!.summary!.size).toEqual({ files: 1, before: 830, after: 20 });
    expect(lines.find((l) => l.path === 'Dockerfile')!.saves).toMatchObject({ size: { before: 830, after: 20 } });
  });

  it('github: a workflow command on the FROM line of each file that would change or was declined', async () => {
    const out = (await run('--format', 'github')).stdout.trim().split('\n');
    expect(out.some((l) => /^::warning file=Dockerfile,line=1,title=dfsplit%3A changed::dfsplit proposes a multi-stage version \(builder golang:1\.22, runtime gcr\.io\/distroless\/\S+, proof: static\); run dfsplit --write Dockerfile\. Saves: base images ≈ 830 MB → 20 MB; tools left behind: go$/.test(l))).toBe(true);
    expect(out.at(-1)).toBe('::notice title=dfsplit::3 files: 1 would change (proof: 1 static, 0 build; ≈ 810 MB of base image left behind), 1 unchanged, 1 declined, 0 errors');
    expect(out.some((l) => l.startsWith('::notice file=run.Dockerfile,line=1,') && l.includes('[runtime-uses-toolchain]'))).toBe(true);
    expect(out.some((l) => l.includes('plain.Dockerfile'))).toBe(false);
  });

  it('markdown: a summary table and the diff in a collapsible block', async () => {
    const out = (await run('--format', 'markdown')).stdout;
    expect(out).toContain('| <code>Dockerfile</code> | changed |');
    expect(out).toContain('<code>gcr.io/distroless/base-debian12</code> (proof: static) | base images ≈ 830 MB → 20 MB; tools left behind: <code>go</code> |');
    expect(out).toContain('**1 would change** (proof: 1 static, 0 build; ≈ 810 MB of base image left behind)');
    expect(out).toContain('| file | status | reasons / stages | saves |\n|---|---|---|---|\n');
    expect(out).toContain('| <code>run.Dockerfile</code> | declined | runtime-uses-toolchain |  |');
    expect(out).toMatch(/<details><summary><code>Dockerfile<\/code><\/summary>\n\n```diff\ndiff --git a\/Dockerfile b\/Dockerfile/);
  });

  it('sarif: valid SARIF 2.1.0 whose fix turns the file into the converted one', async () => {
    const r = await run('--format', 'sarif');
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; message: { text: string }; properties?: { saves: unknown }; fixes?: { artifactChanges: { replacements: { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[] }[] }[] }[] }[] };
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // the schema's patterns are ECMAScript without the u flag, and its formats (uri) are not checked here
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false, logger: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const changed = log.runs[0]!.results.find((x) => x.ruleId === 'multi-stage-conversion')!;
    // what it saves: in the message, and as --json gives it in the result's property bag
    expect(changed.message.text).toMatch(/\. Saves: base images ≈ 830 MB → 20 MB; tools left behind: go$/);
    expect(changed.properties?.saves).toEqual({ packages: [], tools: ['go'], caches: [], image: { from: 'golang:1.22', to: 'gcr.io/distroless/base-debian12' }, env: ['GOPATH'], size: { before: 830, after: 20 } });
    const rep = changed.fixes![0]!.artifactChanges[0]!.replacements[0]!;
    const applied = GO.slice(0, rep.deletedRegion.charOffset) + rep.insertedContent.text + GO.slice(rep.deletedRegion.charOffset + rep.deletedRegion.charLength);
    expect(applied).toBe((await dfsplit(dir, ['--stdout', 'Dockerfile'])).stdout);
  });

  it('refuses --json with another --format, and a machine format with --stdout', async () => {
    const a = await run('--json', '--format', 'sarif');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--json and --format sarif cannot be used together');
    const b = await dfsplit(dir, ['--format', 'ndjson', '--stdout', 'Dockerfile']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--format ndjson and --stdout cannot be used together');
  });
});
