// dfsplit's version, from package.json (two levels up from dist/src/, one from src/ under tsx).
import { readFileSync } from 'node:fs';

function packageVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dfsplit' && pkg.version) return pkg.version;
    } catch {
      /* try the next */
    }
  }
  return 'unknown';
}

export const VERSION = packageVersion();
