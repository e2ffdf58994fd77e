// The build context beside a Dockerfile (go.mod, *.go, requirements.txt, package.json): presets read
// it when it makes the result right. A missing context means "unknown", never "empty".
// The paths come from the Dockerfile, which may come from anyone: no read leaves the context directory
// (`pip install -r ../../../etc/passwd`, or a symbolic link in the context that points outside it).
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

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

/** Why `dir` cannot be read as a build context (it does not exist, or is no directory), or null. */
export function contextProblem(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'not a directory';
  } catch {
    return 'no such directory';
  }
}

/** True when the absolute path `path` is `root` or below it. */
function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A context backed by a directory on disk. */
export function directoryContext(root: string): BuildContext {
  // the directory as it really is, found once: every path read must resolve, links followed, below it
  let real: string | null | undefined;
  const resolveInside = (path: string): string | null => {
    if (real === undefined) {
      try {
        real = realpathSync(root);
      } catch {
        real = null;
      }
    }
    if (real === null) return null;
    // a path is relative to the root, an absolute one too (as COPY reads its sources); `..` may not climb out
    const full = join(real, path);
    if (!within(real, full)) return null;
    try {
      const target = realpathSync(full);
      return within(real, target) ? target : null;
    } catch {
      return null;
    }
  };
  let files: string[] | null = null;
  const list = (): string[] => {
    if (files) return files;
    files = [];
    const walk = (dir: string, rel: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (files!.length >= MAX_FILES) return;
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP.has(e.name)) walk(join(dir, e.name), r);
        } else if (e.isFile()) files!.push(r);
      }
    };
    walk(root, '');
    return files;
  };
  return {
    known: true,
    read(path) {
      const full = resolveInside(path);
      if (full === null) return null;
      try {
        // a regular file only: reading a FIFO would wait forever
        const st = statSync(full);
        if (!st.isFile() || st.size > 1024 * 1024) return null;
        return readFileSync(full, 'utf8');
      } catch {
        return null;
      }
    },
    find: (match) => list().filter(match),
    exists: (path) => resolveInside(path) !== null,
  };
}

/** A context from an in-memory map of files (tests and library users). */
export function memoryContext(entries: Record<string, string>): BuildContext {
  const names = Object.keys(entries);
  return { known: true, read: (p) => entries[p] ?? null, find: (m) => names.filter(m), exists: (p) => names.some((n) => n === p || n.startsWith(`${p.replace(/\/$/, '')}/`)) };
}
