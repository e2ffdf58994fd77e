// Real-Docker end-to-end test: every examples/<name>/ with a Dockerfile and smoke.json is built as is,
// converted with the dfsplit CLI, built again, and both images are run and compared.
// Run through `bash test/e2e/run.sh` (it prepares docker, the loopback mirrors and the stand-in images).
//
// Builds run under BuildKit (lib.ts), which builds only the stages the final one depends on.
// Env knobs: E2E_ONLY=a,b (only these examples), E2E_KEEP_IMAGES=1 (keep dfsplit-e2e/* images),
// E2E_LEGACY=1 (the legacy builder instead of BuildKit),
// DFSPLIT_E2E_CONVERTER="cmd args" (debug only: converter to use instead of `node dist/src/cli.js --stdout`).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, DOCKER, LEGACY, REPO_ROOT, checkElfDeps, dockerBuild, dockerBuildResult, dockerRun, exportImageFs, imageEnv, imageSize, mb, pathExistsInRoot, removeImage, run, type BuildNetwork, type RunResult } from './lib.js';

interface Smoke {
  run: string[];
  entrypoint?: string;
  expect: string;
  network: BuildNetwork;
  absent: string[];
  elf?: string[];
  expectDecline?: boolean;
  /**
   * The conversion is proven only by a build (proof level `build`): without --verify it must be declined
   * `needs-verify`, and it is written by `dfsplit --verify --write` (which builds and compares both images
   * first) into a copy of the example, as the decline's message tells the user to run it.
   */
  verify?: boolean;
  /** The Dockerfile needs BuildKit (`RUN --mount`): skipped under E2E_LEGACY=1. */
  buildkit?: boolean;
  /** Lines the converted Dockerfile must contain (the builder pin: `FROM gcc:12-bookworm AS builder`). */
  expectConverted?: string[];
  /**
   * A copy of the example with a build gate broken on purpose (`replace` [old, new] in `file`): its
   * conversion must fail to build, and the build log must contain `expectInLog` (the failing test).
   */
  failingVariant?: { file: string; replace: [string, string]; expectInLog: string };
  /**
   * `--build-arg NAME=VALUE` for every build of the example (original, conversion, broken variant), where
   * `${E2E_PYPI_PORT}` and `${E2E_APT_PORT}` in a value are the loopback mirrors' ports: the package index
   * a Pipfile's `[[source]]` reads from an ARG (examples/python-pipenv). Not with `verify`: `dfsplit
   * --verify` passes no build arguments.
   */
  buildArgs?: Record<string, string>;
}

interface Row {
  name: string;
  orig?: number;
  conv?: number;
  note: string;
}

