// The fast path and the full shell parser agree: on every hand-written edge case (and corpus RUN line,
// test/corpus/shell-fast.test.ts) that the fast path accepts, it gives the same commands, words,
// assignments, redirection targets, offsets, operators and working directories as mvdan-sh.
import { describe, expect, it } from 'vitest';
import { fastSplit } from '../src/shell-fast.js';
import { parseFull, parseShell } from '../src/shell.js';
import { fastAgrees as compare } from './shared.js';

const CASES = [
  'apt-get update && apt-get install -y gcc',
  'a b; c',
  'a b ;c',
  'x=1 y="two words" cmd a > /tmp/f 2>&1',
  'a \\\n  && b \\\n  || c',
  'echo \'single $x\' "double $HOME ${PATH}" plain$x',
  'export A=1 B && cd /src && make',
  'a | b && c',
  'a && b | c | d',
  'cd /app\nmake\ncd sub && make install',
  '"A=1" cmd',
  'A="x y"',
  'cat < in > out 2>/dev/null >> log &>/tmp/all',
  '',
  '   ',
  'a &&',
  '&& a',
  'a ;; b',
  'if true; then a; fi',
  'echo $(date)',
  'for x in a b; do echo $x; done',
  'echo ${X:-default}',
  'echo "a\\$b"',
  'a & b',
  'echo é && ünï',
  'echo $(date) "at `hostname`" $((1 + 2))',
  'find . -name x -exec rm {} \\; && cp a{,.bak}',
  'a\\ b "x\\"y" c#d',
  'echo "a\\$b"',
  'echo ${X:-default} "${Y#pre}" ${#Z} ${P%%.*} ${Q/a/b} ${R:-"x y"} $1 $@ "$?" $$ && make',
  'V="$(date "+%F")" && echo $(a "b c") "$(d "$(e)")" && cd "$(dirname "$0")" && run',
  'tar -xzf x.tgz -C ${DIR:-/opt} && ./configure --prefix=${PREFIX:=/usr/local}',
  // compound commands: their simple commands nested, in the full parser's order, with its offsets
  '{ a; b; }',
  '(cd x && make) && y',
  '[ ! -f x ] && ! grep a b',
  'while read l; do echo $l; done < f',
  'if a; then b; elif c; then d; else e; fi',
  'until a; do b; done',
  'a && { b || c; } | d',
  'cd /x && if a; then cd y; b; fi && c',
  '( a ) > out',
  'for i in 1 2\ndo\n a\ndone',
  'set -e; for f in *.tar.gz; do tar -xzf "$f" -C /opt; rm $f; done; ls',
  'if [ "$X" = 1 ]; then\n  apt-get install -y gcc\nfi',
  // substitutions inside compound commands: their commands follow the command that holds them
  'for x in $(ls); do a; done',
  'while x=$(next); do a "$(b)" > $(c) d; done',
  'cd /x && if [ "$(uname -m)" = x86_64 ]; then export A=$(a; b); fi && c',
  'echo "hi!" a!b',
  // comments (to the end of the line), backquotes starting a word, substitutions in export values
  'apt-get install -y wget zip # ca-certificates curl',
  'a; # c && d\nb # e',
  'a b#c #d',
  'echo `id -u` && x',
  'export A=$(a) B && export C="x$(d e)"',
  'if a; then b # c\nfi',
  // a `$` that starts no expansion is literal; backquotes hold quotes, expansions and pipes
  'sed -i "s/^exit 101$/exit 0/" f && echo $ a$ "x$" a$/b "$:"',
  'cd boost_`echo ${V}|tr "." "_"` && b `# comment` c',
  'if a; then echo `x "y" $(z)`; fi',
  // a background command ends its statement as `;` does
  'a & b && c &',
  '( a & ) && b',
  'if a; then b & c; fi',
];

describe('fast path for RUN lines', () => {
  it('agrees with the full parser on hand-written cases, and declines what it does not read', () => {
    const accepted = CASES.filter(compare);
    // command substitutions inside compound commands are listed by the full parser: refused here
    for (const refused of [
      "sed 's/'#x",
      'export "$(a)"',
      'pip install git+https://h/r@$TAG#egg=x',
      'pip install "a"#b',
      "echo $'a'",
      'echo `a \\` b`',
      'export $(cat env)',
      'echo $(a # b\n)',
      'echo ${!X}',
      'echo ${X:-${Y}}',
      'a &&',
      '&& a',
      'a & ; b',
      '& a',
      'a ;; b',
      'a (b)',
      '((a))',
      'x=(1 2)',
      'f() { a; }',
      '{ a }',
      '! (a)',
      'if [ -n "${X:-$(y)}" ]; then a; fi',
      'if a; then echo $((1 + 2)); fi',
      'echo !(x)',
      'if a; then b fi',
      'for ((i=0; i<3; i++)); do a; done',
      'case $x in a) b;; esac',
    ]) {
      expect(fastSplit(refused), refused).toBeNull();
    }
    expect(accepted.length).toBeGreaterThanOrEqual(40);
    // compound commands nested deeper than the reader recurses are left to the full parser
    expect(fastSplit(`${'{ '.repeat(20)}a; ${'}; '.repeat(20)}`)?.commands.map((c) => c.words)).toEqual([['a']]);
    expect(fastSplit(`${'( '.repeat(5000)}a${' )'.repeat(5000)}`)).toBeNull();
  });

  it('leaves unread a script where mvdan-sh would start a comment inside a word', () => {
    // the shell runs `make` here; mvdan-sh reads `#egg=x && make` as a comment
    for (const src of ['pip install git+https://h/r@$TAG#egg=x && make', 'echo "a"#b && make', 'echo ${X}#y && make']) {
      expect(fastSplit(src), src).toBeNull();
      expect(
        parseFull(src).commands.map((c) => c.words[0]),
        src,
      ).not.toContain('make');
      expect(parseShell(src).error, src).toMatch(/# right after a word/);
    }
    // a comment after a blank or an operator is a comment to both
    for (const src of ['apt-get install -y a # b && c', 'a;#c']) expect(parseShell(src).error, src).toBeNull();
  });
});
