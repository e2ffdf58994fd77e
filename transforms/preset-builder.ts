// The few builder lines a preset must add or change (pip wheel, CGO_ENABLED=0); everything else in
// the builder is the original, byte for byte. https://docs.docker.com/reference/dockerfile/#run
import type { Pass } from './state.js';

export default {
  id: 'preset-builder',
  summary: "apply the preset's edits to the builder stage",
  run(state) {
    const edits = state.plan.decision.builderEdits ?? [];
    return edits.length ? { ...state, builderEdits: [...state.builderEdits, ...edits] } : state;
  },
} satisfies Pass;
