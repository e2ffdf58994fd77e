// Where the Docker Hub corpus is and its Dockerfiles: the one place that unpacks it, for the scripts of
// bench/ and the tests of test/corpus/ (through test/corpus/files.ts) alike. It loads neither vitest nor
// src/ (vitest.corpus.config.ts reads it before any test runs). See ../shared/corpus/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const NAME = 'dockerhub-20k.tar.gz';
const ROOT = join(import.meta.dirname, '..');
const CACHE = join(ROOT, '.e2e-cache', 'corpus');

/**
 * The corpus archive: DFSPLIT_CORPUS names the archive or the directory holding it (relative to the
 * current directory); without it, ../shared/corpus beside the repository.
 */
export function corpusArchive() {
  const given = process.env.DFSPLIT_CORPUS;
  const at = given ? resolve(given) : join(ROOT, '..', 'shared', 'corpus');
  const isDir = statSync(at, { throwIfNoEntry: false })?.isDirectory() ?? !at.endsWith('.tar.gz');
  return isDir ? join(at, NAME) : at;
}

/**
 * Unpack the corpus once into .e2e-cache/corpus (gitignored) and return that directory (it holds
 * vsoch_dockerfiles_v2/ and index-trim.tsv). The cache records which archive it holds, so pointing
 * DFSPLIT_CORPUS at another one unpacks that one. Throws a clear error when the archive is missing.
 */
export function corpusDir() {
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
  return CACHE;
}

/** The directory of the Dockerfiles (`<xx>/<file>.Dockerfile` under it), unpacked. */
export function corpusRoot() {
  return join(corpusDir(), 'vsoch_dockerfiles_v2');
}

/** Every Dockerfile of the corpus, absolute paths, sorted; unpacks the corpus first when needed. */
export function corpusFiles() {
  const root = corpusRoot();
  const files = [];
  for (const d of readdirSync(root).sort()) for (const f of readdirSync(join(root, d)).sort()) files.push(join(root, d, f));
  return files;
}
