// The presets dfsplit knows, in the order `--preset auto` tries them: the first whose detect() answers wins.
import type { Preset } from '../src/preset.js';

export const presets: readonly Preset[] = [];
