import { describe, expect, it } from 'vitest';
import type { InstructionOf, Keyword } from '../src/model.js';
import { parse } from '../src/parse.js';

/** The only instruction with `keyword` in `text` (after its FROM). */
function only<K extends Keyword>(text: string, keyword: K): InstructionOf<K> {
  const found = parse(text).instructions.filter((i): i is InstructionOf<K> => i.keyword === keyword);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('each instruction is read once, into fields by keyword', () => {
  it('FROM: image, lower-case stage name and platform, as the stage has them', () => {
    const m = parse('FROM --platform=linux/amd64 golang:1.22 AS Build\n');
    expect(m.instructions[0]).toMatchObject({ keyword: 'FROM', image: 'golang:1.22', name: 'build', platform: 'linux/amd64' });
    expect(m.stages[0]).toMatchObject({ image: 'golang:1.22', name: 'build', platform: 'linux/amd64' });
  });

  it('COPY and ADD: sources, destination and --from, in shell and exec form', () => {
    expect(only('FROM a\nCOPY --from=build --chown=app a.txt b/ /app/\n', 'COPY')).toMatchObject({ words: ['a.txt', 'b/', '/app/'], sources: ['a.txt', 'b/'], destination: '/app/', from: 'build' });
    expect(only('FROM a\nADD ["x y", "/z"]\n', 'ADD')).toMatchObject({ sources: ['x y'], destination: '/z', from: null });
  });

  it('ENV: pairs with quotes removed, and the legacy form with its value as written', () => {
    expect(only('FROM a\nENV A=1 B="two words" \\\n    C=$A\n', 'ENV').pairs).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', '$A'],
    ]);
    expect(only('FROM a\nENV PATH /opt/bin:$PATH\n', 'ENV').pairs).toEqual([['PATH', '/opt/bin:$PATH']]);
  });

  it('ARG: names, and defaults with their quotes removed', () => {
    expect(only('FROM a\nARG A B="x" C=\n', 'ARG').pairs).toEqual([
      { name: 'A', value: null },
      { name: 'B', value: 'x' },
      { name: 'C', value: '' },
    ]);
  });

  it('RUN: the script of the shell, exec and heredoc forms, and the mounts', () => {
    expect(only('FROM a\nRUN --mount=type=cache,target=/root/.cache pip install x\n', 'RUN')).toMatchObject({ form: 'shell', script: 'pip install x', mounts: ['type=cache,target=/root/.cache'] });
    expect(only('FROM a\nRUN ["make", "all"]\n', 'RUN')).toMatchObject({ form: 'exec', script: 'make all', mounts: [] });
    expect(only('FROM a\nRUN <<EOF\nset -e\nmake\nEOF\n', 'RUN')).toMatchObject({ form: 'heredoc', script: 'set -e\nmake' });
  });

  it('CMD and ENTRYPOINT: the shell text, its words, and its plain words only when it needs no shell', () => {
    expect(only('FROM a\nCMD node server.js --port 80\n', 'CMD')).toMatchObject({ form: 'shell', command: 'node server.js --port 80', words: ['node', 'server.js', '--port', '80'], plain: ['node', 'server.js', '--port', '80'] });
    expect(only('FROM a\nCMD node a.js && echo done\n', 'CMD')).toMatchObject({ form: 'shell', words: ['node', 'a.js', '&&', 'echo', 'done'], plain: null });
    expect(only('FROM a\nENTRYPOINT ["tini", "--"]\n', 'ENTRYPOINT')).toMatchObject({ form: 'exec', words: ['tini', '--'], plain: ['tini', '--'] });
  });

  it("the exec form as Docker's parser reads it: the first JSON value, whatever follows it (BuildKit of docker.io 20.10)", () => {
    expect(only('FROM a\nCMD ["go-wrapper", "run"] # ["app"]\n', 'CMD')).toMatchObject({ form: 'exec', words: ['go-wrapper', 'run'] });
    expect(only('FROM a\nCMD ["npm","start"];\n', 'CMD')).toMatchObject({ form: 'exec', words: ['npm', 'start'] });
    expect(only('FROM a\nCMD ["cp"] ["/code/a.war", "/webapps/"]\n', 'CMD')).toMatchObject({ form: 'exec', words: ['cp'] });
    expect(only('FROM a\nCMD ["say \\"]\\" now", "x"]]\n', 'CMD')).toMatchObject({ form: 'exec', words: ['say "]" now', 'x'] });
    // a first value that is no JSON array of strings is the shell form
    expect(only('FROM a\nRUN [ -f /etc/x ] || echo no\n', 'RUN')).toMatchObject({ form: 'shell' });
    expect(only('FROM a\nCMD [ "$(id -u)" = "0" ] || exit 1\n', 'CMD')).toMatchObject({ form: 'shell' });
    expect(only('FROM a\nCMD [1, 2]\n', 'CMD')).toMatchObject({ form: 'shell' });
    expect(only('FROM a\nCMD ["unclosed"\n', 'CMD')).toMatchObject({ form: 'shell' });
  });

  it('HEALTHCHECK: NONE, or the command after its options in exec or shell form', () => {
    expect(only('FROM a\nHEALTHCHECK NONE\n', 'HEALTHCHECK')).toMatchObject({ form: 'none', command: null });
    expect(only('FROM a\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n', 'HEALTHCHECK')).toMatchObject({ form: 'exec', command: { text: '["curl", "-f", "http://localhost/"]', json: ['curl', '-f', 'http://localhost/'] } });
    expect(only('FROM a\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n', 'HEALTHCHECK')).toMatchObject({ form: 'shell', command: { text: 'curl -f http://localhost/ || exit 1', json: null } });
  });

  it('WORKDIR, USER and VOLUME: the path, the user and the paths as written', () => {
    const m = parse('FROM a\nWORKDIR  /srv/app \nUSER app:app\nVOLUME ["/data", "/logs"]\nVOLUME /cache /tmp/x\n');
    expect(m.instructions.slice(1).map((i) => (i.keyword === 'WORKDIR' ? i.path : i.keyword === 'USER' ? i.user : i.keyword === 'VOLUME' ? i.paths : null))).toEqual(['/srv/app', 'app:app', ['/data', '/logs'], ['/cache', '/tmp/x']]);
  });
});
