// Copy this folder to templates/<id>/ to write a preset, then list it in templates/index.ts and its id in
// src/preset-ids.ts (test/presets.test.ts checks the two agree).
// A preset says when it applies (detect) and what it changes (decide); the generic split does the rest.
// It hands over data, never Dockerfile text: src/step-printer.ts writes the steps and edits below.
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
    // builderEdits, execForm, command, findings, declines (see src/preset.ts). For example:
    //   artifacts: [{ path: '/app/dist', producer: index, why: { id: 'artifact-output', data: { path: '/app/dist', command: 'npm run build' } } }],
    //   runtimeReplacements: new Map([[index, [{ kind: 'install', manager: 'apt', packages: ['libpq5'] }, { kind: 'copy', source: '/wheels', dest: '/wheels' }, { kind: 'run', script: 'pip install --no-index --find-links=/wheels app' }]]]),
    //   builderEdits: [{ kind: 'run', after: index, script: 'npm prune --omit=dev' }, { kind: 'assign', index, at: command.start, name: 'CGO_ENABLED', value: '0' }],
    void input;
    return {};
  },
} satisfies Preset;
