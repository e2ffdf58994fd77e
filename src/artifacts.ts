// What crosses from the builder to the runtime stage in the generic split: the outputs build commands
// name (-o, redirects, --wheel-dir, install prefixes), and the working directory of build commands
// whose outputs cannot be named. COPY --from keeps ownership and modes (moby/moby#38599).
import { COMPILING, type Analysis } from './analyze/index.js';
import type { Finding } from './messages.js';
import type { Artifact } from './preset.js';

export const PRODUCING: ReadonlySet<string> = new Set(['build', 'generate', 'fetch', 'file-move']);

/** Commands whose outputs are intermediate when the same RUN installs the result somewhere named. */
const COMPILE_STEPS = new Set(['make', 'cmake', 'ninja', 'meson', './configure', 'configure', 'autoreconf', './autogen.sh']);

/** The artifacts of a generic split, or a decline when an output cannot be located. */
export function genericArtifacts(analysis: Analysis, skip: ReadonlySet<number> = new Set(), kinds: ReadonlySet<string> = PRODUCING): { artifacts: Artifact[]; declines: Finding[] } {
  const found: Artifact[] = [];
  const declines: Finding[] = [];
  const lines = new Map(analysis.classifications.map((c) => [c.index, c.line]));
  for (const [index, run] of analysis.runs) {
    if (skip.has(index)) continue;
    const line = lines.get(index);
    // `make && make install` names its outputs: the compile step before it needs no working-directory copy
    const named = run.commands.some((c) => kinds.has(c.kind) && c.outputs.length > 0);
    const installsElsewhere = run.commands.some((c) => c.kind === 'build' && c.words.includes('install') && c.outputs.length > 0);
    // a RUN that only downloads is repeated in the runtime stage: its downloads are not artifacts
    if (!run.commands.some((c) => COMPILING.has(c.kind))) continue;
    for (const c of run.commands) {
      if (!kinds.has(c.kind)) continue;
      if (c.unnamedOutputs && named && COMPILE_STEPS.has(c.words[0] ?? '')) continue;
      for (const path of c.outputs) {
        // sources unpacked, built in (`cd` into them) and installed elsewhere in the same RUN are intermediate
        if ((c.kind === 'file-move' || c.kind === 'fetch') && installsElsewhere && run.commands.some((x) => x !== c && isInside(x.cwd, path))) continue;
        if (path.includes('$')) declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` writes ${path}, which depends on a variable dfsplit cannot resolve` }, line });
        else found.push({ path, producer: index, why: { id: 'artifact-output', data: { path, command: c.words.slice(0, 3).join(' ') }, line } });
      }
      if (c.unnamedOutputs) {
        if (c.cwd.includes('$')) {
          declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` runs in ${c.cwd}, which depends on a variable dfsplit cannot resolve` }, line });
        } else if (c.cwd === '/') {
          declines.push({ id: 'output-not-located', data: { why: `\`${c.words.slice(0, 3).join(' ')}\` runs in / (no WORKDIR), so its outputs cannot be told from the rest of the system` }, line });
        } else {
          found.push({ path: c.cwd, producer: index, why: { id: 'artifact-workdir', data: { path: c.cwd }, line } });
        }
      }
    }
  }
  return { artifacts: mergeArtifacts(found), declines };
}

/** Drop paths inside other artifacts; the covering artifact moves to the latest producer. */
export function mergeArtifacts(list: readonly Artifact[]): Artifact[] {
  const out: Artifact[] = [];
  for (const a of list) {
    const cover = list.find((b) => b !== a && isInside(a.path, b.path) && !(a.path === b.path && list.indexOf(b) > list.indexOf(a)));
    if (cover && cover.path !== a.path) continue;
    if (out.some((o) => o.path === a.path)) continue;
    const producer = Math.max(...list.filter((b) => isInside(b.path, a.path)).map((b) => b.producer));
    out.push({ ...a, producer });
  }
  return out.sort((x, y) => x.producer - y.producer || x.path.localeCompare(y.path));
}

/** True when `path` equals `dir` or lies under it. */
export function isInside(path: string, dir: string): boolean {
  if (dir === '/') return true;
  return path === dir || path.startsWith(`${dir}/`);
}
