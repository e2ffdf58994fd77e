// Print the runtime stage the plan decided (src/runtime-stage.ts and src/plan-runtime.ts, proven by
// src/state-model.ts): the ARGs it declares again, the tools it installs, runtime instructions verbatim
// (or in exec form), the runtime halves of mixed RUNs and a COPY --from per artifact.
// https://docs.docker.com/build/building/multi-stage/
import { generated, type Pass, type RuntimeLine } from './state.js';

export default {
  id: 'carry-instructions',
  summary: 'print the planned runtime stage: ARGs, tools, runtime instructions, runtime packages and artifacts',
  run(state) {
    const lines: RuntimeLine[] = state.plan.runtimeSteps.map((s) => (s.verbatim && s.source !== null ? { text: s.text, source: s.source, keyword: s.keyword } : generated(s.keyword, s.text)));
    return { ...state, runtime: [...state.runtime, ...lines] };
  },
} satisfies Pass;
