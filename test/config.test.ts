// Repository configuration through the CLI: defaults and per-glob overrides from a config file found
// upward from each Dockerfile, --config, --no-config, the command line winning, and errors that name
// the key; and the shipped JSON schema is the one the zod schema generates.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../src/config.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const GO = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n';

function repo(config: string, name = 'dfsplit.config.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'dfsplit-config-'));
  mkdirSync(join(dir, 'services', 'go-api'), { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), GO);
  writeFileSync(join(dir, 'services', 'go-api', 'Dockerfile'), GO);
  writeFileSync(join(dir, name), config);
  return dir;
}
const froms = (dir: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, '--stdout', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, froms: r.stdout.split('\n').filter((l) => l.startsWith('FROM')), stderr: r.stderr };
};

describe('configuration', () => {
  it('applies defaults and the overrides whose glob matches, found upward from each file', () => {
    const dir = repo(JSON.stringify({ builderName: 'build', overrides: [{ files: 'services/go-*/**', runtimeBase: 'scratch' }] }));
    expect(froms(dir, 'services/go-api/Dockerfile').froms).toEqual(['FROM golang:1.22 AS build', 'FROM scratch']);
    expect(froms(dir, 'Dockerfile').froms).toEqual(['FROM golang:1.22 AS build', 'FROM gcr.io/distroless/static-debian12']);
  });
  it('the command line wins; --no-config ignores the file; --config names one', () => {
    const dir = repo(JSON.stringify({ builderName: 'build' }));
    expect(froms(dir, '--builder-name', 'compile', 'Dockerfile').froms[0]).toBe('FROM golang:1.22 AS compile');
    expect(froms(dir, '--no-config', 'Dockerfile').froms[0]).toBe('FROM golang:1.22 AS builder');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ builderName: 'other' }));
    expect(froms(dir, '--config', 'other.json', 'Dockerfile').froms[0]).toBe('FROM golang:1.22 AS other');
  });
  it('reads a "dfsplit" key in package.json and .dfsplitrc', () => {
    expect(froms(repo(JSON.stringify({ name: 'x', dfsplit: { builderName: 'pkg' } }), 'package.json'), 'Dockerfile').froms[0]).toBe('FROM golang:1.22 AS pkg');
    expect(froms(repo(JSON.stringify({ builderName: 'rc' }), '.dfsplitrc'), 'Dockerfile').froms[0]).toBe('FROM golang:1.22 AS rc');
    expect(froms(repo('export default { builderName: "mjs" };\n', 'dfsplit.config.mjs'), 'Dockerfile').froms[0]).toBe('FROM golang:1.22 AS mjs');
  });
  it('refuses an invalid configuration with one line naming the file and the key, exit 2', () => {
    const r = froms(repo(JSON.stringify({ overrides: [{ files: 'x', runtimeBase: 3 }] })), 'Dockerfile');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^dfsplit: dfsplit\.config\.json: overrides\[0\]\.runtimeBase: .+$/);
    const u = froms(repo(JSON.stringify({ dfsplit: { presett: 'go' } }), 'package.json'), 'Dockerfile');
    expect(u.stderr.trim()).toMatch(/^dfsplit: package\.json: dfsplit: Unrecognized key: "presett"$/);
  });
  it('schema/dfsplit.schema.json is the schema the code validates with', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'dfsplit.schema.json'), 'utf8'))).toEqual(configJsonSchema());
  });
});
