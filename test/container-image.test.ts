// Issue 25: the repository's own Dockerfile (dfsplit's container image) is already what dfsplit would
// write: converted, it comes out unchanged, and it keeps the conventions the image promises (a non-root
// user, dfsplit as the entrypoint, the working directory for the mounted project). Built and run on the
// stand-ins in test/e2e/image.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/convert.js';
import { parse } from '../src/parse.js';

const text = readFileSync(join(import.meta.dirname, '..', 'Dockerfile'), 'utf8');

describe("dfsplit's own Dockerfile", () => {
  it('comes out unchanged', () => {
    const r = convert(text);
    expect(r.status).toBe('unchanged');
    expect(r.reasons.map((x) => x.id)).toEqual(['multi-stage']);
  });

  it('runs dfsplit as a non-root user from /work, on the slim image of its builder', () => {
    const model = parse(text);
    const last = model.stages.at(-1)!;
    const words = (k: string) => last.instructions.map((i) => model.instructions[i]!).filter((i) => i.keyword === k);
    expect(model.stages.map((s) => s.image)).toEqual(['node:20-bookworm', 'node:20-bookworm-slim']);
    expect(words('USER').at(-1)?.args).toBe('node');
    expect(words('WORKDIR').at(-1)?.args).toBe('/work');
    expect(words('ENTRYPOINT').at(-1)?.args).toBe('["node", "/app/dist/src/cli.js"]');
  });
});
