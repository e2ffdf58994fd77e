// The transform passes, in the order they run. Each is `{ id, summary, run }` and returns a new state.
import carryInstructions from './carry-instructions.js';
import nameBuilder from './name-builder.js';
import pinBuilder from './pin-builder.js';
import presetBuilder from './preset-builder.js';
import runtimeFrom from './runtime-from.js';
import type { Pass } from './state.js';

export const passes: readonly Pass[] = [nameBuilder, pinBuilder, presetBuilder, runtimeFrom, carryInstructions];
export type { Pass, State, RuntimeLine } from './state.js';
