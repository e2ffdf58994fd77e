// The Docker Hub corpus (../shared/corpus), unpacked once into .e2e-cache/corpus.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const ARCHIVE = join(ROOT, '..', 'shared', 'corpus', 'dockerhub-20k.tar.gz');
export const CORPUS = join(ROOT, '.e2e-cache', 'corpus');

/** Every corpus file as `{ rel, abs }`, sorted by path. */
export function corpusFiles() {
  if (!existsSync(join(CORPUS, '.complete'))) {
    if (!existsSync(ARCHIVE)) throw new Error(`corpus archive not found at ${ARCHIVE}`);
    mkdirSync(CORPUS, { recursive: true });
    execFileSync('tar', ['-xzf', ARCHIVE, '-C', CORPUS]);
    writeFileSync(join(CORPUS, '.complete'), '');
  }
  const root = join(CORPUS, 'vsoch_dockerfiles_v2');
  const out = [];
  for (const d of readdirSync(root).sort()) for (const f of readdirSync(join(root, d)).sort()) out.push({ rel: `${d}/${f}`, abs: join(root, d, f) });
  return out;
}
