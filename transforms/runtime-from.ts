// Start the runtime stage on the planned base image.
// https://docs.docker.com/reference/dockerfile/#from
import { generated, type Pass } from './state.js';

export default {
  id: 'runtime-from',
  summary: 'start the runtime stage on the smaller base image',
  run(state) {
    const from = state.model.instructions[state.plan.builder.from]!;
    const platform = from.flags.find((f) => f.name === 'platform');
    const text = `FROM ${platform ? `--platform=${platform.value} ` : ''}${state.plan.runtimeBase}`;
    return { ...state, runtime: [generated('FROM', text), ...state.runtime] };
  },
} satisfies Pass;
