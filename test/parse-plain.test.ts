// dfsplit reads dockerfile-ast's parse with plain instructions (src/parse.ts, PlainInstructionParser): the
// library's own lexer, without its per-keyword classes. It must find exactly what DockerfileParser.parse
// finds: the same instructions, keywords, ranges, comments, directives and escape character, on the edge
// cases below and on every corpus file (test/corpus/parse-plain.test.ts).
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../src/parse.js';
import { parseShape as shape } from './shared.js';

const CASES = [
  'FROM debian\nRUN <<EOF\napt-get update\nEOF\nCMD ["sh"]\n',
  'FROM debian\nRUN <<-EOF bash\n\techo a\n\tEOF\n',
  'FROM debian\nCOPY <<A /a <<"B" /b\nx\nA\ny\nB\nRUN --mount=type=cache,target=/c <<EOF\nmake\nEOF\n',
  'FROM debian\nRUN cat <<A <<B > f\none\nA\ntwo\nB\n',
  'FROM debian\nONBUILD RUN <<EOF\necho hi\nEOF\nONBUILD COPY . /app\nONBUILD\n',
  '# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\ `\n  # a comment inside\n  && echo done\n',
  '\uFEFFFROM debian\r\nRUN a \\\r\n  && b\r\n',
  'FROM debian\nRUN a \\\n\n  # comment\n  b\n# trailing\nEXPOSE 80 \\\n',
  'ARG V=1\nFROM debian:${V} AS base\nrun echo lower\nHEALTHCHECK CMD ["true"]\nSHELL ["/bin/bash", "-c"]\nUNKNOWN x\n',
  'FROM debian\nRUN echo \\ \nCMD',
  // heredocs the library finds although the text holds no `<<` (the escape character between the two `<`),
  // and texts that hold `<` or `<<` without one
  'FROM debian\nRUN <\\<EOF\nx\nEOF\n',
  'FROM debian\nRUN <\\\n<EOF\nx\nEOF\n',
  'FROM debian\nRUN <\\  \n# c\n<EOF\nx\nEOF\n',
  '# escape=`\nFROM debian\nRUN <`\n<EOF\nx\nEOF\n',
  'FROM debian\nONBUILD RUN <\\<EOF\nx\nEOF\n',
  'FROM debian\nRUN <""<EOF\nx\nEOF\nRUN "<<EOF"\nRUN < \\\n <EOF\nRUN sort < in > out\nCOPY a <b\n',
];

describe('dockerfile-ast parse with plain instructions', () => {
  it('builds the plain Instruction class, and ONBUILD its own', () => {
    const kinds = parseDockerfile(CASES[4]!)
      .getInstructions()
      .map((i) => [i.getKeyword(), Object.getPrototypeOf(i) === Instruction.prototype]);
    // where the library's internals are not as expected, parseDockerfile falls back to the full parse: this fails then
    expect(kinds).toEqual([
      ['FROM', true],
      ['ONBUILD', false],
      ['ONBUILD', false],
      ['ONBUILD', false],
    ]);
  });

  it('finds what DockerfileParser.parse finds on edge cases', () => {
    for (const text of CASES) expect(shape(parseDockerfile(text)), JSON.stringify(text)).toEqual(shape(DockerfileParser.parse(text)));
  });
});