const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
const LOG_DIR = join(CACHE_DIR, 'logs', 'examples');
const WORK_DIR = join(CACHE_DIR, 'work');
const only = (process.env.E2E_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

function discover(): string[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((n) => existsSync(join(EXAMPLES_DIR, n, 'Dockerfile')) && existsSync(join(EXAMPLES_DIR, n, 'smoke.json')))
    .filter((n) => only.length === 0 || only.includes(n))
    .sort();
}

function loadSmoke(name: string): Smoke {
  const s = JSON.parse(readFileSync(join(EXAMPLES_DIR, name, 'smoke.json'), 'utf8')) as Partial<Smoke>;
  if (!Array.isArray(s.run) || typeof s.expect !== 'string' || !Array.isArray(s.absent)) {
    throw new Error(`examples/${name}/smoke.json: needs "run" (array), "expect" (string), "absent" (array)`);
  }
  if (s.network !== 'none' && s.network !== 'host') throw new Error(`examples/${name}/smoke.json: "network" must be "none" or "host"`);
  if (s.expectConverted !== undefined && (!Array.isArray(s.expectConverted) || s.expectConverted.some((l) => typeof l !== 'string'))) throw new Error(`examples/${name}/smoke.json: "expectConverted" must be an array of lines`);
  const v = s.failingVariant;
  if (v !== undefined && (typeof v.file !== 'string' || !Array.isArray(v.replace) || v.replace.length !== 2 || typeof v.replace[0] !== 'string' || typeof v.replace[1] !== 'string' || typeof v.expectInLog !== 'string' || v.expectInLog === '')) {
    throw new Error(`examples/${name}/smoke.json: "failingVariant" needs "file" (string), "replace" ([old, new]), "expectInLog" (non-empty string)`);
  }
  if (s.buildArgs !== undefined && (typeof s.buildArgs !== 'object' || s.buildArgs === null || Array.isArray(s.buildArgs) || Object.values(s.buildArgs).some((v) => typeof v !== 'string'))) {
    throw new Error(`examples/${name}/smoke.json: "buildArgs" must be an object of strings`);
  }
  if (s.buildArgs !== undefined && s.verify) throw new Error(`examples/${name}/smoke.json: "buildArgs" and "verify" together: dfsplit --verify passes no build arguments`);
  return s as Smoke;
}

/** smoke.json's buildArgs with the mirrors' ports put in (`${E2E_PYPI_PORT}`, `${E2E_APT_PORT}`). */
function expandBuildArgs(name: string, args: Record<string, string> | undefined): Record<string, string> | undefined {
  if (args === undefined) return undefined;
  const expand = (v: string) =>
    v.replace(/\$\{(\w+)\}/g, (_, k: string) => {
      const value = k === 'E2E_PYPI_PORT' || k === 'E2E_APT_PORT' ? process.env[k] : undefined;
      if (!value) throw new Error(`examples/${name}/smoke.json: buildArgs: \${${k}} is not a mirror port the setup wrote`);
      return value;
    });
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, expand(v)]));
}

/** Whether the example needs BuildKit (an unreadable smoke.json fails in the test itself). */
function needsBuildKit(name: string): boolean {
  try {
    return loadSmoke(name).buildkit === true;
  } catch {
    return false;
  }
}

const CLI = join(REPO_ROOT, 'dist/src/cli.js');

async function convert(dockerfile: string): Promise<RunResult> {
  const override = process.env.DFSPLIT_E2E_CONVERTER;
  const [cmd, ...args] = override ? [...override.split(' ').filter(Boolean), dockerfile] : ['node', CLI, '--stdout', dockerfile];
  return run(cmd!, args, { timeoutMs: 60_000 });
}

interface JsonReport {
  files: { path: string; status: string; reasons: { id: string; message: string }[] }[];
}

/** The one file's result of `dfsplit --json ...args Dockerfile`, run in `dir`. */
async function jsonResult(dir: string, args: string[], timeoutMs: number): Promise<{ run: RunResult; file: JsonReport['files'][number] }> {
  const r = await run('node', [CLI, '--json', ...args, 'Dockerfile'], { cwd: dir, timeoutMs });
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`dfsplit --json ${args.join(' ')} exited ${r.code}${r.timedOut ? ' (timeout)' : ''} without a report\nstderr:\n${r.stderr}`);
  }
  expect(report.files, 'one file in the report').toHaveLength(1);
  return { run: r, file: report.files[0]! };
}

/**
 * A build-level conversion as its user writes it: declined `needs-verify` without --verify, then
 * `dfsplit --verify --write` in a copy of the example (building the original and the conversion on the
 * example's build network: the private daemon has no bridge) must report it changed and write it.
 * Returns the written file's text.
 */
async function verifyWrite(dir: string, workDir: string, network: BuildNetwork, input: string): Promise<string> {
  const plain = await jsonResult(dir, [], 60_000);
  expect(plain.file.status, 'without --verify a build-level conversion is declined').toBe('declined');
  expect(plain.file.reasons.map((x) => x.id)).toEqual(['needs-verify']);
  expect(plain.file.reasons[0]!.message).toContain('dfsplit --verify --write');
  const copy = join(workDir, 'verify-write');
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  const verified = await jsonResult(copy, ['--verify', '--write', '--build-network', network], 900_000);
  expect(verified.run.code, `dfsplit --verify --write exited ${verified.run.code}\nstderr:\n${verified.run.stderr}`).toBe(0);
  expect(verified.file.status, `--verify --write: ${verified.file.reasons.map((x) => `${x.id}: ${x.message}`).join('; ')}`).toBe('changed');
  const written = readFileSync(join(copy, 'Dockerfile'), 'utf8');
  expect(written, '--verify --write must write the conversion over the Dockerfile').not.toBe(input);
  return written;
}

