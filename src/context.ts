// The build context beside a Dockerfile (go.mod, *.go, requirements.txt, package.json): presets read
// it when it makes the result right. A missing context means "unknown", never "empty".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Read-only view of the build context. */
export interface BuildContext {
  /** False when no context was given: presets must then stay conservative. */
  known: boolean;
  /** Text of a file relative to the context root, or null. */
  read(path: string): string | null;
  /** Relative paths of files matching a predicate (bounded walk). */
  find(match: (path: string) => boolean): string[];
  /** True when a file or directory exists at a path relative to the root (also where find() does not walk). */
  exists(path: string): boolean;
}

export const NO_CONTEXT: BuildContext = { known: false, read: () => null, find: () => [], exists: () => false };

const SKIP = new Set(['.git', 'node_modules', 'vendor', '.venv', 'venv', '__pycache__', 'dist', 'target']);
const MAX_FILES = 5000;

/** A context backed by a directory on disk. */
export function directoryContext(root: string): BuildContext {
  let files: string[] | null = null;
  const list = (): string[] => {
    if (files) return files;
    files = [];
    const walk = (dir: string, rel: string) => {
      let entries;
      try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (files!.length >= MAX_FILES) return;
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) { if (!SKIP.has(e.name)) walk(join(dir, e.name), r); }
        else if (e.isFile()) files!.push(r);
      }
    };
    walk(root, '');
    return files;
  };
  return {
    known: true,
    read(path) {
      try {
        const full = join(root, path);
        if (statSync(full).size > 1024 * 1024) return null;
        return readFileSync(full, 'utf8');
      } catch {
        return null;
      }
    },
    find: (match) => list().filter(match),
    exists(path) {
      try { statSync(join(root, path)); return !path.split('/').includes('..'); } catch { return false; }
    },
  };
}

/** A context from an in-memory map of files (tests and library users). */
export function memoryContext(entries: Record<string, string>): BuildContext {
  const names = Object.keys(entries);
  return { known: true, read: (p) => entries[p] ?? null, find: (m) => names.filter(m), exists: (p) => names.some((n) => n === p || n.startsWith(`${p.replace(/\/$/, '')}/`)) };
}
