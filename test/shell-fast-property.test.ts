// The fast path and the full shell parser agree on generated scripts too, not only on the corpus's:
// random nestings of the compound commands the fast path reads (( ), { }, if/elif/else, for, while,
// until, !), with substitutions, quotes, assignments, redirections, comments and operators. Wherever the fast
// path accepts a script, its answer must be the full parser's; it must never throw. Fixed seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastSplit } from '../src/shell-fast.js';
import { parseFull } from '../src/shell.js';

const SEED = 20_261_123;

const word = fc.constantFrom('a', 'b', 'x.c', '/tmp/f', '-o', '--prefix=/usr', '"q w"', "'s q'", '$HOME', '${V}', '${V:-d}', '"$X"', 'k=v', '!', 'a!b', '}', '{a,b}', '*.txt', 'é', '`id -u`', '`echo "q w" $V|tr . _`', '"x`a \'b\'`"', 'a$', '"$ .*$"', '$/x', 'K=$(a b)', 'K="x$(a)"', 'a#b', '#c', '$V#x', 'a!#b');
const simpleCommand = fc
  .tuple(
    fc.constantFrom('', 'A=1 ', 'B="x y" '),
    fc.constantFrom('echo', 'cd', 'make', 'rm', 'apt-get', 'export', '[', 'true', 'cp'),
    fc.array(word, { maxLength: 3 }),
    fc.constantFrom('', ' > out', ' 2>&1', ' >> /var/log/x', ' < in'),
    // a comment runs to the end of the line, over the operators written after it on the same line
    fc.constantFrom('', '', ' # c', ' #; x && y'),
  )
  .map(([assign, cmd, args, redir, comment]) => `${assign}${cmd}${args.length ? ` ${args.join(' ')}` : ''}${cmd === '[' ? ' ]' : ''}${redir}${comment}`);
const subst = fc.oneof(
  simpleCommand.map((c) => `$(${c})`),
  simpleCommand.map((c) => `"$(${c})"`),
  fc.constantFrom('`date`', '$((1 + 2))', '$(a; b)'),
);
const withSubst = fc.tuple(simpleCommand, fc.option(subst, { nil: undefined })).map(([c, s]) => (s ? `${c} ${s}` : c));
const sep = fc.constantFrom('; ', '\n', ' && ', ' || ', ' | ', ';\n  ', ' & ', ' &\n');

const script: fc.Arbitrary<string> = fc.letrec<{ stmt: string; list: string }>((tie) => ({
  stmt: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    withSubst,
    withSubst.map((c) => `! ${c}`),
    tie('list').map((l) => `( ${l} )`),
    tie('list').map((l) => `{ ${l}; }`),
    fc.tuple(tie('list'), tie('list'), fc.option(tie('list'), { nil: undefined })).map(([c, t, e]) => `if ${c}; then ${t}; ${e ? `else ${e}; ` : ''}fi`),
    fc.tuple(fc.array(word, { maxLength: 3 }), tie('list')).map(([items, body]) => `for i in ${items.join(' ')}; do ${body}; done`),
    fc.tuple(fc.constantFrom('while', 'until'), tie('list'), tie('list')).map(([k, c, b]) => `${k} ${c}; do ${b}; done`),
  ),
  list: fc.tuple(tie('stmt'), fc.array(fc.tuple(sep, tie('stmt')), { maxLength: 2 })).map(([first, rest]) => `${first}${rest.map(([s, x]) => s + x).join('')}`),
})).list;

describe('fast path on generated scripts', () => {
  it('never throws, and wherever it accepts a script it answers what the full parser answers', () => {
    let accepted = 0;
    let compound = 0;
    fc.assert(
      fc.property(fc.tuple(script, fc.constantFrom('', 'cd /src && ', 'set -e; ')), ([s, prefix]) => {
        const src = `${prefix}${s}`;
        const fast = fastSplit(src);
        if (!fast) return;
        accepted++;
        if (/[({]|\b(if|for|while|until)\b/.test(src)) compound++;
        expect(fast, JSON.stringify(src)).toEqual(parseFull(src));
      }),
      { seed: SEED, numRuns: 4000 },
    );
    console.log(`fast path on generated scripts: ${accepted} of 4000 accepted, ${compound} with compound commands`);
    // the generator must reach the compound reader, or this test proves nothing about it
    expect(accepted).toBeGreaterThan(300);
    expect(compound).toBeGreaterThan(150);
  });
});
