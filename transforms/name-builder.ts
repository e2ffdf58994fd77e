// Name the original stage so the runtime stage can copy from it.
// https://docs.docker.com/build/building/multi-stage/#name-your-build-stages
import type { Pass } from './state.js';

export default {
  id: 'name-builder',
  summary: 'name the original stage (FROM ... AS builder); an existing name is reused',
  run(state) {
    if (state.plan.builderNamed) return state;
    const from = state.model.instructions[state.plan.builder.from]!;
    // after the image and any trailing spaces on the FROM line, before a line comment can't occur
    const at = from.start + from.raw.trimEnd().length;
    return { ...state, builderEdits: [...state.builderEdits, { at, remove: 0, text: ` AS ${state.plan.builderName}` }] };
  },
} satisfies Pass;
