// src/shell.ts reads mvdan-sh's tree through the Go values behind its JavaScript wrappers (about six
// times faster). Here it is compared with a reader through the public wrappers (test/tools/
// shell-reference.ts) on hand-written scripts covering every node type and on the corpus's RUN lines
// (test/corpus/shell-tree.test.ts).
import { describe, expect, it } from 'vitest';
import { parseFull } from '../src/shell.js';
import { parseFullReference } from './tools/shell-reference.js';

const CASES = [
  'apt-get update && apt-get install -y gcc | tee log; cd /src && make',
  'a=(1 2); b[$(x)]=$(y); c "${z/a/$(q)}" ${w:-$(r)} $((1+$(n))) <(ls) >$(o) <<EOF\nhi $(h)\nEOF',
  'f() { g; }; (sub && cd /x && y); { blk; }; for i in a $(b); do c; done; for ((i=0;i<$(m);i++)); do :; done',
  'while a; do b; done; until c; do d; done; case $(x) in a|b) c;; *) d;; esac',
  '[[ -f $(x) && ! -d y ]]; time t; let a=1+2; declare -a d=(1 $(e)); ! neg; coproc cp { x; }',
  'echo @(a|b) ${x[1]} ${x:1:2} ${#x} `bt` "a $(b "c $(d)") e"',
  'if a; then b && c; elif d; then e; else f; fi > /tmp/out 2>&1',
  'export A=1 B C="x y" && readonly R=2 && local L',
  'X=1 Y="é ü" echo é "ü$x" > "/tmp/ö" && cd /dir/ü && make',
  'cmd > /dev/null 2>&1 &> /tmp/all >> /tmp/app >| /tmp/c',
  'a & b',
  'if true; then',
  '',
  '# only a comment',
  'a \\\n && b',
];

describe('shell reader through the Go values', () => {
  it('agrees with the reader through the public wrappers on hand-written scripts', () => {
    for (const src of CASES) expect(parseFull(src), JSON.stringify(src)).toEqual(parseFullReference(src));
    // the cases are not trivially empty: commands in bodies, loops and substitutions are found in order
    expect(parseFull(CASES[2]!).commands.map((c) => [c.words[0], c.nested])).toEqual(['g', 'sub', 'cd', 'y', 'blk', 'b', 'c', 'm', ':'].map((w) => [w, true]));
    expect(parseFull(CASES[8]!).commands.map((c) => c.words)).toEqual([['echo', 'é', 'ü$x'], ['cd', '/dir/ü'], ['make']]);
  });
});
