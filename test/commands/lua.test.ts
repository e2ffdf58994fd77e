// The lua family (src/commands/lua.ts): luarocks installs into the system's Lua tree, repeated in the
// runtime stage.
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, replayedBy } from '../../src/commands/index.js';
import lua from '../../src/commands/lua.js';
import { convert } from '../../src/convert.js';

const scope = { workdir: '/app', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const kind = (script: string) => analyzeRun(script, scope).commands[0]!.kind;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);
const afterCompilers = (run: string) => `FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\nCOPY . /src\nRUN gcc -o /app /src/hello.c\nRUN ${run}\nCMD ["/app"]\n`;

describe('lua family', () => {
  it('answers for luarocks', () => {
    expect(familyOf('luarocks')).toBe(lua);
  });

  it('makes it setup, by its exact name only (kinds)', () => {
    expect(kind('luarocks install lua-cjson')).toBe('setup');
    expect(kind('/usr/local/openresty/luajit/bin/luarocks install lua-cjson')).toBe('unknown');
  });

  it('repeats its installs in the runtime stage, which may need the compilers (replayed)', () => {
    expect(replayedBy(['luarocks', 'install', 'lua-cjson'])).toBe(true);
    expect(ids(afterCompilers('luarocks install lua-cjson'))).toEqual(['replay-needs-build-tools']);
  });
});
