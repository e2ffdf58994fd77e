// Install the tools a HEALTHCHECK/CMD/ENTRYPOINT calls that the runtime base lacks.
// https://docs.docker.com/reference/dockerfile/#healthcheck
import { installCommand } from '../src/analyze/packages.js';
import { generated, type Pass } from './state.js';

export default {
  id: 'extra-packages',
  summary: 'install tools the runtime commands call but the smaller base lacks',
  run(state) {
    const extra = state.plan.extraPackages;
    if (!extra) return state;
    const line = generated('RUN', `RUN ${installCommand(extra.tool, extra.manager, extra.packages, false)}`);
    const [from, ...rest] = state.runtime;
    return { ...state, runtime: from ? [from, line, ...rest] : [line] };
  },
} satisfies Pass;