function smokeOutput(r: RunResult, label: string): string {
  if (r.code !== 0 || r.timedOut) {
    throw new Error(`${label} smoke run exited ${r.code}${r.timedOut ? ' (timeout)' : ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return r.stdout.trim();
}

const rows: Row[] = [];
const examples = discover();
const enabled = process.env.DFSPLIT_E2E === '1';

// two examples at a time (vitest.e2e.config.ts maxConcurrency): each waits on docker much of the time, and every
// example has its own tags, work directory and logs
describe.skipIf(!enabled)('examples: original vs dfsplit-converted image', { concurrent: true }, () => {
  afterAll(() => {
    if (rows.length === 0) return;
    const lines = [
      '# dfsplit e2e results',
      '',
      `Generated by test/e2e/examples.test.ts on ${new Date().toISOString()} against the stand-in base images (test/e2e/infra/README.md), ` + (LEGACY ? 'with the legacy builder (E2E_LEGACY=1).' : `under BuildKit (${DOCKER}, DOCKER_BUILDKIT=1).`),
      '',
      '| example | original MB | converted MB | ratio | note |',
      '| --- | ---: | ---: | ---: | --- |',
      // (in the examples' order, whichever of two running at a time finished first)
      ...[...rows]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((r) => {
          const ratio = r.orig && r.conv ? (r.conv / r.orig).toFixed(2) : '';
          return `| ${r.name} | ${r.orig ? mb(r.orig) : ''} | ${r.conv ? mb(r.conv) : ''} | ${ratio} | ${r.note.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`;
        }),
      '',
    ];
    const md = lines.join('\n');
    writeFileSync(join(REPO_ROOT, 'test/e2e/results.md'), md);
    console.log('\n' + md);
  });

  it('finds examples', () => {
    expect(existsSync(EXAMPLES_DIR)).toBe(true);
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const name of examples) {
    it.skipIf(LEGACY && needsBuildKit(name))(name, async () => {
      const row: Row = { name, note: '' };
      rows.push(row);
      const dir = join(EXAMPLES_DIR, name);
      const dockerfile = join(dir, 'Dockerfile');
      const smoke = loadSmoke(name);
      const buildArgs = expandBuildArgs(name, smoke.buildArgs);
      const tagOrig = `dfsplit-e2e/${name}:orig`;
      const tagConv = `dfsplit-e2e/${name}:conv`;
      const log = (what: string) => join(LOG_DIR, `${name}-${what}.log`);
      mkdirSync(LOG_DIR, { recursive: true });
      for (const w of ['orig', 'conv', ...(smoke.failingVariant ? ['conv-broken'] : [])]) writeFileSync(log(w), '');
      const t0 = Date.now();
      try {
        // 1. convert
        const input = readFileSync(dockerfile, 'utf8');
        const workDir = join(WORK_DIR, name);
        mkdirSync(workDir, { recursive: true });
        let converted: string;
        if (smoke.verify) {
          converted = await verifyWrite(dir, workDir, smoke.network, input);
        } else {
          const conv = await convert(dockerfile);
          if (conv.code !== 0) {
            throw new Error(`dfsplit exited ${conv.code}\nstderr:\n${conv.stderr}`);
          }
          converted = conv.stdout;
        }
        for (const line of smoke.expectConverted ?? []) expect(converted.split('\n'), 'a line the converted Dockerfile must have').toContain(line);
        const convFile = join(workDir, 'Dockerfile.converted');
        writeFileSync(convFile, converted);

        // 2. build + run the original
        await dockerBuild({ context: dir, tag: tagOrig, network: smoke.network, buildArgs, logFile: log('orig') });
        row.orig = await imageSize(tagOrig);
        const origOut = smokeOutput(await dockerRun(tagOrig, { entrypoint: smoke.entrypoint, args: smoke.run, logFile: log('orig') }), 'original');
        expect(origOut, "original image's smoke output").toContain(smoke.expect);

        if (smoke.expectDecline) {
          expect(converted.replace(/\s+$/, ''), 'declined: dfsplit --stdout must print the input unchanged').toBe(input.replace(/\s+$/, ''));
          row.note = 'not converted (as expected)';
          return;
        }
        expect(converted.replace(/\s+$/, ''), 'dfsplit changed nothing (declined?) but smoke.json does not say expectDecline').not.toBe(input.replace(/\s+$/, ''));

        // 3. build + run the converted one
        await dockerBuild({ context: dir, dockerfile: convFile, tag: tagConv, network: smoke.network, buildArgs, logFile: log('conv') });
        row.conv = await imageSize(tagConv);
        const convOut = smokeOutput(await dockerRun(tagConv, { entrypoint: smoke.entrypoint, args: smoke.run, logFile: log('conv') }), 'converted');
        expect(convOut, "converted image's smoke output vs original's").toBe(origOut);
        expect(row.conv, `converted image (${mb(row.conv)} MB) must be smaller than original (${mb(row.orig)} MB)`).toBeLessThan(row.orig);

        // 4. filesystem checks on the converted image
        const fsDir = await exportImageFs(tagConv, join(WORK_DIR, name, 'rootfs'));
        const present = smoke.absent.filter((p) => pathExistsInRoot(fsDir, p));
        expect(present, 'paths that must be absent from the converted image').toEqual([]);
        if (smoke.elf?.length) {
          const { checked, problems } = checkElfDeps(fsDir, smoke.elf, await imageEnv(tagConv));
          expect(problems, 'ELF interpreter/library problems in the converted image').toEqual([]);
          expect(checked.length, `no ELF file found under ${smoke.elf.join(', ')}`).toBeGreaterThan(0);
        }
        // 5. build gates: under BuildKit the converted file must still run the original's tests
        if (smoke.failingVariant) {
          const v = smoke.failingVariant;
          const variantDir = join(WORK_DIR, name, 'failing-variant');
          rmSync(variantDir, { recursive: true, force: true });
          cpSync(dir, variantDir, { recursive: true });
          const target = join(variantDir, v.file);
          const source = readFileSync(target, 'utf8');
          expect(source, `failingVariant.replace: ${v.replace[0]} not found in ${v.file}`).toContain(v.replace[0]);
          writeFileSync(target, source.replace(v.replace[0], v.replace[1]));
          // without --verify: the broken variant's own build fails, so --verify would decline it (an example with a
          // failing variant must be proven statically)
          const variantConv = await convert(join(variantDir, 'Dockerfile'));
          expect(variantConv.stdout, 'the broken variant converts like the good one').toBe(converted);
          writeFileSync(join(variantDir, 'Dockerfile.converted'), variantConv.stdout);
          const b = await dockerBuildResult({ context: variantDir, dockerfile: join(variantDir, 'Dockerfile.converted'), tag: `${tagConv}-broken`, network: smoke.network, buildArgs, logFile: log('conv-broken') });
          expect(b.timedOut, "the broken variant's build timed out").toBe(false);
          expect(b.code, 'the converted file of the broken variant must fail to build (its gate must still run)').not.toBe(0);
          expect(b.stdout + b.stderr, `the broken variant's build log must show the failing gate (log: ${log('conv-broken')})`).toContain(v.expectInLog);
        }
        row.note = `ok (${Math.round((Date.now() - t0) / 1000)}s)`;
      } catch (e) {
        row.note = `FAILED: ${String((e as Error).message ?? e)
          .split('\n')[0]!
          .slice(0, 160)}`;
        throw e;
      } finally {
        if (process.env.E2E_KEEP_IMAGES !== '1') {
          await removeImage(tagOrig);
          await removeImage(tagConv);
          if (smoke.failingVariant) await removeImage(`${tagConv}-broken`);
        }
      }
    });
  }
});
