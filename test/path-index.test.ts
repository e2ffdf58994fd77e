// The lookups that replaced scans over every path (issue 12: thousands of build steps made them quadratic)
// must answer exactly as the scans did: each is compared with the scan it replaced on generated inputs
// where paths nest, repeat and share prefixes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeArtifacts } from '../src/artifacts.js';
import { insideAny, isInside, PathIndex } from '../src/paths.js';
import type { Artifact } from '../src/preset.js';
import { LayeredSet } from '../src/state-model.js';

// a small alphabet of names, so that generated paths nest, repeat and share prefixes (`/a` and `/ab`)
const path = fc.oneof(
  fc.constant('/'),
  fc.array(fc.constantFrom('a', 'ab', 'b', '*', 'a.b'), { minLength: 1, maxLength: 4 }).map((names) => `/${names.join('/')}`),
  fc.array(fc.constantFrom('a', 'ab', 'b'), { minLength: 1, maxLength: 3 }).map((names) => names.join('/')),
);

/** mergeArtifacts as it was: a scan of the whole list for every artifact. */
function mergeByScan(list: readonly Artifact[]): Artifact[] {
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

describe('path lookups', () => {
  it('insideAny and PathIndex answer as isInside over every member', () => {
    fc.assert(
      fc.property(fc.array(path, { maxLength: 12 }), path, (members, probe) => {
        const index = new PathIndex(members);
        expect(insideAny(probe, new Set(members))).toBe(members.some((m) => isInside(probe, m)));
        expect(index.covers(probe)).toBe(members.some((m) => isInside(probe, m)));
        expect(index.holdsWithin(probe)).toBe(members.some((m) => isInside(m, probe)));
        expect([...index.within(probe)].sort()).toEqual([...new Set(members.filter((m) => isInside(m, probe)))].sort());
      }),
      { numRuns: 3000 },
    );
  });

  it('mergeArtifacts gives what the scan over the whole list gave', () => {
    const artifact = fc.record({ path, producer: fc.integer({ min: 0, max: 6 }) }).map(({ path: p, producer }): Artifact => ({ path: p, producer, why: { id: 'artifact-output', data: { path: p, command: 'x' }, line: producer + 1 } }));
    fc.assert(
      fc.property(fc.array(artifact, { maxLength: 10 }), (list) => {
        expect(mergeArtifacts(list)).toEqual(mergeByScan(list));
      }),
      { numRuns: 3000 },
    );
  });

  it('a layered set reads, changes and iterates as a copy of its base would', () => {
    const op = fc.record({ kind: fc.constantFrom('add', 'delete', 'clear'), value: fc.constantFrom('a', 'b', 'c', 'd', 'e') });
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }), fc.array(op, { maxLength: 12 }), (base, ops) => {
        const baseSet = new Set<string>(base);
        const copy = new Set(baseSet);
        const layer = new LayeredSet(baseSet);
        for (const { kind, value } of ops) {
          if (kind === 'add') {
            copy.add(value);
            layer.add(value);
          }
          if (kind === 'delete') expect(layer.delete(value)).toBe(copy.delete(value));
          if (kind === 'clear' && value === 'e') {
            copy.clear();
            layer.clear();
          }
          expect([...layer]).toEqual([...copy]);
          expect(layer.size).toBe(copy.size);
          for (const v of ['a', 'b', 'c', 'd', 'e']) expect(layer.has(v)).toBe(copy.has(v));
        }
        // the base itself is left as it was
        expect([...baseSet]).toEqual(base);
      }),
      { numRuns: 2000 },
    );
  });
});
