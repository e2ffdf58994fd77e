// Write the declared pin of a moving builder tag (src/pin.ts): the FROM names the tag of the release the builder
// is built on (`golang` -> `golang:trixie`); the rest of the line stays byte for byte.
// https://docs.docker.com/reference/dockerfile/#from
import { builderEditText } from '../src/step-printer.js';
import type { Pass } from './state.js';

export default {
  id: 'pin-builder',
  summary: "name the pinned tag of the builder's moving image in its FROM",
  run(state) {
    const pin = state.plan.builderPin;
    if (!pin) return state;
    return { ...state, builderEdits: [...state.builderEdits, builderEditText(state.model, { kind: 'image', index: state.plan.builder.from, ...pin })] };
  },
} satisfies Pass;
