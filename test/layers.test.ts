// Imports run one way (issue 22, section 3): the pipeline's composition root, src/convert.ts, is the only
// module of src/ that imports transforms/ or templates/ (passes and presets import from src/, never the
// other way round), and no module reaches itself again through its imports. The graph is read from the
// sources: every `from '...'` and `import('...')` of a .ts file under src/, transforms/ and templates/,
// type-only imports included (they tie the modules together just the same).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAYERS = ['src', 'transforms', 'templates'];
const ROOT_MODULE = 'src/convert.ts';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each module (a path from the repository root) and the modules of this repository it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of LAYERS.flatMap((d) => tsFiles(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const m of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue; // a package or node: module
      targets.add(relative(root, resolve(dirname(file), spec)).replace(/\.js$/, '.ts'));
    }
    graph.set(relative(root, file), [...targets].sort());
  }
  return graph;
}

/** Every import cycle a depth-first walk closes, each as its path (`a -> b -> a`). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return cycles;
}

it('reads the import graph (every layer, and the imports of the composition root)', () => {
  const graph = importGraph();
  for (const layer of LAYERS) expect([...graph.keys()].some((m) => m.startsWith(`${layer}/`))).toBe(true);
  expect(graph.get(ROOT_MODULE)).toContain('transforms/index.ts');
  expect(graph.get(ROOT_MODULE)).toContain('templates/index.ts');
});

it('no module of src/ but src/convert.ts imports transforms/ or templates/', () => {
  const upward = [...importGraph()].filter(([from]) => from.startsWith('src/') && from !== ROOT_MODULE).flatMap(([from, targets]) => targets.filter((t) => /^(transforms|templates)\//.test(t)).map((t) => `${from} -> ${t}`));
  expect(upward, `src/ imports a pass or a preset:\n${upward.join('\n')}`).toEqual([]);
});

it('has no import cycle', () => {
  const cycles = findCycles(importGraph()).map((c) => c.join(' -> '));
  expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
});

it('finds cycles and reports their paths', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['b', 'a']],
    ['d', []],
  ]);
  expect(findCycles(graph)).toEqual([
    ['b', 'c', 'b'],
    ['a', 'b', 'c', 'a'],
  ]);
  expect(
    findCycles(
      new Map([
        ['a', ['b']],
        ['b', []],
      ]),
    ),
  ).toEqual([]);
});
