// Paths inside an image: joining a working directory and a relative path, collapsing `.`/`..`, and
// whether one path lies in another (against one directory, or against many at once).

export function joinPath(base: string | null, next: string): string {
  if (next.startsWith('/')) return normalizePath(next);
  return normalizePath(`${base ?? '.'}/${next}`);
}

/** Collapse `.` and `..` segments; keeps a leading `/` and a relative `.` base. */
function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  // already normal (most paths): no empty, `.` or `..` segment, no trailing slash
  if (abs && !p.includes('//') && !p.includes('/.') && (p.length === 1 || !p.endsWith('/'))) return p;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return abs ? `/${parts.join('/')}` : parts.length ? parts.join('/') : '.';
}

/** True when `path` equals `dir` or lies under it. */
export function isInside(path: string, dir: string): boolean {
  if (dir === '/') return true;
  return path === dir || path.startsWith(`${dir}/`);
}

/** Every `dir` for which isInside(path, dir) holds, as a string can be: `/`, the path, and each prefix that ends before a `/`. */
export function enclosing(path: string): string[] {
  const dirs = path === '/' ? ['/'] : ['/', path];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) dirs.push(path.slice(0, i));
  return dirs;
}

/** True when isInside(path, dir) holds for some member of `dirs`: in the path's depth, not the set's size. */
export function insideAny(path: string, dirs: ReadonlySet<string>): boolean {
  for (const dir of enclosing(path)) if (dirs.has(dir)) return true;
  return false;
}

/** A set of paths that answers both ways of isInside against all of them at once. */
export class PathIndex {
  private readonly members: Set<string>;
  /** Sorted: the paths that start with `dir/` are next to each other. */
  private readonly sorted: string[];
  constructor(paths: Iterable<string>) {
    this.members = new Set(paths);
    this.sorted = [...this.members].sort();
  }

  /** True when `path` is one of the paths or lies under one. */
  covers(path: string): boolean {
    return insideAny(path, this.members);
  }

  /** The paths that are `dir` or lie under it (isInside(member, dir)). */
  within(dir: string): string[] {
    if (dir === '/') return this.sorted;
    const prefix = `${dir}/`;
    const out = this.members.has(dir) ? [dir] : [];
    for (let i = this.firstFrom(prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) out.push(this.sorted[i]!);
    return out;
  }

  /** True when one of the paths is `dir` or lies under it. */
  holdsWithin(dir: string): boolean {
    if (this.members.has(dir) || (dir === '/' && this.members.size > 0)) return true;
    const prefix = `${dir}/`;
    return this.sorted[this.firstFrom(prefix)]?.startsWith(prefix) ?? false;
  }

  /** The position of the first sorted path not below `key`. */
  private firstFrom(key: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
