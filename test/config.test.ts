// Repository configuration through the CLI: defaults and per-glob overrides from a config file found
// upward from each Dockerfile, --config, --no-config, the command line winning, and errors that name
// the key; and the shipped JSON schema is the one the zod schema generates.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../src/config.js';
import { dfsplit } from './shared.js';

const ROOT = join(import.meta.dirname, '..');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n';

function repo(config: string, name = 'dfsplit.config.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-config-'));
  mkdirSync(join(dir, 'services', 'go-api'), { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), GO);
  writeFileSync(join(dir, 'services', 'go-api', 'Dockerfile'), GO);
  writeFileSync(join(dir, name), config);
  return dir;
}
const froms = async (dir: string, ...args: string[]) => {
  const r = await dfsplit(dir, ['--stdout', ...args]);
  return { code: r.code, froms: r.stdout.split('\n').filter((l) => l.startsWith('FROM')), stderr: r.stderr };
};

describe('configuration', () => {
  it('applies defaults and the overrides whose glob matches, found upward from each file', async () => {
    const dir = repo(JSON.stringify({ builderName: 'build', overrides: [{ files: 'services/go-*/**', runtimeBase: 'scratch' }] }));
    expect((await froms(dir, 'services/go-api/Dockerfile')).froms).toEqual(['FROM golang:1.22 AS build', 'FROM scratch']);
    expect((await froms(dir, 'Dockerfile')).froms).toEqual(['FROM golang:1.22 AS build', 'FROM gcr.io/distroless/static-debian12']);
  });
  it('the command line wins; --no-config ignores the file; --config names one', async () => {
    const dir = repo(JSON.stringify({ builderName: 'build' }));
    expect((await froms(dir, '--builder-name', 'compile', 'Dockerfile')).froms[0]).toBe('FROM golang:1.22 AS compile');
    expect((await froms(dir, '--no-config', 'Dockerfile')).froms[0]).toBe('FROM golang:1.22 AS builder');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ builderName: 'other' }));
    expect((await froms(dir, '--config', 'other.json', 'Dockerfile')).froms[0]).toBe('FROM golang:1.22 AS other');
  });
  it('reads a "dfsplit" key in package.json and .dfsplitrc', async () => {
    expect((await froms(repo(JSON.stringify({ name: 'x', dfsplit: { builderName: 'pkg' } }), 'package.json'), 'Dockerfile')).froms[0]).toBe('FROM golang:1.22 AS pkg');
    expect((await froms(repo(JSON.stringify({ builderName: 'rc' }), '.dfsplitrc'), 'Dockerfile')).froms[0]).toBe('FROM golang:1.22 AS rc');
    expect((await froms(repo('export default { builderName: "mjs" };\n', 'dfsplit.config.mjs'), 'Dockerfile')).froms[0]).toBe('FROM golang:1.22 AS mjs');
  });
  it('pins a moving builder tag unless --no-pin-builder or pinBuilder: false says not to (the command line wins)', async () => {
    const dir = repo(JSON.stringify({ overrides: [{ files: 'services/**', pinBuilder: false }] }));
    const moving = 'FROM golang:latest\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
    writeFileSync(join(dir, 'Dockerfile'), moving);
    writeFileSync(join(dir, 'services', 'go-api', 'Dockerfile'), moving);
    // a module: what the pinned tag's Go builds (a GOPATH-era tree without go.mod is build level: unproven-newest-go)
    for (const at of ['.', join('services', 'go-api')]) writeFileSync(join(dir, at, 'go.mod'), 'module example.com/api\n\ngo 1.22\n');
    expect((await froms(dir, 'Dockerfile')).froms).toEqual(['FROM golang:trixie AS builder', 'FROM gcr.io/distroless/base-debian13']);
    const kept = await froms(dir, '--no-pin-builder', 'Dockerfile');
    expect([kept.code, kept.froms]).toEqual([0, ['FROM golang:latest']]);
    expect(kept.stderr).toMatch(/declined: .*\[needs-verify\]/);
    expect((await froms(dir, 'services/go-api/Dockerfile')).froms).toEqual(['FROM golang:latest']);
    expect((await froms(dir, '--pin-builder', 'services/go-api/Dockerfile')).froms).toEqual(['FROM golang:trixie AS builder', 'FROM gcr.io/distroless/base-debian13']);
  });
  it('refuses an invalid configuration with one line naming the file and the key, exit 2', async () => {
    const r = await froms(repo(JSON.stringify({ overrides: [{ files: 'x', runtimeBase: 3 }] })), 'Dockerfile');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^dfsplit: dfsplit\.config\.json: overrides\[0\]\.runtimeBase: .+$/);
    const u = await froms(repo(JSON.stringify({ dfsplit: { presett: 'go' } }), 'package.json'), 'Dockerfile');
    expect(u.stderr.trim()).toMatch(/^dfsplit: package\.json: dfsplit: Unrecognized key: "presett"$/);
  });
  it('schema/dfsplit.schema.json is the schema the code validates with', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'dfsplit.schema.json'), 'utf8'))).toEqual(configJsonSchema());
  });
});
