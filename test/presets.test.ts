// The command line's list of preset ids (src/preset-ids.ts, loaded without the presets) is the list of
// presets templates/index.ts registers, in the same order.
import { expect, it } from 'vitest';
import { presets } from '../templates/index.js';
import { PRESET_IDS } from '../src/preset-ids.js';

it('src/preset-ids.ts lists every registered preset, in order', () => {
  expect([...PRESET_IDS]).toEqual(presets.map((p) => p.id));
});
