// The builder invariant of test/invariants.ts reads the edits a preset declared (convertDetailed), not a
// pattern of any one preset's lines: conversions with builder edits pass it, and the same output fails it
// as soon as an edit is left undeclared, declared elsewhere, or is not of a legal kind.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { directoryContext, NO_CONTEXT } from '../src/context.js';
import { convertDetailed, type ConvertOptions } from '../src/convert.js';
import type { BuilderEdit } from '../src/preset.js';
import { resultInvariants } from './invariants.js';

const fixture = (name: string) => {
  const dir = fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
  const options: ConvertOptions = { context: existsSync(`${dir}context`) ? directoryContext(`${dir}context`) : NO_CONTEXT };
  const input = readFileSync(`${dir}input.Dockerfile`, 'utf8');
  return { input, options, detailed: convertDetailed(input, options) };
};

describe('the builder keeps the input but for the declared edits', () => {
  it.each([
    ['arg-before-from', 'assign'],
    ['python-wheels-compiled-libs', 'run'],
    ['node-pnpm-prune', 'run'],
  ])('%s: its %s edits are declared and pass', (name, kind) => {
    const { input, options, detailed } = fixture(name);
    expect(detailed.result.status).toBe('changed');
    expect(detailed.builderEdits.map((e) => e.kind)).toContain(kind);
    expect(resultInvariants(input, detailed, options)).toEqual([]);
    // the same output without the declaration: the edited line is a change the invariant refuses
    expect(resultInvariants(input, { ...detailed, builderEdits: [] }, options).join('\n')).toMatch(/missing or changed|extra lines|should follow/);
  });

  it('refuses an assignment declared in front of another command than the one edited', () => {
    const { input, options, detailed } = fixture('arg-before-from');
    const moved = detailed.builderEdits.map((e): BuilderEdit => (e.kind === 'assign' ? { ...e, at: e.at + 1 } : e));
    expect(resultInvariants(input, { ...detailed, builderEdits: moved }, options).join('\n')).toMatch(/not NAME=value in front of a command/);
  });

  it('refuses edits of a kind a preset may not make', () => {
    const { input, options, detailed } = fixture('node-pnpm-prune');
    const run = detailed.builderEdits.find((e) => e.kind === 'run')!;
    const twoLines: BuilderEdit = { ...run, script: 'pnpm prune --prod\nRUN rm -rf /' } as BuilderEdit;
    expect(resultInvariants(input, { ...detailed, builderEdits: [twoLines] }, options).join('\n')).toMatch(/not one line/);
    const go = fixture('arg-before-from');
    const assign = go.detailed.builderEdits.find((e) => e.kind === 'assign')!;
    expect(resultInvariants(go.input, { ...go.detailed, builderEdits: [{ ...assign, value: '0; rm -rf /' } as BuilderEdit] }, go.options).join('\n')).toMatch(/not NAME=value/);
  });
});
