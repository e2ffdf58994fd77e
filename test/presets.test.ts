// The command line's list of preset ids (templates/ids.ts, loaded without the presets) is the list of
// presets templates/index.ts registers, in the same order.
import { expect, it } from 'vitest';
import { presets } from '../templates/index.js';
import { PRESET_IDS } from '../templates/ids.js';

it('templates/ids.ts lists every registered preset, in order', () => {
  expect([...PRESET_IDS]).toEqual(presets.map((p) => p.id));
});
