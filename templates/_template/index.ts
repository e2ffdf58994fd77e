// Copy this folder to templates/<id>/ to write a preset, then list it in templates/index.ts and its id in
// src/preset-ids.ts (test/presets.test.ts checks the two agree).
// A preset says when it applies (detect) and what it changes (decide); the generic split does the rest.
import type { Preset } from '../../src/preset.js';

export default {
  id: '_template',
  summary: 'one line that says what the preset produces',
  detect(input) {
    // Return a reason a human can read when the preset applies, or null.
    void input;
    return null;
  },
  decide(input) {
    // Everything is optional: runtimeBase, artifacts, runtimeReplacements, overrides, dropFromRuntime,
    // builderEdits, execForm, findings, declines (see src/preset.ts).
    void input;
    return {};
  },
} satisfies Preset;
