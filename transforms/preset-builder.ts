// The few builder lines a preset must add or change (pip wheel, CGO_ENABLED=0), declared as data by the
// preset and written by src/step-printer.ts; everything else in the builder is the original, byte for byte.
// https://docs.docker.com/reference/dockerfile/#run
import { builderEditText } from '../src/step-printer.js';
import type { Pass } from './state.js';

export default {
  id: 'preset-builder',
  summary: "apply the preset's edits to the builder stage",
  run(state) {
    const edits = state.plan.decision.builderEdits ?? [];
    return edits.length ? { ...state, builderEdits: [...state.builderEdits, ...edits.map((e) => builderEditText(state.model, e))] } : state;
  },
} satisfies Pass;
