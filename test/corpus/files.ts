// Where the corpus is and its Dockerfiles: used by the tests in test/corpus/ and by
// vitest.corpus.config.ts (which must not load src/, so this module loads neither vitest nor src/).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const NAME = 'dockerhub-20k.tar.gz';
const CACHE = join(import.meta.dirname, '..', '..', '.e2e-cache', 'corpus');

/**
 * The corpus archive (see ../shared/corpus/README.md): DFSPLIT_CORPUS names the archive or the directory
 * holding it (relative to the current directory); without it, ../shared/corpus beside the repository.
 */
export function corpusArchive(): string {
  const given = process.env.DFSPLIT_CORPUS;
  const at = given ? resolve(given) : join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
  const isDir = statSync(at, { throwIfNoEntry: false })?.isDirectory() ?? !at.endsWith('.tar.gz');
  return isDir ? join(at, NAME) : at;
}

/**
 * Unpack the corpus once into .e2e-cache/corpus (gitignored) and list its Dockerfiles, sorted. The cache
 * records which archive it holds, so pointing DFSPLIT_CORPUS at another one unpacks that one.
 * Throws a clear error when the archive is missing (vitest.corpus.config.ts says so before any test runs).
 */
export function corpusFiles(): string[] {
  const archive = corpusArchive();
  const st = statSync(archive, { throwIfNoEntry: false });
  if (!st) throw new Error(`corpus archive not found at ${archive}: set DFSPLIT_CORPUS (see ../shared/corpus/README.md)`);
  const stamp = `${archive}\t${st.size}\t${st.mtimeMs}\n`;
  const marker = join(CACHE, '.complete');
  if (statSync(marker, { throwIfNoEntry: false })?.isFile() !== true || readFileSync(marker, 'utf8') !== stamp) {
    const tmp = `${CACHE}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    execFileSync('tar', ['-xzf', archive, '-C', tmp]);
    writeFileSync(join(tmp, '.complete'), stamp);
    rmSync(CACHE, { recursive: true, force: true });
    renameSync(tmp, CACHE);
  }
  const root = join(CACHE, 'vsoch_dockerfiles_v2');
  const files: string[] = [];
  for (const d of readdirSync(root).sort()) for (const f of readdirSync(join(root, d)).sort()) files.push(join(root, d, f));
  return files;
}
