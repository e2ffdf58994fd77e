// Paths inside an image: joining a working directory and a relative path, and collapsing `.`/`..`.

export function joinPath(base: string | null, next: string): string {
  if (next.startsWith('/')) return normalizePath(next);
  return normalizePath(`${base ?? '.'}/${next}`);
}

/** Collapse `.` and `..` segments; keeps a leading `/` and a relative `.` base. */
export function normalizePath(p: string): string {
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
